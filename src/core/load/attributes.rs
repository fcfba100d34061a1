//! The `<episode-viewer>` element's attributes, read in this one place:
//! the element's script observes exactly [`ATTRIBUTES`] (a test checks the
//! two lists agree), and the widget turns them into an [`EpisodeRequest`].

use super::{EpisodeRequest, Reader};
use crate::core::limits::download_time_limit;
use crate::core::time::parse_clock;

/// Every attribute the element reads; a change to any of them mounts the
/// widget again (`height` only restyles it, and `replace` hides the page's
/// elements that `#id` values name, both in the element's script).
pub const ATTRIBUTES: &[&str] = &[
    "src",
    "transcript",
    "notes",
    "duration",
    "audio",
    "chapters",
    "height",
    "images",
    "timeout",
    "title",
    "feed",
    "episode",
    "replace",
];

/// The element's attributes, each `None` when absent (and, for the files
/// and the title, when blank).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WidgetAttributes {
    /// `src`: episode JSON, a timed transcript or JSON Chapters.
    pub src: Option<String>,
    /// `transcript`: an untimed transcript, imported with estimated times.
    pub transcript: Option<String>,
    /// `notes`: show notes whose topic times become the chapters.
    pub notes: Option<String>,
    /// `chapters`: a JSON Chapters file whose chapters replace the
    /// episode's.
    pub chapters: Option<String>,
    /// `duration`: the episode's length (`31:00`, seconds).
    pub duration: Option<String>,
    /// `title`: the episode's title as the page gives it, replacing any
    /// title the files give.
    pub title: Option<String>,
    /// `audio`: a CSS selector for the media element to follow.
    pub audio: Option<String>,
    /// `images`: which images to load (`all`, `same-origin`, `none`).
    pub images: Option<String>,
    /// `timeout`: the seconds each download may take.
    pub timeout: Option<String>,
    /// `feed`: a podcast feed (RSS) to take the episode from.
    pub feed: Option<String>,
    /// `episode`: the guid of the feed's episode.
    pub episode: Option<String>,
}

impl WidgetAttributes {
    /// Reads the attributes with `attribute` (the element's
    /// `getAttribute`).
    pub fn read(attribute: impl Fn(&str) -> Option<String>) -> Self {
        let named = |name: &str| {
            attribute(name)
                .map(|value| value.trim().to_string())
                .filter(|value| !value.is_empty())
        };
        Self {
            src: named("src"),
            transcript: named("transcript"),
            notes: named("notes"),
            chapters: named("chapters"),
            duration: named("duration"),
            title: named("title"),
            audio: attribute("audio"),
            images: attribute("images"),
            timeout: attribute("timeout"),
            feed: named("feed"),
            episode: named("episode"),
        }
    }

    /// The files to load and what is known beside them; `page_language`
    /// chooses among an episode's transcripts, `media_source` (the URL the
    /// media plays) among a feed's episodes.
    pub fn episode_request(
        &self,
        page_language: Option<String>,
        media_source: Option<String>,
    ) -> EpisodeRequest {
        EpisodeRequest {
            src: self.src.clone(),
            transcript: self.transcript.clone(),
            notes: self.notes.clone(),
            chapters: self.chapters.clone(),
            feed: self.feed.clone(),
            episode: self.episode.clone(),
            media_source,
            duration: positive_time(self.duration.as_deref()),
            page_language,
            chapter_pins: true,
            reader: Reader::Widget,
        }
    }

    /// The time limit for each download, in milliseconds, or why `timeout`
    /// cannot be used.
    pub fn time_limit_ms(&self) -> Result<u32, String> {
        download_time_limit(self.timeout.as_deref())
    }
}

/// A positive, finite time from an attribute (`45`, `1:30`).
fn positive_time(value: Option<&str>) -> Option<f64> {
    value
        .and_then(parse_clock)
        .filter(|seconds| seconds.is_finite() && *seconds > 0.0)
}
