//! What the host page can do with and hear from a widget: the element's JS
//! API (seek, current line, follow, search) and its DOM events.

use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::HtmlElement;

use super::search::SearchState;
use crate::core::Episode;
use crate::host::events::dispatch;
use crate::host::media::MediaClock;
use crate::host::scroll::FollowScroll;

/// The loaded episode's state, as the JS API reaches it.
#[derive(Clone)]
pub struct LoadedControls {
    /// The episode.
    pub episode: Arc<Episode>,
    /// The media element.
    pub clock: MediaClock,
    /// Follow mode.
    pub follow: FollowScroll,
    /// Search.
    pub search: SearchState,
    /// Index of the current line.
    pub current_line: Memo<Option<usize>>,
}

/// Shared between the mounted widget (which fills it once the episode has
/// loaded) and the JS API (which reads it).
#[derive(Clone, Default)]
pub struct ControlsSlot(Arc<Mutex<Option<LoadedControls>>>);

impl ControlsSlot {
    /// Runs `action` on the loaded state; `None` before loading (or after a
    /// failure).
    pub fn with<T>(&self, action: impl FnOnce(&LoadedControls) -> T) -> Option<T> {
        let loaded = self.0.lock().ok()?.clone();
        loaded.as_ref().map(action)
    }

    /// Sets (or clears) the loaded state.
    pub fn set(&self, controls: Option<LoadedControls>) {
        if let Ok(mut slot) = self.0.lock() {
            *slot = controls;
        }
    }
}

/// Sends the widget's DOM events from its element; provided as context.
#[derive(Clone, Copy)]
pub struct WidgetEvents {
    host: StoredValue<Option<HtmlElement>, LocalStorage>,
}

impl WidgetEvents {
    /// Events from `host` (none when `None`).
    pub fn new(host: Option<HtmlElement>) -> Self {
        Self {
            host: StoredValue::new_local(host),
        }
    }

    fn send(&self, name: &str, fields: &[(&str, JsValue)]) {
        self.host.with_value(|host| {
            if let Some(host) = host {
                dispatch(host, name, fields);
            }
        });
    }

    /// `episode-viewer:ready`, with the counts of what was loaded.
    pub fn ready(&self, episode: &Episode) {
        let count = |n: usize| JsValue::from(n as u32);
        self.send(
            "ready",
            &[
                ("lines", count(episode.lines.len())),
                ("chapters", count(episode.listed_chapters().count())),
                ("speakers", count(episode.speakers.len())),
                (
                    "words",
                    count(episode.lines.iter().map(|line| line.words.len()).sum()),
                ),
                ("warnings", count(episode.warnings.len())),
            ],
        );
    }

    /// `episode-viewer:error`, with the message shown in the widget.
    pub fn error(&self, message: &str) {
        self.send("error", &[("message", message.into())]);
    }

    /// `episode-viewer:seek`, when the reader seeks from the widget.
    pub fn seek(&self, time: f64, from: &str) {
        self.send("seek", &[("time", time.into()), ("from", from.into())]);
    }
}
