//! Readers for the transcript and chapter files publishers already have:
//! WebVTT, SRT, Podcasting 2.0 JSON transcripts and JSON Chapters, and the
//! detection of which one a file is.

pub mod json_chapters;
pub mod podcast_json;
pub mod srt;
pub mod webvtt;

use std::collections::HashMap;

use super::episode::{Line, Speaker};

/// A transcript read from a file, with what had to be repaired or skipped.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Transcript {
    /// Lines sorted by start, ends resolved.
    pub lines: Vec<Line>,
    /// Speakers that [`Line::speaker`] indexes into.
    pub speakers: Vec<Speaker>,
    /// Problems that were repaired or skipped, each saying where.
    pub warnings: Vec<String>,
}

/// Speakers met by display name while reading a transcript.
#[derive(Debug, Default)]
pub struct SpeakerList {
    speakers: Vec<Speaker>,
    by_name: HashMap<String, usize>,
}

impl SpeakerList {
    /// The index of the speaker called `name`, added if new.
    pub fn index_of(&mut self, name: &str) -> usize {
        if let Some(&index) = self.by_name.get(name) {
            return index;
        }
        let index = self.speakers.len();
        self.speakers.push(Speaker {
            name: name.to_string(),
            img: None,
        });
        self.by_name.insert(name.to_string(), index);
        index
    }

    /// The speakers, in the order they were met.
    pub fn into_vec(self) -> Vec<Speaker> {
        self.speakers
    }
}

/// A line as read, before sorting and repair; `place` says where it came
/// from (e.g. `line 12`) for warnings.
#[derive(Debug, Clone)]
pub struct RawLine {
    /// Where in the file the line starts, for messages.
    pub place: String,
    /// The line, with `end` as read (possibly before `start`).
    pub line: Line,
}

/// Sorts lines by start (stably) and repairs ends before starts, adding a
/// warning for each repair.
pub fn finish_lines(mut raw: Vec<RawLine>, warnings: &mut Vec<String>) -> Vec<Line> {
    for entry in &mut raw {
        let line = &mut entry.line;
        if line.end < line.start {
            warnings.push(format!(
                "{}: ends at {} before it starts at {}; treated as ending at its start",
                entry.place, line.end, line.start
            ));
            line.end = line.start;
        }
    }
    if raw
        .windows(2)
        .any(|pair| pair[1].line.start < pair[0].line.start)
    {
        warnings.push("lines were not in time order; they were sorted".to_string());
        raw.sort_by(|a, b| a.line.start.total_cmp(&b.line.start));
    }
    raw.into_iter().map(|entry| entry.line).collect()
}
