//! The transcript: every line, the current one marked, each a control that
//! seeks the media to the line's start; timed words and search matches
//! marked inside lines.

use std::sync::Arc;

use gloo_timers::future::TimeoutFuture;
use leptos::html::{Div, Section};
use leptos::prelude::*;
use leptos::reactive::computed::Selector;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, MouseEvent, PointerEvent};

use super::controls::WidgetEvents;
use super::i18n::language;
use super::roving::{key_target, Roving};
use super::search::{SearchBox, SearchState};
use super::share::{Quote, Share, ShareStatus};
use crate::core::links::http_url;
use crate::core::pieces::{line_pieces, Piece};
use crate::core::search::Match;
use crate::core::time::format_clock;
use crate::core::{DisplayText, Episode, TimeIndex};
use crate::host::highlight::{HighlightRanges, TextNodes};
use crate::host::media::MediaClock;
use crate::host::scroll::FollowScroll;

/// What the transcript shows and follows.
#[derive(Clone)]
pub struct TranscriptState {
    /// The episode.
    pub episode: Arc<Episode>,
    /// Display text of every line.
    pub displays: Arc<Vec<DisplayText>>,
    /// Index of the lines' starts.
    pub line_index: Arc<TimeIndex>,
    /// Index of the current line.
    pub current_line: Memo<Option<usize>>,
    /// (line, word) of the current timed word.
    pub current_word: Memo<Option<(usize, usize)>>,
    /// The media element.
    pub clock: MediaClock,
    /// Follow mode of the transcript's scroll area.
    pub follow: FollowScroll,
    /// Search.
    pub search: SearchState,
}

