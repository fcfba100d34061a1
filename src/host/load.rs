//! Loading an episode in the widget: the core's [`Loader`] decides which
//! files make the episode and reads them; this fetches each one it asks
//! for, and waits for the media's duration when it asks for that.

use crate::core::links::{is_page_reference, url_kind, UrlKind};
pub use crate::core::load::LoadError;
use crate::core::load::{DurationWait, EpisodeRequest, Loader, Locate, Step};
use crate::core::Episode;

use super::feed_module::FeedModule;
use super::fetch::{fetch_text, Download, FetchError};
use super::import_module::ImportModule;
use super::media::MediaRef;
use super::media_duration::{loads_metadata, media_duration};
use super::page_text::PageReader;
use super::prefetch::Prefetched;
use super::yielding::yield_to_browser;

impl From<FetchError> for LoadError {
    fn from(error: FetchError) -> Self {
        LoadError::Fetch(error.0)
    }
}

/// How long an import waits for the media's duration when nothing gives
/// one.
const DURATION_WAIT_MS: u32 = 3_000;

/// What the element's script hands the widget for loading: the downloads
/// it started, how to load the import and feed modules, and how to read
/// the page.
#[derive(Debug, Clone, Copy)]
pub struct ScriptHandoff {
    /// Downloads of the element's files already under way.
    pub prefetched: Prefetched,
    /// Loads the importer, for an episode that needs an import.
    pub import_module: ImportModule,
    /// Loads the feed reader, for a feed.
    pub feed_module: FeedModule,
    /// Reads the page's elements that `#id` values name.
    pub page_reader: PageReader,
}

impl ScriptHandoff {
    /// Nothing handed over: every file fetched here, no import possible.
    pub fn none() -> Self {
        Self {
            prefetched: Prefetched::new(None),
            import_module: ImportModule::new(None),
            feed_module: FeedModule::new(None),
            page_reader: PageReader::new(None),
        }
    }
}

/// Loads the episode `request` names, each download limited to
/// `time_limit_ms` and those already under way taken over (`handoff`);
/// `media` gives the duration when nothing else does.
pub async fn load_episode(
    request: EpisodeRequest,
    media: MediaRef,
    time_limit_ms: u32,
    handoff: ScriptHandoff,
) -> Result<Episode, LoadError> {
    let loaded = run_loader(request, media, time_limit_ms, handoff).await;
    handoff.prefetched.abort_rest();
    loaded
}

async fn run_loader(
    request: EpisodeRequest,
    media: MediaRef,
    time_limit_ms: u32,
    ScriptHandoff {
        prefetched,
        import_module,
        feed_module,
        page_reader,
    }: ScriptHandoff,
) -> Result<Episode, LoadError> {
    let mut loader = Loader::new(request, PageUrls);
    loop {
        match loader.step()? {
            Step::Fetch(needs) => {
                // The files of a round download side by side, read in
                // turn; the first failure aborts the others (dropped).
                let downloads: Vec<Option<Download>> = needs
                    .iter()
                    .map(|need| {
                        (!is_page_reference(&need.location)).then(|| {
                            prefetched
                                .take(&need.location)
                                .unwrap_or_else(|| Download::start(&need.location))
                        })
                    })
                    .collect();
                for (need, download) in needs.iter().zip(downloads) {
                    let file = match download {
                        Some(download) => {
                            fetch_text(&need.location, time_limit_ms, download).await?
                        }
                        None => page_reader.read(&need.location)?,
                    };
                    loader.take_file(need, file);
                }
            }
            Step::MediaDuration(wait) => {
                let wait_ms = match wait {
                    DurationWait::ForEstimate => DURATION_WAIT_MS,
                    // Waiting is worth it only while the metadata is on its way.
                    DurationWait::IfLoading if loads_metadata(media) => DURATION_WAIT_MS,
                    DurationWait::IfLoading => 0,
                };
                loader.take_media_duration(media_duration(media, wait_ms).await);
            }
            Step::Importer => {
                let importer = import_module.load().await.map_err(LoadError::Fetch)?;
                loader.take_importer(Box::new(importer));
            }
            Step::FeedReader => {
                let reader = feed_module.load().await.map_err(LoadError::Fetch)?;
                loader.take_feed_reader(Box::new(reader));
            }
            Step::Pause => yield_to_browser().await,
            Step::Done(episode) => return Ok(*episode),
        }
    }
}

/// URLs as the page's browser resolves them; only web URLs are kept.
struct PageUrls;

impl Locate for PageUrls {
    fn file(&self, reference: &str, base: &str) -> Option<String> {
        web_url(reference, base)
    }

    fn link(&self, reference: &str, base: &str) -> Option<String> {
        web_url(reference, base)
    }
}

/// `url` made absolute against `base`, when that gives a web URL.
fn web_url(url: &str, base: &str) -> Option<String> {
    web_sys::Url::new_with_base(url, base)
        .ok()
        .map(|url| url.href())
        .filter(|resolved| matches!(url_kind(resolved), UrlKind::Web(_)))
}

/// The page's language (`<html lang>`), for choosing among transcripts.
pub fn page_language() -> Option<String> {
    web_sys::window()?
        .document()?
        .document_element()?
        .get_attribute("lang")
        .filter(|lang| !lang.trim().is_empty())
}
