//! Files that are part of the page: an attribute value `#id` names an
//! element of the host page, whose markup is read instead of a download:
//! a transcript or show notes the page already shows (for search engines
//! and readers without JavaScript). What a reader does not see is left
//! out: scripts, styles, templates, hidden elements.

use web_sys::Element;

use super::fetch::FetchError;
use crate::core::load::FileText;

/// What is never part of an element's readable text.
const UNSEEN: &str = "script, style, template, noscript, [hidden], [aria-hidden=true]";

/// Whether `reference` (an attribute's value) names an element of the page.
pub fn is_page_reference(reference: &str) -> bool {
    reference.starts_with('#')
}

/// The element `reference` (`#id`) names.
pub fn page_element(reference: &str) -> Option<Element> {
    let id = reference.strip_prefix('#')?;
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// The markup of the element `reference` names, without what a reader does
/// not see, as the text of an HTML file at the page's address.
pub fn page_text(reference: &str) -> Result<FileText, FetchError> {
    let element = page_element(reference).ok_or_else(|| {
        FetchError(format!(
            "the page has no element with the id \"{}\": a value starting with # names an element of this page",
            reference.trim_start_matches('#')
        ))
    })?;
    let copy: Element = element
        .clone_node_with_deep(true)
        .ok()
        .and_then(|node| wasm_bindgen::JsCast::dyn_into(node).ok())
        .unwrap_or(element);
    if let Ok(unseen) = copy.query_selector_all(UNSEEN) {
        for index in 0..unseen.length() {
            if let Some(node) = unseen.item(index) {
                if let Some(parent) = node.parent_node() {
                    let _ = parent.remove_child(&node);
                }
            }
        }
    }
    let location = web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default();
    Ok(FileText {
        text: copy.inner_html(),
        content_type: Some("text/html".to_string()),
        location,
    })
}
