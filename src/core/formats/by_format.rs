//! Reading a transcript file whose format is known.

use super::detect::FileFormat;
use super::transcript::Transcript;
use super::{podcast_json, sbv, srt, webvtt, whisper_json};
use crate::core::error::ReadError;

/// Reads a transcript file of a known transcript format.
pub fn read_transcript(format: FileFormat, text: &str) -> Result<Transcript, ReadError> {
    match format {
        FileFormat::WebVtt => webvtt::parse_webvtt(text),
        FileFormat::Srt => srt::parse_srt(text),
        FileFormat::PodcastJson => podcast_json::parse_podcast_json(text),
        FileFormat::WhisperJson => whisper_json::parse_whisper_json(text),
        FileFormat::Sbv => sbv::parse_sbv(text),
        FileFormat::HtmlTranscript | FileFormat::PlainText => Err(ReadError::about_file(format!(
            "a {} has no timings of its own: it is imported with estimated times",
            format.name()
        ))),
        FileFormat::EpisodeJson | FileFormat::JsonChapters => Err(ReadError::about_file(format!(
            "this is a {} file, not a transcript (expected WebVTT, SRT, SBV, Podcasting 2.0 or whisper JSON)",
            format.name()
        ))),
    }
}
