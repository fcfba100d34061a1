//! The last round of a load: every file in, the episode put together (a
//! transcript file read or imported, show notes' chapters, a chapters file
//! replacing the episode's own).

use super::files::FileStore;
use super::locate::Locate;
use super::main_file::{unknown_format, MainFile};
use super::request::{EpisodeRequest, FileText, LoadError, Reader, Role};
use crate::core::episode::Episode;
use crate::core::error::ReadError;
use crate::core::formats::json_chapters::{parse_json_chapters, ChapterFile};
use crate::core::formats::{detect_format, FileFormat};
use crate::core::import::transcript_file::{add_transcript_file_with, read_transcript_source_with};
use crate::core::import::{ImportRequest, Importer, NamedText};
use crate::core::links::settle_links;
use crate::core::warnings::{in_file, Warning};

/// Everything an assembly reads.
pub(super) struct Assembly<'a> {
    /// What was asked for.
    pub request: &'a EpisodeRequest,
    /// Every file needed, fetched.
    pub store: &'a FileStore,
    /// The media's duration, once asked for.
    pub media_duration: Option<Option<f64>>,
    /// Where links inside files lead.
    pub locate: &'a dyn Locate,
    /// What runs the imports, once asked for ([`Assembly::imports`]).
    pub importer: Option<&'a dyn Importer>,
}

impl Importer for Assembly<'_> {
    fn import(&self, request: &ImportRequest) -> Result<Episode, ReadError> {
        match self.importer {
            Some(importer) => importer.import(request),
            None => Err(ReadError::about_file(
                "the importer was not asked for before an import",
            )),
        }
    }
}

/// The main file with, for an episode JSON, the format of the transcript
/// file it names: told once, when that file is in.
pub(super) struct Prepared {
    /// What the main file turned out to be.
    pub main: MainFile,
    /// The format of the episode JSON's transcript file, when it has one.
    pub transcript_format: Option<FileFormat>,
}

/// Tells the format of the transcript file an episode JSON names (now that
/// it is in): by its content first, then by the type the episode JSON
/// gives it, then by the Content-Type it came with.
pub(super) fn prepare(
    main: MainFile,
    store: &FileStore,
    reader: Reader,
) -> Result<Prepared, LoadError> {
    let declared = match &main {
        MainFile::Document {
            transcript_type, ..
        } => transcript_type.as_deref(),
        _ => None,
    };
    let transcript_format = match store.source(Role::EpisodeTranscript) {
        None => None,
        Some((name, file)) => Some(
            detect_format(declared.or(file.content_type.as_deref()), &file.text)
                .or(declared.and_then(FileFormat::from_mime_type))
                .ok_or_else(|| {
                    LoadError::Unusable(unknown_format(
                        name,
                        &file.text,
                        file.content_type.as_deref(),
                        reader,
                    ))
                })?,
        ),
    };
    Ok(Prepared {
        main,
        transcript_format,
    })
}

impl Assembly<'_> {
    /// The file of `role` and the name messages give it.
    fn source(&self, role: Role) -> Option<(&str, &FileText)> {
        self.store.source(role)
    }

    /// Whether times are estimated up to a last known time that only the
    /// media can give.
    pub fn estimate_needs_media(&self, prepared: &Prepared) -> bool {
        let known = self.request.duration.or(match &prepared.main {
            MainFile::Document { episode, .. } => episode.duration,
            _ => None,
        });
        self.imports(prepared) && known.is_none()
    }

    /// Whether the episode is put together with an import (whose times
    /// are estimates): of an untimed or HTML transcript, or of show notes.
    pub fn imports(&self, prepared: &Prepared) -> bool {
        let notes = self.request.notes.is_some();
        match &prepared.main {
            MainFile::Document {
                notes: feed_notes, ..
            } => {
                notes
                    || feed_notes.is_some()
                    || prepared.transcript_format == Some(FileFormat::HtmlTranscript)
            }
            MainFile::Src(format) => notes || *format == FileFormat::HtmlTranscript,
            MainFile::Import { timed } => notes || !timed,
        }
    }

    /// Reads the transcript file `name` (of `format`) into `episode`, an
    /// estimate's last known time being the request's, `known` (the
    /// episode's) or the media's; an HTML transcript with `notes`.
    fn add_transcript(
        &self,
        episode: &mut Episode,
        (name, file): (&str, &FileText),
        format: FileFormat,
        known: Option<f64>,
        notes: Option<NamedText>,
    ) -> Result<(), LoadError> {
        let duration = self.estimate_duration(known);
        add_transcript_file_with(episode, name, format, &file.text, duration, notes, self)
            .map_err(LoadError::Unusable)
    }

    /// The last known time of an estimate: the request's, the episode's,
    /// or the media's.
    fn estimate_duration(&self, episode: Option<f64>) -> Option<f64> {
        self.request
            .duration
            .or(episode)
            .or(self.media_duration.flatten())
    }
}

