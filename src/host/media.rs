//! Binding to the host page's media element: finding it, following its
//! playback position, and seeking it.

use gloo_events::EventListener;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlMediaElement;

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

/// Finds the media element to follow: the element matching `selector`, or
/// the first `<audio>` or `<video>` of the document when there is none.
pub fn find_media(selector: Option<&str>) -> Result<HtmlMediaElement, String> {
    let document = document();
    let Some(selector) = selector.map(str::trim).filter(|s| !s.is_empty()) else {
        return document
            .query_selector("audio, video")
            .ok()
            .flatten()
            .and_then(|element| element.dyn_into().ok())
            .ok_or_else(|| {
                "found no <audio> or <video> element on this page to follow; add one, or name it with the audio attribute".to_string()
            });
    };
    let element = document
        .query_selector(selector)
        .map_err(|_| format!("audio=\"{selector}\" is not a valid CSS selector"))?
        .ok_or_else(|| format!("audio=\"{selector}\" matches no element on this page"))?;
    let tag = element.tag_name().to_lowercase();
    element.dyn_into().map_err(|_| {
        format!("audio=\"{selector}\" matches a <{tag}> element, not an <audio> or <video> element")
    })
}

/// The media element's playback position and state as signals, plus
/// seeking.
#[derive(Clone, Copy)]
pub struct MediaClock {
    /// Playback position in seconds, updated on every [`POSITION_EVENTS`]
    /// and, while playing, by [`MediaClock::sample`] every frame.
    pub time: ReadSignal<f64>,
    set_time: WriteSignal<f64>,
    /// Whether the media is playing.
    pub playing: ReadSignal<bool>,
    /// Counts `seeking` events: a seek from anywhere, the host's own
    /// controls included.
    pub seeks: ReadSignal<u32>,
    media: MediaRef,
}

impl MediaClock {
    /// Moves playback to `seconds` exactly, leaving play/pause as it is.
    pub fn seek(&self, seconds: f64) {
        self.media.with_value(|media| {
            media.set_current_time(seconds);
            self.set_time.set(media.current_time());
        });
    }

    /// Reads the position now (between media events, e.g. every frame).
    pub fn sample(&self) {
        self.media
            .with_value(|media| self.set_time.set(media.current_time()));
    }
}

/// Follows `media`'s playback position for as long as the current reactive
/// owner lives; its listeners are removed when the owner is cleaned up.
pub fn use_media_clock(media: MediaRef) -> MediaClock {
    let (time, set_time) = signal(media.with_value(HtmlMediaElement::current_time));
    let (playing, set_playing) = signal(media.with_value(|element| !element.paused()));
    let (seeks, set_seeks) = signal(0u32);
    let listeners: Vec<EventListener> = media.with_value(|element| {
        let position = POSITION_EVENTS.iter().map(|&event| {
            let source = element.clone();
            EventListener::new(element, event, move |_| set_time.set(source.current_time()))
        });
        let play_state = PLAY_STATE_EVENTS.iter().map(|&event| {
            let source = element.clone();
            EventListener::new(element, event, move |_| {
                set_playing.set(!source.paused() && !source.ended())
            })
        });
        let seeking = EventListener::new(element, "seeking", move |_| {
            set_seeks.update(|count| *count += 1)
        });
        position.chain(play_state).chain([seeking]).collect()
    });
    // Owned by the reactive owner: dropped, and so unregistered, on cleanup.
    StoredValue::new_local(listeners);
    MediaClock {
        time,
        set_time,
        playing,
        seeks,
        media,
    }
}
