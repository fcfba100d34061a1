//! The transcript: every line, the current one marked, each a control that
//! seeks the media to the line's start.

use std::sync::Arc;

use leptos::html::{Div, Section};
use leptos::prelude::*;
use leptos::reactive::computed::Selector;
use wasm_bindgen::JsCast;
use web_sys::{KeyboardEvent, MouseEvent, PointerEvent};

use crate::core::time::format_clock;
use crate::core::Episode;
use crate::host::media::MediaClock;
use crate::host::scroll::FollowScroll;

/// All transcript lines. Only the line entering and the line leaving
/// "current" are touched when the current line changes. In follow mode the
/// transcript scrolls (itself, never the page) to keep the current line in
/// view; any scroll of the reader's suspends that until "Back to now", a
/// click on a line, or a seek from the player.
#[component]
pub fn Transcript(
    episode: Arc<Episode>,
    current: Memo<Option<usize>>,
    clock: MediaClock,
    follow: FollowScroll,
) -> impl IntoView {
    let is_current = Selector::new(move || current.get());
    let container = NodeRef::<Section>::new();
    let line_refs: Vec<NodeRef<Div>> = episode.lines.iter().map(|_| NodeRef::new()).collect();
    let lines = episode
        .lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let previous_speaker = index
                .checked_sub(1)
                .and_then(|previous| episode.lines.get(previous))
                .and_then(|previous| previous.speaker);
            let speaker_label = (line.speaker != previous_speaker)
                .then(|| episode.speaker_of(line).map(|speaker| speaker.name.clone()))
                .flatten();
            let is_current = is_current.clone();
            view! {
                <TranscriptLine
                    node_ref=line_refs[index]
                    start=line.start
                    text=line.text.clone()
                    speaker_label=speaker_label
                    is_current=Signal::derive(move || is_current.selected(&Some(index)))
                    clock=clock
                    follow=follow
                />
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
    Effect::new(move |_| {
        if !follow.following.get() {
            return;
        }
        let line = current.get().and_then(|index| line_refs.get(index)?.get());
        if let (Some(container), Some(line)) = (container.get(), line) {
            follow.reveal(&container, &line);
        }
    });
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
                    target
                        .dyn_ref::<web_sys::Element>()
                        .is_some_and(|target| target == area.unchecked_ref::<web_sys::Element>())
                });
        if on_area {
            follow.suspend();
        }
    };
    let on_keydown = move |event: KeyboardEvent| {
        let on_line = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|element| element.get_attribute("part").as_deref() == Some("line"));
        follow.on_key(&event.key(), on_line);
    };
    let is_empty = episode.lines.is_empty();
    view! {
        <div class="ev-transcript-area">
            <section
                class="ev-transcript"
                part="transcript"
                aria-label="Transcript"
                node_ref=container
                on:scroll=on_scroll
                on:wheel=move |_| follow.suspend()
                on:touchmove=move |_| follow.suspend()
                on:pointerdown=on_pointerdown
                on:keydown=on_keydown
            >
                {is_empty.then(|| view! { <p class="ev-empty">"This episode has no transcript."</p> })}
                {lines}
            </section>
            <button
                type="button"
                class="ev-back-to-now"
                part="back-to-now"
                hidden=move || follow.following.get() || is_empty
                on:click=move |_| follow.resume()
            >
                "Back to now"
            </button>
        </div>
    }
}

/// One line: its speaker (when the speaker changes), start time and text.
#[component]
fn TranscriptLine(
    node_ref: NodeRef<Div>,
    start: f64,
    text: String,
    speaker_label: Option<String>,
    is_current: Signal<bool>,
    clock: MediaClock,
    follow: FollowScroll,
) -> impl IntoView {
    let seek_here = move || {
        follow.resume();
        clock.seek(start);
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
    view! {
        <div
            node_ref=node_ref
            class="ev-line"
            part="line"
            role="button"
            tabindex="0"
            data-start=start.to_string()
            aria-current=move || is_current.get().then_some("true")
            on:click=on_click
            on:keydown=on_keydown
        >
            {speaker_label.map(|name| view! { <span class="ev-speaker">{name}</span> })}
            <span class="ev-time" aria-hidden="true">{format_clock(start)}</span>
            <span class="ev-text">{text}</span>
        </div>
    }
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
