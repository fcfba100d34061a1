//! What the transcript marks inside its lines with the CSS Custom
//! Highlight API (the browser paints the ranges; the DOM does not change):
//! the word being spoken, search matches and the match being shown.

use std::ops::Range;
use std::sync::Arc;

use leptos::prelude::*;
use web_sys::{Element, Node};

use super::line_element::text_of_line;
use super::lines::LineChunks;
use super::search::SearchState;
use crate::core::search::Match;
use crate::core::DisplayText;
use crate::host::highlight::{HighlightRanges, MovingRange, TextNodes};
use crate::host::tasks::spawn_owned;
use crate::host::yielding::yield_to_browser;

/// Highlight names (`::highlight(…)` in the stylesheet): the current word,
/// search matches and the match shown.
const WORD_HIGHLIGHT: &str = "episode-viewer-word";
const MATCH_HIGHLIGHT: &str = "episode-viewer-match";
const CURRENT_MATCH_HIGHLIGHT: &str = "episode-viewer-current-match";

/// Lines of search matches painted per turn of the event loop.
const PAINT_BATCH_LINES: usize = 100;

/// Marks the current word: one range moved in place; the text node of its
/// line is looked up once per line.
pub fn use_word_mark(
    chunks: LineChunks,
    texts: StoredValue<Arc<Vec<DisplayText>>>,
    current_word: Memo<Option<(usize, usize)>>,
) {
    let word_range = StoredValue::new_local(MovingRange::new(WORD_HIGHLIGHT));
    let word_line = StoredValue::new_local(None::<(usize, Node)>);
    Effect::new(move |_| {
        let Some((line, word)) = current_word.get() else {
            word_range.update_value(MovingRange::hide);
            return;
        };
        let known = word_line.with_value(|known| {
            known
                .as_ref()
                .filter(|(known, _)| *known == line)
                .map(|(_, node)| node.clone())
        });
        let node = known.or_else(|| {
            let node = text_of_line(&chunks.mounted_line(line)?)?.first_child()?;
            word_line.set_value(Some((line, node.clone())));
            Some(node)
        });
        let bounds = texts.with_value(|displays| {
            let display = displays.get(line)?;
            let word = display.words.get(word)?;
            Some((
                utf16_offset(&display.text, word.start)?,
                utf16_offset(&display.text, word.end)?,
            ))
        });
        match (node, bounds) {
            (Some(node), Some((start, end))) => {
                word_range.update_value(|range| range.show(&node, start, end))
            }
            _ => word_range.update_value(MovingRange::hide),
        }
    });
}

/// Marks every search match and, more strongly, the match the reader is at;
/// `show_match(line)` is called when the reader moves to a match.
pub fn use_search_marks(
    chunks: LineChunks,
    texts: StoredValue<Arc<Vec<DisplayText>>>,
    search: SearchState,
    show_match: impl Fn(usize) + 'static,
) {
    let match_ranges = StoredValue::new_local(HighlightRanges::new(MATCH_HIGHLIGHT));
    let current_range = StoredValue::new_local(HighlightRanges::new(CURRENT_MATCH_HIGHLIGHT));
    let ranges_in_line = move |line: usize, found: &[Match]| -> Vec<web_sys::Range> {
        let Some(element) = chunks.line(line) else {
            return Vec::new();
        };
        let bounds: Vec<_> = found.iter().map(|found| found.range.clone()).collect();
        texts.with_value(|displays| {
            displays.get(line).map_or_else(Vec::new, |display| {
                text_range(&element, &display.text, &bounds)
            })
        })
    };
    // All matches are painted a few hundred at a time between frames, so
    // that typing never waits for thousands of ranges; a newer search stops
    // an older one's painting.
    let painting = StoredValue::new(0u64);
    Effect::new(move |_| {
        let results = search.results.get();
        match_ranges.update_value(HighlightRanges::clear);
        painting.update_value(|generation| *generation += 1);
        let mine = painting.get_value();
        spawn_owned(async move {
            let lines: Vec<&[Match]> = results.chunk_by(|a, b| a.line == b.line).collect();
            for batch in lines.chunks(PAINT_BATCH_LINES) {
                // A newer search took over, or the widget was unmounted.
                if painting.try_get_value() != Some(mine) {
                    return;
                }
                let ranges: Vec<_> = batch
                    .iter()
                    .flat_map(|found| {
                        found
                            .first()
                            .map(|first| ranges_in_line(first.line, found))
                            .into_iter()
                            .flatten()
                    })
                    .collect();
                if match_ranges
                    .try_update_value(|highlight| highlight.extend(ranges))
                    .is_none()
                {
                    return;
                }
                yield_to_browser().await;
            }
        });
    });
    Effect::new(move |_| {
        let found = search
            .results
            .with(|results| results.get(search.current.get()).cloned());
        let ranges = found.as_ref().map_or_else(Vec::new, |found| {
            ranges_in_line(found.line, std::slice::from_ref(found))
        });
        current_range.update_value(|highlight| highlight.replace(ranges));
        if let Some(found) = found {
            show_match(found.line);
        }
    });
}

/// Ranges over the byte ranges `bounds` of `text`, the text shown in
/// `line`'s text element.
fn text_range(line: &Element, text: &str, bounds: &[Range<usize>]) -> Vec<web_sys::Range> {
    let nodes = text_of_line(line).and_then(|text| TextNodes::of(&text));
    let Some(nodes) = nodes else {
        return Vec::new();
    };
    bounds
        .iter()
        .filter_map(|bounds| {
            nodes.range(
                utf16_offset(text, bounds.start)?,
                utf16_offset(text, bounds.end)?,
            )
        })
        .collect()
}

/// The UTF-16 offset (as the DOM counts) of byte offset `byte` of `text`.
fn utf16_offset(text: &str, byte: usize) -> Option<u32> {
    text.get(..byte)
        .map(|part| part.encode_utf16().count() as u32)
}
