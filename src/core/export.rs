//! Writing an episode out again: as episode JSON (the widget's own format,
//! read back by [`parse_episode_json`](super::parse_episode_json) to the
//! same episode) and as WebVTT with voice tags.

use std::fmt::Write as _;

use super::episode::{Chapter, Episode, Line, Speaker, Timing};
use super::episode_json::{EpisodeDocument, FileRef};
use super::time::format_seconds;

/// The episode as episode JSON version 1: metadata, a `speakers` table keyed
/// by display name, chapters and the transcript inline, one line or chapter
/// per text line. Times are seconds to the millisecond.
pub fn to_episode_json(episode: &Episode) -> String {
    write_episode_json(episode, &[], None)
}

/// An episode JSON document as episode JSON: as [`to_episode_json`], with
/// the transcript files to choose from and the chapters file it names in
/// place of inline lines and chapters.
pub fn document_to_episode_json(document: &EpisodeDocument) -> String {
    write_episode_json(
        &document.episode,
        &document.transcript_files,
        document.chapters_file.as_ref(),
    )
}

fn write_episode_json(
    episode: &Episode,
    transcript_files: &[FileRef],
    chapters_file: Option<&FileRef>,
) -> String {
    let keys = speaker_keys(episode);
    let mut out = String::from("{\n  \"version\": 1");
    let metadata = [
        ("title", &episode.title),
        ("podcast", &episode.podcast),
        ("published", &episode.published),
        ("language", &episode.language),
    ];
    for (key, value) in metadata {
        if let Some(value) = value {
            let _ = write!(out, ",\n  \"{key}\": {}", json_string(value));
        }
    }
    if let Some(duration) = episode.duration {
        let _ = write!(out, ",\n  \"duration\": {}", format_seconds(duration));
    }
    if episode.timing == Timing::Estimated {
        out.push_str(",\n  \"timing\": \"estimated\"");
    }
    write_speakers(&mut out, &episode.speakers, &keys);
    write_list(
        &mut out,
        "highlights",
        &episode.highlights,
        |out, highlight| {
            let (start, end) = (
                format_seconds(highlight.start),
                format_seconds(highlight.end),
            );
            let _ = write!(out, "{{ \"start\": {start}, \"end\": {end}");
            write_fields(out, &[("title", &highlight.title)]);
            out.push_str(" }");
        },
    );
    match chapters_file {
        Some(file) => {
            out.push_str(",\n  \"chapters\": ");
            write_file_ref(&mut out, file);
        }
        None => write_list(&mut out, "chapters", &episode.chapters, write_chapter),
    }
    if !transcript_files.is_empty() {
        write_list(&mut out, "transcript", transcript_files, write_file_ref);
    } else if !episode.lines.is_empty() {
        write_list(&mut out, "transcript", &episode.lines, |out, line| {
            write_line(
                out,
                line,
                line.speaker.and_then(|speaker| keys.get(speaker)),
            );
        });
    } else if episode.chapters.is_empty() && chapters_file.is_none() {
        // An episode needs a transcript or chapters; an empty list says "none".
        out.push_str(",\n  \"transcript\": [\n  ]");
    }
    out.push_str("\n}\n");
    out
}

/// The `speakers` table, each under its key, when there are speakers.
fn write_speakers(out: &mut String, speakers: &[Speaker], keys: &[String]) {
    if speakers.is_empty() {
        return;
    }
    out.push_str(",\n  \"speakers\": {");
    for (index, (speaker, key)) in speakers.iter().zip(keys).enumerate() {
        let separator = if index == 0 { "\n" } else { ",\n" };
        let _ = write!(
            out,
            "{separator}    {}: {{ \"name\": {}",
            json_string(key),
            json_string(&speaker.name)
        );
        let details = [
            ("img", &speaker.img),
            ("role", &speaker.role),
            ("href", &speaker.href),
        ];
        write_fields(out, &details);
        out.push_str(" }");
    }
    out.push_str("\n  }");
}

/// `"key": [ … ]`, an item a line, when there are items.
fn write_list<T>(out: &mut String, key: &str, items: &[T], write_item: impl Fn(&mut String, &T)) {
    if items.is_empty() {
        return;
    }
    let _ = write!(out, ",\n  \"{key}\": [");
    for (index, item) in items.iter().enumerate() {
        out.push_str(if index == 0 { "\n    " } else { ",\n    " });
        write_item(out, item);
    }
    out.push_str("\n  ]");
}

/// `, "key": "value"` for each field that has a value.
fn write_fields(out: &mut String, fields: &[(&str, &Option<String>)]) {
    for (key, value) in fields {
        if let Some(value) = value {
            let _ = write!(out, ", \"{key}\": {}", json_string(value));
        }
    }
}

