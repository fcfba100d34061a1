//! The transcript: every line, the current one marked, each a control that
//! plays the media from the line's start; timed words and search matches
//! marked inside lines.

use crate::host::stop::listen;
use std::sync::Arc;

use leptos::html::{Div, Section};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, FocusEvent, HtmlElement, KeyboardEvent, MouseEvent, PointerEvent};

use super::controls::WidgetEvents;
use super::copy_link::CopyLink;
use super::i18n::language;
use super::line_gestures::{ClickAction, LineGestures};
use super::lines::LineChunks;
use super::marks::{use_search_marks, use_word_mark};
use super::roving::key_target;
use super::search::{SearchBox, SearchState};
use super::share::{selected_quote, Share, ShareStatus};
use crate::core::{DisplayText, Episode};
use crate::host::media::MediaClock;
use crate::host::scroll::{
    bring_into_page_view, is_partly_in_view, keep_lines_in_place, FollowScroll,
};
use crate::host::selection::has_selected_text;

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
    /// Set when a `#t=` link in the page URL was applied on load: the page
    /// then scrolls once to show the line.
    pub deep_linked: RwSignal<bool>,
}

/// All transcript lines, with the search box above them. Only the line
/// entering and the line leaving "current" are touched when it changes;
/// the current word and search matches are painted as highlights, with no
/// DOM change. In follow mode the transcript scrolls (itself, never the
/// page) to keep the current line in view; any scroll of the reader's
/// suspends that until "Back to now", a click on a line, or a seek from
/// the player. "Back to now" is offered only while the current line is
/// out of view, beside the search box, where it covers no line.
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
        deep_linked,
    } = state;
    let container = NodeRef::<Section>::new();
    let toolbar = NodeRef::<Div>::new();
    let list = NodeRef::<Div>::new();
    let tab_stop = RwSignal::new(0);
    let language = language();
    let share = Share::new();
    let copy_link = CopyLink::new();
    let gestures = LineGestures::new();
    let events = use_context::<WidgetEvents>();
    let chunks = LineChunks::new(episode.clone(), displays.clone(), current_line, tab_stop);
    let quote_source = (episode.clone(), displays.clone());
    let line_count = episode.lines.len();
    let lines = StoredValue::new(episode.clone());
    let start_of = move |index: usize| {
        lines.with_value(|episode| episode.lines.get(index).map(|line| line.start))
    };
    let texts = StoredValue::new(displays.clone());
    let now_in_view = RwSignal::new(true);
    let check_now_in_view = move || {
        let shown = match (container.get_untracked(), current_line.get_untracked()) {
            (Some(area), Some(index)) => chunks
                .mounted_line(index)
                .is_none_or(|line| is_partly_in_view(&area, &line)),
            _ => true,
        };
        if now_in_view.get_untracked() != shown {
            now_in_view.set(shown);
        }
    };

    // "Back to now" can take a row of its own (on a phone): as it comes and
    // goes, the lines stay in place on screen unless follow places them.
    let back_hidden = Memo::new(move |_| follow.following.get() || now_in_view.get());
    Effect::new(move |height: Option<Option<f64>>| {
        back_hidden.track();
        let (area, bar) = (container.get_untracked()?, toolbar.get_untracked()?);
        let before = height
            .flatten()
            .filter(|_| !follow.following.get_untracked());
        Some(keep_lines_in_place(&area, &bar, before))
    });
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
        check_now_in_view();
        current
    });
    Effect::new(move |previous: Option<usize>| {
        let stop = tab_stop.get();
        move_attribute(&chunks, previous, Some(stop), "tabindex", "0", Some("-1"));
        stop
    });
    // A `#t=` link on load: once laid out, the line is put in place at
    // once and the page scrolls just enough to show it (the player above
    // stays in view where it can).
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || !deep_linked.get() {
            return done.unwrap_or(false);
        }
        request_animation_frame(move || {
            // The widget may have gone meanwhile.
            let following = follow.following.try_get_untracked() == Some(true);
            let current = current_line.try_get_untracked().flatten();
            let area = container.try_get_untracked().flatten();
            if let (true, Some(index), Some(area)) = (following, current, area) {
                if let Some(line) = chunks.line(index) {
                    follow.reveal_at_once(&area, &line);
                    bring_into_page_view(&line);
                }
            }
        });
        true
    });
    use_word_mark(chunks, texts, current_word);
    // Going to a match shows it without seeking, with follow suspended
    // until "Back to now".
    use_search_marks(chunks, texts, search, move |line| {
        follow.suspend();
        reveal_line(line);
        check_now_in_view();
    });

    // Selecting text in the transcript offers to copy it as a quote.
    let selection = listen(&document(), "selectionchange", move |_| {
        let (episode, displays) = &quote_source;
        let quote = container
            .get_untracked()
            .and_then(|area| selected_quote(&area, episode, displays));
        if share.quote.get_untracked() != quote {
            share.quote.set(quote);
        }
    });
    StoredValue::new_local(selection);

    let play_line = move |index: usize| {
        let Some(start) = start_of(index) else {
            return;
        };
        follow.resume();
        clock.play_from(start);
        if let Some(events) = events {
            events.seek(start, "line");
        }
    };
    let text_selected = move || {
        container
            .get_untracked()
            .is_some_and(|area| has_selected_text(&area))
    };

    let on_scroll = move |_| {
        if let Some(container) = container.get_untracked() {
            follow.on_scroll(&container);
        }
        check_now_in_view();
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
        if let Some((line, index)) = line_of_event(&event) {
            gestures.on_pointerdown(&event, move || {
                if let Some(row) = line.parent_element() {
                    copy_link.offer(&row, index);
                }
            });
        }
    };
    // Focus scrolls the line into view unless `in_place`.
    let focus_line = move |index: usize, in_place: bool| {
        tab_stop.set(index);
        if let Some(line) = chunks
            .line(index)
            .and_then(|line| line.dyn_into::<HtmlElement>().ok())
        {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(in_place);
            let _ = line.focus_with_options(&options);
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
            play_line(index);
        } else if let Some(target) = key_target(&event.key(), index, line_count) {
            event.prevent_default();
            focus_line(target, false);
        }
    };
    let on_click = move |event: MouseEvent| {
        let Some((_, index)) = line_of_event(&event) else {
            return;
        };
        match gestures.on_click(&event, text_selected()) {
            ClickAction::Ignore => {}
            ClickAction::PlayNow => play_line(index),
            ClickAction::PlaySoon(click) => {
                gestures.play_soon(click, text_selected, move || play_line(index))
            }
        }
    };
    // Moving around the list moves its Tab stop.
    let on_focusin = move |event: FocusEvent| {
        if let Some((line, index)) = line_of_event(&event) {
            tab_stop.set(index);
            if let Some(row) = line.parent_element() {
                copy_link.offer(&row, index);
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
    // A touch offers the button only by a long press.
    let on_pointerover = move |event: PointerEvent| {
        if event.pointer_type() == "touch" {
            return;
        }
        if let Some((line, index)) = line_of_event(&event) {
            if let Some(row) = line.parent_element() {
                copy_link.offer(&row, index);
            }
        }
    };
    let is_empty = line_count == 0;
    if !is_empty {
        chunks.mount_all(current_line.get_untracked());
    }
    view! {
        <div class="ev-transcript-area" on:focusin=on_area_focusin>
            {(!is_empty).then(|| view! {
                <div class="ev-toolbar" node_ref=toolbar>
                    <SearchBox search />
                    <button
                        type="button"
                        class="ev-back-to-now"
                        part="back-to-now"
                        hidden=back_hidden
                        on:click=move |_| {
                            follow.resume();
                            // The button hides: the focus goes to the line it brought back.
                            if let Some(index) = current_line.get_untracked() {
                                focus_line(index, true);
                            }
                        }
                    >
                        {language.back_to_now()}
                    </button>
                </div>
            })}
            <section
                class="ev-transcript"
                part="transcript"
                aria-label=language.transcript()
                node_ref=container
                on:scroll=on_scroll
                on:wheel=move |_| follow.suspend()
                on:touchmove=move |_| follow.suspend()
                on:pointerdown=on_pointerdown
                on:pointermove=move |event: PointerEvent| gestures.on_pointermove(&event)
                on:pointerup=move |_| gestures.on_pointer_end()
                on:pointercancel=move |_| gestures.on_pointer_end()
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
                {copy_link.view(share, start_of)}
            </section>
            <ShareStatus share />
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
