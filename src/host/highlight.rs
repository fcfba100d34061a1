//! Marking text with the CSS Custom Highlight API (`CSS.highlights`): the
//! browser paints the ranges, the DOM does not change, so marking thousands
//! of search matches costs no re-render. Styled by `::highlight(name)`.

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Node, Range};

/// The ranges one widget put into one named highlight, taken out again when
/// replaced or dropped (several widgets on a page share the name).
#[derive(Debug)]
#[must_use = "the ranges leave the highlight when this is dropped"]
pub struct HighlightRanges {
    name: &'static str,
    ranges: Vec<Range>,
}

impl HighlightRanges {
    /// No ranges yet in the highlight called `name`.
    pub fn new(name: &'static str) -> Self {
        Self {
            name,
            ranges: Vec::new(),
        }
    }

    /// Replaces this widget's ranges. Does nothing where the browser has no
    /// Custom Highlight API.
    pub fn replace(&mut self, ranges: Vec<Range>) {
        self.clear();
        self.extend(ranges);
    }

    /// Takes this widget's ranges out of the highlight.
    pub fn clear(&mut self) {
        if let Some(highlight) = shared_highlight(self.name) {
            for range in self.ranges.drain(..) {
                call(&highlight, "delete", &range);
            }
        }
        self.ranges.clear();
    }

    /// Adds ranges to this widget's.
    pub fn extend(&mut self, ranges: Vec<Range>) {
        if let Some(highlight) = shared_highlight(self.name) {
            for range in &ranges {
                call(&highlight, "add", range);
            }
            self.ranges.extend(ranges);
        }
    }
}

impl Drop for HighlightRanges {
    fn drop(&mut self) {
        self.replace(Vec::new());
    }
}

/// One range in the highlight called `name`, moved in place: two DOM calls
/// a move and no new objects (for the current word, which moves several
/// times a second).
#[derive(Debug)]
#[must_use = "the range leaves the highlight when this is dropped"]
pub struct MovingRange {
    highlight: Option<JsValue>,
    range: Option<Range>,
    shown: bool,
}

impl MovingRange {
    /// Not shown yet.
    pub fn new(name: &'static str) -> Self {
        Self {
            highlight: shared_highlight(name),
            range: leptos::prelude::document().create_range().ok(),
            shown: false,
        }
    }

    /// Marks UTF-16 offsets `start..end` of the text node `node`.
    pub fn show(&mut self, node: &Node, start: u32, end: u32) {
        let (Some(highlight), Some(range)) = (&self.highlight, &self.range) else {
            return;
        };
        if range.set_start(node, start).is_err() || range.set_end(node, end).is_err() {
            self.hide();
            return;
        }
        if !self.shown {
            call(highlight, "add", range);
            self.shown = true;
        }
    }

    /// Marks nothing.
    pub fn hide(&mut self) {
        if let (true, Some(highlight), Some(range)) = (self.shown, &self.highlight, &self.range) {
            call(highlight, "delete", range);
        }
        self.shown = false;
    }
}

impl Drop for MovingRange {
    fn drop(&mut self) {
        self.hide();
    }
}

/// The page's `Highlight` called `name`, registered on first use.
fn shared_highlight(name: &str) -> Option<JsValue> {
    let css = Reflect::get(&js_sys::global(), &"CSS".into()).ok()?;
    let registry = Reflect::get(&css, &"highlights".into())
        .ok()
        .filter(|r| !r.is_undefined())?;
    let existing = method(&registry, "get")?
        .call1(&registry, &name.into())
        .ok()?;
    if !existing.is_undefined() {
        return Some(existing);
    }
    let constructor: Function = Reflect::get(&js_sys::global(), &"Highlight".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let highlight = Reflect::construct(&constructor, &js_sys::Array::new()).ok()?;
    method(&registry, "set")?
        .call2(&registry, &name.into(), &highlight)
        .ok()?;
    Some(highlight)
}

fn method(target: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(target, &name.into()).ok()?.dyn_into().ok()
}

fn call(target: &JsValue, name: &str, argument: &JsValue) {
    if let Some(function) = method(target, name) {
        let _ = function.call1(target, argument);
    }
}

/// The text nodes inside an element, in order, with where each begins
/// (in UTF-16 units, as DOM offsets count), for making ranges over them.
pub struct TextNodes {
    nodes: Vec<(u32, Node)>,
    document: web_sys::Document,
}

impl TextNodes {
    /// Collects the text nodes of `element`.
    pub fn of(element: &Element) -> Option<Self> {
        let document = element.owner_document()?;
        let walker = document
            .create_tree_walker_with_what_to_show(element, 4)
            .ok()?; // SHOW_TEXT
        let mut nodes = Vec::new();
        let mut offset = 0u32;
        while let Some(node) = walker.next_node().ok().flatten() {
            let length = node
                .node_value()
                .map_or(0, |text| text.encode_utf16().count() as u32);
            nodes.push((offset, node));
            offset += length;
        }
        Some(Self { nodes, document })
    }

    /// The range covering UTF-16 offsets `start..end` of the element's text.
    pub fn range(&self, start: u32, end: u32) -> Option<Range> {
        let range = self.document.create_range().ok()?;
        let (start_at, start_node) = self.node_at(start)?;
        let (end_at, end_node) = self.node_at(end)?;
        range.set_start(start_node, start - start_at).ok()?;
        range.set_end(end_node, end - end_at).ok()?;
        Some(range)
    }

    /// The last node starting at or before `offset`.
    fn node_at(&self, offset: u32) -> Option<(u32, &Node)> {
        let index = self
            .nodes
            .partition_point(|(start, _)| *start <= offset)
            .checked_sub(1)?;
        self.nodes.get(index).map(|(start, node)| (*start, node))
    }
}
