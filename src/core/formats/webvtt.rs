//! WebVTT (`text/vtt`), read by the parsing rules of the W3C WebVTT spec
//! (<https://www.w3.org/TR/webvtt1/#file-parsing>): blocks, cue timings,
//! and the cue text tokenizer, so that cue times and text agree with what a
//! browser's own `<track>` parser makes of the same file.

use super::cues::{CueContent, CueLines, RecurringLabels};
use super::transcript::Transcript;
use crate::core::episode::Word;
use crate::core::error::quoted;
use crate::core::error::{Place, ReadError};
use crate::core::limits::check_file_size;
use crate::core::text::{collapse_whitespace, decode_character_reference};
use crate::core::warnings::{Warning, Warnings};

/// One cue as the spec's block parser yields it.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    /// The cue identifier; empty when the cue has none.
    pub id: String,
    /// Start in seconds.
    pub start: f64,
    /// End in seconds, as written (may be before `start`).
    pub end: f64,
    /// The raw cue payload, markup and entities included.
    pub text: String,
    /// 1-based line number of the cue's timing line.
    pub line_number: usize,
}

/// The cues of a WebVTT file, and the blocks that were dropped.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CueList {
    /// Cues in file order.
    pub cues: Vec<Cue>,
    /// Dropped blocks, each saying where and why.
    pub warnings: Warnings,
}

/// Reads a WebVTT file into a transcript: one line per cue, speakers from
/// voice tags (carried forward to cues without one), words from inline
/// timestamps.
pub fn parse_webvtt(input: &str) -> Result<Transcript, ReadError> {
    let CueList { cues, warnings } = parse_cues(input)?;
    // Zoom and others write the speaker as `Name: ` in the cue text, when
    // no cue has a voice tag. Each cue's text is read twice (first for the
    // labels) rather than kept: a file of tiny cues would hold it all.
    let has_voices = cues
        .iter()
        .any(|cue| parse_cue_text(&cue.text).voice.is_some());
    let labels = (!has_voices).then(|| {
        RecurringLabels::count(
            cues.iter()
                .map(|cue| collapse_whitespace(&parse_cue_text(&cue.text).text())),
        )
    });
    let mut lines = CueLines::with_capacity(warnings, cues.len());
    for cue in cues {
        let parsed = parse_cue_text(&cue.text);
        let text = collapse_whitespace(&parsed.text());
        let words = parsed.words(cue.start, cue.end);
        let label = labels
            .as_ref()
            .filter(|_| words.is_empty())
            .and_then(|labels| labels.split(&text));
        let (speaker, text) = match label {
            Some((name, rest)) => (Some(name), rest),
            None => (parsed.voice, text),
        };
        lines.push_checked(CueContent {
            line_number: cue.line_number,
            start: cue.start,
            end: cue.end,
            speaker,
            text,
            words,
        })?;
    }
    Ok(lines.finish())
}

/// Splits a WebVTT file into cues by the spec's block rules. The only fatal
/// error is a missing `WEBVTT` signature; a cue with a bad timing line is
/// dropped with a warning.
pub fn parse_cues(input: &str) -> Result<CueList, ReadError> {
    check_file_size(input.len())?;
    let normalized = normalize(input);
    let lines: Vec<&str> = normalized.split('\n').collect();
    let signature = lines.first().copied().unwrap_or_default();
    let valid_signature = signature == "WEBVTT"
        || signature
            .strip_prefix("WEBVTT")
            .is_some_and(|rest| rest.starts_with([' ', '\t']));
    if !valid_signature {
        let shown: String = signature.chars().take(30).collect();
        return Err(ReadError::at(
            Place::Line(1),
            format!(
                "expected \"WEBVTT\" to start a WebVTT file, found {}",
                quoted(&shown)
            ),
        ));
    }

    let mut list = CueList::default();
    let mut index = 1;
    if lines.get(index).is_some_and(|line| !line.is_empty()) {
        index = collect_block(&lines, index, true, &mut list).0;
    }
    loop {
        while lines.get(index).is_some_and(|line| line.is_empty()) {
            index += 1;
        }
        if index >= lines.len() {
            break;
        }
        let (next, cue) = collect_block(&lines, index, false, &mut list);
        list.cues.extend(cue);
        // A header block that stops at a timing line does not advance.
        index = next.max(index + 1);
    }
    Ok(list)
}

