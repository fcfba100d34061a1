//! The episode model the widget renders: lines, words, chapters, speakers.

use std::collections::BTreeMap;

use super::time_index::{span_of, TimeIndex, TimeSpan};

/// One podcast episode: metadata, a transcript and chapters, with lines and
/// chapters sorted by start time and every `end` resolved.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Episode {
    /// Episode title.
    pub title: Option<String>,
    /// Name of the podcast (the show).
    pub podcast: Option<String>,
    /// Publication date as the publisher wrote it (e.g. `2022-06-28`).
    pub published: Option<String>,
    /// Length of the media in seconds.
    pub duration: Option<f64>,
    /// BCP 47 language tag of the transcript.
    pub language: Option<String>,
    /// Everyone who speaks; [`Line::speaker`] indexes into this.
    pub speakers: Vec<Speaker>,
    /// Chapters sorted by start.
    pub chapters: Vec<Chapter>,
    /// Transcript lines sorted by start.
    pub lines: Vec<Line>,
    /// Moments the publisher points to (a feed's `podcast:soundbite`s),
    /// in the order given.
    pub highlights: Vec<Highlight>,
    /// Problems in the input that were repaired or skipped, each saying
    /// which file and where.
    pub warnings: Vec<crate::core::warnings::Warning>,
    /// Whether the times were measured or estimated from untimed text.
    pub timing: Timing,
}

/// How an episode's (or a line's) times came about.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Timing {
    /// Times as the input gave them, taken from the audio.
    #[default]
    Exact,
    /// Times estimated from untimed text (see [`crate::core::import`]): a
    /// line is highlighted whole, never word by word.
    Estimated,
}

/// A person speaking in the episode.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Speaker {
    /// Display name.
    pub name: String,
    /// URL of an avatar image.
    pub img: Option<String>,
    /// Their part in the show, lowercase as a feed's `podcast:person` gives
    /// it (`host`, `guest`), when known.
    pub role: Option<String>,
    /// URL of a page about them.
    pub href: Option<String>,
}

/// A moment the publisher points to: a start and a length, and its title
/// when it has one (else the transcript's words there stand for it).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Highlight {
    /// Start in seconds.
    pub start: f64,
    /// End in seconds, after the start.
    pub end: f64,
    /// What the publisher calls it.
    pub title: Option<String>,
}

/// One transcript line (a cue, a sentence or a paragraph).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Line {
    /// Start in seconds.
    pub start: f64,
    /// End in seconds; the next line's start when the input gave none.
    pub end: f64,
    /// Index into [`Episode::speakers`].
    pub speaker: Option<usize>,
    /// The spoken text, plain text (never HTML).
    pub text: String,
    /// Word timings, when the input has them.
    pub words: Vec<Word>,
    /// Whether the start was estimated rather than given.
    pub estimated: bool,
    /// Whether the line begins a new paragraph within its speaker's turn.
    pub paragraph: bool,
}

/// One timed word inside a line.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// Start in seconds.
    pub start: f64,
    /// End in seconds; the next word's start (or the line's end) when absent.
    pub end: f64,
    /// The word as written.
    pub text: String,
}

/// One chapter.
#[derive(Debug, Clone, PartialEq)]
pub struct Chapter {
    /// Start in seconds.
    pub start: f64,
    /// End in seconds; the next chapter's start (or the episode's end).
    pub end: f64,
    /// Chapter title.
    pub title: String,
    /// URL of the chapter image.
    pub img: Option<String>,
    /// URL of a web page about the chapter.
    pub url: Option<String>,
    /// Whether the chapter is listed; an unlisted chapter (JSON Chapters
    /// `toc: false`) still counts as the current chapter while it plays.
    pub in_toc: bool,
}

impl Episode {
    /// Sets the episode's length to `duration` seconds (when positive and
    /// finite), ending there a last chapter that had no end.
    pub fn end_at(&mut self, duration: f64) {
        if !(duration.is_finite() && duration > 0.0) {
            return;
        }
        self.duration = Some(duration);
        if let Some(last) = self.chapters.last_mut() {
            if last.end <= last.start && duration > last.start {
                last.end = duration;
            }
        }
    }

    /// For each speaker (by index into [`Episode::speakers`]), its place in
    /// the order in which the speakers first speak; speakers who never
    /// speak come after, in their listed order. The same episode read from
    /// any format gives every speaker the same place (and colour).
    pub fn speaker_order(&self) -> Vec<usize> {
        const UNPLACED: usize = usize::MAX;
        let mut order = vec![UNPLACED; self.speakers.len()];
        let mut next = 0;
        let first_turns = self.lines.iter().filter_map(|line| line.speaker);
        let listed = 0..self.speakers.len();
        for speaker in first_turns.chain(listed) {
            if let Some(place) = order.get_mut(speaker) {
                if *place == UNPLACED {
                    *place = next;
                    next += 1;
                }
            }
        }
        order
    }

