//! Downloads started before the widget's code had loaded: the element's
//! script (`prefetchFiles` in `js/episode-viewer.js`) requests the files
//! its attributes name while the wasm is still on its way, and hands them
//! over by absolute URL. A fetch of the same URL takes its download over;
//! those nothing takes are aborted when the widget has loaded (or goes).

use js_sys::{Map, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::AbortController;

use super::fetch::Download;

/// The element's downloads under way, by absolute URL; aborts those still
/// there when dropped.
#[derive(Debug)]
struct Downloads(Map);

impl Downloads {
    fn abort_all(&self) {
        self.0.for_each(&mut |entry, _url| {
            if let Some(controller) = field::<AbortController>(&entry, "controller") {
                controller.abort();
            }
        });
        self.0.clear();
    }
}

impl Drop for Downloads {
    fn drop(&mut self) {
        self.abort_all();
    }
}

/// The downloads the element's script started, owned by the mounted
/// widget (aborted, if nothing took them, when it unmounts).
#[derive(Debug, Clone, Copy)]
pub struct Prefetched(StoredValue<Option<Downloads>, LocalStorage>);

impl Prefetched {
    /// Takes `downloads` (`url → { response, controller }`) over, for the
    /// reactive owner this is created in.
    pub fn new(downloads: Option<Map>) -> Self {
        Self(StoredValue::new_local(downloads.map(Downloads)))
    }

    /// The download of `location` (as the widget would fetch it, relative
    /// to the page), if one was started; it is the caller's from now on.
    pub fn take(&self, location: &str) -> Option<Download> {
        let url = absolute_url(location)?;
        self.0.with_value(|downloads| {
            let map = &downloads.as_ref()?.0;
            let key = JsValue::from_str(&url);
            let entry = map.get(&key);
            map.delete(&key);
            Some(Download::started(
                field::<Promise>(&entry, "response")?,
                field::<AbortController>(&entry, "controller")?,
            ))
        })
    }

    /// Aborts every download nobody took.
    pub fn abort_rest(&self) {
        self.0.with_value(|downloads| {
            if let Some(downloads) = downloads {
                downloads.abort_all();
            }
        });
    }
}

/// `location` made absolute against the document's base URL, as `fetch`
/// resolves it.
fn absolute_url(location: &str) -> Option<String> {
    let base = document().base_uri().ok().flatten()?;
    web_sys::Url::new_with_base(location, &base)
        .ok()
        .map(|url| url.href())
}

/// `object[name]`, when it is a `T`.
fn field<T: JsCast>(object: &JsValue, name: &str) -> Option<T> {
    Reflect::get(object, &JsValue::from_str(name))
        .ok()?
        .dyn_into::<T>()
        .ok()
}
