//! Sharing a moment: copying a link to a line (`#t=<start>`), with a
//! visible confirmation, or the link to copy by hand when the clipboard is
//! not available.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::i18n::language;
use crate::core::fragment::time_fragment;
use crate::host::clipboard::{copy_text, page_url_with};

/// What the share message shows.
#[derive(Clone, PartialEq)]
pub enum ShareMessage {
    /// Nothing.
    Hidden,
    /// The link was copied.
    Copied,
    /// The clipboard refused: here is the link to copy by hand.
    CopyByHand(String),
}

/// The message state, shared by every line's copy button.
#[derive(Clone, Copy)]
pub struct Share {
    message: RwSignal<ShareMessage>,
    shown_at: RwSignal<u32>,
}

impl Share {
    /// Nothing shown.
    pub fn new() -> Self {
        Self {
            message: RwSignal::new(ShareMessage::Hidden),
            shown_at: RwSignal::new(0),
        }
    }

    /// Copies the page's URL with `#t=<start>`.
    pub fn copy_link(&self, start: f64) {
        let url = page_url_with(&time_fragment(start, None));
        let share = *self;
        spawn_local(async move {
            let message = match copy_text(&url).await {
                Ok(()) => ShareMessage::Copied,
                Err(()) => ShareMessage::CopyByHand(url),
            };
            share.show(message);
        });
    }

    fn show(&self, message: ShareMessage) {
        let hides = message == ShareMessage::Copied;
        self.message.set(message);
        let shown = self.shown_at.get_untracked() + 1;
        self.shown_at.set(shown);
        if hides {
            let share = *self;
            set_timeout(
                move || {
                    if share.shown_at.try_get_untracked() == Some(shown) {
                        share.message.try_set(ShareMessage::Hidden);
                    }
                },
                std::time::Duration::from_millis(2500),
            );
        }
    }
}

fn select_all(event: web_sys::FocusEvent) {
    event_target::<web_sys::HtmlInputElement>(&event).select();
}

/// The confirmation, or the link to copy by hand, at the bottom of the
/// transcript (announced politely to screen readers).
#[component]
pub fn ShareStatus(share: Share) -> impl IntoView {
    let language = language();
    view! {
        <div class="ev-share" part="share-status" role="status" aria-live="polite">
            {move || match share.message.get() {
                ShareMessage::Hidden => ().into_any(),
                ShareMessage::Copied => view! { <span class="ev-share-note">{language.link_copied()}</span> }.into_any(),
                ShareMessage::CopyByHand(url) => view! {
                    <span class="ev-share-note">
                        <label>
                            {language.copy_by_hand()}" "
                            <input class="ev-share-link" part="share-link" readonly value=url
                                on:focus=select_all />
                        </label>
                        <button type="button" class="ev-share-close" aria-label=language.close()
                            on:click=move |_| share.message.set(ShareMessage::Hidden)>"×"</button>
                    </span>
                }
                .into_any(),
            }}
        </div>
    }
}
