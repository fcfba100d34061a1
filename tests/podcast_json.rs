//! Podcasting 2.0 JSON transcripts and JSON Chapters.

mod common;

use episode_viewer::core::formats::json_chapters::parse_json_chapters;
use episode_viewer::core::formats::podcast_json::parse_podcast_json;
use episode_viewer::core::warnings::shown;

use common::{corpus_file, rows};

fn corpus(name: &str) -> String {
    corpus_file("json", name)
}

#[test]
fn sentence_segments_become_lines() {
    let transcript = parse_podcast_json(&corpus("segments.json")).unwrap();
    assert_eq!(
        rows(&transcript),
        [
            (0.0, 4.5, Some("Alice"), "Welcome back to the show."),
            (4.5, 4.5, Some("Bob"), "Glad to be here, really."),
            (9.25, 12.0, None, "A segment without a speaker."),
        ]
    );
    assert!(transcript.lines.iter().all(|line| line.words.is_empty()));
    assert!(transcript.warnings.is_empty());
}

#[test]
fn word_segments_are_regrouped_into_lines_keeping_word_timings() {
    let transcript = parse_podcast_json(&corpus("words.json")).unwrap();
    assert_eq!(
        rows(&transcript),
        [
            (0.0, 1.0, Some("Alice"), "Hello, world."),
            (1.1, 1.9, Some("Alice"), "Second sentence"),
            (4.0, 4.8, Some("Alice"), "after pause"),
            (4.8, 5.6, Some("Bob"), "Bob's turn!"),
            (5.6, 6.0, Some("Bob"), "“Quoted?”"),
            (6.0, 6.4, Some("Bob"), "next"),
        ]
    );
    let first: Vec<(f64, f64, &str)> = transcript.lines[0]
        .words
        .iter()
        .map(|w| (w.start, w.end, w.text.as_str()))
        .collect();
    assert_eq!(
        first,
        [
            (0.0, 0.4, "Hello"),
            (0.4, 0.5, ","),
            (0.5, 0.9, "world"),
            (0.9, 1.0, ".")
        ]
    );
    // A word without endTime ends where the next begins.
    assert_eq!(transcript.lines[3].words[1].end, 5.6);
}

#[test]
fn word_segments_among_sentence_segments_are_regrouped() {
    let file = r#"{"version": "1.0.0", "segments": [
        {"speaker": "Ada", "startTime": 0, "endTime": 2.5, "body": "Our archive moved to the new building."},
        {"speaker": "Ada", "startTime": 2.6, "endTime": 2.9, "body": "Forty"},
        {"speaker": "Ada", "startTime": 2.9, "endTime": 3.3, "body": "percent"},
        {"speaker": "Ada", "startTime": 3.3, "endTime": 3.6, "body": "fewer"},
        {"speaker": "Ada", "startTime": 3.6, "endTime": 4.0, "body": "pages."},
        {"speaker": "Ben", "startTime": 4.5, "endTime": 6.0, "body": "That sounds like a loss to me."},
        {"speaker": "Ben", "startTime": 6.1, "endTime": 6.4, "body": "Yes."}
    ]}"#;
    let transcript = parse_podcast_json(file).unwrap();
    let texts: Vec<&str> = transcript.lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Our archive moved to the new building.",
            "Forty percent fewer pages.",
            "That sounds like a loss to me.",
            "Yes."
        ]
    );
    let words: Vec<(f64, &str)> = transcript.lines[1]
        .words
        .iter()
        .map(|word| (word.start, word.text.as_str()))
        .collect();
    assert_eq!(
        words,
        [
            (2.6, "Forty"),
            (2.9, "percent"),
            (3.3, "fewer"),
            (3.6, "pages.")
        ]
    );
    assert!(transcript.lines[0].words.is_empty());
    assert_eq!(
        (transcript.lines[1].start, transcript.lines[1].end),
        (2.6, 4.0)
    );
}

#[test]
fn long_unpunctuated_word_runs_are_broken_up() {
    let segments: Vec<String> = (0..100)
        .map(|i| {
            format!(
                r#"{{"speaker":"A","startTime":{},"endTime":{},"body":"w{i}"}}"#,
                i as f64 * 0.3,
                i as f64 * 0.3 + 0.25
            )
        })
        .collect();
    let json = format!(
        r#"{{"version":"1.0.0","segments":[{}]}}"#,
        segments.join(",")
    );
    let transcript = parse_podcast_json(&json).unwrap();
    let sizes: Vec<usize> = transcript
        .lines
        .iter()
        .map(|line| line.words.len())
        .collect();
    assert_eq!(sizes, [40, 40, 20]);
}

