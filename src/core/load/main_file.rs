//! The first round of a load: which files the request names, and what the
//! main one is (an episode JSON names more files: they are the second).

use super::files::FileStore;
use super::locate::Locate;
use super::request::{EpisodeRequest, FileNeed, LoadError, Reader, Role};
use crate::core::episode::Episode;
use crate::core::episode_json::{EpisodeDocument, EpisodeJsonReader, FileRef};
use crate::core::error::ReadError;
use crate::core::formats::{choose_transcript, detect_format, FileFormat};
use crate::core::links::{settle_links, url_kind, UrlKind};
use crate::core::warnings::in_file;

/// What the main file turned out to be.
pub(super) enum MainFile {
    /// An episode JSON, its links settled; the files it names are needed
    /// as [`Role::EpisodeTranscript`] and [`Role::EpisodeChapters`].
    Document {
        /// The episode as far as the episode JSON (or feed) gives it.
        episode: Box<Episode>,
        /// The type the episode JSON gives its transcript file.
        transcript_type: Option<String>,
        /// A feed's show notes, named for messages: the chapters when the
        /// feed names no chapters file.
        notes: Option<(String, String)>,
    },
    /// What `src` names, in a format other than episode JSON.
    Src(FileFormat),
    /// What `transcript` names (whether it is a timed transcript) and the
    /// show notes, or the show notes alone (not timed).
    Import {
        /// Whether `transcript` names a transcript with its own timings.
        timed: bool,
    },
}

impl MainFile {
    /// The format `src` was read as (`None` for an import).
    pub fn format(&self) -> Option<FileFormat> {
        match self {
            MainFile::Document { .. } => Some(FileFormat::EpisodeJson),
            MainFile::Src(format) => Some(*format),
            MainFile::Import { .. } => None,
        }
    }
}

/// The files the request names, all known before any is read.
pub(super) fn first_needs(
    request: &EpisodeRequest,
    locate: &dyn Locate,
) -> Result<Vec<FileNeed>, LoadError> {
    let widget = request.reader == Reader::Widget;
    if request.feed.is_some() && (request.src.is_some() || request.transcript.is_some()) {
        return Err(LoadError::Unusable(if widget {
            "the <episode-viewer> element has feed and also src or transcript; the feed names the episode's files: use it alone".to_string()
        } else {
            "give either a feed or files to read, not both".to_string()
        }));
    }
    match (&request.src, &request.transcript) {
        (Some(_), Some(_)) if widget => return Err(LoadError::Unusable(
            "the <episode-viewer> element has both src and transcript; use src for a timed transcript or episode JSON, or transcript for untimed text".to_string(),
        )),
        (Some(_), Some(_)) => return Err(LoadError::Unusable(
            "give either a timed file or an untimed transcript to read, not both".to_string(),
        )),
        (None, None) if request.notes.is_none() && request.feed.is_none() && widget => return Err(LoadError::Unusable(
            "the <episode-viewer> element has no src attribute; set it to the URL of the episode JSON or transcript (or transcript to an untimed text transcript, or feed to the podcast's feed)".to_string(),
        )),
        (None, None) if request.notes.is_none() && request.feed.is_none() => return Err(LoadError::Unusable(
            "nothing to read: give a transcript, an episode JSON or show notes".to_string(),
        )),
        _ => {}
    }
    let named = [
        (Role::Src, &request.src),
        (Role::Transcript, &request.transcript),
        (Role::Notes, &request.notes),
        (Role::Chapters, &request.chapters),
        (Role::Feed, &request.feed),
    ];
    Ok(named
        .into_iter()
        .filter_map(|(role, name)| {
            let name = name.as_deref()?;
            Some(FileNeed {
                role,
                name: locate.name(name),
                location: name.to_string(),
            })
        })
        .collect())
}

/// The main file told apart: what it is, or an episode JSON to read.
pub(super) enum MainRead {
    /// What it is, and the files it names.
    Known(MainFile, Vec<FileNeed>),
    /// An episode JSON, read a part at a time ([`read_document`]).
    Document(Box<EpisodeJsonReader>),
    /// A feed, read by a feed reader (`feed_file::read_feed_file`).
    Feed,
}

/// Bytes of an episode JSON read in one step of the load: about 10 ms of
/// work on a desktop, 40 on a phone (a 5 MB file takes 20 steps; the
/// episode of a typical hour, one).
pub(super) const DOCUMENT_STEP_BYTES: usize = 256 * 1024;

/// Tells the main file apart; an episode JSON is then read by
/// [`read_document`].
pub(super) fn read_main(
    request: &EpisodeRequest,
    store: &FileStore,
) -> Result<MainRead, LoadError> {
    if store.file(Role::Feed).is_some() {
        return Ok(MainRead::Feed);
    }
    if let Some(file) = store.file(Role::Transcript) {
        let timed = detect_format(None, &file.text).is_some_and(FileFormat::is_timed_transcript);
        return Ok(MainRead::Known(MainFile::Import { timed }, Vec::new()));
    }
    let Some((src, file)) = store.source(Role::Src) else {
        return Ok(MainRead::Known(
            MainFile::Import { timed: false },
            Vec::new(),
        ));
    };
    let format = detect_format(file.content_type.as_deref(), &file.text).ok_or_else(|| {
        LoadError::Unusable(unknown_format(
            src,
            &file.text,
            file.content_type.as_deref(),
            request.reader,
        ))
    })?;
    if format != FileFormat::EpisodeJson {
        return Ok(MainRead::Known(MainFile::Src(format), Vec::new()));
    }
    EpisodeJsonReader::new(&file.text)
        .map(|reader| MainRead::Document(Box::new(reader)))
        .map_err(|error| unusable_episode(src, &error))
}

