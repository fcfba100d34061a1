//! The import module: the importer, built as a wasm module of its own
//! (`src/import_module.rs`), which the element's script loads when the
//! widget first asks (`loadImporter` in `js/episode-viewer.js`). Imports
//! then run in it, called directly; their results come back encoded
//! ([`decode_import`]).

use js_sys::{Array, Function, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::core::episode::Episode;
use crate::core::error::ReadError;
use crate::core::import::boundary::decode_import;
use crate::core::import::{ImportRequest, Importer, NamedText};

/// How the widget gets the import module: the element script's function
/// that loads it (once a page) and resolves to its exports.
#[derive(Debug, Clone, Copy)]
pub struct ImportModule(StoredValue<Option<Function>, LocalStorage>);

impl ImportModule {
    /// Loads the module with `load` (none: imports cannot run).
    pub fn new(load: Option<Function>) -> Self {
        Self(StoredValue::new_local(load))
    }

    /// The module, loaded; why not, in words, when it could not be.
    pub async fn load(&self) -> Result<ModuleImporter, String> {
        let export = module_export(self.0.get_value(), "importEpisode", "importer").await?;
        Ok(ModuleImporter(export))
    }
}

/// The function `export` of the module that `load` (the element script's
/// loader of it) resolves to; why not, in words, naming the module's
/// `role` (`importer`, `feed reader`), when it cannot be had.
pub(super) async fn module_export(
    load: Option<Function>,
    export: &str,
    role: &str,
) -> Result<Function, String> {
    let failed = |why: String| format!("could not load the widget's {role}: {why}");
    let Some(load) = load else {
        return Err(failed("the page gave no way to load it".to_string()));
    };
    let promise: Promise = load
        .call0(&JsValue::NULL)
        .map_err(|error| failed(js_words(&error)))?
        .dyn_into()
        .map_err(|_| failed("its loader gave no promise".to_string()))?;
    let exports = JsFuture::from(promise)
        .await
        .map_err(|error| failed(js_words(&error)))?;
    Reflect::get(&exports, &JsValue::from_str(export))
        .ok()
        .and_then(|value| value.dyn_into().ok())
        .ok_or_else(|| failed(format!("it has no {export}")))
}

/// Runs imports in the import module.
#[derive(Debug)]
pub struct ModuleImporter(Function);

impl Importer for ModuleImporter {
    fn import(&self, request: &ImportRequest) -> Result<Episode, ReadError> {
        let text = |named: Option<NamedText>, part: fn(NamedText) -> &str| {
            named.map_or(JsValue::UNDEFINED, |named| JsValue::from_str(part(named)))
        };
        let arguments: Array = [
            text(request.transcript, |named| named.name),
            text(request.transcript, |named| named.text),
            text(request.notes, |named| named.name),
            text(request.notes, |named| named.text),
            request
                .duration
                .map_or(JsValue::UNDEFINED, JsValue::from_f64),
            JsValue::from_bool(request.chapter_pins),
        ]
        .into_iter()
        .collect();
        match self.0.apply(&JsValue::NULL, &arguments) {
            Ok(encoded) => decode_import(&encoded.as_string().unwrap_or_default()),
            Err(error) => Err(ReadError::about_file(format!(
                "the importer stopped: {}",
                js_words(&error)
            ))),
        }
    }
}

/// A JavaScript error in words: its message, or the value as text.
pub(super) fn js_words(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "an unknown error".to_string())
}
