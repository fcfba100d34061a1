//! Loading an episode: the file that `src` names (episode JSON, WebVTT, SRT,
//! Podcasting 2.0 JSON or JSON Chapters), the transcript and chapters files
//! an episode JSON refers to, a separate chapters file, or an untimed
//! transcript and show notes imported with estimated times.

use crate::core::episode_json::{parse_episode_document, EpisodeError, FileRef};
use crate::core::formats::json_chapters::{parse_json_chapters, ChapterFile};
use crate::core::formats::{choose_transcript, detect_format, in_file, FileFormat};
use crate::core::import::transcript_file::{add_transcript_file, read_transcript_source};
use crate::core::import::{import_episode, ImportSources, Source};
use crate::core::links::{settle_links, url_kind, UrlKind};
use crate::core::Episode;

use super::fetch::{fetch_text, FetchError, Fetched};
use super::media::{loads_metadata, media_duration, MediaRef};

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
    pub src: Option<&'r str>,
    /// The `transcript` URL: an untimed plain text transcript to import
    /// (a WebVTT, SRT or JSON file there is read like `src`).
    pub transcript: Option<&'r str>,
    /// The `notes` URL: show notes whose topic times become the chapters.
    pub notes: Option<&'r str>,
    /// The episode's length, the last known time when importing.
    pub duration: Option<f64>,
    /// The media element, whose duration an import waits for briefly when
    /// neither `duration` nor the episode gives one.
    pub media: MediaRef,
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
    // Whether the show notes were already read with the transcript.
    let (mut episode, notes_read) = match (request.src, request.transcript) {
        (Some(_), Some(_)) => {
            return Err(LoadError::Unusable(
                "the <episode-viewer> element has both src and transcript; use src for a timed transcript or episode JSON, or transcript for untimed text".to_string(),
            ))
        }
        (Some(src), None) => (load_src(request, src).await?, false),
        (None, Some(transcript)) => load_transcript_attribute(request, transcript).await?,
        (None, None) if request.notes.is_some() => (Episode::default(), false),
        (None, None) => {
            return Err(LoadError::Unusable(
                "the <episode-viewer> element has no src attribute; set it to the URL of the episode JSON or transcript (or transcript to an untimed text transcript)".to_string(),
            ))
        }
    };
    if let Some(notes_url) = request.notes.filter(|_| !notes_read) {
        let notes = fetch_text(notes_url, request.time_limit_ms).await?;
        let duration = duration_for_estimate(request, episode.duration).await;
        take_notes_chapters(
            &mut episode,
            Source {
                name: notes_url,
                text: &notes.text,
            },
            duration,
        )?;
    }
    if let Some(chapters_url) = request.chapters {
        let file = fetch_text(chapters_url, request.time_limit_ms).await?;
        let mut warnings = Vec::new();
        read_chapters(chapters_url, &file, episode.duration, &mut warnings)?
            .replace_chapters_of(&mut episode);
        episode.warnings.extend(warnings);
    }
    // Nothing said how long the episode is, so the last chapter has no
    // end: the media's length (once its metadata is in) gives it one.
    let open_ended = episode
        .chapters
        .last()
        .is_some_and(|chapter| chapter.end <= chapter.start);
    if episode.duration.is_none() && open_ended {
        // Waiting is worth it only while the metadata is on its way.
        let wait = if loads_metadata(request.media) {
            DURATION_WAIT_MS
        } else {
            0
        };
        if let Some(duration) = known_or_media_duration(request, None, wait).await {
            episode.end_at(duration);
        }
    }
    Ok(episode)
}

/// The file `src` names, in whichever format it is.
async fn load_src(request: &LoadRequest<'_>, src: &str) -> Result<Episode, LoadError> {
    let main = fetch_text(src, request.time_limit_ms).await?;
    let format = detect_format(main.content_type.as_deref(), &main.text)
        .ok_or_else(|| LoadError::Unusable(unknown_format(src, &main)))?;
    Ok(match format {
        FileFormat::EpisodeJson => load_episode_document(request, src, &main).await?,
        FileFormat::JsonChapters => {
            let mut episode = Episode::default();
            read_chapters(src, &main, None, &mut Vec::new())?.replace_chapters_of(&mut episode);
            episode
        }
        FileFormat::HtmlTranscript => {
            let duration = duration_for_estimate(request, None).await;
            transcript_episode(src, FileFormat::HtmlTranscript, &main.text, duration)?
        }
        transcript_format => transcript_episode(src, transcript_format, &main.text, None)?,
    })
}

/// The last known time for estimating times: the `duration` attribute, the
/// episode's, or the media's once its metadata is in (waiting briefly).
async fn duration_for_estimate(request: &LoadRequest<'_>, episode: Option<f64>) -> Option<f64> {
    known_or_media_duration(request, episode, DURATION_WAIT_MS).await
}

/// The `duration` attribute, `episode`'s, or the media's (waiting up to
/// `wait_ms` for its metadata).
async fn known_or_media_duration(
    request: &LoadRequest<'_>,
    episode: Option<f64>,
    wait_ms: u32,
) -> Option<f64> {
    match request.duration.or(episode) {
        Some(duration) => Some(duration),
        None => media_duration(request.media, wait_ms).await,
    }
}

