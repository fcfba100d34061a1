//! The limits on what the readers read (`core::limits`): each limit's
//! message, and inputs that would take quadratic time in a careless parser.
//! The time bounds here are generous (debug build, any machine): they catch
//! a parse that stops being linear, which takes minutes, not a slowdown.

#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, Instant};

use episode_viewer::core::episode_json::parse_episode_document;
use episode_viewer::core::formats::json_chapters::parse_json_chapters;
use episode_viewer::core::formats::podcast_json::parse_podcast_json;
use episode_viewer::core::formats::srt::parse_srt;
use episode_viewer::core::formats::webvtt::parse_webvtt;
use episode_viewer::core::limits::{MAX_ENTRIES, MAX_FILE_BYTES, MAX_TEXT_BYTES};
use episode_viewer::core::warnings::shown;

/// How long a linear parse of these inputs may take in a debug build.
const BOUND: Duration = Duration::from_secs(20);

fn timed<T>(what: &str, parse: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let result = parse();
    let took = started.elapsed();
    assert!(took < BOUND, "{what} took {took:?}, over {BOUND:?}");
    println!("{what}: {took:?}");
    result
}

fn vtt_cues(count: usize, text: &str) -> String {
    let mut file = String::from("WEBVTT\n\n");
    for index in 0..count {
        file.push_str(&format!(
            "{:02}:{:02}:{:02}.000 --> {:02}:{:02}:{:02}.500\n{text}\n\n",
            index / 3600,
            index / 60 % 60,
            index % 60,
            index / 3600,
            index / 60 % 60,
            index % 60
        ));
    }
    file
}

#[test]
fn a_10_mb_webvtt_file_is_read() {
    let line = "<v Speaker>A line of about the usual length, said by somebody else.";
    let file = vtt_cues(105_000, line);
    assert!(file.len() >= 10_000_000 && file.len() <= MAX_FILE_BYTES);
    let transcript = timed("10 MB WebVTT", || parse_webvtt(&file)).unwrap();
    assert_eq!(transcript.lines.len(), 105_000);
}

#[test]
fn one_hundred_thousand_tiny_cues_are_read() {
    let file = vtt_cues(100_000, "a");
    let transcript = timed("100,000 tiny cues", || parse_webvtt(&file)).unwrap();
    assert_eq!(transcript.lines.len(), 100_000);
}

#[test]
fn a_1_mb_single_line_cue_is_read() {
    let text = "word ".repeat(200_000);
    let file = format!("WEBVTT\n\n00:01.000 --> 00:02.000\n{text}\n");
    let transcript = timed("1 MB cue", || parse_webvtt(&file)).unwrap();
    assert_eq!(transcript.lines.len(), 1);
}

#[test]
fn a_file_over_the_size_limit_is_refused_by_every_reader() {
    let huge = format!("WEBVTT\n\n{}", " ".repeat(MAX_FILE_BYTES));
    let expected = "the file is too large: 20.0 MB; the widget reads files of up to 20.0 MB";
    assert_eq!(parse_webvtt(&huge).unwrap_err().to_string(), expected);
    assert_eq!(parse_srt(&huge).unwrap_err().to_string(), expected);
    assert_eq!(parse_podcast_json(&huge).unwrap_err().to_string(), expected);
    assert_eq!(
        parse_json_chapters(&huge, None).unwrap_err().to_string(),
        expected
    );
    assert_eq!(
        parse_episode_document(&huge).unwrap_err().to_string(),
        expected
    );
    let exactly = format!("WEBVTT\n\n{}", " ".repeat(MAX_FILE_BYTES - 8));
    assert!(
        parse_webvtt(&exactly).is_ok(),
        "a file at the limit is read"
    );
}

