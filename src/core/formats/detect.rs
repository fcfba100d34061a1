//! Which kind of file a text is: by its content first, then by the
//! Content-Type it was sent with.

use super::sbv;
use crate::core::error::ReadError;
use crate::core::time::parse_clock;

/// The kinds of file the widget reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    /// The widget's own episode JSON (`docs/episode-json.md`).
    EpisodeJson,
    /// WebVTT.
    WebVtt,
    /// SubRip.
    Srt,
    /// Podcasting 2.0 JSON transcript.
    PodcastJson,
    /// JSON Chapters.
    JsonChapters,
    /// The Podcasting 2.0 HTML transcript (`<cite>`, `<time>`, `<p>`):
    /// times per monologue at most, so it is imported with estimated times.
    HtmlTranscript,
    /// The JSON of the whisper speech recognisers (OpenAI whisper,
    /// WhisperX, whisper.cpp).
    WhisperJson,
    /// YouTube's SubViewer captions (`.sbv`).
    Sbv,
    /// A plain text transcript in speaker turns, without timings (never
    /// told from content by [`detect_format`]: any text could be one).
    PlainText,
}

impl FileFormat {
    /// The format's name for messages.
    pub fn name(self) -> &'static str {
        match self {
            FileFormat::EpisodeJson => "episode JSON",
            FileFormat::WebVtt => "WebVTT",
            FileFormat::Srt => "SRT",
            FileFormat::PodcastJson => "Podcasting 2.0 JSON transcript",
            FileFormat::JsonChapters => "JSON Chapters",
            FileFormat::HtmlTranscript => "HTML transcript",
            FileFormat::WhisperJson => "whisper JSON",
            FileFormat::Sbv => "SBV",
            FileFormat::PlainText => "plain text transcript",
        }
    }

    /// Whether the format is a transcript with its own timings.
    pub fn is_timed_transcript(self) -> bool {
        matches!(
            self,
            FileFormat::WebVtt
                | FileFormat::Srt
                | FileFormat::PodcastJson
                | FileFormat::WhisperJson
                | FileFormat::Sbv
        )
    }

    /// Why the file `name` of this format cannot be used:
    /// `"a.vtt" is not a usable WebVTT file: line 3: …`.
    pub fn unusable_message(self, name: &str, error: &ReadError) -> String {
        format!("\"{name}\" is not a usable {} file: {error}", self.name())
    }

    /// The format a MIME type names, if it names one.
    pub fn from_mime_type(mime_type: &str) -> Option<FileFormat> {
        let essence = mime_type
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        match essence.as_str() {
            "text/vtt" => Some(FileFormat::WebVtt),
            "application/x-subrip" | "application/srt" | "text/srt" => Some(FileFormat::Srt),
            "application/json+chapters" => Some(FileFormat::JsonChapters),
            "application/json" => Some(FileFormat::PodcastJson),
            "text/html" => Some(FileFormat::HtmlTranscript),
            _ => None,
        }
    }
}

/// The names that tell JSON formats apart.
const JSON_NAMES: [&str; 4] = ["segments", "start", "startTime", "transcription"];

/// Whether `text` holds each of `words` in double quotes (`"start"`), in
/// one pass over it (a 5 MB episode JSON is read once, not once a word).
fn quoted_words_in<const N: usize>(text: &str, words: [&str; N]) -> [bool; N] {
    let mut found = [false; N];
    let bytes = text.as_bytes();
    let quotes = bytes.iter().enumerate().filter(|(_, byte)| **byte == b'"');
    for (at, _) in quotes {
        let after = bytes.get(at + 1..).unwrap_or_default();
        for (word, found) in words.iter().zip(found.iter_mut()) {
            let quoted = after
                .strip_prefix(word.as_bytes())
                .is_some_and(|rest| rest.first() == Some(&b'"'));
            *found |= quoted;
        }
    }
    found
}

/// Tells a file's format from its content, then from its Content-Type: a
/// server that sends `text/plain` for a `.vtt` file must still work.
pub fn detect_format(content_type: Option<&str>, text: &str) -> Option<FileFormat> {
    let start = text.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n']);
    if start.starts_with("WEBVTT") {
        return Some(FileFormat::WebVtt);
    }
    let named = content_type.and_then(FileFormat::from_mime_type);
    if start.starts_with('{') {
        let [segments, start_key, start_time, transcription] = quoted_words_in(text, JSON_NAMES);
        let whisper = (segments && start_key && !start_time) || (transcription && !segments);
        return Some(if whisper {
            FileFormat::WhisperJson
        } else if segments {
            FileFormat::PodcastJson
        } else if named == Some(FileFormat::JsonChapters) || start_time {
            FileFormat::JsonChapters
        } else {
            FileFormat::EpisodeJson
        });
    }
    if looks_like_html_transcript(start) {
        return Some(FileFormat::HtmlTranscript);
    }
    let looks_like_srt = start
        .lines()
        .take(4)
        .any(|line| line.contains("-->") && line.contains(':'));
    if looks_like_srt {
        return Some(FileFormat::Srt);
    }
    if start.lines().next().is_some_and(sbv::is_timing_line) {
        return Some(FileFormat::Sbv);
    }
    // A web page sent as text/html is an HTML transcript only by its content.
    named.filter(|format| *format != FileFormat::HtmlTranscript)
}

/// Whether a text is an HTML transcript: HTML with paragraphs and a
/// `<cite>`, or a `<time>` that holds a clock time (a page's publication
/// date in `<time>` does not make it one).
pub fn looks_like_html_transcript(text: &str) -> bool {
    let start = text.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n']);
    let head = start
        .get(..start.len().min(64 * 1024))
        .unwrap_or(start)
        .to_ascii_lowercase();
    let paragraphs = head.contains("<p>") || head.contains("<p ");
    let clock_in_time = head.match_indices("<time").take(100).any(|(at, _)| {
        head.get(at..)
            .and_then(|element| {
                let content = element.get(element.find('>')? + 1..)?;
                content.get(..content.find('<')?)
            })
            .and_then(|time| parse_clock(time.trim()))
            .is_some()
    });
    head.starts_with('<') && paragraphs && (head.contains("<cite") || clock_in_time)
}
