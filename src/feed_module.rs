//! The feed module's entry point: a wasm module of its own (this crate
//! built with `--no-default-features --features feed-module`) holding the
//! feed reader and its XML parser, which the widget loads only for a
//! `feed` attribute. See [`crate::core::feed::boundary`].

use wasm_bindgen::prelude::*;

use crate::core::feed::boundary::{encode_feed, FeedReader, LinkedFeedReader};
use crate::core::feed::EpisodeChoice;
use crate::core::load::Reader;

/// Reads the feed `text` and the episode with the guid `guid`, else the one
/// whose enclosure is the media `media` plays, else its only episode; gives
/// it encoded ([`crate::core::feed::boundary::decode_feed`] reads it).
#[wasm_bindgen(js_name = readFeed)]
pub fn read_feed_for_widget(text: String, guid: Option<String>, media: Option<String>) -> String {
    let choice = match (&guid, &media) {
        (Some(guid), _) => EpisodeChoice::Guid(guid),
        (None, Some(media)) => EpisodeChoice::Media(media),
        (None, None) => EpisodeChoice::Only,
    };
    encode_feed(&LinkedFeedReader.read(&text, &choice, Reader::Widget))
}
