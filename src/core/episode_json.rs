//! Parser for the widget's own input format, episode JSON version 1
//! (documented in `docs/episode-json.md`). Every error names the place in
//! the document it comes from, e.g. `transcript[12].start: expected seconds,
//! got "abc"`.

use serde_json::{Map, Value};

use super::episode::{resolve_end, Chapter, Episode, Line, Speaker, Timing, Word};
pub use super::error::EpisodeError;
use super::formats::SpeakerList;
use super::json_fields::{
    describe, error_at, expect_object, optional_array, optional_bool, optional_end,
    optional_string, optional_time, parse_json, required_string, required_time, Loc,
};
use super::json_stream::parse_object_streaming;
use super::limits::{check_entry_count, check_file_size, cut_chapters, cut_line, cut_speakers};
use super::warnings::Warnings;

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
pub fn parse_episode_json(text: &str) -> Result<Episode, EpisodeError> {
    parse_episode_document(text).map(|document| document.episode)
}

/// Parses an episode JSON document, whose `transcript` and `chapters` are
/// each a list given inline or a reference to a file (`{"url", "type",
/// "language"}`, or a list of those for transcripts).
pub fn parse_episode_document(text: &str) -> Result<EpisodeDocument, EpisodeError> {
    check_file_size(text.len())?;
    // Inline lines are read one at a time as the JSON is parsed (see
    // `json_stream`); the first error among them is reported after the
    // document-level checks, as if the whole tree had been read first.
    let mut streamed_lines = Vec::new();
    let mut line_error = None;
    let mut warnings = Warnings::new();
    let mut take_line = |index: usize, item: Value| {
        if line_error.is_none() {
            match check_line_count(index).and_then(|()| parse_line(&item, index)) {
                Ok(mut parsed) => {
                    let place = Loc::Item(&Loc::Field(&Loc::Root, "transcript"), index).to_string();
                    cut_line(&mut parsed.line, &place, &mut warnings);
                    streamed_lines.push(parsed);
                }
                Err(error) => line_error = Some(error),
            }
        }
    };
    let Some((root, streamed)) =
        parse_object_streaming(text, "transcript", &is_file_ref, &mut take_line)?
    else {
        let root = parse_json(text)?;
        expect_object(&root, &Loc::Root)?;
        return Err(error_at(&Loc::Root, "expected an object"));
    };
    let root = &root;
    check_version(root)?;

    let mut speakers = declared_speakers(root)?;
    let duration = optional_time(root, &Loc::Root, "duration")?;
    let transcript = if streamed {
        Some(Listing::Streamed)
    } else {
        read_listing(root, "transcript")?
    };
    let chapters = read_listing(root, "chapters")?;
    if transcript.is_none() && chapters.is_none() {
        return Err(error_at(
            &Loc::Root,
            "an episode needs \"transcript\" or \"chapters\"; found neither",
        ));
    }

    let (lines, transcript_files) = match transcript {
        // An inline list of lines never stays in `root`: it was read while
        // parsing, so `Inline` cannot come from `read_listing` here.
        Some(Listing::Streamed | Listing::Inline(_)) => match line_error {
            Some(error) => return Err(error),
            None => (
                finish_lines(streamed_lines, &mut speakers, duration),
                Vec::new(),
            ),
        },
        Some(Listing::Files(files)) => (Vec::new(), files),
        None => (Vec::new(), Vec::new()),
    };
    let (chapters, chapters_file) = match chapters {
        Some(Listing::Inline(items)) => (parse_chapters(items, duration)?, None),
        Some(Listing::Files(files)) => (Vec::new(), files.into_iter().next()),
        Some(Listing::Streamed) | None => (Vec::new(), None),
    };
    let mut speakers = speakers.into_vec();
    cut_speakers(&mut speakers, &mut warnings);
    let mut chapters = chapters;
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
        warnings: warnings.into_messages(),
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
enum Listing<'v> {
    Streamed,
    Inline(&'v [Value]),
    Files(Vec<FileRef>),
}

/// Whether a list entry is a file reference rather than a line or chapter.
fn is_file_ref(value: &Value) -> bool {
    value
        .as_object()
        .is_some_and(|fields| fields.contains_key("url") && !fields.contains_key("start"))
}

fn read_listing<'v>(
    root: &'v Map<String, Value>,
    key: &str,
) -> Result<Option<Listing<'v>>, EpisodeError> {
    let loc = Loc::Field(&Loc::Root, key);
    match root.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Array(items)) if items.first().is_some_and(is_file_ref) => items
            .iter()
            .enumerate()
            .map(|(index, item)| read_file_ref(item, &Loc::Item(&loc, index)))
            .collect::<Result<Vec<_>, _>>()
            .map(|files| Some(Listing::Files(files))),
        Some(Value::Array(items)) => Ok(Some(Listing::Inline(items))),
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

fn read_file_ref(value: &Value, loc: &Loc) -> Result<FileRef, EpisodeError> {
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

fn check_version(root: &Map<String, Value>) -> Result<(), EpisodeError> {
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
fn declared_speakers(root: &Map<String, Value>) -> Result<SpeakerList, EpisodeError> {
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
                img: None,
            },
            _ => {
                let fields = expect_object(value, &speaker_loc)?;
                Speaker {
                    name: optional_string(fields, &speaker_loc, "name")?
                        .unwrap_or_else(|| key.clone()),
                    img: optional_string(fields, &speaker_loc, "img")?,
                }
            }
        };
        speakers.add_with_key(key, speaker);
    }
    Ok(speakers)
}

