//! Binding to the host page's media element: finding it, following its
//! playback position, and seeking it.

use super::owner::keep_for_owner;
use super::stop::{has_stopped, listen};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::EventListener;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlMediaElement, MutationObserver, MutationObserverInit};

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

/// Looking for the media element to follow.
#[derive(Clone)]
pub enum MediaLookup {
    /// Found it.
    Found(HtmlMediaElement),
    /// Nothing matches yet; the message says what is missing.
    Waiting(String),
    /// The selector is invalid or matches something that is not media.
    Failed(String),
}

/// Looks once for the media element: the element matching `selector`, or
/// the first `<audio>` or `<video>` of the document when there is none.
pub fn find_media(selector: Option<&str>) -> MediaLookup {
    let document = document();
    let Some(selector) = selector.map(str::trim).filter(|s| !s.is_empty()) else {
        return match document.query_selector("audio, video").ok().flatten().and_then(|e| e.dyn_into().ok()) {
            Some(media) => MediaLookup::Found(media),
            None => MediaLookup::Waiting(
                "found no <audio> or <video> element on this page to follow; add one, or name it with the audio attribute"
                    .to_string(),
            ),
        };
    };
    let element = match document.query_selector(selector) {
        Err(_) => {
            return MediaLookup::Failed(format!("audio=\"{selector}\" is not a valid CSS selector"))
        }
        Ok(None) => {
            return MediaLookup::Waiting(format!(
                "audio=\"{selector}\" matches no element on this page"
            ))
        }
        Ok(Some(element)) => element,
    };
    let tag = element.tag_name().to_lowercase();
    match element.dyn_into() {
        Ok(media) => MediaLookup::Found(media),
        Err(_) => MediaLookup::Failed(format!(
            "audio=\"{selector}\" matches a <{tag}> element, not an <audio> or <video> element"
        )),
    }
}

/// Watches the document for the media element: the lookup as a signal.
/// While `Waiting` (a player library may create the element after the
/// widget) it moves to `Found` when the element appears. While `Found`, if
/// the element leaves the document and the selector then matches another
/// one (a player that replaced its element), it moves to that one; the same
/// element put back is simply followed on. The watching stops when the
/// current reactive owner is cleaned up.
pub fn use_media_lookup(selector: Option<String>) -> ReadSignal<MediaLookup, LocalStorage> {
    let first = find_media(selector.as_deref());
    let failed = matches!(first, MediaLookup::Failed(_));
    let (lookup, set_lookup) = signal_local(first);
    if failed {
        return lookup;
    }
    let observer: Rc<RefCell<Option<MutationObserver>>> = Rc::default();
    let callback = {
        let observer = observer.clone();
        Closure::<dyn FnMut()>::new(move || {
            if has_stopped() {
                return;
            }
            let next = lookup.with_untracked(|current| match current {
                MediaLookup::Found(media) if media.is_connected() => None,
                MediaLookup::Found(media) => match find_media(selector.as_deref()) {
                    MediaLookup::Found(other) if &other != media => Some(MediaLookup::Found(other)),
                    _ => None,
                },
                MediaLookup::Waiting(_) => Some(find_media(selector.as_deref()))
                    .filter(|found| !matches!(found, MediaLookup::Waiting(_))),
                MediaLookup::Failed(_) => None,
            });
            if let Some(next) = next {
                if let Some(observer) = observer.borrow().as_ref() {
                    watch_document(observer, &next);
                }
                set_lookup.set(next);
            }
        })
    };
    if let Ok(watcher) = MutationObserver::new(callback.as_ref().unchecked_ref()) {
        lookup.with_untracked(|current| watch_document(&watcher, current));
        *observer.borrow_mut() = Some(watcher);
    }
    StoredValue::new_local(DocumentWatch {
        observer,
        _callback: callback,
    });
    lookup
}

/// (Re)starts `observer` on the document for what `lookup` needs: any
/// change at all while waiting (an attribute may make an element match),
/// only elements coming and going once found; nothing after a failure.
fn watch_document(observer: &MutationObserver, lookup: &MediaLookup) {
    observer.disconnect();
    let Some(root) = document().document_element() else {
        return;
    };
    let options = MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    match lookup {
        MediaLookup::Waiting(_) => options.set_attributes(true),
        MediaLookup::Found(_) => {}
        MediaLookup::Failed(_) => return,
    }
    let _ = observer.observe_with_options(&root, &options);
}

/// Stops watching the document when dropped.
struct DocumentWatch {
    observer: Rc<RefCell<Option<MutationObserver>>>,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for DocumentWatch {
    fn drop(&mut self) {
        if let Some(observer) = self.observer.borrow_mut().take() {
            observer.disconnect();
        }
    }
}

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
            wasm_bindgen_futures::spawn_local(async move {
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

/// Whether `media` has or is fetching its metadata (not a player that loads
/// nothing until the listener presses play: `preload="none"`).
pub fn loads_metadata(media: MediaRef) -> bool {
    media
        .try_with_value(|media| {
            media.ready_state() >= 1 || media.preload() != "none" || media.autoplay()
        })
        .unwrap_or(false)
}

/// The media's duration once it is known, waiting up to `wait_ms` for its
/// metadata; `None` when it stays unknown (no metadata yet, or a live
/// stream's infinite duration).
pub async fn media_duration(media: MediaRef, wait_ms: u32) -> Option<f64> {
    const POLL_MS: u32 = 100;
    let mut waited = 0;
    loop {
        let duration = media
            .try_with_value(HtmlMediaElement::duration)
            .filter(|duration| duration.is_finite() && *duration > 0.0);
        if duration.is_some() || waited >= wait_ms {
            return duration;
        }
        gloo_timers::future::TimeoutFuture::new(POLL_MS).await;
        waited += POLL_MS;
    }
}
