//! What a press on a transcript line means. A plain click (or tap) plays
//! from the line; a click that ends a text selection, a double click (which
//! selects a word) and a long press on a touch screen (which offers the
//! line's copy-link button) do not.

use std::time::Duration;

use leptos::prelude::*;
use web_sys::{Element, MouseEvent, PointerEvent};

use super::line_element::TEXT_SELECTOR;

/// A click on a line's words waits this long for a second click (most
/// double clicks come well inside the systems' default of 500 ms).
const DOUBLE_CLICK_MS: u64 = 400;
/// A touch held this long without moving is a long press.
const LONG_PRESS_MS: u64 = 500;
/// A touch that moves further than this (CSS pixels) scrolls or selects.
const MOVE_TOLERANCE: f64 = 10.0;
/// A mouse press released further than this from where it began dragged
/// over words: a selection (also in browsers whose selection the widget
/// cannot see inside its shadow root).
const DRAG_TOLERANCE: f64 = 4.0;

/// What to do with a click on a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClickAction {
    /// Nothing: it ended a selection, a long press or a double click.
    Ignore,
    /// Play from the line now.
    PlayNow,
    /// Play from the line unless a second click (or a selection) follows
    /// within the double-click time: see [`LineGestures::play_soon`].
    PlaySoon(u32),
}

/// The state of presses on the lines of one transcript.
#[derive(Clone, Copy)]
pub struct LineGestures {
    clicks: StoredValue<u32>,
    /// Where the last press began.
    pressed_at: StoredValue<Option<(f64, f64)>>,
    /// The touch (by click count) whose long press is still pending.
    held: StoredValue<Option<u32>>,
    long_pressed: StoredValue<bool>,
}

impl LineGestures {
    /// No press yet.
    pub fn new() -> Self {
        Self {
            clicks: StoredValue::new(0),
            pressed_at: StoredValue::new(None),
            held: StoredValue::new(None),
            long_pressed: StoredValue::new(false),
        }
    }

    /// On `pointerdown` in a line: a touch starts a long press, which calls
    /// `on_long_press` unless the finger moves or lifts first.
    pub fn on_pointerdown(&self, event: &PointerEvent, on_long_press: impl FnOnce() + 'static) {
        self.long_pressed.set_value(false);
        let point = (f64::from(event.client_x()), f64::from(event.client_y()));
        self.pressed_at.set_value(Some(point));
        if event.pointer_type() != "touch" {
            return;
        }
        let id = self.clicks.get_value().wrapping_add(1);
        self.clicks.set_value(id);
        self.held.set_value(Some(id));
        let this = *self;
        set_timeout(
            move || {
                if this.held.try_get_value() == Some(Some(id)) {
                    this.held.set_value(None);
                    this.long_pressed.set_value(true);
                    on_long_press();
                }
            },
            Duration::from_millis(LONG_PRESS_MS),
        );
    }

    /// On `pointermove`: a touch that moves is no long press.
    pub fn on_pointermove(&self, event: &PointerEvent) {
        if self.held.get_value().is_some() && self.moved_from_press(event, MOVE_TOLERANCE) {
            self.held.set_value(None);
        }
    }

    /// On `pointerup` or `pointercancel`: the press is over.
    pub fn on_pointer_end(&self) {
        self.held.set_value(None);
    }

    /// Whether `event` is further than `tolerance` from where the last
    /// press began.
    fn moved_from_press(&self, event: &MouseEvent, tolerance: f64) -> bool {
        self.pressed_at.get_value().is_some_and(|(x, y)| {
            (f64::from(event.client_x()) - x).hypot(f64::from(event.client_y()) - y) > tolerance
        })
    }

    /// What a `click` on a line means. `selected` says whether the reader
    /// has text selected in the transcript.
    pub fn on_click(&self, event: &MouseEvent, selected: bool) -> ClickAction {
        let id = self.clicks.get_value().wrapping_add(1);
        self.clicks.set_value(id);
        let long_pressed = self.long_pressed.get_value();
        self.long_pressed.set_value(false);
        let dragged = self.moved_from_press(event, DRAG_TOLERANCE);
        if long_pressed || dragged || selected || event.detail() > 1 || event.default_prevented() {
            return ClickAction::Ignore;
        }
        let on_words = event
            .target()
            .and_then(|target| wasm_bindgen::JsCast::dyn_into::<Element>(target).ok())
            .and_then(|target| target.closest(TEXT_SELECTOR).ok().flatten())
            .is_some();
        // Only words can be double-clicked into a selection; the time and
        // the speaker's name answer at once.
        if on_words {
            ClickAction::PlaySoon(id)
        } else {
            ClickAction::PlayNow
        }
    }

    /// Runs `play` after the double-click time if click `id` is still the
    /// last one and `selected()` is still false.
    pub fn play_soon(
        &self,
        id: u32,
        selected: impl Fn() -> bool + 'static,
        play: impl FnOnce() + 'static,
    ) {
        let this = *self;
        set_timeout(
            move || {
                if this.clicks.try_get_value() == Some(id) && !selected() {
                    play();
                }
            },
            Duration::from_millis(DOUBLE_CLICK_MS),
        );
    }
}