/// The spec's "collect a WebVTT block": returns the index of the first line
/// after the block and the cue, if the block was one.
fn collect_block(
    lines: &[&str],
    start: usize,
    in_header: bool,
    list: &mut CueList,
) -> (usize, Option<Cue>) {
    let mut index = start;
    let mut resume_at = start;
    let mut line_count = 0;
    let mut buffer = String::new();
    let mut seen_arrow = false;
    let mut cue: Option<Cue> = None;
    while let Some(&line) = lines.get(index) {
        index += 1;
        line_count += 1;
        if line.contains("-->") {
            if !in_header && (line_count == 1 || (line_count == 2 && !seen_arrow)) {
                seen_arrow = true;
                resume_at = index;
                cue = match parse_timing_line(line) {
                    Some((start, end)) => Some(Cue {
                        id: std::mem::take(&mut buffer),
                        start,
                        end,
                        text: String::new(),
                        line_number: index,
                    }),
                    None => {
                        list.warnings.push(Warning::at(
                            Place::Line(index),
                            format!(
                                "the cue timing {} is not valid (expected \"00:00:00.000 --> 00:00:00.000\"); cue skipped",
                                quoted(&line.chars().take(60).collect::<String>())
                            ),
                        ));
                        buffer.clear();
                        None
                    }
                };
            } else {
                index = resume_at;
                break;
            }
        } else if line.is_empty() {
            break;
        } else {
            if !buffer.is_empty() {
                buffer.push('\n');
            }
            buffer.push_str(line);
            resume_at = index;
        }
    }
    let cue = cue.map(|mut cue| {
        cue.text = buffer;
        cue
    });
    (index, cue)
}

/// Strips a byte order mark, turns NUL into U+FFFD and CRLF or CR into LF.
fn normalize(input: &str) -> String {
    let input = input.strip_prefix('\u{FEFF}').unwrap_or(input);
    input
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\0', "\u{FFFD}")
}

fn is_vtt_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{0C}')
}

/// `start --> end [settings]`; settings are ignored.
fn parse_timing_line(line: &str) -> Option<(f64, f64)> {
    let rest = line.trim_start_matches(is_vtt_space);
    let (start, rest) = parse_timestamp(rest)?;
    let rest = rest.trim_start_matches(is_vtt_space).strip_prefix("-->")?;
    let rest = rest.trim_start_matches(is_vtt_space);
    let (end, _settings) = parse_timestamp(rest)?;
    Some((start, end))
}

/// The spec's "collect a WebVTT timestamp": `[h+:]mm:ss.ttt`. Returns the
/// seconds and the text after the timestamp.
pub fn parse_timestamp(text: &str) -> Option<(f64, &str)> {
    let (first, rest) = split_digits(text);
    if first.is_empty() {
        return None;
    }
    let first_value: u64 = first.parse().ok()?;
    let starts_with_hours = first.len() != 2 || first_value > 59;
    let (second, rest) = split_digits(rest.strip_prefix(':')?);
    if second.len() != 2 {
        return None;
    }
    let second_value: u64 = second.parse().ok()?;
    let (hours, minutes, seconds, rest) = if starts_with_hours || rest.starts_with(':') {
        let (third, rest) = split_digits(rest.strip_prefix(':')?);
        if third.len() != 2 {
            return None;
        }
        (first_value, second_value, third.parse::<u64>().ok()?, rest)
    } else {
        (0, first_value, second_value, rest)
    };
    let (fraction, rest) = split_digits(rest.strip_prefix('.')?);
    if fraction.len() != 3 || minutes > 59 || seconds > 59 {
        return None;
    }
    let millis: u64 = fraction.parse().ok()?;
    let total =
        hours as f64 * 3600.0 + minutes as f64 * 60.0 + seconds as f64 + millis as f64 / 1000.0;
    Some((total, rest))
}

