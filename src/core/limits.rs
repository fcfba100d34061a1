//! How much input the widget reads. Files beyond these limits fail with a
//! message that names the limit, instead of holding the page for seconds
//! or filling its memory: every parser is linear in its input, so the file
//! size bounds the time, and the entry count bounds the page's DOM.

use super::error::EpisodeError;

/// The largest file read, in bytes (20 MiB): a 10-hour episode with word
/// timings is about 5 MB as episode JSON and 7 MB as Podcasting 2.0 JSON.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// The most lines (cues, segments) or chapters read from one file: 200,000
/// is 300 hours of speech at a typical 600 lines an hour.
pub const MAX_ENTRIES: usize = 200_000;

/// The longest text of a single line (cue, segment), in bytes (1 MiB).
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;

/// How deeply JSON may nest (serde_json's own limit).
pub const MAX_JSON_DEPTH: usize = 128;

/// An error unless a file of `bytes` bytes is within [`MAX_FILE_BYTES`].
pub fn check_file_size(bytes: usize) -> Result<(), EpisodeError> {
    if bytes <= MAX_FILE_BYTES {
        return Ok(());
    }
    Err(EpisodeError {
        path: String::new(),
        message: format!(
            "the file is too large: {}; the widget reads files of up to {}",
            megabytes(bytes),
            megabytes(MAX_FILE_BYTES)
        ),
    })
}

/// An error at `place()` when `count` entries (the `what`, plural, e.g.
/// "cues") already read leave no room for one more.
pub fn check_entry_count(
    count: usize,
    what: &str,
    place: impl FnOnce() -> String,
) -> Result<(), EpisodeError> {
    if count < MAX_ENTRIES {
        return Ok(());
    }
    Err(EpisodeError {
        path: place(),
        message: format!(
            "too many {what}: the widget reads at most {}",
            thousands(MAX_ENTRIES)
        ),
    })
}

/// An error at `place()` when `text` is longer than [`MAX_TEXT_BYTES`].
pub fn check_text_length(text: &str, place: impl FnOnce() -> String) -> Result<(), EpisodeError> {
    if text.len() <= MAX_TEXT_BYTES {
        return Ok(());
    }
    Err(EpisodeError {
        path: place(),
        message: format!(
            "the text is too long: {}; the widget reads lines of up to {}",
            megabytes(text.len()),
            megabytes(MAX_TEXT_BYTES)
        ),
    })
}

/// `bytes` in MB (2^20 bytes) with one decimal, as people read file sizes.
pub fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10 + (1 << 19)) >> 20;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// `count` with thousands separators: `200,000`.
pub fn thousands(count: usize) -> String {
    let digits = count.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// A serde_json error in words, naming the nesting limit when that is what
/// was hit.
pub(crate) fn json_error(error: &serde_json::Error) -> EpisodeError {
    let message = if error.to_string().starts_with("recursion limit exceeded") {
        format!(
            "the JSON is nested too deeply at line {} column {}: the widget reads up to {MAX_JSON_DEPTH} levels",
            error.line(),
            error.column()
        )
    } else {
        format!("not valid JSON: {error}")
    };
    EpisodeError {
        path: String::new(),
        message,
    }
}
