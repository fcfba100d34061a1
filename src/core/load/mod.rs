//! Loading an episode, once for the widget and the CLI: an
//! [`EpisodeRequest`] (the element's attributes, or the CLI's arguments)
//! says which files make the episode; a [`Loader`] says which files it
//! needs next, takes each one's text as it is fetched or read, and gives
//! the finished [`Episode`] with its warnings. Fetching (the widget) and
//! reading files (the CLI) stay outside; everything else is decided here.
//!
//! The widget drives it in `host/load.rs`, the CLI in its `convert`
//! command, and `tests/load.rs` drives it both ways.

mod assemble;
pub mod attributes;
mod feed_file;
mod files;
mod loader;
mod locate;
mod main_file;
mod request;

pub use loader::{load_without_media, Loader};
pub use locate::{FilePaths, Locate};
pub use request::{
    DurationWait, EpisodeRequest, FileNeed, FileText, LoadError, Reader, Role, Step,
};
