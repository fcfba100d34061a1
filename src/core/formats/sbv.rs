//! YouTube's SubViewer captions (`.sbv`): blocks of a timing line
//! `0:00:01.000,0:00:03.500` and the cue's text lines, separated by blank
//! lines (<https://support.google.com/youtube/answer/2734698>). A `Name:`
//! (or `>> NAME:`) that begins two or more cues is the speaker.

use super::srt::parse_srt_time;
use std::ops::Range;

use super::cues::{CueContent, CueLines, RecurringLabels};
use super::transcript::Transcript;
use crate::core::error::quoted;
use crate::core::error::{Place, ReadError};
use crate::core::limits::check_file_size;
use crate::core::text::collapse_whitespace;
use crate::core::warnings::{Warning, Warnings};

/// Whether a line is an SBV timing line (`0:00:01.000,0:00:03.500`).
pub fn is_timing_line(line: &str) -> bool {
    parse_timing_line(line).is_some()
}

fn parse_timing_line(line: &str) -> Option<(f64, f64)> {
    let (start, end) = line.trim().split_once(',')?;
    let is_clock = |time: &str| time.contains(':') && time.contains('.');
    if !is_clock(start) || !is_clock(end) {
        return None;
    }
    Some((parse_srt_time(start.trim())?, parse_srt_time(end.trim())?))
}

/// Reads an SBV file into a transcript. A block whose timing line cannot
/// be read is skipped with a warning; a file with no cue is an error.
pub fn parse_sbv(input: &str) -> Result<Transcript, ReadError> {
    check_file_size(input.len())?;
    let input = input.strip_prefix('\u{FEFF}').unwrap_or(input);
    let mut warnings = Warnings::new();
    // (line number, start, end, where its text lines lie in the input)
    let mut cues: Vec<(usize, f64, f64, Range<usize>)> = Vec::new();
    let mut in_block = false;
    let mut offset = 0;
    for (index, line) in input.split_inclusive('\n').enumerate() {
        let line_start = offset;
        offset += line.len();
        let line_number = index + 1;
        let line = line.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            in_block = false;
            continue;
        }
        if !in_block {
            in_block = true;
            match parse_timing_line(line) {
                Some((start, end)) => cues.push((line_number, start, end, offset..offset)),
                None => warnings.push(Warning::at(
                    Place::Line(line_number),
                    format!(
                        "{} is not an SBV timing (expected \"0:00:01.000,0:00:03.500\"); block skipped",
                        quoted(&line.chars().take(60).collect::<String>())
                    ),
                )),
            }
            continue;
        }
        if let Some((_, _, _, text)) = cues.last_mut().filter(|(number, ..)| *number < line_number)
        {
            text.end = line_start + line.len();
        }
    }
    if cues.is_empty() {
        return Err(ReadError::about_file(
            "found no SBV cue; expected a timing line such as \"0:00:01.000,0:00:03.500\"",
        ));
    }
    // A cue's lines are joined by the whitespace between them.
    let text_of =
        |range: &Range<usize>| collapse_whitespace(input.get(range.clone()).unwrap_or_default());
    let labels = RecurringLabels::count(cues.iter().map(|(_, _, _, text)| text_of(text)));
    let mut lines = CueLines::with_capacity(warnings, cues.len());
    for cue in &cues {
        let text = text_of(&cue.3);
        let (speaker, text) = match labels.split(&text) {
            Some((name, rest)) => (Some(name), rest),
            None => (None, text.trim_start_matches(['>', ' ']).to_string()),
        };
        lines.push_checked(CueContent {
            line_number: cue.0,
            start: cue.1,
            end: cue.2,
            speaker,
            text,
            words: Vec::new(),
        })?;
    }
    Ok(lines.finish())
}
