//! How much input the widget reads. Files beyond these limits fail with a
//! message that names the limit, instead of holding the page for seconds
//! or filling its memory: every parser is linear in its input, so the file
//! size bounds the time, and the entry count bounds the page's DOM.

use super::episode::{Chapter, Line, Speaker};
use super::error::{Place, ReadError};
use super::text::{megabytes, thousands};
use super::warnings::{Warning, Warnings};

/// The largest file read, in bytes (20 MiB): a 10-hour episode with word
/// timings is about 5 MB as episode JSON and 7 MB as Podcasting 2.0 JSON.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// The most lines (cues, segments) or chapters read from one file: 200,000
/// is 300 hours of speech at a typical 600 lines an hour.
pub const MAX_ENTRIES: usize = 200_000;

/// The longest text of a single line (cue, segment), in bytes (1 MiB).
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;

/// How deeply JSON may nest: lists and objects inside each other.
pub const MAX_JSON_DEPTH: usize = 128;

/// An error unless a file of `bytes` bytes is within [`MAX_FILE_BYTES`].
pub fn check_file_size(bytes: usize) -> Result<(), ReadError> {
    if bytes <= MAX_FILE_BYTES {
        return Ok(());
    }
    Err(ReadError::about_file(format!(
        "the file is too large: {}; the widget reads files of up to {}",
        megabytes(bytes),
        megabytes(MAX_FILE_BYTES)
    )))
}

/// An error at `place()` when `count` entries (the `what`, plural, e.g.
/// "cues") already read leave no room for one more.
pub fn check_entry_count(
    count: usize,
    what: &str,
    place: impl FnOnce() -> Place,
) -> Result<(), ReadError> {
    if count < MAX_ENTRIES {
        return Ok(());
    }
    Err(ReadError::at(
        place(),
        format!(
            "too many {what}: the widget reads at most {}",
            thousands(MAX_ENTRIES)
        ),
    ))
}

/// The most different `Name:` labels a transcript's lines are counted for
/// when telling speaker turns from other text: far more speakers than any
/// episode has, few enough that a label on every line costs little.
pub const MAX_SPEAKER_LABELS: usize = 2_000;

/// The longest speaker name, chapter title or word, in characters.
pub const MAX_NAME_CHARS: usize = 1_000;

/// Cuts `text` to at most `most` bytes, at a character boundary; whether it
/// was longer.
fn cut_to_bytes(text: &mut String, most: usize) -> bool {
    if text.len() <= most {
        return false;
    }
    let mut cut = most;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.truncate(cut);
    true
}

/// Cuts `text` to at most [`MAX_NAME_CHARS`] characters; how many it had
/// when it was longer.
fn cut_to_chars(text: &mut String) -> Option<usize> {
    let (cut, _) = text.char_indices().nth(MAX_NAME_CHARS)?;
    let had = MAX_NAME_CHARS + text.get(cut..).map_or(0, |rest| rest.chars().count());
    text.truncate(cut);
    Some(had)
}

/// Cuts a line to the limits: its text to [`MAX_TEXT_BYTES`], each word to
/// [`MAX_NAME_CHARS`] characters and its words to those whose text fits in
/// [`MAX_TEXT_BYTES`] together, with a warning at `place` for each cut.
pub fn cut_line(line: &mut Line, place: &Place, warnings: &mut Warnings) {
    let bytes = line.text.len();
    let at = |message: String| Warning::at(place.clone(), message);
    if cut_to_bytes(&mut line.text, MAX_TEXT_BYTES) {
        warnings.push(at(format!(
            "the text is too long ({}); cut to the first {}",
            megabytes(bytes),
            megabytes(MAX_TEXT_BYTES)
        )));
    }
    let mut long_words = 0;
    let mut total = 0;
    let mut fitting = line.words.len();
    for (index, word) in line.words.iter_mut().enumerate() {
        long_words += usize::from(cut_to_chars(&mut word.text).is_some());
        total += word.text.len() + 1;
        if total > MAX_TEXT_BYTES {
            fitting = index;
            break;
        }
    }
    if long_words > 0 {
        warnings.push(at(format!(
            "{} over {} characters long; cut to the first {}",
            if long_words == 1 {
                "a word is".to_string()
            } else {
                format!("{long_words} words are")
            },
            thousands(MAX_NAME_CHARS),
            thousands(MAX_NAME_CHARS)
        )));
    }
    if fitting < line.words.len() {
        warnings.push(at(format!(
            "the words make a text longer than {}; only the first {} kept",
            megabytes(MAX_TEXT_BYTES),
            thousands(fitting)
        )));
        line.words.truncate(fitting);
    }
}

/// Cuts a speaker name or chapter title (the `what`) to [`MAX_NAME_CHARS`]
/// characters, with a warning at `place()` when it was longer.
pub fn cut_name(
    name: &mut String,
    what: &str,
    place: impl FnOnce() -> Place,
    warnings: &mut Warnings,
) {
    if let Some(had) = cut_to_chars(name) {
        warnings.push(Warning::at(
            place(),
            format!(
                "the {what} is {} characters long; cut to the first {}",
                thousands(had),
                thousands(MAX_NAME_CHARS)
            ),
        ));
    }
}

/// Cuts each speaker's name to the limit ([`cut_name`]).
pub fn cut_speakers(speakers: &mut [Speaker], warnings: &mut Warnings) {
    for (index, speaker) in speakers.iter_mut().enumerate() {
        let place = || Place::Named(format!("speaker {}", index + 1));
        cut_name(&mut speaker.name, "name", place, warnings);
    }
}

/// Cuts each chapter's title to the limit ([`cut_name`]).
pub fn cut_chapters(chapters: &mut [Chapter], warnings: &mut Warnings) {
    for (index, chapter) in chapters.iter_mut().enumerate() {
        let place = || Place::Named(format!("chapter {}", index + 1));
        cut_name(&mut chapter.title, "title", place, warnings);
    }
}

/// How long a download may take when the `timeout` attribute says nothing,
/// in milliseconds.
pub const DEFAULT_TIME_LIMIT_MS: u32 = 30_000;

/// The longest time a browser timer can wait (2^31 - 1 ms, about 24.8
/// days); a longer one fires at once.
pub const LONGEST_TIMER_MS: u32 = i32::MAX as u32;

/// The download time limit the `timeout` attribute gives (seconds, or a
/// clock time such as `1:30`), in milliseconds: the default when it is
/// absent or not a time, at most [`LONGEST_TIMER_MS`], and an error that
/// says so when it is under a second (every download would fail).
pub fn download_time_limit(timeout: Option<&str>) -> Result<u32, String> {
    let Some(text) = timeout.map(str::trim).filter(|text| !text.is_empty()) else {
        return Ok(DEFAULT_TIME_LIMIT_MS);
    };
    match super::time::parse_clock(text).filter(|seconds| seconds.is_finite()) {
        None => Ok(DEFAULT_TIME_LIMIT_MS),
        Some(seconds) if seconds < 1.0 => Err(format!(
            "timeout=\"{text}\" is too short: each download needs at least 1 second (the default is {} seconds)",
            DEFAULT_TIME_LIMIT_MS / 1000
        )),
        Some(seconds) => Ok((seconds * 1000.0).min(f64::from(LONGEST_TIMER_MS)) as u32),
    }
}
