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
use std::collections::{BTreeMap, BTreeSet};

use super::clock_marks::{ClockMarks, Setting};
use super::line_head::{line_head, LineHead};
use super::speaker_names::{count_label, name_key, usual_spellings};
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
            keep_paragraph(&mut transcript, open.take());
            open = Some(Paragraph {
                speaker: current_speaker,
                new_turn: speaker.is_some(),
                line_number: line.number,
                ..Paragraph::default()
            });
        }
        blank_before = false;
        if let Some(paragraph) = open.as_mut() {
            add_line(paragraph, line, head, speaker.is_some());
        }
    }
    keep_paragraph(&mut transcript, open);
    transcript
}

/// Adds `paragraph` to the transcript unless it holds neither text nor a
/// time.
fn keep_paragraph(transcript: &mut PlainTranscript, paragraph: Option<Paragraph>) {
    if let Some(done) =
        paragraph.filter(|paragraph| !paragraph.text.is_empty() || !paragraph.anchors.is_empty())
    {
        transcript.paragraphs.push(done);
    }
}

/// Adds a line to its paragraph. After a speaker's label (`is_turn`), or
/// when times stand without a name, the times of the `head` become anchors
/// and the text after it is added; a name that is not a speaker's stays in
/// the text, with any times before it.
fn add_line(paragraph: &mut Paragraph, line: &TextLine, head: &LineHead, is_turn: bool) {
    let (text_start, leading_times) = if is_turn || head.name.is_none() {
        (head.text_start, head.times.as_slice())
    } else {
        (0, &[][..])
    };
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
