//! How an import's result (and a feed's episode) crosses from the import
//! module to the widget: a
//! compact text of length-prefixed fields that both sides write and read
//! by hand. (Dropping serde's derives for it took 12.4 KB gzipped off the
//! widget's wasm; this reader, inlined where the widget imports, is about
//! 5 KB raw.) Every `f64` travels as its bits, so the widget gets exactly
//! the episode the importer made.
//!
//! A number is its decimal digits and `;`, a text its length in bytes, `:`
//! and the text; a list is its length and its items; an `Option` is `0;`,
//! or `1;` and the value. The text starts with [`VERSION`].

use std::fmt::Write as _;

use crate::core::episode::{Chapter, Episode, Highlight, Line, Speaker, Timing, Word};
use crate::core::episode_json::{EpisodeDocument, FileRef};
use crate::core::error::{JsonPlace, Place, ReadError};
use crate::core::warnings::Warning;

/// Names this format, so that modules of two builds never misread each
/// other.
const VERSION: &str = "episode-viewer import 2;";

/// An import's result as text.
pub(super) fn write_result(result: &Result<Episode, ReadError>) -> String {
    write_outcome(result, write_episode)
}

/// The result [`write_result`] wrote; `None` for any other text.
pub(super) fn read_result(text: &str) -> Option<Result<Episode, ReadError>> {
    read_outcome(text, read_episode)
}

/// A feed's episode as an episode JSON document, and its show notes.
pub(crate) type FeedResult = Result<(EpisodeDocument, Option<String>), ReadError>;

/// A feed's episode (see [`FeedResult`]) as text.
pub(crate) fn write_feed_result(result: &FeedResult) -> String {
    write_outcome(result, |out, (document, notes)| {
        write_episode(out, &document.episode);
        out.list(&document.transcript_files, write_file_ref);
        out.optional(&document.chapters_file, write_file_ref);
        out.optional_text(notes);
    })
}

/// The feed's episode [`write_feed_result`] wrote; `None` for any other
/// text.
pub(crate) fn read_feed_result(text: &str) -> Option<FeedResult> {
    read_outcome(text, |input| {
        let episode = read_episode(input)?;
        let document = EpisodeDocument {
            episode,
            transcript_files: input.list(read_file_ref)?,
            chapters_file: input.optional(read_file_ref)?,
        };
        Some((document, input.optional(Reader::text)?))
    })
}

fn write_outcome<T>(result: &Result<T, ReadError>, write: impl FnOnce(&mut Writer, &T)) -> String {
    let mut out = Writer(String::from(VERSION));
    match result {
        Ok(value) => {
            out.number(0);
            write(&mut out, value);
        }
        Err(error) => {
            out.number(1);
            out.optional_text(&error.file);
            write_place(&mut out, &error.place);
            out.text(&error.message);
        }
    }
    out.0
}

fn read_outcome<T>(
    text: &str,
    read: impl FnOnce(&mut Reader) -> Option<T>,
) -> Option<Result<T, ReadError>> {
    let mut input = Reader(text.strip_prefix(VERSION)?);
    let result = match input.number()? {
        0 => Ok(read(&mut input)?),
        1 => Err(ReadError {
            file: input.optional(Reader::text)?,
            place: read_place(&mut input)?,
            message: input.text()?,
        }),
        _ => return None,
    };
    input.0.is_empty().then_some(result)
}

fn write_file_ref(out: &mut Writer, file: &FileRef) {
    out.text(&file.url);
    out.optional_text(&file.mime_type);
    out.optional_text(&file.language);
}

fn read_file_ref(input: &mut Reader) -> Option<FileRef> {
    Some(FileRef {
        url: input.text()?,
        mime_type: input.optional(Reader::text)?,
        language: input.optional(Reader::text)?,
    })
}

fn write_episode(out: &mut Writer, episode: &Episode) {
    for field in [
        &episode.title,
        &episode.podcast,
        &episode.published,
        &episode.language,
    ] {
        out.optional_text(field);
    }
    out.optional(&episode.duration, |out, &seconds| out.seconds(seconds));
    out.flag(episode.timing == Timing::Estimated);
    out.list(&episode.speakers, |out, speaker| {
        out.text(&speaker.name);
        out.optional_text(&speaker.img);
        out.optional_text(&speaker.role);
        out.optional_text(&speaker.href);
    });
    out.list(&episode.chapters, |out, chapter| {
        out.seconds(chapter.start);
        out.seconds(chapter.end);
        out.text(&chapter.title);
        out.optional_text(&chapter.img);
        out.optional_text(&chapter.url);
        out.flag(chapter.in_toc);
    });
    out.list(&episode.lines, write_line);
    out.list(&episode.highlights, |out, highlight| {
        out.seconds(highlight.start);
        out.seconds(highlight.end);
        out.optional_text(&highlight.title);
    });
    out.list(&episode.warnings, |out, warning| {
        out.optional_text(&warning.file);
        write_place(out, &warning.place);
        out.text(&warning.message);
        out.count(warning.problems);
    });
}

