//! The problems a reader repaired or passed over, as values: each a
//! [`Warning`] that says which file, where in it, and what; kept to a
//! readable number (a file with a problem on every line must not hold, or
//! show, one message per line). The widget and the CLI format them.

use std::fmt;

use super::error::{Place, ReadError};
use super::text::thousands;

/// The most warnings kept for one file; the rest are counted.
pub const MAX_WARNINGS: usize = 100;

/// A problem that was repaired or passed over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The file's name as the user gave it, once known.
    pub file: Option<String>,
    /// Where in the file.
    pub place: Place,
    /// What was wrong, and what was done about it.
    pub message: String,
    /// How many problems it stands for: 1, or the number of those not
    /// kept for the line that counts them.
    pub problems: usize,
}

impl Warning {
    /// A problem at `place`.
    pub fn at(place: Place, message: impl Into<String>) -> Self {
        Self {
            file: None,
            place,
            message: message.into(),
            problems: 1,
        }
    }

    /// A problem with the file as a whole.
    pub fn about_file(message: impl Into<String>) -> Self {
        Self::at(Place::File, message)
    }

    /// A reader's error turned into a warning, saying what was done
    /// (`chapter skipped`).
    pub fn from_error(error: ReadError, done: &str) -> Self {
        Self::at(error.place, format!("{}; {done}", error.message))
    }

    /// The same warning, about the file `name`.
    pub fn in_file(mut self, name: &str) -> Self {
        self.file = Some(name.to_string());
        self
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "\"{file}\" ")?;
        }
        match self.place {
            Place::File => f.write_str(&self.message),
            ref place => write!(f, "{place}: {}", self.message),
        }
    }
}

/// Warnings about one file: the first [`MAX_WARNINGS`] in full, then a
/// count of the others.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Warnings {
    kept: Vec<Warning>,
    more: usize,
}

impl Warnings {
    /// No warnings yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a warning (only counted once [`MAX_WARNINGS`] are kept).
    pub fn push(&mut self, warning: Warning) {
        self.push_with(|| warning);
    }

    /// Adds the warning `warning()` makes, calling it only while there is
    /// room: a message that quotes input is not built just to be counted.
    pub fn push_with(&mut self, warning: impl FnOnce() -> Warning) {
        if self.kept.len() < MAX_WARNINGS {
            self.kept.push(warning());
        } else {
            self.more += 1;
        }
    }

    /// How many problems there were, counted or kept.
    pub fn count(&self) -> usize {
        self.kept.len() + self.more
    }

    /// The warnings kept, in the order they were added.
    pub fn kept(&self) -> &[Warning] {
        &self.kept
    }

    /// The warnings kept, then `and N more problems of the same kinds`
    /// when some were only counted.
    pub fn into_warnings(self) -> Vec<Warning> {
        let mut warnings = self.kept;
        if self.more > 0 {
            let noun = if self.more == 1 {
                "problem"
            } else {
                "problems"
            };
            warnings.push(Warning {
                problems: self.more,
                ..Warning::about_file(format!(
                    "and {} more {noun} of the same kinds",
                    thousands(self.more)
                ))
            });
        }
        warnings
    }
}

/// `text` for a message: at most 80 characters, cut with `…` (titles and
/// names a file gives can be long).
pub fn excerpt(text: &str) -> std::borrow::Cow<'_, str> {
    const MOST: usize = 80;
    match text.char_indices().nth(MOST) {
        None => text.into(),
        Some((cut, _)) => format!("{}…", text.get(..cut).unwrap_or(text)).into(),
    }
}

/// How many problems `warnings` (of one file or several) stand for.
pub fn problem_count(warnings: &[Warning]) -> usize {
    warnings.iter().map(|warning| warning.problems).sum()
}

/// A file's warnings, each about the file `name`.
pub fn in_file<'w>(
    name: &'w str,
    warnings: impl IntoIterator<Item = Warning> + 'w,
) -> impl Iterator<Item = Warning> + 'w {
    warnings
        .into_iter()
        .map(move |warning| warning.in_file(name))
}

/// Each warning as the widget and the CLI write it.
pub fn shown(warnings: &[Warning]) -> Vec<String> {
    warnings.iter().map(Warning::to_string).collect()
}
