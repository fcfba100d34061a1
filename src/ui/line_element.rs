//! The line element every part of the transcript agrees on, written down
//! once: a `[part=line]` element with its index in `data-index` and its
//! text in `.ev-text`. `lines.rs` builds it; selection, gestures, marks
//! and the transcript's events find lines through here.

use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

/// The `part` of a line element.
pub const LINE_PART: &str = "line";
/// The class of the element holding a line's text.
pub const TEXT_CLASS: &str = "ev-text";
/// A selector for that element.
pub const TEXT_SELECTOR: &str = ".ev-text";
/// A selector for any line element.
const LINE_SELECTOR: &str = "[part=line]";
/// The attribute holding a line's index (`lines.rs` writes the same name
/// literally: the view macro takes attribute names only so).
const INDEX_ATTRIBUTE: &str = "data-index";

/// A selector for the element of line `index`.
pub fn line_selector(index: usize) -> String {
    format!("{LINE_SELECTOR}[{INDEX_ATTRIBUTE}=\"{index}\"]")
}

/// The line element `element` is in (or is), and its index.
pub fn line_around(element: &Element) -> Option<(Element, usize)> {
    let line = element.closest(LINE_SELECTOR).ok()??;
    let index = line.get_attribute(INDEX_ATTRIBUTE)?.parse().ok()?;
    Some((line, index))
}

/// The line an event happened in, and its index.
pub fn line_of_event(event: &Event) -> Option<(Element, usize)> {
    let target: Element = event.target()?.dyn_into().ok()?;
    line_around(&target)
}

/// The element holding the text of `line`.
pub fn text_of_line(line: &Element) -> Option<Element> {
    line.query_selector(TEXT_SELECTOR).ok().flatten()
}
