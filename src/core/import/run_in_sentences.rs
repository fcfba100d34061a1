//! Sentences run together (`creativity.We`, `also?And`): where a sentence
//! end, or a label's colon, is directly followed by a capitalised word.

use super::sentences::is_abbreviation;

/// The quotation marks that may open a title or a sentence.
pub(crate) const OPENING_QUOTES: [char; 5] = ['“', '"', '‘', '„', '«'];

/// How much of the word before a sentence end is looked at, in bytes.
const WORD_WINDOW: usize = 64;

/// Offsets where a sentence end (or, with `colons`, a label's colon) is
/// directly followed by a capitalised word: `creativity.We`, `also?And`.
pub(super) fn sentence_breaks(text: &str, colons: bool) -> Vec<usize> {
    let mut breaks = Vec::new();
    let mut word_start = 0;
    let mut previous: Option<char> = None;
    let mut before_previous: Option<char> = None;
    for (offset, c) in text.char_indices() {
        if c.is_whitespace() {
            word_start = offset + c.len_utf8();
        } else if let Some(end) = previous {
            let sentence_end = matches!(end, '.' | '!' | '?' | '…')
                && before_previous.is_some_and(|c| !c.is_whitespace());
            let colon = colons && end == ':' && before_previous.is_some_and(char::is_alphabetic);
            if (sentence_end || colon)
                && starts_capitalised_at(text, offset)
                && !inside_word_with_dots(text, word_start, offset)
            {
                breaks.push(offset);
            }
        }
        before_previous = previous;
        previous = Some(c);
    }
    breaks
}

/// Whether the run of text from `word_start` to the capital at `capital`
/// is an abbreviation, an initial, a URL or a dotted name (`Dr.Smith`,
/// `e.g.The`, `U.S.Army`, `www.example.Org`, `example.org/Page`), where a
/// full stop ends nothing. (A bare `example.Org` looks like two sentences.)
fn inside_word_with_dots(text: &str, word_start: usize, capital: usize) -> bool {
    // The end of a long run without spaces is enough to tell.
    let mut word_start = word_start.max(capital.saturating_sub(WORD_WINDOW));
    while !text.is_char_boundary(word_start) {
        word_start += 1;
    }
    let word = text.get(word_start..capital).unwrap_or_default();
    let before_stop = word
        .char_indices()
        .next_back()
        .and_then(|(last, _)| word.get(..last))
        .unwrap_or_default();
    before_stop.contains(['.', '/', '@'])
        || (word.ends_with('.') && is_abbreviation(before_stop))
        || word.contains("www")
}

/// Whether `text` at `offset` begins with a capitalised word (`We`, `I `,
/// `“Embracing`), not with an all-caps run (`ASP.NET`).
fn starts_capitalised_at(text: &str, offset: usize) -> bool {
    let rest = text.get(offset..).unwrap_or_default();
    let rest = rest.trim_start_matches(OPENING_QUOTES);
    let mut chars = rest.chars();
    let (Some(first), second) = (chars.next(), chars.next()) else {
        return false;
    };
    first.is_uppercase()
        && second.is_none_or(|second| {
            second.is_lowercase() || second.is_whitespace() || matches!(second, '\'' | '’')
        })
}