    /// Index for finding the current transcript line.
    pub fn line_index(&self) -> TimeIndex {
        TimeIndex::new(self.lines.iter().map(|line| line.start))
    }

    /// Index for finding the current chapter.
    pub fn chapter_index(&self) -> TimeIndex {
        TimeIndex::new(self.chapters.iter().map(|chapter| chapter.start))
    }

    /// The chapters shown in lists (all but JSON Chapters' `toc: false`),
    /// with their indexes into [`Episode::chapters`].
    pub fn listed_chapters(&self) -> impl Iterator<Item = (usize, &Chapter)> {
        self.chapters
            .iter()
            .enumerate()
            .filter(|(_, chapter)| chapter.in_toc)
    }

    /// The speaker of a line, if it names one.
    pub fn speaker_of(&self, line: &Line) -> Option<&Speaker> {
        line.speaker.and_then(|index| self.speakers.get(index))
    }
}

/// An explicit end, else the next entry's start, else the episode's end,
/// never before the entry's own start.
/// Sorts `chapters` by start (stably) and gives each whose end is NaN (not
/// given) the next chapter's start, or `duration` for the last.
pub(crate) fn settle_chapter_ends(chapters: &mut [Chapter], duration: Option<f64>) {
    if !chapters.is_sorted_by(|a, b| a.start <= b.start) {
        chapters.sort_by(|a, b| a.start.total_cmp(&b.start));
    }
    let starts: Vec<f64> = chapters.iter().map(|chapter| chapter.start).collect();
    for (index, chapter) in chapters.iter_mut().enumerate() {
        let explicit = (!chapter.end.is_nan()).then_some(chapter.end);
        chapter.end = resolve_end(&starts, index, explicit, duration);
    }
}

pub(crate) fn resolve_end(
    starts: &[f64],
    index: usize,
    explicit: Option<f64>,
    duration: Option<f64>,
) -> f64 {
    let start = starts.get(index).copied().unwrap_or(0.0);
    explicit
        .or_else(|| starts.get(index + 1).copied())
        .or(duration)
        .unwrap_or(start)
        .max(start)
}

/// A line's text as shown, and where each timed word sits in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayText {
    /// The text: the line's text, or its words joined when it has words.
    pub text: String,
    /// Byte range of each word of [`Line::words`] in `text`.
    pub words: Vec<std::ops::Range<usize>>,
}

impl Line {
    /// The timed word being spoken at `time`: the last whose start is
    /// `<= time` (binary search; `None` before the first and for NaN).
    pub fn word_at(&self, time: f64) -> Option<usize> {
        self.words
            .partition_point(|word| word.start <= time)
            .checked_sub(1)
    }

    /// The times around `time` within which [`Line::word_at`] gives the
    /// same answer.
    pub fn word_span(&self, time: f64) -> TimeSpan {
        span_of(&self.words, |word| word.start, time)
    }

    /// The text to show and search. With word timings it is the words
    /// joined by spaces (punctuation sent as its own word attaches to the
    /// word before), so that each word can be marked in place.
    pub fn display_text(&self) -> DisplayText {
        if self.words.is_empty() {
            return DisplayText {
                text: self.text.clone(),
                words: Vec::new(),
            };
        }
        let mut text = String::new();
        let mut words = Vec::with_capacity(self.words.len());
        for word in &self.words {
            if !text.is_empty() && !is_attached_punctuation(&word.text) {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(&word.text);
            words.push(start..text.len());
        }
        DisplayText { text, words }
    }
}

/// Punctuation written as its own word, which joins the word before it.
pub(crate) fn is_attached_punctuation(token: &str) -> bool {
    !token.is_empty()
        && token
            .chars()
            .all(|c| matches!(c, '.' | ',' | '?' | '!' | ';' | ':' | '…'))
}

/// Speakers found by display name (or by a key they were declared with),
/// added as they are met.
#[derive(Debug, Default)]
pub struct SpeakerList {
    speakers: Vec<Speaker>,
    by_name: BTreeMap<String, usize>,
}

impl SpeakerList {
    /// The index of the speaker with key or name `name`, added if new.
    pub fn index_of(&mut self, name: &str) -> usize {
        match self.by_name.get(name) {
            Some(&index) => index,
            None => self.add_with_key(
                name,
                Speaker {
                    name: name.to_string(),
                    ..Speaker::default()
                },
            ),
        }
    }

    /// Adds a speaker found by `key` from now on; returns its index.
    pub fn add_with_key(&mut self, key: &str, speaker: Speaker) -> usize {
        let index = self.speakers.len();
        self.speakers.push(speaker);
        self.by_name.insert(key.to_string(), index);
        index
    }

    /// The speakers, in the order they were met.
    pub fn into_vec(self) -> Vec<Speaker> {
        self.speakers
    }
}
