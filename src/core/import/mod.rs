//! The importer: show notes with chapter times and an untimed plain text
//! transcript in speaker turns become an episode with estimated timings.
//!
//! Each paragraph of the transcript is split into sentences (a sentence of
//! fewer than four words joins the next), and each sentence becomes a line.
//! Line times come from [`estimate`]: known times are the start (0), every
//! time written in the transcript, the start of each chapter whose title
//! is found in the transcript (see [`chapter_pins`]), and the duration at
//! the end; between them time is spread in proportion to spoken length
//! (syllables), with a pause before each sentence, a longer one before
//! each paragraph and a longer one again at each change of speaker.

pub mod chapter_pins;
pub mod clock_marks;
pub mod estimate;
pub mod html_transcript;
mod paragraph_sentences;
pub mod plain_transcript;
mod run_in_turns;
pub mod run_together;
pub mod section_labels;
pub mod sentences;
pub mod show_notes;
pub mod speaker_names;
pub mod text_lines;
mod time_first;
pub mod transcript_file;

use super::episode::{resolve_end, Chapter, Episode, Line, Speaker, Timing};
use super::error::{Place, ReadError};
use super::formats::looks_like_html_transcript;
use super::limits::{check_entry_count, check_file_size, MAX_ENTRIES};
use super::limits::{cut_line, cut_speakers};
use super::time::format_clock;
use super::warnings::{excerpt, in_file, Warning, Warnings};
use estimate::{estimate_times, Pin, Span};
use html_transcript::read_html_transcript;
use paragraph_sentences::{anchor_place, split_paragraph, Sentence};
use plain_transcript::{read_plain_transcript, PlainTranscript};
use run_together::{split_notes_lines, split_transcript_lines};
use sentences::{spoken_length, spoken_so_far};
use show_notes::{find_note_chapters, notes_title, NoteChapter};
use text_lines::{html_lines, looks_like_html, plain_line_iter, plain_lines, TextLine};

/// Pause before a sentence within a paragraph, in syllables.
pub const SENTENCE_PAUSE: f64 = 1.0;
/// Pause before a new paragraph of the same speaker, in syllables.
pub const PARAGRAPH_PAUSE: f64 = 2.0;
/// Pause at a change of speaker, in syllables.
pub const TURN_PAUSE: f64 = 3.0;
/// How the warning begins that an import without a duration gets.
pub const UNKNOWN_LENGTH: &str = "the episode's length is not known";
/// Sentences shorter than this many words join the next one.
const SHORT_SENTENCE_WORDS: usize = 4;

/// A text file to import, and the name its warnings give it.
#[derive(Debug, Clone, Copy)]
pub struct Source<'t> {
    /// The file's name or URL, as messages should show it.
    pub name: &'t str,
    /// Its content.
    pub text: &'t str,
}

/// What to import.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportSources<'t> {
    /// A plain text transcript in speaker turns, without timings (or with
    /// a few written inline).
    pub transcript: Option<Source<'t>>,
    /// Show notes (plain text or HTML) whose topics carry times.
    pub notes: Option<Source<'t>>,
    /// The media's length in seconds, the last known time.
    pub duration: Option<f64>,
    /// Whether chapter starts found in the transcript serve as known times.
    pub chapter_pins: bool,
}

