//! Loading an episode: the file that `src` names (episode JSON, WebVTT, SRT,
//! Podcasting 2.0 JSON or JSON Chapters), the transcript and chapters files
//! an episode JSON refers to, and a separate chapters file.

use crate::core::episode_json::{parse_episode_document, EpisodeError, FileRef};
use crate::core::formats::json_chapters::parse_json_chapters;
use crate::core::formats::{
    apply_transcript, choose_transcript, detect_format, read_transcript, FileFormat,
};
use crate::core::links::settle_links;
use crate::core::{Chapter, Episode};

use super::fetch::{fetch_text, FetchError, Fetched};

/// Why an episode could not be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// A file could not be downloaded; trying again may work.
    Fetch(String),
    /// A file was downloaded but cannot be used as it is.
    Unusable(String),
}

impl LoadError {
    /// What went wrong, naming the file.
    pub fn message(&self) -> &str {
        match self {
            LoadError::Fetch(message) | LoadError::Unusable(message) => message,
        }
    }

    /// Whether a Retry control makes sense.
    pub fn can_retry(&self) -> bool {
        matches!(self, LoadError::Fetch(_))
    }
}

impl From<FetchError> for LoadError {
    fn from(error: FetchError) -> Self {
        LoadError::Fetch(error.0)
    }
}

/// Where to load from, and how long each download may take.
pub struct LoadRequest<'r> {
    /// The `src` URL (relative to the page).
    pub src: &'r str,
    /// The `chapters` URL, whose chapters replace the episode's own.
    pub chapters: Option<&'r str>,
    /// The page's language, for choosing among transcripts.
    pub page_language: Option<&'r str>,
    /// The time limit for each download, in milliseconds.
    pub time_limit_ms: u32,
}

/// Loads the episode a [`LoadRequest`] names. URLs inside an episode JSON
/// are relative to it; links and images are kept only when they are web
/// URLs (relative ones resolved against their file), with a warning for
/// each one dropped.
pub async fn load_episode(request: &LoadRequest<'_>) -> Result<Episode, LoadError> {
    let src = request.src;
    let main = fetch_text(src, request.time_limit_ms).await?;
    let format = detect_format(main.content_type.as_deref(), &main.text)
        .ok_or_else(|| LoadError::Unusable(unknown_format(src, &main)))?;
    let mut episode = match format {
        FileFormat::EpisodeJson => load_episode_document(request, &main).await?,
        FileFormat::JsonChapters => Episode {
            chapters: read_chapters(src, &main, None, &mut Vec::new())?,
            ..Episode::default()
        },
        transcript_format => {
            let mut episode = Episode::default();
            let transcript = read_transcript(transcript_format, &main.text)
                .map_err(|error| unusable(src, transcript_format, &error))?;
            episode.warnings.extend(in_file(src, &transcript.warnings));
            apply_transcript(&mut episode, transcript);
            episode
        }
    };
    if let Some(chapters_url) = request
        .chapters
        .map(str::trim)
        .filter(|url| !url.is_empty())
    {
        let file = fetch_text(chapters_url, request.time_limit_ms).await?;
        let mut warnings = Vec::new();
        episode.chapters = read_chapters(chapters_url, &file, episode.duration, &mut warnings)?;
        episode.warnings.extend(warnings);
    }
    Ok(episode)
}

