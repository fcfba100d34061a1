//! The inline transcript and chapters of an episode JSON, read an entry at
//! a time as the JSON is parsed (see `json_stream`), into the lines and
//! chapters themselves: no tree of the whole list, no second copy of it.
//! While reading, a line's speaker is an index into the names met so far
//! and an end not given is NaN; both are settled when the document's
//! declared speakers and duration are known.

use crate::core::json_value::{Map, Value};

use super::chunked::Chunked;
use super::episode::{resolve_end, settle_chapter_ends, Chapter, Line, SpeakerList, Timing, Word};
use super::error::ReadError;
use super::json_fields::{
    expect_object, optional_array, optional_bool, optional_end, optional_string, optional_timing,
    required_string, required_time, Loc,
};
use super::limits::{check_entry_count, cut_line};
use super::warnings::Warnings;

/// Lines and chapters as they are read.
#[derive(Default)]
pub(crate) struct InlineEntries {
    lines: Chunked<Line>,
    /// The speakers the lines name, in the order met.
    named: SpeakerList,
    chapters: Chunked<Chapter>,
    /// The first error among the lines; later lines are not read.
    line_error: Option<ReadError>,
    /// The first error among the chapters.
    chapter_error: Option<ReadError>,
    /// Lines cut to the limits.
    pub warnings: Warnings,
}

impl InlineEntries {
    /// Reads `transcript[index]`.
    pub fn take_line(&mut self, index: usize, item: &Value) {
        // `transcript` given again: its last list counts.
        if index == 0 {
            self.lines = Chunked::default();
            self.named = SpeakerList::default();
            self.line_error = None;
        }
        if self.line_error.is_some() {
            return;
        }
        let place = || Loc::Item(&Loc::Field(&Loc::Root, "transcript"), index).place();
        match check_entry_count(index, "transcript lines", place)
            .and_then(|()| self.parse_line(item, index))
        {
            Ok(mut line) => {
                cut_line(&mut line, &place(), &mut self.warnings);
                self.lines.push(line);
            }
            Err(error) => self.line_error = Some(error),
        }
    }

    /// Reads `chapters[index]`.
    pub fn take_chapter(&mut self, index: usize, item: &Value) {
        if index == 0 {
            self.chapters = Chunked::default();
            self.chapter_error = None;
        }
        if self.chapter_error.is_some() {
            return;
        }
        let loc = Loc::Item(&Loc::Field(&Loc::Root, "chapters"), index);
        match check_entry_count(index, "chapters", || loc.place())
            .and_then(|()| parse_chapter(item, &loc))
        {
            Ok(chapter) => self.chapters.push(chapter),
            Err(error) => self.chapter_error = Some(error),
        }
    }

    /// The first error met, the transcript's before the chapters' (as a
    /// reader of the whole tree would report them).
    pub fn error(&mut self) -> Option<ReadError> {
        self.line_error.take().or_else(|| self.chapter_error.take())
    }

    fn parse_line(&mut self, item: &Value, index: usize) -> Result<Line, ReadError> {
        let list_loc = Loc::Field(&Loc::Root, "transcript");
        let loc = Loc::Item(&list_loc, index);
        let fields = expect_object(item, &loc)?;
        let start = required_time(fields, &loc, "start")?;
        let end = optional_end(fields, &loc, start)?;
        let speaker = optional_string(fields, &loc, "speaker")?
            .map(|name| name.trim().to_string())
            .filter(|name| !name.is_empty())
            .map(|name| self.named.index_of(&name));
        let text = required_string(fields, &loc, "text")?.trim().to_string();
        Ok(Line {
            start,
            end: end.unwrap_or(f64::NAN),
            speaker,
            text,
            words: parse_words(fields, &loc)?,
            estimated: optional_timing(fields, &loc)? == Some(Timing::Estimated),
            paragraph: optional_bool(fields, &loc, "paragraph")?.unwrap_or(false),
        })
    }

    /// The lines, sorted by start, their speakers found in `speakers` (in
    /// document order) and the ends of lines and words filled in.
    pub fn finished_lines(
        &mut self,
        speakers: &mut SpeakerList,
        duration: Option<f64>,
    ) -> Vec<Line> {
        let ids: Vec<usize> = std::mem::take(&mut self.named)
            .into_vec()
            .iter()
            .map(|named| speakers.index_of(&named.name))
            .collect();
        let mut lines = std::mem::take(&mut self.lines).into_vec();
        if !lines.is_sorted_by(|a: &Line, b| a.start <= b.start) {
            lines.sort_by(|a, b| a.start.total_cmp(&b.start));
        }
        let starts: Vec<f64> = lines.iter().map(|line| line.start).collect();
        for (index, line) in lines.iter_mut().enumerate() {
            line.speaker = line.speaker.and_then(|id| ids.get(id).copied());
            let explicit = (!line.end.is_nan()).then_some(line.end);
            line.end = resolve_end(&starts, index, explicit, duration);
            let line_end = line.end;
            let mut next_start = line_end;
            for word in line.words.iter_mut().rev() {
                if word.end.is_nan() {
                    word.end = next_start.max(word.start);
                }
                next_start = word.start;
            }
        }
        lines
    }

    /// The chapters, sorted by start, ends filled in.
    pub fn finished_chapters(&mut self, duration: Option<f64>) -> Vec<Chapter> {
        let mut chapters = std::mem::take(&mut self.chapters).into_vec();
        settle_chapter_ends(&mut chapters, duration);
        chapters
    }
}

/// A line's `words`, each end NaN when not given.
fn parse_words(line: &Map, line_loc: &Loc) -> Result<Vec<Word>, ReadError> {
    let Some(items) = optional_array(line, line_loc, "words")? else {
        return Ok(Vec::new());
    };
    let list_loc = Loc::Field(line_loc, "words");
    let mut words = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let loc = Loc::Item(&list_loc, index);
        let fields = expect_object(item, &loc)?;
        let start = required_time(fields, &loc, "start")?;
        let end = optional_end(fields, &loc, start)?;
        words.push(Word {
            start,
            end: end.unwrap_or(f64::NAN),
            text: required_string(fields, &loc, "text")?,
        });
    }
    Ok(words)
}

/// `chapters[index]`, its end NaN when not given.
fn parse_chapter(item: &Value, loc: &Loc) -> Result<Chapter, ReadError> {
    let fields = expect_object(item, loc)?;
    let start = required_time(fields, loc, "start")?;
    let end = optional_end(fields, loc, start)?;
    Ok(Chapter {
        start,
        end: end.unwrap_or(f64::NAN),
        title: required_string(fields, loc, "title")?.trim().to_string(),
        img: optional_string(fields, loc, "img")?,
        url: optional_string(fields, loc, "url")?,
        in_toc: optional_bool(fields, loc, "toc")?.unwrap_or(true),
    })
}