/// Builds an episode from show notes and an untimed transcript. With a
/// transcript, its lines have estimated times (`timing` is
/// [`Timing::Estimated`], and each line whose start was not given is marked
/// `estimated`); with notes, the chapters are the notes' topics. Problems
/// that could be passed over are listed in the episode's warnings, each
/// naming its file and line.
pub fn import_episode(sources: &ImportSources) -> Result<Episode, ReadError> {
    if sources.transcript.is_none() && sources.notes.is_none() {
        return Err(ReadError::about_file(
            "nothing to import: give a transcript, show notes or both",
        ));
    }
    let mut episode = Episode {
        duration: sources
            .duration
            .filter(|duration| duration.is_finite() && *duration > 0.0),
        ..Episode::default()
    };
    let mut note_chapters = Vec::new();
    if let Some(notes) = sources.notes {
        check_file_size(notes.text.len()).map_err(|error| error.in_file(notes.name))?;
        // A line at a time: notes of many short lines are never all held.
        let lines: Box<dyn Iterator<Item = TextLine>> = if looks_like_html(notes.text) {
            Box::new(html_lines(notes.text).into_iter())
        } else {
            Box::new(plain_line_iter(notes.text))
        };
        // Where a title may stand: the first line with text, and the next.
        let mut opening = Vec::new();
        let lines = split_notes_lines(lines).inspect(|line| {
            if opening.len() < 2 && (!opening.is_empty() || !line.text.trim().is_empty()) {
                opening.push(line.clone());
            }
        });
        let mut warnings = Warnings::new();
        note_chapters = find_note_chapters(lines, &mut warnings);
        episode.title = notes_title(&opening, &note_chapters);
        check_entry_count(note_chapters.len(), "chapters", || Place::File)
            .map_err(|error| error.in_file(notes.name))?;
        if let Some(duration) = episode.duration {
            note_chapters.retain(|chapter| {
                let inside = chapter.start < duration;
                if !inside {
                    warnings.push(Warning::at(
                        Place::Line(chapter.line_number),
                        format!(
                            "\"{}\" starts at {}, after the end of the episode ({}); skipped",
                            excerpt(&chapter.title),
                            format_clock(chapter.start),
                            format_clock(duration)
                        ),
                    ));
                }
                inside
            });
        }
        episode
            .warnings
            .extend(in_file(notes.name, warnings.into_warnings()));
    }
    if let Some(transcript) = sources.transcript {
        check_file_size(transcript.text.len()).map_err(|error| error.in_file(transcript.name))?;
        let mut warnings = Warnings::new();
        let plain = read_transcript_text(transcript.text, &mut warnings);
        if plain.paragraphs.is_empty() {
            let empty = ReadError::about_file("the transcript has no text");
            return Err(empty.in_file(transcript.name));
        }
        if episode.duration.is_none() {
            warnings.push(Warning::about_file(format!(
                "{UNKNOWN_LENGTH}, so the times after the last known time are extrapolated from the pace before it"
            )));
        }
        let chapters = if sources.chapter_pins {
            note_chapters.as_slice()
        } else {
            &[]
        };
        let (lines, speakers) = timed_lines(&plain, chapters, episode.duration, &mut warnings);
        check_entry_count(lines.len().saturating_sub(1), "transcript lines", || {
            Place::File
        })
        .map_err(|error| error.in_file(transcript.name))?;
        episode.lines = lines;
        episode.speakers = speakers;
        episode.timing = Timing::Estimated;
        episode
            .warnings
            .extend(in_file(transcript.name, warnings.into_warnings()));
    }
    let end = episode
        .duration
        .or_else(|| episode.lines.last().map(|line| line.end));
    let starts: Vec<f64> = note_chapters.iter().map(|chapter| chapter.start).collect();
    episode.chapters = note_chapters
        .into_iter()
        .enumerate()
        .map(|(index, chapter)| Chapter {
            start: chapter.start,
            end: resolve_end(&starts, index, None, end),
            title: chapter.title,
            img: None,
            url: None,
            in_toc: true,
        })
        .collect();
    Ok(episode)
}

/// A transcript's paragraphs: an HTML transcript's `<cite>`, `<time>` and
/// `<p>`, or plain text (or the text of other HTML) in speaker turns.
fn read_transcript_text(text: &str, warnings: &mut Warnings) -> PlainTranscript {
    if looks_like_html_transcript(text) {
        return read_html_transcript(text, warnings);
    }
    let lines = if looks_like_html(text) {
        html_lines(text)
    } else {
        plain_lines(text)
    };
    read_plain_transcript(&split_transcript_lines(lines))
}

