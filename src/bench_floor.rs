//! The phone benchmark's lower bound (`bench/phone.mjs`, player `floor`): a
//! wasm module of its own (this crate built with `--no-default-features
//! --features bench-floor`) holding only the core's loader, time index and
//! search, and no UI. Its page renders the lines around the media time as
//! plain list items. No widget that reads the episode file with this core
//! can show its first line sooner than this module does.

use wasm_bindgen::prelude::*;

use crate::core::episode::Episode;
use crate::core::error::ReadError;
use crate::core::import::boundary::Importer;
use crate::core::import::ImportRequest;
use crate::core::load::{EpisodeRequest, FileText, Loader, Locate, Step};
use crate::core::search::SearchIndex;
use crate::core::text::decimal;
use crate::core::time_index::TimeIndex;

/// How many lines the page renders around the media time (a chunk, as the
/// widget renders).
const LINES_SHOWN: usize = 50;
/// Separates the fields of [`load_for_floor`]'s answer.
const SEPARATOR: char = '\u{1}';

/// Files are named by the URLs the page fetched them from.
struct AsWritten;

impl Locate for AsWritten {
    fn file(&self, reference: &str, _base: &str) -> Option<String> {
        Some(reference.to_string())
    }

    fn link(&self, reference: &str, _base: &str) -> Option<String> {
        Some(reference.to_string())
    }
}

/// The floor reads timed files only.
struct NoImporter;

impl Importer for NoImporter {
    fn import(&self, _request: &ImportRequest) -> Result<Episode, ReadError> {
        Err(ReadError::about_file(
            "the benchmark's floor module has no importer",
        ))
    }
}

/// Loads the episode file `src` (its text already fetched), finds the line
/// at `time` and searches for `query`, as the widget does before its first
/// frame. Answers, separated by U+0001: the index of the first line given,
/// the number of matches, then each line's start and text, up to
/// [`LINES_SHOWN`] lines around the one at `time`; or the load's message.
#[wasm_bindgen(js_name = loadForFloor)]
pub fn load_for_floor(src: String, text: String, time: f64, query: String) -> String {
    let request = EpisodeRequest {
        src: Some(src),
        ..EpisodeRequest::default()
    };
    let mut loader = Loader::new(request, AsWritten);
    let mut text = Some(text);
    loop {
        match loader.step() {
            Err(error) => return error.message().to_string(),
            Ok(Step::Fetch(needs)) => {
                for need in &needs {
                    let file = FileText {
                        text: text.take().unwrap_or_default(),
                        content_type: None,
                        location: need.location.clone(),
                    };
                    loader.take_file(need, file);
                }
            }
            Ok(Step::Pause) => {}
            Ok(Step::MediaDuration(_)) => loader.take_media_duration(None),
            Ok(Step::Importer) => loader.take_importer(Box::new(NoImporter)),
            Ok(Step::FeedReader) => {
                return "the benchmark's floor module reads no feeds".to_string()
            }
            Ok(Step::Done(episode)) => return lines_around(&episode, time, &query),
        }
    }
}

/// The answer of [`load_for_floor`] for a loaded episode.
fn lines_around(episode: &Episode, time: f64, query: &str) -> String {
    let index = TimeIndex::new(episode.lines.iter().map(|line| line.start));
    let search = SearchIndex::new(episode.lines.iter().map(|line| line.text.as_str()));
    let first = index.at(time).unwrap_or(0).saturating_sub(LINES_SHOWN / 2);
    let mut answer = format!("{first}{SEPARATOR}{}", search.find(query).len());
    for line in episode.lines.iter().skip(first).take(LINES_SHOWN) {
        answer.push(SEPARATOR);
        answer.push_str(&decimal(line.start));
        answer.push(SEPARATOR);
        answer.push_str(&line.text);
    }
    answer
}
