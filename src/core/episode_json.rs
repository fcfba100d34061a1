//! Parser for the widget's own input format, episode JSON version 1
//! (documented in `docs/episode-json.md`). Every error names the place in
//! the document it comes from, e.g. `transcript[12].start: expected seconds,
//! got "abc"`.

use crate::core::json_value::{Map, Value};

use super::episode::{Episode, Speaker, SpeakerList};
use super::episode_highlights::read_highlights;
use super::error::ReadError;
use super::inline_lines::InlineEntries;
use super::json_fields::{
    describe, error_at, expect_object, optional_string, optional_time, optional_timing,
    required_string, Loc,
};
use super::json_stream::{check_object_text, ObjectStream};
use super::limits::{check_file_size, cut_chapters, cut_speakers};

/// Episode JSON versions this parser reads.
pub const SUPPORTED_VERSIONS: &[u64] = &[1];

/// A transcript or chapters file that an episode refers to instead of
/// listing its lines or chapters inline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRef {
    /// URL of the file, relative to the episode JSON's own URL.
    pub url: String,
    /// Its MIME type (`type`), e.g. `text/vtt`, when given.
    pub mime_type: Option<String>,
    /// Its language (BCP 47), when given.
    pub language: Option<String>,
}

/// An episode JSON document: the episode with what it lists inline, and the
/// files it refers to for the rest.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EpisodeDocument {
    /// The episode, with inline lines and chapters.
    pub episode: Episode,
    /// Transcript files to choose one from (see
    /// [`choose_transcript`](super::formats::choose_transcript)).
    pub transcript_files: Vec<FileRef>,
    /// The chapters file, when chapters are not inline.
    pub chapters_file: Option<FileRef>,
}

/// Parses an episode JSON document that lists its transcript and chapters
/// inline (references to files are ignored; see [`parse_episode_document`]).
pub fn parse_episode_json(text: &str) -> Result<Episode, ReadError> {
    parse_episode_document(text).map(|document| document.episode)
}

/// Parses an episode JSON document, whose `transcript` and `chapters` are
/// each a list given inline or a reference to a file (`{"url", "type",
/// "language"}`, or a list of those for transcripts).
pub fn parse_episode_document(text: &str) -> Result<EpisodeDocument, ReadError> {
    let mut reader = EpisodeJsonReader::new(text)?;
    while !reader.read_some(text, usize::MAX)? {}
    reader.finish(text)
}

/// The keys whose lists are read an entry at a time.
const LISTS: &[&str] = &["transcript", "chapters"];

/// An episode JSON read a part at a time, so that a long one does not hold
/// the page for its whole reading: [`read_some`](Self::read_some) until it
/// says the end is reached, then [`finish`](Self::finish). Every call is
/// given the same text.
pub struct EpisodeJsonReader {
    stream: ObjectStream<'static>,
    // Inline lines and chapters are read one at a time as the JSON is
    // parsed (see `inline_lines`); the first error among them is reported
    // after the document-level checks, as if the whole tree had been read
    // first. A list of file references stays whole.
    inline: InlineEntries,
}

impl std::fmt::Debug for EpisodeJsonReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EpisodeJsonReader")
            .field("bytes_read", &self.stream.bytes_read())
            .finish_non_exhaustive()
    }
}

impl EpisodeJsonReader {
    /// A reader of `text`; an error when it is too large or not an object.
    pub fn new(text: &str) -> Result<Self, ReadError> {
        check_file_size(text.len())?;
        check_object_text(text)?;
        Ok(Self {
            stream: ObjectStream::new(LISTS),
            inline: InlineEntries::default(),
        })
    }

    /// Reads on until `bytes` more of `text` have been read (at least one
    /// entry) or all of it: whether all of it has been. An error when the
    /// text is not valid JSON.
    pub fn read_some(&mut self, text: &str, bytes: usize) -> Result<bool, ReadError> {
        let stop_at = self.stream.bytes_read().saturating_add(bytes);
        let keep = |_: usize, first: &Value| is_file_ref(first);
        loop {
            let next = self
                .stream
                .next_item(text, &keep)
                .map_err(|error| error.into_read_error(text))?;
            match next {
                Some((0, index, item)) => self.inline.take_line(index, &item),
                Some((_, index, item)) => self.inline.take_chapter(index, &item),
                None => return Ok(true),
            }
            if self.stream.bytes_read() >= stop_at {
                return Ok(false);
            }
        }
    }

    /// The document, once [`read_some`](Self::read_some) has read all of
    /// `text`.
    pub fn finish(self, text: &str) -> Result<EpisodeDocument, ReadError> {
        let Self { stream, inline } = self;
        let (root, streamed) = stream
            .finish(text)
            .map_err(|error| error.into_read_error(text))?;
        document(&root, &streamed, inline)
    }
}