/// All transcript lines, with the search box above them. Only the line
/// entering and the line leaving "current" (and the word entering and
/// leaving) are touched when they change. In follow mode the transcript
/// scrolls (itself, never the page) to keep the current line in view; any
/// scroll of the reader's suspends that until "Back to now", a click on a
/// line, or a seek from the player.
#[component]
pub fn Transcript(state: TranscriptState) -> impl IntoView {
    let TranscriptState {
        episode,
        displays,
        line_index,
        current_line,
        current_word,
        clock,
        follow,
        search,
    } = state;
    let is_current = Selector::new(move || current_line.get());
    let is_current_word = Selector::new(move || current_word.get());
    let container = NodeRef::<Section>::new();
    let line_refs: Vec<NodeRef<Div>> = episode.lines.iter().map(|_| NodeRef::new()).collect();
    let roving = Roving::new();
    let language = language();
    let share = Share::new();
    let quote_source = (episode.clone(), displays.clone(), line_index);
    let headings = chapter_headings(&episode);
    let lines = episode
        .lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let previous_speaker = index
                .checked_sub(1)
                .and_then(|previous| episode.lines.get(previous))
                .and_then(|previous| previous.speaker);
            let speaker_label = (line.speaker != previous_speaker || headings[index].is_some())
                .then(|| {
                    let speaker = line.speaker?;
                    let details = episode.speakers.get(speaker)?;
                    Some(SpeakerLabel {
                        name: details.name.clone(),
                        avatar: details
                            .img
                            .as_deref()
                            .and_then(http_url)
                            .map(str::to_string),
                        colour: speaker % SPEAKER_COLOURS,
                    })
                })
                .flatten();
            let is_current = is_current.clone();
            let copy_label = language.copy_link_to(&format_clock(line.start));
            view! {
                {headings[index].clone().map(|titles| titles.into_iter().map(|title| view! {
                    <div class="ev-heading-item" role="listitem">
                        <h3 class="ev-chapter-heading" part="chapter-heading">{title}</h3>
                    </div>
                }).collect_view())}
                <div class="ev-row" role="listitem">
                    <TranscriptLine
                        node_ref=line_refs[index]
                        index
                        start=line.start
                        display=displays.get(index).cloned().unwrap_or_else(|| line.display_text())
                        speaker_label
                        is_current=Signal::derive(move || is_current.selected(&Some(index)))
                        is_current_word=is_current_word.clone()
                        clock
                        follow
                        tabindex=roving.tabindex(index)
                        on_focus=move || roving.stop.set(index)
                    />
                    <button
                        type="button"
                        class="ev-copy-link"
                        part="copy-link"
                        tabindex=roving.tabindex(index)
                        aria-label=copy_label.clone()
                        title=copy_label
                        on:click={
                            let start = line.start;
                            move |_| share.copy_link(start)
                        }
                    >
                        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
                            <path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"
                                d="M10 13a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5M14 11a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5" />
                        </svg>
                    </button>
                </div>
            }
        })
        .collect_view();

    // A seek from anywhere (the host's own controls included) resumes follow.
    Effect::new(move |previous: Option<u32>| {
        let seeks = clock.seeks.get();
        if previous.is_some_and(|previous| previous != seeks) {
            follow.resume();
        }
        seeks
    });
    let line_refs = StoredValue::new(line_refs);
    let line_element = move |index: usize| {
        line_refs.with_value(|refs| refs.get(index).and_then(NodeRef::get_untracked))
    };
    let reveal_line = move |index: usize| {
        if let (Some(container), Some(line)) = (container.get_untracked(), line_element(index)) {
            follow.reveal(&container, &line);
        }
    };
    Effect::new(move |_| {
        if let (true, Some(index)) = (follow.following.get(), current_line.get()) {
            reveal_line(index);
        }
    });
    // Search matches are painted with the Custom Highlight API (no DOM
    // change); going to a match shows it without seeking, with follow
    // suspended until "Back to now".
    let match_ranges = StoredValue::new_local(HighlightRanges::new(MATCH_HIGHLIGHT));
    let current_range = StoredValue::new_local(HighlightRanges::new(CURRENT_MATCH_HIGHLIGHT));
    // The ranges of one line's matches (results come sorted by line).
    let ranges_in_line =
        StoredValue::new_local(move |line: usize, found: &[Match]| -> Vec<web_sys::Range> {
            let Some(display) = displays.get(line) else {
                return Vec::new();
            };
            let nodes = line_element(line)
                .and_then(|line| line.query_selector(".ev-text").ok().flatten())
                .and_then(|text| TextNodes::of(&text));
            let Some(nodes) = nodes else {
                return Vec::new();
            };
            let utf16 = |byte: usize| {
                display
                    .text
                    .get(..byte)
                    .map(|part| part.encode_utf16().count() as u32)
            };
            found
                .iter()
                .filter_map(|found| nodes.range(utf16(found.range.start)?, utf16(found.range.end)?))
                .collect()
        });
    // All matches are painted a few hundred at a time between frames, so
    // that typing never waits for thousands of ranges; a newer search stops
    // an older one's painting.
    let painting = StoredValue::new(0u64);
    Effect::new(move |_| {
        let results = search.results.get();
        match_ranges.update_value(HighlightRanges::clear);
        painting.update_value(|generation| *generation += 1);
        let mine = painting.get_value();
        spawn_local(async move {
            let lines: Vec<&[Match]> = results.chunk_by(|a, b| a.line == b.line).collect();
            for batch in lines.chunks(PAINT_BATCH_LINES) {
                // A newer search took over, or the widget was unmounted.
                if painting.try_get_value() != Some(mine) {
                    return;
                }
                let Some(ranges) = ranges_in_line.try_with_value(|ranges_of| {
                    batch
                        .iter()
                        .flat_map(|found| ranges_of(found[0].line, found))
                        .collect::<Vec<_>>()
                }) else {
                    return;
                };
                if match_ranges
                    .try_update_value(|highlight| highlight.extend(ranges))
                    .is_none()
                {
                    return;
                }
                TimeoutFuture::new(0).await;
            }
        });
    });
    Effect::new(move |_| {
        let found = search
            .results
            .with(|results| results.get(search.current.get()).cloned());
        let ranges = found.as_ref().map_or_else(Vec::new, |found| {
            ranges_in_line
                .with_value(|ranges_of| ranges_of(found.line, std::slice::from_ref(found)))
        });
        current_range.update_value(|highlight| highlight.replace(ranges));
        if let Some(found) = found {
            follow.suspend();
            reveal_line(found.line);
        }
    });

    // Selecting text in the transcript offers to copy it as a quote.
    let selection = gloo_events::EventListener::new(&document(), "selectionchange", move |_| {
        let (episode, displays, index) = &quote_source;
        let quote = container
            .get_untracked()
            .and_then(|area| selected_quote(&area, episode, displays, index));
        if share.quote.get_untracked() != quote {
            share.quote.set(quote);
        }
    });
    StoredValue::new_local(selection);

    let on_scroll = move |_| {
        if let Some(container) = container.get_untracked() {
            follow.on_scroll(&container);
        }
    };
    let on_pointerdown = move |event: PointerEvent| {
        // A press on the scroll area itself, not on a line: its scrollbar.
        let on_area =
            event
                .target()
                .zip(container.get_untracked())
                .is_some_and(|(target, area)| {
                    target.dyn_ref::<Element>() == Some(area.unchecked_ref::<Element>())
                });
        if on_area {
            follow.suspend();
        }
    };
    let line_count = episode.lines.len();
    let focus_line = move |index: usize| {
        roving.stop.set(index);
        if let Some(line) = line_element(index) {
            let _ = line.focus();
        }
    };
    let on_keydown = move |event: KeyboardEvent| {
        let on_line = event
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
            .is_some_and(|element| element.get_attribute("part").as_deref() == Some("line"));
        follow.on_key(&event.key(), on_line);
        let target = on_line
            .then(|| key_target(&event.key(), roving.stop.get_untracked(), line_count))
            .flatten();
        if let Some(target) = target {
            event.prevent_default();
            focus_line(target);
        }
    };
    // Tab into the transcript lands on the current line, unless the reader
    // is already moving around in it.
    Effect::new(move |_| {
        let Some(current) = current_line.get() else {
            return;
        };
        let focus_inside = container.get_untracked().is_some_and(|area| {
            let active = area
                .get_root_node()
                .dyn_into::<web_sys::ShadowRoot>()
                .ok()
                .and_then(|root| root.active_element());
            active.is_some_and(|active| area.contains(Some(&active)))
        });
        if !focus_inside {
            roving.stop.set(current);
        }
    });
    let is_empty = episode.lines.is_empty();
    view! {
        <div class="ev-transcript-area">
            {(!is_empty).then(|| view! { <SearchBox search /> })}
            <section
                class="ev-transcript"
                part="transcript"
                aria-label=language.transcript()
                node_ref=container
                on:scroll=on_scroll
                on:wheel=move |_| follow.suspend()
                on:touchmove=move |_| follow.suspend()
                on:pointerdown=on_pointerdown
                on:keydown=on_keydown
            >
                {is_empty.then(|| view! { <p class="ev-empty">{language.no_transcript()}</p> })}
                {(!is_empty).then(|| view! { <div class="ev-lines" role="list">{lines}</div> })}
            </section>
            <ShareStatus share />
            <button
                type="button"
                class="ev-back-to-now"
                part="back-to-now"
                hidden=move || follow.following.get() || is_empty
                on:click=move |_| follow.resume()
            >
                {language.back_to_now()}
            </button>
        </div>
    }
}

