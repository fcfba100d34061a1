//! The importer: chapters from show notes, speaker turns and inline times
//! from untimed transcripts, and estimated line times; and writing episodes
//! back out as episode JSON and WebVTT.

use episode_viewer::core::export::{to_episode_json, to_webvtt};
use episode_viewer::core::formats::webvtt::parse_webvtt;
use episode_viewer::core::import::{import_episode, ImportRequest, NamedText};
use episode_viewer::core::time::format_clock;
use episode_viewer::core::warnings::shown;
use episode_viewer::core::{parse_episode_json, Episode, Timing};

const NOTES: &str = include_str!("corpus/import/shownotes.txt");
const NOTES_HTML: &str = include_str!("corpus/import/shownotes.html");
const TRANSCRIPT: &str = include_str!("corpus/import/transcript.txt");
const DURATION: f64 = 17.5 * 60.0;

fn import(transcript: Option<&str>, notes: Option<&str>, duration: Option<f64>) -> Episode {
    import_episode(&ImportRequest {
        transcript: transcript.map(|text| NamedText {
            name: "transcript.txt",
            text,
        }),
        notes: notes.map(|text| NamedText {
            name: "notes.txt",
            text,
        }),
        duration,
        chapter_pins: true,
    })
    .unwrap()
}

fn chapters(episode: &Episode) -> Vec<(String, &str)> {
    episode
        .chapters
        .iter()
        .map(|chapter| (format_clock(chapter.start), chapter.title.as_str()))
        .collect()
}

fn line_starting<'e>(episode: &'e Episode, text: &str) -> &'e episode_viewer::core::Line {
    episode
        .lines
        .iter()
        .find(|line| line.text.starts_with(text))
        .unwrap_or_else(|| panic!("no line starts with {text:?}"))
}

#[test]
fn show_notes_give_chapters_at_line_and_item_edges_only() {
    let episode = import(None, Some(NOTES), Some(DURATION));
    assert_eq!(
        chapters(&episode),
        [
            ("0:00".to_string(), "Introduction"),
            ("1:14".to_string(), "Ivo's first night on the island"),
            (
                "4:30".to_string(),
                "Storms, fog signals and the great blackout"
            ),
            ("8:05".to_string(), "Automation arrives"),
            ("9:40".to_string(), "Life after the light"),
            ("12:20".to_string(), "Listener questions"),
            ("14:02".to_string(), "Where to visit the lighthouse today"),
            ("15:30".to_string(), "Ivo also talks about his new book"),
            ("16:45".to_string(), "the restoration of the lamp room"),
        ]
    );
    assert_eq!(
        episode.timing,
        Timing::Exact,
        "no transcript, nothing estimated"
    );
    assert!(episode.lines.is_empty());
    assert_eq!(episode.chapters.last().unwrap().end, DURATION);
    assert!(episode.warnings.is_empty(), "{:?}", episode.warnings);
}

#[test]
fn html_show_notes_are_read_as_text() {
    let episode = import(None, Some(NOTES_HTML), None);
    assert_eq!(
        chapters(&episode),
        [
            ("0:00".to_string(), "Introduction"),
            ("1:14".to_string(), "Ivo’s first night on the island"),
            (
                "4:30".to_string(),
                "Storms, fog signals & the great blackout"
            ),
            ("8:05".to_string(), "Automation arrives"),
            ("15:30".to_string(), "Ivo also talks about his new book"),
        ]
    );
}

#[test]
fn show_notes_drop_duplicates_and_times_after_the_end() {
    let notes =
        "- 00:00 Welcome\n- 05:00 Main topic\n- (05:00) Main topic again\n- 40:00 Bonus\n- 3:00\n";
    let episode = import(None, Some(notes), Some(600.0));
    assert_eq!(
        chapters(&episode),
        [
            ("0:00".to_string(), "Welcome"),
            ("5:00".to_string(), "Main topic")
        ]
    );
    let warnings = shown(&episode.warnings).join("\n");
    assert!(
        warnings
            .contains("\"notes.txt\" line 3: 5:00 is already the start of \"Main topic\" (line 2)"),
        "{warnings}"
    );
    assert!(warnings.contains("\"notes.txt\" line 4: \"Bonus\" starts at 40:00, after the end of the episode (10:00); skipped"), "{warnings}");
    assert!(
        warnings.contains("\"notes.txt\" line 5: 3:00 has no title beside it; skipped"),
        "{warnings}"
    );
}

#[test]
fn prose_times_are_not_chapters() {
    let notes = "We met at 9:30 (10:15 in Berlin) for coffee.\nThe train at 12:30 was late, and so was the 1:45 one.\n";
    assert!(import(None, Some(notes), None).chapters.is_empty());
}

