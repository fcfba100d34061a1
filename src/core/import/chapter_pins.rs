//! Chapter starts as known times: where in the transcript a chapter's
//! topic begins, found from its title.
//!
//! A chapter's title gives its *content words* (words of four letters or
//! more that are not common function words, compared by their first six
//! letters). A sentence is a match when it and the next two sentences hold
//! every one of them; a title needs two of them, or one of eight letters
//! or more.
//! Only sentences whose first estimate (from the transcript's own times and
//! the duration) lies within a tenth of the chapter's time of it (at least
//! 30 s) count, so
//! a topic named in the introduction ("today: the harbour, the ferry …") is
//! not taken for its chapter. Of the matches the one with the most title
//! words wins, then the one nearest the chapter's time. A chapter matched
//! at or before the previous chapter's match is not used.

use super::estimate::Pin;
use super::show_notes::NoteChapter;
use crate::core::error::Place;
use crate::core::text::fold;
use crate::core::time::format_clock;
use crate::core::warnings::excerpt;

/// How far from a chapter's time its match may be first estimated, as a
/// share of that time, and at least this many seconds.
const WINDOW_SHARE: f64 = 0.1;
const WINDOW_MIN_SECONDS: f64 = 30.0;
/// A title of one content word is looked for only when the word is this
/// long (`Introduction`, not `Wrap-up`).
const LONG_WORD_LETTERS: usize = 8;
/// Sentences looked at per chapter at most (two hours of speech and more),
/// so that no input makes the search quadratic.
const MAX_CANDIDATES: usize = 2_000;
/// Sentences read together when looking for a title's words.
const SENTENCES_PER_MATCH: usize = 3;

/// Words too common to tell topics apart.
const COMMON_WORDS: &[&str] = &[
    "about", "after", "again", "also", "because", "been", "before", "being", "could", "does",
    "doing", "down", "from", "have", "having", "here", "into", "just", "like", "more", "most",
    "much", "only", "other", "over", "really", "some", "such", "than", "that", "their", "them",
    "then", "there", "these", "they", "thing", "things", "this", "those", "through", "very",
    "want", "were", "what", "when", "where", "which", "while", "with", "would", "your", "yours",
    "talk", "talks", "talking", "episode", "show", "part", "with", "und", "oder", "eine", "einer",
    "nicht", "auch", "sich", "über",
];

/// The start of each chapter found in the transcript, as pins at the start
/// of the matching sentence. `sentences` are the transcript's lines,
/// `positions` their places on the speech axis and `first_guess` their
/// times estimated without chapters.
pub fn find_chapter_pins(
    chapters: &[NoteChapter],
    sentences: &[&str],
    positions: &[f64],
    first_guess: &[f64],
) -> Vec<Pin> {
    let folded: Vec<Vec<String>> = sentences.iter().map(|text| content_words(text)).collect();
    let mut pins = Vec::new();
    let mut last_match: Option<usize> = None;
    for chapter in chapters.iter().filter(|chapter| chapter.start > 0.0) {
        let wanted = content_words(&chapter.title);
        let long_single_word = wanted.len() == 1
            && chapter
                .title
                .split_whitespace()
                .any(|word| word.chars().count() >= LONG_WORD_LETTERS);
        if wanted.len() < 2 && !long_single_word {
            continue;
        }
        let needed = wanted.len();
        let window = (chapter.start * WINDOW_SHARE).max(WINDOW_MIN_SECONDS);
        // (sentence, title words near it, title words in it, distance)
        let mut best: Option<(usize, usize, usize, f64)> = None;
        // First guesses never decrease, so the window is one run of
        // sentences.
        let from = first_guess
            .partition_point(|guess| *guess < chapter.start - window)
            .max(last_match.map_or(0, |last| last + 1));
        let candidates = first_guess
            .iter()
            .enumerate()
            .skip(from)
            .take_while(|(_, guess)| **guess <= chapter.start + window)
            .take(MAX_CANDIDATES);
        for (index, guess) in candidates {
            let near = folded
                .get(index..(index + SENTENCES_PER_MATCH).min(folded.len()))
                .unwrap_or_default();
            let found = wanted
                .iter()
                .filter(|word| near.iter().any(|words| words.binary_search(word).is_ok()))
                .count();
            if found < needed {
                continue;
            }
            let found_in_sentence = wanted
                .iter()
                .filter(|word| {
                    near.first()
                        .is_some_and(|words| words.binary_search(word).is_ok())
                })
                .count();
            let distance = (guess - chapter.start).abs();
            let better = best.is_none_or(|(_, best_found, best_in_sentence, best_distance)| {
                (found, found_in_sentence) > (best_found, best_in_sentence)
                    || ((found, found_in_sentence) == (best_found, best_in_sentence)
                        && distance < best_distance)
            });
            if better {
                best = Some((index, found, found_in_sentence, distance));
            }
        }
        if let Some((index, ..)) = best {
            last_match = Some(index);
            pins.push(Pin {
                position: positions.get(index).copied().unwrap_or_default(),
                seconds: chapter.start,
                place: Place::Named(format!(
                    "the chapter \"{}\" at {} (notes line {})",
                    excerpt(&chapter.title),
                    format_clock(chapter.start),
                    chapter.line_number
                )),
                what: String::new(),
            });
        }
    }
    pins
}

