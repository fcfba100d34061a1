//! Checking a transcript or chapters file before publishing it: what the
//! widget would repair or skip, lines out of order, overlapping lines, long
//! gaps and unknown or inconsistent speakers, each with where it is.

use std::collections::{BTreeMap, BTreeSet};

use crate::core::json_parser::parse_json;
use crate::core::json_value::Value;

use super::episode_json::parse_episode_document;
use super::error::quoted;
use super::error::{Place, ReadError};
use super::formats::json_chapters::parse_json_chapters;
use super::formats::read_lines::out_of_order;
use super::formats::{detect_format, read_transcript, FileFormat};
use super::import::{import_episode, ImportRequest, NamedText, UNKNOWN_LENGTH};
use super::json_item_lines::JsonItemLines;
use super::text::fold;
use super::time::{format_clock, parse_clock};
use super::warnings::Warning;
use super::Line;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Something the widget repairs, skips or cannot tell apart: fix it.
    Error,
    /// Legal but worth a look (overlaps, long gaps).
    Warning,
}

/// One problem found, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// How serious it is.
    pub severity: Severity,
    /// What and where, e.g. `line 12: starts at 5, before the line above it (7)`.
    pub message: String,
}

/// What to look for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LintOptions {
    /// A silence between lines longer than this many seconds is reported.
    pub longest_gap: f64,
}

impl Default for LintOptions {
    fn default() -> Self {
        Self { longest_gap: 10.0 }
    }
}

/// What checking a file found.
#[derive(Debug, Clone, PartialEq)]
pub struct LintReport {
    /// The file's format.
    pub format: FileFormat,
    /// Transcript lines read.
    pub lines: usize,
    /// Chapters read.
    pub chapters: usize,
    /// Files an episode JSON refers to (their URLs as written).
    pub referenced_files: Vec<String>,
    /// Problems, errors first, each group in file order.
    pub findings: Vec<Finding>,
}

impl LintReport {
    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.findings
            .iter()
            .any(|finding| finding.severity == Severity::Error)
    }
}

/// Checks a file of any format the widget reads. A file the widget cannot
/// read at all is an `Err` with the reader's message.
pub fn lint_file(
    text: &str,
    content_type: Option<&str>,
    options: LintOptions,
) -> Result<LintReport, ReadError> {
    let plain_text = !text.trim().is_empty() && !text.trim_start().starts_with(['<', '{']);
    let format = detect_format(content_type, text)
        .or(plain_text.then_some(FileFormat::PlainText))
        .ok_or_else(|| ReadError::about_file("not a file this widget reads: expected episode JSON, WebVTT, SRT, Podcasting 2.0 JSON, an HTML or plain text transcript, or JSON Chapters"))?;
    let mut report = LintReport {
        format,
        lines: 0,
        chapters: 0,
        referenced_files: Vec::new(),
        findings: Vec::new(),
    };
    let mut found = Found::default();
    match format {
        FileFormat::EpisodeJson => lint_episode_json(text, options, &mut report, &mut found)?,
        FileFormat::JsonChapters => {
            let file = parse_json_chapters(text, None)?;
            report.chapters = file.chapters.len();
            let item_lines = JsonItemLines::new(text);
            found.errors.extend(
                file.warnings
                    .iter()
                    .map(|warning| item_lines.locate(warning).to_string()),
            );
        }
        FileFormat::HtmlTranscript | FileFormat::PlainText => {
            report.lines = lint_import(text, &mut found)?;
        }
        transcript_format => {
            report.lines = lint_transcript(transcript_format, text, options, &mut found)?;
        }
    }
    let Found { errors, warnings } = found;
    report.findings = errors
        .into_iter()
        .map(|message| Finding {
            severity: Severity::Error,
            message,
        })
        .chain(warnings.into_iter().map(|message| Finding {
            severity: Severity::Warning,
            message,
        }))
        .collect();
    Ok(report)
}

