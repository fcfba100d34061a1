//! Podcasting 2.0 JSON transcripts (`application/json`):
//! `{"version": "1.0.0", "segments": [{"speaker", "startTime", "endTime", "body"}]}`
//! (<https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/examples/transcripts/transcripts.md>).
//! Runs of one-word segments (whole files of words, or words among
//! sentence segments) are regrouped into lines, keeping the words' timings.

use crate::core::json_value::Value;
use crate::core::warnings::{Warning, Warnings};

use super::read_lines::{out_of_order, ReadLines};
use super::transcript::Transcript;
use crate::core::episode::{is_attached_punctuation, Line, SpeakerList, Word};
use crate::core::error::{Place, ReadError};
use crate::core::json_fields::{
    error_at, expect_object, optional_array, optional_string, optional_time, required_string,
    required_time, Loc,
};
use crate::core::json_stream::read_streamed_array;
use crate::core::limits::{check_entry_count, check_file_size};

/// A gap this long between words starts a new line.
const PAUSE_SECONDS: f64 = 1.5;
/// A line without sentence ends is broken after this many words.
const MAX_WORDS_PER_LINE: usize = 40;

struct Segment {
    place: Place,
    speaker: Option<usize>,
    start: f64,
    end: Option<f64>,
    body: String,
}

/// Reads a Podcasting 2.0 JSON transcript. A bad segment is skipped with a
/// warning; a document without a `segments` list is an error.
pub fn parse_podcast_json(text: &str) -> Result<Transcript, ReadError> {
    check_file_size(text.len())?;
    let list_loc = Loc::Field(&Loc::Root, "segments");
    let mut speakers = SpeakerList::default();
    let mut warnings = Warnings::new();
    let mut segments = Vec::new();
    let (root, count) = read_streamed_array(text, "segments", &mut |index, item| {
        let loc = Loc::Item(&list_loc, index);
        check_entry_count(index, "segments", || loc.place())?;
        match read_segment(&item, &loc, &mut speakers) {
            Ok(segment) if segment.body.is_empty() => {
                warnings.push(Warning::at(segment.place, "empty segment skipped"));
            }
            Ok(segment) => segments.push(segment),
            Err(error) => warnings.push(Warning::from_error(error, "segment skipped")),
        }
        Ok(())
    })?;
    if count.is_none() {
        optional_array(&root, &Loc::Root, "segments")?;
        return Err(error_at(
            &Loc::Field(&Loc::Root, "segments"),
            "missing; expected the list of transcript segments",
        ));
    }
    let places_and_starts = segments
        .iter()
        .map(|segment| (&segment.place, segment.start));
    if let Some(warning) = out_of_order(places_and_starts, "segment") {
        warnings.push(warning);
        segments.sort_by(|a, b| a.start.total_cmp(&b.start));
    }
    // Runs of one-word segments (a file of words, or words among
    // sentences) become lines; each longer segment is a line of its own.
    // Each segment's text moves into its line rather than being copied.
    let mut read = ReadLines::with_capacity(segments.len());
    for run in segments.chunk_by_mut(|a, b| is_word(a) == is_word(b)) {
        match run {
            [first, _, ..] if is_word(first) => group_words(run, &mut read),
            _ => run
                .iter_mut()
                .for_each(|segment| add_segment_line(segment, &mut read)),
        }
    }
    drop(segments);
    Ok(read.into_transcript("line", speakers, warnings))
}

fn read_segment(item: &Value, loc: &Loc, speakers: &mut SpeakerList) -> Result<Segment, ReadError> {
    let fields = expect_object(item, loc)?;
    let start = required_time(fields, loc, "startTime")?;
    let end = optional_time(fields, loc, "endTime")?;
    let speaker = optional_string(fields, loc, "speaker")?
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty())
        .map(|name| speakers.index_of(&name));
    let body = required_string(fields, loc, "body")?;
    Ok(Segment {
        place: loc.place(),
        speaker,
        start,
        end,
        body: body.split_whitespace().collect::<Vec<_>>().join(" "),
    })
}

/// Whether a segment holds a word (or two, as `New York`) rather than a
/// sentence.
fn is_word(segment: &Segment) -> bool {
    segment.body.split(' ').count() <= 2
}

/// Moves a segment of its own into a line.
fn add_segment_line(segment: &mut Segment, read: &mut ReadLines) {
    read.push(
        std::mem::take(&mut segment.place),
        Line {
            start: segment.start,
            end: segment.end.unwrap_or(segment.start),
            speaker: segment.speaker,
            text: std::mem::take(&mut segment.body),
            ..Line::default()
        },
    );
}

/// Groups one-word segments into lines: a new line at a change of speaker,
/// after a sentence end, after a pause, or when a line grows too long.
fn group_words(segments: &[Segment], read: &mut ReadLines) {
    let mut previous: Option<&Segment> = None;
    for (index, segment) in segments.iter().enumerate() {
        let next_start = segments.get(index + 1).map(|next| next.start);
        let word = Word {
            start: segment.start,
            end: segment
                .end
                .or(next_start)
                .unwrap_or(segment.start)
                .max(segment.start),
            text: segment.body.clone(),
        };
        let starts_line = match (previous, read.last()) {
            (Some(previous), Some(current)) => {
                previous.speaker != segment.speaker
                    || ends_sentence(&previous.body)
                    || segment.start - previous.end.unwrap_or(segment.start) >= PAUSE_SECONDS
                    || current.words.len() >= MAX_WORDS_PER_LINE
            }
            _ => true,
        };
        if starts_line {
            read.push(
                segment.place.clone(),
                Line {
                    start: word.start,
                    end: word.end,
                    speaker: segment.speaker,
                    ..Line::default()
                },
            );
        }
        if let Some(line) = read.last_mut() {
            if !line.text.is_empty() && !is_attached_punctuation(&word.text) {
                line.text.push(' ');
            }
            line.text.push_str(&word.text);
            line.end = line.end.max(word.end);
            line.words.push(word);
        }
        previous = Some(segment);
    }
}

fn ends_sentence(word: &str) -> bool {
    word.trim_end_matches(['"', '\'', '”', '’', ')'])
        .ends_with(['.', '?', '!', '…', '。', '？', '！'])
}