#[test]
fn more_cues_than_the_limit_are_refused_with_where() {
    let file = vtt_cues(MAX_ENTRIES + 1, "a");
    let error = timed("200,001 cues", || parse_webvtt(&file)).unwrap_err();
    let line_of_last = 3 + 3 * MAX_ENTRIES;
    assert_eq!(
        error.to_string(),
        format!("line {line_of_last}: too many cues: the widget reads at most 200,000")
    );
    assert!(parse_webvtt(&vtt_cues(MAX_ENTRIES, "a")).is_ok());

    let srt: String = (0..=MAX_ENTRIES)
        .map(|i| format!("{}\n00:00:01,000 --> 00:00:02,000\na\n\n", i + 1))
        .collect();
    let error = parse_srt(&srt).unwrap_err().to_string();
    assert!(
        error.ends_with("too many cues: the widget reads at most 200,000"),
        "{error}"
    );
}

#[test]
fn more_lines_segments_or_chapters_than_the_limit_are_refused() {
    let items = |item: &str| vec![item; MAX_ENTRIES + 1].join(",");
    let episode = format!(
        r#"{{"version":1,"transcript":[{}]}}"#,
        items(r#"{"start":1,"text":"a"}"#)
    );
    assert_eq!(
        parse_episode_document(&episode).unwrap_err().to_string(),
        "transcript[200000]: too many transcript lines: the widget reads at most 200,000"
    );
    let segments = format!(
        r#"{{"segments":[{}]}}"#,
        items(r#"{"startTime":1,"body":"a"}"#)
    );
    assert_eq!(
        parse_podcast_json(&segments).unwrap_err().to_string(),
        "segments[200000]: too many segments: the widget reads at most 200,000"
    );
    let chapters = format!(
        r#"{{"version":"1.2.0","chapters":[{}]}}"#,
        items(r#"{"startTime":1,"title":"a"}"#)
    );
    assert_eq!(
        parse_json_chapters(&chapters, None)
            .unwrap_err()
            .to_string(),
        "chapters[200000]: too many chapters: the widget reads at most 200,000"
    );
    let inline_chapters = format!(
        r#"{{"version":1,"chapters":[{}]}}"#,
        items(r#"{"start":1,"title":"a"}"#)
    );
    assert_eq!(
        parse_episode_document(&inline_chapters)
            .unwrap_err()
            .to_string(),
        "chapters[200000]: too many chapters: the widget reads at most 200,000"
    );
}

#[test]
fn a_line_over_the_text_limit_is_cut_with_a_warning_that_says_where() {
    let long = "x".repeat(MAX_TEXT_BYTES + 1);
    let cut = "the text is too long (1.0 MB); cut to the first 1.0 MB";
    let vtt = format!("WEBVTT\n\n00:01.000 --> 00:02.000\n{long}\n");
    let transcript = parse_webvtt(&vtt).unwrap();
    assert_eq!(transcript.lines[0].text.len(), MAX_TEXT_BYTES);
    assert_eq!(shown(&transcript.warnings), [format!("line 3: {cut}")]);
    let srt = format!("1\n00:00:01,000 --> 00:00:02,000\n{long}\n");
    assert_eq!(
        shown(&parse_srt(&srt).unwrap().warnings),
        [format!("line 2: {cut}")]
    );
    let episode = format!(r#"{{"version":1,"transcript":[{{"start":1,"text":"{long}"}}]}}"#);
    let episode = parse_episode_document(&episode).unwrap().episode;
    assert_eq!(episode.lines[0].text.len(), MAX_TEXT_BYTES);
    assert_eq!(shown(&episode.warnings), [format!("transcript[0]: {cut}")]);
    let segments = format!(
        r#"{{"segments":[{{"startTime":1,"body":"{long} and more"}},{{"startTime":2,"body":"all is well"}}]}}"#
    );
    let transcript = parse_podcast_json(&segments).unwrap();
    assert_eq!(transcript.lines.len(), 2);
    assert_eq!(shown(&transcript.warnings), [format!("segments[0]: {cut}")]);
    // A cut never splits a character.
    let accents = format!(
        "WEBVTT\n\n00:01.000 --> 00:02.000\na{}\n",
        "é".repeat(MAX_TEXT_BYTES / 2)
    );
    let text = &parse_webvtt(&accents).unwrap().lines[0].text;
    assert_eq!(text.len(), MAX_TEXT_BYTES - 1);
    let at_limit = format!(
        "WEBVTT\n\n00:01.000 --> 00:02.000\n{}\n",
        "x".repeat(MAX_TEXT_BYTES)
    );
    assert!(parse_webvtt(&at_limit).unwrap().warnings.is_empty());
}

#[test]
fn deeply_nested_json_stops_at_the_nesting_limit() {
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let episode = format!(
        r#"{{"version":1,"x":{}, "transcript":[]}}"#,
        nested(100_000)
    );
    let error = timed("nested episode JSON", || parse_episode_document(&episode))
        .unwrap_err()
        .to_string();
    assert_eq!(
        error,
        "the JSON is nested too deeply at line 1 column 145: the widget reads up to 128 levels"
    );
    let in_a_line = format!(
        r#"{{"version":1,"transcript":[{{"start":0,"text":"a","x":{}}}]}}"#,
        nested(100_000)
    );
    let error = parse_episode_document(&in_a_line).unwrap_err().to_string();
    assert!(
        error.starts_with("the JSON is nested too deeply"),
        "{error}"
    );
    for (name, result) in [
        (
            "segments",
            parse_podcast_json(&format!(r#"{{"segments":{}}}"#, nested(100_000))).err(),
        ),
        (
            "chapters",
            parse_json_chapters(&nested(100_000), None).err(),
        ),
    ] {
        let error = result.map(|e| e.to_string()).unwrap_or_default();
        assert!(
            error.starts_with("the JSON is nested too deeply"),
            "{name}: {error}"
        );
    }
    let shallow = format!(r#"{{"version":1,"x":{}, "transcript":[]}}"#, nested(100));
    assert!(parse_episode_document(&shallow).is_ok());
}

#[test]
fn markup_that_never_closes_is_read_in_linear_time() {
    let opening = "<".repeat(MAX_TEXT_BYTES / 2);
    let vtt = format!("WEBVTT\n\n00:01.000 --> 00:02.000\n{opening}>\n");
    timed("VTT of unclosed tags", || parse_webvtt(&vtt)).unwrap();
    let srt = format!("1\n00:00:01,000 --> 00:00:02,000\n{opening}>\n");
    timed("SRT of unclosed tags", || parse_srt(&srt)).unwrap();
    let bold = "<b".repeat(MAX_TEXT_BYTES / 4);
    let srt = format!("1\n00:00:01,000 --> 00:00:02,000\n{bold}>\n");
    timed("SRT of unclosed <b", || parse_srt(&srt)).unwrap();
    let overrides = "{\\".repeat(MAX_TEXT_BYTES / 4);
    let srt = format!("1\n00:00:01,000 --> 00:00:02,000\n{overrides}}}\n");
    timed("SRT of unclosed overrides", || parse_srt(&srt)).unwrap();
    let references = "&#".repeat(MAX_TEXT_BYTES / 4);
    timed("VTT of references", || {
        parse_webvtt(&format!(
            "WEBVTT\n\n00:01.000 --> 00:02.000\n{references}\n"
        ))
    })
    .unwrap();
}

#[test]
fn the_download_time_limit_fits_a_browser_timer_and_is_at_least_a_second() {
    use episode_viewer::core::limits::{
        download_time_limit, DEFAULT_TIME_LIMIT_MS, LONGEST_TIMER_MS,
    };
    assert_eq!(download_time_limit(None), Ok(DEFAULT_TIME_LIMIT_MS));
    assert_eq!(download_time_limit(Some("45")), Ok(45_000));
    assert_eq!(download_time_limit(Some("1:30")), Ok(90_000));
    assert_eq!(download_time_limit(Some("soon")), Ok(DEFAULT_TIME_LIMIT_MS));
    // 3,000,000 s is past what setTimeout can wait: it would fire at once.
    assert_eq!(download_time_limit(Some("3000000")), Ok(LONGEST_TIMER_MS));
    assert_eq!(download_time_limit(Some("1")), Ok(1000));
    let error = download_time_limit(Some("0.5")).unwrap_err();
    assert!(
        error.starts_with("timeout=\"0.5\" is too short: each download needs at least 1 second"),
        "{error}"
    );
    assert!(download_time_limit(Some("0")).is_err());
}