/// What a check found: errors, and warnings.
#[derive(Default)]
struct Found {
    errors: Vec<String>,
    warnings: Vec<String>,
}

/// Checks an episode JSON: lines and chapters in order, speakers declared,
/// overlaps and silences.
fn lint_episode_json(
    text: &str,
    options: LintOptions,
    report: &mut LintReport,
    found: &mut Found,
) -> Result<(), ReadError> {
    let document = parse_episode_document(text)?;
    report.referenced_files = document
        .transcript_files
        .iter()
        .chain(&document.chapters_file)
        .map(|file| file.url.clone())
        .collect();
    let episode = document.episode;
    report.lines = episode.lines.len();
    report.chapters = episode.chapters.len();
    let item_lines = JsonItemLines::new(text);
    // The reader has accepted it, so it parses.
    let root: Value = parse_json(text).unwrap_or_default();
    check_episode_json_order(&root, &item_lines, &mut found.errors);
    check_declared_speakers(&root, &item_lines, &mut found.warnings);
    let places = sorted_line_places(&root, &item_lines, episode.lines.len());
    check_timeline(&episode.lines, &places, options, &mut found.warnings);
    Ok(())
}

/// Checks an HTML or plain text transcript as the importer reads it;
/// returns its number of lines.
fn lint_import(text: &str, found: &mut Found) -> Result<usize, ReadError> {
    let sources = ImportRequest {
        transcript: Some(NamedText { name: "", text }),
        ..ImportRequest::default()
    };
    let episode = import_episode(&sources)?;
    // Without a duration the end is always extrapolated: not a problem of
    // the file.
    found.errors.extend(
        episode
            .warnings
            .into_iter()
            .filter(|warning| !warning.message.starts_with(UNKNOWN_LENGTH))
            .map(|warning| {
                Warning {
                    file: None,
                    ..warning
                }
                .to_string()
            }),
    );
    Ok(episode.lines.len())
}

/// Checks a timed transcript: what its reader repaired, overlaps and
/// silences, one speaker written two ways; returns its number of lines.
fn lint_transcript(
    format: FileFormat,
    text: &str,
    options: LintOptions,
    found: &mut Found,
) -> Result<usize, ReadError> {
    let transcript = read_transcript(format, text)?;
    // Places in a Podcasting 2.0 or whisper file are `segments[3]`: they
    // get the line the segment is on.
    let item_lines = if matches!(format, FileFormat::PodcastJson | FileFormat::WhisperJson) {
        JsonItemLines::new(text)
    } else {
        JsonItemLines::default()
    };
    found.errors.extend(
        transcript
            .warnings
            .iter()
            .map(|warning| item_lines.locate(warning).to_string()),
    );
    let places: Vec<String> = transcript
        .places
        .iter()
        .map(|place| item_lines.locate_place(place).to_string())
        .collect();
    check_timeline(&transcript.lines, &places, options, &mut found.warnings);
    let names: Vec<(&str, &str)> = transcript
        .lines
        .iter()
        .zip(&places)
        .filter_map(|(line, place)| {
            let speaker = transcript.speakers.get(line.speaker?)?;
            Some((speaker.name.as_str(), place.as_str()))
        })
        .collect();
    check_similar_speakers(&names, &mut found.errors);
    Ok(transcript.lines.len())
}

/// Overlapping lines and long silences, in time order.
fn check_timeline(
    lines: &[Line],
    places: &[String],
    options: LintOptions,
    warnings: &mut Vec<String>,
) {
    for (pair, place_pair) in lines.windows(2).zip(places.windows(2)) {
        let ([line, next], [place, next_place]) = (pair, place_pair) else {
            continue;
        };
        if next.start < line.end - 0.0005 {
            warnings.push(format!(
                "{next_place}: starts at {}, before the one at {place} ends ({}): they overlap",
                format_clock(next.start),
                format_clock(line.end)
            ));
        } else if next.start - line.end > options.longest_gap {
            warnings.push(format!(
                "{next_place}: {} s with no line before it ({} to {})",
                (next.start - line.end).round(),
                format_clock(line.end),
                format_clock(next.start)
            ));
        }
    }
}

