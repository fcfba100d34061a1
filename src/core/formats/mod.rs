//! Readers for the transcript and chapter files publishers already have:
//! WebVTT, SRT, Podcasting 2.0 JSON transcripts and JSON Chapters, and the
//! detection of which one a file is.

mod detect;
pub mod json_chapters;
pub mod podcast_json;
mod read_lines;
pub mod sbv;
pub mod srt;
pub mod webvtt;
pub mod whisper_json;

use super::warnings::Warnings;
use std::collections::BTreeMap;

use super::episode::{Episode, Line, Speaker, Word};
use super::episode_json::EpisodeError;
use super::limits::{check_entry_count, cut_speakers};
pub use detect::{choose_transcript, detect_format, looks_like_html_transcript, FileFormat};
pub use read_lines::ReadLines;

/// A transcript read from a file, with what had to be repaired or skipped.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Transcript {
    /// Lines sorted by start, ends resolved.
    pub lines: Vec<Line>,
    /// Speakers that [`Line::speaker`] indexes into.
    pub speakers: Vec<Speaker>,
    /// Problems that were repaired or skipped, each saying where.
    pub warnings: Vec<String>,
    /// Where in the file each line came from (`line 12`, `segments[3]`).
    pub places: Vec<String>,
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
                    img: None,
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
    pub fn push_checked(&mut self, cue: CueContent) -> Result<(), EpisodeError> {
        let place = || format!("line {}", cue.line_number);
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
            self.warnings
                .push(format!("line {}: empty cue skipped", cue.line_number));
            return;
        }
        self.read.push(
            format!("line {}", cue.line_number),
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
            warnings: self.warnings.into_messages(),
        }
    }
}

/// When entries (each its place and start, in file order) are not in time
/// order: a warning naming the first that starts before the one above it
/// (`what` names the kind of entry).
pub fn out_of_order<'p>(
    entries: impl IntoIterator<Item = (&'p str, f64)>,
    what: &str,
) -> Option<String> {
    let mut above_start = f64::NEG_INFINITY;
    entries.into_iter().find_map(|(place, start)| {
        let warning = (start < above_start).then(|| {
            format!("{place}: starts at {start}, before the {what} above it ({above_start}); {what}s were sorted into time order")
        });
        above_start = start;
        warning
    })
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
            if let (Some(name), _) = srt::split_speaker_label(&text) {
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
        match srt::split_speaker_label(text) {
            (Some(name), rest) if self.counts.get(name).is_some_and(|count| *count >= 2) => {
                Some((name.to_string(), rest.to_string()))
            }
            _ => None,
        }
    }
}

/// A file's warnings, each after the file's quoted name (`"a.vtt" line 3: …`).
pub fn in_file<'w>(name: &'w str, warnings: &'w [String]) -> impl Iterator<Item = String> + 'w {
    warnings
        .iter()
        .map(move |warning| format!("\"{name}\" {warning}"))
}

/// Reads a transcript file of a known transcript format.
pub fn read_transcript(format: FileFormat, text: &str) -> Result<Transcript, EpisodeError> {
    match format {
        FileFormat::WebVtt => webvtt::parse_webvtt(text),
        FileFormat::Srt => srt::parse_srt(text),
        FileFormat::PodcastJson => podcast_json::parse_podcast_json(text),
        FileFormat::WhisperJson => whisper_json::parse_whisper_json(text),
        FileFormat::Sbv => sbv::parse_sbv(text),
        FileFormat::HtmlTranscript | FileFormat::PlainText => Err(EpisodeError {
            path: String::new(),
            message: format!(
                "a {} has no timings of its own: it is imported with estimated times",
                format.name()
            ),
        }),
        FileFormat::EpisodeJson | FileFormat::JsonChapters => Err(EpisodeError {
            path: String::new(),
            message: format!(
                "this is a {} file, not a transcript (expected WebVTT, SRT, SBV, Podcasting 2.0 or whisper JSON)",
                format.name()
            ),
        }),
    }
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
