//! The load, one step at a time: the request's files, then those an
//! episode JSON (or a feed) names, then the media's duration when an estimate or an
//! open last chapter needs it, then the episode.

use super::assemble::{assemble, chapters_end, prepare, Assembly, Prepared};
use super::feed_file::read_feed_file;
use super::files::FileStore;
use super::locate::Locate;
use super::main_file::{first_needs, read_document, read_main, MainFile, MainRead};
use super::request::{DurationWait, EpisodeRequest, FileNeed, FileText, LoadError, Step};
use crate::core::episode::Episode;
use crate::core::episode_json::EpisodeJsonReader;
use crate::core::feed::boundary::{FeedReader, LinkedFeedReader};
use crate::core::formats::FileFormat;
use crate::core::import::{Importer, LinkedImporter};

/// Loads the episode an [`EpisodeRequest`] names, one [`Step`] at a time.
pub struct Loader<L: Locate> {
    request: EpisodeRequest,
    locate: L,
    stage: Stage,
    store: FileStore,
    media_duration: Option<Option<f64>>,
    main_format: Option<FileFormat>,
    importer: Option<Box<dyn Importer>>,
    feed_reader: Option<Box<dyn FeedReader>>,
}

enum Stage {
    Start,
    Read,
    ReadDocument(Option<Box<EpisodeJsonReader>>),
    ReadFeed,
    Detect(MainFile),
    Assemble(Prepared),
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
            store: FileStore::default(),
            media_duration: None,
            main_format: None,
            importer: None,
            feed_reader: None,
        }
    }

    /// What the loader needs next, or the episode; an error that names the
    /// file when the request or a file cannot be used. After `Done` or an
    /// error, the loader has nothing more to give.
    pub fn step(&mut self) -> Result<Step, LoadError> {
        loop {
            let missing = self.store.missing();
            if !missing.is_empty() {
                return Ok(Step::Fetch(missing));
            }
            match std::mem::replace(&mut self.stage, Stage::Done) {
                Stage::Start => {
                    self.store
                        .add_needs(first_needs(&self.request, &self.locate)?);
                    self.stage = Stage::Read;
                }
                Stage::Read => match read_main(&self.request, &self.store)? {
                    MainRead::Known(main, needs) => self.read(main, needs),
                    MainRead::Document(reader) => self.stage = Stage::ReadDocument(Some(reader)),
                    MainRead::Feed => self.stage = Stage::ReadFeed,
                },
                Stage::ReadFeed => {
                    let Some(reader) = self.feed_reader.as_deref() else {
                        self.stage = Stage::ReadFeed;
                        return Ok(Step::FeedReader);
                    };
                    let (main, needs) =
                        read_feed_file(&self.request, &self.locate, &self.store, reader)?;
                    self.read(main, needs);
                }
                Stage::ReadDocument(mut reader) => {
                    let read =
                        read_document(&self.request, &self.locate, &self.store, &mut reader)?;
                    match read {
                        Some((main, needs)) => self.read(main, needs),
                        None => {
                            self.stage = Stage::ReadDocument(reader);
                            return Ok(Step::Pause);
                        }
                    }
                }
                Stage::Detect(main) => {
                    let prepared = prepare(main, &self.store, self.request.reader)?;
                    self.stage = Stage::Assemble(prepared);
                }
                Stage::Assemble(prepared) => {
                    let assembly = Assembly {
                        request: &self.request,
                        store: &self.store,
                        media_duration: self.media_duration,
                        locate: &self.locate,
                        importer: self.importer.as_deref(),
                    };
                    if self.media_duration.is_none() && assembly.estimate_needs_media(&prepared) {
                        self.stage = Stage::Assemble(prepared);
                        return Ok(Step::MediaDuration(DurationWait::ForEstimate));
                    }
                    if self.importer.is_none() && assembly.imports(&prepared) {
                        self.stage = Stage::Assemble(prepared);
                        return Ok(Step::Importer);
                    }
                    let episode = assemble(&assembly, prepared)?;
                    self.store = FileStore::default();
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

    /// The main file has been read: `needs` are the files it names.
    fn read(&mut self, main: MainFile, needs: Vec<FileNeed>) {
        self.store.add_needs(needs);
        self.main_format = main.format();
        self.stage = Stage::Detect(main);
    }

    /// Hands in the file `need` names (one [`Step::Fetch`] gave).
    pub fn take_file(&mut self, need: &FileNeed, file: FileText) {
        self.store.take(need, file);
    }

    /// The format the file `src` names was read as, once it was read.
    pub fn main_format(&self) -> Option<FileFormat> {
        self.main_format
    }

    /// Hands in what runs the imports (one [`Step::Importer`] asked for).
    pub fn take_importer(&mut self, importer: Box<dyn Importer>) {
        self.importer = Some(importer);
    }

    /// Hands in what reads feeds (one [`Step::FeedReader`] asked for).
    pub fn take_feed_reader(&mut self, reader: Box<dyn FeedReader>) {
        self.feed_reader = Some(reader);
    }

    /// Hands in the media's duration (`None` when it stayed unknown).
    pub fn take_media_duration(&mut self, duration: Option<f64>) {
        let usable = duration.filter(|seconds| seconds.is_finite() && *seconds > 0.0);
        self.media_duration = Some(usable);
    }
}

/// Runs a loader to the end, fetching each file with `fetch` (in the order
/// asked) and answering every question about the media's duration with
/// `None`, importing with the importer linked in: how the CLI, which has
/// no media, loads. Gives the episode and
/// the format `src` was read as ([`Loader::main_format`]).
pub fn load_without_media<L: Locate>(
    request: EpisodeRequest,
    locate: L,
    mut fetch: impl FnMut(&FileNeed) -> Result<FileText, LoadError>,
) -> Result<(Episode, Option<FileFormat>), LoadError> {
    let mut loader = Loader::new(request, locate);
    loop {
        match loader.step()? {
            Step::Fetch(needs) => {
                for need in &needs {
                    let file = fetch(need)?;
                    loader.take_file(need, file);
                }
            }
            Step::Pause => {}
            Step::MediaDuration(_) => loader.take_media_duration(None),
            Step::Importer => loader.take_importer(Box::new(LinkedImporter)),
            Step::FeedReader => loader.take_feed_reader(Box::new(LinkedFeedReader)),
            Step::Done(episode) => return Ok((*episode, loader.main_format())),
        }
    }
}
