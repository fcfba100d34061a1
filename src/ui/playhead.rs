//! Where playback is, as memos: the current line, word, chapter and the
//! chapter's percent done. Each is fed by a position gate of its own (see
//! `MediaClock::position_across`), so it moves only when the position
//! crosses one of its boundaries, and most position reads cost nothing.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::time_index::{percent_span, percent_through};
use crate::core::{Episode, TimeSpan, Timing};
use crate::host::media::MediaClock;

/// The current line, word, chapter and percent of the chapter done.
#[derive(Clone, Copy)]
pub struct Playhead {
    /// Index of the current line.
    pub current_line: Memo<Option<usize>>,
    /// (line, word) of the current timed word.
    pub current_word: Memo<Option<(usize, usize)>>,
    /// Index (into `Episode::chapters`) of the current chapter.
    pub current_chapter: Memo<Option<usize>>,
    /// Whole percent of the current chapter played.
    pub chapter_percent: Memo<Option<u8>>,
}

/// Follows `clock` through `episode` for as long as the current owner lives.
pub fn use_playhead(episode: &Arc<Episode>, clock: MediaClock) -> Playhead {
    let line_index = Arc::new(episode.line_index());
    let chapter_index = Arc::new(episode.chapter_index());
    let line_time = {
        let lines = line_index.clone();
        clock.position_across(move |time| lines.span(time))
    };
    let word_time = {
        let (episode, lines) = (episode.clone(), line_index.clone());
        clock.position_across(move |time| {
            let line = lines.at(time).and_then(|line| episode.lines.get(line));
            let words = line.map_or(TimeSpan::ALL, |line| line.word_span(time));
            lines.span(time).intersect(words)
        })
    };
    let chapter_time = {
        let chapters = chapter_index.clone();
        clock.position_across(move |time| chapters.span(time))
    };
    let percent_time = {
        let (episode, chapters) = (episode.clone(), chapter_index.clone());
        clock.position_across(move |time| {
            let chapter = chapters
                .at(time)
                .and_then(|chapter| episode.chapters.get(chapter));
            let percent = chapter.map_or(TimeSpan::ALL, |chapter| {
                percent_span(chapter.start, chapter.end - chapter.start, time)
            });
            chapters.span(time).intersect(percent)
        })
    };
    let current_line = {
        let lines = line_index.clone();
        Memo::new(move |_| lines.at(line_time.get()))
    };
    let timed = episode.clone();
    // Estimated times mark whole lines, never single words.
    let words_timed = episode.timing == Timing::Exact;
    let current_word = Memo::new(move |_| {
        if !words_timed {
            return None;
        }
        // Before playback starts no word is being spoken.
        let time = word_time.get();
        if time <= 0.0 && !clock.playing.get() {
            return None;
        }
        let line = current_line.get()?;
        let word = timed.lines.get(line)?.word_at(time)?;
        Some((line, word))
    });
    let current_chapter = {
        let chapters = chapter_index.clone();
        Memo::new(move |_| chapters.at(chapter_time.get()))
    };
    let chapter_percent = {
        let episode = episode.clone();
        Memo::new(move |_| {
            let time = percent_time.get();
            let chapter = chapter_index
                .at(time)
                .and_then(|chapter| episode.chapters.get(chapter))?;
            Some(percent_through(
                chapter.start,
                chapter.end - chapter.start,
                time,
            ))
        })
    };
    Playhead {
        current_line,
        current_word,
        current_chapter,
        chapter_percent,
    }
}
