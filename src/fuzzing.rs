//! What the fuzz targets (`fuzz/`) and the fuzz regression tests run: each
//! reader on arbitrary bytes, then everything the widget derives from what
//! it read, checking the invariants the widget relies on. A reader may
//! return an error; it must not panic, hang, or break an invariant.

use crate::core::episode_json::parse_episode_document;
use crate::core::export::{to_episode_json, to_webvtt};
use crate::core::feed::{iso_date, read_feed, EpisodeChoice};
use crate::core::formats::json_chapters::parse_json_chapters;
use crate::core::formats::webvtt::parse_webvtt;
use crate::core::formats::{detect_format, read_transcript, FileFormat, Transcript};
use crate::core::fragment::parse_time_fragment;
use crate::core::import::transcript_file::read_transcript_source;
use crate::core::import::{import_episode, ImportRequest, NamedText};
use crate::core::links::{http_url, settle_links, url_kind};
use crate::core::lint::{lint_file, LintOptions};
use crate::core::load::Reader;
use crate::core::parse_episode_json;
use crate::core::search::SearchIndex;
use crate::core::time::{format_clock, format_seconds, parse_clock};
use crate::core::{Chapter, Episode, Line, TimeIndex};

/// The readers there are fuzz targets for, by target name.
pub const TARGETS: [&str; 8] = [
    "episode_json",
    "podcast_json",
    "webvtt",
    "srt",
    "json_chapters",
    "any_file",
    "import",
    "feed",
];

/// Runs the reader that the fuzz target `target` covers on `data`. Unknown
/// target names do nothing.
pub fn run(target: &str, data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match target {
        "episode_json" => episode_json(&text),
        "podcast_json" => transcript(FileFormat::PodcastJson, &text),
        "webvtt" => transcript(FileFormat::WebVtt, &text),
        "srt" => transcript(FileFormat::Srt, &text),
        "json_chapters" => json_chapters(&text),
        "any_file" => any_file(&text),
        "import" => import(&text),
        "feed" => feed(&text),
        _ => {}
    }
}

fn episode_json(text: &str) {
    if let Ok(document) = parse_episode_document(text) {
        check_episode(&document.episode);
    }
}

fn transcript(format: FileFormat, text: &str) {
    if let Ok(transcript) = read_transcript(format, text) {
        check_transcript(&transcript);
    }
}

fn json_chapters(text: &str) {
    for duration in [None, Some(0.0), Some(3600.0)] {
        if let Ok(file) = parse_json_chapters(text, duration) {
            check_chapters(&file.chapters);
        }
    }
}

/// What the widget does with a file named by `src`: tell the format from
/// the content (with each Content-Type a server might send), then read it.
/// The time and fragment parsers get the text too.
fn any_file(text: &str) {
    for content_type in [None, Some("text/vtt"), Some("application/json")] {
        match detect_format(content_type, text) {
            Some(FileFormat::EpisodeJson) => episode_json(text),
            Some(FileFormat::JsonChapters) => json_chapters(text),
            Some(format) => transcript(format, text),
            None => {}
        }
    }
    for content_type in [None, Some("text/vtt")] {
        let _ = lint_file(text, content_type, LintOptions::default());
    }
    for line in text.lines().take(64) {
        if let Some(seconds) = parse_clock(line) {
            assert!(seconds.is_finite() && seconds >= 0.0, "clock {line:?}");
            format_clock(seconds);
        }
        parse_time_fragment(line);
        url_kind(line);
    }
}

