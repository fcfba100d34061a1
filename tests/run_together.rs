//! Text whose line breaks were lost (a page copied as plain text): the
//! shapes the issue names, read as if the breaks were there.

use episode_viewer::core::import::transcript_file::read_transcript_source;
use episode_viewer::core::import::{ImportRequest, NamedText};
use episode_viewer::core::time::format_clock;
use episode_viewer::core::Episode;

/// Reads as the widget's `transcript` and `notes` attributes do.
fn import(transcript: Option<&str>, notes: Option<&str>) -> Episode {
    read_transcript_source(&ImportRequest {
        transcript: transcript.map(|text| NamedText {
            name: "transcript.txt",
            text,
        }),
        notes: notes.map(|text| NamedText {
            name: "notes.txt",
            text,
        }),
        duration: Some(3600.0),
        chapter_pins: true,
    })
    .unwrap()
}

fn chapters(notes: &str) -> Vec<(String, String)> {
    import(None, Some(notes))
        .chapters
        .iter()
        .map(|chapter| (format_clock(chapter.start), chapter.title.clone()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(time, title)| (time.to_string(), title.to_string()))
        .collect()
}

#[test]
fn items_run_together_after_a_lead_in_end_at_their_times() {
    assert_eq!(
        chapters("In this episode, we cover:Our guest talks about her role (1:14)She and the host discuss storms (5:59)Links Referenced:Lighthouse: https://example.org/"),
        pairs(&[
            ("1:14", "Our guest talks about her role"),
            ("5:59", "She and the host discuss storms")
        ])
    );
}

#[test]
fn a_time_followed_by_a_capital_ends_its_item() {
    assert_eq!(
        chapters("Topics: The history of the pier (0:40) The differences between tides (4:49) Where to go next (9:02)"),
        pairs(&[
            ("0:40", "The history of the pier"),
            ("4:49", "The differences between tides"),
            ("9:02", "Where to go next")
        ])
    );
}

#[test]
fn a_sentence_run_into_a_title_is_not_part_of_it() {
    assert_eq!(
        chapters("She tells us how she learned to practice creativity.We discuss Spain (5:51)Her new book (12:10)"),
        pairs(&[("5:51", "We discuss Spain"), ("12:10", "Her new book")])
    );
}

#[test]
fn time_first_items_run_together() {
    assert_eq!(
        chapters("Timestamps:00:00:00 - Intro00:01:56 - How they met 00:10:10 - The move Links: https://example.org/"),
        pairs(&[
            ("0:00", "Intro"),
            ("1:56", "How they met"),
            ("10:10", "The move")
        ])
    );
}

#[test]
fn quotation_marks_around_a_title_stay() {
    assert_eq!(
        chapters("Chapters:“Embracing change” (01:45)“Letting go” (03:30)"),
        pairs(&[("1:45", "“Embracing change”"), ("3:30", "“Letting go”")])
    );
}

#[test]
fn turns_run_together_after_sentence_ends_get_their_speakers() {
    let episode = import(
        Some("Gale: We could have had a world nuclear war here. [laugh]. So, I guess that’s it.Sam: Welcome to the show.Gale: Thanks for having me, it is good to be here.Sam: Did you sail there also?And so, we do it every year now."),
        None,
    );
    let names: Vec<&str> = episode.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Gale", "Sam"]);
    let lines: Vec<(Option<&str>, &str, bool)> = episode
        .lines
        .iter()
        .map(|line| {
            (
                line.speaker.map(|index| names[index]),
                line.text.as_str(),
                line.paragraph,
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            (
                Some("Gale"),
                "We could have had a world nuclear war here. [laugh].",
                false
            ),
            (Some("Gale"), "So, I guess that’s it.", false),
            (Some("Sam"), "Welcome to the show.", false),
            (
                Some("Gale"),
                "Thanks for having me, it is good to be here.",
                false
            ),
            (Some("Sam"), "Did you sail there also?", false),
            (Some("Sam"), "And so, we do it every year now.", true),
        ]
    );
}

#[test]
fn a_description_with_a_transcript_section_gives_chapters_and_turns() {
    for description in [
        "Notes: Welcome (0:00)Her voyage (2:10)\nTranscript\nSam: Welcome to the show today.\nAda: Thank you, it is lovely to be here.\nSam: Tell us about it [00:02:10] the voyage.\nAda: It began on a grey morning in May.",
        "Notes: Welcome (0:00)Her voyage (2:10)Resources: https://x.example/TranscriptSam: Welcome to the show today.Ada: Thank you, it is lovely to be here.Sam: Tell us about it [00:02:10] the voyage.\nAda: It began on a grey morning in May.",
    ] {
        let episode = import(Some(description), Some(description));
        let chapters: Vec<&str> = episode.chapters.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(chapters, ["Welcome", "Her voyage"], "{description}");
        let names: Vec<&str> = episode.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Sam", "Ada"], "{description}");
        assert_eq!(episode.lines.first().map(|l| l.text.as_str()), Some("Welcome to the show today."));
        assert!(episode.lines.iter().all(|line| line.speaker.is_some()));
    }
}

#[test]
fn a_speaker_written_in_two_cases_is_one_person_with_the_usual_spelling() {
    let episode = import(
        Some("SAM: Hello there, everyone.\nAda: Hi Sam, good to be here.\nSam: Let us begin then.\nAda: Yes, let us.\nSam: First question for you.\nAda: Go ahead.\nSam: Why the sea?\nSAM: And a second one too."),
        None,
    );
    let names: Vec<&str> = episode.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Sam", "Ada"]);
}

#[test]
fn a_transcription_tools_footer_is_not_speech() {
    let episode = import(
        Some("Dana  0:00\nHello and welcome to the show.\n\nLuis  0:04\nThanks, Dana, good to be here.\n\nDana  0:09\nLet us begin with the harbour.\n\nTranscribed by https://otter.ai\n"),
        None,
    );
    assert_eq!(
        episode.lines.last().map(|line| line.text.as_str()),
        Some("Let us begin with the harbour.")
    );
}

/// Well-formed notes and transcripts that the break rules must leave alone.
#[test]
fn ordinary_text_is_not_broken_where_it_only_looks_run_together() {
    assert_eq!(
        chapters("Read the full Transcript\n00:00 Intro\n05:00 Main part"),
        pairs(&[("0:00", "Intro"), ("5:00", "Main part")]),
        "a sentence ending in the word Transcript is not the heading"
    );
    assert_eq!(
        chapters("05:12 - John 3:16 Explained\n12:30 The 9:30 Train"),
        pairs(&[("5:12", "John 3:16 Explained"), ("12:30", "The 9:30 Train")]),
        "a time inside a title, written unlike the item's own time or earlier than it"
    );
    assert_eq!(
        chapters("Opening Credits: the band (0:00)\nCheck out Resources: the book (3:00)"),
        pairs(&[
            ("0:00", "Opening Credits: the band"),
            ("3:00", "Check out Resources: the book")
        ])
    );
    assert_eq!(
        chapters("05:00 - Listener notes: your letters\nBonus episode: The making of (9:00)"),
        pairs(&[
            ("5:00", "Listener notes: your letters"),
            ("9:00", "Bonus episode: The making of")
        ]),
        "one-word lead-ins only as the whole label"
    );
    let episode = import(
        Some("Sam: Hello, good to see you.\nGale: I read the court Transcript\nSam: And what did it say?\nGale: The sign said \"Sam: back at noon.\" So I waited.\nSam: Fair enough then."),
        None,
    );
    let names: Vec<&str> = episode.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Sam", "Gale"]);
    let turns: Vec<(&str, &str)> = episode
        .lines
        .iter()
        .map(|line| (names[line.speaker.unwrap()], line.text.as_str()))
        .collect();
    assert_eq!(turns[1], ("Gale", "I read the court Transcript"));
    assert_eq!(
        turns[3],
        ("Gale", "The sign said \"Sam: back at noon.\" So I waited.")
    );
    assert_eq!(turns.len(), 5);
}

#[test]
fn a_capital_after_a_bracketed_time_ends_the_item_in_any_case() {
    assert_eq!(
        chapters("Intro (0:00) THE BIG QUESTION (5:00)Q&A with listeners (9:30)"),
        pairs(&[
            ("0:00", "Intro"),
            ("5:00", "THE BIG QUESTION"),
            ("9:30", "Q&A with listeners")
        ])
    );
}

#[test]
fn an_html_description_gives_its_notes_and_the_turns_after_its_transcript_heading() {
    let page = "<html><body><p>Published <time>March 1, 2024</time></p>\
        <ul><li>Welcome (0:00)</li><li>The harbour (3:10)</li></ul>\
        <h2>Transcript</h2><p>Sam: Welcome back to the harbour show.</p>\
        <p>Ada: Thanks, Sam, it is good to be here.</p><p>Sam: Let us start then.</p>\
        <p>Ada: Gladly, there is much to tell.</p></body></html>";
    let episode = import(Some(page), Some(page));
    let chapters: Vec<&str> = episode.chapters.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(chapters, ["Welcome", "The harbour"]);
    let names: Vec<&str> = episode.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Sam", "Ada"]);
    assert_eq!(episode.lines[0].text, "Welcome back to the harbour show.");
    assert!(
        episode.warnings.is_empty(),
        "a publication date is not a bad time: {:?}",
        episode.warnings
    );
}

/// Shapes a first-time user tried (`/tmp/trial`, written without the code).
#[test]
fn notes_layouts_from_a_blind_trial() {
    assert_eq!(
        chapters("We sat down with Ana and Rui. 00:00:00 - Intro 00:01:56 - How they met 00:10:10 - The move"),
        pairs(&[("0:00", "Intro"), ("1:56", "How they met"), ("10:10", "The move")]),
        "prose before time-first items on the same line"
    );
    assert_eq!(
        chapters("Great talk.0:00 Intro1:56 How they met10:10 The move"),
        pairs(&[
            ("0:00", "Intro"),
            ("1:56", "How they met"),
            ("10:10", "The move")
        ])
    );
    assert_eq!(
        chapters("Great talk. Timestamps: 0:00 Intro, 1:56 How they met, 10:10 The move"),
        pairs(&[
            ("0:00", "Intro"),
            ("1:56", "How they met"),
            ("10:10", "The move")
        ])
    );
    assert_eq!(
        chapters("We sat down with Ana and Rui, who left Toronto.Timestamps:00:00:00 - Intro00:01:56 - How they met 00:10:10 - The move"),
        pairs(&[("0:00", "Intro"), ("1:56", "How they met"), ("10:10", "The move")]),
        "prose run into a lead-in and time-first items"
    );
    assert_eq!(
        chapters("TIMESTAMPS:00:00 INTRO02:10 WHY IT FAILED (AND WHO WAS BLAMED)27:40 LESSONS FOR TODAY SPONSORS: https://skywatch.example"),
        pairs(&[
            ("0:00", "INTRO"),
            ("2:10", "WHY IT FAILED (AND WHO WAS BLAMED)"),
            ("27:40", "LESSONS FOR TODAY")
        ]),
        "all caps, a time run into a closing bracket, a shouted trailing section"
    );
    assert_eq!(
        chapters("00:00 INTRO02:10 THE STORM14:05 WHY IT FAILED"),
        pairs(&[
            ("0:00", "INTRO"),
            ("2:10", "THE STORM"),
            ("14:05", "WHY IT FAILED")
        ])
    );
    assert_eq!(
        chapters("00:00 INTRO 02:10 THE STORM 14:05 WHY IT FAILED"),
        pairs(&[
            ("0:00", "INTRO"),
            ("2:10", "THE STORM"),
            ("14:05", "WHY IT FAILED")
        ])
    );
    assert_eq!(
        chapters("Topics:• Intro – 0:00• The history of maps – 2:30• Mercator vs. Peters – 10:15"),
        pairs(&[
            ("0:00", "Intro"),
            ("2:30", "The history of maps"),
            ("10:15", "Mercator vs. Peters")
        ])
    );
    assert_eq!(
        chapters(
            "2:15 John 3:16 Explained\nReading plan: https://plans.example/plan?v=2.0&start=10:00"
        ),
        pairs(&[("2:15", "John 3:16 Explained")]),
        "a time inside a title or a link"
    );
    assert_eq!(
        chapters(
            "03:12 Warum Bäume miteinander „sprechen“\n05:00 He said “hello”\n07:00 “Letting go”"
        ),
        pairs(&[
            ("3:12", "Warum Bäume miteinander „sprechen“"),
            ("5:00", "He said “hello”"),
            ("7:00", "“Letting go”")
        ]),
        "quotes whose partner is in the title stay"
    );
}

#[test]
fn an_ellipsis_before_lower_case_does_not_end_the_sentence() {
    let episode = import(
        Some("Ana: It was really... well, and the taste was something else.\nRui: I can imagine it was good.\nAna: It was the best of the trip.\nRui: Then we go back next year."),
        None,
    );
    assert_eq!(
        episode.lines[0].text,
        "It was really... well, and the taste was something else."
    );
}
