//! How a line's text is cut into what the UI renders: timed words, each in
//! its own element so that marking the current word touches one element,
//! and the text between them.

use std::ops::Range;

/// A part of a line as rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text outside any timed word.
    Text(String),
    /// Timed word number `index` of the line.
    Word {
        /// Index into the line's words.
        index: usize,
        /// Its text.
        text: String,
    },
}

/// Cuts `text` into the `words` byte ranges (sorted, not overlapping) and
/// the text around them. Ranges that do not fit the text are ignored.
pub fn line_pieces(text: &str, words: &[Range<usize>]) -> Vec<Piece> {
    let mut pieces = Vec::with_capacity(words.len() * 2 + 1);
    let mut position = 0;
    for (index, word) in words.iter().enumerate() {
        let Some(word_text) = text.get(word.clone()).filter(|_| word.start >= position) else {
            continue;
        };
        if let Some(between) = text
            .get(position..word.start)
            .filter(|between| !between.is_empty())
        {
            pieces.push(Piece::Text(between.to_string()));
        }
        pieces.push(Piece::Word {
            index,
            text: word_text.to_string(),
        });
        position = word.end;
    }
    if let Some(rest) = text.get(position..).filter(|rest| !rest.is_empty()) {
        pieces.push(Piece::Text(rest.to_string()));
    }
    pieces
}