#[test]
fn bad_segments_are_skipped_with_warnings() {
    let transcript = parse_podcast_json(&corpus("broken-segments.json")).unwrap();
    assert_eq!(
        rows(&transcript),
        [
            (0.0, 2.0, Some("Alice"), "Fine."),
            (3.0, 4.0, Some("Alice"), "Out of order."),
            (6.0, 6.0, Some("Alice"), "Ends before it starts.")
        ]
    );
    assert_eq!(
        shown(&transcript.warnings),
        [
            r#"segments[1].startTime: expected seconds, got "soon"; segment skipped"#,
            "segments[2].startTime: missing; expected seconds; segment skipped",
            r#"segments[3]: expected an object, got "not an object"; segment skipped"#,
            "segments[6]: empty segment skipped",
            "segments[7].speaker: expected text, got 42; segment skipped",
            "segments[5]: starts at 3, before the segment above it (6); segments were sorted into time order",
            "segments[4]: ends at 5 before it starts at 6; treated as ending at its start",
        ]
    );
}

#[test]
fn documents_that_are_not_transcripts_are_errors() {
    let cases = [
        (
            "{",
            "not valid JSON: the file ends inside an object at line 1 column 2",
        ),
        ("[]", "expected an object, got a list"),
        (
            r#"{"version":"1.0.0"}"#,
            "segments: missing; expected the list of transcript segments",
        ),
        (
            r#"{"segments":{}}"#,
            "segments: expected a list, got an object",
        ),
    ];
    for (json, expected) in cases {
        assert_eq!(parse_podcast_json(json).unwrap_err().to_string(), expected);
    }
    assert!(parse_podcast_json(r#"{"segments":[]}"#)
        .unwrap()
        .lines
        .is_empty());
}

#[test]
fn json_chapters_are_sorted_with_silent_markers_kept_unlisted() {
    let file = parse_json_chapters(&corpus("chapters.json"), Some(300.0)).unwrap();
    let chapters: Vec<(f64, f64, &str, bool)> = file
        .chapters
        .iter()
        .map(|c| (c.start, c.end, c.title.as_str(), c.in_toc))
        .collect();
    assert_eq!(
        chapters,
        [
            (0.0, 60.0, "Introduction", true),
            (60.0, 95.5, "The interview", true),
            (95.5, 120.0, "Sponsor", false),
            (120.0, 150.0, "Chapter 4", true),
            (
                150.0,
                300.0,
                "Clock-style start, an endTime before it",
                true
            ),
        ]
    );
    assert_eq!(
        file.chapters[0].img.as_deref(),
        Some("https://example.org/intro.jpg")
    );
    assert_eq!(
        file.chapters[0].url.as_deref(),
        Some("https://example.org/")
    );
    assert_eq!(
        shown(&file.warnings),
        [
            "chapters[4].endTime: 100 is before the start, 150; ignored",
            "chapters[5].startTime: missing; expected seconds; chapter skipped",
            "chapters[6].title: expected text, got 5; chapter skipped",
        ]
    );
}

#[test]
fn the_last_chapter_ends_at_its_start_without_a_duration() {
    let file = parse_json_chapters(
        r#"{"version":"1.2.0","chapters":[{"startTime":5,"title":"Only"}]}"#,
        None,
    )
    .unwrap();
    assert_eq!(file.chapters[0].end, 5.0);
}

#[test]
fn json_chapters_errors() {
    let cases = [
        (
            r#"{"version":"2.0.0","chapters":[]}"#,
            r#"version: unsupported JSON Chapters version "2.0.0"; supported: 1.x (e.g. "1.2.0")"#,
        ),
        (
            r#"{"version":1.2,"chapters":[]}"#,
            "version: unsupported JSON Chapters version 1.2; supported: 1.x (e.g. \"1.2.0\")",
        ),
        (
            r#"{"version":"1.2.0"}"#,
            "chapters: missing; expected the list of chapters",
        ),
        (
            "nope",
            "not valid JSON: expected a value at line 1 column 1",
        ),
    ];
    for (json, expected) in cases {
        assert_eq!(
            parse_json_chapters(json, None).unwrap_err().to_string(),
            expected
        );
    }
}

/// Reads `text` as a Podcasting 2.0 transcript and as JSON Chapters: what
/// is read keeps the invariants the widget relies on (checked as the fuzz
/// targets check them), and a refusal says why.
fn read_mangled(text: &str) {
    // The fuzz checks are built for the native tests only.
    #[cfg(not(target_arch = "wasm32"))]
    {
        episode_viewer::fuzzing::run("podcast_json", text.as_bytes());
        episode_viewer::fuzzing::run("json_chapters", text.as_bytes());
    }
    if let Err(error) = parse_podcast_json(text) {
        assert!(!error.message.is_empty(), "{text:?}");
    }
    if let Err(error) = parse_json_chapters(text, Some(10.0)) {
        assert!(!error.message.is_empty(), "{text:?}");
    }
}

#[test]
fn never_panics_on_mangled_documents() {
    for source in [
        corpus("words.json"),
        corpus("chapters.json"),
        corpus("broken-segments.json"),
    ] {
        let chars: Vec<char> = source.chars().collect();
        for cut in (0..chars.len()).step_by(2) {
            let prefix: String = chars[..cut].iter().collect();
            read_mangled(&prefix);
            for insert in ['"', '-', '9', ']', '}', 'e'] {
                let mut mangled = chars.clone();
                mangled.insert(cut, insert);
                read_mangled(&mangled.into_iter().collect::<String>());
            }
        }
    }
}
