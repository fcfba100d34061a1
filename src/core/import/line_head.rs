//! What the start of a transcript line says before its text: the times
//! written there and a `Name:` candidate (`[00:12:30] Sam: …`,
//! `Sam (00:12:30): …`, or `Sam Host  0:03` alone on its line).

use super::clock_marks::{find_clock_marks, ClockMark, Setting};
use super::speaker_names::is_name;
use crate::core::text::head_of;

/// How far into a line (after its leading times) a label's colon may be,
/// in bytes.
const LABEL_REACH: usize = 120;
/// How far into a line its head (times, then a label) is looked for.
const HEAD_REACH: usize = 2 * LABEL_REACH;

/// What the start of a line says before its text.
pub(crate) struct LineHead<'t> {
    /// Times before the text (`[00:12:30] Sam: …`, `Sam (00:12:30): …`).
    pub times: Vec<ClockMark>,
    /// A `Name:` candidate.
    pub name: Option<&'t str>,
    /// Byte offset of the text after the head.
    pub text_start: usize,
}

/// A `Name:` label found after a line's leading times.
struct Label<'t> {
    /// The name before the colon.
    name: &'t str,
    /// Times in brackets between the name and the colon.
    times: Vec<ClockMark>,
    /// Byte offset of the text after the colon.
    text_start: usize,
}

/// The times and `Name:` at the start of a line.
pub(crate) fn line_head(line: &str) -> LineHead<'_> {
    // Only a line's start can hold its head (and only a short line is a
    // name and a time alone), so a long line's later times are not read.
    let indent = line.len() - line.trim_start().len();
    let marks = find_clock_marks(head_of(line, indent + HEAD_REACH));
    let (mut times, position) = leading_times(line, indent, &marks);
    if let Some(label) = label_at(line, position, &marks) {
        times.extend(label.times);
        return LineHead {
            times,
            name: Some(label.name),
            text_start: label.text_start,
        };
    }
    if times.is_empty() {
        if let Some(head) = name_and_time_alone(line, position, &marks) {
            return head;
        }
    }
    LineHead {
        times,
        name: None,
        text_start: position,
    }
}

/// Whether `text` begins with a speaker label (`Sam: …`, `[0:03] Sam: …`).
pub(crate) fn is_label_head(text: &str) -> bool {
    line_head(text).name.is_some()
}

/// The times at the start of a line (`[00:12:30] Sam: …`, `00:12:30 Sam:
/// …`), from `indent` on, and where what follows them begins.
fn leading_times(line: &str, indent: usize, marks: &[ClockMark]) -> (Vec<ClockMark>, usize) {
    let mut times = Vec::new();
    let mut position = indent;
    for mark in marks {
        if mark.whole.start == position && mark.setting != Setting::InAside {
            position = mark.whole.end;
            position += line.get(position..).map_or(0, |rest| {
                rest.len() - rest.trim_start_matches([' ', '\t', '-', '–', '|']).len()
            });
            times.push(mark.clone());
        } else {
            break;
        }
    }
    (times, position)
}

/// The `Name:` label at `position` in `line` (`Sam: …`, `Sam (00:12:30):
/// …`): a name, then only times in brackets, then a colon followed by a
/// space or the line's end.
fn label_at<'t>(line: &'t str, position: usize, marks: &[ClockMark]) -> Option<Label<'t>> {
    let rest = line.get(position..).unwrap_or_default();
    let label = rest.get(..label_colon(rest, position, marks)?)?;
    let after_colon = position + label.len() + 1;
    let followed_by_space = line
        .get(after_colon..)
        .is_none_or(|after| after.is_empty() || after.starts_with(char::is_whitespace));
    let label_times: Vec<&ClockMark> = marks
        .iter()
        .filter(|mark| mark.whole.start >= position && mark.whole.end <= position + label.len())
        .collect();
    let name_end = label_times
        .first()
        .map_or(label.len(), |mark| mark.whole.start - position);
    let name = label.get(..name_end).unwrap_or_default().trim();
    let only_times_after_name = only_times_after(label, name_end, position, &label_times);
    if !(followed_by_space && only_times_after_name && is_name(name)) {
        return None;
    }
    let text_start = after_colon
        + line
            .get(after_colon..)
            .map_or(0, |after| after.len() - after.trim_start().len());
    Some(Label {
        name,
        times: label_times.into_iter().cloned().collect(),
        text_start,
    })
}

/// The offset in `rest` (which starts at `position` in its line) of the
/// first colon outside a time. A label is short: its colon is near the
/// start (so a long line is not searched to its end, colon by colon).
fn label_colon(rest: &str, position: usize, marks: &[ClockMark]) -> Option<usize> {
    let in_time = |at: usize| {
        let next = marks.partition_point(|mark| mark.time.end <= at);
        marks.get(next).is_some_and(|mark| mark.time.contains(&at))
    };
    rest.char_indices()
        .take_while(|&(offset, _)| offset < LABEL_REACH)
        .find(|&(offset, c)| c == ':' && !in_time(position + offset))
        .map(|(offset, _)| offset)
}

/// Whether all of `label` (at `position` in its line) from `name_end` on is
/// spaces and `label_times`, all of them in brackets (`Sam (00:12:30):`).
fn only_times_after(
    label: &str,
    name_end: usize,
    position: usize,
    label_times: &[&ClockMark],
) -> bool {
    label_times
        .iter()
        .all(|mark| mark.setting == Setting::Bracketed)
        && label
            .char_indices()
            .filter(|(offset, _)| *offset >= name_end)
            .all(|(offset, c)| {
                c.is_whitespace()
                    || label_times
                        .iter()
                        .any(|mark| mark.whole.contains(&(position + offset)))
            })
}

/// A name and a time alone on a line (`Sam Host  0:03`), from `position`
/// on: a speaker label with its time, and no text.
fn name_and_time_alone<'t>(
    line: &'t str,
    position: usize,
    marks: &[ClockMark],
) -> Option<LineHead<'t>> {
    let mark = marks
        .last()
        .filter(|mark| mark.whole.end == line.trim_end().len() && mark.whole.start > position)?;
    let name = line
        .get(position..mark.whole.start)
        .unwrap_or_default()
        .trim();
    is_name(name).then(|| LineHead {
        times: vec![mark.clone()],
        name: Some(name),
        text_start: line.len(),
    })
}
