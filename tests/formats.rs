//! Telling formats apart, and choosing among an episode's transcript files.

use episode_viewer::core::episode_json::FileRef;
use episode_viewer::core::formats::{
    choose_transcript, detect_format, read_transcript, FileFormat,
};

#[test]
fn content_decides_before_the_content_type() {
    let cases = [
        (
            Some("text/plain"),
            "\u{FEFF}WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n",
            FileFormat::WebVtt,
        ),
        (
            Some("application/octet-stream"),
            "1\r\n00:00:01,000 --> 00:00:02,000\r\nhi\r\n",
            FileFormat::Srt,
        ),
        (
            Some("text/plain"),
            "\n00:00:01,000 --> 00:00:02,000\nno number\n",
            FileFormat::Srt,
        ),
        (
            None,
            r#"{"version":"1.0.0","segments":[]}"#,
            FileFormat::PodcastJson,
        ),
        (
            Some("text/plain"),
            r#"{"version":"1.2.0","chapters":[{"startTime":0}]}"#,
            FileFormat::JsonChapters,
        ),
        (
            Some("application/json+chapters"),
            r#"{"version":"1.2.0","chapters":[]}"#,
            FileFormat::JsonChapters,
        ),
        (
            Some("application/json"),
            r#"{"version":1,"transcript":[{"start":0,"text":"a"}]}"#,
            FileFormat::EpisodeJson,
        ),
        (Some("text/vtt"), "not a vtt at all", FileFormat::WebVtt),
    ];
    for (content_type, text, expected) in cases {
        assert_eq!(
            detect_format(content_type, text),
            Some(expected),
            "{text:?}"
        );
    }
    assert_eq!(detect_format(Some("text/html"), "<html></html>"), None);
    assert_eq!(detect_format(None, "plain words"), None);
}

#[test]
fn chapters_and_episodes_are_not_transcripts() {
    let error = read_transcript(FileFormat::JsonChapters, "{}").unwrap_err();
    assert_eq!(
        error.to_string(),
        "this is a JSON Chapters file, not a transcript (expected WebVTT, SRT, SBV, Podcasting 2.0 or whisper JSON)"
    );
}

fn file(url: &str, mime_type: Option<&str>, language: Option<&str>) -> FileRef {
    FileRef {
        url: url.to_string(),
        mime_type: mime_type.map(str::to_string),
        language: language.map(str::to_string),
    }
}

#[test]
fn the_preferred_format_wins() {
    let files = [
        file("t.srt", Some("application/x-subrip"), None),
        file("t.html", Some("text/html"), None),
        file("t.json", Some("application/json"), None),
        file("t.vtt", Some("text/vtt"), None),
    ];
    assert_eq!(choose_transcript(&files, None).unwrap().url, "t.vtt");
    assert_eq!(choose_transcript(&files[..3], None).unwrap().url, "t.json");
    assert_eq!(choose_transcript(&files[..2], None).unwrap().url, "t.srt");
    assert_eq!(
        choose_transcript(&files[1..2], None).unwrap().url,
        "t.html",
        "an HTML transcript is read when it is the only one"
    );
    assert_eq!(
        choose_transcript(
            &[
                file("t.html", Some("text/html"), None),
                file("t", None, None)
            ],
            None
        )
        .unwrap()
        .url,
        "t",
        "an HTML transcript's times are estimated: every other type comes first"
    );
    assert_eq!(
        choose_transcript(&[file("t.pdf", Some("application/pdf"), None)], None),
        None,
        "a type the widget cannot read is never picked"
    );
    assert_eq!(
        choose_transcript(&[file("t", None, None)], None)
            .unwrap()
            .url,
        "t"
    );
}

#[test]
fn the_page_language_wins_over_the_format() {
    let files = [
        file("en.vtt", Some("text/vtt"), Some("en")),
        file("de.srt", Some("application/x-subrip"), Some("de")),
        file("de-at.json", Some("application/json"), Some("de-AT")),
        file("any.vtt", Some("text/vtt"), None),
    ];
    assert_eq!(
        choose_transcript(&files, Some("de-AT")).unwrap().url,
        "de-at.json"
    );
    assert_eq!(choose_transcript(&files, Some("de")).unwrap().url, "de.srt");
    assert_eq!(
        choose_transcript(&files, Some("de-CH")).unwrap().url,
        "de.srt"
    );
    assert_eq!(
        choose_transcript(&files, Some("EN-us")).unwrap().url,
        "en.vtt"
    );
    assert_eq!(
        choose_transcript(&files, Some("fr")).unwrap().url,
        "any.vtt"
    );
    assert_eq!(choose_transcript(&files, None).unwrap().url, "en.vtt");
}
