//! A paragraph's sentences, the lines an import makes: short sentences
//! joined to the next, and where in them the times written in the text
//! fall.

use super::plain_transcript::Paragraph;
use super::sentences::{sentence_starts, spoken_before};

/// Sentences shorter than this many words join the next one.
const SHORT_SENTENCE_WORDS: usize = 4;

/// A sentence (or a few short ones) of a paragraph: a line to be.
pub(super) struct Sentence<'p> {
    pub paragraph: &'p Paragraph,
    /// Byte range in the paragraph's text.
    pub range: std::ops::Range<usize>,
    pub first_in_paragraph: bool,
}

impl Sentence<'_> {
    /// The sentence's text.
    pub fn text(&self) -> &str {
        self.paragraph
            .text
            .get(self.range.clone())
            .unwrap_or_default()
    }
}

/// Which of a paragraph's sentences a time written at `offset` falls in,
/// and how much of that sentence is said before it. A time written between
/// two sentences is the start of the second.
pub(super) fn anchor_place(
    group: &[Sentence],
    so_far: &[(usize, f64)],
    offset: usize,
) -> (usize, f64) {
    let text = group
        .first()
        .map_or("", |sentence| sentence.paragraph.text.as_str());
    // The first sentence starting at or after the time, when only spaces
    // lie between them.
    let next = group.partition_point(|sentence| sentence.range.start < offset);
    let starts_next = group.get(next).is_some_and(|sentence| {
        text.get(offset..sentence.range.start)
            .is_some_and(|gap| gap.trim().is_empty())
    });
    if starts_next {
        return (next, 0.0);
    }
    let index = next.saturating_sub(1);
    let said = group.get(index).map_or(0.0, |sentence| {
        spoken_before(so_far, offset) - spoken_before(so_far, sentence.range.start)
    });
    (index, said.max(0.0))
}

/// A paragraph's sentences, short ones joined to the next.
pub(super) fn split_paragraph(paragraph: &Paragraph) -> Vec<Sentence<'_>> {
    let text = &paragraph.text;
    let starts = sentence_starts(text);
    let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
    // Short sentences waiting to join the next: where they begin, and
    // their words so far.
    let mut open: Option<(usize, usize)> = None;
    for (index, &start) in starts.iter().enumerate() {
        let end = starts.get(index + 1).copied().unwrap_or(text.len());
        let own_words = text
            .get(start..end)
            .map_or(0, |part| part.split_whitespace().count());
        let (begin, words) = match open.take() {
            Some((begin, words)) => (begin, words + own_words),
            None => (start, own_words),
        };
        let is_short = words < SHORT_SENTENCE_WORDS;
        match ranges.last_mut() {
            _ if is_short && end < text.len() => open = Some((begin, words)),
            Some(last) if is_short => last.end = end,
            _ => ranges.push(begin..end),
        }
    }
    if ranges.is_empty() {
        ranges.push(0..text.len());
    }
    ranges
        .into_iter()
        .enumerate()
        .map(|(index, range)| Sentence {
            paragraph,
            range,
            first_in_paragraph: index == 0,
        })
        .collect()
}
