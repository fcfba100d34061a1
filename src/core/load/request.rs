//! What a load is asked for, what it asks for in turn, and how it fails.

use crate::core::episode::Episode;
pub use crate::core::reader::Reader;

/// What to load: each file as written (a URL or path, relative to the page
/// or the working folder), and what is known beside them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EpisodeRequest {
    /// Episode JSON, a timed transcript or JSON Chapters (`src`).
    pub src: Option<String>,
    /// A transcript to import with estimated times, or a timed one read
    /// as it is (`transcript`).
    pub transcript: Option<String>,
    /// Show notes whose topic times become the chapters (`notes`).
    pub notes: Option<String>,
    /// A JSON Chapters file whose chapters replace the episode's own
    /// (`chapters`).
    pub chapters: Option<String>,
    /// A podcast feed (RSS) to take the episode from (`feed`).
    pub feed: Option<String>,
    /// The guid of the feed's episode (`episode`).
    pub episode: Option<String>,
    /// The URL of the media the page plays: without a guid, the feed's
    /// episode is the one whose enclosure it is.
    pub media_source: Option<String>,
    /// The episode's length in seconds, the last known time of an import.
    pub duration: Option<f64>,
    /// The page's language, for choosing among an episode's transcripts.
    pub page_language: Option<String>,
    /// Whether chapter starts found in an imported transcript serve as
    /// known times.
    pub chapter_pins: bool,
    /// Who asked, for the words of messages.
    pub reader: Reader,
}

/// Why an episode could not be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// A file could not be fetched or read; trying again may work.
    Fetch(String),
    /// A file was fetched but cannot be used as it is.
    Unusable(String),
}

impl LoadError {
    /// What went wrong, naming the file.
    pub fn message(&self) -> &str {
        match self {
            LoadError::Fetch(message) | LoadError::Unusable(message) => message,
        }
    }

    /// Whether a Retry control makes sense.
    pub fn can_retry(&self) -> bool {
        matches!(self, LoadError::Fetch(_))
    }
}

/// Which part of the episode a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// What `src` names.
    Src,
    /// What `transcript` names.
    Transcript,
    /// What `notes` names.
    Notes,
    /// What `chapters` names.
    Chapters,
    /// What `feed` names.
    Feed,
    /// The transcript file an episode JSON (or a feed) refers to.
    EpisodeTranscript,
    /// The chapters file an episode JSON (or a feed) refers to.
    EpisodeChapters,
}

/// A file the loader needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileNeed {
    /// Which part of the episode it is.
    pub role: Role,
    /// Its name as written, for messages.
    pub name: String,
    /// Where to fetch or read it.
    pub location: String,
}

/// A file's text as it was fetched or read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileText {
    /// The content.
    pub text: String,
    /// The Content-Type it was sent with, when there was one.
    pub content_type: Option<String>,
    /// Where it finally came from (after redirects): what URLs inside it
    /// are relative to.
    pub location: String,
}

/// How long to wait for the media's duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DurationWait {
    /// A few seconds: times are estimated up to it.
    ForEstimate,
    /// Only while the media's metadata is on its way: it ends the last
    /// chapter, which nothing else ends.
    IfLoading,
}

/// What the loader needs next.
#[derive(Debug)]
pub enum Step {
    /// These files, in any order or all at once: hand each to
    /// [`Loader::take_file`](super::Loader::take_file).
    Fetch(Vec<FileNeed>),
    /// The media's duration, waited for as said: hand it to
    /// [`Loader::take_media_duration`](super::Loader::take_media_duration) (`None` when there is no media).
    MediaDuration(DurationWait),
    /// Something to run imports with (an untimed transcript, an HTML
    /// transcript or show notes are to be read): hand it to
    /// [`Loader::take_importer`](super::Loader::take_importer).
    Importer,
    /// Something to read a feed with: hand it to
    /// [`Loader::take_feed_reader`](super::Loader::take_feed_reader).
    FeedReader,
    /// More of a long file is to be read: call [`step`](super::Loader::step)
    /// again, after the page has had its turn (so that reading a long
    /// file never holds it for long).
    Pause,
    /// The episode, with its warnings.
    Done(Box<Episode>),
}