/// Letters of a word compared, so that `harbour` finds `harbours`.
const STEM_LETTERS: usize = 6;

/// The first letters of the folded words of four letters or more that are
/// not common words.
fn content_words(text: &str) -> Vec<String> {
    let folded = fold(text);
    let mut words: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.chars().count() >= 4 && !COMMON_WORDS.contains(word))
        .map(|word| word.chars().take(STEM_LETTERS).collect())
        .collect();
    words.sort();
    words.dedup();
    words
}

/// Two lists of pins, each in speech order, as one.
pub fn merged_in_speech_order(first: Vec<Pin>, second: Vec<Pin>) -> Vec<Pin> {
    let mut merged = Vec::with_capacity(first.len() + second.len());
    let mut second = second.into_iter().peekable();
    for pin in first {
        while let Some(earlier) = second.next_if(|other| other.position < pin.position) {
            merged.push(earlier);
        }
        merged.push(pin);
    }
    merged.extend(second);
    merged
}

/// The chapter pins that agree with the times written in the transcript
/// (`written`, in speech order): none at the same place, and none later in
/// the speech but earlier in time than a written one (or the other way
/// round).
pub fn agreeing_with(written: &[Pin], chapters: Vec<Pin>) -> Vec<Pin> {
    let written: Vec<(f64, f64)> = written
        .iter()
        .map(|pin| (pin.position, pin.seconds))
        .collect();
    // Latest time up to each written pin, earliest from it on.
    let latest_before: Vec<f64> = written
        .iter()
        .scan(f64::NEG_INFINITY, |latest, &(_, seconds)| {
            *latest = latest.max(seconds);
            Some(*latest)
        })
        .collect();
    let mut earliest_after: Vec<f64> = written
        .iter()
        .rev()
        .scan(f64::INFINITY, |earliest, &(_, seconds)| {
            *earliest = earliest.min(seconds);
            Some(*earliest)
        })
        .collect();
    earliest_after.reverse();
    chapters
        .into_iter()
        .filter(|chapter| {
            let before = written.partition_point(|(position, _)| *position < chapter.position);
            let same_place = written
                .get(before)
                .is_some_and(|(position, _)| *position == chapter.position);
            let after_ok = earliest_after
                .get(before)
                .is_none_or(|earliest| *earliest >= chapter.seconds);
            let before_ok = before
                .checked_sub(1)
                .and_then(|last| latest_before.get(last))
                .is_none_or(|latest| *latest <= chapter.seconds);
            !same_place && after_ok && before_ok
        })
        .collect()
}
