//! The reader's text selection inside the widget's shadow root.
//!
//! `document.getSelection()` reports a selection inside a shadow tree as a
//! collapsed one at the host, so the shadow root's own `getSelection`
//! (Chromium's, not yet standard) is asked first.

use wasm_bindgen::JsCast;
use web_sys::{Node, Selection};

use super::owner::keep_for_owner;
use super::stop::listen;

/// Calls `changed` on every change of the page's selection, for as long as
/// the current reactive owner lives.
pub fn use_selection_change(changed: impl Fn() + 'static) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        keep_for_owner(listen(&document, "selectionchange", move |_| changed()));
    }
}

/// The selection as seen from `node`'s shadow root (or its document when
/// the browser has no per-root selection).
pub fn selection_around(node: &Node) -> Option<Selection> {
    let root = node.get_root_node();
    let get_selection = js_sys::Reflect::get(&root, &"getSelection".into())
        .ok()
        .and_then(|function| function.dyn_into::<js_sys::Function>().ok());
    match get_selection {
        Some(get_selection) => get_selection.call0(&root).ok()?.dyn_into().ok(),
        None => web_sys::window()?.get_selection().ok().flatten(),
    }
}

/// Whether the reader has selected text within `area` (a click that ends
/// a selection then is no click on a line).
pub fn has_selected_text(area: &Node) -> bool {
    selection_around(area).is_some_and(|selection| {
        !selection.is_collapsed()
            && selection.range_count() > 0
            && selection
                .anchor_node()
                .is_some_and(|anchor| area.contains(Some(&anchor)))
    })
}