/// Highlight names (`::highlight(…)` in the stylesheet) for search matches.
const MATCH_HIGHLIGHT: &str = "episode-viewer-match";
const CURRENT_MATCH_HIGHLIGHT: &str = "episode-viewer-current-match";

/// Lines of search matches painted per turn of the event loop.
const PAINT_BATCH_LINES: usize = 100;

/// How many speaker colours the stylesheet defines (`.ev-speaker-0` …).
const SPEAKER_COLOURS: usize = 6;

/// The label over a group of lines by one speaker.
#[derive(Clone)]
struct SpeakerLabel {
    name: String,
    avatar: Option<String>,
    colour: usize,
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

/// One line: its speaker (when the speaker changes), start time and text.
#[component]
fn TranscriptLine(
    node_ref: NodeRef<Div>,
    index: usize,
    start: f64,
    display: DisplayText,
    speaker_label: Option<SpeakerLabel>,
    is_current: Signal<bool>,
    is_current_word: Selector<Option<(usize, usize)>>,
    clock: MediaClock,
    follow: FollowScroll,
    tabindex: impl Fn() -> &'static str + Send + Sync + 'static,
    on_focus: impl Fn() + 'static,
) -> impl IntoView {
    let events = use_context::<WidgetEvents>();
    let seek_here = move || {
        follow.resume();
        clock.seek(start);
        if let Some(events) = events {
            events.seek(start, "line");
        }
    };
    let on_click = move |event: MouseEvent| {
        if !event.default_prevented() && !has_text_selection() {
            seek_here();
        }
    };
    let on_keydown = move |event: KeyboardEvent| {
        if matches!(event.key().as_str(), "Enter" | " ") {
            event.prevent_default();
            seek_here();
        }
    };
    let text = line_pieces(&display.text, &display.words)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.into_any(),
            Piece::Word { index: word, text } => {
                let is_current_word = is_current_word.clone();
                let part = move || {
                    if is_current_word.selected(&Some((index, word))) {
                        "word current"
                    } else {
                        "word"
                    }
                };
                view! { <span class="ev-word" part=part>{text}</span> }.into_any()
            }
        })
        .collect_view();
    view! {
        <div
            node_ref=node_ref
            class="ev-line"
            part="line"
            role="button"
            tabindex=tabindex
            data-start=start.to_string()
            aria-current=move || is_current.get().then_some("true")
            on:click=on_click
            on:keydown=on_keydown
            on:focus=move |_| on_focus()
        >
            {speaker_label.map(|label| view! {
                <span class=format!("ev-speaker ev-speaker-{}", label.colour) part="speaker">
                    {label.avatar.map(|src| view! { <img class="ev-avatar" src=src alt="" width="24" height="24" /> })}
                    {label.name}
                </span>
            })}
            <span class="ev-time" aria-hidden="true">{format_clock(start)}</span>
            <span class="ev-text" dir="auto">{text}</span>
        </div>
    }
}