#[test]
fn transcript_turns_speakers_and_asides() {
    let episode = import(Some(TRANSCRIPT), None, Some(DURATION));
    let names: Vec<&str> = episode
        .speakers
        .iter()
        .map(|speaker| speaker.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["Mara", "Ivo", "Listener Jo"],
        "Note: is not a speaker"
    );
    assert_eq!(episode.timing, Timing::Estimated);
    let note = line_starting(&episode, "Note: he was joking");
    assert_eq!(episode.speaker_of(note).unwrap().name, "Ivo");
    assert!(line_starting(&episode, "Thank you, Mara.")
        .text
        .ends_with("[laughs]"));
    assert!(line_starting(&episode, "The old keeper had left a note").paragraph);
    assert!(
        !line_starting(&episode, "My first night").paragraph,
        "a new turn, not a paragraph"
    );
    assert!(episode.lines.iter().all(|line| line.words.is_empty()));
    // A time in brackets of its own leaves the text; one closing an aside stays.
    assert_eq!(
        line_starting(&episode, "And then the storms").text,
        "And then the storms came."
    );
    assert!(line_starting(&episode, "[inaudible 00:07:52] we never")
        .text
        .contains("00:07:52"));
}

#[test]
fn written_times_pin_their_lines() {
    let episode = import(Some(TRANSCRIPT), None, Some(DURATION));
    let storms = line_starting(&episode, "And then the storms");
    assert_eq!(storms.start, 4.0 * 60.0 + 28.0);
    assert!(!storms.estimated);
    let questions = line_starting(&episode, "We have some listener questions");
    assert_eq!(questions.start, 12.0 * 60.0 + 18.0);
    // Inside a sentence: the sentence starts a little before the time.
    let inaudible = line_starting(&episode, "[inaudible 00:07:52]");
    assert!(
        inaudible.start < 7.0 * 60.0 + 52.0 && inaudible.start > 7.0 * 60.0 + 40.0,
        "{}",
        inaudible.start
    );
    assert!(inaudible.estimated);
}

#[test]
fn times_never_decrease_and_fill_the_episode() {
    for (transcript, duration) in [(TRANSCRIPT, Some(DURATION)), (TRANSCRIPT, None)] {
        let episode = import(Some(transcript), Some(NOTES), duration);
        let extrapolated = episode.warnings.iter().any(|warning| {
            warning
                .to_string()
                .contains("the episode's length is not known")
        });
        assert_eq!(extrapolated, duration.is_none());
        assert_eq!(episode.lines.first().unwrap().start, 0.0);
        for pair in episode.lines.windows(2) {
            assert!(
                pair[0].start <= pair[0].end && pair[0].end <= pair[1].start,
                "{:?}",
                pair
            );
        }
        let last = episode.lines.last().unwrap();
        if let Some(duration) = duration {
            assert!((last.end - duration).abs() < 1e-6);
        } else {
            // Extrapolated from the written times' pace: about 16 minutes.
            assert!(
                last.end > 14.0 * 60.0 && last.end < 19.0 * 60.0,
                "{}",
                last.end
            );
        }
    }
}

#[test]
fn chapter_titles_found_in_the_transcript_pin_its_lines() {
    let pinned = import(Some(TRANSCRIPT), Some(NOTES), Some(DURATION));
    let automation = line_starting(&pinned, "Then automation arrived");
    assert_eq!(automation.start, 8.0 * 60.0 + 5.0);
    let visit = line_starting(&pinned, "Where can people visit");
    assert_eq!(visit.start, 14.0 * 60.0 + 2.0);
    let unpinned = import_episode(&ImportRequest {
        transcript: Some(NamedText {
            name: "t",
            text: TRANSCRIPT,
        }),
        notes: Some(NamedText {
            name: "n",
            text: NOTES,
        }),
        duration: Some(DURATION),
        chapter_pins: false,
    })
    .unwrap();
    assert_ne!(
        line_starting(&unpinned, "Then automation arrived").start,
        8.0 * 60.0 + 5.0
    );
}

#[test]
fn a_written_time_that_goes_backwards_is_not_used() {
    let transcript = "A: One two three four five.\n\nB: [00:01:00] Six seven eight nine ten.\n\nA: [00:00:30] Eleven twelve thirteen fourteen.\n\nB: Fifteen sixteen seventeen eighteen.\n";
    let episode = import(Some(transcript), None, Some(120.0));
    assert_eq!(shown(&episode.warnings), ["\"transcript.txt\" line 5: the time 0:30: earlier than a time before it in the transcript (1:00); not used"]);
    assert_eq!(line_starting(&episode, "Six").start, 60.0);
}

#[test]
fn leading_times_and_name_time_lines_anchor_turns() {
    let transcript = "[00:00:05] Ana: Good morning and welcome back.\nBen (00:00:09): Morning, everyone, good to be here.\n\nAna  0:14\nLet us begin with the news today.\n\nBen  0:20\nThe news is short today, fortunately.\n";
    let episode = import(Some(transcript), None, Some(30.0));
    let starts: Vec<(f64, &str)> = episode
        .lines
        .iter()
        .map(|line| (line.start, line.text.as_str()))
        .collect();
    assert_eq!(
        starts,
        [
            (5.0, "Good morning and welcome back."),
            (9.0, "Morning, everyone, good to be here."),
            (14.0, "Let us begin with the news today."),
            (20.0, "The news is short today, fortunately."),
        ]
    );
    assert!(episode.lines.iter().all(|line| !line.estimated));
}

