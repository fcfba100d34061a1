//! Who runs an import. The CLI and the tests link the importer in
//! ([`LinkedImporter`]); the widget keeps it out of its own wasm module and
//! loads a second module, built from this crate with the `import-module`
//! feature, only when an episode needs an import. Between the two modules
//! an import's request travels as its texts and numbers, and its result as
//! a compact text ([`encode_import`], [`decode_import`]): every field of the
//! episode and of its warnings, so that both ways give the same episode.

use super::importer::import_episode;
use super::request::ImportRequest;
use super::transfer::{read_result, write_result};
use crate::core::episode::Episode;
use crate::core::error::ReadError;

/// Runs an import: what [`import_episode`] does, wherever its code is.
pub trait Importer {
    /// Imports `request` (see [`import_episode`]).
    fn import(&self, request: &ImportRequest) -> Result<Episode, ReadError>;
}

/// The importer linked into this program.
#[derive(Debug, Clone, Copy, Default)]
pub struct LinkedImporter;

impl Importer for LinkedImporter {
    fn import(&self, request: &ImportRequest) -> Result<Episode, ReadError> {
        import_episode(request)
    }
}

/// An import's result as the import module hands it over.
pub fn encode_import(result: &Result<Episode, ReadError>) -> String {
    write_result(result)
}

/// An import's result from what [`encode_import`] gave.
pub fn decode_import(text: &str) -> Result<Episode, ReadError> {
    read_result(text).unwrap_or_else(|| {
        Err(ReadError::about_file(
            "the importer's result could not be read (is the import module from another build?)",
        ))
    })
}
