//! WebVTT: from cues to transcript lines. (Cue times and text are checked
//! against Chromium's own parser in `vtt_against_chromium.rs`.)

mod common;

use episode_viewer::core::formats::webvtt::{parse_cue_text, parse_cues, parse_webvtt};
use episode_viewer::core::formats::Transcript;
use episode_viewer::core::warnings::shown;

use common::{corpus_file, rows};

fn corpus(name: &str) -> String {
    corpus_file("vtt", name)
}

fn read(name: &str) -> Transcript {
    parse_webvtt(&corpus(name)).unwrap()
}

fn speakers_of(transcript: &Transcript) -> Vec<Option<&str>> {
    rows(transcript).into_iter().map(|row| row.2).collect()
}

#[test]
fn bom_crlf_header_and_identifiers() {
    let transcript = read("bom-crlf.vtt");
    let texts: Vec<&str> = transcript.lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Welcome to the show.",
            "This cue carries the speaker forward.",
            "Thanks for having me!"
        ]
    );
    let times: Vec<(f64, f64)> = transcript.lines.iter().map(|l| (l.start, l.end)).collect();
    assert_eq!(times, [(0.0, 2.5), (2.5, 5.0), (5.0, 7.25)]);
    assert!(transcript.warnings.is_empty(), "{:?}", transcript.warnings);
    let cues = parse_cues(&corpus("bom-crlf.vtt")).unwrap().cues;
    assert_eq!(cues[0].id, "intro");
    assert_eq!(cues[2].id, "2");
}

#[test]
fn a_speaker_carries_forward_until_the_next_voice() {
    let transcript = read("bom-crlf.vtt");
    assert_eq!(
        speakers_of(&transcript),
        [Some("Sam Host"), Some("Sam Host"), Some("Gale Guest")]
    );
    let transcript = read("voices.vtt");
    assert_eq!(
        speakers_of(&transcript),
        [
            Some("Roger Bingham"),
            Some("Roger Bingham"),
            Some("Roger Bingham"),
            Some("Neil deGrasse Tyson"),
            Some("Neil deGrasse Tyson"),
        ]
    );
}

#[test]
fn short_and_very_long_timings() {
    let starts: Vec<f64> = read("short-timings.vtt")
        .lines
        .iter()
        .map(|l| l.start)
        .collect();
    assert_eq!(starts, [1.0, 62.5, 3599.999]);
    let times: Vec<(f64, f64)> = read("long-hours.vtt")
        .lines
        .iter()
        .map(|l| (l.start, l.end))
        .collect();
    assert_eq!(times, [(360000.0, 360003.0), (44445598.0, 44445599.5)]);
}

#[test]
fn notes_styles_and_regions_are_skipped() {
    let texts: Vec<String> = read("notes-styles-regions.vtt")
        .lines
        .into_iter()
        .map(|l| l.text)
        .collect();
    assert_eq!(texts, ["After the header blocks.", "Still read."]);
}

#[test]
fn markup_is_dropped_and_entities_decoded() {
    let texts: Vec<String> = read("markup-entities.vtt")
        .lines
        .into_iter()
        .map(|l| l.text)
        .collect();
    assert_eq!(
        texts,
        [
            "Bold, italic, underlined and classed text.",
            "Fish & chips <3 > 2 \"quoted\" a\u{a0}b © ☺ © 5 &unknown; R&D",
            "Colour and 漢kan ruby.",
            "An unknown tag and a stray",
        ]
    );
}

#[test]
fn inline_timestamps_become_timed_words() {
    let transcript = read("inline-timestamps.vtt");
    let words: Vec<(f64, f64, &str)> = transcript.lines[0]
        .words
        .iter()
        .map(|w| (w.start, w.end, w.text.as_str()))
        .collect();
    assert_eq!(
        words,
        [
            (10.0, 10.4, "Never"),
            (10.4, 10.9, "drink"),
            (10.9, 11.5, "liquid"),
            (11.5, 13.0, "nitrogen.")
        ]
    );
    assert_eq!(transcript.lines[0].text, "Never drink liquid nitrogen.");
    // A run before the first timestamp that is only a tag adds no word; an
    // invalid timestamp tag is dropped without splitting.
    let second: Vec<&str> = transcript.lines[1]
        .words
        .iter()
        .map(|w| w.text.as_str())
        .collect();
    assert_eq!(
        second,
        ["Each", "word", "timed, bad stamp kept as text-free tag."]
    );
}

#[test]
fn cues_without_timestamps_have_no_words() {
    assert!(read("voices.vtt")
        .lines
        .iter()
        .all(|line| line.words.is_empty()));
}

