//! episode-viewer: an embeddable podcast episode viewer. A synced transcript
//! and chapter list that follow the host page's own `<audio>` or `<video>`.
//!
//! Three layers, each depending only on the ones above it in this list:
//! - [`core`]: the episode model, parsers, time index; pure Rust.
//! - `host`: browser glue (media element, fetch, shadow root mounting).
//! - `ui`: Leptos components.
//!
//! The wasm entry point is [`mount`], called by the `<episode-viewer>`
//! custom element defined in `js/episode-viewer.js`. The importer is a
//! second wasm module built from this crate (the `import-module` feature),
//! loaded only for an episode that needs an import; the feed reader a third
//! (`feed-module`), loaded only for a feed.
//!
//! No code here may panic on input, on a call from JavaScript or on timing:
//! the lints below refuse the constructs that can (tests and the fuzzing
//! harness are outside them).

#![warn(missing_docs)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::panic,
    clippy::unreachable,
    clippy::todo,
    clippy::unimplemented
)]

pub mod core;

#[cfg(not(target_arch = "wasm32"))]
#[doc(hidden)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
pub mod fuzzing;

#[cfg(all(target_arch = "wasm32", feature = "bench-floor"))]
mod bench_floor;
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
mod embed;
#[cfg(all(target_arch = "wasm32", feature = "feed-module"))]
mod feed_module;
#[cfg(all(target_arch = "wasm32", feature = "widget", debug_assertions))]
mod heap_meter;
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub(crate) mod host;
#[cfg(all(target_arch = "wasm32", feature = "import-module"))]
mod import_module;
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub(crate) mod ui;

#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub use embed::{mount, MountedViewer};
