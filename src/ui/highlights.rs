//! Highlights: the moments the publisher points to (a feed's
//! `podcast:soundbite`s). Each plays its range and pauses at its end.

use std::sync::Arc;

use leptos::prelude::*;

use super::header::SectionLevel;
use super::i18n::language;
use crate::core::time::{format_clock, format_duration};
use crate::core::{DisplayText, Episode, Highlight};
use crate::host::media::{MediaClock, MediaRef};
use crate::host::range_play::use_range_play;

/// The most characters of the transcript a highlight without a title shows.
const QUOTE_CHARS: usize = 90;

/// The episode's highlights as buttons, under a heading; nothing when it has
/// none.
#[component]
pub fn Highlights(
    episode: Arc<Episode>,
    displays: Arc<Vec<DisplayText>>,
    media: MediaRef,
    clock: MediaClock,
) -> impl IntoView {
    if episode.highlights.is_empty() {
        return None;
    }
    let player = use_range_play(media, clock);
    let items = episode
        .highlights
        .iter()
        .map(|highlight| {
            let Highlight { start, end, .. } = *highlight;
            let label = label(&episode, &displays, highlight);
            let player = player.clone();
            view! {
                <li>
                    <button type="button" class="ev-highlight" on:click=move |_| player.play(start, end)>
                        <span class="ev-highlight-title" dir="auto">{label}</span>
                        <span class="ev-highlight-time">
                            {format!("{} · {}", format_clock(start), format_duration(end - start))}
                        </span>
                    </button>
                </li>
            }
        })
        .collect_view();
    let title = language().highlights().to_string();
    Some(view! {
        <section class="ev-highlights" part="highlights">
            {SectionLevel::current().heading("ev-section-title", "highlights-title", title)}
            <ul class="ev-highlight-list">{items}</ul>
        </section>
    })
}

/// The highlight's title, else the words of the line it starts in (cut at
/// a word near [`QUOTE_CHARS`]), else its time.
fn label(episode: &Episode, displays: &[DisplayText], highlight: &Highlight) -> String {
    if let Some(title) = &highlight.title {
        return title.clone();
    }
    let line = episode
        .lines
        .partition_point(|line| line.start <= highlight.start)
        .saturating_sub(1);
    let Some(text) = displays.get(line).map(|display| display.text.as_str()) else {
        return format_clock(highlight.start);
    };
    match text.char_indices().nth(QUOTE_CHARS) {
        None => text.to_string(),
        Some((cut, _)) => {
            let head = text.get(..cut).unwrap_or(text);
            let head = head.rsplit_once(' ').map_or(head, |(words, _)| words);
            format!("{head}…")
        }
    }
}