/// The reader's selection inside `area` as a quote: the selected text of
/// one line, or the whole lines a selection spans.
fn selected_quote(
    area: &web_sys::HtmlElement,
    episode: &Episode,
    displays: &[DisplayText],
    index: &crate::core::TimeIndex,
) -> Option<Quote> {
    let root = area.get_root_node();
    // Chromium's selection of a shadow tree (no standard API reaches inside one yet).
    let get_selection: js_sys::Function = js_sys::Reflect::get(&root, &"getSelection".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let selection: web_sys::Selection = get_selection.call0(&root).ok()?.dyn_into().ok()?;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let line_of = |node: web_sys::Node| -> Option<usize> {
        let element = match node.dyn_into::<Element>() {
            Ok(element) => element,
            Err(node) => node.parent_element()?,
        };
        let line = element.closest("[part=line]").ok()??;
        if !area.contains(Some(&line)) {
            return None;
        }
        index.at(line.get_attribute("data-start")?.parse().ok()?)
    };
    let first = line_of(range.start_container().ok()?)?;
    let last = line_of(range.end_container().ok()?)?.max(first);
    let text = if first == last {
        String::from(selection.to_string())
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        displays
            .get(first..=last)?
            .iter()
            .map(|display| display.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (first_line, last_line) = (episode.lines.get(first)?, episode.lines.get(last)?);
    (!text.is_empty()).then(|| Quote {
        text,
        speaker: episode
            .speaker_of(first_line)
            .map(|speaker| speaker.name.clone()),
        start: first_line.start,
        end: last_line.end.max(first_line.start),
    })
}

/// Whether the reader has selected text (then a click ends a selection and
/// should not seek).
fn has_text_selection() -> bool {
    window()
        .get_selection()
        .ok()
        .flatten()
        .is_some_and(|selection| !selection.is_collapsed())
}
