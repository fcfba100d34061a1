//! The transcript: every line, the current one marked, each a control that
//! seeks the media to the line's start; timed words and search matches
//! marked inside lines.

use std::sync::Arc;

use leptos::html::{Button, Div, Section};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, FocusEvent, HtmlElement, KeyboardEvent, MouseEvent, PointerEvent};

use super::controls::WidgetEvents;
use super::i18n::language;
use super::lines::LineChunks;
use super::marks::{use_search_marks, use_word_mark};
use super::roving::key_target;
use super::search::{SearchBox, SearchState};
use super::share::{Quote, Share, ShareStatus};
use crate::core::time::format_clock;
use crate::core::{DisplayText, Episode};
use crate::host::media::MediaClock;
use crate::host::scroll::FollowScroll;

/// What the transcript shows and follows.
#[derive(Clone)]
pub struct TranscriptState {
    /// The episode.
    pub episode: Arc<Episode>,
    /// Display text of every line.
    pub displays: Arc<Vec<DisplayText>>,
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
/// entering and the line leaving "current" are touched when it changes;
/// the current word and search matches are painted as highlights, with no
/// DOM change. In follow mode the transcript scrolls (itself, never the
/// page) to keep the current line in view; any scroll of the reader's
/// suspends that until "Back to now", a click on a line, or a seek from
/// the player.
#[component]
pub fn Transcript(state: TranscriptState) -> impl IntoView {
    let TranscriptState {
        episode,
        displays,
        current_line,
        current_word,
        clock,
        follow,
        search,
    } = state;
    let container = NodeRef::<Section>::new();
    let list = NodeRef::<Div>::new();
    let tab_stop = RwSignal::new(0);
    let language = language();
    let share = Share::new();
    let events = use_context::<WidgetEvents>();
    let chunks = LineChunks::new(episode.clone(), displays.clone(), current_line, tab_stop);
    let quote_source = (episode.clone(), displays.clone());
    let line_count = episode.lines.len();
    let lines = StoredValue::new(episode.clone());
    let start_of = move |index: usize| {
        lines.with_value(|episode| episode.lines.get(index).map(|line| line.start))
    };
    let texts = StoredValue::new(displays.clone());

    // A seek from anywhere (the host's own controls included) resumes follow.
    Effect::new(move |previous: Option<u32>| {
        let seeks = clock.seeks.get();
        if previous.is_some_and(|previous| previous != seeks) {
            follow.resume();
        }
        seeks
    });
    let reveal_line = move |index: usize| {
        if let (Some(container), Some(line)) = (container.get_untracked(), chunks.line(index)) {
            follow.reveal(&container, &line);
        }
    };
    // The current line and the Tab stop are attributes moved from one line
    // to the next (lines mounted later get them as they are built).
    Effect::new(move |previous: Option<Option<usize>>| {
        let current = current_line.get();
        move_attribute(
            &chunks,
            previous.flatten(),
            current,
            "aria-current",
            "true",
            None,
        );
        if let (true, Some(index)) = (follow.following.get(), current) {
            reveal_line(index);
        }
        current
    });
    Effect::new(move |previous: Option<usize>| {
        let stop = tab_stop.get();
        move_attribute(&chunks, previous, Some(stop), "tabindex", "0", Some("-1"));
        stop
    });
    use_word_mark(chunks, texts, current_word);
    // Going to a match shows it without seeking, with follow suspended
    // until "Back to now".
    use_search_marks(chunks, texts, search, move |line| {
        follow.suspend();
        reveal_line(line);
    });

    // Selecting text in the transcript offers to copy it as a quote.
    let selection = gloo_events::EventListener::new(&document(), "selectionchange", move |_| {
        let (episode, displays) = &quote_source;
        let quote = container
            .get_untracked()
            .and_then(|area| selected_quote(&area, episode, displays));
        if share.quote.get_untracked() != quote {
            share.quote.set(quote);
        }
    });
    StoredValue::new_local(selection);

    // One copy-link button, moved to the line under the pointer or with
    // the focus.
    let copy_button = NodeRef::<Button>::new();
    let copy_line = RwSignal::new(None::<usize>);
    let offer_copy_link = move |row: Element, index: usize| {
        let Some(button) = copy_button.get_untracked() else {
            return;
        };
        let button_has_focus = button
            .get_root_node()
            .dyn_into::<web_sys::ShadowRoot>()
            .ok()
            .and_then(|root| root.active_element())
            .is_some_and(|active| active == **button);
        if copy_line.get_untracked() != Some(index) && !button_has_focus {
            let _ = row.append_child(&button);
            copy_line.set(Some(index));
        }
    };
    let copy_label = move || {
        copy_line
            .get()
            .and_then(start_of)
            .map(|start| language.copy_link_to(&format_clock(start)))
    };
    let copy_start = move || copy_line.get_untracked().and_then(start_of);
    let seek_line = move |index: usize| {
        let Some(start) = start_of(index) else {
            return;
        };
        follow.resume();
        clock.seek(start);
        if let Some(events) = events {
            events.seek(start, "line");
        }
    };

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
    let focus_line = move |index: usize| {
        tab_stop.set(index);
        if let Some(line) = chunks
            .line(index)
            .and_then(|line| line.dyn_into::<HtmlElement>().ok())
        {
            let _ = line.focus();
        }
    };
    let on_keydown = move |event: KeyboardEvent| {
        let line = line_of_event(&event);
        follow.on_key(&event.key(), line.is_some());
        let Some((_, index)) = line else {
            return;
        };
        if matches!(event.key().as_str(), "Enter" | " ") {
            event.prevent_default();
            seek_line(index);
        } else if let Some(target) = key_target(&event.key(), index, line_count) {
            event.prevent_default();
            focus_line(target);
        }
    };
    let on_click = move |event: MouseEvent| {
        if let Some((_, index)) = line_of_event(&event) {
            if !event.default_prevented() && !has_text_selection() {
                seek_line(index);
            }
        }
    };
    // Moving around the list moves its Tab stop.
    let on_focusin = move |event: FocusEvent| {
        if let Some((line, index)) = line_of_event(&event) {
            tab_stop.set(index);
            if let Some(row) = line.parent_element() {
                offer_copy_link(row, index);
            }
        }
    };
    // Focus anywhere else in the transcript area (the search box above the
    // list, the buttons below it, which Tab passes on the way in) makes the
    // current line the Tab stop, so that Tab lands on it.
    let on_area_focusin = move |event: FocusEvent| {
        let in_list = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Node>().ok())
            .zip(list.get_untracked())
            .is_some_and(|(target, list)| list.contains(Some(&target)));
        if let (false, Some(current)) = (in_list, current_line.get_untracked()) {
            tab_stop.set(current);
        }
    };
    let on_pointerover = move |event: PointerEvent| {
        if let Some((line, index)) = line_of_event(&event) {
            if let Some(row) = line.parent_element() {
                offer_copy_link(row, index);
            }
        }
    };
    let is_empty = line_count == 0;
    if !is_empty {
        chunks.mount_all(current_line.get_untracked());
    }
    view! {
        <div class="ev-transcript-area" on:focusin=on_area_focusin>
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
                {(!is_empty).then(|| view! {
                    <div
                        class="ev-lines"
                        role="list"
                        node_ref=list
                        on:click=on_click
                        on:focusin=on_focusin
                        on:pointerover=on_pointerover
                    >
                        {chunks.view()}
                    </div>
                })}
                <button
                    type="button"
                    class="ev-copy-link"
                    part="copy-link"
                    node_ref=copy_button
                    hidden=move || copy_line.get().is_none()
                    aria-label=copy_label
                    title=copy_label
                    on:click=move |_| {
                        if let Some(start) = copy_start() {
                            share.copy_link(start);
                        }
                    }
                >
                    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
                        <path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"
                            d="M10 13a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5M14 11a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5" />
                    </svg>
                </button>
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

/// Moves `attribute` from line `from` to line `to`: set to `value` on
/// `to`, removed from `from` (or set to `otherwise`).
fn move_attribute(
    chunks: &LineChunks,
    from: Option<usize>,
    to: Option<usize>,
    attribute: &str,
    value: &str,
    otherwise: Option<&str>,
) {
    if from == to {
        return;
    }
    if let Some(line) = from.and_then(|index| chunks.mounted_line(index)) {
        let _ = match otherwise {
            Some(otherwise) => line.set_attribute(attribute, otherwise),
            None => line.remove_attribute(attribute),
        };
    }
    if let Some(line) = to.and_then(|index| chunks.mounted_line(index)) {
        let _ = line.set_attribute(attribute, value);
    }
}

/// The line an event happened in, and its index.
fn line_of_event(event: &web_sys::Event) -> Option<(Element, usize)> {
    let target: Element = event.target()?.dyn_into().ok()?;
    let line = target.closest("[part=line]").ok()??;
    let index = line.get_attribute("data-index")?.parse().ok()?;
    Some((line, index))
}

/// The reader's selection inside `area` as a quote: the selected text of
/// one line, or the whole lines a selection spans.
fn selected_quote(
    area: &web_sys::HtmlElement,
    episode: &Episode,
    displays: &[DisplayText],
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
        line.get_attribute("data-index")?.parse().ok()
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
