//! The loader driven as `host/load.rs` drives it, against files served
//! under [`PAGE`]: shared by the loader's tests.

use std::collections::BTreeMap;

use episode_viewer::core::episode_json::EpisodeDocument;
use episode_viewer::core::error::ReadError;
use episode_viewer::core::feed::boundary::{
    decode_feed, encode_feed, FeedReader, LinkedFeedReader,
};
use episode_viewer::core::feed::EpisodeChoice;
use episode_viewer::core::import::boundary::{decode_import, encode_import};
use episode_viewer::core::import::{import_episode, ImportRequest, Importer};
use episode_viewer::core::load::{
    DurationWait, EpisodeRequest, FileText, LoadError, Loader, Locate, Reader, Step,
};
use episode_viewer::core::Episode;

/// The page's folder: every file is served under it.
pub const PAGE: &str = "https://podcast.example/episodes/42/";

/// URLs as a browser joins them (enough for these files: relative paths
/// and absolute web URLs).
pub struct WebUrls;

pub fn join(reference: &str, base: &str) -> Option<String> {
    if reference.starts_with("https://") || reference.starts_with("http://") {
        return Some(reference.to_string());
    }
    let folder = base.rsplit_once('/')?.0;
    Some(format!("{folder}/{reference}"))
}

impl Locate for WebUrls {
    fn file(&self, reference: &str, base: &str) -> Option<String> {
        join(reference, base)
    }

    fn link(&self, reference: &str, base: &str) -> Option<String> {
        join(reference, base)
    }
}

/// What `load_from_web` lists among the files fetched when the loader asks
/// for the importer: the widget downloads its import module then.
pub const IMPORT_MODULE: &str = "(the import module)";

/// Imports as the widget's import module does: the result handed over as
/// the module hands it (encoded) and read back.
struct ImportModule;

impl Importer for ImportModule {
    fn import(&self, request: &ImportRequest) -> Result<Episode, ReadError> {
        decode_import(&encode_import(&import_episode(request)))
    }
}

/// What `load_from_web` lists among the files fetched when the loader asks
/// for a feed reader: the widget downloads its feed module then.
pub const FEED_MODULE: &str = "(the feed module)";

/// Reads feeds as the widget's feed module does: the episode handed over
/// encoded and read back.
struct FeedModule;

impl FeedReader for FeedModule {
    fn read(
        &self,
        text: &str,
        choice: &EpisodeChoice,
        reader: Reader,
    ) -> Result<(EpisodeDocument, Option<String>), ReadError> {
        decode_feed(&encode_feed(&LinkedFeedReader.read(text, choice, reader)))
    }
}

thread_local! {
    /// How often the loaders this thread drove paused.
    pub static PAUSES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Drives the loader as `host/load.rs` does, against `files` served under
/// [`PAGE`]; `media` is the duration the media element would give. Also
/// returns the URLs fetched and the duration waits asked for.
pub fn load_from_web(
    request: EpisodeRequest,
    files: &[(&str, &str, &str)],
    media: Option<f64>,
) -> (Result<Episode, LoadError>, Vec<String>, Vec<DurationWait>) {
    let served: BTreeMap<String, (&str, &str)> = files
        .iter()
        .map(|(path, text, content_type)| (format!("{PAGE}{path}"), (*text, *content_type)))
        .collect();
    let (mut fetched, mut waits) = (Vec::new(), Vec::new());
    let mut loader = Loader::new(request, WebUrls);
    let result = loop {
        match loader.step() {
            Err(error) => break Err(error),
            Ok(Step::Done(episode)) => break Ok(*episode),
            Ok(Step::Pause) => PAUSES.with(|pauses| pauses.set(pauses.get() + 1)),
            Ok(Step::MediaDuration(wait)) => {
                waits.push(wait);
                loader.take_media_duration(media);
            }
            Ok(Step::Importer) => {
                fetched.push(IMPORT_MODULE.to_string());
                loader.take_importer(Box::new(ImportModule));
            }
            Ok(Step::FeedReader) => {
                fetched.push(FEED_MODULE.to_string());
                loader.take_feed_reader(Box::new(FeedModule));
            }
            Ok(Step::Fetch(needs)) => {
                for need in &needs {
                    let url = join(&need.location, &format!("{PAGE}page.html")).unwrap();
                    fetched.push(url.clone());
                    let Some((text, content_type)) = served.get(&url) else {
                        return (
                            Err(LoadError::Fetch(format!("could not load \"{url}\": 404"))),
                            fetched,
                            waits,
                        );
                    };
                    let file = FileText {
                        text: text.to_string(),
                        content_type: Some(content_type.to_string()),
                        location: url,
                    };
                    loader.take_file(need, file);
                }
            }
        }
    };
    (result, fetched, waits)
}
