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

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether the index has no entries.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }
}
