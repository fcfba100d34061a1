//! Roving tabindex: one Tab stop into a list of controls; the arrow keys,
//! Home and End move between them.

use leptos::prelude::*;
use leptos::reactive::computed::Selector;

/// Which item of a list is the Tab stop (`tabindex="0"`; the rest `-1`).
#[derive(Clone)]
pub struct Roving {
    /// Index of the Tab stop.
    pub stop: RwSignal<usize>,
    is_stop: Selector<usize>,
}

impl Roving {
    /// The first item is the Tab stop.
    pub fn new() -> Self {
        let stop = RwSignal::new(0);
        Self {
            stop,
            is_stop: Selector::new(move || stop.get()),
        }
    }

    /// `tabindex` of item `index`, reactive; touches two items per move.
    pub fn tabindex(&self, index: usize) -> impl Fn() -> &'static str + Send + Sync + 'static {
        let is_stop = self.is_stop.clone();
        move || if is_stop.selected(&index) { "0" } else { "-1" }
    }
}

/// Where a key moves focus from item `from` of `count`: arrows by one,
/// PageUp/PageDown by ten, Home and End to the ends; `None` for other keys.
pub fn key_target(key: &str, from: usize, count: usize) -> Option<usize> {
    let last = count.checked_sub(1)?;
    match key {
        "ArrowDown" => Some((from + 1).min(last)),
        "ArrowUp" => Some(from.saturating_sub(1)),
        "PageDown" => Some((from + 10).min(last)),
        "PageUp" => Some(from.saturating_sub(10)),
        "Home" => Some(0),
        "End" => Some(last),
        _ => None,
    }
}