async fn load_episode_document(
    request: &LoadRequest<'_>,
    main: &Fetched,
) -> Result<Episode, LoadError> {
    let src = request.src;
    let document = parse_episode_document(&main.text).map_err(|error| {
        LoadError::Unusable(format!("\"{src}\" is not a usable episode: {error}"))
    })?;
    let mut episode = document.episode;
    let warnings = settle_links(&mut episode.speakers, &mut episode.chapters, |url| {
        resolve(url, &main.url)
    });
    episode.warnings.extend(in_file(src, &warnings));
    if !document.transcript_files.is_empty() {
        let file = choose_transcript(&document.transcript_files, request.page_language).ok_or_else(|| {
            LoadError::Unusable(format!("\"{src}\": none of its transcript files has a type this widget reads (WebVTT, SRT, Podcasting 2.0 JSON)"))
        })?;
        let fetched =
            fetch_text(&resolve_file_url(file, &main.url)?, request.time_limit_ms).await?;
        let named = file
            .mime_type
            .as_deref()
            .and_then(FileFormat::from_mime_type);
        let format = detect_format(file.mime_type.as_deref(), &fetched.text)
            .or(named)
            .ok_or_else(|| LoadError::Unusable(unknown_format(&file.url, &fetched)))?;
        let transcript = read_transcript(format, &fetched.text)
            .map_err(|error| unusable(&file.url, format, &error))?;
        episode
            .warnings
            .extend(in_file(&file.url, &transcript.warnings));
        apply_transcript(&mut episode, transcript);
    }
    if let Some(file) = &document.chapters_file {
        let fetched =
            fetch_text(&resolve_file_url(file, &main.url)?, request.time_limit_ms).await?;
        let mut warnings = Vec::new();
        episode.chapters = read_chapters(&file.url, &fetched, episode.duration, &mut warnings)?;
        episode.warnings.extend(warnings);
    }
    Ok(episode)
}

fn read_chapters(
    name: &str,
    file: &Fetched,
    duration: Option<f64>,
    warnings: &mut Vec<String>,
) -> Result<Vec<Chapter>, LoadError> {
    let mut read = parse_json_chapters(&file.text, duration)
        .map_err(|error| unusable(name, FileFormat::JsonChapters, &error))?;
    warnings.extend(in_file(name, &read.warnings));
    let dropped = settle_links(&mut [], &mut read.chapters, |url| resolve(url, &file.url));
    warnings.extend(in_file(name, &dropped));
    Ok(read.chapters)
}

fn unusable(name: &str, format: FileFormat, error: &EpisodeError) -> LoadError {
    LoadError::Unusable(format!(
        "\"{name}\" is not a usable {} file: {error}",
        format.name()
    ))
}

/// Names what the server sent when it is not a format the widget reads.
fn unknown_format(name: &str, file: &Fetched) -> String {
    let expected = "expected episode JSON, WebVTT, SRT, Podcasting 2.0 JSON or JSON Chapters";
    let sent = file
        .content_type
        .as_deref()
        .map(|content_type| content_type.split(';').next().unwrap_or_default().trim())
        .filter(|content_type| !content_type.is_empty());
    let looks_like_html = file.text.trim_start().starts_with('<');
    match sent {
        Some(content_type) if looks_like_html || content_type == "text/html" => format!(
            "\"{name}\" is not a file this widget reads: the server sent a web page ({content_type}); {expected}"
        ),
        Some(content_type) => format!(
            "\"{name}\" is not a file this widget reads (the server sent it as {content_type}): {expected}"
        ),
        None => format!("\"{name}\" is not a file this widget reads: {expected}"),
    }
}

fn in_file<'w>(name: &'w str, warnings: &'w [String]) -> impl Iterator<Item = String> + 'w {
    warnings
        .iter()
        .map(move |warning| format!("\"{name}\" {warning}"))
}

/// `url` made absolute against `base`, when it can be.
fn resolve(url: &str, base: &str) -> Option<String> {
    web_sys::Url::new_with_base(url, base)
        .ok()
        .map(|url| url.href())
}

/// The file's URL made absolute against the URL of the episode JSON.
fn resolve_file_url(file: &FileRef, base: &str) -> Result<String, LoadError> {
    resolve(&file.url, base)
        .ok_or_else(|| LoadError::Unusable(format!("\"{}\" is not a valid URL", file.url)))
}

/// The page's language (`<html lang>`), for choosing among transcripts.
pub fn page_language() -> Option<String> {
    web_sys::window()?
        .document()?
        .document_element()?
        .get_attribute("lang")
        .filter(|lang| !lang.trim().is_empty())
}
