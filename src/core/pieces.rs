//! How a line's text is cut into what the UI renders: timed words (each in
//! its own element, so marking the current word touches one element) and
//! the text between them, each split further where search matches begin
//! and end.

use std::ops::Range;

/// A run of text, inside search match number `mark` when it is `Some`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The text.
    pub text: String,
    /// The number of the search match this run is part of.
    pub mark: Option<usize>,
}

/// A part of a line as rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text outside any timed word.
    Text(Vec<Run>),
    /// Timed word number `index` of the line.
    Word {
        /// Index into the line's words.
        index: usize,
        /// Its text, split at search matches.
        runs: Vec<Run>,
    },
}

/// Cuts `text` into pieces: the `words` byte ranges (sorted, not
/// overlapping) and the text around them, each split at the `marks` (byte
/// ranges with their match numbers, sorted). Ranges that do not fit the text
/// are ignored.
pub fn line_pieces(
    text: &str,
    words: &[Range<usize>],
    marks: &[(Range<usize>, usize)],
) -> Vec<Piece> {
    let mut pieces = Vec::with_capacity(words.len() * 2 + 1);
    let mut position = 0;
    for (index, word) in words.iter().enumerate() {
        if word.start < position || word.end < word.start || text.get(word.clone()).is_none() {
            continue;
        }
        if word.start > position {
            pieces.push(Piece::Text(runs(text, position..word.start, marks)));
        }
        pieces.push(Piece::Word {
            index,
            runs: runs(text, word.clone(), marks),
        });
        position = word.end;
    }
    if position < text.len() {
        pieces.push(Piece::Text(runs(text, position..text.len(), marks)));
    }
    pieces
}

/// `range` of `text` split where marks begin and end.
fn runs(text: &str, range: Range<usize>, marks: &[(Range<usize>, usize)]) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut position = range.start;
    let mut push = |from: usize, to: usize, mark: Option<usize>| {
        if let Some(part) = text.get(from..to).filter(|part| !part.is_empty()) {
            runs.push(Run {
                text: part.to_string(),
                mark,
            });
        }
    };
    for (marked, number) in marks {
        let start = marked.start.max(position);
        let end = marked.end.min(range.end);
        if start >= end {
            continue;
        }
        push(position, start, None);
        push(start, end, Some(*number));
        position = end;
    }
    push(position, range.end, None);
    runs
}
