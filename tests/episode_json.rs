//! Episode JSON version 1: what it reads, and what every mistake is told.

use episode_viewer::core::episode_json::{parse_episode_document, FileRef};
use episode_viewer::core::error::ReadError;
use episode_viewer::core::parse_episode_json;

fn error_of(json: &str) -> String {
    match parse_episode_json(json) {
        Ok(episode) => panic!("expected an error, parsed {episode:?}"),
        Err(error) => error.to_string(),
    }
}

const FULL: &str = r#"{
  "version": 1,
  "title": "Testing in Production", "podcast": "Example Cast",
  "published": "2022-06-28", "duration": 1860.5, "language": "en",
  "unknownField": {"ignored": true},
  "speakers": {
    "host": { "name": "Sam Host", "img": "https://example.org/sam.png" },
    "guest": "Gale Guest"
  },
  "chapters": [
    { "start": "1:14", "title": "Guests" },
    { "start": 0, "title": "Introduction", "end": 74, "img": null, "url": null }
  ],
  "transcript": [
    { "start": 0.0, "end": 4.2, "speaker": "host", "text": " Welcome to the show. ",
      "words": [ { "start": 0.0, "end": 0.5, "text": "Welcome" }, { "start": 0.6, "text": "to" } ] },
    { "start": "0:04.2", "speaker": "guest", "text": "Thanks for having me." },
    { "start": 9, "speaker": "Pat Producer", "text": "A third voice." },
    { "start": 12, "text": "Nobody in particular." }
  ]
}"#;

#[test]
fn reads_a_full_episode() {
    let episode = parse_episode_json(FULL).unwrap();
    assert_eq!(episode.title.as_deref(), Some("Testing in Production"));
    assert_eq!(episode.podcast.as_deref(), Some("Example Cast"));
    assert_eq!(episode.published.as_deref(), Some("2022-06-28"));
    assert_eq!(episode.duration, Some(1860.5));
    assert_eq!(episode.language.as_deref(), Some("en"));

    let texts: Vec<&str> = episode.lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Welcome to the show.",
            "Thanks for having me.",
            "A third voice.",
            "Nobody in particular."
        ]
    );
    let starts: Vec<f64> = episode.lines.iter().map(|l| l.start).collect();
    assert_eq!(starts, [0.0, 4.2, 9.0, 12.0]);
}

#[test]
fn ends_default_to_the_next_start_then_the_duration() {
    let episode = parse_episode_json(FULL).unwrap();
    let ends: Vec<f64> = episode.lines.iter().map(|l| l.end).collect();
    assert_eq!(ends, [4.2, 9.0, 12.0, 1860.5]);
    let chapter_ends: Vec<f64> = episode.chapters.iter().map(|c| c.end).collect();
    assert_eq!(chapter_ends, [74.0, 1860.5]);
}

#[test]
fn the_last_end_without_a_duration_is_its_start() {
    let episode =
        parse_episode_json(r#"{"version":1,"transcript":[{"start":3,"text":"only"}]}"#).unwrap();
    assert_eq!(episode.lines[0].end, 3.0);
}

#[test]
fn speakers_resolve_by_key_or_display_name() {
    let episode = parse_episode_json(FULL).unwrap();
    let names: Vec<Option<&str>> = episode
        .lines
        .iter()
        .map(|line| episode.speaker_of(line).map(|s| s.name.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            Some("Sam Host"),
            Some("Gale Guest"),
            Some("Pat Producer"),
            None
        ]
    );
    let host = episode.speaker_of(&episode.lines[0]).unwrap();
    assert_eq!(host.img.as_deref(), Some("https://example.org/sam.png"));
}

#[test]
fn chapters_are_sorted_by_start() {
    let episode = parse_episode_json(FULL).unwrap();
    let titles: Vec<&str> = episode.chapters.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(titles, ["Introduction", "Guests"]);
    assert_eq!(episode.chapters[1].start, 74.0);
}

#[test]
fn lines_out_of_order_are_sorted_stably() {
    let episode = parse_episode_json(
        r#"{"version":1,"transcript":[
            {"start":5,"text":"b"},{"start":1,"text":"a"},{"start":5,"text":"c"}]}"#,
    )
    .unwrap();
    let texts: Vec<&str> = episode.lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(texts, ["a", "b", "c"]);
    assert_eq!(episode.line_index().at(5.0), Some(2));
}

