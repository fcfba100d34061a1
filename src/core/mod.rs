//! The pure core: the episode model, the episode JSON parser, time parsing
//! and formatting, and the time index. Nothing here touches the browser, so
//! all of it is tested natively with `cargo test`, and none of it panics on
//! input-derived data: the crate's lints (in `lib.rs`) refuse the constructs
//! that can.

mod chunked;
pub mod episode;
mod episode_highlights;
pub mod episode_json;
pub mod error;
pub mod export;
pub mod feed;
pub mod formats;
pub mod fragment;
pub mod import;
mod inline_lines;
mod json_fields;
mod json_item_lines;
mod json_number;
mod json_parser;
mod json_stream;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod json_tests;
mod json_value;
pub mod limits;
pub mod links;
pub mod lint;
pub mod load;
pub mod reader;
pub mod search;
pub mod text;
pub mod time;
pub mod time_index;
pub mod warnings;

pub use episode::{Chapter, DisplayText, Episode, Highlight, Line, Speaker, Timing, Word};
pub use episode_json::parse_episode_json;
pub use time::{format_clock, parse_clock};
pub use time_index::{TimeIndex, TimeSpan};
