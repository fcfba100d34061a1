//! Files that are part of the page: an attribute value `#id` names an
//! element of the host page, whose markup is read instead of a download:
//! a transcript or show notes the page already shows (for search engines
//! and readers without JavaScript). The element's script reads that markup
//! (`readPage` in `js/episode-viewer.js`, which also watches the element
//! for changes) whenever the widget asks, so that reading the page costs
//! the widget's wasm nothing when no `#` reference is used.

use js_sys::Function;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::fetch::FetchError;
use crate::core::load::FileText;

/// How the widget reads the page: the element script's function that
/// gives the markup of the element `#id` names (what a reader sees of it),
/// or `null` when the page has no such element.
#[derive(Debug, Clone, Copy)]
pub struct PageReader(StoredValue<Option<Function>, LocalStorage>);

impl PageReader {
    /// Reads the page with `read` (none: `#` references cannot be read).
    pub fn new(read: Option<Function>) -> Self {
        Self(StoredValue::new_local(read))
    }

    /// The markup of the element `reference` (`#id`) names, as the text of
    /// an HTML file at the page's base URL; read anew each time (a retry
    /// sees the page as it is now).
    pub fn read(&self, reference: &str) -> Result<FileText, FetchError> {
        let Some(read) = self.0.get_value() else {
            return Err(FetchError(format!(
                "\"{reference}\" names an element of the page, which only the element's script (episode-viewer.js) can read"
            )));
        };
        let markup = read
            .call1(&JsValue::NULL, &JsValue::from_str(reference))
            .ok()
            .and_then(|markup| markup.as_string());
        let Some(text) = markup else {
            return Err(FetchError(format!(
                "the page has no element with the id \"{}\": a value starting with # names an element of this page",
                reference.trim_start_matches('#')
            )));
        };
        Ok(FileText {
            text,
            content_type: Some("text/html".to_string()),
            location: page_address(),
        })
    }
}

/// The address links in the page's own markup are relative to.
fn page_address() -> String {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten())
        .unwrap_or_default()
}
