//! The feed module: the feed reader and its XML parser, built as a wasm
//! module of their own (`src/feed_module.rs`), which the element's script
//! loads when the widget first asks (`loadFeedReader` in
//! `js/episode-viewer.js`). A feed is then read in it, called directly; the
//! episode comes back encoded ([`decode_feed`]).

use js_sys::{Array, Function};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::import_module::{js_words, module_export};
use crate::core::error::ReadError;
use crate::core::feed::boundary::{decode_feed, FeedReader};
use crate::core::feed::EpisodeChoice;
use crate::core::import::transfer::FeedResult;
use crate::core::reader::Reader;

/// How the widget gets the feed module: the element script's function that
/// loads it (once a page) and resolves to its exports.
#[derive(Debug, Clone, Copy)]
pub struct FeedModule(StoredValue<Option<Function>, LocalStorage>);

impl FeedModule {
    /// Loads the module with `load` (none: feeds cannot be read).
    pub fn new(load: Option<Function>) -> Self {
        Self(StoredValue::new_local(load))
    }

    /// The module, loaded; why not, in words, when it could not be.
    pub async fn load(&self) -> Result<ModuleFeedReader, String> {
        let export = module_export(self.0.get_value(), "readFeed", "feed reader").await?;
        Ok(ModuleFeedReader(export))
    }
}

/// Reads feeds in the feed module.
#[derive(Debug)]
pub struct ModuleFeedReader(Function);

impl FeedReader for ModuleFeedReader {
    fn read(&self, text: &str, choice: &EpisodeChoice, _reader: Reader) -> FeedResult {
        let (guid, media) = match choice {
            EpisodeChoice::Guid(guid) => (JsValue::from_str(guid), JsValue::UNDEFINED),
            EpisodeChoice::Media(media) => (JsValue::UNDEFINED, JsValue::from_str(media)),
            EpisodeChoice::Only => (JsValue::UNDEFINED, JsValue::UNDEFINED),
        };
        let arguments: Array = [JsValue::from_str(text), guid, media].into_iter().collect();
        match self.0.apply(&JsValue::NULL, &arguments) {
            Ok(encoded) => decode_feed(&encoded.as_string().unwrap_or_default()),
            Err(error) => Err(ReadError::about_file(format!(
                "the feed reader stopped: {}",
                js_words(&error)
            ))),
        }
    }
}
