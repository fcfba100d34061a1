//! Reading inputs, writing outputs, and the progress line.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::Instant;

use episode_viewer::core::formats::FileFormat;
use episode_viewer::core::load::{load_without_media, EpisodeRequest, FileNeed, FilePaths};
use episode_viewer::core::load::{FileText, LoadError};
use episode_viewer::core::text::megabytes;
use episode_viewer::core::Episode;

/// How a command failed.
pub enum Failure {
    /// The arguments were wrong: exit code 2.
    Usage(String),
    /// `--help` was asked for this command.
    Help(&'static str),
    /// A file could not be read, written or used: exit code 1.
    Failed(String),
}

impl From<lexopt::Error> for Failure {
    fn from(error: lexopt::Error) -> Self {
        Failure::Usage(error.to_string())
    }
}

/// Inputs at least this large get a progress line.
const PROGRESS_FROM_BYTES: usize = 1024 * 1024;

/// Progress on stderr for large inputs: one line, rewritten in place on a
/// terminal, a line per step otherwise.
pub struct Progress {
    shown: bool,
    terminal: bool,
    started: Instant,
    name: String,
}

impl Progress {
    /// Shows progress for an input of `bytes` bytes, if it is large.
    pub fn for_input(name: &str, bytes: usize) -> Self {
        Self {
            shown: bytes >= PROGRESS_FROM_BYTES,
            terminal: std::io::stderr().is_terminal(),
            started: Instant::now(),
            name: name.to_string(),
        }
    }

    /// Reports a step (`reading 12.3 MB`, `estimating times`).
    pub fn step(&self, what: &str) {
        if !self.shown {
            return;
        }
        let elapsed = self.started.elapsed().as_secs_f64();
        let line = format!("{}: {what} ({elapsed:.1} s)", self.name);
        let mut stderr = std::io::stderr();
        if self.terminal {
            let _ = write!(stderr, "\r\x1b[2K{line}");
        } else {
            let _ = writeln!(stderr, "{line}");
        }
        let _ = stderr.flush();
    }

    /// Ends the progress line.
    pub fn done(&self, what: &str) {
        self.step(what);
        if self.shown && self.terminal {
            eprintln!();
        }
    }
}

/// Reads a text file (UTF-8), or stdin for `-`.
pub fn read_text(path: &str) -> Result<String, Failure> {
    let bytes = if path == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
            .map_err(|error| Failure::Failed(format!("cannot read standard input: {error}")))?;
        bytes
    } else {
        std::fs::read(path).map_err(|error| {
            Failure::Failed(format!("cannot read \"{path}\": {}", io_reason(&error)))
        })?
    };
    String::from_utf8(bytes).map_err(|error| {
        Failure::Failed(format!(
            "\"{path}\" is not UTF-8 text (byte {} of {} is not); save it as UTF-8",
            error.utf8_error().valid_up_to() + 1,
            megabytes(error.as_bytes().len())
        ))
    })
}

/// Loads the episode `request` names from files, through the loader the
/// widget loads with; `on_read` hears of each file as it is read. Gives the
/// episode and the format `src` was read as.
pub fn load_files(
    request: EpisodeRequest,
    mut on_read: impl FnMut(&FileNeed, &FileText),
) -> Result<(Episode, Option<FileFormat>), Failure> {
    let main = request.src.as_deref().or(request.transcript.as_deref());
    let paths = FilePaths::beside(main.or(request.notes.as_deref()).unwrap_or_default());
    let read = |need: &FileNeed| {
        let text = read_text(&need.location).map_err(|failure| match failure {
            Failure::Usage(message) | Failure::Failed(message) => LoadError::Fetch(message),
            Failure::Help(command) => LoadError::Fetch(command.to_string()),
        })?;
        let file = FileText {
            text,
            content_type: content_type_of(&need.location).map(str::to_string),
            location: need.location.clone(),
        };
        on_read(need, &file);
        Ok(file)
    };
    load_without_media(request, paths, read)
        .map_err(|error| Failure::Failed(error.message().to_string()))
}

/// The Content-Type a web server would send a file with, by its
/// extension: what tells a file apart when its content does not.
fn content_type_of(path: &str) -> Option<&'static str> {
    let extension = Path::new(path).extension()?.to_str()?.to_ascii_lowercase();
    Some(match extension.as_str() {
        "vtt" => "text/vtt",
        "srt" => "application/x-subrip",
        "json" => "application/json",
        "html" | "htm" => "text/html",
        "txt" => "text/plain",
        _ => return None,
    })
}

/// Writes `text` to `path`, or to stdout when there is none (or `-`).
pub fn write_output(path: Option<&str>, text: &str) -> Result<(), Failure> {
    match path.filter(|path| *path != "-") {
        Some(path) => std::fs::write(path, text).map_err(|error| {
            Failure::Failed(format!("cannot write \"{path}\": {}", io_reason(&error)))
        }),
        None => std::io::stdout()
            .write_all(text.as_bytes())
            .map_err(|error| Failure::Failed(format!("cannot write to standard output: {error}"))),
    }
}

/// The file name to show for a path.
pub fn display_name(path: &str) -> String {
    if path == "-" {
        return "standard input".to_string();
    }
    Path::new(path).file_name().map_or_else(
        || path.to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => error.to_string(),
    }
}

/// The next value of an option, as text.
pub fn option_value(parser: &mut lexopt::Parser, option: &str) -> Result<String, Failure> {
    parser
        .value()
        .map(|value| value.to_string_lossy().into_owned())
        .map_err(|_| Failure::Usage(format!("{option} needs a value")))
}

/// The value of `--duration`: a positive time (`31:00`, `1:02:03`, seconds).
pub fn duration_option(parser: &mut lexopt::Parser) -> Result<f64, Failure> {
    let text = option_value(parser, "--duration")?;
    episode_viewer::core::parse_clock(&text)
        .filter(|seconds| *seconds > 0.0)
        .ok_or_else(|| {
            Failure::Usage(format!(
                "--duration \"{text}\" is not a time; write it as 31:00, 1:02:03 or seconds"
            ))
        })
}
