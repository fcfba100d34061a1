//! Finding the entry (line, chapter, word) that is current at a media time.

/// Start times of entries sorted ascending, searched by binary search.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TimeIndex {
    starts: Vec<f64>,
}

impl TimeIndex {
    /// Builds an index over start times. The starts must be sorted ascending
    /// (the episode parser sorts lines and chapters); unsorted input gives
    /// unspecified, but never panicking, answers.
    pub fn new(starts: impl IntoIterator<Item = f64>) -> Self {
        Self {
            starts: starts.into_iter().collect(),
        }
    }

    /// The entry current at `time`: the last one whose start is `<= time`.
    /// `None` before the first entry, for an empty index, and for NaN.
    pub fn at(&self, time: f64) -> Option<usize> {
        self.starts
            .partition_point(|&start| start <= time)
            .checked_sub(1)
    }

    /// The times around `time` within which [`TimeIndex::at`] gives the
    /// same answer: from the current entry's start (or -∞) until the next
    /// entry's start (or +∞). For NaN, an empty span.
    pub fn span(&self, time: f64) -> TimeSpan {
        span_of(&self.starts, |start| *start, time)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether the index has no entries.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }
}

/// A half-open span of media time, `from <= t < until`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeSpan {
    /// Inclusive start (may be -∞).
    pub from: f64,
    /// Exclusive end (may be +∞).
    pub until: f64,
}

impl TimeSpan {
    /// All of time.
    pub const ALL: TimeSpan = TimeSpan {
        from: f64::NEG_INFINITY,
        until: f64::INFINITY,
    };

    /// Whether `time` lies in the span (never for NaN).
    pub fn contains(&self, time: f64) -> bool {
        self.from <= time && time < self.until
    }

    /// The part of both spans.
    pub fn intersect(self, other: TimeSpan) -> TimeSpan {
        TimeSpan {
            from: self.from.max(other.from),
            until: self.until.min(other.until),
        }
    }
}

/// The span around `time` between consecutive starts of sorted `entries`.
pub(crate) fn span_of<T>(entries: &[T], start: impl Fn(&T) -> f64, time: f64) -> TimeSpan {
    if time.is_nan() {
        return TimeSpan {
            from: 0.0,
            until: 0.0,
        };
    }
    let next = entries.partition_point(|entry| start(entry) <= time);
    TimeSpan {
        from: next
            .checked_sub(1)
            .and_then(|current| entries.get(current))
            .map_or(f64::NEG_INFINITY, &start),
        until: entries.get(next).map_or(f64::INFINITY, &start),
    }
}

/// Whole percent of the way through `length` seconds from `start` at
/// `time` (0 to 100; 0 for an empty length or NaN).
pub fn percent_through(start: f64, length: f64, time: f64) -> u8 {
    let has_length = length > 0.0;
    if !has_length {
        return 0;
    }
    (((time - start) / length).clamp(0.0, 1.0) * 100.0).floor() as u8
}

/// The times around `time` within which [`percent_through`] gives the same
/// answer.
pub fn percent_span(start: f64, length: f64, time: f64) -> TimeSpan {
    let has_length = length > 0.0;
    if !has_length || time.is_nan() {
        return TimeSpan::ALL;
    }
    let percent = percent_through(start, length, time);
    let at = |percent: u8| start + length * f64::from(percent) / 100.0;
    TimeSpan {
        from: if percent == 0 {
            f64::NEG_INFINITY
        } else {
            at(percent)
        },
        until: if percent >= 100 {
            f64::INFINITY
        } else {
            at(percent + 1)
        },
    }
}
