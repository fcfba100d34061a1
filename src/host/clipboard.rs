//! Copying text with the Clipboard API.

use wasm_bindgen_futures::JsFuture;

/// Writes `text` to the clipboard; `Err` when the API is missing or the
/// browser denies it (the caller then offers the text to copy by hand).
pub async fn copy_text(text: &str) -> Result<(), ()> {
    let clipboard = web_sys::window().ok_or(())?.navigator().clipboard();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| ())
}

/// The page's URL with its fragment replaced by `fragment` (e.g. `#t=90`).
pub fn page_url_with(fragment: &str) -> String {
    let href = web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}{fragment}")
}
