//! Loading text over HTTP, aborted when the caller goes away.

use gloo_net::http::Request;
use web_sys::AbortController;

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
    let signal = guard.0.as_ref().map(AbortController::signal);
    let response = Request::get(url)
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|_| {
            format!("could not load \"{url}\": the request failed (offline, or blocked by the server's CORS rules)")
        })?;
    if !response.ok() {
        return Err(format!(
            "could not load \"{url}\": the server answered HTTP {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let content_type = response.headers().get("content-type");
    let final_url = response.url();
    let text = response
        .text()
        .await
        .map_err(|_| format!("could not load \"{url}\": the response could not be read as text"))?;
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
