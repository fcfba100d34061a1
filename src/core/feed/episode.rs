//! One episode as a feed describes it, and as an episode JSON would.

use crate::core::episode::{Episode, Highlight, Speaker};
use crate::core::episode_json::{EpisodeDocument, FileRef};
use crate::core::warnings::Warning;

/// The namespaces of the Podcasting 2.0 tags: the one the specification
/// names, and the address of its document, which it says clients must
/// treat as the same.
pub const PODCAST_NAMESPACES: &[&str] = &[
    "https://podcastindex.org/namespace/1.0",
    "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md",
];
/// The iTunes namespace (`itunes:duration`, `itunes:summary`).
pub const ITUNES_NAMESPACES: &[&str] = &["http://www.itunes.com/dtds/podcast-1.0.dtd"];
/// The RSS content module (`content:encoded`).
pub const CONTENT_NAMESPACES: &[&str] = &["http://purl.org/rss/1.0/modules/content/"];

/// One episode as a feed describes it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FeedEpisode {
    /// The item's `<guid>`.
    pub guid: Option<String>,
    /// The item's `<title>`.
    pub title: Option<String>,
    /// The channel's `<title>`: the show.
    pub podcast: Option<String>,
    /// The item's `<pubDate>` as `YYYY-MM-DD`, or as written when it is
    /// not an RFC 822 date.
    pub published: Option<String>,
    /// `itunes:duration`, in seconds.
    pub duration: Option<f64>,
    /// The channel's `<language>`.
    pub language: Option<String>,
    /// The `<enclosure>`'s URL: the media.
    pub enclosure: Option<String>,
    /// Every `podcast:transcript`, a transcript without a `language` in
    /// the channel's.
    pub transcripts: Vec<FileRef>,
    /// The `podcast:chapters` file.
    pub chapters_file: Option<FileRef>,
    /// The show notes: `content:encoded`, else `<description>`, else
    /// `itunes:summary` (text or HTML).
    pub notes: Option<String>,
    /// The item's `podcast:person`s, or the channel's when the item names
    /// none (as the specification says: the item's replace the channel's).
    pub people: Vec<Person>,
    /// The item's `podcast:soundbite`s.
    pub soundbites: Vec<Soundbite>,
    /// What was skipped, each with its line in the feed.
    pub warnings: Vec<Warning>,
}

impl FeedEpisode {
    /// The episode as an episode JSON would give it: the metadata, the
    /// people as the speakers a transcript's speakers are matched with,
    /// the soundbites as highlights, and the transcript and chapters files
    /// to load; with the show notes, which are no part of it.
    pub fn into_document(self) -> (EpisodeDocument, Option<String>) {
        let speakers = self
            .people
            .into_iter()
            .map(|person| Speaker {
                name: person.name,
                img: person.img,
                role: Some(person.role),
                href: person.href,
            })
            .collect();
        let highlights = self
            .soundbites
            .into_iter()
            .map(|bite| Highlight {
                start: bite.start,
                end: bite.start + bite.duration,
                title: bite.title,
            })
            .collect();
        let episode = Episode {
            title: self.title,
            podcast: self.podcast,
            published: self.published,
            duration: self.duration,
            language: self.language,
            speakers,
            highlights,
            warnings: self.warnings,
            ..Episode::default()
        };
        let document = EpisodeDocument {
            episode,
            transcript_files: self.transcripts,
            chapters_file: self.chapters_file,
        };
        (document, self.notes)
    }
}

/// A `podcast:person`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Person {
    /// The name (the element's text).
    pub name: String,
    /// The role, lowercase: `host` when the feed gives none.
    pub role: String,
    /// The group, lowercase: `cast` when the feed gives none.
    pub group: String,
    /// `img`: a picture of them.
    pub img: Option<String>,
    /// `href`: a page about them.
    pub href: Option<String>,
}

/// A `podcast:soundbite`: a moment the publisher points to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Soundbite {
    /// `startTime`, in seconds.
    pub start: f64,
    /// `duration`, in seconds.
    pub duration: f64,
    /// The element's text, when not empty.
    pub title: Option<String>,
}
