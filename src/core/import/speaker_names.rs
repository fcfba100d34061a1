//! Speaker names in untimed transcripts: which labels can be a person's
//! name, and one key for a name however it is capitalised.

use crate::core::limits::MAX_SPEAKER_LABELS;
use std::collections::BTreeMap;

/// Labels that look like a speaker but are not one.
const NOT_SPEAKERS: &[&str] = &[
    "note",
    "notes",
    "editor's note",
    "editor’s note",
    "update",
    "correction",
    "disclaimer",
    "warning",
    "source",
    "sources",
    "summary",
    "transcript",
    "example",
    "edit",
    "ps",
    "p.s",
    "tl;dr",
    "tldr",
    "link",
    "links",
    "url",
    "email",
    "e-mail",
    "website",
    "web",
    "date",
    "time",
    "title",
    "chapter",
    "part",
    "step",
    "tip",
    "hint",
    "quote",
    "fact",
    "caution",
    "important",
    "anmerkung",
    "hinweis",
    "quelle",
    "zitat",
];

/// Particles that may stay lower-case inside a name.
const NAME_PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "da", "di", "du", "la", "le", "bin", "al", "el", "y",
];

/// Whether a label can be a person's name: one to four words, at most 40
/// characters, capitalised (particles apart), letters and `.'’-&` only.
pub fn is_name(label: &str) -> bool {
    let words: Vec<&str> = label.split_whitespace().collect();
    let plausible_characters = label.chars().all(|c| {
        c.is_alphanumeric() || c.is_whitespace() || matches!(c, '.' | '\'' | '’' | '-' | '&')
    });
    let capitalised = words.iter().enumerate().all(|(index, word)| {
        let first = word.chars().next();
        first.is_some_and(char::is_uppercase)
            || (index > 0
                && (NAME_PARTICLES.contains(word) || word.chars().all(|c| c.is_ascii_digit())))
    });
    (1..=4).contains(&words.len())
        && label.chars().count() <= 40
        && plausible_characters
        && capitalised
        && !NOT_SPEAKERS.contains(&label.to_lowercase().as_str())
}

/// The key that finds a speaker however the label is capitalised
/// (`SAM:` and `Sam:` are one person).
pub fn name_key(name: &str) -> String {
    name.to_lowercase()
}

/// For each speaker key, the spelling written most often (the first met
/// of equally frequent ones).
pub fn usual_spellings<'n>(names: impl IntoIterator<Item = &'n str>) -> BTreeMap<String, &'n str> {
    // Per key: each spelling's count and where it was first met.
    let mut counts: BTreeMap<String, BTreeMap<&str, (usize, usize)>> = BTreeMap::new();
    for (order, name) in names.into_iter().enumerate() {
        let spelling = counts
            .entry(name_key(name))
            .or_default()
            .entry(name)
            .or_insert((0, order));
        spelling.0 += 1;
    }
    counts
        .into_iter()
        .filter_map(|(key, spellings)| {
            let (name, _) = spellings
                .into_iter()
                .max_by_key(|(_, (count, first))| (*count, std::cmp::Reverse(*first)))?;
            Some((key, name))
        })
        .collect()
}

/// Counts one more label naming `name` (by its key), unless that would be
/// more than [`MAX_SPEAKER_LABELS`] different names (the rest are not
/// counted: a file with a new `Name:` on every line is not in turns).
pub(crate) fn count_label(counts: &mut BTreeMap<String, usize>, name: &str) {
    let key = name_key(name);
    let known = counts.len();
    match counts.get_mut(&key) {
        Some(count) => *count += 1,
        None if known < MAX_SPEAKER_LABELS => {
            counts.insert(key, 1);
        }
        None => {}
    }
}
