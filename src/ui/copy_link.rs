//! The one "copy link" button of the transcript, moved to the line under
//! the pointer, with the focus, or last pressed long on a touch screen.

use leptos::html::Button;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::i18n::language;
use super::share::Share;
use crate::core::time::format_clock;

/// Which line the button is on, and the button itself.
#[derive(Clone, Copy)]
pub struct CopyLink {
    button: NodeRef<Button>,
    /// The line the button copies a link to.
    pub line: RwSignal<Option<usize>>,
}

impl Default for CopyLink {
    fn default() -> Self {
        Self::new()
    }
}

impl CopyLink {
    /// On no line yet.
    pub fn new() -> Self {
        Self {
            button: NodeRef::new(),
            line: RwSignal::new(None),
        }
    }

    /// Puts the button at the end of `row` (line `index`'s list item, so
    /// Tab from the line reaches it), unless it has the focus (then it
    /// stays where the reader is).
    pub fn offer(&self, row: &Element, index: usize) {
        let Some(button) = self.button.get_untracked() else {
            return;
        };
        let button_has_focus = button
            .get_root_node()
            .dyn_into::<web_sys::ShadowRoot>()
            .ok()
            .and_then(|root| root.active_element())
            .is_some_and(|active| active == **button);
        if self.line.get_untracked() != Some(index) && !button_has_focus {
            let _ = row.append_child(&button);
            self.line.set(Some(index));
        }
    }
}

/// The button of `copy_link`, copying with `share`; `start_of` gives a
/// line's start.
#[component]
pub fn CopyLinkButton(
    copy_link: CopyLink,
    share: Share,
    start_of: Callback<usize, Option<f64>>,
) -> impl IntoView {
    let language = language();
    let label = move || {
        copy_link
            .line
            .get()
            .and_then(|line| start_of.run(line))
            .map(|start| language.copy_link_to(&format_clock(start)))
    };
    view! {
        <button
            type="button"
            class="ev-copy-link"
            part="copy-link"
            node_ref=copy_link.button
            hidden=move || copy_link.line.get().is_none()
            aria-label=label
            title=label
            on:click=move |_| {
                if let Some(start) = copy_link.line.get_untracked().and_then(|line| start_of.run(line)) {
                    share.copy_link(start);
                }
            }
        >
            <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
                <path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"
                    d="M10 13a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5M14 11a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5" />
            </svg>
        </button>
    }
}