/// A feed, its episode chosen each way (by a guid and a media URL taken
/// from the text itself, so that they can match), and its dates.
fn feed(text: &str) {
    let guid = text
        .split("<guid>")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap_or("x");
    let media = text
        .split("url=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or("x");
    for choice in [
        EpisodeChoice::Only,
        EpisodeChoice::Guid(guid),
        EpisodeChoice::Media(media),
    ] {
        if let Ok(episode) = read_feed(text, &choice, Reader::Widget) {
            assert!(episode
                .duration
                .is_none_or(|seconds| seconds.is_finite() && seconds >= 0.0));
            for bite in &episode.soundbites {
                assert!(
                    bite.start.is_finite() && bite.start >= 0.0,
                    "soundbite start"
                );
                assert!(
                    bite.duration.is_finite() && bite.duration > 0.0,
                    "soundbite duration"
                );
            }
            for person in &episode.people {
                assert!(!person.name.trim().is_empty() && !person.role.is_empty());
            }
            assert!(episode.transcripts.iter().all(|file| !file.url.is_empty()));
        }
    }
    for line in text.lines().take(64) {
        if let Some(date) = iso_date(line) {
            assert_eq!(date.len(), 10, "date {date:?}");
        }
    }
}

/// The importer on untimed text: the part before a `---` line is the show
/// notes, the rest the transcript (the whole text is both when there is no
/// such line); with and without a duration, and with chapter pins; read
/// also as the widget's `transcript` attribute reads any file. What it
/// makes must read back from episode JSON and WebVTT.
fn import(text: &str) {
    let (notes, transcript) = text.split_once("\n---\n").unwrap_or((text, text));
    for duration in [None, Some(600.0)] {
        let sources = ImportRequest {
            transcript: Some(NamedText {
                name: "transcript",
                text: transcript,
            }),
            notes: Some(NamedText {
                name: "notes",
                text: notes,
            }),
            duration,
            chapter_pins: true,
        };
        // As the widget's transcript and notes attributes read them (a
        // timed file as it is, HTML or plain text imported).
        if let Ok(episode) = read_transcript_source(&sources) {
            check_episode(&episode);
        }
        let Ok(episode) = import_episode(&sources) else {
            continue;
        };
        check_episode(&episode);
        if let (Some(duration), Some(last)) = (duration, episode.lines.last()) {
            assert!(
                last.end <= duration + 1e-6,
                "a line ends after the duration"
            );
        }
        let written = to_episode_json(&episode);
        let read = parse_episode_json(&written);
        assert!(
            read.is_ok(),
            "written episode JSON does not read back: {read:?}"
        );
        if !episode.lines.is_empty() {
            let vtt = parse_webvtt(&to_webvtt(&episode));
            assert!(
                vtt.is_ok_and(|vtt| vtt.lines.len() <= episode.lines.len()),
                "written WebVTT does not read back"
            );
        }
    }
}

fn check_transcript(transcript: &Transcript) {
    check_lines(&transcript.lines);
    for line in &transcript.lines {
        if let Some(speaker) = line.speaker {
            assert!(speaker < transcript.speakers.len(), "speaker index");
        }
    }
}

fn check_episode(episode: &Episode) {
    check_lines(&episode.lines);
    check_chapters(&episode.chapters);
    for line in &episode.lines {
        episode.speaker_of(line);
    }
    episode.listed_chapters().count();
    let (mut speakers, mut chapters) = (episode.speakers.clone(), episode.chapters.clone());
    settle_links(&mut speakers, &mut chapters, |relative| {
        Some(format!("https://example.org/{relative}"))
    });
    let kept = speakers.iter().map(|speaker| &speaker.img);
    let kept = kept.chain(
        chapters
            .iter()
            .flat_map(|chapter| [&chapter.img, &chapter.url]),
    );
    for url in kept.flatten() {
        assert!(
            http_url(url).is_some(),
            "a settled link is not a web URL: {url:?}"
        );
    }
    let chapters = episode.chapter_index();
    for chapter in &episode.chapters {
        chapters.at(chapter.start);
    }
}

/// Lines are in time order with finite times, and everything derived from
/// them (time index, display texts, search) works on them.
fn check_lines(lines: &[Line]) {
    assert!(
        lines.is_sorted_by_key(|line| line.start),
        "lines out of order"
    );
    for line in lines {
        assert!(line.start.is_finite() && line.end.is_finite(), "line time");
        assert!(line.end >= line.start, "line ends before it starts");
        for word in &line.words {
            assert!(word.start.is_finite() && word.end.is_finite(), "word time");
            line.word_at(word.start);
            line.word_span(word.start);
        }
        line.display_text();
        format_seconds(line.start);
        format_clock(line.start);
    }
    let index = TimeIndex::new(lines.iter().map(|line| line.start));
    let search = SearchIndex::new(lines.iter().map(|line| line.text.as_str()));
    for line in lines.iter().take(32) {
        let found = index.at(line.start);
        assert!(found.is_some(), "a line's own start finds no line");
        index.span(line.start);
        let query: String = line.text.chars().take(4).collect();
        search.find(&query);
    }
}

fn check_chapters(chapters: &[Chapter]) {
    for chapter in chapters {
        assert!(chapter.start.is_finite(), "chapter start");
        assert!(
            chapter.end >= chapter.start,
            "chapter ends before it starts"
        );
        format_clock(chapter.start);
    }
}
