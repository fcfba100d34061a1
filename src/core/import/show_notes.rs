//! Chapters from show notes: the times a description puts beside its
//! topics, such as `Introduction (00:00)`, `[12:30] Q&A`, `00:12:30 - Q&A`
//! or `- 0:00 Welcome`.
//!
//! The rule for telling a chapter time from a time in prose: a time counts
//! only at the edge of a line or of an item within it.
//! - **At the start of a line** (after list bullets such as `-`, `*`, `•`
//!   or `3.`), bare or in brackets: the title is the rest of the line,
//!   without separators (`-`, `–`, `|`, `:` …). A second time right after
//!   it (`00:00–05:10 Intro`) is the end of a range and is skipped.
//! - **In brackets of its own, ending an item**: `(1:14)` or `[1:14]`
//!   followed by the end of the line, a separator (`,` `;` `.` `|` `•` `–`)
//!   or another such time. The title is the text before it, back to the
//!   previous chapter time, the previous sentence's end or the line start.
//! - **Bare, ending a line**, when a separator comes before it
//!   (`Q&A - 12:30`) or it has hours (`Q&A 0:12:30`).
//!
//! Anything else (`we met at 9:30 (10:15 in Berlin) for coffee`) is prose.

use super::clock_marks::{ClockMark, ClockMarks, Setting};
use super::section_labels::{
    is_trailing_section, is_transcript_heading, lead_in_end, without_lead_in,
};
use super::text_lines::{strip_list_bullet, TextLine};
use std::collections::btree_map::Entry;
use std::collections::BTreeMap;

use crate::core::error::Place;
use crate::core::limits::{cut_name, MAX_ENTRIES};
use crate::core::time::format_clock;
use crate::core::warnings::{excerpt, Warning, Warnings};

/// A chapter found in show notes.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteChapter {
    /// Start in seconds.
    pub start: f64,
    /// The topic's title.
    pub title: String,
    /// 1-based line of the notes it was found on.
    pub line_number: usize,
}

/// Chapter times found in show notes, sorted by start; a time given twice
/// is kept once (the first). `warnings` gets a note for each time dropped.
/// The lines are read one at a time, and the reading stops past the most
/// chapters a file may have (the caller reports that).
pub fn find_note_chapters<'t>(
    lines: impl IntoIterator<Item = TextLine<'t>>,
    warnings: &mut Warnings,
) -> Vec<NoteChapter> {
    // By start (the bits of a non-negative time sort as the time does).
    let mut kept: BTreeMap<u64, NoteChapter> = BTreeMap::new();
    let (mut on_line, mut marks) = (Vec::new(), Vec::new());
    for line in lines {
        if is_transcript_heading(&line.text) || kept.len() > MAX_ENTRIES {
            break;
        }
        chapters_on_line(&line, &mut marks, &mut on_line, warnings);
        for chapter in on_line.drain(..) {
            match kept.entry(chapter.start.to_bits()) {
                Entry::Vacant(slot) => {
                    slot.insert(chapter);
                }
                Entry::Occupied(previous) => warnings.push_with(|| {
                    let previous = previous.get();
                    Warning::at(
                        Place::Line(chapter.line_number),
                        format!(
                            "{} is already the start of \"{}\" (line {}); \"{}\" skipped",
                            format_clock(chapter.start),
                            excerpt(&previous.title),
                            previous.line_number,
                            excerpt(&chapter.title)
                        ),
                    )
                }),
            }
        }
    }
    kept.into_values().collect()
}

/// The chapters of one line, into `chapters`; `marks` is room for the
/// line's clock times, kept from line to line.
fn chapters_on_line(
    line: &TextLine,
    marks: &mut Vec<ClockMark>,
    chapters: &mut Vec<NoteChapter>,
    warnings: &mut Warnings,
) {
    let text = strip_list_bullet(&line.text);
    marks.clear();
    marks.extend(ClockMarks::new(text, false));
    let Some(first) = marks.first() else {
        return;
    };
    let mut push = |start: f64, title: &str| {
        let mut title = clean_title(title);
        cut_name(&mut title, "title", || Place::Line(line.number), warnings);
        if title.is_empty() {
            warnings.push(Warning::at(
                Place::Line(line.number),
                format!("{} has no title beside it; skipped", format_clock(start)),
            ));
        } else {
            chapters.push(NoteChapter {
                start,
                title,
                line_number: line.number,
            });
        }
    };
    if first.whole.start == 0 && first.setting != Setting::InAside {
        let mut title_start = first.whole.end;
        if let Some(range_end) = marks.get(1).filter(|next| is_range_end(text, first, next)) {
            title_start = range_end.whole.end;
        }
        push(first.seconds, text.get(title_start..).unwrap_or_default());
        return;
    }
    let mut item_start = 0;
    for (index, mark) in marks.iter().enumerate() {
        let tail = text.get(mark.whole.end..).unwrap_or_default();
        let next = marks.get(index + 1);
        let ends_item = match mark.setting {
            Setting::Bracketed => {
                let rest = tail.trim_start();
                rest.is_empty()
                    || rest.starts_with(is_separator)
                    || next.is_some_and(|next| {
                        next.setting == Setting::Bracketed
                            && text
                                .get(mark.whole.end..next.whole.start)
                                .is_some_and(|gap| gap.trim().is_empty())
                    })
            }
            Setting::Bare => {
                let at_line_end = tail
                    .trim_matches(|c: char| c.is_whitespace() || c == '.')
                    .is_empty();
                let head = text
                    .get(item_start..mark.whole.start)
                    .unwrap_or_default()
                    .trim_end();
                at_line_end
                    && (head.ends_with(is_separator) || mark.has_hours)
                    && !in_link(text, mark.whole.start)
            }
            Setting::InAside => false,
        };
        if !ends_item {
            continue;
        }
        let item = text.get(item_start..mark.whole.start).unwrap_or_default();
        push(mark.seconds, last_sentence(item));
        item_start = mark.whole.end;
    }
}