/// Puts the episode together from its files.
pub(super) fn assemble(assembly: &Assembly, prepared: Prepared) -> Result<Episode, LoadError> {
    let mut notes_read = false;
    let mut episode = match prepared.main {
        MainFile::Document {
            mut episode, notes, ..
        } => {
            // A feed's show notes: with an HTML transcript, imported with
            // it (their times pin its estimate); else the chapters.
            let mut notes = notes.as_ref().map(|(name, text)| NamedText { name, text });
            if let Some((source, format)) = assembly
                .source(Role::EpisodeTranscript)
                .zip(prepared.transcript_format)
            {
                let with_notes = match format {
                    FileFormat::HtmlTranscript => notes.take(),
                    _ => None,
                };
                let known = episode.duration;
                assembly.add_transcript(&mut episode, source, format, known, with_notes)?;
            }
            if let Some((name, file)) = assembly.source(Role::EpisodeChapters) {
                take_chapters(&mut episode, name, file, assembly)?;
            }
            if let Some(notes) = notes {
                let duration = assembly.estimate_duration(episode.duration);
                take_notes_chapters(&mut episode, notes, duration, assembly)?;
            }
            *episode
        }
        MainFile::Src(format) => {
            let (name, file) = assembly
                .source(Role::Src)
                .ok_or_else(|| LoadError::Unusable("src was not read".to_string()))?;
            let mut episode = Episode::default();
            if format == FileFormat::JsonChapters {
                take_chapters(&mut episode, name, file, assembly)?;
            } else {
                assembly.add_transcript(&mut episode, (name, file), format, None, None)?;
            }
            episode
        }
        MainFile::Import { .. } => {
            notes_read = true;
            import_main(assembly)?
        }
    };
    if let Some((name, file)) = assembly.source(Role::Notes).filter(|_| !notes_read) {
        let duration = assembly.estimate_duration(episode.duration);
        take_notes_chapters(
            &mut episode,
            NamedText {
                name,
                text: &file.text,
            },
            duration,
            assembly,
        )?;
    }
    if let Some((name, file)) = assembly.source(Role::Chapters) {
        take_chapters(&mut episode, name, file, assembly)?;
    }
    Ok(episode)
}

/// The episode of the `transcript` attribute (or the CLI's import), with
/// the show notes.
fn import_main(assembly: &Assembly) -> Result<Episode, LoadError> {
    let named = |role| {
        assembly.source(role).map(|(name, file)| NamedText {
            name,
            text: &file.text,
        })
    };
    let sources = ImportRequest {
        transcript: named(Role::Transcript),
        notes: named(Role::Notes),
        duration: assembly.estimate_duration(None),
        chapter_pins: assembly.request.chapter_pins,
    };
    read_transcript_source_with(&sources, assembly).map_err(LoadError::Unusable)
}

/// When the last chapter has no end and nothing says how long the episode
/// is: `Some(end)`, where `end` is the request's duration or the media's
/// (`None` while the media was not asked).
pub(super) fn chapters_end(
    episode: &Episode,
    duration: Option<f64>,
    media_duration: Option<Option<f64>>,
) -> Option<Option<f64>> {
    let open_ended = episode
        .chapters
        .last()
        .is_some_and(|chapter| chapter.end <= chapter.start);
    if episode.duration.is_some() || !open_ended {
        return None;
    }
    match (duration, media_duration) {
        (Some(duration), _) => Some(Some(duration)),
        (None, Some(media)) => media.map(Some),
        (None, None) => Some(None),
    }
}

/// Replaces the episode's chapters with the topics of show notes.
fn take_notes_chapters(
    episode: &mut Episode,
    notes: NamedText,
    duration: Option<f64>,
    importer: &dyn Importer,
) -> Result<(), LoadError> {
    let sources = ImportRequest {
        notes: Some(notes),
        duration,
        ..ImportRequest::default()
    };
    let from_notes = importer
        .import(&sources)
        .map_err(|error| LoadError::Unusable(error.to_string()))?;
    episode.chapters = from_notes.chapters;
    episode.title = episode.title.take().or(from_notes.title);
    episode.warnings.extend(from_notes.warnings);
    Ok(())
}

/// Replaces the episode's chapters with a JSON Chapters file's, its links
/// settled against where it came from and its warnings named after it.
fn take_chapters(
    episode: &mut Episode,
    name: &str,
    file: &FileText,
    assembly: &Assembly,
) -> Result<(), LoadError> {
    let mut read: ChapterFile =
        parse_json_chapters(&file.text, episode.duration).map_err(|error| {
            LoadError::Unusable(FileFormat::JsonChapters.unusable_message(name, &error))
        })?;
    let mut warnings: Vec<Warning> = in_file(name, std::mem::take(&mut read.warnings)).collect();
    let dropped = settle_links(&mut [], &mut read.chapters, |url| {
        assembly.locate.link(url, &file.location)
    });
    warnings.extend(in_file(name, dropped));
    read.replace_chapters_of(episode);
    episode.warnings.extend(warnings);
    Ok(())
}
