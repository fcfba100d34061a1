//! Text whose line breaks were lost: a page's `<p>`, `<li>` and `<br>`
//! copied as plain text (or scraped) runs its items together, as in
//! `we cover:Our guest (1:14)She and the host (5:59)Links:` or
//! `that's it.Sam: Welcome.Gale: Thanks.`. The breaks are put back before
//! the notes and transcript readers see the lines.
//!
//! In show notes a break goes
//! - where a sentence end, or a label's colon, is directly followed by a
//!   capitalised word (`creativity.We`, `we cover:Our`);
//! - after a time in brackets of its own that ends an item, when a capital
//!   follows it, directly or after a space (`… (4:49) The differences`);
//! - in a line that begins with a time, before each later time that
//!   begins an item (`00:00:00 - Intro00:01:56 - How they met`);
//! - after a lead-in label (`Topics:`, `In this episode, we cover:`) and
//!   before a trailing section (`Links:`, `Resources:`, `Transcript`).
//!
//! In a transcript, a `Name:` label directly after a sentence end (`.` `?`
//! `!` `…` `]` `)` `”`) starts a turn when the name is a label elsewhere
//! too, and a sentence end directly followed by a capitalised word starts a
//! paragraph. Everything up to a `Transcript` heading (the notes of an
//! episode description) is not part of the transcript.

use std::collections::BTreeMap;

use super::clock_marks::{find_glued_clock_marks, ClockMark, ClockMarks, Setting};
use super::line_head::line_head;
use super::run_in_sentences::sentence_breaks;
use super::run_in_turns::run_in_points;
use super::section_labels::{
    is_tool_footer, is_transcript_heading, label_window, lead_in_end, section_breaks,
};
use super::speaker_names::{count_label, name_key};
use super::text_lines::{strip_list_bullet, TextLine};
use super::time_first::{begins_item, starts_with_capital, time_first_items};

/// The lines of show notes with lost breaks put back (each piece keeps its
/// line number), a line at a time.
pub fn split_notes_lines<'t>(
    lines: impl IntoIterator<Item = TextLine<'t>>,
) -> impl Iterator<Item = TextLine<'t>> {
    // Most lines are one piece: those pass without a list of their own.
    let pieces = |line: TextLine<'t>, breaks: fn(&str) -> Vec<usize>| {
        let breaks = breaks(&line.text);
        if breaks.is_empty() {
            return Pieces::One(Some(line));
        }
        let mut pieces = Vec::new();
        push_pieces(&mut pieces, line, &breaks, &[]);
        Pieces::Many(pieces.into_iter())
    };
    lines
        .into_iter()
        .flat_map(move |line| pieces(line, item_starts))
        .flat_map(move |line| pieces(line, notes_breaks))
}

/// Where a line of notes plainly starts new items: where a sentence end or
/// a label's colon runs into a capitalised word (`creativity.We`), at a
/// bullet in the middle of it (`• Intro – 0:00• The maps – 2:30`), and after a sentence
/// end where a time-first item or a lead-in follows (`Great talk. 0:00
/// Intro …`, `Great talk. Timestamps: …`).
fn item_starts(text: &str) -> Vec<usize> {
    let mut starts = sentence_breaks(text, true);
    let mut previous: Option<char> = None;
    for (offset, c) in text.char_indices() {
        if offset > 0 && matches!(c, '•' | '▪' | '◦' | '►' | '▶') {
            starts.push(offset);
        }
        let after_sentence = previous.is_some_and(|end| matches!(end, '.' | '!' | '?'));
        previous = Some(c);
        if !after_sentence {
            continue;
        }
        let rest = text.get(offset..).unwrap_or_default();
        let item = rest.trim_start_matches(' ');
        let item_offset = offset + (rest.len() - item.len());
        let window = label_window(item);
        let time_first = item.starts_with(|c: char| c.is_ascii_digit())
            && ClockMarks::new(window, false)
                .next()
                .is_some_and(|mark| mark.whole.start == 0 && begins_item(window, &mark, None));
        let lead_in = item_offset > offset && lead_in_end(window).is_some();
        if time_first || lead_in {
            starts.push(item_offset);
        }
    }
    starts.sort_unstable();
    starts.dedup();
    starts
}

/// The lines of a plain text transcript with lost breaks put back: run-in
/// speaker labels start lines, run-in paragraphs are set off by a blank
/// line, and what comes before a `Transcript` heading (and a tool's footer
/// after the last turn) is left out.
pub fn split_transcript_lines(lines: Vec<TextLine>) -> Vec<TextLine> {
    let mut lines = after_transcript_heading(lines);
    // A tool's footer after the last turn (`Transcribed by https://otter.ai`).
    if let Some(last) = lines.iter().rposition(|line| !line.text.trim().is_empty()) {
        if lines
            .get(last)
            .is_some_and(|line| is_tool_footer(&line.text))
        {
            lines.truncate(last);
        }
    }
    let mut label_counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut count = |name: &str| count_label(&mut label_counts, name);
    let mut candidates = Vec::with_capacity(lines.len());
    for line in &lines {
        if let Some(name) = line_head(&line.text).name {
            count(name);
        }
        let found = run_in_points(&line.text);
        for (_, name) in &found {
            if let Some(name) = name {
                count(name);
            }
        }
        candidates.push(found);
    }
    let mut split = Vec::with_capacity(lines.len());
    for (line, found) in lines.into_iter().zip(candidates) {
        let mut turns = Vec::new();
        let mut paragraphs = Vec::new();
        for (offset, name) in found {
            match name {
                Some(name) if label_counts.get(&name_key(&name)).copied() >= Some(2) => {
                    turns.push(offset)
                }
                Some(_) => {}
                None => paragraphs.push(offset),
            }
        }
        let mut breaks: Vec<usize> = turns.iter().chain(&paragraphs).copied().collect();
        breaks.sort_unstable();
        push_pieces(&mut split, line, &breaks, &paragraphs);
    }
    split
}

