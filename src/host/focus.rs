//! Moving keyboard focus.

use wasm_bindgen::JsCast;
use web_sys::{Element, FocusOptions, HtmlElement};

/// Focuses `element`, scrolling it into view unless `in_place`.
pub fn focus(element: Element, in_place: bool) {
    if let Ok(element) = element.dyn_into::<HtmlElement>() {
        let options = FocusOptions::new();
        options.set_prevent_scroll(in_place);
        let _ = element.focus_with_options(&options);
    }
}