#[test]
fn broken_cues_are_dropped_or_repaired_with_warnings() {
    let transcript = read("broken-cues.vtt");
    let texts: Vec<&str> = transcript.lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Good cue.",
            "Good again.",
            "Missing blank line before this cue.",
            "After an empty cue.",
            "Ends before it starts.",
        ]
    );
    assert_eq!(
        shown(&transcript.warnings),
        [
            r#"line 8: the cue timing "00:00:01,000 --> 00:00:02,000" is not valid (expected "00:00:00.000 --> 00:00:00.000"); cue skipped"#,
            r#"line 22: the cue timing "00:00:05.00 --> 00:00:06.000" is not valid (expected "00:00:00.000 --> 00:00:00.000"); cue skipped"#,
            "line 26: empty cue skipped",
            "line 33: ends at 9 before it starts at 10; treated as ending at its start",
        ]
    );
    let last = transcript.lines.last().unwrap();
    assert_eq!((last.start, last.end), (10.0, 10.0));
}

#[test]
fn unsorted_cues_are_sorted_with_a_warning() {
    let transcript = parse_webvtt(
        "WEBVTT\n\n00:05.000 --> 00:06.000\nsecond\n\n00:01.000 --> 00:02.000\nfirst\n",
    )
    .unwrap();
    let texts: Vec<&str> = transcript.lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(texts, ["first", "second"]);
    assert_eq!(
        shown(&transcript.warnings),
        ["line 6: starts at 1, before the line above it (5); lines were sorted into time order"]
    );
}

#[test]
fn scripts_and_right_to_left_text_are_kept() {
    let transcript = read("scripts-rtl.vtt");
    assert_eq!(transcript.lines[0].text, "你好，欢迎收听我们的节目。");
    assert_eq!(speakers_of(&transcript)[2], Some("سارة"));
    assert!(transcript.lines[3].text.starts_with('\u{200F}'));
    assert_eq!(
        transcript.lines[4].text,
        "😀 Emoji and combining é accents."
    );
}

#[test]
fn a_huge_cue_and_a_missing_final_newline() {
    let transcript = read("huge-cue.vtt");
    assert_eq!(transcript.lines.len(), 2);
    let huge = &transcript.lines[0].text;
    assert!(huge.len() > 180_000);
    assert!(huge.starts_with("word0 word1 word2"), "{}", &huge[..40]);
    assert!(huge.ends_with("word19998 word19999"));
    assert_eq!(
        read("no-trailing-newline.vtt").lines[0].text,
        "No trailing newline at the end of this file."
    );
}

#[test]
fn a_file_without_the_signature_is_an_error() {
    for (input, found) in [
        ("1\n00:00:01,000 --> 00:00:02,000\nSRT\n", "\"1\""),
        ("WEBVTTX\n", "\"WEBVTTX\""),
        ("", "\"\""),
        ("  WEBVTT\n", "\"  WEBVTT\""),
    ] {
        let error = parse_webvtt(input).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("line 1: expected \"WEBVTT\" to start a WebVTT file, found {found}")
        );
    }
    assert!(parse_webvtt("WEBVTT\tThe title\n")
        .unwrap()
        .lines
        .is_empty());
}

#[test]
fn cue_text_keeps_the_first_voice_only() {
    let text = parse_cue_text("<v A>one<v B>two");
    assert_eq!(text.voice.as_deref(), Some("A"));
    assert_eq!(text.text(), "onetwo");
}

/// Reads `text` as WebVTT: what is read keeps the invariants the widget
/// relies on (checked as the fuzz target checks them), and a refusal says
/// why.
fn read_mangled(text: &str) {
    // The fuzz checks are built for the native tests only.
    #[cfg(not(target_arch = "wasm32"))]
    episode_viewer::fuzzing::run("webvtt", text.as_bytes());
    if let Err(error) = parse_webvtt(text) {
        assert!(!error.message.is_empty(), "{text:?}");
    }
}

#[test]
fn never_panics_on_mangled_files() {
    let source =
        corpus("voices.vtt") + &corpus("inline-timestamps.vtt") + &corpus("markup-entities.vtt");
    let chars: Vec<char> = source.chars().collect();
    for cut in (0..chars.len()).step_by(3) {
        let prefix: String = chars[..cut].iter().collect();
        read_mangled(&prefix);
        for insert in ['<', '&', '>', '\n', '#', ':', '\u{FEFF}', '\r'] {
            let mut mangled = chars.clone();
            mangled.insert(cut, insert);
            read_mangled(&mangled.into_iter().collect::<String>());
        }
    }
}
