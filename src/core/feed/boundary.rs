//! Who reads a feed. The CLI and the tests link the feed reader in
//! ([`LinkedFeedReader`]); the widget keeps it (and its XML parser) out of
//! its own wasm module, in the module it loads for imports, and gets the
//! episode back as a compact text ([`encode_feed`], [`decode_feed`]).

use super::{read_feed, EpisodeChoice};
use crate::core::error::ReadError;
use crate::core::import::transfer::{read_feed_result, write_feed_result, FeedResult};
use crate::core::reader::Reader;

/// Reads a feed's episode: what [`read_feed`] and
/// [`FeedEpisode::into_document`](super::FeedEpisode::into_document) do,
/// wherever their code is.
pub trait FeedReader {
    /// The episode of `text` that `choice` names, as an episode JSON
    /// document, and its show notes.
    fn read(&self, text: &str, choice: &EpisodeChoice, reader: Reader) -> FeedResult;
}

/// The feed reader linked into this program.
#[derive(Debug, Clone, Copy, Default)]
pub struct LinkedFeedReader;

impl FeedReader for LinkedFeedReader {
    fn read(&self, text: &str, choice: &EpisodeChoice, reader: Reader) -> FeedResult {
        read_feed(text, choice, reader).map(super::FeedEpisode::into_document)
    }
}

/// A feed's episode as the import module hands it over.
pub fn encode_feed(result: &FeedResult) -> String {
    write_feed_result(result)
}

/// A feed's episode from what [`encode_feed`] gave.
pub fn decode_feed(text: &str) -> FeedResult {
    read_feed_result(text).unwrap_or_else(|| {
        Err(ReadError::about_file(
            "the feed reader's result could not be read (is the import module from another build?)",
        ))
    })
}
