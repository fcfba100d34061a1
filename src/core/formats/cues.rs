//! Building a transcript from cues (WebVTT, SRT, SBV): speakers carried
//! from cue to cue, `Name: ` labels told from text.

use std::collections::BTreeMap;

use super::read_lines::ReadLines;
use super::transcript::Transcript;
use crate::core::episode::{Line, SpeakerList, Word};
use crate::core::error::{Place, ReadError};
use crate::core::limits::{check_entry_count, cut_speakers};
use crate::core::warnings::{Warning, Warnings};

/// Builds a transcript from cues (WebVTT, SRT): a cue naming a speaker sets
/// the speaker of the cues after it that name none; empty cues are skipped
/// with a warning.
#[derive(Debug, Default)]
pub struct CueLines {
    speakers: SpeakerList,
    current_speaker: Option<usize>,
    read: ReadLines,
    warnings: Warnings,
    /// Cues met, empty ones included (they count toward the limit).
    cues_met: usize,
}

/// One cue, as [`CueLines::push`] takes it.
pub struct CueContent {
    /// 1-based line of the cue's timing in the file.
    pub line_number: usize,
    /// Start in seconds.
    pub start: f64,
    /// End in seconds, as written.
    pub end: f64,
    /// Speaker the cue names, if it names one.
    pub speaker: Option<String>,
    /// The cue's text, whitespace collapsed.
    pub text: String,
    /// Timed words, if any.
    pub words: Vec<Word>,
}

impl CueLines {
    /// Starts with the warnings the file's reader already has.
    pub fn new(warnings: Warnings) -> Self {
        Self::with_capacity(warnings, 0)
    }

    /// Like [`CueLines::new`], with room for `cues` cues.
    pub fn with_capacity(warnings: Warnings, cues: usize) -> Self {
        Self {
            warnings,
            read: ReadLines::with_capacity(cues),
            ..Self::default()
        }
    }

    /// Adds a cue in file order, unless it is beyond the limits on cue count
    /// and text length ([`crate::core::limits`]).
    pub fn push_checked(&mut self, cue: CueContent) -> Result<(), ReadError> {
        let place = || Place::Line(cue.line_number);
        check_entry_count(self.cues_met, "cues", place)?;
        self.cues_met += 1;
        self.push(cue);
        Ok(())
    }

    fn push(&mut self, cue: CueContent) {
        if let Some(name) = cue.speaker.as_deref().filter(|name| !name.is_empty()) {
            self.current_speaker = Some(self.speakers.index_of(name));
        }
        if cue.text.is_empty() {
            self.warnings.push(Warning::at(
                Place::Line(cue.line_number),
                "empty cue skipped",
            ));
            return;
        }
        self.read.push(
            Place::Line(cue.line_number),
            Line {
                start: cue.start,
                end: cue.end,
                speaker: self.current_speaker,
                text: cue.text,
                words: cue.words,
                ..Line::default()
            },
        );
    }

    /// The transcript: lines sorted and repaired.
    pub fn finish(mut self) -> Transcript {
        let (lines, places) = self.read.finish("line", &mut self.warnings);
        let mut speakers = self.speakers.into_vec();
        cut_speakers(&mut speakers, &mut self.warnings);
        Transcript {
            lines,
            places,
            speakers,
            warnings: self.warnings.into_warnings(),
        }
    }
}

/// For cue texts that may begin `Name: ` (Zoom's WebVTT, YouTube's SBV):
/// the names that label two or more cues, so that a one-off `Warning: …`
/// stays text. Counted in a first pass over the texts, then asked of each.
#[derive(Debug, Default)]
pub struct RecurringLabels {
    counts: BTreeMap<String, usize>,
}

impl RecurringLabels {
    /// Counts the `Name: ` labels of `texts`.
    pub fn count(texts: impl IntoIterator<Item = String>) -> Self {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for text in texts {
            if let (Some(name), _) = split_speaker_label(&text) {
                match counts.get_mut(name) {
                    Some(count) => *count += 1,
                    None => {
                        counts.insert(name.to_string(), 1);
                    }
                }
            }
        }
        Self { counts }
    }

    /// The speaker and the rest of `text`, when it begins with a label that
    /// recurs.
    pub fn split(&self, text: &str) -> Option<(String, String)> {
        match split_speaker_label(text) {
            (Some(name), rest) if self.counts.get(name).is_some_and(|count| *count >= 2) => {
                Some((name.to_string(), rest.to_string()))
            }
            _ => None,
        }
    }
}

/// Lowercase words that may stand inside a name (`Ludwig van Beethoven`).
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "di", "del", "della", "van", "von", "der", "den", "la", "le", "bin", "al", "el",
    "y",
];

/// Splits a leading `Name:` (or `- Name:`, `>> Name:`, or full-width `：`) off a cue when
/// it looks like a speaker's name: at most four words, none starting in
/// lowercase except name particles and camel-case (`deGrasse`), no digits
/// only, no sentence punctuation. `Time check: 10:30` keeps its text.
pub fn split_speaker_label(text: &str) -> (Option<&str>, &str) {
    let Some((before, colon_and_after)) = text
        .find([':', '：'])
        .and_then(|colon| text.split_at_checked(colon))
    else {
        return (None, text);
    };
    let mut from_colon = colon_and_after.chars();
    let full_width = from_colon.next() == Some('：');
    let after = from_colon.as_str();
    if !(full_width || after.is_empty() || after.starts_with(char::is_whitespace)) {
        return (None, text);
    }
    let label = before.trim_start_matches(['-', '–', '>', ' ']).trim();
    let words: Vec<&str> = label.split_whitespace().collect();
    let looks_like_name = !label.is_empty()
        && label.chars().count() <= 40
        && words.len() <= 4
        && label.chars().any(char::is_alphabetic)
        && label
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '\'' | '’' | '-'))
        && words.iter().enumerate().all(|(position, word)| {
            let starts_lowercase = word.chars().next().is_some_and(char::is_lowercase);
            !starts_lowercase
                || (position > 0 && NAME_PARTICLES.contains(word))
                || word.chars().any(char::is_uppercase)
        });
    if looks_like_name {
        (Some(label), after.trim_start())
    } else {
        (None, text)
    }
}