fn split_digits(text: &str) -> (&str, &str) {
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    text.split_at(end)
}

/// Cue text reduced to what a reader sees: the text, the first voice, and
/// the text between inline timestamps.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CueText {
    /// Speaker from the first `<v>` tag.
    pub voice: Option<String>,
    /// Text runs, each with the inline timestamp it follows (`None` for the
    /// run before the first timestamp).
    pub runs: Vec<(Option<f64>, String)>,
}

impl CueText {
    /// All text, as `textContent` of the browser's `getCueAsHTML()` gives it.
    pub fn text(&self) -> String {
        self.runs.iter().map(|(_, text)| text.as_str()).collect()
    }

    /// Timed words, when the cue has inline timestamps: each run becomes a
    /// word starting at its timestamp (the first at the cue's start).
    pub fn words(&self, cue_start: f64, cue_end: f64) -> Vec<Word> {
        if self.runs.iter().all(|(time, _)| time.is_none()) {
            return Vec::new();
        }
        let mut words: Vec<Word> = self
            .runs
            .iter()
            .map(|(time, text)| (time.unwrap_or(cue_start), collapse_whitespace(text)))
            .filter(|(_, text)| !text.is_empty())
            .map(|(start, text)| Word {
                start,
                end: start,
                text,
            })
            .collect();
        let next_starts: Vec<f64> = words
            .iter()
            .skip(1)
            .map(|next| next.start)
            .chain([cue_end])
            .collect();
        for (word, next_start) in words.iter_mut().zip(next_starts) {
            word.end = next_start.max(word.start);
        }
        words
    }
}

/// The spec's cue text tokenizer, keeping text, the first voice annotation
/// and inline timestamps; all other markup is dropped.
pub fn parse_cue_text(payload: &str) -> CueText {
    let mut result = CueText::default();
    let mut run = String::new();
    let mut run_time = None;
    let mut rest = payload;
    while let Some(c) = rest.chars().next() {
        let after = rest.get(c.len_utf8()..).unwrap_or_default();
        match c {
            '&' => {
                let (decoded, consumed) = decode_character_reference(after);
                run.push_str(&decoded);
                rest = after.get(consumed..).unwrap_or_default();
            }
            '<' => {
                let (tag, tail) = after.split_once('>').unwrap_or((after, ""));
                rest = tail;
                match read_tag(tag) {
                    Tag::Voice(name) if result.voice.is_none() => result.voice = Some(name),
                    Tag::Timestamp(time) => {
                        result.runs.push((run_time, std::mem::take(&mut run)));
                        run_time = Some(time);
                    }
                    _ => {}
                }
            }
            c => {
                run.push(c);
                rest = after;
            }
        }
    }
    result.runs.push((run_time, run));
    result
        .runs
        .retain(|(time, text)| time.is_some() || !text.is_empty());
    result
}

enum Tag {
    Voice(String),
    Timestamp(f64),
    Other,
}

/// What a tag's inside (between `<` and `>`) means.
fn read_tag(tag: &str) -> Tag {
    if tag.starts_with(|c: char| c.is_ascii_digit()) {
        return match parse_timestamp(tag) {
            Some((time, "")) => Tag::Timestamp(time),
            _ => Tag::Other,
        };
    }
    if tag.starts_with('/') {
        return Tag::Other;
    }
    let name_end = tag
        .find(|c: char| c == '.' || is_vtt_space(c) || c == '\n')
        .unwrap_or(tag.len());
    let Some(("v", after_name)) = tag.split_at_checked(name_end) else {
        return Tag::Other;
    };
    let annotation = after_name
        .trim_start_matches(|c: char| c != ' ' && c != '\t' && c != '\u{0C}' && c != '\n');
    Tag::Voice(collapse_whitespace(annotation))
}
