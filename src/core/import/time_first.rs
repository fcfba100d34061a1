//! Lines of time-first items (`00:00:00 - Intro00:01:56 - How they met`):
//! where, after the first, each later item begins.

use super::clock_marks::ClockMark;
use super::run_in_sentences::OPENING_QUOTES;

/// In a line that begins with a time, where the later items begin: at each
/// later time that a title follows, written like the first (with or
/// without hours, with or without a separator after it) and later than the
/// item before. One glued to the title before it (`Intro00:01:56`) or with
/// a separator after it counts at once; times only set off by spaces count
/// when there are two or more (`00:00 INTRO 02:10 THE STORM 14:05 WHY`),
/// so `2:15 John 3:16 Explained` stays one title.
pub(crate) fn time_first_items(
    text: &str,
    marks: &[ClockMark],
    first: &ClockMark,
    body: usize,
) -> Vec<usize> {
    let (mut clear, mut spaced) = (Vec::new(), Vec::new());
    let mut last_seconds = first.seconds;
    let first_separated = separator_after(text, first);
    for (index, mark) in marks.iter().enumerate() {
        let previous = index.checked_sub(1).and_then(|before| marks.get(before));
        let separated = separator_after(text, mark);
        if mark.whole.start <= body
            || mark.seconds <= last_seconds
            || mark.has_hours != first.has_hours
            || separated != first_separated
            || !begins_item(text, mark, previous)
        {
            continue;
        }
        last_seconds = mark.seconds;
        if mark.glued || separated {
            clear.push(mark.whole.start);
        } else {
            spaced.push(mark.whole.start);
        }
    }
    if spaced.len() >= 2 {
        clear.extend(spaced);
    }
    clear
}

/// Whether a separator (`-`, `–`, `|`, `:`) follows a time, as in
/// `00:01:56 - How they met`.
fn separator_after(text: &str, mark: &ClockMark) -> bool {
    text.get(mark.whole.end..)
        .unwrap_or_default()
        .trim_start()
        .starts_with(['-', '–', '—', '|', ':'])
}

/// Whether a time in a line of time-first items begins the next item: a
/// title follows it (after a separator), and it is not the end of a range
/// (`0:00–5:10`). The caller also asks for a later time written like the
/// first (`John 3:16 Explained` after `05:12 - ` is a title).
pub(crate) fn begins_item(text: &str, mark: &ClockMark, previous: Option<&ClockMark>) -> bool {
    let after = text.get(mark.whole.end..).unwrap_or_default();
    let title = after.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|' | ':' | '.' | ')')
    });
    let range_end = previous.is_some_and(|previous| {
        text.get(previous.whole.end..mark.whole.start)
            .is_some_and(|gap| {
                let gap = gap.trim();
                !gap.is_empty() && gap.chars().all(|c| matches!(c, '-' | '–' | '—'))
            })
    });
    !range_end && title.len() < after.len() && starts_with_capital(title)
}

/// Whether `text` begins with a capital letter, after any opening quote
/// (`THE BIG QUESTION`, `Q&A`, `“Embracing`).
pub(crate) fn starts_with_capital(text: &str) -> bool {
    text.trim_start_matches(OPENING_QUOTES)
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}
