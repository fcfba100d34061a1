//! The problems a reader repaired or passed over, kept to a readable
//! number: a file with a problem on every line must not hold (or show) one
//! message per line.

use super::limits::thousands;

/// The most warnings kept for one file; the rest are counted.
pub const MAX_WARNINGS: usize = 100;

/// How the line that counts the warnings not kept begins.
const MORE_PREFIX: &str = "and ";

/// Warnings about one file: the first [`MAX_WARNINGS`] in full, then a
/// count of the others.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Warnings {
    kept: Vec<String>,
    more: usize,
}

impl Warnings {
    /// No warnings yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a warning (only counted once [`MAX_WARNINGS`] are kept).
    pub fn push(&mut self, message: String) {
        self.push_with(|| message);
    }

    /// Adds the warning `message()` makes, calling it only while there is
    /// room: a message that quotes input is not built just to be counted.
    pub fn push_with(&mut self, message: impl FnOnce() -> String) {
        if self.kept.len() < MAX_WARNINGS {
            self.kept.push(message());
        } else {
            self.more += 1;
        }
    }

    /// How many problems there were, counted or kept.
    pub fn count(&self) -> usize {
        self.kept.len() + self.more
    }

    /// The warnings kept, in the order they were added.
    pub fn kept(&self) -> &[String] {
        &self.kept
    }

    /// The warnings kept, then `and N more problems of the same kinds`
    /// when some were only counted.
    pub fn into_messages(self) -> Vec<String> {
        let mut messages = self.kept;
        if self.more > 0 {
            messages.push(format!(
                "and {} more {} of the same kinds",
                thousands(self.more),
                if self.more == 1 {
                    "problem"
                } else {
                    "problems"
                }
            ));
        }
        messages
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

/// How many problems `messages` (from [`Warnings::into_messages`], of one
/// file or several, each perhaps named after its file) stand for: one each,
/// and N for each `and N more problems …` line.
pub fn problem_count(messages: &[String]) -> usize {
    messages
        .iter()
        .map(|message| counted_more(message).unwrap_or(1))
        .sum()
}

/// N, when `message` is an `and N more problem(s) of the same kinds` line
/// (after a file's quoted name or not).
fn counted_more(message: &str) -> Option<usize> {
    let tail = message.strip_suffix(" of the same kinds")?;
    let count_and_word = match tail.rfind(MORE_PREFIX) {
        Some(at) => tail.get(at + MORE_PREFIX.len()..)?,
        None => return None,
    };
    let (count, rest) = count_and_word.split_once(' ')?;
    if rest != "more problems" && rest != "more problem" {
        return None;
    }
    count.replace(',', "").parse().ok()
}

/// A file's warnings, each after the file's quoted name (`"a.vtt" line 3: …`).
pub fn in_file<'w>(name: &'w str, warnings: &'w [String]) -> impl Iterator<Item = String> + 'w {
    warnings
        .iter()
        .map(move |warning| format!("\"{name}\" {warning}"))
}
