//! DOM events the widget sends to the host page, from its element, and
//! what each carries.

use js_sys::{Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

use crate::core::Episode;

/// Dispatches `episode-viewer:<name>` on `host`, bubbling, with `detail`
/// built from the given fields.
fn dispatch(host: &HtmlElement, name: &str, fields: &[(&str, JsValue)]) {
    let detail = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&detail, &(*key).into(), value);
    }
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(&detail);
    if let Ok(event) =
        CustomEvent::new_with_event_init_dict(&format!("episode-viewer:{name}"), &init)
    {
        let _ = host.dispatch_event(&event);
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
