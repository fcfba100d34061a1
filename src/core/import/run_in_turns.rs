//! Speaker turns run into the text before them (`that's it.Sam: Welcome.`):
//! the places in a transcript line where a sentence end is directly
//! followed by a `Name:` label or by a capitalised word.

use super::line_head::line_head;
use super::run_in_sentences::sentence_breaks;
use super::section_labels::label_window;

/// How far past the times at its start (`[00:12:30] `) a speaker label's
/// name may begin: five such times.
const TIMES_REACH: usize = 64;

/// Whether a byte can be part of the times before a label.
fn is_time_byte(byte: u8) -> bool {
    byte.is_ascii_digit()
        || byte.is_ascii_whitespace()
        || matches!(byte, b':' | b'.' | b'[' | b']' | b'(' | b')' | b'-' | b'|')
}

/// Whether `window` can begin with a speaker label, by what is cheap to
/// see: past any times at its start (which end at `times_end`, counted
/// from the window's start), a name's capital, and a colon somewhere. Text
/// full of sentence ends and times (`0:00]0:00]…`) is not read for a label
/// at every one of them.
fn could_head_a_turn(window: &str, times_end: usize) -> bool {
    let first_other = Some(times_end).filter(|&end| end < TIMES_REACH.min(window.len()));
    let name_may_start = first_other.is_some_and(|at| match window.as_bytes().get(at) {
        Some(byte) if byte.is_ascii() => byte.is_ascii_uppercase(),
        // Beyond ASCII (a capital, a no-break space, a dash): a closer look.
        _ => true,
    });
    name_may_start && window.contains(':')
}

/// Places in a transcript line where a sentence end is directly followed by
/// a `Name:` label (with the name) or by a capitalised word (no name).
pub(super) fn run_in_points(text: &str) -> Vec<(usize, Option<String>)> {
    let paragraph_breaks = sentence_breaks(text, false);
    let mut points = Vec::new();
    let mut previous: Option<char> = None;
    let mut before_previous: Option<char> = None;
    // Where the run of time bytes that the last sentence end was in ends,
    // found once for all the sentence ends in it.
    let mut times_end = 0;
    for (offset, c) in text.char_indices() {
        let sentence_end = |c: char| matches!(c, '.' | '?' | '!' | '…');
        // A straight `"` may open a quote: it ends one only after `.?!…`.
        let after_end = previous.is_some_and(|end| {
            sentence_end(end)
                || matches!(end, ']' | ')' | '”')
                || (end == '"' && before_previous.is_some_and(sentence_end))
        });
        before_previous = previous;
        previous = Some(c);
        if !after_end || c.is_whitespace() {
            continue;
        }
        let rest = text.get(offset..).unwrap_or_default();
        if times_end <= offset {
            times_end = offset
                + rest
                    .bytes()
                    .position(|byte| !is_time_byte(byte))
                    .unwrap_or(rest.len());
        }
        let window = label_window(rest);
        let name = could_head_a_turn(window, times_end - offset)
            .then(|| line_head(window).name)
            .flatten();
        if let Some(name) = name {
            points.push((offset, Some(name.to_string())));
        } else if paragraph_breaks.binary_search(&offset).is_ok() {
            points.push((offset, None));
        }
    }
    points
}
