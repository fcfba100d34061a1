//! Untimed transcripts in plain text: speaker turns (`Name: text`),
//! paragraphs (blank lines), and the rare time written inline
//! (`[00:03:32]`, `(12:45)`, `[inaudible 00:01:52]`).
//!
//! A `Name:` at the start of a line is a speaker when the name is short
//! (one to four words, at most 40 characters, each word capitalised apart
//! from particles such as `van` or `de`) and recurs at the start of other
//! lines, or, met once, starts a paragraph in a transcript that has
//! recurring speakers. Labels such as `Note:` or `Update:` are never
//! speakers; a `Name:` inside a line never is. A line holding only a name
//! and a time (`Sam Host  0:03`, as some transcription services write) is a
//! speaker label with an anchor.

use crate::core::limits::MAX_SPEAKER_LABELS;
use crate::core::text::head_of;
use std::collections::{BTreeMap, BTreeSet};

use super::clock_marks::{find_clock_marks, ClockMark, ClockMarks, Setting};
use super::speaker_names::{count_label, is_name, name_key, usual_spellings};
use super::text_lines::TextLine;

/// A transcript read into paragraphs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlainTranscript {
    /// Speaker names, in the order met.
    pub speakers: Vec<String>,
    /// Paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
}

/// One paragraph of one speaker.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Paragraph {
    /// Index into [`PlainTranscript::speakers`].
    pub speaker: Option<usize>,
    /// Whether a speaker label began this paragraph (a new turn).
    pub new_turn: bool,
    /// The text, with whitespace collapsed and times in brackets of their
    /// own (`[00:03:32]`) taken out.
    pub text: String,
    /// Times written in the paragraph, at the offset in `text` where each
    /// was written.
    pub anchors: Vec<Anchor>,
    /// 1-based line of the file where the paragraph begins.
    pub line_number: usize,
}

/// A time written in the transcript, where it was written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Anchor {
    /// Byte offset in the paragraph's text.
    pub offset: usize,
    /// The time in seconds.
    pub seconds: f64,
    /// 1-based line of the file.
    pub line_number: usize,
}

/// How far into a line (after its leading times) a label's colon may be,
/// in bytes.
const LABEL_REACH: usize = 120;
/// How far into a line its head (times, then a label) is looked for.
const HEAD_REACH: usize = 2 * LABEL_REACH;

/// What the start of a line says before its text.
pub(crate) struct LineHead<'t> {
    /// Times before the text (`[00:12:30] Sam: …`, `Sam (00:12:30): …`).
    pub times: Vec<ClockMark>,
    /// A `Name:` candidate.
    pub name: Option<&'t str>,
    /// Byte offset of the text after the head.
    pub text_start: usize,
}

/// Reads a plain text transcript into paragraphs with their speakers and
/// inline times.
pub fn read_plain_transcript(lines: &[TextLine]) -> PlainTranscript {
    let heads: Vec<LineHead> = lines.iter().map(|line| line_head(&line.text)).collect();
    let speakers = accepted_speakers(lines, &heads);
    let spellings = usual_spellings(
        heads
            .iter()
            .filter_map(|head| head.name)
            .filter(|name| speakers.contains(&name_key(name))),
    );
    let mut transcript = PlainTranscript::default();
    let mut speaker_indexes = BTreeMap::new();
    let mut current_speaker = None;
    let mut blank_before = true;
    let mut open: Option<Paragraph> = None;
    for (line, head) in lines.iter().zip(&heads) {
        if line.text.trim().is_empty() {
            blank_before = true;
            continue;
        }
        let speaker = head.name.map(name_key).filter(|key| speakers.contains(key));
        let (text_start, leading_times) = match speaker {
            Some(_) => (head.text_start, head.times.as_slice()),
            None => {
                let times_only = head.name.is_none();
                (
                    if times_only { head.text_start } else { 0 },
                    if times_only {
                        head.times.as_slice()
                    } else {
                        &[]
                    },
                )
            }
        };
        if let Some(key) = &speaker {
            let next_index = speaker_indexes.len();
            let index = *speaker_indexes.entry(key.clone()).or_insert_with(|| {
                let name = spellings.get(key).map_or(key.as_str(), |name| *name);
                transcript.speakers.push(name.to_string());
                next_index
            });
            current_speaker = Some(index);
        }
        let starts_paragraph = speaker.is_some() || blank_before || open.is_none();
        if starts_paragraph {
            if let Some(done) = open
                .take()
                .filter(|paragraph| !paragraph.text.is_empty() || !paragraph.anchors.is_empty())
            {
                transcript.paragraphs.push(done);
            }
            open = Some(Paragraph {
                speaker: current_speaker,
                new_turn: speaker.is_some(),
                line_number: line.number,
                ..Paragraph::default()
            });
        }
        blank_before = false;
        if let Some(paragraph) = open.as_mut() {
            for time in leading_times {
                paragraph.anchors.push(Anchor {
                    offset: paragraph.text.len() + usize::from(!paragraph.text.is_empty()),
                    seconds: time.seconds,
                    line_number: line.number,
                });
            }
            append_text(
                paragraph,
                line.text.get(text_start..).unwrap_or_default(),
                line.number,
            );
        }
    }
    if let Some(done) =
        open.filter(|paragraph| !paragraph.text.is_empty() || !paragraph.anchors.is_empty())
    {
        transcript.paragraphs.push(done);
    }
    transcript
}

