//! Playing one range of the media (a highlight): from its start, paused
//! at its end, as a `#t=start,end` link plays. A seek out of the range
//! lets the media play on.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;

use super::media::{MediaClock, MediaRef};
use super::owner::keep_for_owner;
use super::stop::listen;

/// Plays ranges of the media (see [`use_range_play`]).
#[derive(Clone)]
pub struct RangePlay {
    clock: MediaClock,
    range: Rc<Cell<Option<(f64, f64)>>>,
}

impl RangePlay {
    /// Plays from `start` and pauses at `end`.
    pub fn play(&self, start: f64, end: f64) {
        self.range.set(Some((start, end)));
        self.clock.play_from(start);
    }
}

/// Ranges of `media` played with `clock`, its listeners released with the
/// current reactive owner.
pub fn use_range_play(media: MediaRef, clock: MediaClock) -> RangePlay {
    let range: Rc<Cell<Option<(f64, f64)>>> = Rc::default();
    let listeners = media.with_value(|element| {
        let (source, playing) = (element.clone(), range.clone());
        let on_time = listen(element, "timeupdate", move |_| {
            if let Some((start, end)) = playing.get() {
                let now = source.current_time();
                if now >= end || now < start - 1.0 {
                    playing.set(None);
                }
                if now >= end {
                    let _ = source.pause();
                }
            }
        });
        let (source, seeking) = (element.clone(), range.clone());
        let on_seeked = listen(element, "seeked", move |_| {
            let now = source.current_time();
            if seeking
                .get()
                .is_some_and(|(start, end)| now < start - 1.0 || now >= end)
            {
                seeking.set(None);
            }
        });
        vec![on_time, on_seeked]
    });
    keep_for_owner(listeners);
    RangePlay { clock, range }
}
