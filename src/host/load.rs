//! Loading an episode: the file that `src` names (episode JSON, WebVTT, SRT,
//! Podcasting 2.0 JSON or JSON Chapters), the transcript and chapters files
//! an episode JSON refers to, and a separate chapters file.

use crate::core::episode_json::{parse_episode_document, EpisodeError, FileRef};
use crate::core::formats::json_chapters::parse_json_chapters;
use crate::core::formats::{
    apply_transcript, choose_transcript, detect_format, read_transcript, FileFormat,
};
use crate::core::Episode;

use super::fetch::{fetch_text, Fetched};

/// Loads the episode at `src` and, when given, the JSON Chapters file at
/// `chapters` (which replaces the episode's own chapters). Both URLs are
/// relative to the page; URLs inside an episode JSON are relative to it.
pub async fn load_episode(
    src: &str,
    chapters: Option<&str>,
    page_language: Option<&str>,
) -> Result<Episode, String> {
    let main = fetch_text(src).await?;
    let format = detect_format(main.content_type.as_deref(), &main.text).ok_or_else(|| {
        format!(
            "\"{src}\" is not a file this widget reads: expected episode JSON, WebVTT, SRT, Podcasting 2.0 JSON or JSON Chapters"
        )
    })?;
    let mut episode = match format {
        FileFormat::EpisodeJson => load_episode_document(src, &main, page_language).await?,
        FileFormat::JsonChapters => Episode {
            chapters: read_chapters(src, &main.text, None, &mut Vec::new())?,
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
    if let Some(chapters_url) = chapters.map(str::trim).filter(|url| !url.is_empty()) {
        let file = fetch_text(chapters_url).await?;
        let mut warnings = Vec::new();
        episode.chapters =
            read_chapters(chapters_url, &file.text, episode.duration, &mut warnings)?;
        episode.warnings.extend(warnings);
    }
    Ok(episode)
}

async fn load_episode_document(
    src: &str,
    main: &Fetched,
    page_language: Option<&str>,
) -> Result<Episode, String> {
    let document = parse_episode_document(&main.text)
        .map_err(|error| format!("\"{src}\" is not a usable episode: {error}"))?;
    let mut episode = document.episode;
    if !document.transcript_files.is_empty() {
        let file = choose_transcript(&document.transcript_files, page_language).ok_or_else(|| {
            format!("\"{src}\": none of its transcript files has a type this widget reads (WebVTT, SRT, Podcasting 2.0 JSON)")
        })?;
        let fetched = fetch_text(&resolve_url(file, &main.url)?).await?;
        let named = file
            .mime_type
            .as_deref()
            .and_then(FileFormat::from_mime_type);
        let format = detect_format(file.mime_type.as_deref(), &fetched.text)
            .or(named)
            .ok_or_else(|| format!("\"{}\" is not a transcript this widget reads", file.url))?;
        let transcript = read_transcript(format, &fetched.text)
            .map_err(|error| unusable(&file.url, format, &error))?;
        episode
            .warnings
            .extend(in_file(&file.url, &transcript.warnings));
        apply_transcript(&mut episode, transcript);
    }
    if let Some(file) = &document.chapters_file {
        let fetched = fetch_text(&resolve_url(file, &main.url)?).await?;
        let mut warnings = Vec::new();
        episode.chapters =
            read_chapters(&file.url, &fetched.text, episode.duration, &mut warnings)?;
        episode.warnings.extend(warnings);
    }
    Ok(episode)
}

fn read_chapters(
    name: &str,
    text: &str,
    duration: Option<f64>,
    warnings: &mut Vec<String>,
) -> Result<Vec<crate::core::Chapter>, String> {
    let file = parse_json_chapters(text, duration)
        .map_err(|error| unusable(name, FileFormat::JsonChapters, &error))?;
    warnings.extend(in_file(name, &file.warnings));
    Ok(file.chapters)
}

fn unusable(name: &str, format: FileFormat, error: &EpisodeError) -> String {
    format!("\"{name}\" is not a usable {} file: {error}", format.name())
}

fn in_file<'w>(name: &'w str, warnings: &'w [String]) -> impl Iterator<Item = String> + 'w {
    warnings
        .iter()
        .map(move |warning| format!("\"{name}\" {warning}"))
}

/// The file's URL made absolute against the URL of the episode JSON.
fn resolve_url(file: &FileRef, base: &str) -> Result<String, String> {
    web_sys::Url::new_with_base(&file.url, base)
        .map(|url| url.href())
        .map_err(|_| format!("\"{}\" is not a valid URL", file.url))
}

/// The page's language (`<html lang>`), for choosing among transcripts.
pub fn page_language() -> Option<String> {
    web_sys::window()?
        .document()?
        .document_element()?
        .get_attribute("lang")
        .filter(|lang| !lang.trim().is_empty())
}
