//! The transcript's lines, mounted a chunk at a time: the chunk holding the
//! current line first, then the others in slices of a few milliseconds
//! between tasks, so that a ten-hour transcript never blocks the page.
//!
//! A line is static markup with no reactive state of its own. What moves
//! (the current line, the Tab stop) is set on the two elements concerned
//! by the transcript's effects, and here on lines mounted later; clicks and
//! keys are handled once for the whole list.

use std::sync::Arc;

use leptos::html::Div;
use leptos::mount::{mount_to, UnmountHandle};
use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use web_sys::{Element, HtmlDivElement};

use super::header::SectionLevel;
use super::line_element::{line_selector, LINE_PART, TEXT_CLASS};
use super::slices::SLICE_MS;
use crate::core::time::{format_clock, format_seconds};
use crate::core::{DisplayText, Episode};
use crate::host::images::ImagePolicy;
use crate::host::tasks::spawn_owned;
use crate::host::yielding::{next_frame, now_ms, yield_to_browser};

/// Lines per chunk.
const CHUNK_LINES: usize = 50;
/// The attribute on the chunk that holds the current line.
const CURRENT_CHUNK: &str = "data-current";
/// How many speaker colours the stylesheet defines (`.ev-speaker-0` …).
const SPEAKER_COLOURS: usize = 6;

/// The mounted chunks of one transcript, and what marks its lines carry.
#[derive(Clone, Copy)]
pub struct LineChunks {
    containers: StoredValue<Vec<NodeRef<Div>>>,
    mounted: StoredValue<Vec<Option<UnmountHandle<AnyViewState>>>, LocalStorage>,
    views: StoredValue<LineViews>,
    current: Memo<Option<usize>>,
    tab_stop: RwSignal<usize>,
}

impl LineChunks {
    /// No chunk mounted yet. `current` and `tab_stop` are the line that
    /// carries `aria-current` and the one with `tabindex="0"`.
    pub fn new(
        episode: Arc<Episode>,
        displays: Arc<Vec<DisplayText>>,
        current: Memo<Option<usize>>,
        tab_stop: RwSignal<usize>,
    ) -> Self {
        let count = episode.lines.len().div_ceil(CHUNK_LINES);
        Self {
            containers: StoredValue::new((0..count).map(|_| NodeRef::new()).collect()),
            mounted: StoredValue::new_local((0..count).map(|_| None).collect()),
            views: StoredValue::new(LineViews::new(episode, displays)),
            current,
            tab_stop,
        }
    }

    /// The empty chunk containers, each sized for its lines until mounted.
    pub fn view(&self) -> impl IntoView {
        let line_count = self.views.with_value(|views| views.episode.lines.len());
        self.containers.with_value(|containers| {
            containers
                .iter()
                .enumerate()
                .map(|(chunk, node_ref)| {
                    let lines = line_count
                        .saturating_sub(chunk * CHUNK_LINES)
                        .min(CHUNK_LINES);
                    view! {
                        <div
                            class="ev-chunk"
                            role="none"
                            node_ref=*node_ref
                            style:--ev-chunk-lines=lines.to_string()
                        ></div>
                    }
                })
                .collect_view()
        })
    }

    /// Mounts every chunk, the one holding `first_line` first, a slice at a
    /// time; the first slice is painted before the rest goes on.
    pub fn mount_all(&self, first_line: Option<usize>) {
        let this = *self;
        let count = self.containers.with_value(Vec::len);
        let first = first_line.map_or(0, |line| line / CHUNK_LINES);
        spawn_owned(async move {
            let order =
                std::iter::once(first).chain((0..count).filter(move |&chunk| chunk != first));
            let mut slice_started = now_ms();
            let mut painted = false;
            for chunk in order {
                // The transcript went away meanwhile.
                if this.mounted.try_with_value(|_| ()).is_none() {
                    return;
                }
                this.mount_chunk(chunk);
                if now_ms() - slice_started >= SLICE_MS {
                    if painted {
                        yield_to_browser().await;
                    } else {
                        next_frame().await;
                        painted = true;
                    }
                    slice_started = now_ms();
                }
            }
        });
    }

    /// The element of line `index`, mounting its chunk first if need be.
    pub fn line(&self, index: usize) -> Option<Element> {
        let chunk = index / CHUNK_LINES;
        self.mount_chunk(chunk);
        self.container(chunk)?
            .query_selector(&line_selector(index))
            .ok()
            .flatten()
    }

    /// Marks the chunk that holds line `to` as the current line's (the
    /// stylesheet always lays it out, even off screen, so that following
    /// scrolls to where the line really is) and unmarks `from`'s.
    pub fn mark_current_chunk(&self, from: Option<usize>, to: Option<usize>) {
        let chunk_of = |line: Option<usize>| line.map(|index| index / CHUNK_LINES);
        let (from, to) = (chunk_of(from), chunk_of(to));
        if from == to {
            return;
        }
        if let Some(old) = from.and_then(|chunk| self.container(chunk)) {
            let _ = old.remove_attribute(CURRENT_CHUNK);
        }
        if let Some(new) = to.and_then(|chunk| self.container(chunk)) {
            let _ = new.set_attribute(CURRENT_CHUNK, "");
        }
    }

    /// The container element of `chunk`, once rendered.
    fn container(&self, chunk: usize) -> Option<HtmlDivElement> {
        self.containers
            .try_with_value(|containers| containers.get(chunk).and_then(NodeRef::get_untracked))
            .flatten()
    }

