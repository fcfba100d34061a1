//! The transcript every reader gives, and how it goes into an episode.

use std::cmp::Ordering;

use crate::core::episode::{Episode, Line, Speaker};
use crate::core::error::Place;
use crate::core::text::folded_chars;
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
    let by_name = sorted_by(&known, |speaker| folded_chars(&speaker.name));
    let by_first_name = sorted_by(&known, |speaker| first_name(&speaker.name));
    let mut speakers = transcript.speakers;
    for speaker in &mut speakers {
        let name = || folded_chars(&speaker.name);
        let same_name = find(&known, &by_name, |known| {
            folded_chars(&known.name).cmp(name())
        });
        let person = same_name.first().or_else(|| {
            match find(&known, &by_first_name, |known| {
                first_name(&known.name).cmp(name())
            }) {
                [only] => Some(only),
                _ => None,
            }
        });
        if let Some(&index) = person {
            if let Some(person) = known.get(index) {
                lend(person, speaker);
            }
        }
    }
    episode.speakers = speakers;
    episode.lines = transcript.lines;
}

/// The indices of `speakers`, sorted by `key`.
fn sorted_by<'s, K: Iterator<Item = char>>(
    speakers: &'s [Speaker],
    key: impl Fn(&'s Speaker) -> K,
) -> Vec<usize> {
    let mut order: Vec<usize> = (0..speakers.len()).collect();
    order.sort_by(|&a, &b| match (speakers.get(a), speakers.get(b)) {
        (Some(a), Some(b)) => key(a).cmp(key(b)),
        _ => Ordering::Equal,
    });
    order
}

/// The run of `order` (sorted indices of `speakers`) whose speakers
/// `compare` finds equal.
fn find<'o>(
    speakers: &[Speaker],
    order: &'o [usize],
    compare: impl Fn(&Speaker) -> Ordering,
) -> &'o [usize] {
    let compare_at = |index: &usize| speakers.get(*index).map_or(Ordering::Less, &compare);
    let start = order.partition_point(|index| compare_at(index) == Ordering::Less);
    let end = order.partition_point(|index| compare_at(index) != Ordering::Greater);
    order.get(start..end).unwrap_or_default()
}

/// The first word of `name`, folded.
fn first_name(name: &str) -> impl Iterator<Item = char> + '_ {
    folded_chars(name.trim_start()).take_while(|c| !c.is_whitespace())
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