fn read_episode(input: &mut Reader) -> Option<Episode> {
    Some(Episode {
        title: input.optional(Reader::text)?,
        podcast: input.optional(Reader::text)?,
        published: input.optional(Reader::text)?,
        language: input.optional(Reader::text)?,
        duration: input.optional(Reader::seconds)?,
        timing: if input.flag()? {
            Timing::Estimated
        } else {
            Timing::Exact
        },
        speakers: input.list(|input| {
            Some(Speaker {
                name: input.text()?,
                img: input.optional(Reader::text)?,
                role: input.optional(Reader::text)?,
                href: input.optional(Reader::text)?,
            })
        })?,
        chapters: input.list(|input| {
            Some(Chapter {
                start: input.seconds()?,
                end: input.seconds()?,
                title: input.text()?,
                img: input.optional(Reader::text)?,
                url: input.optional(Reader::text)?,
                in_toc: input.flag()?,
            })
        })?,
        lines: input.list(read_line)?,
        highlights: input.list(|input| {
            Some(Highlight {
                start: input.seconds()?,
                end: input.seconds()?,
                title: input.optional(Reader::text)?,
            })
        })?,
        warnings: input.list(|input| {
            Some(Warning {
                file: input.optional(Reader::text)?,
                place: read_place(input)?,
                message: input.text()?,
                problems: input.count()?,
            })
        })?,
    })
}

fn write_line(out: &mut Writer, line: &Line) {
    out.seconds(line.start);
    out.seconds(line.end);
    out.optional(&line.speaker, |out, &speaker| out.count(speaker));
    out.text(&line.text);
    out.list(&line.words, |out, word| {
        out.seconds(word.start);
        out.seconds(word.end);
        out.text(&word.text);
    });
    out.flag(line.estimated);
    out.flag(line.paragraph);
}

fn read_line(input: &mut Reader) -> Option<Line> {
    Some(Line {
        start: input.seconds()?,
        end: input.seconds()?,
        speaker: input.optional(Reader::count)?,
        text: input.text()?,
        words: input.list(|input| {
            Some(Word {
                start: input.seconds()?,
                end: input.seconds()?,
                text: input.text()?,
            })
        })?,
        estimated: input.flag()?,
        paragraph: input.flag()?,
    })
}

fn write_place(out: &mut Writer, place: &Place) {
    match place {
        Place::File => out.number(0),
        Place::Line(line) => {
            out.number(1);
            out.count(*line);
        }
        Place::Json(json) => {
            out.number(2);
            out.optional(&json.item, |out, (list, index)| {
                out.text(list);
                out.count(*index);
            });
            out.text(&json.rest);
            out.optional(&json.line, |out, &line| out.count(line));
        }
        Place::Named(name) => {
            out.number(3);
            out.text(name);
        }
    }
}

fn read_place(input: &mut Reader) -> Option<Place> {
    Some(match input.number()? {
        0 => Place::File,
        1 => Place::Line(input.count()?),
        2 => Place::Json(Box::new(JsonPlace {
            item: input.optional(|input| Some((input.text()?, input.count()?)))?,
            rest: input.text()?,
            line: input.optional(Reader::count)?,
        })),
        3 => Place::Named(input.text()?),
        _ => return None,
    })
}

struct Writer(String);

impl Writer {
    fn number(&mut self, number: u64) {
        let _ = write!(self.0, "{number};");
    }

    fn count(&mut self, count: usize) {
        self.number(count as u64);
    }

    fn flag(&mut self, flag: bool) {
        self.number(u64::from(flag));
    }

    fn seconds(&mut self, seconds: f64) {
        self.number(seconds.to_bits());
    }

    fn text(&mut self, text: &str) {
        let _ = write!(self.0, "{}:", text.len());
        self.0.push_str(text);
    }

    fn optional_text(&mut self, text: &Option<String>) {
        self.optional(text, |out, text| out.text(text));
    }

    fn optional<T>(&mut self, value: &Option<T>, write: impl FnOnce(&mut Self, &T)) {
        self.flag(value.is_some());
        if let Some(value) = value {
            write(self, value);
        }
    }

    fn list<T>(&mut self, items: &[T], mut write: impl FnMut(&mut Self, &T)) {
        self.count(items.len());
        for item in items {
            write(self, item);
        }
    }
}

/// What is left of the text to read.
struct Reader<'a>(&'a str);

impl Reader<'_> {
    fn number(&mut self) -> Option<u64> {
        let (digits, rest) = self.0.split_once(';')?;
        self.0 = rest;
        digits.parse().ok()
    }

    fn count(&mut self) -> Option<usize> {
        usize::try_from(self.number()?).ok()
    }

    fn flag(&mut self) -> Option<bool> {
        match self.number()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn seconds(&mut self) -> Option<f64> {
        self.number().map(f64::from_bits)
    }

    fn text(&mut self) -> Option<String> {
        let (length, rest) = self.0.split_once(':')?;
        let length: usize = length.parse().ok()?;
        let text = rest.get(..length)?;
        self.0 = rest.get(length..)?;
        Some(text.to_string())
    }

    fn optional<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        if self.flag()? {
            read(self).map(Some)
        } else {
            Some(None)
        }
    }

    /// The items; a length the text cannot hold fails as the items run
    /// out, before anything is reserved for them.
    fn list<T>(&mut self, mut read: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let length = self.count()?;
        let mut items = Vec::new();
        for _ in 0..length {
            items.push(read(self)?);
        }
        Some(items)
    }
}