fn unusable_episode(src: &str, error: &ReadError) -> LoadError {
    LoadError::Unusable(format!("\"{src}\" is not a usable episode: {error}"))
}

/// Reads on in the episode JSON `src` names: `None` when there is more to
/// read (call again), else the episode with its links settled and the
/// files it names.
pub(super) fn read_document(
    request: &EpisodeRequest,
    locate: &dyn Locate,
    store: &FileStore,
    reader: &mut Option<Box<EpisodeJsonReader>>,
) -> Result<Option<(MainFile, Vec<FileNeed>)>, LoadError> {
    let (Some((src, file)), Some(reading)) = (store.source(Role::Src), reader.as_deref_mut())
    else {
        return Err(LoadError::Unusable(
            "the episode was already read".to_string(),
        ));
    };
    let read_all = reading
        .read_some(&file.text, DOCUMENT_STEP_BYTES)
        .map_err(|error| unusable_episode(src, &error))?;
    if !read_all {
        return Ok(None);
    }
    let Some(reading) = reader.take() else {
        return Ok(None);
    };
    let document = reading
        .finish(&file.text)
        .map_err(|error| unusable_episode(src, &error))?;
    document_files(
        request,
        locate,
        (src, &file.location),
        document,
        "episode JSON",
        None,
    )
    .map(Some)
}

/// The episode of an episode JSON document (or a feed's, `what` saying
/// which, with its show notes), its links settled against `base`, and the
/// files it names: the transcript chosen by the page's language and its
/// type, and the chapters file.
pub(super) fn document_files(
    request: &EpisodeRequest,
    locate: &dyn Locate,
    (name, base): (&str, &str),
    document: EpisodeDocument,
    what: &str,
    notes: Option<(String, String)>,
) -> Result<(MainFile, Vec<FileNeed>), LoadError> {
    let mut episode = document.episode;
    let dropped = settle_links(&mut episode.speakers, &mut episode.chapters, |url| {
        locate.link(url, base)
    });
    episode.warnings.extend(in_file(name, dropped));
    let mut needs = Vec::new();
    let mut transcript_type = None;
    if !document.transcript_files.is_empty() {
        let chosen = choose_transcript(&document.transcript_files, request.page_language.as_deref())
            .ok_or_else(|| {
                LoadError::Unusable(format!("\"{name}\": none of its transcript files has a type {} reads (WebVTT, SRT, Podcasting 2.0 JSON, HTML transcript)", request.reader.itself()))
            })?;
        needs.push(referenced(
            request,
            locate,
            chosen,
            base,
            Role::EpisodeTranscript,
            what,
        )?);
        transcript_type.clone_from(&chosen.mime_type);
    }
    if let Some(file) = &document.chapters_file {
        needs.push(referenced(
            request,
            locate,
            file,
            base,
            Role::EpisodeChapters,
            what,
        )?);
    }
    let main = MainFile::Document {
        episode: Box::new(episode),
        transcript_type,
        notes,
    };
    Ok((main, needs))
}

/// The need for a file an episode JSON (or a feed, `what`) names. Only
/// `http:`, `https:` and relative URLs are fetched: a file must not make
/// the page request `data:`, `blob:` or `file:` URLs.
fn referenced(
    request: &EpisodeRequest,
    locate: &dyn Locate,
    file: &FileRef,
    base: &str,
    role: Role,
    what: &str,
) -> Result<FileNeed, LoadError> {
    let url = match url_kind(&file.url) {
        UrlKind::Web(url) | UrlKind::Relative(url) => url,
        UrlKind::Refused => {
            return Err(LoadError::Unusable(format!(
            "\"{}\" is not a web address: the {what} may name only http:, https: and relative URLs",
            file.url
        )))
        }
    };
    let location = locate
        .file(&url, base)
        .ok_or_else(|| {
            LoadError::Unusable(match request.reader {
                Reader::Widget => format!("\"{}\" is not a valid URL", file.url),
                Reader::Cli => format!(
                    "\"{}\" is not a file beside the {what}: this tool reads files named by a path relative to it",
                    file.url
                ),
            })
        })?;
    Ok(FileNeed {
        role,
        name: file.url.clone(),
        location,
    })
}

/// Names what came when it is not a format the widget reads.
pub(super) fn unknown_format(
    name: &str,
    text: &str,
    content_type: Option<&str>,
    reader: Reader,
) -> String {
    let itself = reader.itself();
    let expected =
        "expected episode JSON, WebVTT, SRT, Podcasting 2.0 JSON, an HTML transcript or JSON Chapters";
    let sent = content_type
        .map(|content_type| content_type.split(';').next().unwrap_or_default().trim())
        .filter(|content_type| !content_type.is_empty());
    let looks_like_html = text.trim_start().starts_with('<');
    match sent.filter(|_| reader == Reader::Widget) {
        Some(content_type) if looks_like_html || content_type == "text/html" => format!(
            "\"{name}\" is not a file {itself} reads: the server sent a web page ({content_type}); {expected}"
        ),
        Some(content_type) => format!(
            "\"{name}\" is not a file {itself} reads (the server sent it as {content_type}): {expected}"
        ),
        None => format!("\"{name}\" is not a file {itself} reads: {expected}"),
    }
}
