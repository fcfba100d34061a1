//! The chapter list: click or press a chapter to play from its start.

use std::sync::Arc;

use leptos::html::Button;
use leptos::prelude::*;
use leptos::reactive::computed::Selector;
use web_sys::KeyboardEvent;

use super::controls::WidgetEvents;
use super::header::SectionLevel;
use super::i18n::language;
use super::roving::{key_target, Roving};
use crate::core::links::http_url;
use crate::core::time::{format_clock, format_duration, format_seconds, parse_clock};
use crate::core::{Chapter, Episode};
use crate::host::images::ImagePolicy;
use crate::host::media::MediaClock;

/// Every listed chapter with its start, length, image and link; the
/// current one is marked `aria-current="true"` (an unlisted current chapter
/// marks none) and shows its progress.
#[component]
pub fn ChapterList(
    episode: Arc<Episode>,
    current: Memo<Option<usize>>,
    percent: Memo<Option<u8>>,
    clock: MediaClock,
) -> impl IntoView {
    let is_current = Selector::new(move || current.get());
    let events = use_context::<WidgetEvents>();
    let images = use_context::<ImagePolicy>().unwrap_or_default();
    let roving = Roving::new();
    let buttons: Vec<NodeRef<Button>> = episode.listed_chapters().map(|_| NodeRef::new()).collect();
    let items = episode
        .listed_chapters()
        .enumerate()
        .map(|(position, (index, chapter))| {
            let start = chapter.start;
            let length = chapter.end - start;
            let is_current = is_current.clone();
            let shows_progress = is_current.clone();
            view! {
                <li class="ev-chapter-item">
                    <button
                        node_ref=buttons.get(position).copied().unwrap_or_else(NodeRef::new)
                        type="button"
                        class="ev-chapter"
                        part="chapter"
                        tabindex=roving.tabindex(position)
                        on:focus=move |_| roving.stop.set(position)
                        data-start=format_seconds(start)
                        aria-current=move || is_current.selected(&Some(index)).then_some("true")
                        on:click=move |_| {
                            clock.play_from(start);
                            if let Some(events) = events {
                                events.seek(start, "chapter");
                            }
                        }
                    >
                        {images.source(chapter.img.as_deref()).map(|src| view! {
                            <img class="ev-chapter-img" part="chapter-img" src=src alt=""
                                loading="lazy" decoding="async" referrerpolicy="no-referrer" />
                        })}
                        <span class="ev-chapter-time">{format_clock(start)}</span>
                        <span class="ev-chapter-title">{chapter.title.clone()}</span>
                        {(length > 0.0).then(|| view! {
                            <span class="ev-chapter-length">{format_duration(length)}</span>
                        })}
                        {move || (length > 0.0 && shows_progress.selected(&Some(index))).then(|| view! {
                            <ChapterProgress percent />
                        })}
                    </button>
                    {chapter_link(chapter)}
                </li>
            }
        })
        .collect_view();
    let count = buttons.len();
    let on_keydown = move |event: KeyboardEvent| {
        if let Some(target) = key_target(&event.key(), roving.stop.get_untracked(), count) {
            event.prevent_default();
            roving.stop.set(target);
            if let Some(button) = buttons.get(target).and_then(NodeRef::get_untracked) {
                let _ = button.focus();
            }
        }
    };
    let compact = compact_selector(&episode, is_current, clock, events);
    view! {
        <nav class="ev-chapters" part="chapters" aria-label=language().chapters()>
            {SectionLevel::current().heading("ev-section-title", "chapters-title", language().chapters().to_string())}
            <ol class="ev-chapter-list" on:keydown=on_keydown>{items}</ol>
            {compact}
        </nav>
    }
}

/// On narrow widths the list gives way to this one-line selector (the
/// stylesheet shows one or the other by the widget's width).
fn compact_selector(
    episode: &Episode,
    is_current: Selector<Option<usize>>,
    clock: MediaClock,
    events: Option<WidgetEvents>,
) -> impl IntoView {
    let listed: Vec<(usize, f64, String)> = episode
        .listed_chapters()
        .map(|(index, chapter)| {
            (
                index,
                chapter.start,
                format!("{} {}", format_clock(chapter.start), chapter.title),
            )
        })
        .collect();
    let options = listed
        .iter()
        .map(|(index, start, label)| {
            let index = *index;
            let is_current = is_current.clone();
            view! {
                <option value=format_seconds(*start) prop:selected=move || is_current.selected(&Some(index))>{label.clone()}</option>
            }
        })
        .collect_view();
    let on_change = move |event: web_sys::Event| {
        if let Some(start) = parse_clock(&event_target_value(&event)) {
            clock.play_from(start);
            if let Some(events) = events {
                events.seek(start, "chapter");
            }
        }
    };
    view! {
        <select class="ev-chapter-select" part="chapter-select" aria-label=language().chapters() on:change=on_change>
            {options}
        </select>
    }
}

/// How far playback is through the current chapter: a bar that fills while
/// playing, in steps of a percent (only the current chapter has one, and
/// its style changes a hundred times per chapter, not every frame).
#[component]
fn ChapterProgress(percent: Memo<Option<u8>>) -> impl IntoView {
    view! {
        <span class="ev-chapter-progress" part="chapter-progress" aria-hidden="true">
            <span
                class="ev-chapter-progress-fill"
                style:--ev-progress=move || percent.get().unwrap_or(0).to_string()
            ></span>
        </span>
    }
}

/// The chapter's web page, opened in a new tab; only http and https links.
fn chapter_link(chapter: &Chapter) -> Option<impl IntoView> {
    let href = http_url(chapter.url.as_deref()?)?.to_string();
    let label = language().chapter_link(&chapter.title);
    Some(view! {
        <a class="ev-chapter-link" part="chapter-link" href=href target="_blank"
            rel="noopener noreferrer" aria-label=label.clone() title=label>"↗"</a>
    })
}
