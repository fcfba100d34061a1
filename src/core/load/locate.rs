//! Where the files and links an episode JSON names are: relative to the
//! file they are written in, resolved the way the one who loads can (the
//! browser's URL parser in the widget, paths in the CLI).

use std::path::{Path, PathBuf};

/// Resolves what a file names against where that file came from.
pub trait Locate {
    /// The name messages give a file the user named as `written`.
    fn name(&self, written: &str) -> String {
        written.to_string()
    }

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
/// beside it, and relative links stay relative, to the folder of the main
/// file (the episode JSON written is published beside it).
#[derive(Debug, Clone, Default)]
pub struct FilePaths {
    root: PathBuf,
}

impl FilePaths {
    /// Paths for the files of the episode whose main file is `main`.
    pub fn beside(main: &str) -> Self {
        Self {
            root: folder_of(main).to_path_buf(),
        }
    }
}

impl Locate for FilePaths {
    fn name(&self, written: &str) -> String {
        if written == "-" {
            return "standard input".to_string();
        }
        Path::new(written).file_name().map_or_else(
            || written.to_string(),
            |name| name.to_string_lossy().into_owned(),
        )
    }

    fn file(&self, reference: &str, base: &str) -> Option<String> {
        // A web address, or one from the root of a web site, is no path.
        if reference.contains("://") || reference.starts_with('/') {
            return None;
        }
        Some(
            folder_of(base)
                .join(reference)
                .to_string_lossy()
                .into_owned(),
        )
    }

    fn link(&self, reference: &str, base: &str) -> Option<String> {
        let joined = folder_of(base).join(reference);
        let beside_main = joined.strip_prefix(&self.root).unwrap_or(&joined);
        Some(beside_main.to_string_lossy().into_owned())
    }
}

/// The folder a file is in (empty for one in the working folder).
fn folder_of(path: &str) -> &Path {
    Path::new(path).parent().unwrap_or(Path::new(""))
}