/// Adds a line's text to a paragraph: times in brackets of their own
/// become anchors and leave the text; a time closing an aside becomes an
/// anchor and stays.
fn append_text(paragraph: &mut Paragraph, text: &str, line_number: usize) {
    // A paragraph of one long line gets its room at once.
    if paragraph.text.is_empty() {
        paragraph.text.reserve_exact(text.len());
    }
    let add_words = |paragraph: &mut Paragraph, piece: &str| {
        for word in piece.split_whitespace() {
            if !paragraph.text.is_empty() {
                paragraph.text.push(' ');
            }
            paragraph.text.push_str(word);
        }
    };
    // The times one at a time: a line of nothing but times must not have
    // them all held at once.
    let mut copied = 0;
    for mark in ClockMarks::new(text, false) {
        let (piece_end, next_copied) = match mark.setting {
            Setting::Bracketed => (mark.whole.start, mark.whole.end),
            Setting::InAside => (mark.time.start, mark.time.start),
            Setting::Bare => continue,
        };
        add_words(paragraph, text.get(copied..piece_end).unwrap_or_default());
        paragraph.anchors.push(Anchor {
            offset: paragraph.text.len(),
            seconds: mark.seconds,
            line_number,
        });
        copied = next_copied;
    }
    add_words(paragraph, text.get(copied..).unwrap_or_default());
}

/// The times and `Name:` at the start of a line.
pub(crate) fn line_head(line: &str) -> LineHead<'_> {
    // Only a line's start can hold its head (and only a short line is a
    // name and a time alone), so a long line's later times are not read.
    let indent = line.len() - line.trim_start().len();
    let marks = find_clock_marks(head_of(line, indent + HEAD_REACH));
    let mut times = Vec::new();
    let mut position = indent;
    // `[00:12:30] Sam: …` or `00:12:30 Sam: …`
    for mark in &marks {
        if mark.whole.start == position && mark.setting != Setting::InAside {
            position = mark.whole.end;
            position += line.get(position..).map_or(0, |rest| {
                rest.len() - rest.trim_start_matches([' ', '\t', '-', '–', '|']).len()
            });
            times.push(mark.clone());
        } else {
            break;
        }
    }
    let rest = line.get(position..).unwrap_or_default();
    // `Sam: …`, `Sam (00:12:30): …`
    // A label is short: its colon is near the start (so a long line is not
    // searched to its end, colon by colon).
    let in_time = |at: usize| {
        let next = marks.partition_point(|mark| mark.time.end <= at);
        marks.get(next).is_some_and(|mark| mark.time.contains(&at))
    };
    let label_end = rest
        .char_indices()
        .take_while(|&(offset, _)| offset < LABEL_REACH)
        .find(|&(offset, c)| c == ':' && !in_time(position + offset));
    if let Some(label) = label_end.and_then(|(offset, _)| rest.get(..offset)) {
        let after_colon = position + label.len() + 1;
        let followed_by_space = line
            .get(after_colon..)
            .is_none_or(|after| after.is_empty() || after.starts_with(char::is_whitespace));
        let label_times: Vec<&ClockMark> = marks
            .iter()
            .filter(|mark| mark.whole.start >= position && mark.whole.end <= position + label.len())
            .collect();
        let name_end = label_times
            .first()
            .map_or(label.len(), |mark| mark.whole.start - position);
        let name = label.get(..name_end).unwrap_or_default().trim();
        // After the name, only times in brackets (`Sam (00:12:30):`).
        let only_times_after_name = label_times
            .iter()
            .all(|mark| mark.setting == Setting::Bracketed)
            && label
                .char_indices()
                .filter(|(offset, _)| *offset >= name_end)
                .all(|(offset, c)| {
                    c.is_whitespace()
                        || label_times
                            .iter()
                            .any(|mark| mark.whole.contains(&(position + offset)))
                });
        if followed_by_space && only_times_after_name && is_name(name) {
            times.extend(label_times.into_iter().cloned());
            let text_start = after_colon
                + line
                    .get(after_colon..)
                    .map_or(0, |after| after.len() - after.trim_start().len());
            return LineHead {
                times,
                name: Some(name),
                text_start,
            };
        }
    }
    // `Sam Host  0:03` alone on its line.
    if let Some(mark) = marks
        .last()
        .filter(|mark| mark.whole.end == line.trim_end().len() && mark.whole.start > position)
    {
        let name = line
            .get(position..mark.whole.start)
            .unwrap_or_default()
            .trim();
        if is_name(name) && times.is_empty() {
            return LineHead {
                times: vec![mark.clone()],
                name: Some(name),
                text_start: line.len(),
            };
        }
    }
    LineHead {
        times,
        name: None,
        text_start: position,
    }
}

/// Whether `text` begins with a speaker label (`Sam: …`, `[0:03] Sam: …`).
pub(crate) fn is_label_head(text: &str) -> bool {
    line_head(text).name.is_some()
}

/// The keys of the names that are speakers: those heading two or more
/// lines, and those heading one paragraph when others recur.
fn accepted_speakers(lines: &[TextLine], heads: &[LineHead]) -> BTreeSet<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for head in heads {
        if let Some(name) = head.name {
            count_label(&mut counts, name);
        }
    }
    let mut accepted: BTreeSet<String> = counts
        .into_iter()
        .filter(|(_, count)| *count >= 2)
        .map(|(key, _)| key)
        .collect();
    if accepted.is_empty() {
        return accepted;
    }
    let mut blank_before = true;
    for (line, head) in lines.iter().zip(heads) {
        if line.text.trim().is_empty() {
            blank_before = true;
            continue;
        }
        if let Some(name) = head.name.filter(|_| blank_before) {
            if accepted.len() < MAX_SPEAKER_LABELS {
                accepted.insert(name_key(name));
            }
        }
        blank_before = false;
    }
    accepted
}
