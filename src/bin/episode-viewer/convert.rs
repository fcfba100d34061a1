//! `episode-viewer convert`: the formats the widget reads, to episode JSON
//! or WebVTT.

use std::path::Path;
use std::process::ExitCode;

use episode_viewer::core::episode_json::parse_episode_document;
use episode_viewer::core::episode_json::EpisodeError;
use episode_viewer::core::export::{to_episode_json, to_webvtt};
use episode_viewer::core::formats::json_chapters::parse_json_chapters;
use episode_viewer::core::formats::{choose_transcript, detect_format, in_file, FileFormat};
use episode_viewer::core::import::transcript_file::add_transcript_file;
use episode_viewer::core::limits::{megabytes, thousands};
use episode_viewer::core::Episode;

use crate::files::{
    display_name, duration_option, option_value, read_text, write_output, Failure, Progress,
};

/// Help for `convert`.
pub const HELP: &str = "\
episode-viewer convert: a transcript or chapters file -> episode JSON or WebVTT

Usage:
  episode-viewer convert FILE [--to episode|vtt] [--chapters FILE] [--duration TIME] [-o OUT]

FILE is WebVTT, SRT, Podcasting 2.0 JSON, an HTML transcript, JSON Chapters
or episode JSON (the format is told from the content). An episode JSON that refers to transcript
or chapters files next to it is read with them.

Options:
  --to episode        episode JSON (the default, except for episode JSON input)
  --to vtt            WebVTT: speakers as voice tags, word timings as inline
                      timestamps, chapters in a NOTE (default for episode JSON)
  --chapters FILE     a JSON Chapters file whose chapters replace the input's
  --duration TIME     the episode's length (31:00, 1:02:03 or seconds): the
                      last known time of an HTML transcript's estimate
  -o, --output FILE   write here instead of standard output
  -h, --help          this help

Examples:
  episode-viewer convert episode.srt -o episode.json
  episode-viewer convert transcript.json --chapters chapters.json -o episode.json
  episode-viewer convert episode.json --to vtt -o episode.vtt
";

/// What to write.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    EpisodeJson,
    WebVtt,
}