struct ParsedLine {
    line: Line,
    speaker: Option<String>,
    end: Option<f64>,
    word_ends: Vec<Option<f64>>,
}

/// Reads `transcript[index]`; its speaker is resolved later, once the
/// declared speakers are known (they may come after the transcript).
/// An error at `transcript[index]` when that line is one too many.
fn check_line_count(index: usize) -> Result<(), EpisodeError> {
    check_entry_count(index, "transcript lines", || {
        Loc::Item(&Loc::Field(&Loc::Root, "transcript"), index).to_string()
    })
}

fn parse_line(item: &Value, index: usize) -> Result<ParsedLine, EpisodeError> {
    let list_loc = Loc::Field(&Loc::Root, "transcript");
    let loc = Loc::Item(&list_loc, index);
    let fields = expect_object(item, &loc)?;
    let start = required_time(fields, &loc, "start")?;
    let end = optional_end(fields, &loc, start)?;
    let speaker = optional_string(fields, &loc, "speaker")?
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty());
    let text = required_string(fields, &loc, "text")?.trim().to_string();
    let (words, word_ends) = parse_words(fields, &loc)?;
    Ok(ParsedLine {
        line: Line {
            start,
            end: start,
            speaker: None,
            text,
            words,
            estimated: optional_timing(fields, &loc)? == Some(Timing::Estimated),
            paragraph: optional_bool(fields, &loc, "paragraph")?.unwrap_or(false),
        },
        speaker,
        end,
        word_ends,
    })
}

/// Resolves speakers (in document order), sorts the lines by start and
/// fills in the ends of lines and words.
fn finish_lines(
    mut parsed: Vec<ParsedLine>,
    speakers: &mut SpeakerList,
    duration: Option<f64>,
) -> Vec<Line> {
    for entry in &mut parsed {
        entry.line.speaker = entry.speaker.take().map(|name| speakers.index_of(&name));
    }
    parsed.sort_by(|a, b| a.line.start.total_cmp(&b.line.start));

    let starts: Vec<f64> = parsed.iter().map(|entry| entry.line.start).collect();
    parsed
        .into_iter()
        .enumerate()
        .map(|(index, mut entry)| {
            entry.line.end = resolve_end(&starts, index, entry.end, duration);
            let word_starts: Vec<f64> = entry.line.words.iter().map(|word| word.start).collect();
            for (word_index, word) in entry.line.words.iter_mut().enumerate() {
                let explicit = entry.word_ends.get(word_index).copied().flatten();
                word.end = explicit.unwrap_or_else(|| {
                    word_starts
                        .get(word_index + 1)
                        .copied()
                        .unwrap_or(entry.line.end)
                        .max(word.start)
                });
            }
            entry.line
        })
        .collect()
}

/// `timing`: `"exact"` or `"estimated"`.
fn optional_timing(fields: &Map<String, Value>, loc: &Loc) -> Result<Option<Timing>, EpisodeError> {
    match optional_string(fields, loc, "timing")?.as_deref() {
        None => Ok(None),
        Some("exact") => Ok(Some(Timing::Exact)),
        Some("estimated") => Ok(Some(Timing::Estimated)),
        Some(other) => Err(error_at(
            &Loc::Field(loc, "timing"),
            format!(
                "expected \"exact\" or \"estimated\", got {}",
                super::error::quoted(other)
            ),
        )),
    }
}

fn parse_words(
    line: &Map<String, Value>,
    line_loc: &Loc,
) -> Result<(Vec<Word>, Vec<Option<f64>>), EpisodeError> {
    let Some(items) = optional_array(line, line_loc, "words")? else {
        return Ok((Vec::new(), Vec::new()));
    };
    let list_loc = Loc::Field(line_loc, "words");
    let mut words = Vec::with_capacity(items.len());
    let mut ends = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let loc = Loc::Item(&list_loc, index);
        let fields = expect_object(item, &loc)?;
        let start = required_time(fields, &loc, "start")?;
        ends.push(optional_end(fields, &loc, start)?);
        words.push(Word {
            start,
            end: start,
            text: required_string(fields, &loc, "text")?,
        });
    }
    Ok((words, ends))
}

fn parse_chapters(items: &[Value], duration: Option<f64>) -> Result<Vec<Chapter>, EpisodeError> {
    let list_loc = Loc::Field(&Loc::Root, "chapters");
    let mut parsed = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let loc = Loc::Item(&list_loc, index);
        check_entry_count(index, "chapters", || loc.to_string())?;
        let fields = expect_object(item, &loc)?;
        let start = required_time(fields, &loc, "start")?;
        let end = optional_end(fields, &loc, start)?;
        let chapter = Chapter {
            start,
            end: start,
            title: required_string(fields, &loc, "title")?.trim().to_string(),
            img: optional_string(fields, &loc, "img")?,
            url: optional_string(fields, &loc, "url")?,
            in_toc: optional_bool(fields, &loc, "toc")?.unwrap_or(true),
        };
        parsed.push((chapter, end));
    }
    parsed.sort_by(|a, b| a.0.start.total_cmp(&b.0.start));

    let starts: Vec<f64> = parsed.iter().map(|(chapter, _)| chapter.start).collect();
    Ok(parsed
        .into_iter()
        .enumerate()
        .map(|(index, (mut chapter, end))| {
            chapter.end = resolve_end(&starts, index, end, duration);
            chapter
        })
        .collect())
}
