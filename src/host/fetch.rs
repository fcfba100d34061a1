//! Loading text over HTTP (the Fetch API), aborted when the caller goes away.

use js_sys::JsString;
use leptos::prelude::window;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestInit, Response};

use super::yielding::yield_to_browser;

/// Aborts its request when dropped, e.g. when the widget is unmounted while
/// the request is still in flight.
struct AbortOnDrop(Option<AbortController>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(controller) = &self.0 {
            controller.abort();
        }
    }
}

/// A file fetched as text.
pub struct Fetched {
    /// The body.
    pub text: String,
    /// The Content-Type header, when the server sent one.
    pub content_type: Option<String>,
    /// The absolute URL the body came from (after redirects), for resolving
    /// URLs inside it.
    pub url: String,
}

/// Fetches `url` (relative to the page) as text. The error says what failed
/// for which URL, in words for the reader of the page.
pub async fn fetch_text(url: &str) -> Result<Fetched, String> {
    let guard = AbortOnDrop(AbortController::new().ok());
    let init = RequestInit::new();
    if let Some(controller) = &guard.0 {
        init.set_signal(Some(&controller.signal()));
    }
    let failed = || {
        format!("could not load \"{url}\": the request failed (offline, or blocked by the server's CORS rules)")
    };
    let response: Response = JsFuture::from(window().fetch_with_str_and_init(url, &init))
        .await
        .ok()
        .and_then(|response| response.dyn_into().ok())
        .ok_or_else(failed)?;
    if !response.ok() {
        return Err(format!(
            "could not load \"{url}\": the server answered HTTP {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let content_type = response.headers().get("content-type").ok().flatten();
    let final_url = response.url();
    let unreadable = || format!("could not load \"{url}\": the response could not be read as text");
    let body = response.text().map_err(|_| unreadable())?;
    let text = JsFuture::from(body)
        .await
        .ok()
        .and_then(|text| text.dyn_into::<JsString>().ok())
        .map(String::from)
        .ok_or_else(unreadable)?;
    // Copying a large body into wasm takes a while; parsing it then starts
    // in a task of its own rather than lengthening this one.
    yield_to_browser().await;
    Ok(Fetched {
        text,
        content_type,
        url: if final_url.is_empty() {
            url.to_string()
        } else {
            final_url
        },
    })
}
