//! Loading an episode, once for the widget and the CLI: an
//! [`EpisodeRequest`] (the element's attributes, or the CLI's arguments)
//! says which files make the episode; a [`Loader`] says which files it
//! needs next, takes each one's text as it is fetched or read, and gives
//! the finished [`Episode`] with its warnings. Fetching (the widget) and
//! reading files (the CLI) stay outside; everything else is decided here.
//!
//! The widget drives it in `host/load.rs`, the CLI in its `convert`
//! command, and `tests/load.rs` drives it both ways.

mod assemble;
pub mod attributes;
mod locate;
mod main_file;

use super::episode::Episode;
use assemble::{assemble, chapters_end, Assembly};
pub use locate::{FilePaths, Locate};
use main_file::{first_needs, read_main, MainFile};

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

/// Who loads: messages name what the user wrote in its terms.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Reader {
    /// The `<episode-viewer>` element.
    #[default]
    Widget,
    /// The command-line tool.
    Cli,
}

impl Reader {
    /// "this widget" or "this tool".
    pub fn itself(self) -> &'static str {
        match self {
            Reader::Widget => "this widget",
            Reader::Cli => "this tool",
        }
    }
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
    /// The transcript file an episode JSON refers to.
    EpisodeTranscript,
    /// The chapters file an episode JSON refers to.
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
    /// [`Loader::take_file`].
    Fetch(Vec<FileNeed>),
    /// The media's duration, waited for as said: hand it to
    /// [`Loader::take_media_duration`] (`None` when there is no media).
    MediaDuration(DurationWait),
    /// The episode, with its warnings.
    Done(Box<Episode>),
}

/// Loads the episode an [`EpisodeRequest`] names, one [`Step`] at a time.
pub struct Loader<L: Locate> {
    request: EpisodeRequest,
    locate: L,
    stage: Stage,
    needs: Vec<FileNeed>,
    files: Vec<(Role, FileText)>,
    media_duration: Option<Option<f64>>,
}

enum Stage {
    Start,
    Read,
    Assemble(MainFile),
    Finish(Box<Episode>),
    Done,
}

impl<L: Locate> Loader<L> {
    /// A loader for `request`, resolving the URLs inside files with
    /// `locate`.
    pub fn new(request: EpisodeRequest, locate: L) -> Self {
        Self {
            request,
            locate,
            stage: Stage::Start,
            needs: Vec::new(),
            files: Vec::new(),
            media_duration: None,
        }
    }

    /// What the loader needs next, or the episode; an error that names the
    /// file when the request or a file cannot be used. After `Done` or an
    /// error, the loader has nothing more to give.
    pub fn step(&mut self) -> Result<Step, LoadError> {
        loop {
            let missing: Vec<FileNeed> = self
                .needs
                .iter()
                .filter(|need| self.file(need.role).is_none())
                .cloned()
                .collect();
            if !missing.is_empty() {
                return Ok(Step::Fetch(missing));
            }
            match std::mem::replace(&mut self.stage, Stage::Done) {
                Stage::Start => {
                    self.needs = first_needs(&self.request)?;
                    self.stage = Stage::Read;
                }
                Stage::Read => {
                    let (main, needs) = read_main(self)?;
                    self.needs.extend(needs);
                    self.stage = Stage::Assemble(main);
                }
                Stage::Assemble(main) => {
                    let assembly = Assembly {
                        request: &self.request,
                        files: &self.files,
                        needs: &self.needs,
                        media_duration: self.media_duration,
                        locate: &self.locate,
                    };
                    if self.media_duration.is_none() && assembly.estimate_needs_media(&main) {
                        self.stage = Stage::Assemble(main);
                        return Ok(Step::MediaDuration(DurationWait::ForEstimate));
                    }
                    let episode = assemble(&assembly, main)?;
                    self.files.clear();
                    self.needs.clear();
                    self.stage = Stage::Finish(Box::new(episode));
                }
                Stage::Finish(mut episode) => {
                    match chapters_end(&episode, self.request.duration, self.media_duration) {
                        Some(None) => {
                            self.stage = Stage::Finish(episode);
                            return Ok(Step::MediaDuration(DurationWait::IfLoading));
                        }
                        Some(Some(end)) => episode.end_at(end),
                        None => {}
                    }
                    return Ok(Step::Done(episode));
                }
                Stage::Done => {
                    return Err(LoadError::Unusable(
                        "the episode was already loaded".to_string(),
                    ))
                }
            }
        }
    }

    /// Hands in the file `need` names (one [`Step::Fetch`] gave).
    pub fn take_file(&mut self, need: &FileNeed, file: FileText) {
        if self.file(need.role).is_none() {
            self.files.push((need.role, file));
        }
    }

    /// Hands in the media's duration (`None` when it stayed unknown).
    pub fn take_media_duration(&mut self, duration: Option<f64>) {
        let usable = duration.filter(|seconds| seconds.is_finite() && *seconds > 0.0);
        self.media_duration = Some(usable);
    }

    fn file(&self, role: Role) -> Option<&FileText> {
        self.files
            .iter()
            .find(|(held, _)| *held == role)
            .map(|(_, file)| file)
    }

    fn need(&self, role: Role) -> Option<&FileNeed> {
        self.needs.iter().find(|need| need.role == role)
    }
}

/// Runs a loader to the end, fetching each file with `fetch` (in the order
/// asked) and answering every question about the media's duration with
/// `None`: how the CLI, which has no media, loads.
pub fn load_without_media<L: Locate>(
    request: EpisodeRequest,
    locate: L,
    mut fetch: impl FnMut(&FileNeed) -> Result<FileText, LoadError>,
) -> Result<Episode, LoadError> {
    let mut loader = Loader::new(request, locate);
    loop {
        match loader.step()? {
            Step::Fetch(needs) => {
                for need in &needs {
                    let file = fetch(need)?;
                    loader.take_file(need, file);
                }
            }
            Step::MediaDuration(_) => loader.take_media_duration(None),
            Step::Done(episode) => return Ok(*episode),
        }
    }
}
