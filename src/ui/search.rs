//! The search box: literal, case- and diacritic-insensitive, with a match
//! counter and next/previous.

use std::sync::{Arc, OnceLock};

use leptos::prelude::*;
use web_sys::KeyboardEvent;

use super::i18n::language;
use crate::core::search::{Match, SearchIndex, MAX_MATCHES};
use crate::core::DisplayText;

/// Search state shared by the box and the transcript.
#[derive(Clone, Copy)]
pub struct SearchState {
    /// What the reader typed.
    pub query: RwSignal<String>,
    /// Every match, in transcript order.
    pub results: Memo<Vec<Match>>,
    /// Index into `results` of the match the reader is at.
    pub current: RwSignal<usize>,
    index: StoredValue<LazyIndex>,
}

/// The search index, built on first use (or by [`SearchState::prepare`]).
#[derive(Clone)]
struct LazyIndex {
    displays: Arc<Vec<DisplayText>>,
    index: Arc<OnceLock<SearchIndex>>,
}

impl LazyIndex {
    fn get(&self) -> &SearchIndex {
        self.index.get_or_init(|| {
            SearchIndex::new(self.displays.iter().map(|display| display.text.as_str()))
        })
    }
}

impl SearchState {
    /// Searches the lines' display texts.
    pub fn new(displays: Arc<Vec<DisplayText>>) -> Self {
        let index = LazyIndex {
            displays,
            index: Arc::new(OnceLock::new()),
        };
        let query = RwSignal::new(String::new());
        let lazy = index.clone();
        Self {
            query,
            results: Memo::new(move |_| {
                query.with(|query| match query.trim() {
                    "" => Vec::new(),
                    query => lazy.get().find(query),
                })
            }),
            current: RwSignal::new(0),
            index: StoredValue::new(index),
        }
    }

    /// Builds the index now (e.g. in a quiet moment after loading) rather
    /// than on the first keystroke.
    pub fn prepare(&self) {
        self.index.try_with_value(|index| {
            index.get();
        });
    }

    /// Moves to the next match, wrapping around.
    pub fn next(&self) {
        let count = self.results.with(Vec::len);
        if count > 0 {
            self.current
                .update(|current| *current = (*current + 1) % count);
        }
    }

    /// Moves to the previous match, wrapping around.
    pub fn previous(&self) {
        let count = self.results.with(Vec::len);
        if count > 0 {
            self.current
                .update(|current| *current = (*current + count - 1) % count);
        }
    }

    /// Empties the box.
    pub fn clear(&self) {
        self.query.set(String::new());
        self.current.set(0);
    }
}

/// The search field, "3 of 17", and previous/next buttons. Enter and
/// Shift+Enter move between matches; Escape clears.
#[component]
pub fn SearchBox(search: SearchState) -> impl IntoView {
    let language = language();
    let count = move || search.results.with(Vec::len);
    let status = move || {
        if search.query.with(|query| query.trim().is_empty()) {
            String::new()
        } else if count() == 0 {
            language.no_matches().to_string()
        } else {
            language.match_of(search.current.get() + 1, count(), count() >= MAX_MATCHES)
        }
    };
    let on_keydown = move |event: KeyboardEvent| match event.key().as_str() {
        "Enter" => {
            event.prevent_default();
            if event.shift_key() {
                search.previous();
            } else {
                search.next();
            }
        }
        "Escape" => {
            event.prevent_default();
            search.clear();
        }
        _ => {}
    };
    view! {
        <div class="ev-search" part="search" role="search">
            <input
                type="search"
                class="ev-search-input"
                part="search-input"
                placeholder=language.search_transcript()
                aria-label=language.search_transcript()
                autocomplete="off"
                prop:value=move || search.query.get()
                on:input=move |event| {
                    search.query.set(event_target_value(&event));
                    search.current.set(0);
                }
                on:keydown=on_keydown
            />
            <span class="ev-search-status" part="search-status" aria-live="polite">{status}</span>
            <button type="button" class="ev-search-step" aria-label=language.previous_match()
                disabled=move || count() == 0 on:click=move |_| search.previous()>"↑"</button>
            <button type="button" class="ev-search-step" aria-label=language.next_match()
                disabled=move || count() == 0 on:click=move |_| search.next()>"↓"</button>
        </div>
    }
}
