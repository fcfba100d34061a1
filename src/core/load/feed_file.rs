//! A feed as the main file: the episode the request names in it (by its
//! guid, else by the media the page plays), read by a feed reader, then
//! loaded as an episode JSON naming the same files would be.

use super::files::FileStore;
use super::locate::Locate;
use super::main_file::{document_files, MainFile};
use super::request::{EpisodeRequest, FileNeed, LoadError, Role};
use crate::core::feed::boundary::FeedReader;
use crate::core::feed::EpisodeChoice;

/// The feed's episode and the files it names, its show notes kept for the
/// chapters when it names no chapters file.
pub(super) fn read_feed_file(
    request: &EpisodeRequest,
    locate: &dyn Locate,
    store: &FileStore,
    reader: &dyn FeedReader,
) -> Result<(MainFile, Vec<FileNeed>), LoadError> {
    let Some((name, file)) = store.source(Role::Feed) else {
        return Err(LoadError::Unusable("the feed was not read".to_string()));
    };
    let choice = match (&request.episode, &request.media_source) {
        (Some(guid), _) => EpisodeChoice::Guid(guid),
        (None, Some(media)) => EpisodeChoice::Media(media),
        (None, None) => EpisodeChoice::Only,
    };
    let (document, notes) = reader
        .read(&file.text, &choice, request.reader)
        .map_err(|error| LoadError::Unusable(error.in_file(name).to_string()))?;
    let notes = notes
        .filter(|_| document.chapters_file.is_none())
        .map(|notes| (format!("{name} (show notes)"), notes));
    document_files(
        request,
        locate,
        (name, &file.location),
        document,
        "feed",
        notes,
    )
}
