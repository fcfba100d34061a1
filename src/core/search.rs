//! Literal, case- and diacritic-insensitive search over transcript lines:
//! `resume` finds `Résumé`, and `(`, `*` or `\\` are plain characters.

use std::ops::Range;

use super::text::{fold, push_folded};

/// At most this many matches are reported (the counter then shows "N+").
pub const MAX_MATCHES: usize = 9_999;

/// One match: a line, and a byte range of that line's display text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Index of the line.
    pub line: usize,
    /// Byte range in the line's display text.
    pub range: Range<usize>,
}

/// Display texts folded once for searching, with a map back to the original
/// byte offsets.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    lines: Vec<FoldedText>,
}

#[derive(Debug, Clone, Default)]
struct FoldedText {
    folded: String,
    /// For each byte of `folded` that starts a char: the byte offset in the
    /// original text of the char it came from.
    origin: Vec<u32>,
    original_len: usize,
}

impl SearchIndex {
    /// Folds every line's display text.
    pub fn new<'t>(texts: impl IntoIterator<Item = &'t str>) -> Self {
        Self {
            lines: texts.into_iter().map(FoldedText::new).collect(),
        }
    }

    /// Every match of `query` (folded the same way), in line order, at most
    /// [`MAX_MATCHES`]. A blank query matches nothing.
    pub fn find(&self, query: &str) -> Vec<Match> {
        let needle = fold(query.trim());
        if needle.is_empty() {
            return Vec::new();
        }
        let mut matches = Vec::new();
        for (line, text) in self.lines.iter().enumerate() {
            for (start, found) in text.folded.match_indices(needle.as_str()) {
                if matches.len() == MAX_MATCHES {
                    return matches;
                }
                let range = text.original_range(start, start + found.len());
                matches.push(Match { line, range });
            }
        }
        matches
    }
}

impl FoldedText {
    fn new(text: &str) -> Self {
        let mut folded = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len() + 1);
        for (offset, c) in text.char_indices() {
            push_folded(c, &mut folded);
            origin.resize(folded.len(), offset as u32);
        }
        Self {
            folded,
            origin,
            original_len: text.len(),
        }
    }

    fn original_range(&self, start: usize, end: usize) -> Range<usize> {
        let at = |index: usize| {
            self.origin
                .get(index)
                .map_or(self.original_len, |&offset| offset as usize)
        };
        at(start)..at(end)
    }
}