/// How long an import waits for the media's duration when nothing gives
/// one.
const DURATION_WAIT_MS: u32 = 3_000;

/// Replaces the episode's chapters with the topics of show notes.
fn take_notes_chapters(
    episode: &mut Episode,
    notes: Source,
    duration: Option<f64>,
) -> Result<(), LoadError> {
    let sources = ImportSources {
        notes: Some(notes),
        duration,
        ..ImportSources::default()
    };
    let from_notes =
        import_episode(&sources).map_err(|error| LoadError::Unusable(error.to_string()))?;
    episode.chapters = from_notes.chapters;
    episode.title = episode.title.take().or(from_notes.title);
    episode.warnings.extend(from_notes.warnings);
    Ok(())
}

/// An episode of one transcript file.
fn transcript_episode(
    name: &str,
    format: FileFormat,
    text: &str,
    duration: Option<f64>,
) -> Result<Episode, LoadError> {
    let mut episode = Episode::default();
    add_transcript_file(&mut episode, name, format, text, duration).map_err(LoadError::Unusable)?;
    Ok(episode)
}

/// What `transcript` names, read with the show notes (whose chapter starts
/// found in the transcript are known times too): a timed file as it is, an
/// HTML transcript or plain text imported with estimated times. Also says
/// whether the notes were read.
async fn load_transcript_attribute(
    request: &LoadRequest<'_>,
    url: &str,
) -> Result<(Episode, bool), LoadError> {
    let file = fetch_text(url, request.time_limit_ms).await?;
    let notes = match request.notes {
        Some(notes_url) => Some(fetch_text(notes_url, request.time_limit_ms).await?),
        None => None,
    };
    let timed = detect_format(None, &file.text).is_some_and(FileFormat::is_timed_transcript);
    let duration = if timed && request.notes.is_none() {
        request.duration
    } else {
        duration_for_estimate(request, None).await
    };
    let sources = ImportSources {
        transcript: Some(Source {
            name: url,
            text: &file.text,
        }),
        notes: request
            .notes
            .zip(notes.as_ref())
            .map(|(name, notes)| Source {
                name,
                text: &notes.text,
            }),
        duration,
        chapter_pins: true,
    };
    let episode = read_transcript_source(&sources).map_err(LoadError::Unusable)?;
    Ok((episode, true))
}

async fn load_episode_document(
    request: &LoadRequest<'_>,
    src: &str,
    main: &Fetched,
) -> Result<Episode, LoadError> {
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
            LoadError::Unusable(format!("\"{src}\": none of its transcript files has a type this widget reads (WebVTT, SRT, Podcasting 2.0 JSON, HTML transcript)"))
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
        let duration = if format == FileFormat::HtmlTranscript {
            duration_for_estimate(request, episode.duration).await
        } else {
            episode.duration
        };
        add_transcript_file(&mut episode, &file.url, format, &fetched.text, duration)
            .map_err(LoadError::Unusable)?;
    }
    if let Some(file) = &document.chapters_file {
        let fetched =
            fetch_text(&resolve_file_url(file, &main.url)?, request.time_limit_ms).await?;
        let mut warnings = Vec::new();
        read_chapters(&file.url, &fetched, episode.duration, &mut warnings)?
            .replace_chapters_of(&mut episode);
        episode.warnings.extend(warnings);
    }
    Ok(episode)
}

fn read_chapters(
    name: &str,
    file: &Fetched,
    duration: Option<f64>,
    warnings: &mut Vec<String>,
) -> Result<ChapterFile, LoadError> {
    let mut read = parse_json_chapters(&file.text, duration)
        .map_err(|error| unusable(name, FileFormat::JsonChapters, &error))?;
    warnings.extend(in_file(name, &std::mem::take(&mut read.warnings)));
    let dropped = settle_links(&mut [], &mut read.chapters, |url| resolve(url, &file.url));
    warnings.extend(in_file(name, &dropped));
    Ok(read)
}

fn unusable(name: &str, format: FileFormat, error: &EpisodeError) -> LoadError {
    LoadError::Unusable(format.unusable_message(name, error))
}

/// Names what the server sent when it is not a format the widget reads.
fn unknown_format(name: &str, file: &Fetched) -> String {
    let expected =
        "expected episode JSON, WebVTT, SRT, Podcasting 2.0 JSON, an HTML transcript or JSON Chapters";
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

/// `url` made absolute against `base`, when it can be.
fn resolve(url: &str, base: &str) -> Option<String> {
    web_sys::Url::new_with_base(url, base)
        .ok()
        .map(|url| url.href())
}

/// The file's URL made absolute against the URL of the episode JSON. Only
/// `http:`, `https:` and relative URLs are fetched: a file must not make
/// the page request `data:`, `blob:` or `file:` URLs.
fn resolve_file_url(file: &FileRef, base: &str) -> Result<String, LoadError> {
    let url = match url_kind(&file.url) {
        UrlKind::Web(url) | UrlKind::Relative(url) => url,
        UrlKind::Refused => {
            return Err(LoadError::Unusable(format!(
                "\"{}\" is not a web address: the episode JSON may name only http:, https: and relative URLs",
                file.url
            )))
        }
    };
    resolve(&url, base)
        .filter(|resolved| matches!(url_kind(resolved), UrlKind::Web(_)))
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