#[test]
fn nothing_to_import_and_empty_transcripts_say_so() {
    let none = import_episode(&ImportRequest::default()).unwrap_err();
    assert_eq!(
        none.to_string(),
        "nothing to import: give a transcript, show notes or both"
    );
    let empty = import_episode(&ImportRequest {
        transcript: Some(NamedText {
            name: "t.txt",
            text: " \n\n",
        }),
        ..ImportRequest::default()
    })
    .unwrap_err();
    assert_eq!(empty.to_string(), "\"t.txt\": the transcript has no text");
}

#[test]
fn episode_json_written_out_reads_back_the_same() {
    let episode = import(Some(TRANSCRIPT), Some(NOTES), Some(DURATION));
    let json = to_episode_json(&episode);
    let mut read = parse_episode_json(&json).unwrap();
    let round = |time: f64| (time * 1000.0).round() / 1000.0;
    let mut expected = episode.clone();
    expected.warnings.clear();
    for line in &mut expected.lines {
        line.start = round(line.start);
        line.end = round(line.end);
    }
    for chapter in &mut expected.chapters {
        chapter.start = round(chapter.start);
        chapter.end = round(chapter.end);
    }
    read.warnings.clear();
    // The speakers table is keyed by name, so they may come back in another
    // order: compare lines by speaker name.
    let names = |episode: &Episode| -> Vec<Option<String>> {
        episode
            .lines
            .iter()
            .map(|line| episode.speaker_of(line).map(|speaker| speaker.name.clone()))
            .collect()
    };
    assert_eq!(names(&read), names(&expected));
    for episode in [&mut read, &mut expected] {
        episode.speakers.sort_by(|a, b| a.name.cmp(&b.name));
        for line in &mut episode.lines {
            line.speaker = None;
        }
    }
    assert_eq!(read, expected);
    assert!(json.contains("\"timing\": \"estimated\""));
}

#[test]
fn webvtt_written_out_keeps_speakers_texts_and_times() {
    let episode = parse_episode_json(include_str!("corpus/episode/full.json")).unwrap();
    let vtt = to_webvtt(&episode);
    let read = parse_webvtt(&vtt).unwrap();
    assert!(read.warnings.is_empty(), "{:?}", read.warnings);
    assert_eq!(read.lines.len(), episode.lines.len());
    for (written, line) in read.lines.iter().zip(&episode.lines) {
        assert_eq!(written.display_text().text, line.display_text().text);
        assert!((written.start - line.start).abs() < 0.0005);
        let speaker = |index: Option<usize>, speakers: &[episode_viewer::core::Speaker]| {
            index
                .and_then(|index| speakers.get(index))
                .map(|speaker| speaker.name.clone())
        };
        // A cue without a voice takes the one before it, so only lines that
        // name a speaker can be compared.
        if line.speaker.is_some() {
            assert_eq!(
                speaker(written.speaker, &read.speakers),
                speaker(line.speaker, &episode.speakers)
            );
        }
        assert_eq!(written.words.len(), line.words.len());
    }
    let hostile = Episode {
        lines: vec![episode_viewer::core::Line {
            start: 0.0,
            end: 1.0,
            text: "a --> b <i>c</i> & d".to_string(),
            ..Default::default()
        }],
        ..Episode::default()
    };
    let read = parse_webvtt(&to_webvtt(&hostile)).unwrap();
    assert_eq!(read.lines[0].text, "a --> b <i>c</i> & d");
}

#[test]
fn large_inputs_import_in_linear_time() {
    let clock = |seconds: usize| {
        format!(
            "{}:{:02}:{:02}",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        )
    };
    // One paragraph of 20,000 sentences with a written time after each, and
    // 5,000 chapters whose titles all occur in it: the shapes that would be
    // quadratic if anchors, chapter matches or their agreement were found
    // by scanning.
    let mut transcript = String::from("Sam Host: ");
    let mut notes = String::new();
    for index in 0..20_000 {
        transcript.push_str(&format!(
            "Harbour sentence number {index} has several words. [{}] ",
            clock(index * 3 + 2)
        ));
        if index % 4 == 0 {
            notes.push_str(&format!(
                "- Harbour sentence number {index} ({})\n",
                clock(index * 3)
            ));
        }
    }
    transcript.push_str("\n\nGale Guest: The end.\n\nSam Host: Goodbye.\n");
    let started = std::time::Instant::now();
    let episode = import(Some(&transcript), Some(&notes), Some(20_000.0 * 3.0 + 10.0));
    let elapsed = started.elapsed();
    assert_eq!(episode.lines.len(), 20_002);
    assert_eq!(episode.chapters.len(), 5_000);
    // A debug build takes well under a second; the bound only catches
    // quadratic work (which takes minutes here).
    assert!(elapsed.as_secs() < 20, "{elapsed:?}");
}