    /// The element of line `index` if its chunk is mounted.
    pub fn mounted_line(&self, index: usize) -> Option<Element> {
        let chunk = index / CHUNK_LINES;
        let is_mounted = self
            .mounted
            .try_with_value(|mounted| matches!(mounted.get(chunk), Some(Some(_))))
            .unwrap_or(false);
        is_mounted.then(|| self.line(index)).flatten()
    }

    fn mount_chunk(&self, chunk: usize) {
        let is_mounted = self
            .mounted
            .try_with_value(|mounted| !matches!(mounted.get(chunk), Some(None)))
            .unwrap_or(true);
        let container = self.container(chunk);
        let (false, Some(container)) = (is_mounted, container) else {
            return;
        };
        let views = self.views.get_value();
        let lines = chunk * CHUNK_LINES..((chunk + 1) * CHUNK_LINES).min(views.episode.lines.len());
        let current = self.current.get_untracked();
        let tab_stop = self.tab_stop.get_untracked();
        let handle = mount_to((*container).clone(), move || {
            lines
                .map(|index| views.line(index, current == Some(index), tab_stop == index))
                .collect_view()
                .into_any()
        });
        self.mounted.update_value(|mounted| {
            if let Some(slot) = mounted.get_mut(chunk) {
                *slot = Some(handle);
            }
        });
    }
}

/// Builds the markup of single lines.
#[derive(Clone)]
struct LineViews {
    episode: Arc<Episode>,
    displays: Arc<Vec<DisplayText>>,
    /// For each line, the titles of the chapters that begin at it.
    headings: Arc<Vec<Option<Vec<String>>>>,
    /// Which avatars to load.
    images: ImagePolicy,
    /// The level of the chapter headings.
    level: SectionLevel,
    /// Each speaker's colour (`.ev-speaker-N`).
    colours: Arc<Vec<usize>>,
}

impl LineViews {
    fn new(episode: Arc<Episode>, displays: Arc<Vec<DisplayText>>) -> Self {
        let headings = Arc::new(chapter_headings(&episode));
        let colours = Arc::new(
            episode
                .speaker_order()
                .into_iter()
                .map(|order| order % SPEAKER_COLOURS)
                .collect(),
        );
        Self {
            episode,
            displays,
            headings,
            images: use_context().unwrap_or_default(),
            level: SectionLevel::current(),
            colours,
        }
    }

    /// Line `index` in its list item, after the chapter headings that
    /// begin at it; the speaker's name where the speaker changes.
    fn line(&self, index: usize, is_current: bool, is_tab_stop: bool) -> impl IntoView {
        let episode = &self.episode;
        let line = episode.lines.get(index);
        let start = line.map_or(0.0, |line| line.start);
        let text = self
            .displays
            .get(index)
            .map(|display| display.text.clone())
            .unwrap_or_default();
        let heading = self.headings.get(index).cloned().flatten();
        let previous_speaker = index
            .checked_sub(1)
            .and_then(|previous| episode.lines.get(previous))
            .and_then(|previous| previous.speaker);
        let speaker = line
            .and_then(|line| line.speaker)
            .filter(|&speaker| Some(speaker) != previous_speaker || heading.is_some())
            .and_then(|speaker| Some((speaker, episode.speakers.get(speaker)?)))
            .map(|(speaker, details)| {
                let avatar = self.images.source(details.img.as_deref());
                view! {
                    <span class=format!("ev-speaker ev-speaker-{}", self.colours.get(speaker).copied().unwrap_or(0)) part="speaker">
                        {avatar.map(|src| view! { <img class="ev-avatar" src=src alt="" width="24" height="24"
                            loading="lazy" decoding="async" referrerpolicy="no-referrer" /> })}
                        {details.name.clone()}
                        {details.role.clone().map(|role| view! { <span class="ev-role">{role}</span> })}
                    </span>
                }
            });
        view! {
            {heading.map(|titles| titles.into_iter().map(|title| view! {
                <div class="ev-heading-item" role="listitem">
                    {self.level.heading("ev-chapter-heading", "chapter-heading", title)}
                </div>
            }).collect_view())}
            <div class="ev-row" class:ev-paragraph=line.is_some_and(|line| line.paragraph) role="listitem">
                <div
                    class="ev-line"
                    part=LINE_PART
                    role="button"
                    tabindex=if is_tab_stop { "0" } else { "-1" }
                    aria-current=is_current.then_some("true")
                    data-index=index.to_string()
                    data-start=format_seconds(start)
                >
                    {speaker}
                    <span class="ev-time" class:ev-estimated=line.is_some_and(|line| line.estimated) aria-hidden="true">{format_clock(start)}</span>
                    <span class=TEXT_CLASS dir="auto">{text}</span>
                </div>
            </div>
        }
    }
}

/// For each line, the titles of the listed chapters that begin at it (at or
/// before its start, after the previous line's).
fn chapter_headings(episode: &Episode) -> Vec<Option<Vec<String>>> {
    let mut headings = vec![None; episode.lines.len()];
    for (_, chapter) in episode.listed_chapters() {
        let first_line = episode
            .lines
            .partition_point(|line| line.start < chapter.start);
        if let Some(slot) = headings.get_mut(first_line) {
            slot.get_or_insert_with(Vec::new)
                .push(chapter.title.clone());
        }
    }
    headings
}
