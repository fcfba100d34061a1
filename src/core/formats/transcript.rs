//! The transcript every reader gives, and how it goes into an episode.

use std::cmp::Ordering;

use crate::core::episode::{Episode, Line, Speaker};
use crate::core::error::Place;
use crate::core::text::fold;
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

/// Puts a transcript's lines and speakers into an episode. The episode's
/// own speakers (an episode JSON's, or a feed's people) are who the
/// transcript's speakers may be: one whose name is the same, ignoring case
/// and accents, or whose first name is a transcript speaker's whole name
/// (when no one else has that first name), lends that speaker the avatar,
/// role and link the transcript does not give.
pub fn apply_transcript(episode: &mut Episode, transcript: Transcript) {
    let known = std::mem::take(&mut episode.speakers);
    let names: Vec<String> = known
        .iter()
        .map(|speaker| fold(speaker.name.trim()))
        .collect();
    let name_at = |index: &usize| names.get(*index).map_or("", String::as_str);
    let first_name = |index: &usize| name_at(index).split_whitespace().next().unwrap_or_default();
    let mut by_name: Vec<usize> = (0..known.len()).collect();
    by_name.sort_by_key(name_at);
    let mut by_first_name = by_name.clone();
    by_first_name.sort_by_key(first_name);
    let mut speakers = transcript.speakers;
    for speaker in &mut speakers {
        let name = fold(speaker.name.trim());
        let same = |key: &str| key.cmp(&name);
        let same_name = equal_run(&by_name, |index| same(name_at(index)));
        let person = same_name.first().or_else(|| {
            match equal_run(&by_first_name, |index| same(first_name(index))) {
                [only] => Some(only),
                _ => None,
            }
        });
        if let Some(person) = person.and_then(|index| known.get(*index)) {
            lend(person, speaker);
        }
    }
    episode.speakers = speakers;
    episode.lines = transcript.lines;
}

/// The run of `order` (sorted by what `compare` compares) that `compare`
/// finds equal.
fn equal_run(order: &[usize], compare: impl Fn(&usize) -> Ordering) -> &[usize] {
    let start = order.partition_point(|index| compare(index) == Ordering::Less);
    let end = order.partition_point(|index| compare(index) != Ordering::Greater);
    order.get(start..end).unwrap_or_default()
}

/// What `person` knows that `speaker` does not.
fn lend(person: &Speaker, speaker: &mut Speaker) {
    for (from, to) in [
        (&person.img, &mut speaker.img),
        (&person.role, &mut speaker.role),
        (&person.href, &mut speaker.href),
    ] {
        if to.is_none() {
            to.clone_from(from);
        }
    }
}
