//! Follow mode, in one room: the transcript keeps the current line in view
//! (scrolling itself, never the page) until the reader scrolls; a click on
//! a line, "Back to now", a seek from the player or the JS API resume it.
//! "Back to now" shows only while the current line is out of view; a `#t=`
//! link on load puts its line in place and brings it into the page's view.
//! The scrolling itself is `host/scroll.rs`.

use leptos::html::{Div, Section};
use leptos::prelude::*;

use super::lines::LineChunks;
use crate::host::media::MediaClock;
use crate::host::scroll::{
    bring_into_page_view, is_partly_in_view, keep_lines_in_place, FollowScroll,
};

/// What follow mode watches.
pub struct FollowParts {
    /// Follow mode's state, shared with the JS API.
    pub scroll: FollowScroll,
    /// The scroll area.
    pub area: NodeRef<Section>,
    /// The toolbar above it, where "Back to now" appears.
    pub toolbar: NodeRef<Div>,
    /// The lines.
    pub chunks: LineChunks,
    /// Index of the current line.
    pub current_line: Memo<Option<usize>>,
    /// The media element.
    pub clock: MediaClock,
    /// Set when a `#t=` link was applied on load.
    pub deep_linked: RwSignal<bool>,
}

/// Follow mode of one transcript. Copy it freely.
#[derive(Clone, Copy)]
pub struct Follow {
    /// Follow mode's state.
    pub scroll: FollowScroll,
    /// Whether "Back to now" is hidden: following, or the current line in
    /// view.
    pub back_hidden: Memo<bool>,
    now_in_view: RwSignal<bool>,
    area: NodeRef<Section>,
    chunks: LineChunks,
    current_line: Memo<Option<usize>>,
}

impl Follow {
    /// Scrolls the area (only as far as needed) to show line `index`.
    pub fn reveal_line(&self, index: usize) {
        if let (Some(area), Some(line)) = (self.area.get_untracked(), self.chunks.line(index)) {
            self.scroll.reveal(&area, &line);
        }
    }

    /// Notes whether the current line is in view, for "Back to now".
    pub fn check_now_in_view(&self) {
        let shown = match (self.area.get_untracked(), self.current_line.get_untracked()) {
            (Some(area), Some(index)) => self
                .chunks
                .mounted_line(index)
                .is_none_or(|line| is_partly_in_view(&area, &line)),
            _ => true,
        };
        if self.now_in_view.get_untracked() != shown {
            self.now_in_view.set(shown);
        }
    }

    /// Call on every `scroll` event of the area.
    pub fn on_scroll(&self) {
        if let Some(area) = self.area.get_untracked() {
            self.scroll.on_scroll(&area);
        }
        self.check_now_in_view();
    }

    /// Shows line `index` (a search match) without following.
    pub fn show_without_following(&self, index: usize) {
        self.scroll.suspend();
        self.reveal_line(index);
        self.check_now_in_view();
    }
}

/// Sets follow mode up for the current reactive owner's life.
pub fn use_follow(parts: FollowParts) -> Follow {
    let FollowParts {
        scroll,
        area,
        toolbar,
        chunks,
        current_line,
        clock,
        deep_linked,
    } = parts;
    let now_in_view = RwSignal::new(true);
    let back_hidden = Memo::new(move |_| scroll.following.get() || now_in_view.get());
    let follow = Follow {
        scroll,
        back_hidden,
        now_in_view,
        area,
        chunks,
        current_line,
    };
    // "Back to now" can take a row of its own (on a phone): as it comes and
    // goes, the lines stay in place on screen unless follow places them.
    Effect::new(move |height: Option<Option<f64>>| {
        back_hidden.track();
        let (area, bar) = (area.get_untracked()?, toolbar.get_untracked()?);
        let before = height
            .flatten()
            .filter(|_| !scroll.following.get_untracked());
        Some(keep_lines_in_place(&area, &bar, before))
    });
    clock.on_seeking(move || scroll.resume());
    Effect::new(move |_| {
        if let (true, Some(index)) = (scroll.following.get(), current_line.get()) {
            follow.reveal_line(index);
        }
        follow.check_now_in_view();
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
            let following = scroll.following.try_get_untracked() == Some(true);
            let current = current_line.try_get_untracked().flatten();
            let shown = area.try_get_untracked().flatten();
            if let (true, Some(index), Some(shown)) = (following, current, shown) {
                if let Some(line) = chunks.line(index) {
                    scroll.reveal_at_once(&shown, &line);
                    bring_into_page_view(&line);
                }
            }
        });
        true
    });
    follow
}
