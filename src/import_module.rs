//! The import module's entry point: a wasm module of its own (this crate
//! built with `--no-default-features --features import-module`), which the
//! widget loads only when an episode needs an import. See
//! [`crate::core::import::boundary`].

use wasm_bindgen::prelude::*;

use crate::core::import::boundary::encode_import;
use crate::core::import::{import_episode, ImportRequest, NamedText};

/// Imports the transcript and show notes given (each its name and text),
/// with the episode's `duration` when known; gives the result encoded
/// ([`crate::core::import::boundary::decode_import`] reads it).
#[wasm_bindgen(js_name = importEpisode)]
pub fn import_for_widget(
    transcript_name: Option<String>,
    transcript_text: Option<String>,
    notes_name: Option<String>,
    notes_text: Option<String>,
    duration: Option<f64>,
    chapter_pins: bool,
) -> String {
    let request = ImportRequest {
        transcript: named(&transcript_name, &transcript_text),
        notes: named(&notes_name, &notes_text),
        duration,
        chapter_pins,
    };
    encode_import(&import_episode(&request))
}

/// The text named `name`, when there is one.
fn named<'t>(name: &'t Option<String>, text: &'t Option<String>) -> Option<NamedText<'t>> {
    Some(NamedText {
        name: name.as_deref().unwrap_or_default(),
        text: text.as_deref()?,
    })
}