/// A line's pieces, one or many.
enum Pieces<'t> {
    One(Option<TextLine<'t>>),
    Many(std::vec::IntoIter<TextLine<'t>>),
}

impl<'t> Iterator for Pieces<'t> {
    type Item = TextLine<'t>;

    fn next(&mut self) -> Option<TextLine<'t>> {
        match self {
            Pieces::One(line) => line.take(),
            Pieces::Many(lines) => lines.next(),
        }
    }
}

/// Splits `line` at `breaks` (ascending byte offsets); a blank line goes
/// before each piece that starts at one of `paragraphs` (ascending too).
fn push_pieces<'t>(
    into: &mut Vec<TextLine<'t>>,
    line: TextLine<'t>,
    breaks: &[usize],
    paragraphs: &[usize],
) {
    if breaks.is_empty() {
        into.push(line);
        return;
    }
    let mut start = 0;
    let ends = breaks.iter().copied().chain([line.text.len()]);
    for end in ends.filter(|&end| end > 0) {
        if line
            .text
            .get(start..end)
            .is_some_and(|piece| !piece.is_empty())
        {
            if start > 0 && paragraphs.binary_search(&start).is_ok() {
                into.push(TextLine::new(line.number, String::new()));
            }
            into.push(line.part(start..end));
        }
        start = end;
    }
}

/// Where a line of show notes ran two items together.
fn notes_breaks(text: &str) -> Vec<usize> {
    let mut breaks = Vec::new();
    let body_start = text.len() - strip_list_bullet(text).len();
    let body = text.get(body_start..).unwrap_or_default();
    let lead_in = lead_in_end(body).map(|end| body_start + end);
    breaks.extend(lead_in);
    let first_item = lead_in.unwrap_or(body_start);
    let rest = text.get(first_item..).unwrap_or_default();
    let rest_body = first_item + (rest.len() - rest.trim_start().len());
    // A break at a time needs a second time or one in brackets: most lines
    // have neither.
    let mut marks: Vec<ClockMark> = if may_break_at_times(rest) {
        find_glued_clock_marks(rest)
    } else {
        Vec::new()
    };
    for mark in &mut marks {
        mark.time = mark.time.start + first_item..mark.time.end + first_item;
        mark.whole = mark.whole.start + first_item..mark.whole.end + first_item;
    }
    let first_time = marks
        .iter()
        .find(|mark| mark.whole.start == rest_body && mark.setting != Setting::InAside);
    if let Some(first) = first_time {
        breaks.extend(time_first_items(text, &marks, first, rest_body));
    } else {
        for mark in marks
            .iter()
            .filter(|mark| mark.setting == Setting::Bracketed && !mark.glued)
        {
            let after = text.get(mark.whole.end..).unwrap_or_default();
            let next = after.trim_start();
            if starts_with_capital(next) {
                breaks.push(mark.whole.end + (after.len() - next.len()));
            }
        }
    }
    breaks.extend(section_breaks(text));
    breaks.retain(|&offset| offset > 0 && offset < text.len());
    breaks.sort_unstable();
    breaks.dedup();
    breaks
}

/// Whether `text` has two colons or a bracket: what a second clock time or
/// one in brackets needs.
fn may_break_at_times(text: &str) -> bool {
    let mut colons = 0;
    text.bytes().any(|byte| {
        colons += usize::from(byte == b':');
        colons == 2 || matches!(byte, b'(' | b'[')
    })
}

/// The lines after the first `Transcript` heading (alone on its line, or
/// run in before a speaker label), or all of them when there is none.
fn after_transcript_heading(mut lines: Vec<TextLine>) -> Vec<TextLine> {
    let mut found = None;
    for (index, line) in lines.iter_mut().enumerate() {
        if is_transcript_heading(&line.text) {
            found = Some((index + 1, None));
            break;
        }
        let run_in = section_breaks(&line.text)
            .into_iter()
            .filter(|&offset| {
                line.text
                    .get(..offset)
                    .is_some_and(|head| head.ends_with("Transcript"))
            })
            .min();
        if let Some(offset) = run_in {
            found = Some((index, Some(offset)));
            break;
        }
    }
    match found {
        None => lines,
        Some((from, None)) => lines.split_off(from.min(lines.len())),
        Some((from, Some(offset))) => {
            let mut rest = lines.split_off(from.min(lines.len()));
            if let Some(first) = rest.first_mut() {
                *first = first.part(offset..first.text.len());
            }
            rest
        }
    }
}
