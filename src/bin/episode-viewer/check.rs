//! `episode-viewer check`: lint files before publishing them.

use std::path::Path;
use std::process::ExitCode;

use episode_viewer::core::lint::{lint_file, LintOptions, LintReport, Severity};
use episode_viewer::core::load::{FilePaths, Locate};
use episode_viewer::core::text::thousands;

use crate::files::{display_name, option_value, read_text, Failure, Progress};

/// Help for `check`.
pub const HELP: &str = "\
episode-viewer check: lint transcript and chapters files

Usage:
  episode-viewer check FILE... [--gap SECONDS] [--strict]

Reports, with line numbers:
  errors    what the widget would repair or skip (bad cue timings, empty
            cues, ends before starts), lines or chapters out of time order,
            speakers not declared in an episode JSON's \"speakers\", and one
            speaker's name written two ways (\"Sam Host\" / \"sam host\")
  warnings  overlapping lines, and silences longer than --gap seconds
            (default 10) between lines

An episode JSON's transcript and chapters files next to it are checked too.

Options:
  --gap SECONDS   report silences longer than this (default 10)
  --strict        warnings count as errors
  -h, --help      this help

Exit code: 0 no errors, 1 errors (or a file that cannot be read), 2 bad usage.

Example:
  episode-viewer check episode.json episode.vtt
";

/// Runs `check` with the arguments after the command name.
pub fn run(parser: lexopt::Parser) -> Result<ExitCode, Failure> {
    let (paths, options, strict) = parse_arguments(parser)?;
    let mut failed = false;
    let mut queue: Vec<String> = paths;
    let mut checked: Vec<String> = Vec::new();
    while let Some(path) = (!queue.is_empty()).then(|| queue.remove(0)) {
        if checked.contains(&path) {
            continue;
        }
        checked.push(path.clone());
        let Some(report) = check_file(&path, options)? else {
            failed = true;
            continue;
        };
        let (errors, warnings) = print_report(&path, &report);
        failed |= errors > 0 || (strict && warnings > 0);
        // The files an episode JSON names, found as `convert` finds them.
        for url in &report.referenced_files {
            let referenced = FilePaths::beside(&path).file(url, &path);
            if let Some(referenced) = referenced.filter(|file| Path::new(file).exists()) {
                queue.push(referenced);
            }
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The files to check, the lint options, and whether `--strict` was given.
fn parse_arguments(
    mut parser: lexopt::Parser,
) -> Result<(Vec<String>, LintOptions, bool), Failure> {
    use lexopt::Arg::{Long, Short, Value};
    let mut paths = Vec::new();
    let mut options = LintOptions::default();
    let mut strict = false;
    while let Some(arg) = parser.next()? {
        match arg {
            Value(value) => paths.push(value.to_string_lossy().into_owned()),
            Long("gap") => {
                let text = option_value(&mut parser, "--gap")?;
                options.longest_gap =
                    episode_viewer::core::parse_clock(&text).ok_or_else(|| {
                        Failure::Usage(format!("--gap \"{text}\" is not a number of seconds"))
                    })?;
            }
            Long("strict") => strict = true,
            Short('h') | Long("help") => return Err(Failure::Help("check")),
            other => return Err(other.unexpected().into()),
        }
    }
    if paths.is_empty() {
        return Err(Failure::Usage("check needs at least one file".to_string()));
    }
    Ok((paths, options, strict))
}

/// Lints the file at `path`; `None` (said on standard output) when it
/// cannot be read or is not a file the widget reads.
fn check_file(path: &str, options: LintOptions) -> Result<Option<LintReport>, Failure> {
    let text = match read_text(path) {
        Ok(text) => text,
        Err(Failure::Failed(message)) => {
            println!("{message}");
            return Ok(None);
        }
        Err(other) => return Err(other),
    };
    let progress = Progress::for_input(&display_name(path), text.len());
    progress.step("checking");
    match lint_file(&text, None, options) {
        Ok(report) => {
            progress.done("checked");
            Ok(Some(report))
        }
        Err(error) => {
            progress.done("cannot be read");
            println!("{path}: error: {error}");
            Ok(None)
        }
    }
}

/// Prints each finding and the summary line; returns the counts of errors
/// and warnings.
fn print_report(path: &str, report: &LintReport) -> (usize, usize) {
    for finding in &report.findings {
        let label = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        println!("{path}: {label}: {}", finding.message);
    }
    let errors = report
        .findings
        .iter()
        .filter(|finding| finding.severity == Severity::Error)
        .count();
    let warnings = report.findings.len() - errors;
    println!(
        "{path}: {} ({}, {}): {}, {}",
        report.format.name(),
        counted(report.lines, "line"),
        counted(report.chapters, "chapter"),
        counted(errors, "error"),
        counted(warnings, "warning")
    );
    (errors, warnings)
}

/// `1 error`, `3 errors`, `1,200 lines`.
fn counted(count: usize, what: &str) -> String {
    let plural = if count == 1 { "" } else { "s" };
    format!("{} {what}{plural}", thousands(count))
}
