//! The transcript: every line, the current one marked, each a control that
//! seeks the media to the line's start.

use std::sync::Arc;

use leptos::html::{Div, Section};
use leptos::prelude::*;
use leptos::reactive::computed::Selector;
use web_sys::{KeyboardEvent, MouseEvent};

use crate::core::time::format_clock;
use crate::core::Episode;
use crate::host::media::MediaClock;
use crate::host::scroll::reveal_in_container;

/// All transcript lines. Only the line entering and the line leaving
/// "current" are touched when the current line changes, and the transcript
/// scrolls (itself, not the page) to keep the current line in view.
#[component]
pub fn Transcript(
    episode: Arc<Episode>,
    current: Memo<Option<usize>>,
    clock: MediaClock,
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
                />
            }
        })
        .collect_view();
    Effect::new(move |_| {
        let line = current.get().and_then(|index| line_refs.get(index)?.get());
        if let (Some(container), Some(line)) = (container.get(), line) {
            reveal_in_container(&container, &line);
        }
    });
    let is_empty = episode.lines.is_empty();
    view! {
        <section class="ev-transcript" part="transcript" aria-label="Transcript" node_ref=container>
            {is_empty.then(|| view! { <p class="ev-empty">"This episode has no transcript."</p> })}
            {lines}
        </section>
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
) -> impl IntoView {
    let on_click = move |event: MouseEvent| {
        if !event.default_prevented() && !has_text_selection() {
            clock.seek(start);
        }
    };
    let on_keydown = move |event: KeyboardEvent| {
        if matches!(event.key().as_str(), "Enter" | " ") {
            event.prevent_default();
            clock.seek(start);
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
