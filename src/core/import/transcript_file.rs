//! A transcript file of any kind the widget reads, into an episode: the
//! timed formats as they are, the HTML transcript and plain text imported
//! with estimated times. The widget and the CLI both read transcripts
//! through here, so they read them the same way.

use super::boundary::{Importer, LinkedImporter};
use super::request::{ImportRequest, NamedText};
use super::section_labels::is_transcript_heading;
use super::text_lines::html_lines;
use crate::core::episode::Episode;
use crate::core::formats::{
    apply_transcript, detect_format, read_transcript, FileFormat, Transcript,
};
use crate::core::links::is_page_reference;
use crate::core::warnings::in_file;

/// Reads the transcript file `name` (of `format`) into `episode`: its lines
/// and speakers, and its warnings named after it. An HTML transcript's
/// times are estimated between those it gives, up to `duration`. The error
/// names the file and its format.
pub fn add_transcript_file(
    episode: &mut Episode,
    name: &str,
    format: FileFormat,
    text: &str,
    duration: Option<f64>,
) -> Result<(), String> {
    add_transcript_file_with(episode, name, format, text, duration, None, &LinkedImporter)
}

/// [`add_transcript_file`], importing with `importer`; an HTML transcript
/// with `notes` (a feed's show notes), whose topics then give the chapters
/// and their times pin the estimate.
pub fn add_transcript_file_with(
    episode: &mut Episode,
    name: &str,
    format: FileFormat,
    text: &str,
    duration: Option<f64>,
    notes: Option<NamedText>,
    importer: &dyn Importer,
) -> Result<(), String> {
    if format == FileFormat::HtmlTranscript {
        let sources = ImportRequest {
            transcript: Some(NamedText { name, text }),
            notes,
            duration,
            chapter_pins: notes.is_some(),
        };
        let imported = importer
            .import(&sources)
            .map_err(|error| error.to_string())?;
        episode.warnings.extend(imported.warnings);
        episode.timing = imported.timing;
        if notes.is_some() {
            episode.chapters = imported.chapters;
        }
        let transcript = Transcript {
            lines: imported.lines,
            speakers: imported.speakers,
            ..Transcript::default()
        };
        apply_transcript(episode, transcript);
        return Ok(());
    }
    let mut transcript =
        read_transcript(format, text).map_err(|error| format.unusable_message(name, &error))?;
    let warnings = std::mem::take(&mut transcript.warnings);
    episode.warnings.extend(in_file(name, warnings));
    apply_transcript(episode, transcript);
    Ok(())
}

/// Reads what the widget's `transcript` attribute (or the CLI's `import
/// --transcript`) names, with the show notes: a timed file (WebVTT, SRT,
/// SBV, Podcasting 2.0 or whisper JSON) as it is, the notes giving its
/// chapters; an HTML
/// transcript or plain text imported with estimated times (and an HTML
/// description only for the turns after its `Transcript` heading). Another
/// web page or an episode JSON file there is an error that says so.
pub fn read_transcript_source(sources: &ImportRequest) -> Result<Episode, String> {
    read_transcript_source_with(sources, &LinkedImporter)
}

/// [`read_transcript_source`], importing with `importer`.
pub fn read_transcript_source_with(
    sources: &ImportRequest,
    importer: &dyn Importer,
) -> Result<Episode, String> {
    let import =
        |sources: &ImportRequest| importer.import(sources).map_err(|error| error.to_string());
    let Some(transcript) = sources.transcript else {
        return import(sources);
    };
    let (name, text) = (transcript.name, transcript.text);
    match detect_format(None, text) {
        Some(format) if format.is_timed_transcript() => {
            let mut episode = Episode {
                duration: sources.duration,
                ..Episode::default()
            };
            add_transcript_file_with(&mut episode, name, format, text, sources.duration, None, importer)?;
            if let Some(notes) = sources.notes {
                let from_notes = import(&ImportRequest {
                    transcript: None,
                    notes: Some(notes),
                    ..*sources
                })?;
                episode.chapters = from_notes.chapters;
                episode.warnings.extend(from_notes.warnings);
            }
            Ok(episode)
        }
        Some(format @ (FileFormat::EpisodeJson | FileFormat::JsonChapters)) => Err(format!(
            "\"{name}\" is a {} file, not a transcript; name it in src instead",
            format.name()
        )),
        Some(_) => import(sources),
        // An element of the page (`#id`) is the transcript by the
        // publisher's word, whatever its markup.
        None if text.trim_start().starts_with('<')
            && !is_page_reference(name)
            && !has_transcript_section(text) =>
        {
            Err(format!(
            "\"{name}\" is not a transcript: it is a web page without the <cite> and <time> of an HTML transcript or a Transcript heading; transcript must name a plain text or HTML transcript, WebVTT, SRT or Podcasting 2.0 JSON"
        ))
        }
        None => import(sources),
    }
}

/// Whether an HTML page has a `Transcript` heading (an episode page or
/// description with the transcript below its notes).
fn has_transcript_section(text: &str) -> bool {
    html_lines(text)
        .iter()
        .any(|line| is_transcript_heading(&line.text))
}
