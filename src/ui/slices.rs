//! Long lists built a slice at a time: the first items at once, the rest
//! appended between tasks, so that a file with 200,000 chapters never holds
//! the page for seconds.

use leptos::mount::{mount_to, UnmountHandle};
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use web_sys::HtmlElement;

use crate::host::tasks::spawn_owned;
use crate::host::yielding::{now_ms, yield_to_browser};

/// Items built with the rest of the view, before any slicing.
pub const FIRST_ITEMS: usize = 100;
/// Items appended together.
const BATCH_ITEMS: usize = 100;
/// How long one slice of building may run before the browser gets a turn
/// (the transcript's chunks are mounted in slices of the same length).
pub(super) const SLICE_MS: f64 = 8.0;

/// The appended batches of one list; dropping it removes them.
#[derive(Clone, Copy)]
pub struct Slices {
    mounted: StoredValue<Vec<UnmountHandle<AnyViewState>>, LocalStorage>,
}

impl Slices {
    /// Nothing appended yet; the batches live as long as the calling
    /// component.
    pub fn new() -> Self {
        Self {
            mounted: StoredValue::new_local(Vec::new()),
        }
    }

    /// Appends the items `make(FIRST_ITEMS..count)` to `parent` (once it
    /// exists), a batch at a time with the browser's turn between slices.
    pub fn append_rest(
        self,
        parent: impl Fn() -> Option<HtmlElement> + 'static,
        count: usize,
        make: impl Fn(usize) -> AnyView + Clone + 'static,
    ) {
        if count <= FIRST_ITEMS {
            return;
        }
        spawn_owned(async move {
            // The first items are mounted with the component, just before.
            yield_to_browser().await;
            let mut slice_started = now_ms();
            let mut start = FIRST_ITEMS;
            while start < count {
                let Some(parent) = parent() else { return };
                let end = (start + BATCH_ITEMS).min(count);
                let make = make.clone();
                let handle = mount_to(parent, move || {
                    (start..end).map(make).collect_view().into_any()
                });
                // The list went away meanwhile: stop (and drop the batch).
                if self
                    .mounted
                    .try_update_value(|mounted| mounted.push(handle))
                    .is_none()
                {
                    return;
                }
                start = end;
                if now_ms() - slice_started >= SLICE_MS {
                    yield_to_browser().await;
                    slice_started = now_ms();
                }
            }
        });
    }
}
