//! JSON Chapters 1.2 (`application/json+chapters`), the Podcasting 2.0
//! chapters format: <https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/examples/chapters/jsonChapters.md>.

use crate::core::json_stream::read_streamed_array;
use crate::core::json_value::Value;
use crate::core::limits::cut_chapters;
use crate::core::text::decimal;
use crate::core::warnings::{Warning, Warnings};

use crate::core::chunked::Chunked;
use crate::core::episode::{settle_chapter_ends, Chapter, Episode};
use crate::core::error::ReadError;
use crate::core::json_fields::{
    describe, error_at, expect_object, optional_array, optional_bool, optional_string,
    optional_time, required_time, Loc,
};
use crate::core::limits::{check_entry_count, check_file_size};

/// Chapters read from a file, and the entries that were skipped or repaired.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChapterFile {
    /// Chapters sorted by start, ends resolved.
    pub chapters: Vec<Chapter>,
    /// What was skipped or repaired, each saying where.
    pub warnings: Vec<Warning>,
    /// The file's `title`: the episode's title.
    pub title: Option<String>,
    /// The file's `podcastName`.
    pub podcast: Option<String>,
}

impl ChapterFile {
    /// Makes these the chapters of `episode`, and its title and podcast
    /// name where it has none (its warnings are the caller's to place).
    pub fn replace_chapters_of(self, episode: &mut Episode) {
        episode.chapters = self.chapters;
        episode.title = episode.title.take().or(self.title);
        episode.podcast = episode.podcast.take().or(self.podcast);
    }
}

/// Reads a JSON Chapters document. `duration` (when known) ends the last
/// chapter. A bad chapter is skipped with a warning; a document that is not
/// JSON Chapters at all is an error.
pub fn parse_json_chapters(text: &str, duration: Option<f64>) -> Result<ChapterFile, ReadError> {
    check_file_size(text.len())?;
    let list_loc = Loc::Field(&Loc::Root, "chapters");
    let mut warnings = Warnings::new();
    let mut parsed: Chunked<Chapter> = Chunked::default();
    let (fields, count) = read_streamed_array(text, "chapters", &mut |index, item| {
        let loc = Loc::Item(&list_loc, index);
        check_entry_count(index, "chapters", || loc.place())?;
        match read_chapter(&item, &loc) {
            Ok(mut chapter) => {
                if chapter.end < chapter.start {
                    warnings.push(Warning::at(
                        Loc::Field(&loc, "endTime").place(),
                        format!(
                            "{} is before the start, {}; ignored",
                            decimal(chapter.end),
                            decimal(chapter.start)
                        ),
                    ));
                    chapter.end = f64::NAN;
                }
                parsed.push(chapter);
            }
            Err(error) => warnings.push(Warning::from_error(error, "chapter skipped")),
        }
        Ok(())
    })?;
    let root = &fields;
    if let Some(version) = root.get("version") {
        let major = version
            .as_str()
            .and_then(|v| v.split('.').next())
            .map(str::trim);
        if major != Some("1") {
            return Err(error_at(
                &Loc::Field(&Loc::Root, "version"),
                format!(
                    "unsupported JSON Chapters version {}; supported: 1.x (e.g. \"1.2.0\")",
                    describe(version)
                ),
            ));
        }
    }
    if count.is_none() {
        optional_array(root, &Loc::Root, "chapters")?;
        return Err(error_at(
            &Loc::Field(&Loc::Root, "chapters"),
            "missing; expected the list of chapters",
        ));
    }
    let mut chapters = parsed.into_vec();
    settle_chapter_ends(&mut chapters, duration);
    for (index, chapter) in chapters.iter_mut().enumerate() {
        if chapter.title.is_empty() {
            chapter.title = format!("Chapter {}", index + 1);
        }
    }
    let mut name = |field: &str| match optional_string(root, &Loc::Root, field) {
        Ok(text) => text
            .map(|text| text.trim().to_string())
            .filter(|text| !text.is_empty()),
        Err(error) => {
            warnings.push(Warning::from_error(error, "ignored"));
            None
        }
    };
    let (title, podcast) = (name("title"), name("podcastName"));
    cut_chapters(&mut chapters, &mut warnings);
    Ok(ChapterFile {
        chapters,
        warnings: warnings.into_warnings(),
        title,
        podcast,
    })
}

fn read_chapter(item: &Value, loc: &Loc) -> Result<Chapter, ReadError> {
    let fields = expect_object(item, loc)?;
    let start = required_time(fields, loc, "startTime")?;
    let end = optional_time(fields, loc, "endTime")?;
    Ok(Chapter {
        start,
        end: end.unwrap_or(f64::NAN),
        title: optional_string(fields, loc, "title")?
            .map(|title| title.trim().to_string())
            .unwrap_or_default(),
        img: optional_string(fields, loc, "img")?,
        url: optional_string(fields, loc, "url")?,
        in_toc: optional_bool(fields, loc, "toc")?.unwrap_or(true),
    })
}
