//! The error every reader returns (what is wrong, and where), and the
//! places in a file that errors and warnings point to.

use std::fmt;

/// What is wrong with an input file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// The file's name as the user gave it, when the error names it.
    pub file: Option<String>,
    /// Where in the file.
    pub place: Place,
    /// What is wrong there.
    pub message: String,
}

impl ReadError {
    /// An error at `place`.
    pub fn at(place: Place, message: impl Into<String>) -> Self {
        Self {
            file: None,
            place,
            message: message.into(),
        }
    }

    /// An error about the file as a whole.
    pub fn about_file(message: impl Into<String>) -> Self {
        Self::at(Place::File, message)
    }

    /// The same error, naming the file `name`.
    pub fn in_file(mut self, name: &str) -> Self {
        self.file = Some(name.to_string());
        self
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.file, &self.place) {
            (None, Place::File) => f.write_str(&self.message),
            (None, place) => write!(f, "{place}: {}", self.message),
            (Some(file), Place::File) => write!(f, "\"{file}\": {}", self.message),
            (Some(file), place) => write!(f, "\"{file}\" {place}: {}", self.message),
        }
    }
}

/// Where in a file an error or warning points.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Place {
    /// The file as a whole.
    #[default]
    File,
    /// A line of a text file (1-based).
    Line(usize),
    /// A place in a JSON document (boxed: a reader keeps one place per
    /// line, and most are lines of text files).
    Json(Box<JsonPlace>),
    /// Something the file names: `speaker "Ana Lima"`, `chapter "Intro"`.
    Named(String),
}

/// A place in a JSON document: `transcript[12].start`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonPlace {
    /// The entry of a top-level list the place is in (`transcript`, 12).
    pub item: Option<(String, usize)>,
    /// The path after that entry (`.start`), or the whole path when it is
    /// in no such entry.
    pub rest: String,
    /// The line of the file that entry starts on, once known.
    pub line: Option<usize>,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::File => Ok(()),
            Place::Line(line) => write!(f, "line {line}"),
            Place::Named(name) => f.write_str(name),
            Place::Json(json) => {
                if let Some((list, index)) = &json.item {
                    write!(f, "{list}[{index}]")?;
                }
                f.write_str(&json.rest)?;
                match json.line {
                    Some(line) => write!(f, " (line {line})"),
                    None => Ok(()),
                }
            }
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
