//! Giving the browser its turn during long work: a new task (input and
//! other tasks run first, without the 4 ms clamp of nested timeouts), or
//! the next animation frame (after which the page has painted).

use js_sys::{Function, Promise};
use leptos::prelude::window;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::MessageChannel;

/// Resolves in a task of its own, queued behind what is waiting now.
pub async fn yield_to_browser() {
    wait(&mut |resolve| match MessageChannel::new() {
        Ok(channel) => {
            channel.port1().set_onmessage(Some(&resolve));
            let _ = channel.port2().post_message(&JsValue::NULL);
        }
        Err(_) => {
            let _ = resolve.call0(&JsValue::NULL);
        }
    })
    .await;
}

/// Resolves in the next animation frame's callbacks.
pub async fn next_frame() {
    wait(&mut |resolve| {
        if window().request_animation_frame(&resolve).is_err() {
            let _ = resolve.call0(&JsValue::NULL);
        }
    })
    .await;
}

async fn wait(start: &mut dyn FnMut(Function)) {
    let promise = Promise::new(&mut |resolve, _reject| start(resolve));
    let _ = JsFuture::from(promise).await;
}

/// Milliseconds since the page started (`performance.now()`), for timing
/// slices of work.
pub fn now_ms() -> f64 {
    window()
        .performance()
        .map_or(0.0, |performance| performance.now())
}
