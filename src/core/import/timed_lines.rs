//! A read transcript's sentences as timed lines: each sentence's spoken
//! length and the pause before it, the times written in the text (and,
//! when asked for, the chapter starts found in it) as known times, and
//! [`estimate_times`] in between.

use super::chapter_pins;
use super::estimate::{estimate_times, line_positions, Pin, Span};
use super::paragraph_sentences::{anchor_place, split_paragraph, Sentence};
use super::plain_transcript::PlainTranscript;
use super::sentences::{spoken_length, spoken_so_far};
use super::show_notes::NoteChapter;
use crate::core::episode::{Line, Speaker};
use crate::core::error::Place;
use crate::core::limits::{cut_line, cut_speakers, MAX_ENTRIES};
use crate::core::time::format_clock;
use crate::core::warnings::Warnings;

/// Pause before a sentence within a paragraph, in syllables.
pub const SENTENCE_PAUSE: f64 = 1.0;
/// Pause before a new paragraph of the same speaker, in syllables.
pub const PARAGRAPH_PAUSE: f64 = 2.0;
/// Pause at a change of speaker, in syllables.
pub const TURN_PAUSE: f64 = 3.0;

/// The transcript's lines with estimated times, and its speakers.
pub(super) fn timed_lines(
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
    let spans = sentence_spans(&sentences);
    let (starts, _) = line_positions(&spans);
    let (mut pins, pinned) = written_pins(&sentences, &starts);
    if !chapters.is_empty() {
        pins = with_chapter_pins(pins, chapters, &sentences, &spans, &starts, duration);
    }
    let times = estimate_times(&spans, pins, duration, warnings);
    let lines = timed_sentences(&sentences, times, pinned, warnings);
    let mut speakers: Vec<Speaker> = plain
        .speakers
        .iter()
        .map(|name| Speaker {
            name: name.clone(),
            ..Speaker::default()
        })
        .collect();
    cut_speakers(&mut speakers, warnings);
    (lines, speakers)
}

/// Each sentence's spoken length and the pause before it.
fn sentence_spans(sentences: &[Sentence]) -> Vec<Span> {
    let mut previous_speaker = None;
    sentences
        .iter()
        .enumerate()
        .map(|(index, sentence)| {
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
                length: spoken_length(sentence.text()),
                pause_before,
            }
        })
        .collect()
}

/// The times written in the transcript as pins (in speech order, given
/// each sentence's position in `starts`), and for each sentence whether
/// one of them is its start.
fn written_pins(sentences: &[Sentence], starts: &[f64]) -> (Vec<Pin>, Vec<bool>) {
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
    (pins, pinned)
}

/// The written `pins` with the starts of the chapters found in the
/// transcript that agree with them, all in speech order. Chapters are
/// looked for near where a first estimate from the written pins puts them.
fn with_chapter_pins(
    pins: Vec<Pin>,
    chapters: &[NoteChapter],
    sentences: &[Sentence],
    spans: &[Span],
    starts: &[f64],
    duration: Option<f64>,
) -> Vec<Pin> {
    let mut ignored = Warnings::new();
    let first_guess = estimate_times(spans, pins.clone(), duration, &mut ignored);
    let guessed_starts: Vec<f64> = first_guess.iter().map(|(start, _)| *start).collect();
    let found = chapter_pins::find_chapter_pins(
        chapters,
        &sentences.iter().map(Sentence::text).collect::<Vec<_>>(),
        starts,
        &guessed_starts,
    );
    let agreeing = chapter_pins::agreeing_with(&pins, found);
    chapter_pins::merged_in_speech_order(pins, agreeing)
}

/// The sentences as lines with their `times`; a line is estimated unless
/// it is `pinned` (a written time is its start). Over-long lines are cut,
/// with a warning.
fn timed_sentences(
    sentences: &[Sentence],
    times: Vec<(f64, f64)>,
    pinned: Vec<bool>,
    warnings: &mut Warnings,
) -> Vec<Line> {
    sentences
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
        .collect()
}
