//! SubRip (`.srt`, `application/x-subrip`): numbered cues with
//! `hh:mm:ss,ttt --> hh:mm:ss,ttt` timings. Read leniently, as players do:
//! CRLF or LF, missing blank lines, stray numbering, `.` for `,`, basic
//! HTML-ish tags stripped, and a leading `Name:` taken as the speaker.

use super::cues::{split_speaker_label, CueContent, CueLines};
use super::transcript::Transcript;
use crate::core::error::quoted;
use crate::core::error::{Place, ReadError};
use crate::core::limits::check_file_size;
use crate::core::text::{collapse_whitespace, decode_character_reference};
use crate::core::time::decimal_value;
use crate::core::warnings::{Warning, Warnings};

struct OpenCue {
    start: f64,
    end: f64,
    line_number: usize,
    text: Vec<String>,
}

/// Reads an SRT file into a transcript. Cues with a bad timing line are
/// skipped with a warning; a file with no cue at all is an error.
pub fn parse_srt(input: &str) -> Result<Transcript, ReadError> {
    check_file_size(input.len())?;
    let input = input.strip_prefix('\u{FEFF}').unwrap_or(input);
    let normalized = input.replace("\r\n", "\n").replace('\r', "\n");
    let mut warnings = Warnings::new();
    let mut cues: Vec<OpenCue> = Vec::new();
    let mut open: Option<OpenCue> = None;
    for (index, raw_line) in normalized.split('\n').enumerate() {
        let line_number = index + 1;
        let line = raw_line.trim_end();
        if looks_like_timing(line) {
            if let Some(mut cue) = open.take() {
                drop_trailing_cue_number(&mut cue.text);
                cues.push(cue);
            }
            match parse_timing_line(line) {
                Some((start, end)) => {
                    open = Some(OpenCue {
                        start,
                        end,
                        line_number,
                        text: Vec::new(),
                    })
                }
                None => warnings.push(Warning::at(
                    Place::Line(line_number),
                    format!(
                        "the cue timing {} is not valid (expected \"00:00:00,000 --> 00:00:00,000\"); cue skipped",
                        quoted(&line.chars().take(60).collect::<String>())
                    ),
                )),
            }
        } else if let Some(cue) = open.as_mut() {
            if !line.trim().is_empty() {
                cue.text.push(line.to_string());
            }
        }
    }
    if let Some(cue) = open {
        cues.push(cue);
    }
    if cues.is_empty() {
        let message = if normalized.trim().is_empty() {
            "the file is empty; expected SubRip cues".to_string()
        } else {
            "found no SubRip cue; expected a timing line such as \"00:00:01,000 --> 00:00:04,000\""
                .to_string()
        };
        return Err(ReadError::about_file(message));
    }

    let mut lines = CueLines::new(warnings);
    for cue in cues {
        let text = collapse_whitespace(&strip_tags(&cue.text.join("\n")));
        let (speaker, text) = split_speaker_label(&text);
        lines.push_checked(CueContent {
            line_number: cue.line_number,
            start: cue.start,
            end: cue.end,
            speaker: speaker.map(str::to_string),
            text: text.to_string(),
            words: Vec::new(),
        })?;
    }
    Ok(lines.finish())
}

/// The number line of the next cue ends up as the last text line of the
/// previous one when it directly precedes the timing line.
fn drop_trailing_cue_number(text: &mut Vec<String>) {
    if text.last().is_some_and(|line| {
        !line.trim().is_empty() && line.trim().bytes().all(|b| b.is_ascii_digit())
    }) {
        text.pop();
    }
}

/// A timing line, or a line that tries to be one (`00:00:01,000 -> …`).
fn looks_like_timing(line: &str) -> bool {
    line.contains("-->")
        || (line.trim_start().starts_with(|c: char| c.is_ascii_digit()) && line.contains("->"))
}

/// `start --> end`, anything after the end time (SRT position extensions)
/// ignored.
fn parse_timing_line(line: &str) -> Option<(f64, f64)> {
    let (start, rest) = line.split_once("-->")?;
    let end = rest.split_whitespace().next()?;
    Some((parse_srt_time(start.trim())?, parse_srt_time(end)?))
}

/// `h:mm:ss,ttt`, also with `.` for `,`, fewer fraction digits, no
/// fraction, or without hours (`mm:ss,ttt`).
pub fn parse_srt_time(text: &str) -> Option<f64> {
    let (clock, fraction) = match text.split_once([',', '.']) {
        Some((clock, fraction)) => (clock, fraction),
        None => (text, ""),
    };
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let fields: Vec<&str> = clock.split(':').collect();
    if !(2..=3).contains(&fields.len()) {
        return None;
    }
    let mut seconds = 0.0;
    for (position, field) in fields.iter().enumerate() {
        if field.is_empty() || field.len() > 9 || !field.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let value: u32 = field.parse().ok()?;
        if position > 0 && value > 59 {
            return None;
        }
        seconds = seconds * 60.0 + f64::from(value);
    }
    let millis = decimal_value("", fraction)?;
    Some(seconds + millis)
}

const STRIPPED_TAGS: &[&str] = &["i", "b", "u", "s", "em", "strong", "font", "br", "span"];

/// Drops `<i>`, `<b>`, `<u>`, `<font …>` and similar tags and `{\an8}`-style
/// override codes, and decodes character references; other `<` stay text.
fn strip_tags(text: &str) -> String {
    let mut result = String::with_capacity(text.len());
    let mut tag_ends = NextOf::new('>');
    let mut override_ends = NextOf::new('}');
    let mut position = 0;
    while let Some(c) = text.get(position..).and_then(|rest| rest.chars().next()) {
        let after_start = position + c.len_utf8();
        let after = text.get(after_start..).unwrap_or_default();
        if c == '<' {
            if let Some(end) = tag_ends.at_or_after(text, after_start) {
                let inner = text.get(after_start..end).unwrap_or_default();
                let name = inner
                    .trim_start_matches('/')
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .next()
                    .unwrap_or_default();
                if STRIPPED_TAGS.contains(&name.to_ascii_lowercase().as_str()) {
                    if name.eq_ignore_ascii_case("br") {
                        result.push('\n');
                    }
                    position = end + 1;
                    continue;
                }
            }
        } else if c == '{' && after.starts_with('\\') {
            if let Some(end) = override_ends.at_or_after(text, after_start) {
                position = end + 1;
                continue;
            }
        } else if c == '&' {
            let (decoded, consumed) = decode_character_reference(after);
            result.push_str(&decoded);
            position = after_start + consumed;
            continue;
        }
        result.push(c);
        position = after_start;
    }
    result
}

/// Finds the next `needle` at or after a position that only moves forward,
/// remembering the last answer: a text of many `<` and one late `>` is then
/// searched once, not once per `<`.
struct NextOf {
    needle: char,
    found: Option<Option<usize>>,
}

impl NextOf {
    fn new(needle: char) -> Self {
        Self {
            needle,
            found: None,
        }
    }

    fn at_or_after(&mut self, text: &str, position: usize) -> Option<usize> {
        match self.found {
            Some(Some(found)) if found >= position => return Some(found),
            Some(None) => return None,
            _ => {}
        }
        let found = text
            .get(position..)
            .and_then(|rest| rest.find(self.needle))
            .map(|offset| position + offset);
        self.found = Some(found);
        found
    }
}