fn write_chapter(out: &mut String, chapter: &Chapter) {
    let _ = write!(
        out,
        "{{ \"start\": {}, \"end\": {}, \"title\": {}",
        format_seconds(chapter.start),
        format_seconds(chapter.end),
        json_string(&chapter.title)
    );
    write_fields(out, &[("img", &chapter.img), ("url", &chapter.url)]);
    if !chapter.in_toc {
        out.push_str(", \"toc\": false");
    }
    out.push_str(" }");
}

/// `{ "url": …, "type": …, "language": … }`, each as far as known.
fn write_file_ref(out: &mut String, file: &FileRef) {
    let _ = write!(out, "{{ \"url\": {}", json_string(&file.url));
    write_fields(
        out,
        &[("type", &file.mime_type), ("language", &file.language)],
    );
    out.push_str(" }");
}

fn write_line(out: &mut String, line: &Line, speaker: Option<&String>) {
    let _ = write!(
        out,
        "{{ \"start\": {}, \"end\": {}",
        format_seconds(line.start),
        format_seconds(line.end)
    );
    if line.estimated {
        out.push_str(", \"timing\": \"estimated\"");
    }
    if let Some(speaker) = speaker {
        let _ = write!(out, ", \"speaker\": {}", json_string(speaker));
    }
    if line.paragraph {
        out.push_str(", \"paragraph\": true");
    }
    let _ = write!(out, ", \"text\": {}", json_string(&line.text));
    if !line.words.is_empty() {
        out.push_str(", \"words\": [");
        for (index, word) in line.words.iter().enumerate() {
            let _ = write!(
                out,
                "{}{{ \"start\": {}, \"end\": {}, \"text\": {} }}",
                if index == 0 { "" } else { ", " },
                format_seconds(word.start),
                format_seconds(word.end),
                json_string(&word.text)
            );
        }
        out.push(']');
    }
    out.push_str(" }");
}

/// A key for each speaker: the display name, with ` (2)`, ` (3)` … after
/// names already taken.
fn speaker_keys(episode: &Episode) -> Vec<String> {
    let mut keys: Vec<String> = Vec::with_capacity(episode.speakers.len());
    for speaker in &episode.speakers {
        let mut key = speaker.name.clone();
        let mut count = 1;
        while keys.contains(&key) {
            count += 1;
            key = format!("{} ({count})", speaker.name);
        }
        keys.push(key);
    }
    keys
}

/// `text` as a JSON string: quoted, with `"`, `\\` and control
/// characters escaped (as JSON writers do, nothing else).
fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The transcript as WebVTT: one cue per line, the speaker as a voice tag
/// (`<v Name>`), word timings as inline timestamps, and the chapters in a
/// leading `NOTE` block (WebVTT has no chapters of its own in the same file).
pub fn to_webvtt(episode: &Episode) -> String {
    let mut out = String::from("WEBVTT\n");
    if let Some(title) = &episode.title {
        let _ = write!(out, "\nNOTE {}\n", note_text(title));
    }
    if episode.timing == Timing::Estimated {
        out.push_str("\nNOTE Timings are estimated from an untimed transcript.\n");
    }
    if !episode.chapters.is_empty() {
        out.push_str("\nNOTE Chapters\n");
        for chapter in &episode.chapters {
            let _ = writeln!(
                out,
                "{} {}",
                vtt_time(chapter.start),
                note_text(&chapter.title)
            );
        }
    }
    for line in &episode.lines {
        let _ = write!(
            out,
            "\n{} --> {}\n",
            vtt_time(line.start),
            vtt_time(line.end.max(line.start))
        );
        if let Some(speaker) = episode.speaker_of(line) {
            let _ = write!(out, "<v {}>", vtt_annotation(&speaker.name));
        }
        if line.words.is_empty() {
            out.push_str(&vtt_text(&cue_text(&line.text)));
        } else {
            for (index, word) in line.words.iter().enumerate() {
                if index > 0 {
                    let _ = write!(out, " <{}>", vtt_time(word.start));
                }
                out.push_str(&vtt_text(&cue_text(&word.text)));
            }
        }
        out.push('\n');
    }
    out
}

/// `hh:mm:ss.ttt`.
fn vtt_time(seconds: f64) -> String {
    let millis = (seconds.max(0.0) * 1000.0).round() as u64;
    format!(
        "{:02}:{:02}:{:02}.{:03}",
        millis / 3_600_000,
        millis / 60_000 % 60,
        millis / 1000 % 60,
        millis % 1000
    )
}

/// Cue text may not contain a blank line: whitespace runs become one space.
fn cue_text(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text escaped for a cue (which also keeps `-->` out of it).
fn vtt_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A voice annotation ends at `>`, so it must not contain one.
fn vtt_annotation(name: &str) -> String {
    vtt_text(&cue_text(name))
}

/// A NOTE block ends at a blank line and may not contain `-->`.
fn note_text(text: &str) -> String {
    cue_text(text).replace("-->", "->")
}
