//! What an import reads: the transcript and show notes, each with the name
//! its warnings give it, and what else is known of the episode.

/// A text file to import, and the name its warnings give it.
#[derive(Debug, Clone, Copy)]
pub struct NamedText<'t> {
    /// The file's name or URL, as messages should show it.
    pub name: &'t str,
    /// Its content.
    pub text: &'t str,
}

/// What to import.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportRequest<'t> {
    /// A plain text transcript in speaker turns, without timings (or with
    /// a few written inline).
    pub transcript: Option<NamedText<'t>>,
    /// Show notes (plain text or HTML) whose topics carry times.
    pub notes: Option<NamedText<'t>>,
    /// The media's length in seconds, the last known time.
    pub duration: Option<f64>,
    /// Whether chapter starts found in the transcript serve as known times.
    pub chapter_pins: bool,
}
