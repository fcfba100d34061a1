//! Which of an episode's transcript files to load.

use super::detect::FileFormat;
use crate::core::episode_json::FileRef;

/// Picks the transcript file to load: one in the page's language first
/// (exact tag, then the bare primary language, then another region of it,
/// then files with no language), then by
/// format: WebVTT, Podcasting 2.0 JSON, SRT, files of unnamed type, then
/// the HTML transcript (its times are estimated). Types the widget cannot
/// read are never picked.
pub fn choose_transcript<'f>(
    files: &'f [FileRef],
    page_language: Option<&str>,
) -> Option<&'f FileRef> {
    let page_language = page_language
        .map(str::to_ascii_lowercase)
        .filter(|l| !l.is_empty());
    let primary = |tag: &str| tag.split(['-', '_']).next().unwrap_or_default().to_string();
    let language_rank = |file: &FileRef| {
        let (Some(page), Some(language)) = (&page_language, &file.language) else {
            return if page_language.is_none() { 0 } else { 3 };
        };
        let language = language.to_ascii_lowercase();
        if language == *page {
            0
        } else if language == primary(page) {
            1
        } else if primary(&language) == primary(page) {
            2
        } else {
            4
        }
    };
    let format_rank =
        |file: &FileRef| match file.mime_type.as_deref().map(FileFormat::from_mime_type) {
            Some(Some(FileFormat::WebVtt)) => Some(0),
            Some(Some(FileFormat::PodcastJson)) => Some(1),
            Some(Some(FileFormat::Srt)) => Some(2),
            None => Some(3),
            Some(Some(FileFormat::HtmlTranscript)) => Some(4),
            Some(_) => None,
        };
    files
        .iter()
        .filter_map(|file| Some(((language_rank(file), format_rank(file)?), file)))
        .min_by_key(|(rank, _)| *rank)
        .map(|(_, file)| file)
}
