//! Readers for the transcript and chapter files publishers already have:
//! WebVTT, SRT, SBV, Podcasting 2.0 and whisper JSON transcripts and JSON
//! Chapters; which one a file is ([`detect`]); which of an episode's
//! transcripts to load ([`choose`]). Each room holds one concern: the
//! transcript a reader gives ([`transcript`]), building one from cues
//! ([`cues`]), lines sorted and repaired ([`read_lines`]), and reading a
//! file of a known format ([`by_format`]).

mod by_format;
mod choose;
pub mod cues;
mod detect;
pub mod json_chapters;
pub mod podcast_json;
pub(crate) mod read_lines;
pub mod sbv;
pub mod srt;
mod transcript;
pub mod webvtt;
pub mod whisper_json;

pub use by_format::read_transcript;
pub use choose::choose_transcript;
pub use detect::{detect_format, looks_like_html_transcript, FileFormat};
pub use transcript::{apply_transcript, Transcript};
