//! What the whisper speech recognisers write as JSON:
//! - OpenAI whisper (`--output_format json`) and tools built on it
//!   (faster-whisper, WhisperX): `{"text", "segments": [{"start", "end",
//!   "text", "words": [{"word", "start", "end"}], "speaker"}], "language"}`,
//!   times in seconds;
//! - whisper.cpp (`-oj`): `{"transcription": [{"timestamps": {"from",
//!   "to"}, "offsets": {"from", "to"}, "text"}]}`, offsets in milliseconds.
//!
//! One line per segment, with the segment's words when every word has its
//! times.

use crate::core::json_value::{Map, Value};
use crate::core::warnings::{Warning, Warnings};

use super::read_lines::ReadLines;
use super::srt::parse_srt_time;
use super::transcript::Transcript;
use crate::core::episode::{Line, SpeakerList, Word};
use crate::core::error::ReadError;
use crate::core::json_fields::{
    error_at, expect_object, optional_array, optional_string, optional_time, required_string,
    required_time, Loc,
};
use crate::core::json_stream::read_streamed_array;
use crate::core::limits::{check_entry_count, check_file_size};

/// Reads a whisper or whisper.cpp JSON transcript. A bad segment is skipped
/// with a warning; a document with neither `segments` nor `transcription`
/// is an error.
pub fn parse_whisper_json(text: &str) -> Result<Transcript, ReadError> {
    check_file_size(text.len())?;
    let mut speakers = SpeakerList::default();
    let mut warnings = Warnings::new();
    let mut read = ReadLines::default();
    let mut read_segments = |key: &str| {
        let list_loc = Loc::Field(&Loc::Root, key);
        read_streamed_array(text, key, &mut |index, item| {
            let loc = Loc::Item(&list_loc, index);
            check_entry_count(index, "segments", || loc.place())?;
            take_segment(key, &item, &loc, &mut speakers, &mut read, &mut warnings);
            Ok(())
        })
    };
    let (root, mut count) = read_segments("segments")?;
    if count.is_none() && root.get("segments").is_none() {
        count = read_segments("transcription")?.1;
    }
    let Some(count) = count else {
        optional_array(&root, &Loc::Root, "segments")?;
        return Err(error_at(
            &Loc::Field(&Loc::Root, "segments"),
            "missing; expected whisper's list of segments (or whisper.cpp's transcription)",
        ));
    };
    if read.is_empty() && count > 0 && warnings.count() == count {
        if let Some(first) = warnings.kept().first() {
            return Err(ReadError::about_file(format!(
                "no segment could be read: {first}"
            )));
        }
    }
    Ok(read.into_transcript("segment", speakers, warnings))
}

/// Reads one segment of the list under `key` into `read`, or a warning.
fn take_segment(
    key: &str,
    item: &Value,
    loc: &Loc,
    speakers: &mut SpeakerList,
    read: &mut ReadLines,
    warnings: &mut Warnings,
) {
    let segment = expect_object(item, loc).and_then(|fields| {
        if key == "segments" {
            read_segment(fields, loc, speakers)
        } else {
            read_cpp_segment(fields, loc)
        }
    });
    match segment {
        Ok(line) if line.text.is_empty() => {
            warnings.push(Warning::at(loc.place(), "empty segment skipped"));
        }
        Ok(line) => read.push(loc.place(), line),
        Err(error) => warnings.push(Warning::from_error(error, "segment skipped")),
    }
}

/// A whisper segment: `start` and `end` in seconds, `text`, and optional
/// `words` and `speaker` (WhisperX).
fn read_segment(fields: &Map, loc: &Loc, speakers: &mut SpeakerList) -> Result<Line, ReadError> {
    let start = required_time(fields, loc, "start")?;
    let end = optional_time(fields, loc, "end")?.unwrap_or(start);
    let text = required_string(fields, loc, "text")?;
    let speaker = optional_string(fields, loc, "speaker")?
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty())
        .map(|name| speakers.index_of(&name));
    let words = match fields.get("words") {
        Some(Value::Array(words)) => timed_words(words),
        _ => Vec::new(),
    };
    Ok(Line {
        start,
        end,
        speaker,
        text: collapse(&text),
        words,
        ..Line::default()
    })
}

/// The words of a segment, when every one of them has its times (WhisperX
/// leaves them out for numbers it could not align).
fn timed_words(words: &[Value]) -> Vec<Word> {
    let read: Option<Vec<Word>> = words
        .iter()
        .map(|word| {
            let fields = word.as_object()?;
            let text = fields
                .get("word")
                .or_else(|| fields.get("text"))?
                .as_str()?;
            let start = fields.get("start")?.as_f64()?;
            let end = fields.get("end")?.as_f64()?;
            let finite = start.is_finite() && end.is_finite() && start >= 0.0;
            finite.then(|| Word {
                start,
                end: end.max(start),
                text: text.trim().to_string(),
            })
        })
        .collect();
    read.unwrap_or_default()
        .into_iter()
        .filter(|word| !word.text.is_empty())
        .collect()
}

/// A whisper.cpp segment: `offsets` in milliseconds (or `timestamps` as
/// `00:00:01,000`) and `text`.
fn read_cpp_segment(fields: &Map, loc: &Loc) -> Result<Line, ReadError> {
    let offsets = fields.get("offsets").and_then(Value::as_object);
    let stamps = fields.get("timestamps").and_then(Value::as_object);
    let time = |edge: &str| -> Option<f64> {
        let from_offsets = offsets
            .and_then(|offsets| offsets.get(edge)?.as_f64())
            .filter(|millis| millis.is_finite() && *millis >= 0.0)
            .map(|millis| millis / 1000.0);
        from_offsets.or_else(|| parse_srt_time(stamps?.get(edge)?.as_str()?))
    };
    let start = time("from").ok_or_else(|| {
        error_at(
            &Loc::Field(loc, "offsets"),
            "missing; expected \"offsets\": {\"from\": milliseconds, \"to\": milliseconds}",
        )
    })?;
    let end = time("to").unwrap_or(start);
    let text = required_string(fields, loc, "text")?;
    Ok(Line {
        start,
        end,
        text: collapse(&text),
        ..Line::default()
    })
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
