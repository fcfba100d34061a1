//! The entry points JavaScript calls: mounting the widget into an element.

use js_sys::{Function, Map};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use crate::core::load::attributes::WidgetAttributes;
use crate::host::feed_module::FeedModule;
use crate::host::import_module::ImportModule;
use crate::host::load::ScriptHandoff;
use crate::host::page_text::PageReader;
use crate::host::prefetch::Prefetched;
use crate::host::shadow::{mount_in_shadow, MountedView};
use crate::host::stop::report_stops;
use crate::ui::{ControlsSlot, EpisodeViewer};

/// The widget's stylesheet (`style/episode-viewer.css` as `build.rs`
/// minified it), placed inside its shadow root.
const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/episode-viewer.min.css"));

/// A widget mounted into an element. Dropping it (`free()` from JavaScript)
/// unmounts the widget and removes every listener it added.
#[wasm_bindgen]
pub struct MountedViewer {
    _view: MountedView,
    controls: ControlsSlot,
}

/// The element's JS API (`js/episode-viewer.js` forwards to these). Before
/// the episode has loaded they do nothing and report nothing.
#[wasm_bindgen]
impl MountedViewer {
    /// Moves the media to `seconds` (play/pause unchanged); false before the
    /// episode has loaded.
    pub fn seek(&self, seconds: f64) -> bool {
        let finite = seconds.is_finite() && seconds >= 0.0;
        finite
            && self
                .controls
                .with(|loaded| loaded.clock.seek(seconds))
                .is_some()
    }

    /// The current line as `{ index, start, text, speaker }`, or `null`.
    #[wasm_bindgen(js_name = currentLine)]
    pub fn current_line(&self) -> JsValue {
        self.controls
            .with(|loaded| {
                let index = loaded.current_line.get_untracked()?;
                let line = loaded.episode.lines.get(index)?;
                let object = js_sys::Object::new();
                let speaker = loaded.episode.speaker_of(line).map(|s| s.name.as_str());
                for (key, value) in [
                    ("index", JsValue::from(index as u32)),
                    ("start", line.start.into()),
                    ("text", line.text.as_str().into()),
                    ("speaker", speaker.map_or(JsValue::NULL, JsValue::from)),
                ] {
                    let _ = js_sys::Reflect::set(&object, &key.into(), &value);
                }
                Some(object.into())
            })
            .flatten()
            .unwrap_or(JsValue::NULL)
    }

    /// Whether the transcript follows playback.
    pub fn follow(&self) -> bool {
        self.controls
            .with(|loaded| loaded.follow.following.get_untracked())
            .unwrap_or(true)
    }

    /// Turns following on (bringing the current line into view) or off.
    #[wasm_bindgen(js_name = setFollow)]
    pub fn set_follow(&self, on: bool) {
        self.controls.with(|loaded| {
            if on {
                loaded.follow.resume()
            } else {
                loaded.follow.suspend()
            }
        });
    }

    /// Searches the transcript as the search box would (and shows it there);
    /// returns the number of matches.
    pub fn search(&self, query: String) -> u32 {
        self.controls
            .with(|loaded| {
                loaded.search.query.set(query);
                loaded.search.current.set(0);
                loaded.search.results.with_untracked(Vec::len) as u32
            })
            .unwrap_or(0)
    }
}

/// Mounts the widget into `host`'s open shadow root, configured by the
/// element's attributes (read once; the element mounts again when they
/// change): `src` the episode JSON or timed transcript file; `transcript`
/// an untimed plain text transcript (imported with estimated times) and
/// `notes` show notes whose topic times become the chapters; `duration` the
/// episode's length (the media's when absent); `audio` a CSS selector for
/// the media element to follow (the first `<audio>` or `<video>` on the
/// page when absent); `chapters` a JSON Chapters file; `images` which
/// images to load (`all`, `same-origin` or `none`); `timeout` the seconds
/// each download may take; `feed` a podcast feed whose episode (`episode`,
/// its guid, else the one whose enclosure the media plays) gives all of
/// the above. `prefetched` holds the downloads of those files
/// the element's script already started (`url → { response, controller }`),
/// taken over by the widget; `load_importer` loads the import module (and
/// resolves to its exports) when an episode needs an import,
/// `load_feed_reader` the feed module when the episode comes from a feed;
/// `read_page` gives the markup of the page's element an `#id` value names
/// (`null` for none).
#[wasm_bindgen]
pub fn mount(
    host: HtmlElement,
    prefetched: Option<Map>,
    load_importer: Option<Function>,
    load_feed_reader: Option<Function>,
    read_page: Option<Function>,
) -> Result<MountedViewer, JsValue> {
    report_stops();
    let controls = ControlsSlot::default();
    let slot = controls.clone();
    let element = host.clone();
    let attributes = WidgetAttributes::read(|name| host.get_attribute(name));
    let view = mount_in_shadow(&host, STYLESHEET, move || {
        let handoff = ScriptHandoff {
            prefetched: Prefetched::new(prefetched),
            import_module: ImportModule::new(load_importer),
            feed_module: FeedModule::new(load_feed_reader),
            page_reader: PageReader::new(read_page),
        };
        view! { <EpisodeViewer attributes host=element controls=slot handoff /> }
    })?;
    Ok(MountedViewer {
        _view: view,
        controls,
    })
}
