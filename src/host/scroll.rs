//! Follow mode: keeping the current line in view inside the widget's own
//! scroll area (never the page), and yielding to the reader's own scrolling.
//!
//! A scroll counts as the reader's when it comes with a wheel, touch, key
//! or scrollbar press, or when a `scroll` event arrives while the widget has
//! no scroll of its own in flight. The widget's own scrolls are recorded
//! (target and deadline) before they start; their `scroll` events are
//! ignored until shortly after the target is reached, or the deadline.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use web_sys::{Element, HtmlElement, ScrollBehavior, ScrollToOptions};

/// How long a smooth scroll of the widget's own may take.
const OWN_SCROLL_MS: f64 = 1500.0;
/// How long after arriving the widget's own scroll may still send events.
const SETTLE_MS: f64 = 200.0;
/// Where the current line is placed: this fraction down the scroll area.
const TARGET_FRACTION: f64 = 1.0 / 3.0;
/// The current line is left where it is while it lies within this band.
const COMFORT_TOP: f64 = 0.08;
const COMFORT_BOTTOM: f64 = 0.75;

/// A jump further than this many heights of the area is made at once: a
/// smooth scroll across pages of text shows nothing a reader can follow.
const FAR_JUMP_HEIGHTS: f64 = 2.0;
/// How many frames a revealed line is watched for: chunks the scroll passes
/// are laid out at their real height only as they near the view (CSS
/// `content-visibility`), which moves the line after the scroll began.
const SETTLE_FRAMES: u32 = 30;

/// A scroll of the widget's own in flight: where to, and until when.
#[derive(Clone, Copy)]
struct OwnScroll {
    target: f64,
    deadline: f64,
}

/// Where the area's scroll top goes to bring an item into place.
enum Placement {
    /// The item is comfortably in view (or the area has no height).
    Comfortable,
    /// Scroll to this top.
    ScrollTo(f64),
}

/// Follow mode of one scroll area. Copy it freely; it lives as long as the
/// reactive owner that made it.
#[derive(Clone, Copy)]
pub struct FollowScroll {
    /// Whether the widget keeps the current line in view.
    pub following: RwSignal<bool>,
    own_scroll: StoredValue<Rc<Cell<Option<OwnScroll>>>, LocalStorage>,
}

impl Default for FollowScroll {
    fn default() -> Self {
        Self::new()
    }
}

impl FollowScroll {
    /// Starts in follow mode.
    pub fn new() -> Self {
        Self {
            following: RwSignal::new(true),
            own_scroll: StoredValue::new_local(Rc::new(Cell::new(None))),
        }
    }

    /// The reader took over: stop following.
    pub fn suspend(&self) {
        if self.following.get_untracked() {
            self.following.set(false);
        }
        self.own_scroll.with_value(|own| own.set(None));
    }

    /// Follow again (the caller then reveals the current line).
    pub fn resume(&self) {
        if !self.following.get_untracked() {
            self.following.set(true);
        }
    }

    /// Call on every `scroll` event of the scroll area.
    pub fn on_scroll(&self, container: &HtmlElement) {
        let own = self.own_scroll.with_value(|own| own.get());
        match own {
            Some(own) if now() <= own.deadline => {
                // Arrived: a last event or two may still follow.
                if (f64::from(container.scroll_top()) - own.target).abs() <= 1.0 {
                    let deadline = own.deadline.min(now() + SETTLE_MS);
                    self.own_scroll
                        .with_value(|cell| cell.set(Some(OwnScroll { deadline, ..own })));
                }
            }
            _ => {
                self.own_scroll.with_value(|cell| cell.set(None));
                self.suspend();
            }
        }
    }

    /// Call on `keydown` in the scroll area: keys that scroll suspend.
    pub fn on_key(&self, key: &str, on_line: bool) {
        let scrolls = matches!(
            key,
            "ArrowUp" | "ArrowDown" | "PageUp" | "PageDown" | "Home" | "End"
        ) || (key == " " && !on_line);
        if scrolls {
            self.suspend();
        }
    }

    /// Brings `item` (a descendant whose offset parent is `container`) a
    /// third of the way down `container`, unless it is already comfortably
    /// in view or the area cannot scroll further that way. Only `container`
    /// moves, never the page; its CSS `scroll-behavior` makes it smooth
    /// (instant under `prefers-reduced-motion: reduce`).
    pub fn reveal(&self, container: &HtmlElement, item: &Element) {
        self.reveal_with(container, item, ScrollBehavior::Auto);
    }

    /// [`FollowScroll::reveal`] with no smooth scrolling, so that `item` is
    /// in its place when this returns.
    pub fn reveal_at_once(&self, container: &HtmlElement, item: &Element) {
        self.reveal_with(container, item, ScrollBehavior::Instant);
    }

