//! Files that are part of the page: an attribute value `#id` names an
//! element of the host page, whose markup is read instead of a download:
//! a transcript or show notes the page already shows (for search engines
//! and readers without JavaScript). The element's script reads that markup
//! (`pageFile` in `js/episode-viewer.js`, which also watches it for
//! changes) and hands it over with its downloads, so that reading the page
//! costs the widget's wasm nothing when no `#` reference is used.

use super::fetch::FetchError;

/// Whether `reference` (an attribute's value) names an element of the page.
pub fn is_page_reference(reference: &str) -> bool {
    reference.starts_with('#')
}

/// Why the element `reference` (`#id`) names could not be read: the page
/// has none with that id (the script hands over every one it has).
pub fn missing_element(reference: &str) -> FetchError {
    FetchError(format!(
        "the page has no element with the id \"{}\": a value starting with # names an element of this page",
        reference.trim_start_matches('#')
    ))
}

/// The address links in the page's own markup are relative to.
pub fn page_address() -> String {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten())
        .unwrap_or_default()
}
