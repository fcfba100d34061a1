//! What the reader's pointer, keys and focus do in the transcript: a line
//! plays from its start (click, Enter, Space), arrows move between lines,
//! the copy-link button comes to the line pointed at or focused, and the
//! reader's own scrolling suspends follow mode.

use std::sync::Arc;

use leptos::html::{Div, Section};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, FocusEvent, KeyboardEvent, MouseEvent, PointerEvent};

use super::copy_link::CopyLink;
use super::follow::Follow;
use super::line_element::line_of_event;
use super::line_gestures::{ClickAction, LineGestures};
use super::lines::LineChunks;
use super::roving::key_target;
use crate::core::Episode;
use crate::host::events::WidgetEvents;
use crate::host::focus::focus;
use crate::host::media::MediaClock;
use crate::host::selection::has_selected_text;

/// The transcript's event handlers and what they act on. Copy it freely.
#[derive(Clone, Copy)]
pub struct LineEvents {
    /// The scroll area.
    pub area: NodeRef<Section>,
    /// The list of lines.
    pub list: NodeRef<Div>,
    /// Follow mode.
    pub follow: Follow,
    /// The lines.
    pub chunks: LineChunks,
    /// The line that Tab lands on.
    pub tab_stop: RwSignal<usize>,
    /// Index of the current line.
    pub current_line: Memo<Option<usize>>,
    /// The media element.
    pub clock: MediaClock,
    /// The copy-link button.
    pub copy_link: CopyLink,
    /// Presses, long presses and double clicks.
    pub gestures: LineGestures,
    /// The widget's DOM events, when it has an element.
    pub events: Option<WidgetEvents>,
    /// The episode, for line starts.
    pub episode: StoredValue<Arc<Episode>>,
}

impl LineEvents {
    /// The start of line `index`.
    pub fn start_of(&self, index: usize) -> Option<f64> {
        self.episode
            .try_with_value(|episode| episode.lines.get(index).map(|line| line.start))
            .flatten()
    }

    /// Plays from the start of line `index`, following again.
    pub fn play_line(&self, index: usize) {
        let Some(start) = self.start_of(index) else {
            return;
        };
        self.follow.scroll.resume();
        self.clock.play_from(start);
        if let Some(events) = self.events {
            events.seek(start, "line");
        }
    }

    /// Focuses line `index` (its Tab stop too), scrolling it into view
    /// unless `in_place`.
    pub fn focus_line(&self, index: usize, in_place: bool) {
        self.tab_stop.set(index);
        if let Some(line) = self.chunks.line(index) {
            focus(line, in_place);
        }
    }

    fn text_selected(&self) -> bool {
        self.area
            .get_untracked()
            .is_some_and(|area| has_selected_text(&area))
    }

    fn offer_copy_link(&self, line: &Element, index: usize) {
        if let Some(row) = line.parent_element() {
            self.copy_link.offer(&row, index);
        }
    }

    /// A press: on the area itself (its scrollbar) it suspends follow; on
    /// a line, a long press offers the copy-link button.
    pub fn on_pointerdown(self, event: &PointerEvent) {
        let on_area =
            event
                .target()
                .zip(self.area.get_untracked())
                .is_some_and(|(target, area)| {
                    target.dyn_ref::<Element>() == Some(area.unchecked_ref::<Element>())
                });
        if on_area {
            self.follow.scroll.suspend();
        }
        if let Some((line, index)) = line_of_event(event) {
            self.gestures
                .on_pointerdown(event, move || self.offer_copy_link(&line, index));
        }
    }

    /// Enter or Space plays the line; arrows, Home and End move between
    /// lines; keys that scroll suspend follow.
    pub fn on_keydown(&self, event: &KeyboardEvent) {
        let line = line_of_event(event);
        self.follow.scroll.on_key(&event.key(), line.is_some());
        let Some((_, index)) = line else {
            return;
        };
        let line_count = self
            .episode
            .try_with_value(|episode| episode.lines.len())
            .unwrap_or(0);
        if matches!(event.key().as_str(), "Enter" | " ") {
            event.prevent_default();
            self.play_line(index);
        } else if let Some(target) = key_target(&event.key(), index, line_count) {
            event.prevent_default();
            self.focus_line(target, false);
        }
    }

    /// A click plays the line, unless it ends a selection or may become a
    /// double click that selects a word.
    pub fn on_click(self, event: &MouseEvent) {
        let Some((_, index)) = line_of_event(event) else {
            return;
        };
        match self.gestures.on_click(event, self.text_selected()) {
            ClickAction::Ignore => {}
            ClickAction::PlayNow => self.play_line(index),
            ClickAction::PlaySoon(click) => self.gestures.play_soon(
                click,
                move || self.text_selected(),
                move || self.play_line(index),
            ),
        }
    }

    /// Moving around the list moves its Tab stop and the copy-link button.
    pub fn on_focusin(&self, event: &FocusEvent) {
        if let Some((line, index)) = line_of_event(event) {
            self.tab_stop.set(index);
            self.offer_copy_link(&line, index);
        }
    }

    /// Focus anywhere else in the transcript area (the search box above
    /// the list, the buttons below it, which Tab passes on the way in)
    /// makes the current line the Tab stop, so that Tab lands on it.
    pub fn on_area_focusin(&self, event: &FocusEvent) {
        let in_list = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Node>().ok())
            .zip(self.list.get_untracked())
            .is_some_and(|(target, list)| list.contains(Some(&target)));
        if let (false, Some(current)) = (in_list, self.current_line.get_untracked()) {
            self.tab_stop.set(current);
        }
    }

    /// A pointer over a line offers the copy-link button there (a touch
    /// offers it only by a long press).
    pub fn on_pointerover(&self, event: &PointerEvent) {
        if event.pointer_type() == "touch" {
            return;
        }
        if let Some((line, index)) = line_of_event(event) {
            self.offer_copy_link(&line, index);
        }
    }
}
