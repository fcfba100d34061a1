//! A `requestAnimationFrame` loop that runs only while it is wanted and the
//! page is visible.

use super::owner::keep_for_owner;
use super::stop::{has_stopped, listen};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// The frame callback, shared with itself so that it can ask for the next
/// frame.
type SharedCallback = Rc<RefCell<Option<Closure<dyn FnMut()>>>>;

/// The running loop; dropping it cancels the pending frame and frees the
/// callback.
#[derive(Debug)]
#[must_use = "the loop stops when this is dropped"]
struct FrameLoop {
    pending: Rc<Cell<Option<i32>>>,
    callback: SharedCallback,
}

impl FrameLoop {
    fn start(&self) {
        if self.pending.get().is_none() {
            request_frame(&self.callback, &self.pending);
        }
    }

    fn stop(&self) {
        if let Some(id) = self.pending.take() {
            let _ = window().cancel_animation_frame(id);
        }
    }
}

impl Drop for FrameLoop {
    fn drop(&mut self) {
        self.stop();
        // Breaks the cycle between the callback and its own handle.
        self.callback.borrow_mut().take();
    }
}

fn request_frame(callback: &SharedCallback, pending: &Rc<Cell<Option<i32>>>) {
    if let Some(closure) = callback.borrow().as_ref() {
        pending.set(
            window()
                .request_animation_frame(closure.as_ref().unchecked_ref())
                .ok(),
        );
    }
}

/// Calls `on_frame` once per animation frame while `wanted()` is true and
/// the document is visible; stops when either changes, and for good when
/// the current reactive owner is cleaned up.
pub fn use_animation_frames(wanted: impl Fn() -> bool + 'static, on_frame: impl Fn() + 'static) {
    let pending = Rc::new(Cell::new(None));
    let callback: SharedCallback = Rc::new(RefCell::new(None));
    let frame = {
        let pending = pending.clone();
        let callback = Rc::downgrade(&callback);
        Closure::new(move || {
            pending.set(None);
            if has_stopped() {
                return;
            }
            on_frame();
            if let Some(callback) = callback.upgrade() {
                request_frame(&callback, &pending);
            }
        })
    };
    *callback.borrow_mut() = Some(frame);
    let frames = StoredValue::new_local(FrameLoop { pending, callback });
    let visible = use_document_visible();
    Effect::new(move |_| {
        let run = wanted() && visible.get();
        frames.with_value(|frames| if run { frames.start() } else { frames.stop() });
    });
}

/// Whether the document is visible (not a background tab), as a signal.
pub fn use_document_visible() -> ReadSignal<bool> {
    let document = document();
    let (visible, set_visible) = signal(!document.hidden());
    let source = document.clone();
    let listener = listen(&document, "visibilitychange", move |_| {
        set_visible.set(!source.hidden())
    });
    keep_for_owner(listener);
    visible
}