#[test]
fn words_are_kept_with_resolved_ends() {
    let episode = parse_episode_json(FULL).unwrap();
    let words: Vec<(f64, f64, &str)> = episode.lines[0]
        .words
        .iter()
        .map(|w| (w.start, w.end, w.text.as_str()))
        .collect();
    assert_eq!(words, [(0.0, 0.5, "Welcome"), (0.6, 4.2, "to")]);
}

#[test]
fn text_is_kept_as_written_not_as_markup() {
    let episode = parse_episode_json(
        r#"{"version":1,"transcript":[{"start":0,"text":"<b>a</b> &amp; <script>x</script>"}]}"#,
    )
    .unwrap();
    assert_eq!(episode.lines[0].text, "<b>a</b> &amp; <script>x</script>");
}

#[test]
fn chapters_alone_are_enough() {
    let episode =
        parse_episode_json(r#"{"version":1,"chapters":[{"start":0,"title":"All"}]}"#).unwrap();
    assert!(episode.lines.is_empty());
    assert_eq!(episode.chapters.len(), 1);
}

#[test]
fn each_mistake_says_what_and_where() {
    let cases = [
        (
            r#"{"version":1,"transcript":[{"start":0,"text":"a"}"#,
            "not valid JSON: the file ends inside a list at line 1 column 50",
        ),
        (r#"[1,2]"#, "expected an object, got a list"),
        (
            r#"{"transcript":[]}"#,
            "version: missing; this widget reads episode JSON version 1",
        ),
        (
            r#"{"version":2,"transcript":[]}"#,
            "version: unsupported version 2; supported versions: 1",
        ),
        (
            r#"{"version":1.5,"transcript":[]}"#,
            "version: unsupported version 1.5; supported versions: 1",
        ),
        (
            r#"{"version":"1","transcript":[]}"#,
            r#"version: expected a number, got "1""#,
        ),
        (
            r#"{"version":1}"#,
            r#"an episode needs "transcript" or "chapters"; found neither"#,
        ),
        (
            r#"{"version":1,"transcript":7}"#,
            r#"transcript: expected a list, or a file reference such as {"url": "transcript.vtt"}, got 7"#,
        ),
        (
            r#"{"version":1,"transcript":{}}"#,
            "transcript.url: missing; expected text",
        ),
        (
            r#"{"version":1,"chapters":{"url":" "}}"#,
            "chapters.url: is empty; expected the file's URL",
        ),
        (
            r#"{"version":1,"transcript":[{"url":"a.vtt"},{"type":"text/vtt"}]}"#,
            "transcript[1].url: missing; expected text",
        ),
        (
            r#"{"version":1,"transcript":[7]}"#,
            "transcript[0]: expected an object, got 7",
        ),
        (
            r#"{"version":1,"transcript":[{"start":0,"text":"a"},{"start":"abc","text":"b"}]}"#,
            r#"transcript[1].start: expected seconds, got "abc""#,
        ),
        (
            r#"{"version":1,"transcript":[{"text":"a"}]}"#,
            "transcript[0].start: missing; expected seconds",
        ),
        (
            r#"{"version":1,"transcript":[{"start":-1,"text":"a"}]}"#,
            "transcript[0].start: expected seconds, got -1",
        ),
        (
            r#"{"version":1,"transcript":[{"start":"1:75","text":"a"}]}"#,
            r#"transcript[0].start: expected seconds, got "1:75""#,
        ),
        (
            r#"{"version":1,"transcript":[{"start":true,"text":"a"}]}"#,
            "transcript[0].start: expected seconds, got true",
        ),
        (
            r#"{"version":1,"transcript":[{"start":4,"end":2,"text":"a"}]}"#,
            "transcript[0].end: 2 is before the start, 4",
        ),
        (
            r#"{"version":1,"transcript":[{"start":0}]}"#,
            "transcript[0].text: missing; expected text",
        ),
        (
            r#"{"version":1,"transcript":[{"start":0,"text":5}]}"#,
            "transcript[0].text: expected text, got 5",
        ),
        (
            r#"{"version":1,"transcript":[{"start":0,"text":"a","speaker":["x"]}]}"#,
            "transcript[0].speaker: expected text, got a list",
        ),
        (
            r#"{"version":1,"transcript":[{"start":0,"text":"a","words":[{"start":0,"text":"a"},{"text":"b"}]}]}"#,
            "transcript[0].words[1].start: missing; expected seconds",
        ),
        (
            r#"{"version":1,"chapters":[{"start":0}]}"#,
            "chapters[0].title: missing; expected text",
        ),
        (
            r#"{"version":1,"chapters":[{"start":0,"title":"a","url":3}]}"#,
            "chapters[0].url: expected text, got 3",
        ),
        (
            r#"{"version":1,"chapters":[],"duration":"soon"}"#,
            r#"duration: expected seconds, got "soon""#,
        ),
        (
            r#"{"version":1,"chapters":[],"title":null,"podcast":1}"#,
            "podcast: expected text, got 1",
        ),
        (
            r#"{"version":1,"chapters":[],"speakers":[]}"#,
            "speakers: expected an object, got a list",
        ),
        (
            r#"{"version":1,"chapters":[],"speakers":{"a":{"img":2}}}"#,
            "speakers.a.img: expected text, got 2",
        ),
    ];
    for (json, expected) in cases {
        assert_eq!(error_of(json), expected, "for {json}");
    }
}

#[test]
fn long_bad_values_are_shortened_in_messages() {
    let long = "x".repeat(100);
    let json = format!(r#"{{"version":1,"transcript":[{{"start":"{long}","text":"a"}}]}}"#);
    let message = error_of(&json);
    assert_eq!(
        message,
        format!(
            "transcript[0].start: expected seconds, got \"{}…\"",
            "x".repeat(40)
        )
    );
}

#[test]
fn errors_expose_path_and_message_separately() {
    let error: ReadError =
        parse_episode_json(r#"{"version":1,"transcript":[{"start":0,"text":null}]}"#).unwrap_err();
    assert_eq!(error.place.to_string(), "transcript[0].text");
    assert_eq!(error.message, "missing; expected text");
}

/// Reads `text` as episode JSON: what is read keeps the invariants the
/// widget relies on (checked as the fuzz target checks them), and a refusal
/// says why.
fn read_mangled(text: &str) {
    // The fuzz checks are built for the native tests only.
    #[cfg(not(target_arch = "wasm32"))]
    episode_viewer::fuzzing::run("episode_json", text.as_bytes());
    if let Err(error) = parse_episode_json(text) {
        assert!(!error.message.is_empty(), "{text:?}");
    }
}

#[test]
fn never_panics_on_truncated_or_mangled_input() {
    for cut in 0..FULL.len() {
        if FULL.is_char_boundary(cut) {
            read_mangled(&FULL[..cut]);
        }
    }
    let mut bytes = FULL.as_bytes().to_vec();
    for position in 0..bytes.len() {
        let original = bytes[position];
        for replacement in [b'"', b'{', b'-', b'9', b':', b']'] {
            bytes[position] = replacement;
            if let Ok(text) = std::str::from_utf8(&bytes) {
                read_mangled(text);
            }
        }
        bytes[position] = original;
    }
}

#[test]
fn transcript_and_chapters_may_be_files_to_load() {
    let document = parse_episode_document(
        r#"{"version":1,"duration":60,
            "transcript":[{"url":"t.srt","type":"application/x-subrip"},{"url":"t.vtt","type":"Text/VTT","language":"de"}],
            "chapters":{"url":"chapters.json","type":"application/json+chapters"}}"#,
    )
    .unwrap();
    assert!(document.episode.lines.is_empty());
    assert_eq!(
        document.transcript_files,
        [
            FileRef {
                url: "t.srt".into(),
                mime_type: Some("application/x-subrip".into()),
                language: None
            },
            FileRef {
                url: "t.vtt".into(),
                mime_type: Some("text/vtt".into()),
                language: Some("de".into())
            },
        ]
    );
    assert_eq!(document.chapters_file.unwrap().url, "chapters.json");
    let single =
        parse_episode_document(r#"{"version":1,"transcript":{"url":"only.vtt"}}"#).unwrap();
    assert_eq!(single.transcript_files.len(), 1);
    assert_eq!(single.transcript_files[0].mime_type, None);
}

#[test]
fn a_list_given_twice_counts_as_its_last_value_as_in_any_json_reader() {
    use episode_viewer::core::episode_json::parse_episode_document;
    let twice = r#"{"version":1,"chapters":[{"start":0,"title":"First"},{"start":5,"title":"x"}],
        "chapters":[{"start":1,"title":"Second"}],
        "transcript":[{"start":0,"text":"a","speaker":"Ann"}],"transcript":[{"start":2,"text":"b","speaker":"Bo"}]}"#;
    let episode = parse_episode_document(twice).unwrap().episode;
    assert_eq!(
        episode
            .chapters
            .iter()
            .map(|c| c.title.as_str())
            .collect::<Vec<_>>(),
        ["Second"]
    );
    assert_eq!(
        episode
            .lines
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>(),
        ["b"]
    );
    assert_eq!(
        episode
            .speakers
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>(),
        ["Bo"]
    );
    // Inline, then a file: the file counts.
    let then_file =
        r#"{"version":1,"chapters":[{"start":0,"title":"First"}],"chapters":{"url":"c.json"}}"#;
    let document = parse_episode_document(then_file).unwrap();
    assert!(document.episode.chapters.is_empty());
    assert_eq!(
        document.chapters_file.map(|file| file.url),
        Some("c.json".to_string())
    );
    // A bad entry in a list given again no longer counts.
    let repaired = r#"{"version":1,"chapters":[{"start":"x","title":"a"}],"chapters":[{"start":1,"title":"b"}]}"#;
    assert!(parse_episode_document(repaired).is_ok());
}

#[test]
fn reading_in_parts_gives_what_reading_at_once_gives() {
    use episode_viewer::core::episode_json::EpisodeJsonReader;
    let in_parts = |text: &str, bytes: usize| -> Result<_, String> {
        let mut reader = EpisodeJsonReader::new(text).map_err(|error| error.to_string())?;
        let mut steps = 1;
        while !reader
            .read_some(text, bytes)
            .map_err(|error| error.to_string())?
        {
            steps += 1;
        }
        let document = reader.finish(text).map_err(|error| error.to_string())?;
        Ok((document, steps))
    };
    let documents = [
        FULL.to_string(),
        FULL.replace(r#""start": "1:14""#, r#""start": "soon""#),
        FULL.replace("\"Thanks", "\"Thanks\" \"for"),
        format!("{FULL} []"),
        FULL.replace("\"transcript\": [", "\"transcript\": [], \"transcript\": ["),
        FULL.replace(
            "\"chapters\": [",
            "\"chapters\": {\"url\": \"c.json\"}, \"x\": [",
        ),
        r#"{"version": 1, "transcript": [{"url": "t.vtt", "type": "text/vtt"}]}"#.to_string(),
        r#"{"version": 1, "transcript": []}"#.to_string(),
        r#"{"version": 2, "transcript": [{"start": 0, "text": "a"}]}"#.to_string(),
        r#"{"version": 1, "transcript": [{"start": 0, "text": "a"}"#.to_string(),
        "[1]".to_string(),
    ];
    for text in &documents {
        let whole = parse_episode_document(text).map_err(|error| error.to_string());
        for bytes in [1, 40, 200, usize::MAX] {
            let parts = in_parts(text, bytes);
            assert_eq!(
                parts.as_ref().map(|(document, _)| document),
                whole.as_ref(),
                "{bytes} bytes a step: {text}"
            );
        }
    }
    // A step ends after the entry that reaches the byte count.
    let (_, steps) = in_parts(&documents[0], 1).unwrap();
    assert_eq!(
        steps, 7,
        "an entry a step: 2 chapters, 4 lines, then the end"
    );
    let (_, steps) = in_parts(&documents[0], usize::MAX).unwrap();
    assert_eq!(steps, 1);
}

#[test]
fn a_version_written_as_a_decimal_is_quoted_as_written() {
    assert_eq!(
        error_of(r#"{"version": 1.0, "transcript": []}"#),
        "version: unsupported version 1.0; supported versions: 1"
    );
    assert_eq!(
        error_of(r#"{"version": 2.5, "transcript": []}"#),
        "version: unsupported version 2.5; supported versions: 1"
    );
}
