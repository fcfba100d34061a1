//! Time estimation: lines of known spoken length, and a few points whose
//! time is known (the start, times written in the transcript, the end of
//! the episode), give every line a start and an end by spreading the time
//! between two known points over the speech between them in proportion to
//! its length, pauses included.

use crate::core::error::Place;
use crate::core::time::format_clock;
use crate::core::warnings::{Warning, Warnings};

/// Syllables per second of conversational speech, used only where no
/// known time lies ahead (no duration given): about 160 words a minute.
pub const DEFAULT_SYLLABLES_PER_SECOND: f64 = 4.0;

/// One line to time: how long it takes to say and the pause before it,
/// both in syllables.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    /// Spoken length in syllables.
    pub length: f64,
    /// Pause before the line, in syllables of speech it is worth.
    pub pause_before: f64,
}

/// A point in the speech whose time is known.
#[derive(Debug, Clone, PartialEq)]
pub struct Pin {
    /// Where in the speech: syllables (pauses included) from the start.
    pub position: f64,
    /// The time there, in seconds.
    pub seconds: f64,
    /// Where it came from, for warnings (`line 12`).
    pub place: Place,
    /// What it is, for warnings (`the time 0:03:32`), when the place does
    /// not say.
    pub what: String,
}

impl Pin {
    /// A warning's message about this pin: `what` first, when it has one.
    fn described(&self, message: &str) -> String {
        if self.what.is_empty() {
            message.to_string()
        } else {
            format!("{}: {message}", self.what)
        }
    }
}

/// Where each line starts on the speech axis (after its pause), and where
/// the speech ends.
pub fn line_positions(spans: &[Span]) -> (Vec<f64>, f64) {
    let mut position = 0.0;
    let starts = spans
        .iter()
        .map(|span| {
            position += span.pause_before;
            let start = position;
            position += span.length;
            start
        })
        .collect();
    (starts, position)
}

/// The start and end of every line. `pins` come in speech order; a pin
/// whose time is earlier than a pin before it (or after `duration`) is
/// dropped with a warning, so times never decrease.
pub fn estimate_times(
    spans: &[Span],
    pins: Vec<Pin>,
    duration: Option<f64>,
    warnings: &mut Warnings,
) -> Vec<(f64, f64)> {
    let (starts, total) = line_positions(spans);
    let kept = consistent_pins(pins, total, duration, warnings);
    let clock = Clock::new(kept, total, duration);
    starts
        .iter()
        .zip(spans)
        .map(|(&start, span)| (clock.at(start), clock.at(start + span.length)))
        .collect()
}

/// The pins in speech order, starting with 0 at 0 and ending with the
/// duration at the end of the speech, without any that would make time run
/// backwards.
fn consistent_pins(
    pins: Vec<Pin>,
    total: f64,
    duration: Option<f64>,
    warnings: &mut Warnings,
) -> Vec<(f64, f64)> {
    let mut kept: Vec<(f64, f64)> = vec![(0.0, 0.0)];
    for pin in pins {
        let Some(&(last_position, last_seconds)) = kept.last() else {
            continue;
        };
        let beyond_end = duration.is_some_and(|duration| pin.seconds > duration);
        if beyond_end {
            warnings.push(Warning::at(
                pin.place.clone(),
                pin.described(&format!(
                    "after the end of the episode ({}); not used",
                    format_clock(duration.unwrap_or_default())
                )),
            ));
        } else if pin.seconds < last_seconds
            || (pin.position > last_position && pin.seconds == last_seconds && last_position > 0.0)
        {
            warnings.push(Warning::at(
                pin.place.clone(),
                pin.described(&format!(
                    "earlier than a time before it in the transcript ({}); not used",
                    format_clock(last_seconds)
                )),
            ));
        } else if pin.position <= last_position {
            if let Some(last) = kept.last_mut() {
                last.1 = last.1.max(pin.seconds);
            }
        } else {
            kept.push((pin.position, pin.seconds));
        }
    }
    if let Some(duration) = duration {
        match kept.last() {
            Some(&(position, _)) if position >= total => {}
            _ => kept.push((total, duration)),
        }
    }
    kept
}

/// Piecewise-linear time over the speech axis through the pins.
struct Clock {
    pins: Vec<(f64, f64)>,
    /// Seconds per syllable after the last pin.
    tail_rate: f64,
}

impl Clock {
    fn new(pins: Vec<(f64, f64)>, total: f64, duration: Option<f64>) -> Self {
        let last = pins.last().copied().unwrap_or((0.0, 0.0));
        let measured = (last.0 > 0.0 && last.1 >= 60.0).then(|| last.1 / last.0);
        let tail_rate = match duration {
            Some(duration) if last.0 < total => (duration - last.1).max(0.0) / (total - last.0),
            _ => measured.unwrap_or(1.0 / DEFAULT_SYLLABLES_PER_SECOND),
        };
        Self { pins, tail_rate }
    }

    fn at(&self, position: f64) -> f64 {
        let after = self
            .pins
            .partition_point(|&(pin_position, _)| pin_position <= position);
        let before = after
            .checked_sub(1)
            .and_then(|index| self.pins.get(index))
            .copied()
            .unwrap_or((0.0, 0.0));
        match self.pins.get(after) {
            Some(&(next_position, next_seconds)) if next_position > before.0 => {
                before.1
                    + (position - before.0) * (next_seconds - before.1) / (next_position - before.0)
            }
            Some(_) => before.1,
            None => before.1 + (position - before.0) * self.tail_rate,
        }
    }
}
