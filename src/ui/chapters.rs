//! The chapter list: click or press a chapter to play from its start.

use std::sync::Arc;

use leptos::html::{Button, Ol, Select};
use leptos::prelude::*;
use leptos::reactive::computed::Selector;
use web_sys::KeyboardEvent;

use super::header::SectionLevel;
use super::i18n::{language, Language};
use super::roving::{key_target, Roving};
use super::slices::{Slices, FIRST_ITEMS};
use crate::core::links::http_url;
use crate::core::time::{format_clock, format_duration, format_seconds, parse_clock};
use crate::core::{Chapter, Episode};
use crate::host::events::WidgetEvents;
use crate::host::images::ImagePolicy;
use crate::host::media::MediaClock;

/// Every listed chapter with its start, length, image and link; the
/// current one is marked `aria-current="true"` (an unlisted current chapter
/// marks none) and shows its progress. Long lists are built in slices.
#[component]
pub fn ChapterList(
    episode: Arc<Episode>,
    current: Memo<Option<usize>>,
    percent: Memo<Option<u8>>,
    clock: MediaClock,
) -> impl IntoView {
    let items = ChapterItems {
        listed: Arc::new(episode.listed_chapters().map(|(index, _)| index).collect()),
        buttons: Arc::new(episode.listed_chapters().map(|_| NodeRef::new()).collect()),
        episode: episode.clone(),
        is_current: Selector::new(move || current.get()),
        percent,
        clock,
        events: use_context::<WidgetEvents>(),
        images: use_context::<ImagePolicy>().unwrap_or_default(),
        language: language(),
        roving: Roving::new(),
    };
    let count = items.listed.len();
    let list = NodeRef::<Ol>::new();
    let first = (0..count.min(FIRST_ITEMS))
        .map(|position| items.item(position))
        .collect_view();
    Slices::new().append_rest(
        move || list.try_get_untracked().flatten().map(Into::into),
        count,
        {
            let items = items.clone();
            move |position| items.item(position)
        },
    );
    let (roving, buttons) = (items.roving.clone(), items.buttons.clone());
    let on_keydown = move |event: KeyboardEvent| {
        if let Some(target) = key_target(&event.key(), roving.stop.get_untracked(), count) {
            event.prevent_default();
            roving.stop.set(target);
            if let Some(button) = buttons.get(target).and_then(NodeRef::get_untracked) {
                let _ = button.focus();
            }
        }
    };
    let compact = compact_selector(&items);
    view! {
        <nav class="ev-chapters" part="chapters" aria-label=language().chapters()>
            {SectionLevel::current().heading("ev-section-title", "chapters-title", language().chapters().to_string())}
            <ol class="ev-chapter-list" node_ref=list on:keydown=on_keydown>{first}</ol>
            {compact}
        </nav>
    }
}

/// What each chapter's item needs, gathered once so that items built later
/// (in slices, outside the component) read the same.
#[derive(Clone)]
struct ChapterItems {
    episode: Arc<Episode>,
    /// The index in `episode.chapters` of each listed chapter.
    listed: Arc<Vec<usize>>,
    buttons: Arc<Vec<NodeRef<Button>>>,
    is_current: Selector<Option<usize>>,
    percent: Memo<Option<u8>>,
    clock: MediaClock,
    events: Option<WidgetEvents>,
    images: ImagePolicy,
    language: Language,
    roving: Roving,
}

impl ChapterItems {
    /// The `position`th listed chapter, and its index among all chapters.
    fn listed(&self, position: usize) -> Option<(usize, &Chapter)> {
        let index = *self.listed.get(position)?;
        Some((index, self.episode.chapters.get(index)?))
    }

    /// The list item of the `position`th listed chapter.
    fn item(&self, position: usize) -> AnyView {
        let Some((index, chapter)) = self.listed(position) else {
            return ().into_any();
        };
        let (start, length) = (chapter.start, chapter.end - chapter.start);
        let (is_current, shows_progress) = (self.is_current.clone(), self.is_current.clone());
        let (clock, events, percent) = (self.clock, self.events, self.percent);
        let stop = self.roving.stop;
        view! {
            <li class="ev-chapter-item">
                <button
                    node_ref=self.buttons.get(position).copied().unwrap_or_else(NodeRef::new)
                    type="button"
                    class="ev-chapter"
                    part="chapter"
                    tabindex=self.roving.tabindex(position)
                    on:focus=move |_| stop.set(position)
                    data-start=format_seconds(start)
                    aria-current=move || is_current.selected(&Some(index)).then_some("true")
                    on:click=move |_| {
                        clock.play_from(start);
                        if let Some(events) = events {
                            events.seek(start, "chapter");
                        }
                    }
                >
                    {self.images.source(chapter.img.as_deref()).map(|src| view! {
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
                {chapter_link(chapter, self.language)}
            </li>
        }
        .into_any()
    }

    /// The selector's option for the `position`th listed chapter.
    fn option(&self, position: usize) -> AnyView {
        let Some((index, chapter)) = self.listed(position) else {
            return ().into_any();
        };
        let is_current = self.is_current.clone();
        let label = format!("{} {}", format_clock(chapter.start), chapter.title);
        view! {
            <option value=format_seconds(chapter.start) prop:selected=move || is_current.selected(&Some(index))>{label}</option>
        }
        .into_any()
    }
}

/// On narrow widths the list gives way to this one-line selector (the
/// stylesheet shows one or the other by the widget's width).
fn compact_selector(items: &ChapterItems) -> impl IntoView {
    let count = items.listed.len();
    let first = (0..count.min(FIRST_ITEMS))
        .map(|position| items.option(position))
        .collect_view();
    let select = NodeRef::<Select>::new();
    Slices::new().append_rest(
        move || select.try_get_untracked().flatten().map(Into::into),
        count,
        {
            let items = items.clone();
            move |position| items.option(position)
        },
    );
    let (clock, events) = (items.clock, items.events);
    let on_change = move |event: web_sys::Event| {
        if let Some(start) = parse_clock(&event_target_value(&event)) {
            clock.play_from(start);
            if let Some(events) = events {
                events.seek(start, "chapter");
            }
        }
    };
    view! {
        <select class="ev-chapter-select" part="chapter-select" aria-label=language().chapters()
            node_ref=select on:change=on_change>
            {first}
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
fn chapter_link(chapter: &Chapter, language: Language) -> Option<impl IntoView> {
    let href = http_url(chapter.url.as_deref()?)?.to_string();
    let label = language.chapter_link(&chapter.title);
    Some(view! {
        <a class="ev-chapter-link" part="chapter-link" href=href target="_blank"
            rel="noopener noreferrer" aria-label=label.clone() title=label>"↗"</a>
    })
}
