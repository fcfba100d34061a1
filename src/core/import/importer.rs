//! The import itself: show notes give the episode its title and chapters,
//! a transcript its lines, with the times [`timed_lines`] estimates.

use super::html_transcript::read_html_transcript;
use super::plain_transcript::{read_plain_transcript, PlainTranscript};
use super::request::{ImportRequest, NamedText};
use super::run_together::{split_notes_lines, split_transcript_lines};
use super::show_notes::{find_note_chapters, notes_title, NoteChapter};
use super::text_lines::{html_lines, looks_like_html, plain_line_iter, plain_lines, TextLine};
use super::timed_lines::timed_lines;
use crate::core::episode::{resolve_end, Chapter, Episode, Timing};
use crate::core::error::{Place, ReadError};
use crate::core::formats::looks_like_html_transcript;
use crate::core::limits::{check_entry_count, check_file_size};
use crate::core::time::format_clock;
use crate::core::warnings::{excerpt, in_file, Warning, Warnings};

/// How the warning begins that an import without a duration gets.
pub const UNKNOWN_LENGTH: &str = "the episode's length is not known";

/// Builds an episode from show notes and an untimed transcript. With a
/// transcript, its lines have estimated times (`timing` is
/// [`Timing::Estimated`], and each line whose start was not given is marked
/// `estimated`); with notes, the chapters are the notes' topics. Problems
/// that could be passed over are listed in the episode's warnings, each
/// naming its file and line.
pub fn import_episode(sources: &ImportRequest) -> Result<Episode, ReadError> {
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
        note_chapters = add_notes(&mut episode, notes)?;
    }
    if let Some(transcript) = sources.transcript {
        let chapters = if sources.chapter_pins {
            note_chapters.as_slice()
        } else {
            &[]
        };
        add_transcript(&mut episode, transcript, chapters)?;
    }
    episode.chapters = episode_chapters(note_chapters, &episode);
    Ok(episode)
}

/// Gives `episode` the title of `notes` and their warnings; returns their
/// chapters, without those starting after the episode's end.
fn add_notes(episode: &mut Episode, notes: NamedText) -> Result<Vec<NoteChapter>, ReadError> {
    check_file_size(notes.text.len()).map_err(|error| error.in_file(notes.name))?;
    let mut warnings = Warnings::new();
    let (mut note_chapters, title) = read_notes(notes.text, &mut warnings);
    episode.title = title;
    check_entry_count(note_chapters.len(), "chapters", || Place::File)
        .map_err(|error| error.in_file(notes.name))?;
    if let Some(duration) = episode.duration {
        drop_chapters_after(duration, &mut note_chapters, &mut warnings);
    }
    episode
        .warnings
        .extend(in_file(notes.name, warnings.into_warnings()));
    Ok(note_chapters)
}

/// The chapters of show notes (plain text or HTML), and their title.
fn read_notes(text: &str, warnings: &mut Warnings) -> (Vec<NoteChapter>, Option<String>) {
    // A line at a time: notes of many short lines are never all held.
    let lines: Box<dyn Iterator<Item = TextLine>> = if looks_like_html(text) {
        Box::new(html_lines(text).into_iter())
    } else {
        Box::new(plain_line_iter(text))
    };
    // Where a title may stand: the first line with text, and the next.
    let mut opening = Vec::new();
    let lines = split_notes_lines(lines).inspect(|line| {
        if opening.len() < 2 && (!opening.is_empty() || !line.text.trim().is_empty()) {
            opening.push(line.clone());
        }
    });
    let note_chapters = find_note_chapters(lines, warnings);
    let title = notes_title(&opening, &note_chapters);
    (note_chapters, title)
}

/// Drops the chapters that start at or after `duration`, each with a
/// warning.
fn drop_chapters_after(duration: f64, chapters: &mut Vec<NoteChapter>, warnings: &mut Warnings) {
    chapters.retain(|chapter| {
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

/// Gives `episode` the lines and speakers of `transcript`, with estimated
/// times (`chapters` found in it serving as known times), and its warnings.
fn add_transcript(
    episode: &mut Episode,
    transcript: NamedText,
    chapters: &[NoteChapter],
) -> Result<(), ReadError> {
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
    Ok(())
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

/// The notes' chapters as the episode's, each ending where the next starts
/// and the last at the episode's end (its duration, or its last line's).
fn episode_chapters(note_chapters: Vec<NoteChapter>, episode: &Episode) -> Vec<Chapter> {
    let end = episode
        .duration
        .or_else(|| episode.lines.last().map(|line| line.end));
    let starts: Vec<f64> = note_chapters.iter().map(|chapter| chapter.start).collect();
    note_chapters
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
        .collect()
}