/// The document from its fields, and its inline entries already read.
fn document(
    root: &Map,
    streamed: &[bool],
    mut inline: InlineEntries,
) -> Result<EpisodeDocument, ReadError> {
    check_version(root)?;

    let mut speakers = declared_speakers(root)?;
    let duration = optional_time(root, &Loc::Root, "duration")?;
    let listing = |place: usize, key: &str| match streamed.get(place) {
        Some(true) => Ok(Some(Listing::Streamed)),
        _ => read_listing(root, key),
    };
    let transcript = listing(0, "transcript")?;
    let chapters = listing(1, "chapters")?;
    if transcript.is_none() && chapters.is_none() {
        return Err(error_at(
            &Loc::Root,
            "an episode needs \"transcript\" or \"chapters\"; found neither",
        ));
    }
    if let Some(error) = inline.error() {
        return Err(error);
    }
    let (lines, transcript_files) = match transcript {
        Some(Listing::Streamed) => (inline.finished_lines(&mut speakers, duration), Vec::new()),
        Some(Listing::Files(files)) => (Vec::new(), files),
        None => (Vec::new(), Vec::new()),
    };
    let (mut chapters, chapters_file) = match chapters {
        Some(Listing::Streamed) => (inline.finished_chapters(duration), None),
        Some(Listing::Files(files)) => (Vec::new(), files.into_iter().next()),
        None => (Vec::new(), None),
    };
    let mut warnings = std::mem::take(&mut inline.warnings);
    let mut speakers = speakers.into_vec();
    cut_speakers(&mut speakers, &mut warnings);
    cut_chapters(&mut chapters, &mut warnings);
    let episode = Episode {
        title: optional_string(root, &Loc::Root, "title")?,
        podcast: optional_string(root, &Loc::Root, "podcast")?,
        published: optional_string(root, &Loc::Root, "published")?,
        duration,
        language: optional_string(root, &Loc::Root, "language")?,
        speakers,
        chapters,
        lines,
        highlights: read_highlights(root)?,
        warnings: warnings.into_warnings(),
        timing: optional_timing(root, &Loc::Root)?.unwrap_or_default(),
    };
    Ok(EpisodeDocument {
        episode,
        transcript_files,
        chapters_file,
    })
}
/// `transcript` or `chapters`: entries inline (or already read while
/// parsing), or files to load.
enum Listing {
    Streamed,
    Files(Vec<FileRef>),
}

/// Whether a list entry is a file reference rather than a line or chapter.
fn is_file_ref(value: &Value) -> bool {
    value
        .as_object()
        .is_some_and(|fields| fields.contains_key("url") && !fields.contains_key("start"))
}

fn read_listing(root: &Map, key: &str) -> Result<Option<Listing>, ReadError> {
    let loc = Loc::Field(&Loc::Root, key);
    match root.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Array(items)) if items.first().is_some_and(is_file_ref) => items
            .iter()
            .enumerate()
            .map(|(index, item)| read_file_ref(item, &Loc::Item(&loc, index)))
            .collect::<Result<Vec<_>, _>>()
            .map(|files| Some(Listing::Files(files))),
        // An empty list is streamed; any other was kept only for its files.
        Some(Value::Array(_)) => Ok(Some(Listing::Streamed)),
        Some(value @ Value::Object(_)) => {
            Ok(Some(Listing::Files(vec![read_file_ref(value, &loc)?])))
        }
        Some(other) => Err(error_at(
            &loc,
            format!(
                "expected a list, or a file reference such as {{\"url\": \"{key}.vtt\"}}, got {}",
                describe(other)
            ),
        )),
    }
}

fn read_file_ref(value: &Value, loc: &Loc) -> Result<FileRef, ReadError> {
    let fields = expect_object(value, loc)?;
    let url = required_string(fields, loc, "url")?.trim().to_string();
    if url.is_empty() {
        return Err(error_at(
            &Loc::Field(loc, "url"),
            "is empty; expected the file's URL",
        ));
    }
    Ok(FileRef {
        url,
        mime_type: optional_string(fields, loc, "type")?.map(|t| t.trim().to_ascii_lowercase()),
        language: optional_string(fields, loc, "language")?,
    })
}

fn check_version(root: &Map) -> Result<(), ReadError> {
    let loc = Loc::Field(&Loc::Root, "version");
    let supported = SUPPORTED_VERSIONS
        .iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    match root.get("version") {
        None => Err(error_at(
            &loc,
            format!("missing; this widget reads episode JSON version {supported}"),
        )),
        Some(Value::Number(number)) => match number.as_u64() {
            Some(version) if SUPPORTED_VERSIONS.contains(&version) => Ok(()),
            _ => Err(error_at(
                &loc,
                format!("unsupported version {number}; supported versions: {supported}"),
            )),
        },
        Some(other) => Err(error_at(
            &loc,
            format!("expected a number, got {}", describe(other)),
        )),
    }
}

/// Speakers declared in `speakers`, found by key; plain display names met
/// in lines are added as they come.
fn declared_speakers(root: &Map) -> Result<SpeakerList, ReadError> {
    let mut speakers = SpeakerList::default();
    let loc = Loc::Field(&Loc::Root, "speakers");
    let declared = match root.get("speakers") {
        None | Some(Value::Null) => return Ok(speakers),
        Some(value) => expect_object(value, &loc)?,
    };
    for (key, value) in declared {
        let speaker_loc = Loc::Field(&loc, key);
        let speaker = match value {
            Value::String(name) => Speaker {
                name: name.trim().to_string(),
                ..Speaker::default()
            },
            _ => {
                let fields = expect_object(value, &speaker_loc)?;
                Speaker {
                    name: optional_string(fields, &speaker_loc, "name")?
                        .unwrap_or_else(|| key.clone()),
                    img: optional_string(fields, &speaker_loc, "img")?,
                    role: optional_string(fields, &speaker_loc, "role")?
                        .map(|role| role.to_ascii_lowercase()),
                    href: optional_string(fields, &speaker_loc, "href")?,
                }
            }
        };
        speakers.add_with_key(key, speaker);
    }
    Ok(speakers)
}
