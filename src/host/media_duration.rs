//! The media element's duration, once its metadata is in.

use leptos::prelude::*;
use web_sys::HtmlMediaElement;

use super::media::MediaRef;

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
