//! Following the host page's media element: its playback position and
//! play state as signals, and seeking it.

use std::cell::Cell;

use gloo_events::EventListener;
use leptos::prelude::*;
use web_sys::HtmlMediaElement;

use super::owner::keep_for_owner;
use super::stop::listen;
use super::tasks::spawn_owned;
use crate::core::TimeSpan;

/// Media events after which the playback position may have changed
/// (`emptied` and `loadeddata`: the player got a new `src`).
pub const POSITION_EVENTS: [&str; 8] = [
    "timeupdate",
    "seeked",
    "seeking",
    "play",
    "loadedmetadata",
    "ended",
    "emptied",
    "loadeddata",
];

/// Media events after which playing or paused may have changed.
const PLAY_STATE_EVENTS: [&str; 5] = ["play", "playing", "pause", "ended", "emptied"];

/// The host's media element, shareable between components.
pub type MediaRef = StoredValue<HtmlMediaElement, LocalStorage>;

/// The media element's playback position and state as signals, plus
/// seeking.
#[derive(Clone, Copy)]
pub struct MediaClock {
    /// Whether the media is playing.
    pub playing: ReadSignal<bool>,
    media: MediaRef,
    gates: StoredValue<Vec<PositionGate>, LocalStorage>,
}

impl MediaClock {
    /// Moves playback to `seconds` exactly, leaving play/pause as it is.
    pub fn seek(&self, seconds: f64) {
        self.media
            .with_value(|media| media.set_current_time(seconds));
        self.sample();
    }

    /// Moves playback to `seconds` and plays from there: what a listener
    /// clicking a line or chapter asks for. A refused `play()` (no user
    /// gesture, no source) leaves the media paused at `seconds`.
    pub fn play_from(&self, seconds: f64) {
        self.seek(seconds);
        let playing = self.media.with_value(|media| media.play());
        if let Ok(playing) = playing {
            spawn_owned(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(playing).await;
            });
        }
    }

    /// Calls `seeking` on every seek from anywhere (the host's own controls
    /// included), for as long as the current reactive owner lives.
    pub fn on_seeking(&self, seeking: impl Fn() + 'static) {
        let listener = self
            .media
            .with_value(|media| listen(media, "seeking", move |_| seeking()));
        keep_for_owner(listener);
    }

    /// Reads the position now (between media events, e.g. every frame).
    pub fn sample(&self) {
        offer(
            self.gates,
            self.media.with_value(HtmlMediaElement::current_time),
        );
    }

    /// The playback position in seconds, read on every [`POSITION_EVENTS`]
    /// and, while playing, every frame ([`MediaClock::sample`]), but
    /// published only when it leaves `spans(last published position)`: the
    /// times around it within which what the caller derives from it stays
    /// the same. Most position reads then cost no reactive work at all, and
    /// a word change wakes only what depends on words. Call it once per
    /// use, when setting up (each call adds a gate for the clock's life).
    pub fn position_across(&self, spans: impl Fn(f64) -> TimeSpan + 'static) -> ReadSignal<f64> {
        let time = self.media.with_value(HtmlMediaElement::current_time);
        let (position, set_position) = signal(time);
        let gate = PositionGate {
            set_position,
            quiet: Cell::new(spans(time)),
            spans: Box::new(spans),
        };
        self.gates.update_value(|gates| gates.push(gate));
        position
    }
}

/// Publishes positions unless they fall in the span around the last one
/// published.
struct PositionGate {
    set_position: WriteSignal<f64>,
    spans: Box<dyn Fn(f64) -> TimeSpan>,
    quiet: Cell<TimeSpan>,
}

/// Hands a position read to every gate.
fn offer(gates: StoredValue<Vec<PositionGate>, LocalStorage>, time: f64) {
    gates.with_value(|gates| {
        for gate in gates {
            gate.offer(time);
        }
    });
}

impl PositionGate {
    fn offer(&self, time: f64) {
        if !self.quiet.get().contains(time) {
            self.quiet.set((self.spans)(time));
            self.set_position.set(time);
        }
    }
}

/// Follows `media`'s playback position for as long as the current reactive
/// owner lives; its listeners are removed when the owner is cleaned up.
pub fn use_media_clock(media: MediaRef) -> MediaClock {
    let gates = StoredValue::new_local(Vec::<PositionGate>::new());
    let (playing, set_playing) = signal(media.with_value(|element| !element.paused()));
    let listeners: Vec<EventListener> = media.with_value(|element| {
        let position = POSITION_EVENTS.iter().map(|&event| {
            let source = element.clone();
            listen(element, event, move |_| offer(gates, source.current_time()))
        });
        let play_state = PLAY_STATE_EVENTS.iter().map(|&event| {
            let source = element.clone();
            listen(element, event, move |_| {
                set_playing.set(!source.paused() && !source.ended())
            })
        });
        position.chain(play_state).collect()
    });
    keep_for_owner(listeners);
    MediaClock {
        gates,
        playing,
        media,
    }
}
