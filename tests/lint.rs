//! `check`'s findings: what the widget would repair, order, overlaps, gaps
//! and speakers, each with its line.

use episode_viewer::core::formats::FileFormat;
use episode_viewer::core::lint::{lint_file, Finding, LintOptions, Severity};

fn findings(text: &str) -> Vec<(Severity, String)> {
    lint_file(text, None, LintOptions::default())
        .unwrap()
        .findings
        .into_iter()
        .map(|Finding { severity, message }| (severity, message))
        .collect()
}

#[test]
fn episode_json_unknown_speakers_and_order_have_lines() {
    let text = r#"{
  "version": 1,
  "speakers": { "sam": "Sam Host", "gale": "Gale Guest" },
  "transcript": [
    { "start": 0, "speaker": "sam", "text": "Hello." },
    { "start": 9, "end": 9.5, "speaker": "gail", "text": "Hi." },
    { "start": 4, "speaker": "sam", "text": "Out of order." },
    { "start": 30, "end": 31, "speaker": "gale", "text": "After a long silence." }
  ]
}"#;
    assert_eq!(
        findings(text),
        [
            (Severity::Error, "transcript[2] (line 7): starts at 4, before the line above it (9); lines were sorted into time order".to_string()),
            (Severity::Warning, "transcript[1] (line 6): the speaker \"gail\" is not a key of \"speakers\" (sam, gale); shown as a speaker of its own with that name".to_string()),
            (Severity::Warning, "transcript[3] (line 8): 21 s with no line before it (0:09 to 0:30)".to_string()),
        ]
    );
}

#[test]
fn one_speaker_written_two_ways_is_an_error() {
    let text = "WEBVTT\n\n00:00.000 --> 00:02.000\n<v Sam Host>Hello.\n\n00:02.000 --> 00:04.000\n<v sam host>Hello again.\n\n00:03.000 --> 00:05.000\n<v Gale>Overlapping.\n";
    assert_eq!(
        findings(text),
        [
            (Severity::Error, "line 6: the speaker \"sam host\" looks like \"Sam Host\" (line 3) written differently; the widget shows them as two speakers".to_string()),
            (Severity::Warning, "line 9: starts at 0:03, before the one at line 6 ends (0:04): they overlap".to_string()),
        ]
    );
}

#[test]
fn a_clean_file_has_no_findings_and_gaps_follow_the_option() {
    let text = "1\n00:00:00,000 --> 00:00:02,000\nOne.\n\n2\n00:00:08,000 --> 00:00:09,000\nTwo.\n";
    assert!(findings(text).is_empty());
    let strict = lint_file(text, None, LintOptions { longest_gap: 5.0 }).unwrap();
    assert_eq!(strict.findings.len(), 1);
    assert!(!strict.has_errors());
}

#[test]
fn an_unreadable_file_is_an_error_with_the_readers_message() {
    let error = lint_file(
        "{\"version\": 2, \"transcript\": []}",
        None,
        LintOptions::default(),
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "version: unsupported version 2; supported versions: 1"
    );
    assert!(lint_file(
        "<html><body>Not found</body></html>",
        None,
        LintOptions::default()
    )
    .is_err());
    let plain = lint_file("just words", None, LintOptions::default()).unwrap();
    assert_eq!((plain.format, plain.lines), (FileFormat::PlainText, 1));
    assert!(plain.findings.is_empty(), "{:?}", plain.findings);
}
