//! Sharing a moment: copying a link to a line (`#t=<start>`), with a
//! visible confirmation, or the link to copy by hand when the clipboard is
//! not available.

use leptos::prelude::*;

use super::i18n::language;
use crate::host::tasks::spawn_owned;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::line_element::line_around;
use crate::core::fragment::time_fragment;
use crate::core::{DisplayText, Episode};
use crate::host::clipboard::{copy_text, page_url_with};
use crate::host::selection::selection_around;

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

/// Text the reader selected in the transcript, to share as a quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// The words.
    pub text: String,
    /// Who said them (of the first selected line).
    pub speaker: Option<String>,
    /// Start of the first selected line.
    pub start: f64,
    /// End of the last selected line.
    pub end: f64,
}

impl Quote {
    /// `“text” — speaker, https://…#t=start,end`.
    pub fn with_link(&self) -> String {
        let link = page_url_with(&time_fragment(self.start, Some(self.end)));
        match &self.speaker {
            Some(speaker) => format!("“{}” — {speaker}, {link}", self.text),
            None => format!("“{}” {link}", self.text),
        }
    }
}

/// The sharing state, shared by every line's copy button and the
/// selection.
#[derive(Clone, Copy)]
pub struct Share {
    message: RwSignal<ShareMessage>,
    shown_at: RwSignal<u32>,
    /// The current selection, as a quote.
    pub quote: RwSignal<Option<Quote>>,
}

impl Share {
    /// Nothing shown.
    pub fn new() -> Self {
        Self {
            message: RwSignal::new(ShareMessage::Hidden),
            shown_at: RwSignal::new(0),
            quote: RwSignal::new(None),
        }
    }

    /// Copies the page's URL with `#t=<start>`.
    pub fn copy_link(&self, start: f64) {
        self.copy(page_url_with(&time_fragment(start, None)));
    }

    /// Copies the selected quote with a link to its lines.
    pub fn copy_quote(&self) {
        if let Some(quote) = self.quote.get_untracked() {
            self.copy(quote.with_link());
        }
    }

    fn copy(&self, text: String) {
        let share = *self;
        spawn_owned(async move {
            let message = match copy_text(&text).await {
                Ok(()) => ShareMessage::Copied,
                Err(()) => ShareMessage::CopyByHand(text),
            };
            share.show(message);
        });
    }

    /// Shows `message`; nothing when the widget went away meanwhile (the
    /// copy it reports on may finish after that).
    fn show(&self, message: ShareMessage) {
        let hides = message == ShareMessage::Copied;
        let Some(shown) = self.shown_at.try_get_untracked().map(|count| count + 1) else {
            return;
        };
        self.message.try_set(message);
        self.shown_at.try_set(shown);
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
            {move || share.quote.with(Option::is_some).then(|| view! {
                <button type="button" class="ev-copy-quote" part="copy-quote"
                    on:mousedown=|event| event.prevent_default()
                    on:click=move |_| share.copy_quote()>{language.copy_quote()}</button>
            })}
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

/// The reader's selection inside `area` as a quote: the selected text of
/// one line, or the whole lines a selection spans.
pub fn selected_quote(
    area: &web_sys::HtmlElement,
    episode: &Episode,
    displays: &[DisplayText],
) -> Option<Quote> {
    let selection = selection_around(area)?;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let line_of = |node: web_sys::Node| -> Option<usize> {
        let element = match node.dyn_into::<Element>() {
            Ok(element) => element,
            Err(node) => node.parent_element()?,
        };
        let (line, index) = line_around(&element)?;
        area.contains(Some(&line)).then_some(index)
    };
    let first = line_of(range.start_container().ok()?)?;
    let last = line_of(range.end_container().ok()?)?.max(first);
    let text = if first == last {
        String::from(selection.to_string())
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        displays
            .get(first..=last)?
            .iter()
            .map(|display| display.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (first_line, last_line) = (episode.lines.get(first)?, episode.lines.get(last)?);
    (!text.is_empty()).then(|| Quote {
        text,
        speaker: episode
            .speaker_of(first_line)
            .map(|speaker| speaker.name.clone()),
        start: first_line.start,
        end: last_line.end.max(first_line.start),
    })
}
