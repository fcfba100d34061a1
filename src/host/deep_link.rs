//! Deep links: `#t=` in the page URL moves the media there as soon as its
//! metadata is ready (and again when the fragment changes); a range
//! `#t=start,end` pauses at its end.

use super::owner::keep_for_owner;
use super::stop::listen;
use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;

use super::media::MediaRef;
use crate::core::fragment::{parse_time_fragment, TimeFragment};

/// Applies the page URL's `#t=` to the media for as long as the current
/// reactive owner lives; `seek` moves the media (and the widget with it),
/// `on_arrival` runs after the seek of a fragment the page was opened with
/// (not one changed later).
pub fn use_deep_link(
    media: MediaRef,
    seek: impl Fn(f64) + 'static,
    on_arrival: impl Fn() + 'static,
) {
    let seek = Rc::new(seek);
    let on_arrival = Rc::new(on_arrival);
    let pending: Rc<Cell<Option<(TimeFragment, bool)>>> = Rc::default();
    let stop_at: Rc<Cell<Option<f64>>> = Rc::default();
    let start = {
        let (seek, stop_at) = (seek.clone(), stop_at.clone());
        move |fragment: TimeFragment, on_load: bool| {
            seek(fragment.start);
            stop_at.set(fragment.end);
            if on_load {
                on_arrival();
            }
        }
    };
    let apply = {
        let (start, pending) = (start.clone(), pending.clone());
        move |on_load: bool| {
            let hash = window().location().hash().unwrap_or_default();
            let Some(fragment) = parse_time_fragment(&hash) else {
                return;
            };
            if media.with_value(|media| media.ready_state()) >= 1 {
                start(fragment, on_load);
            } else {
                pending.set(Some((fragment, on_load)));
            }
        }
    };
    apply(true);
    let listeners = media.with_value(|element| {
        let on_metadata = listen(element, "loadedmetadata", move |_| {
            if let Some((fragment, on_load)) = pending.take() {
                start(fragment, on_load);
            }
        });
        let source = element.clone();
        let on_time = listen(element, "timeupdate", move |_| {
            if stop_at
                .get()
                .is_some_and(|end| source.current_time() >= end)
            {
                stop_at.set(None);
                let _ = source.pause();
            }
        });
        let on_hash = listen(&window(), "hashchange", move |_| apply(false));
        vec![on_metadata, on_time, on_hash]
    });
    keep_for_owner(listeners);
}
