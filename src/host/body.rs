//! Reading a response body as it streams (the Streams API), counting its
//! bytes: the size limit holds whatever `Content-Length` says, or when it
//! says nothing, and for compressed bodies (the count is of the bytes after
//! decompression).

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStreamDefaultReader, ReadableStreamReadResult, Response};

/// Why a body could not be read in full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyError {
    /// More than the limit arrived; the download was cancelled there.
    TooLarge,
    /// The stream broke off (the connection closed, or it was aborted).
    Interrupted,
}

/// The body of `response` as text (UTF-8, a byte order mark dropped,
/// malformed bytes replaced), read chunk by chunk and cancelled as soon as
/// more than `limit` bytes have arrived.
pub async fn read_body_text(response: &Response, limit: usize) -> Result<String, BodyError> {
    let Some(stream) = response.body() else {
        return Ok(String::new());
    };
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut bytes: Vec<u8> = Vec::new();
    loop {
        let Ok(result) = JsFuture::from(reader.read()).await else {
            return Err(BodyError::Interrupted);
        };
        let result: ReadableStreamReadResult = result.unchecked_into();
        if result.get_done().unwrap_or(true) {
            break;
        }
        let Some(chunk) = result.get_value().dyn_into::<Uint8Array>().ok() else {
            return Err(BodyError::Interrupted);
        };
        let length = chunk.length() as usize;
        if bytes.len() + length > limit {
            // Cancelling tells the browser to stop downloading.
            let _ = reader.cancel();
            return Err(BodyError::TooLarge);
        }
        let start = bytes.len();
        bytes.resize(start + length, 0);
        if let Some(room) = bytes.get_mut(start..) {
            chunk.copy_to(room);
        }
    }
    let mut text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => String::from_utf8_lossy(error.as_bytes()).into_owned(),
    };
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    Ok(text)
}