/// Whether `next` is the end of a range that `first` starts (`0:00–5:10`).
fn is_range_end(text: &str, first: &ClockMark, next: &ClockMark) -> bool {
    text.get(first.whole.end..next.whole.start)
        .is_some_and(|gap| {
            gap.trim().chars().all(|c| matches!(c, '-' | '–' | '—')) && !gap.trim().is_empty()
        })
}

/// Characters that separate a time from its title or one item from the
/// next.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        '-' | '–' | '—' | '|' | ':' | ',' | ';' | '.' | '•' | '·' | '…' | '/' | '=' | '>'
    )
}

/// The last sentence of an item: topics listed in prose are often
/// `… in this episode. Her background (1:14).`
fn last_sentence(item: &str) -> &str {
    let trimmed = item.trim_end();
    let mut start = 0;
    for (index, c) in trimmed.char_indices() {
        if matches!(c, '.' | '!' | '?') {
            let after = index + c.len_utf8();
            let followed_by_space = trimmed
                .get(after..)
                .is_some_and(|rest| rest.starts_with(char::is_whitespace));
            // The word before only matters at a full stop with a space
            // after it (a run of `a.a.a.` must not be read back each time).
            let word = || {
                trimmed
                    .get(..index)
                    .unwrap_or_default()
                    .rsplit(char::is_whitespace)
                    .next()
                    .unwrap_or_default()
            };
            if followed_by_space && !super::sentences::is_abbreviation(word()) {
                start = after;
            }
        }
    }
    trimmed.get(start..).unwrap_or(trimmed)
}

/// A title without a lead-in label, the separators, bullets and stray
/// quotes around it; quotation marks around the whole title stay.
fn clean_title(title: &str) -> String {
    let mut title = without_lead_in(title)
        .trim_matches(|c: char| c.is_whitespace() || is_separator(c) || c == '*');
    // A quote is stray when its partner is not in the title.
    loop {
        let trimmed = title.trim_matches(|c: char| c.is_whitespace() || is_separator(c));
        let stray_start = trimmed
            .chars()
            .next()
            .filter(|&open| is_quote(open) && !has_partner(trimmed, open, true));
        let stray_end = trimmed
            .chars()
            .next_back()
            .filter(|&close| is_quote(close) && !has_partner(trimmed, close, false));
        let next = match (stray_start, stray_end) {
            (Some(open), _) => trimmed.get(open.len_utf8()..).unwrap_or_default(),
            (None, Some(close)) => trimmed
                .get(..trimmed.len() - close.len_utf8())
                .unwrap_or_default(),
            (None, None) => trimmed,
        };
        if next.len() == title.len() {
            break;
        }
        title = next;
    }
    let mut spaced = String::with_capacity(title.len());
    for word in title.split_whitespace() {
        if !spaced.is_empty() {
            spaced.push(' ');
        }
        spaced.push_str(word);
    }
    let title = spaced;
    // The second of two topics in one sentence: `… (1:14), and the lamp (2:30)`.
    title.strip_prefix("and ").unwrap_or(&title).to_string()
}

/// The quotation marks a title may begin or end with.
fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '’')
}

/// Whether the quote at the start (`at_start`) or end of `title` has its
/// partner in the title: `“Embracing change”`, `Warum Bäume „sprechen“`.
fn has_partner(title: &str, quote: char, at_start: bool) -> bool {
    let partners: &[char] = match quote {
        '"' => &['"'],
        '“' if at_start => &['”', '“'],
        '“' => &['„', '“'],
        '”' => &['“', '„'],
        '„' => &['“', '”'],
        '«' => &['»'],
        '»' => &['«'],
        '‘' => &['’'],
        _ => &['‘'],
    };
    let inner = if at_start {
        title.get(quote.len_utf8()..)
    } else {
        title.get(..title.len() - quote.len_utf8())
    };
    inner.is_some_and(|inner| inner.contains(partners))
}

/// Whether the text at `offset` is inside a link (`…?start=10:00`).
fn in_link(text: &str, offset: usize) -> bool {
    let word = text
        .get(..offset)
        .and_then(|head| head.rsplit(char::is_whitespace).next())
        .unwrap_or_default();
    word.contains("://") || word.starts_with("www.")
}

/// The episode title the notes open with: a first line of its own (a blank
/// line after it) that is short, carries no chapter time, link or bullet,
/// and does not end like a sentence or a lead-in (`.` `:` `,` `;`).
pub fn notes_title(lines: &[TextLine], chapters: &[NoteChapter]) -> Option<String> {
    const LONGEST: usize = 150;
    let first = lines.iter().position(|line| !line.text.trim().is_empty())?;
    let line = lines.get(first)?;
    let stands_alone = lines
        .get(first + 1)
        .is_none_or(|next| next.text.trim().is_empty());
    let title = line.text.trim();
    let looks_like_title = stands_alone
        && (3..=LONGEST).contains(&title.chars().count())
        && !title.ends_with(['.', ':', ',', ';'])
        && !title.starts_with(['-', '*', '•', '–', '—'])
        && !title.contains("://")
        && !title.contains("www.")
        && !is_section_label(title)
        && !chapters
            .iter()
            .any(|chapter| chapter.line_number == line.number);
    looks_like_title.then(|| title.to_string())
}

/// A label that heads a part of the notes (`Chapters`, `Show notes`,
/// `Transcript`, `Links`), not a title.
fn is_section_label(text: &str) -> bool {
    lead_in_end(&format!("{text}:")).is_some()
        || is_transcript_heading(text)
        || is_trailing_section(text)
}
