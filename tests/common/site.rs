//! The episode the loader tests read (an episode JSON naming transcripts
//! in two languages and a chapters file), as a web server and as a folder
//! hold it, and how the tests run the widget's request and the CLI.
// Shared by tests/load.rs and tests/load_faults.rs, each using part of it.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

use episode_viewer::core::export::to_episode_json;
use episode_viewer::core::load::attributes::WidgetAttributes;
use episode_viewer::core::load::EpisodeRequest;
use episode_viewer::core::{parse_episode_json, Episode};

/// An episode JSON naming three transcripts (two languages) and a chapters
/// file, with links to keep and to drop.
pub const EPISODE: &str = r#"{
  "version": 1,
  "title": "Tide Tables",
  "language": "de",
  "duration": 95,
  "speakers": {
    "ana": {"name": "Ana Lima", "img": "https://cdn.podcast.example/ana.jpg"},
    "ben": {"name": "Ben Okafor", "img": "javascript:alert(1)"}
  },
  "transcript": [
    {"url": "transcript.en.srt", "type": "application/x-subrip", "language": "en"},
    {"url": "transcript.de.vtt", "type": "text/vtt", "language": "de"},
    {"url": "transcript.en.vtt", "type": "text/vtt", "language": "en"}
  ],
  "chapters": {"url": "chapters/chapters.json", "type": "application/json+chapters"}
}"#;

/// The English WebVTT transcript (with an empty cue and markup).
pub const ENGLISH_VTT: &str = "WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n<v Ana Lima>Welcome back to the harbour.\n\n00:00:04.000 --> 00:00:06.000\n\n\n00:00:06.000 --> 00:00:11.500\n<v Ben Okafor>The tide tables came in <b>late</b> this year.\n";
/// The German WebVTT transcript.
pub const GERMAN_VTT: &str =
    "WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n<v Ana Lima>Willkommen zurück im Hafen.\n";
/// The English SRT transcript.
pub const ENGLISH_SRT: &str = "1\n00:00:00,000 --> 00:00:04,000\nAna Lima: Welcome back.\n";

/// JSON Chapters (Podcasting 2.0 shape): a chapter without a start, an
/// image to keep, one to drop, and a link.
pub const CHAPTERS: &str = r#"{
  "version": "1.2.0",
  "chapters": [
    {"startTime": 0, "title": "Harbour news", "img": "https://cdn.podcast.example/harbour.png"},
    {"title": "No start"},
    {"startTime": 30, "title": "Tide tables", "url": "https://tides.example/", "img": "data:image/png;base64,AAAA"},
    {"startTime": 60, "title": "Letters", "url": "letters.html"}
  ]
}"#;

/// The files as a web server holds them: path under the page, text and
/// Content-Type.
pub fn site() -> Vec<(&'static str, &'static str, &'static str)> {
    vec![
        ("episode.json", EPISODE, "application/json"),
        ("transcript.en.vtt", ENGLISH_VTT, "text/vtt"),
        ("transcript.de.vtt", GERMAN_VTT, "text/vtt"),
        ("transcript.en.srt", ENGLISH_SRT, "application/x-subrip"),
        (
            "chapters/chapters.json",
            CHAPTERS,
            "application/json; charset=utf-8",
        ),
    ]
}

/// The request a widget with `attributes` makes on a page in
/// `page_language`.
pub fn widget_request(attributes: &[(&str, &str)], page_language: Option<&str>) -> EpisodeRequest {
    let attributes = WidgetAttributes::read(|name| {
        attributes
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.to_string())
    });
    attributes.episode_request(page_language.map(str::to_string), None)
}

/// The same files in a folder of their own, for the CLI.
pub fn folder_with(name: &str, files: &[(&str, &str, &str)]) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("ev-load-{}-{name}", std::process::id()));
    for (path, text, _) in files {
        let file = folder.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, text).unwrap();
    }
    folder
}

/// `episode-viewer convert` in `folder`: the episode JSON it writes, read
/// back, and the warnings it printed; or what it said when it failed.
pub fn convert(folder: &PathBuf, args: &[&str]) -> Result<(Episode, Vec<String>), String> {
    let convert = [&["convert"], args, &["--to", "episode"]].concat();
    run_cli(folder, &convert)
}

/// The CLI run with `args` in `folder`: the episode JSON it writes, read
/// back, and the warnings it printed; or what it said when it failed.
pub fn run_cli(folder: &PathBuf, args: &[&str]) -> Result<(Episode, Vec<String>), String> {
    let output = Command::new(env!("CARGO_BIN_EXE_episode-viewer"))
        .args(args)
        .current_dir(folder)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    if !output.status.success() {
        return Err(stderr);
    }
    let episode = parse_episode_json(&String::from_utf8_lossy(&output.stdout)).unwrap();
    let warnings = stderr
        .lines()
        .filter_map(|line| line.strip_prefix("warning: "))
        .map(str::to_string)
        .collect();
    Ok((episode, warnings))
}

/// An episode as the CLI's output carries it: through the episode JSON
/// writer and back.
pub fn as_written(episode: &Episode) -> Episode {
    parse_episode_json(&to_episode_json(episode)).unwrap()
}