    fn reveal_with(&self, container: &HtmlElement, item: &Element, behavior: ScrollBehavior) {
        let Placement::ScrollTo(target) = placement(container, item) else {
            return;
        };
        let view_top = f64::from(container.scroll_top());
        let far =
            (target - view_top).abs() > f64::from(container.client_height()) * FAR_JUMP_HEIGHTS;
        let behavior = if far {
            ScrollBehavior::Instant
        } else {
            behavior
        };
        self.scroll_own(container, target, behavior);
        self.settle(container.clone(), item.clone(), target, SETTLE_FRAMES);
    }

    fn scroll_own(&self, container: &HtmlElement, target: f64, behavior: ScrollBehavior) {
        self.own_scroll.with_value(|cell| {
            cell.set(Some(OwnScroll {
                target,
                deadline: now() + OWN_SCROLL_MS,
            }))
        });
        let options = ScrollToOptions::new();
        options.set_top(target);
        options.set_behavior(behavior);
        container.scroll_to_with_scroll_to_options(&options);
    }

    /// Follows `item` for `frames` more frames while the scroll of the
    /// widget's own aimed at `aimed` lasts: where chunks on the way took
    /// their real height and moved it, the scroll is aimed again (at once
    /// once it arrived). A newer scroll (the next line's) ends the watch.
    fn settle(&self, container: HtmlElement, item: Element, aimed: f64, frames: u32) {
        let this = *self;
        request_animation_frame(move || {
            let Some(Some(own)) = this.own_scroll.try_with_value(|own| own.get()) else {
                return; // the reader took over, or the widget went
            };
            if (own.target - aimed).abs() > 0.5 {
                return; // another reveal took over
            }
            let mut aimed = aimed;
            if let Placement::ScrollTo(target) = placement(&container, &item) {
                if (target - aimed).abs() > 1.0 {
                    let arrived = (f64::from(container.scroll_top()) - aimed).abs() <= 1.0;
                    let behavior = if arrived {
                        ScrollBehavior::Instant
                    } else {
                        ScrollBehavior::Auto
                    };
                    this.scroll_own(&container, target, behavior);
                    aimed = target;
                }
            }
            if frames > 1 && now() <= own.deadline {
                this.settle(container, item, aimed, frames - 1);
            }
        });
    }
}

/// Where `container` (the offset parent of `item`) scrolls to bring `item` a
/// third of the way down, unless it is comfortably in view already or the
/// area cannot scroll further that way.
fn placement(container: &HtmlElement, item: &Element) -> Placement {
    let view_top = f64::from(container.scroll_top());
    let (item_box, container_box) = (
        item.get_bounding_client_rect(),
        container.get_bounding_client_rect(),
    );
    let item_top =
        item_box.top() - container_box.top() - f64::from(container.client_top()) + view_top;
    let item_bottom = item_top + item_box.height();
    let view_height = f64::from(container.client_height());
    let comfortable = item_top >= view_top + view_height * COMFORT_TOP
        && item_bottom <= view_top + view_height * COMFORT_BOTTOM;
    if comfortable || view_height <= 0.0 {
        return Placement::Comfortable;
    }
    let max_top = (f64::from(container.scroll_height()) - view_height).max(0.0);
    let target = (item_top - view_height * TARGET_FRACTION)
        .clamp(0.0, max_top)
        .round();
    if (target - view_top).abs() <= 1.0 {
        Placement::Comfortable
    } else {
        Placement::ScrollTo(target)
    }
}

/// Whether any of `item` shows inside `area`'s visible box.
pub fn is_partly_in_view(area: &Element, item: &Element) -> bool {
    let (shown, item) = (
        area.get_bounding_client_rect(),
        item.get_bounding_client_rect(),
    );
    item.bottom() > shown.top() && item.top() < shown.bottom() && item.height() > 0.0
}

/// Scrolls the page (not the widget's own scroll area) just far enough that
/// `item` is in view with a little room around it; nothing when it is.
pub fn bring_into_page_view(item: &Element) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let view_height = window
        .inner_height()
        .ok()
        .and_then(|height| height.as_f64())
        .unwrap_or(0.0);
    let shown = item.get_bounding_client_rect();
    let margin = (view_height * 0.1).min(48.0);
    let by = if shown.top() < 0.0 {
        shown.top() - margin
    } else if shown.bottom() > view_height {
        // Down to its bottom, but never past its top.
        (shown.bottom() - view_height + margin).min(shown.top() - margin)
    } else {
        return;
    };
    window.scroll_by_with_x_and_y(0.0, by);
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Scrolls `area` by as much as `above` (what sits over it, such as its
/// toolbar) grew since it was `height_before` tall, so that the lines on
/// screen stay where they are and nothing moves under a pointer mid-click.
/// Returns the height of `above` now.
pub fn keep_lines_in_place(area: &Element, above: &Element, height_before: Option<f64>) -> f64 {
    let height = above.get_bounding_client_rect().height();
    if let Some(grown) = height_before.map(|before| height - before) {
        if grown.abs() >= 0.5 {
            // At once, whatever the area's `scroll-behavior`.
            let options = ScrollToOptions::new();
            options.set_top(f64::from(area.scroll_top()) + grown);
            options.set_behavior(ScrollBehavior::Instant);
            area.scroll_to_with_scroll_to_options(&options);
        }
    }
    height
}
