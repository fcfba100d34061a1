//! The lines of a transcript as a reader finds them, in file order with
//! where each came from, then sorted and repaired. Lines and places are
//! kept in two lists from the start, and sorted in place, so that a file of
//! tiny cues never holds a second copy of its lines.

use super::transcript::Transcript;
use crate::core::episode::{Line, SpeakerList};
use crate::core::error::Place;
use crate::core::limits::{cut_line, cut_speakers, MAX_ENTRIES};
use crate::core::text::decimal;
use crate::core::warnings::{Warning, Warnings};

/// Lines in file order, and for each where it came from (`line 12`,
/// `segments[3]`) for messages.
#[derive(Debug, Default)]
pub struct ReadLines {
    lines: Vec<Line>,
    places: Vec<Place>,
}

impl ReadLines {
    /// Room for `count` lines (at most the entry limit).
    pub fn with_capacity(count: usize) -> Self {
        let count = count.min(MAX_ENTRIES);
        Self {
            lines: Vec::with_capacity(count),
            places: Vec::with_capacity(count),
        }
    }

    /// Adds `line`, read at `place` (its `end` as read, possibly before
    /// its start).
    pub fn push(&mut self, place: Place, line: Line) {
        self.lines.push(line);
        self.places.push(place);
    }

    /// Whether none were.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The line read last.
    pub fn last(&self) -> Option<&Line> {
        self.lines.last()
    }

    /// The line read last, to add to.
    pub fn last_mut(&mut self) -> Option<&mut Line> {
        self.lines.last_mut()
    }

    /// The lines sorted by start (stably) with ends before starts and texts
    /// over the limits repaired, a warning for each (which calls the
    /// entries `what`: `line`, `segment`); and where each came from.
    pub fn finish(mut self, what: &str, warnings: &mut Warnings) -> (Vec<Line>, Vec<Place>) {
        for (line, place) in self.lines.iter_mut().zip(&self.places) {
            cut_line(line, place, warnings);
            if line.end < line.start {
                warnings.push(Warning::at(
                    place.clone(),
                    format!(
                        "ends at {} before it starts at {}; treated as ending at its start",
                        decimal(line.end),
                        decimal(line.start)
                    ),
                ));
                line.end = line.start;
            }
        }
        let places_and_starts = self
            .places
            .iter()
            .zip(self.lines.iter().map(|line| line.start));
        if let Some(warning) = out_of_order(places_and_starts, what) {
            warnings.push(warning);
            let mut order: Vec<usize> = (0..self.lines.len()).collect();
            order.sort_by(|&a, &b| {
                let start = |index: usize| self.lines.get(index).map_or(0.0, |line| line.start);
                start(a).total_cmp(&start(b))
            });
            permute_both(&mut self.lines, &mut self.places, order);
        }
        (self.lines, self.places)
    }

    /// The transcript: lines finished as [`ReadLines::finish`] does, with
    /// `speakers` (names cut to the limit) and `warnings`.
    pub fn into_transcript(
        self,
        what: &str,
        speakers: SpeakerList,
        mut warnings: Warnings,
    ) -> Transcript {
        let (lines, places) = self.finish(what, &mut warnings);
        let mut speakers = speakers.into_vec();
        cut_speakers(&mut speakers, &mut warnings);
        Transcript {
            lines,
            places,
            speakers,
            warnings: warnings.into_warnings(),
        }
    }
}

/// Reorders `lines` and `places` alike so that item `i` becomes the one
/// that was at `order[i]`, in place (following each cycle of the order).
fn permute_both(lines: &mut [Line], places: &mut [Place], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for first in 0..order.len() {
        let mut current = first;
        // Each slot is read once, then marked done.
        while let Some(source) = order
            .get_mut(current)
            .map(|slot| std::mem::replace(slot, DONE))
        {
            if source == DONE || source == first {
                break;
            }
            lines.swap(current, source);
            places.swap(current, source);
            current = source;
        }
    }
}

/// When entries (each its place and start, in file order) are not in time
/// order: a warning naming the first that starts before the one above it
/// (`what` names the kind of entry).
pub fn out_of_order<'p>(
    entries: impl IntoIterator<Item = (&'p Place, f64)>,
    what: &str,
) -> Option<Warning> {
    let mut above_start = f64::NEG_INFINITY;
    entries.into_iter().find_map(|(place, start)| {
        let warning = (start < above_start).then(|| {
            Warning::at(place.clone(), format!("starts at {}, before the {what} above it ({}); {what}s were sorted into time order", decimal(start), decimal(above_start)))
        });
        above_start = start;
        warning
    })
}
