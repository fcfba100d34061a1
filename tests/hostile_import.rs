//! Hostile but small inputs to the importer, read the way the widget's
//! `transcript` and `notes` attributes read them: each shape that once made
//! a reader quadratic (or its memory grow past the input many times over)
//! must now scale linearly, and stay within 8 times the input plus 16 MB.

#![cfg(not(target_arch = "wasm32"))]

mod measure;

use episode_viewer::core::import::transcript_file::read_transcript_source;
use episode_viewer::core::import::{ImportRequest, NamedText};
use episode_viewer::core::Episode;
use measure::{assert_scales, measure, memory_bound};

/// Imports `transcript` (and `notes`) as the widget's `transcript` and
/// `notes` attributes do.
fn import(transcript: Option<&str>, notes: Option<&str>) -> Result<Episode, String> {
    read_transcript_source(&ImportRequest {
        transcript: transcript.map(|text| NamedText { name: "t", text }),
        notes: notes.map(|text| NamedText { name: "n", text }),
        duration: Some(400_000.0),
        chapter_pins: true,
    })
}

fn transcript(text: &str) -> Result<Episode, String> {
    import(Some(text), None)
}

fn notes(text: &str) -> Result<Episode, String> {
    import(None, Some(text))
}

#[test]
fn times_closing_a_bracket_never_opened() {
    // clock_marks: each `]` after a time looked back for its `[`.
    assert_scales(
        "Sam: 0:00]…",
        |n| format!("Sam: {}", "0:00]".repeat(n)),
        transcript,
    );
    assert_scales(
        "Sam: [x 0:00]…",
        |n| format!("Sam: [{}", "x 0:00] ".repeat(n)),
        transcript,
    );
    assert_scales(
        "notes 0:00]…",
        |n| format!("0:00 Intro\n{}", "x 0:00]".repeat(n)),
        notes,
    );
}

#[test]
fn sentences_before_an_aside_that_never_closes() {
    // sentences: each sentence looked for a `]` to the paragraph's end.
    assert_scales(
        "Yes. [b …",
        |n| format!("Sam: {}", "Yes. [b ".repeat(n)),
        transcript,
    );
    assert_scales(
        "[Yes. b …",
        |n| format!("Sam: [{}", "Yes. b ".repeat(n)),
        transcript,
    );
}

#[test]
fn long_runs_of_whitespace() {
    // text_lines: whitespace trimmed once per character.
    let spaces = |n: usize| format!("Sam: a{}b", " \t\u{a0}".repeat(n));
    assert_scales("a line of spaces (transcript)", spaces, transcript);
    assert_scales(
        "a line of spaces (notes)",
        |n| format!("0:00 a{}b", " ".repeat(n)),
        notes,
    );
    assert_scales(
        "lines of spaces",
        |n| format!("Sam: a\n{}b", "   \n".repeat(n)),
        transcript,
    );
    assert_scales(
        "an HTML paragraph of spaces",
        |n| format!("<p>0:00 Intro</p><p>{}</p><p>1:00 b</p>", " \n".repeat(n)),
        notes,
    );
    assert_scales("bullets", |n| format!("0:00 {}a", "- ".repeat(n)), notes);
}

#[test]
fn full_stops_in_a_chapter_title() {
    // show_notes: the title split at each `.` from its end.
    assert_scales(
        "0:00 a.a.a.…",
        |n| format!("0:00 {}\n1:00 b", "a.".repeat(n)),
        notes,
    );
    assert_scales(
        "0:00 a. a. …",
        |n| format!("0:00 {}\n1:00 b", "a. ".repeat(n)),
        notes,
    );
    // The time after its title: the title is the item's last sentence.
    assert_scales(
        "a.a.a. (1:14)",
        |n| format!("Intro (0:00)\n{} (1:14)", "a.".repeat(n)),
        notes,
    );
    assert_scales(
        "a.a.a. (1:14)…",
        |n| format!("Intro (0:00) {}", "a.a.a. (1:14) ".repeat(n)),
        notes,
    );
}