/// The transcript's lines with estimated times, and its speakers.
fn timed_lines(
    plain: &PlainTranscript,
    chapters: &[NoteChapter],
    duration: Option<f64>,
    warnings: &mut Warnings,
) -> (Vec<Line>, Vec<Speaker>) {
    // One past the most lines a file may have is enough to refuse it.
    let sentences: Vec<Sentence> = plain
        .paragraphs
        .iter()
        .flat_map(split_paragraph)
        .take(MAX_ENTRIES + 1)
        .collect();
    let mut previous_speaker = None;
    let spans: Vec<Span> = sentences
        .iter()
        .enumerate()
        .map(|(index, sentence)| {
            let text = sentence.text();
            let speaker = sentence.paragraph.speaker;
            let pause_before = if index == 0 {
                0.0
            } else if sentence.first_in_paragraph
                && (sentence.paragraph.new_turn || speaker != previous_speaker)
            {
                TURN_PAUSE
            } else if sentence.first_in_paragraph {
                PARAGRAPH_PAUSE
            } else {
                SENTENCE_PAUSE
            };
            previous_speaker = speaker;
            Span {
                length: spoken_length(text),
                pause_before,
            }
        })
        .collect();
    let (starts, _) = estimate::line_positions(&spans);
    let mut pinned = vec![false; sentences.len()];
    let mut pins = Vec::new();
    let mut first_index = 0;
    for group in sentences.chunk_by(|a, b| std::ptr::eq(a.paragraph, b.paragraph)) {
        let Some(paragraph) = group.first().map(|sentence| sentence.paragraph) else {
            continue;
        };
        let so_far = if paragraph.anchors.is_empty() {
            Vec::new()
        } else {
            spoken_so_far(&paragraph.text)
        };
        for anchor in &paragraph.anchors {
            let (local, said_before) = anchor_place(group, &so_far, anchor.offset);
            let index = first_index + local;
            if said_before == 0.0 {
                if let Some(flag) = pinned.get_mut(index) {
                    *flag = true;
                }
            }
            pins.push(Pin {
                position: starts.get(index).copied().unwrap_or_default() + said_before,
                seconds: anchor.seconds,
                place: Place::Line(anchor.line_number),
                what: format!("the time {}", format_clock(anchor.seconds)),
            });
        }
        first_index += group.len();
    }
    if !chapters.is_empty() {
        let mut ignored = Warnings::new();
        let first_guess = estimate_times(&spans, pins.clone(), duration, &mut ignored);
        let guessed_starts: Vec<f64> = first_guess.iter().map(|(start, _)| *start).collect();
        let found = chapter_pins::find_chapter_pins(
            chapters,
            &sentences.iter().map(Sentence::text).collect::<Vec<_>>(),
            &starts,
            &guessed_starts,
        );
        let agreeing = chapter_pins::agreeing_with(&pins, found);
        pins = chapter_pins::merged_in_speech_order(pins, agreeing);
    }
    let times = estimate_times(&spans, pins, duration, warnings);
    let lines = sentences
        .iter()
        .zip(times)
        .zip(pinned)
        .map(|((sentence, (start, end)), pinned)| {
            let mut line = Line {
                start,
                end,
                speaker: sentence.paragraph.speaker,
                text: sentence.text().trim().to_string(),
                words: Vec::new(),
                estimated: !pinned,
                paragraph: sentence.first_in_paragraph && !sentence.paragraph.new_turn,
            };
            let place = Place::Line(sentence.paragraph.line_number);
            cut_line(&mut line, &place, warnings);
            line
        })
        .collect();
    let mut speakers: Vec<Speaker> = plain
        .speakers
        .iter()
        .map(|name| Speaker {
            name: name.clone(),
            img: None,
        })
        .collect();
    cut_speakers(&mut speakers, warnings);
    (lines, speakers)
}
