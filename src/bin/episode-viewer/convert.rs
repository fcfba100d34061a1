//! `episode-viewer convert`: the formats the widget reads, to episode JSON
//! or WebVTT.

use std::process::ExitCode;

use episode_viewer::core::export::{to_episode_json, to_webvtt};
use episode_viewer::core::formats::FileFormat;
use episode_viewer::core::load::{EpisodeRequest, Reader, Role};
use episode_viewer::core::text::{megabytes, thousands};

use crate::files::{
    display_name, duration_option, load_files, option_value, write_output, Failure, Progress,
};

/// Help for `convert`.
pub const HELP: &str = "\
episode-viewer convert: a transcript or chapters file -> episode JSON or WebVTT

Usage:
  episode-viewer convert FILE [--to episode|vtt] [--chapters FILE] [--duration TIME]
                         [--language TAG] [-o OUT]

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
  --language TAG      of an episode JSON's transcripts, the one in this
                      language (as the page's lang chooses for the widget)
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
    let (mut input, mut target, mut output) = (None, None, None);
    let mut request = EpisodeRequest {
        chapter_pins: true,
        reader: Reader::Cli,
        ..EpisodeRequest::default()
    };
    while let Some(arg) = parser.next()? {
        match arg {
            Value(value) if input.is_none() => input = Some(value.to_string_lossy().into_owned()),
            Long("to") => target = Some(target_option(&mut parser)?),
            Long("chapters") => request.chapters = Some(option_value(&mut parser, "--chapters")?),
            Long("duration") => request.duration = Some(duration_option(&mut parser)?),
            Long("language") => {
                request.page_language = Some(option_value(&mut parser, "--language")?);
            }
            Short('o') | Long("output") => output = Some(option_value(&mut parser, "--output")?),
            Short('h') | Long("help") => return Err(Failure::Help("convert")),
            other => return Err(other.unexpected().into()),
        }
    }
    let input =
        input.ok_or_else(|| Failure::Usage("convert needs a file to convert".to_string()))?;
    let name = display_name(&input);
    request.src = Some(input);
    let mut progress = None;
    let (episode, format) = load_files(request, |need, file| {
        if need.role == Role::Src {
            let started = Progress::for_input(&name, file.text.len());
            started.step(&format!("reading {}", megabytes(file.text.len())));
            progress = Some(started);
        }
    })?;
    let progress = progress.unwrap_or_else(|| Progress::for_input(&name, 0));
    progress.step(&format!("read {} lines", thousands(episode.lines.len())));
    let format = format.unwrap_or(FileFormat::PlainText);
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

/// The value of `--to`.
fn target_option(parser: &mut lexopt::Parser) -> Result<Target, Failure> {
    match option_value(parser, "--to")?.as_str() {
        "episode" | "json" | "episode-json" => Ok(Target::EpisodeJson),
        "vtt" | "webvtt" => Ok(Target::WebVtt),
        other => Err(Failure::Usage(format!(
            "--to \"{other}\": expected episode or vtt"
        ))),
    }
}