#[test]
fn colons_and_speakers() {
    // plain_transcript: each `:` scanned the marks before it, and each line
    // every speaker.
    assert_scales(
        "Sam: a: a: …",
        |n| format!("Sam: {}", "a: ".repeat(n)),
        transcript,
    );
    assert_scales(
        "Sam: 1:0: …",
        |n| format!("Sam: {}", "1:0: ".repeat(n)),
        transcript,
    );
    assert_scales(
        "a new speaker on every line",
        |n| {
            (0..n)
                .map(|index| format!("Speaker {index}: Hello there, how are you.\n"))
                .collect()
        },
        transcript,
    );
    assert_scales(
        "Name: on every line, in an HTML transcript",
        |n| {
            (0..n)
                .map(|index| {
                    format!(
                        "<cite>Guest {index}:</cite><time>0:{:02}</time><p>Hi.</p>\n",
                        index % 60
                    )
                })
                .collect()
        },
        transcript,
    );
}

#[test]
fn chapter_titles_matched_against_a_long_transcript() {
    // chapter_pins: each word was looked up in a list of the title's words.
    let words = |n: usize| format!("Sam: {}", "harbour lighthouse keeper ferry ".repeat(n));
    let topics: String = (0..200)
        .map(|index| {
            format!(
                "{}:{:02} The harbour lighthouse keeper number {index}\n",
                index,
                index % 60
            )
        })
        .collect();
    assert_scales("200 chapters, many words", words, |text| {
        import(Some(text), Some(&topics))
    });
    let long_title = |n: usize| {
        format!(
            "0:00 Intro\n1:00 {}\n",
            "harbour lighthouse keeper ferry ".repeat(n)
        )
    };
    let speech = format!("Sam: {}", "harbour lighthouse keeper ferry. ".repeat(5_000));
    assert_scales("a long title, many words", long_title, |notes| {
        import(Some(&speech), Some(notes))
    });
    // Titles of many different words against sentences of many different
    // words: each title word was looked for word by word.
    let distinct = |from: usize, count: usize| -> String {
        (from..from + count)
            .map(|index| format!("word{index:06} "))
            .collect()
    };
    let titles: String = (0..200)
        .map(|index| format!("{}:{:02} {}\n", index, index % 60, distinct(index * 90, 90)))
        .collect();
    assert_scales(
        "titles and sentences of distinct words",
        |n| {
            format!(
                "Sam: {}",
                (0..n)
                    .map(|index| distinct(index * 50 % 18_000, 50) + ". ")
                    .collect::<String>()
            )
        },
        |text| import(Some(text), Some(&titles)),
    );
}

#[test]
fn the_same_time_given_twice_after_a_long_title() {
    // show_notes: each "time given twice" warning copied the earlier title
    // (4 GB for 240 KB of notes).
    let text = format!(
        "0:00 {}\n{}",
        "x".repeat(100_000),
        "0:00 y\n".repeat(20_000)
    );
    let (took, peak) = measure(|| notes(&text));
    println!("240 KB of repeated times: {took:?}, {peak} bytes");
    assert!(
        peak <= memory_bound(text.len()),
        "{peak} bytes for {} bytes",
        text.len()
    );
    let episode = notes(&text).unwrap();
    assert!(
        episode.warnings.len() <= 101,
        "{} warnings",
        episode.warnings.len()
    );
    assert!(
        episode
            .warnings
            .last()
            .is_some_and(|last| last.to_string().contains("more problems")),
        "{:?}",
        episode.warnings.last()
    );
    assert_scales(
        "repeated times after a long title",
        |n| format!("0:00 {}\n{}", "x".repeat(n), "0:00 y\n".repeat(n / 5)),
        notes,
    );
}

#[test]
fn labels_after_unusual_spacing_or_indentation_are_still_read() {
    // A no-break space between the time and the name, several times first,
    // and a long indentation: all still speaker turns.
    let text = "Sam: Good point.[00:12:30]\u{a0}Gale: Next one here.\nSam: Again.[00:12:30] [00:12:35] [00:12:40] [00:12:45] Gale: hi there\n";
    let episode = transcript(text).unwrap();
    assert_eq!(episode.speakers.len(), 2, "{:?}", episode.speakers);
    let indented = format!(
        "{}Sam: hello there friend\n\n{}Gale: and hello to you\n\nSam: bye now\n",
        " ".repeat(250),
        " ".repeat(250)
    );
    let episode = transcript(&indented).unwrap();
    let names: Vec<&str> = episode.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Sam", "Gale"]);
}
