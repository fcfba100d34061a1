//! What the host page can do with a widget: the state the element's JS
//! API (seek, current line, follow, search) reaches. Its DOM events are
//! sent by [`WidgetEvents`](crate::host::events::WidgetEvents).

use std::sync::{Arc, Mutex};

use leptos::prelude::*;

use super::search::SearchState;
use crate::core::Episode;
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

impl std::fmt::Debug for ControlsSlot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ControlsSlot")
            .field("loaded", &self.with(|_| ()).is_some())
            .finish()
    }
}

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
