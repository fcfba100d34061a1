//! When the widget's code stops (a panic, which the release build turns
//! into an abort): every widget on the page says so, and nothing of the
//! widget runs again, while the host page goes on. The panic hook records
//! the stop and tells `js/episode-viewer.js` (a `episode-viewer:stopped`
//! event on the window, its message in `detail`); the script also catches
//! the traps no hook sees (an allocation failure).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Once;

use gloo_events::EventListener;
use leptos::prelude::window;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Event, EventTarget};

/// The window event that announces the stop.
const STOPPED_EVENT: &str = "episode-viewer:stopped";

static STOPPED: AtomicBool = AtomicBool::new(false);
static HOOK: Once = Once::new();

/// Installs the panic hook (once per page, however many widgets mount).
pub fn report_stops() {
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            STOPPED.store(true, Ordering::Relaxed);
            let message = match info.payload().downcast_ref::<&str>() {
                Some(text) => (*text).to_string(),
                None => info
                    .payload()
                    .downcast_ref::<String>()
                    .cloned()
                    .unwrap_or_else(|| "an internal error".to_string()),
            };
            let place = info
                .location()
                .map(|place| format!(" (at {}:{})", place.file(), place.line()))
                .unwrap_or_default();
            announce(&format!("{message}{place}"));
        }));
    });
}

/// Whether the widget's code has stopped: listeners and frame callbacks
/// still registered do nothing once it has.
pub fn has_stopped() -> bool {
    STOPPED.load(Ordering::Relaxed)
}

/// Records a stop that no panic hook saw (an allocation that failed), as
/// `js/episode-viewer.js` learns of it: the one call it still makes, which
/// only sets a flag.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = markStopped)]
pub fn mark_stopped() {
    STOPPED.store(true, Ordering::Relaxed);
}

/// Listens for `event` on `target` for as long as the returned listener
/// lives, doing nothing once the widget's code has stopped (listeners on
/// the page's player, document and window outlive a stopped widget).
pub fn listen(
    target: &EventTarget,
    event: &'static str,
    mut handler: impl FnMut(&Event) + 'static,
) -> EventListener {
    EventListener::new(target, event, move |event| {
        if !has_stopped() {
            handler(event);
        }
    })
}

fn announce(message: &str) {
    let init = CustomEventInit::new();
    init.set_detail(&JsValue::from_str(message));
    if let Ok(event) = CustomEvent::new_with_event_init_dict(STOPPED_EVENT, &init) {
        let _ = window().dispatch_event(&event);
    }
}

/// Stops the widget's code on purpose, for the tests of what a stop does:
/// `"panic"` panics, `"allocation"` fails an allocation the way running out
/// of memory does (no panic hook sees it). Only in debug builds.
#[cfg(debug_assertions)]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = debugStop)]
pub fn debug_stop(kind: &str) {
    if kind == "allocation" {
        std::alloc::handle_alloc_error(std::alloc::Layout::new::<[u8; 1024]>());
    }
    #[allow(clippy::panic)]
    {
        panic!("the debug trigger was pulled");
    }
}
