//! Loading text over HTTP (the Fetch API): with a time limit, a size limit,
//! and errors that say what went wrong in words; aborted when the caller
//! goes away.

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use js_sys::Promise;
use leptos::prelude::window;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, AbortSignal, RequestCredentials, RequestInit, RequestMode, Response,
};

use super::body::{read_body_text, BodyError};
use super::stop::has_stopped;
use super::yielding::yield_to_browser;
use crate::core::limits::{check_file_size, MAX_FILE_BYTES};
use crate::core::load::FileText;
use crate::core::text::megabytes;

/// A request sent: the response to come, aborted when this is dropped
/// (e.g. when the widget is unmounted while the request is in flight).
#[derive(Debug)]
#[must_use = "the request is aborted when this is dropped"]
pub struct Download {
    response: Promise,
    controller: Option<AbortController>,
}

impl Download {
    /// Sends the request for `url` (relative to the page). Cookies and HTTP
    /// authentication go only to the page's own server (the element's
    /// script asks the same when it starts a download).
    pub fn start(url: &str) -> Self {
        let controller = AbortController::new().ok();
        let init = RequestInit::new();
        init.set_credentials(RequestCredentials::SameOrigin);
        if let Some(controller) = &controller {
            init.set_signal(Some(&controller.signal()));
        }
        Self {
            response: window().fetch_with_str_and_init(url, &init),
            controller,
        }
    }

    /// A request already sent, by the element's script.
    pub fn started(response: Promise, controller: AbortController) -> Self {
        Self {
            response,
            controller: Some(controller),
        }
    }

    fn signal(&self) -> Option<AbortSignal> {
        self.controller.as_ref().map(AbortController::signal)
    }
}

impl Drop for Download {
    fn drop(&mut self) {
        if let Some(controller) = &self.controller {
            controller.abort();
        }
    }
}

/// Why a file could not be fetched, in words for the reader of the page,
/// naming the URL. Trying again may work (the server may recover).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchError(pub String);

/// Reads the answer to `download`, the request for `url`, as text, giving
/// up after `time_limit_ms` for the whole download. The file's `location`
/// is the absolute URL it came from, after redirects.
pub async fn fetch_text(
    url: &str,
    time_limit_ms: u32,
    download: Download,
) -> Result<FileText, FetchError> {
    let timed_out = Rc::new(Cell::new(false));
    let _deadline = download.controller.clone().map(|controller| {
        let timed_out = timed_out.clone();
        Timeout::new(time_limit_ms, move || {
            if !has_stopped() {
                timed_out.set(true);
                controller.abort();
            }
        })
    });
    let failed = |why: String| FetchError(format!("could not load \"{url}\": {why}"));
    let too_slow = || failed(too_slow_reason(time_limit_ms));
    let answer = JsFuture::from(download.response.clone()).await;
    let Some(response) = answer
        .ok()
        .and_then(|value| value.dyn_into::<Response>().ok())
    else {
        if timed_out.get() {
            return Err(too_slow());
        }
        let signal = download.signal();
        if signal.as_ref().is_some_and(AbortSignal::aborted) {
            return Err(failed("the download was stopped".to_string()));
        }
        // The request itself failed: only now is a second one worth making.
        return Err(failed(unreachable_reason(url, signal.as_ref()).await));
    };
    refusal(&response).map_or(Ok(()), |why| Err(failed(why)))?;
    let content_type = response.headers().get("content-type").ok().flatten();
    let final_url = response.url();
    let text = match read_body_text(&response, MAX_FILE_BYTES).await {
        Ok(text) => text,
        Err(BodyError::Interrupted) if timed_out.get() => return Err(too_slow()),
        Err(error) => return Err(failed(body_failure(error))),
    };
    // Copying a large body into wasm takes a while; parsing it then starts
    // in a task of its own rather than lengthening this one.
    yield_to_browser().await;
    Ok(FileText {
        text,
        content_type,
        location: if final_url.is_empty() {
            url.to_string()
        } else {
            final_url
        },
    })
}

/// Why a response is not read: an HTTP error, or a declared length over
/// the size limit.
fn refusal(response: &Response) -> Option<String> {
    if !response.ok() {
        return Some(format!(
            "the server answered HTTP {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let declared_length = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|length| length.trim().parse::<usize>().ok());
    declared_length
        .map(check_file_size)
        .and_then(Result::err)
        .map(|too_large| too_large.message)
}

/// The words for a time limit that passed.
fn too_slow_reason(time_limit_ms: u32) -> String {
    let seconds = time_limit_ms.div_ceil(1000);
    let unit = if seconds == 1 { "second" } else { "seconds" };
    format!("no complete answer from the server within {seconds} {unit}")
}

/// The words for a body that could not be read to its end.
fn body_failure(error: BodyError) -> String {
    match error {
        BodyError::TooLarge => {
            let limit = megabytes(MAX_FILE_BYTES);
            format!(
                "the file is too large: the download passed {limit} and was stopped; the widget reads files of up to {limit}"
            )
        }
        BodyError::Interrupted => {
            "the download stopped before the end of the file (the connection was closed)"
                .to_string()
        }
    }
}

/// Why a request got no response at all. The Fetch API says only "failed";
/// a second request that may not read the answer (`no-cors`) tells a server
/// that answers but refuses this page (CORS) from one that cannot be
/// reached. The probe stops at the same deadline as the request.
async fn unreachable_reason(url: &str, signal: Option<&AbortSignal>) -> String {
    let probe = RequestInit::new();
    probe.set_mode(RequestMode::NoCors);
    probe.set_signal(signal);
    let answered = JsFuture::from(window().fetch_with_str_and_init(url, &probe))
        .await
        .is_ok();
    if answered {
        "the server answered, but does not let this page read the file: it must allow this site with CORS (an Access-Control-Allow-Origin header)".to_string()
    } else {
        "the server could not be reached (it may be down, or this device offline)".to_string()
    }
}
