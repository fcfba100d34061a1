//! The error every reader returns: what is wrong, and where.

use std::fmt;

/// What is wrong with an input file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// Where in the file: a JSON path such as `transcript[3].start`, or
    /// `line 12` in a text format; empty for the file as a whole.
    pub path: String,
    /// What is wrong there.
    pub message: String,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for ReadError {}

/// `text` in double quotes, escaped as Rust's `{:?}` would (quotes,
/// backslashes, control characters), for error messages. A function of its
/// own because the release build compiles `Debug` formatting out.
pub(crate) fn quoted(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '\'' => quoted.push(c),
            c => quoted.extend(c.escape_debug()),
        }
    }
    quoted.push('"');
    quoted
}
