//! The transcript every reader gives, and how it goes into an episode.

use std::collections::BTreeMap;

use crate::core::episode::{Episode, Line, Speaker};
use crate::core::error::Place;
use crate::core::warnings::Warning;

/// A transcript read from a file, with what had to be repaired or skipped.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Transcript {
    /// Lines sorted by start, ends resolved.
    pub lines: Vec<Line>,
    /// Speakers that [`Line::speaker`] indexes into.
    pub speakers: Vec<Speaker>,
    /// Problems that were repaired or skipped, each saying where.
    pub warnings: Vec<Warning>,
    /// Where in the file each line came from (`line 12`, `segments[3]`).
    pub places: Vec<Place>,
}

/// Puts a transcript's lines and speakers into an episode, keeping the
/// avatar of an episode speaker with the same name.
pub fn apply_transcript(episode: &mut Episode, transcript: Transcript) {
    let avatars: BTreeMap<&str, &Option<String>> = episode
        .speakers
        .iter()
        .rev()
        .map(|known| (known.name.as_str(), &known.img))
        .collect();
    let mut speakers = transcript.speakers;
    for speaker in &mut speakers {
        if let Some(img) = avatars.get(speaker.name.as_str()) {
            speaker.img.clone_from(img);
        }
    }
    episode.speakers = speakers;
    episode.lines = transcript.lines;
}
