//! Where the files and links an episode JSON names are: relative to the
//! file they are written in, resolved the way the one who loads can (the
//! browser's URL parser in the widget, paths in the CLI).

use std::path::Path;

/// Resolves what a file names against where that file came from.
pub trait Locate {
    /// Where to fetch or read the file `reference` names, written in the
    /// file that came from `base`; `None` when it cannot be fetched from
    /// there. `reference` is already known to be an `http:`, `https:` or
    /// relative URL.
    fn file(&self, reference: &str, base: &str) -> Option<String>;

    /// The link or image URL an episode keeps for `reference` (a relative
    /// URL) written in the file that came from `base`; `None` drops it.
    fn link(&self, reference: &str, base: &str) -> Option<String>;
}

/// Files on disk, as the CLI reads them: a file an episode JSON names is
/// beside it, and relative links stay relative (the episode JSON written
/// is published beside the files it names).
#[derive(Debug, Clone, Copy, Default)]
pub struct FilePaths;

impl Locate for FilePaths {
    fn file(&self, reference: &str, base: &str) -> Option<String> {
        // A web address, or one from the root of a web site, is no path.
        if reference.contains("://") || reference.starts_with('/') {
            return None;
        }
        let folder = Path::new(base).parent().unwrap_or(Path::new("."));
        Some(folder.join(reference).to_string_lossy().into_owned())
    }

    fn link(&self, reference: &str, _base: &str) -> Option<String> {
        Some(reference.to_string())
    }
}
