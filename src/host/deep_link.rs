//! Deep links: `#t=` in the page URL moves the media there as soon as its
//! metadata is ready (and again when the fragment changes); a range
//! `#t=start,end` pauses at its end.

use std::cell::Cell;
use std::rc::Rc;

use gloo_events::EventListener;
use leptos::prelude::*;

use super::media::MediaRef;
use crate::core::fragment::{parse_time_fragment, TimeFragment};

/// Applies the page URL's `#t=` to the media for as long as the current
/// reactive owner lives; `seek` moves the media (and the widget with it).
pub fn use_deep_link(media: MediaRef, seek: impl Fn(f64) + 'static) {
    let seek = Rc::new(seek);
    let pending: Rc<Cell<Option<TimeFragment>>> = Rc::default();
    let stop_at: Rc<Cell<Option<f64>>> = Rc::default();
    let start = {
        let (seek, stop_at) = (seek.clone(), stop_at.clone());
        move |fragment: TimeFragment| {
            seek(fragment.start);
            stop_at.set(fragment.end);
        }
    };
    let apply = {
        let (start, pending) = (start.clone(), pending.clone());
        move || {
            let hash = window().location().hash().unwrap_or_default();
            let Some(fragment) = parse_time_fragment(&hash) else {
                return;
            };
            if media.with_value(|media| media.ready_state()) >= 1 {
                start(fragment);
            } else {
                pending.set(Some(fragment));
            }
        }
    };
    apply();
    let listeners = media.with_value(|element| {
        let on_metadata = EventListener::new(element, "loadedmetadata", move |_| {
            if let Some(fragment) = pending.take() {
                start(fragment);
            }
        });
        let source = element.clone();
        let on_time = EventListener::new(element, "timeupdate", move |_| {
            if stop_at
                .get()
                .is_some_and(|end| source.current_time() >= end)
            {
                stop_at.set(None);
                let _ = source.pause();
            }
        });
        let on_hash = EventListener::new(&window(), "hashchange", move |_| apply());
        vec![on_metadata, on_time, on_hash]
    });
    StoredValue::new_local(listeners);
}