/// Speaker names that differ only in case, accents or spacing (`Sam Host`
/// and `sam  host`): the widget shows them as two speakers.
fn check_similar_speakers(names: &[(&str, &str)], errors: &mut Vec<String>) {
    // Folded name -> the first spelling met and where.
    let mut first_spelling: BTreeMap<String, (&str, &str)> = BTreeMap::new();
    let mut reported: BTreeSet<&str> = BTreeSet::new();
    for &(name, place) in names {
        let key = fold(name).split_whitespace().collect::<Vec<_>>().join(" ");
        let (first_name, first_place) = *first_spelling.entry(key).or_insert((name, place));
        if first_name != name && reported.insert(name) {
            errors.push(format!(
                "{place}: the speaker {} looks like {} ({first_place}) written differently; the widget shows them as two speakers",
                quoted(name),
                quoted(first_name)
            ));
        }
    }
}

/// Lines and chapters out of order in an episode JSON (its reader sorts
/// them without a word).
fn check_episode_json_order(root: &Value, item_lines: &JsonItemLines, errors: &mut Vec<String>) {
    for (key, what) in [("transcript", "line"), ("chapters", "chapter")] {
        let Some(items) = root.get(key).and_then(Value::as_array) else {
            continue;
        };
        let starts: Vec<(Place, f64)> = items
            .iter()
            .enumerate()
            .filter_map(|(index, item)| {
                Some((
                    item_lines.place(key, index),
                    time_value(item.get("start")?)?,
                ))
            })
            .collect();
        let places_and_starts = starts.iter().map(|(place, start)| (place, *start));
        if let Some(error) = out_of_order(places_and_starts, what) {
            errors.push(error.to_string());
        }
    }
}

/// Lines naming a speaker that the `speakers` table does not declare: the
/// format allows a plain display name there, but it may be a misspelt key.
fn check_declared_speakers(root: &Value, item_lines: &JsonItemLines, warnings: &mut Vec<String>) {
    let Some(declared) = root.get("speakers").and_then(Value::as_object) else {
        return;
    };
    let Some(items) = root.get("transcript").and_then(Value::as_array) else {
        return;
    };
    let keys: Vec<&str> = declared.keys().map(String::as_str).collect();
    let declared: std::collections::HashSet<&str> = keys.iter().copied().collect();
    for (index, item) in items.iter().enumerate() {
        let Some(speaker) = item.get("speaker").and_then(Value::as_str) else {
            continue;
        };
        if !declared.contains(speaker.trim()) {
            warnings.push(format!(
                "{}: the speaker {} is not a key of \"speakers\" ({}); shown as a speaker of its own with that name",
                item_lines.place("transcript", index),
                quoted(speaker),
                keys.join(", ")
            ));
        }
    }
}

/// Where each of an episode JSON's lines is, in the order its reader
/// sorts them (stably, by start).
fn sorted_line_places(root: &Value, item_lines: &JsonItemLines, count: usize) -> Vec<String> {
    let starts: Vec<f64> = root
        .get("transcript")
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .map(|item| item.get("start").and_then(time_value).unwrap_or(0.0))
                .collect()
        })
        .unwrap_or_default();
    let mut order: Vec<usize> = (0..starts.len()).collect();
    order.sort_by(|&a, &b| {
        let start = |index: usize| starts.get(index).copied().unwrap_or(0.0);
        start(a).total_cmp(&start(b))
    });
    if order.len() != count {
        return (0..count)
            .map(|index| format!("line {}", index + 1))
            .collect();
    }
    order
        .into_iter()
        .map(|index| item_lines.place("transcript", index).to_string())
        .collect()
}

fn time_value(value: &Value) -> Option<f64> {
    value
        .as_f64()
        .or_else(|| value.as_str().and_then(parse_clock))
}
