//! The entry points JavaScript calls: mounting the widget into an element.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use crate::host::shadow::{mount_in_shadow, MountedView};
use crate::ui::EpisodeViewer;

/// The widget's stylesheet, placed inside its shadow root.
const STYLESHEET: &str = include_str!("../style/episode-viewer.css");

/// A widget mounted into an element. Dropping it (`free()` from JavaScript)
/// unmounts the widget and removes every listener it added.
#[wasm_bindgen]
pub struct MountedViewer {
    _view: MountedView,
}

/// Mounts the widget into `host`'s open shadow root. `src` is the URL of
/// the episode JSON or transcript file; `audio` a CSS selector for the media
/// element to follow (the first `<audio>` or `<video>` on the page when
/// absent); `chapters` the URL of a JSON Chapters file.
#[wasm_bindgen]
pub fn mount(
    host: HtmlElement,
    src: Option<String>,
    audio: Option<String>,
    chapters: Option<String>,
) -> Result<MountedViewer, JsValue> {
    let view = mount_in_shadow(&host, STYLESHEET, move || {
        view! { <EpisodeViewer src audio chapters /> }
    })?;
    Ok(MountedViewer { _view: view })
}
