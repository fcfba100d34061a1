//! `episode-viewer`: the widget's readers, importer and writers on the
//! command line. `import` turns show notes and an untimed transcript into
//! episode JSON with estimated timings, `convert` turns WebVTT, SRT,
//! Podcasting 2.0 JSON or JSON Chapters into episode JSON (and episode JSON
//! into WebVTT), and `check` lints a file before it is published.

#[cfg(not(target_arch = "wasm32"))]
mod check;
#[cfg(not(target_arch = "wasm32"))]
mod convert;
#[cfg(not(target_arch = "wasm32"))]
mod feed;
#[cfg(not(target_arch = "wasm32"))]
mod files;
#[cfg(not(target_arch = "wasm32"))]
mod import;

#[cfg(not(target_arch = "wasm32"))]
use std::process::ExitCode;

/// Help for the whole tool.
#[cfg(not(target_arch = "wasm32"))]
const HELP: &str = "\
episode-viewer: synced transcripts and chapters for podcast episodes

Usage:
  episode-viewer import --transcript FILE [--notes FILE] [--duration TIME] [options]
  episode-viewer convert FILE [--to episode|vtt] [--chapters FILE] [-o OUT]
  episode-viewer check FILE... [--gap SECONDS] [--strict]
  episode-viewer help [COMMAND]

Commands:
  import    show notes with chapter times and an untimed transcript in
            speaker turns -> episode JSON with estimated timings
  convert   WebVTT, SRT, Podcasting 2.0 JSON or JSON Chapters -> episode JSON;
            episode JSON -> WebVTT with voice tags
  check     report lines out of order, overlaps, gaps, unknown speakers and
            anything the widget would repair or skip; exit code 1 on errors

Examples:
  episode-viewer import --transcript transcript.txt --notes shownotes.txt --duration 31:00 -o episode.json
  episode-viewer convert episode.vtt --chapters chapters.json -o episode.json
  episode-viewer convert episode.json --to vtt -o episode.vtt
  episode-viewer check episode.json episode.srt

Run `episode-viewer help COMMAND` for a command's options.
Exit codes: 0 done, 1 a file has errors or could not be read, 2 bad usage.
";

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let mut parser = lexopt::Parser::from_env();
    let command = match parser.next() {
        Ok(Some(lexopt::Arg::Value(command))) => command.to_string_lossy().into_owned(),
        Ok(Some(lexopt::Arg::Long("version"))) => {
            println!("episode-viewer {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Ok(Some(lexopt::Arg::Short('h') | lexopt::Arg::Long("help"))) | Ok(None) => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Ok(Some(other)) => return usage_error(&other.unexpected().to_string()),
        Err(error) => return usage_error(&error.to_string()),
    };
    let outcome = match command.as_str() {
        "import" => import::run(parser),
        "convert" => convert::run(parser),
        "check" => check::run(parser),
        "help" => {
            let topic = parser.next().ok().flatten().and_then(|arg| match arg {
                lexopt::Arg::Value(value) => Some(value.to_string_lossy().into_owned()),
                _ => None,
            });
            print!("{}", command_help(topic.as_deref()));
            return ExitCode::SUCCESS;
        }
        other => return usage_error(&format!("unknown command \"{other}\"")),
    };
    match outcome {
        Ok(code) => code,
        Err(files::Failure::Usage(message)) => usage_error(&message),
        Err(files::Failure::Help(topic)) => {
            print!("{}", command_help(Some(topic)));
            ExitCode::SUCCESS
        }
        Err(files::Failure::Failed(message)) => {
            eprintln!("episode-viewer: {message}");
            ExitCode::from(1)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn command_help(topic: Option<&str>) -> &'static str {
    match topic {
        Some("import") => import::HELP,
        Some("convert") => convert::HELP,
        Some("check") => check::HELP,
        _ => HELP,
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn usage_error(message: &str) -> ExitCode {
    eprintln!("episode-viewer: {message}\nRun `episode-viewer --help` for usage.");
    ExitCode::from(2)
}

/// The tool is native only; the crate's wasm build has nothing to run.
#[cfg(target_arch = "wasm32")]
fn main() {}