/// Runs `convert` with the arguments after the command name.
pub fn run(mut parser: lexopt::Parser) -> Result<ExitCode, Failure> {
    use lexopt::Arg::{Long, Short, Value};
    let (mut input, mut target, mut chapters, mut output) = (None, None, None, None);
    let mut duration = None;
    while let Some(arg) = parser.next()? {
        match arg {
            Value(value) if input.is_none() => input = Some(value.to_string_lossy().into_owned()),
            Long("to") => {
                target = Some(match option_value(&mut parser, "--to")?.as_str() {
                    "episode" | "json" | "episode-json" => Target::EpisodeJson,
                    "vtt" | "webvtt" => Target::WebVtt,
                    other => {
                        return Err(Failure::Usage(format!(
                            "--to \"{other}\": expected episode or vtt"
                        )))
                    }
                })
            }
            Long("chapters") => chapters = Some(option_value(&mut parser, "--chapters")?),
            Long("duration") => duration = Some(duration_option(&mut parser)?),
            Short('o') | Long("output") => output = Some(option_value(&mut parser, "--output")?),
            Short('h') | Long("help") => return Err(Failure::Help("convert")),
            other => return Err(other.unexpected().into()),
        }
    }
    let input =
        input.ok_or_else(|| Failure::Usage("convert needs a file to convert".to_string()))?;
    let name = display_name(&input);
    let text = read_text(&input)?;
    let progress = Progress::for_input(&name, text.len());
    progress.step(&format!("reading {}", megabytes(text.len())));
    let format = detect_format(None, &text).ok_or_else(|| {
        Failure::Failed(format!("\"{name}\" is not a file this tool reads: expected WebVTT, SRT, Podcasting 2.0 JSON, an HTML transcript, JSON Chapters or episode JSON"))
    })?;
    let mut episode = read_episode(&input, &name, format, &text, duration)?;
    progress.step(&format!("read {} lines", thousands(episode.lines.len())));
    if let Some(path) = &chapters {
        let chapters_name = display_name(path);
        let chapters_text = read_text(path)?;
        let file = parse_json_chapters(&chapters_text, episode.duration).map_err(|error| {
            Failure::Failed(FileFormat::JsonChapters.unusable_message(&chapters_name, &error))
        })?;
        episode
            .warnings
            .extend(in_file(&chapters_name, &file.warnings));
        file.replace_chapters_of(&mut episode);
    }
    let target = target.unwrap_or(if format == FileFormat::EpisodeJson {
        Target::WebVtt
    } else {
        Target::EpisodeJson
    });
    if target == Target::WebVtt && episode.lines.is_empty() {
        return Err(Failure::Failed(format!(
            "\"{name}\" has no transcript lines to write as WebVTT"
        )));
    }
    let written = match target {
        Target::EpisodeJson => to_episode_json(&episode),
        Target::WebVtt => to_webvtt(&episode),
    };
    write_output(output.as_deref(), &written)?;
    progress.done(&format!("wrote {}", megabytes(written.len())));
    for warning in &episode.warnings {
        eprintln!("warning: {warning}");
    }
    eprintln!(
        "{} ({}): {} lines, {} speakers, {} chapters",
        name,
        format.name(),
        thousands(episode.lines.len()),
        episode.speakers.len(),
        episode.chapters.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// Reads the input as an episode; an episode JSON's transcript and chapters
/// files are read from beside it.
fn read_episode(
    path: &str,
    name: &str,
    format: FileFormat,
    text: &str,
    duration: Option<f64>,
) -> Result<Episode, Failure> {
    let unusable = |error: &EpisodeError| Failure::Failed(format.unusable_message(name, error));
    match format {
        FileFormat::EpisodeJson => {
            let document = parse_episode_document(text).map_err(|error| unusable(&error))?;
            let mut episode = document.episode;
            let folder = Path::new(path).parent().unwrap_or(Path::new("."));
            if let Some(file) =
                choose_transcript(&document.transcript_files, episode.language.as_deref())
            {
                let file_path = folder.join(&file.url).to_string_lossy().into_owned();
                let file_text = read_text(&file_path)?;
                // As the widget: the content first, then the declared type.
                let declared = file
                    .mime_type
                    .as_deref()
                    .and_then(FileFormat::from_mime_type);
                let file_format = detect_format(file.mime_type.as_deref(), &file_text)
                    .or(declared)
                    .ok_or_else(|| {
                        Failure::Failed(format!(
                            "\"{}\" is not a transcript this tool reads",
                            file.url
                        ))
                    })?;
                let duration = duration.or(episode.duration);
                add_transcript_file(&mut episode, &file.url, file_format, &file_text, duration)
                    .map_err(Failure::Failed)?;
            }
            if let Some(file) = &document.chapters_file {
                let file_text = read_text(&folder.join(&file.url).to_string_lossy())?;
                let chapters =
                    parse_json_chapters(&file_text, episode.duration).map_err(|error| {
                        Failure::Failed(
                            FileFormat::JsonChapters.unusable_message(&file.url, &error),
                        )
                    })?;
                chapters.replace_chapters_of(&mut episode);
            }
            Ok(episode)
        }
        FileFormat::JsonChapters => {
            let file = parse_json_chapters(text, None).map_err(|error| unusable(&error))?;
            let mut episode = Episode {
                warnings: in_file(name, &file.warnings).collect(),
                ..Episode::default()
            };
            file.replace_chapters_of(&mut episode);
            Ok(episode)
        }
        transcript_format => {
            let mut episode = Episode::default();
            add_transcript_file(&mut episode, name, transcript_format, text, duration)
                .map_err(Failure::Failed)?;
            Ok(episode)
        }
    }
}
