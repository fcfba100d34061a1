//! `episode-viewer import --feed`: one episode of a podcast feed as episode
//! JSON naming the files the feed names.

use episode_viewer::core::episode_json::EpisodeDocument;
use episode_viewer::core::export::document_to_episode_json;
use episode_viewer::core::feed::{read_feed, EpisodeChoice};
use episode_viewer::core::import::{import_episode, ImportRequest, NamedText};
use episode_viewer::core::load::Reader;
use episode_viewer::core::warnings::Warning;

use std::process::ExitCode;

use crate::files::{display_name, read_text, write_output, Failure};

/// What `import --feed` was asked for.
pub struct FeedImport {
    /// The feed's path (`-`: standard input).
    pub path: String,
    /// `--episode`: the guid of the episode to take.
    pub guid: Option<String>,
    /// `--duration`: replaces the feed's `itunes:duration`.
    pub duration: Option<f64>,
    /// `--no-chapter-pins` was not given.
    pub chapter_pins: bool,
    /// `--title`: replaces the item's title.
    pub title: Option<String>,
    /// `--podcast`: replaces the channel's title.
    pub podcast: Option<String>,
    /// `--language`: replaces the channel's language.
    pub language: Option<String>,
}

/// The episode JSON `import --feed` writes, and what it tells the terminal.
pub struct FeedImported {
    /// The episode JSON.
    pub json: String,
    /// What was skipped in the feed or its show notes.
    pub warnings: Vec<Warning>,
    /// One line: which episode, and what it names.
    pub summary: String,
}

/// Writes the episode JSON for the episode `request` names to `output`
/// (standard output when `None`), its warnings and summary to standard
/// error.
pub fn write_feed_episode(request: &FeedImport, output: Option<&str>) -> Result<ExitCode, Failure> {
    let imported = episode_from_feed(request)?;
    write_output(output, &imported.json)?;
    for warning in &imported.warnings {
        eprintln!("warning: {warning}");
    }
    eprintln!("{}", imported.summary);
    Ok(ExitCode::SUCCESS)
}

/// The episode JSON for the episode `request` names.
pub fn episode_from_feed(request: &FeedImport) -> Result<FeedImported, Failure> {
    let name = display_name(&request.path);
    let text = read_text(&request.path)?;
    let choice = match &request.guid {
        Some(guid) => EpisodeChoice::Guid(guid),
        None => EpisodeChoice::Only,
    };
    let feed_episode = read_feed(&text, &choice, Reader::Cli)
        .map_err(|error| Failure::Failed(error.in_file(&name).to_string()))?;
    let guid = feed_episode.guid.clone();
    let (mut document, notes) = feed_episode.into_document();
    let episode = &mut document.episode;
    for warning in &mut episode.warnings {
        warning.file = Some(name.clone());
    }
    for (given, field) in [
        (&request.title, &mut episode.title),
        (&request.podcast, &mut episode.podcast),
        (&request.language, &mut episode.language),
    ] {
        if given.is_some() {
            field.clone_from(given);
        }
    }
    if request.duration.is_some() {
        episode.duration = request.duration;
    }
    if let Some(notes) = notes.filter(|_| document.chapters_file.is_none()) {
        chapters_from_notes(
            &mut document,
            &format!("{name} (show notes)"),
            &notes,
            request,
        );
    }
    let summary = summary(&document, guid.as_deref());
    let json = document_to_episode_json(&document);
    let warnings = std::mem::take(&mut document.episode.warnings);
    Ok(FeedImported {
        json,
        warnings,
        summary,
    })
}

/// The chapters the show notes' topic times give, when the feed names no
/// chapters file.
fn chapters_from_notes(
    document: &mut EpisodeDocument,
    name: &str,
    notes: &str,
    request: &FeedImport,
) {
    let import = ImportRequest {
        notes: Some(NamedText { name, text: notes }),
        duration: document.episode.duration,
        chapter_pins: request.chapter_pins,
        ..ImportRequest::default()
    };
    match import_episode(&import) {
        Ok(imported) => {
            document.episode.chapters = imported.chapters;
            document.episode.warnings.extend(imported.warnings);
        }
        Err(error) => document.episode.warnings.push(Warning::from_error(
            error.in_file(name),
            "no chapters from them",
        )),
    }
}

fn summary(document: &EpisodeDocument, guid: Option<&str>) -> String {
    let episode = &document.episode;
    let title = episode.title.as_deref().unwrap_or("(untitled)");
    let count = |count: usize, one: &str, many: &str| {
        format!("{count} {}", if count == 1 { one } else { many })
    };
    let chapters = match &document.chapters_file {
        Some(file) => format!("chapters from {}", file.url),
        None => format!(
            "{} from the show notes",
            count(episode.chapters.len(), "chapter", "chapters")
        ),
    };
    format!(
        "\"{title}\" ({}): {}, {chapters}, {}, {}",
        guid.unwrap_or("no guid"),
        count(
            document.transcript_files.len(),
            "transcript file",
            "transcript files"
        ),
        count(episode.speakers.len(), "person", "people"),
        count(episode.highlights.len(), "highlight", "highlights")
    )
}
