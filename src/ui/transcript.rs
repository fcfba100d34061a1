//! The transcript: every line, the current one marked, each a control that
//! plays the media from the line's start; timed words and search matches
//! marked inside lines.

use std::sync::Arc;

use leptos::html::{Div, Section};
use leptos::prelude::*;
use web_sys::{FocusEvent, KeyboardEvent, MouseEvent, PointerEvent};

use super::copy_link::{CopyLink, CopyLinkButton};
use super::follow::{use_follow, Follow, FollowParts};
use super::i18n::language;
use super::line_events::LineEvents;
use super::line_gestures::LineGestures;
use super::lines::LineChunks;
use super::marks::{use_search_marks, use_word_mark};
use super::search::{SearchBox, SearchState};
use super::share::{selected_quote, Share, ShareStatus};
use crate::core::{DisplayText, Episode};
use crate::host::events::WidgetEvents;
use crate::host::media::MediaClock;
use crate::host::scroll::FollowScroll;
use crate::host::selection::use_selection_change;

/// What the transcript shows and follows.
#[derive(Clone)]
pub struct TranscriptState {
    /// The episode.
    pub episode: Arc<Episode>,
    /// Display text of every line.
    pub displays: Arc<Vec<DisplayText>>,
    /// Index of the current line.
    pub current_line: Memo<Option<usize>>,
    /// (line, word) of the current timed word.
    pub current_word: Memo<Option<(usize, usize)>>,
    /// The media element.
    pub clock: MediaClock,
    /// Follow mode of the transcript's scroll area.
    pub follow: FollowScroll,
    /// Search.
    pub search: SearchState,
    /// Set when a `#t=` link in the page URL was applied on load: the page
    /// then scrolls once to show the line.
    pub deep_linked: RwSignal<bool>,
}

/// All transcript lines, with the search box above them. Only the line
/// entering and the line leaving "current" are touched when it changes;
/// the current word and search matches are painted as highlights, with no
/// DOM change. Follow mode ([`use_follow`]) keeps the current line in
/// view; "Back to now" is offered beside the search box while it is not.
#[component]
pub fn Transcript(state: TranscriptState) -> impl IntoView {
    let (area, toolbar, list) = (NodeRef::new(), NodeRef::new(), NodeRef::new());
    let tab_stop = RwSignal::new(0);
    let (episode, displays, current_line) = (state.episode, state.displays, state.current_line);
    let chunks = LineChunks::new(episode.clone(), displays.clone(), current_line, tab_stop);
    let follow = use_follow(FollowParts {
        scroll: state.follow,
        area,
        toolbar,
        chunks,
        current_line,
        clock: state.clock,
        deep_linked: state.deep_linked,
    });
    let share = Share::new();
    let events = LineEvents {
        area,
        list,
        follow,
        chunks,
        tab_stop,
        current_line,
        clock: state.clock,
        copy_link: CopyLink::new(),
        gestures: LineGestures::new(),
        events: use_context::<WidgetEvents>(),
        episode: StoredValue::new(episode.clone()),
    };
    use_line_marks(chunks, current_line, tab_stop);
    let texts = StoredValue::new(displays.clone());
    use_word_mark(chunks, texts, state.current_word);
    // Going to a match shows it without seeking, with follow suspended
    // until "Back to now".
    use_search_marks(chunks, texts, state.search, move |line| {
        follow.show_without_following(line)
    });
    // Selecting text in the transcript offers to copy it as a quote.
    let quote_source = (episode.clone(), displays);
    use_selection_change(move || {
        let (episode, displays) = &quote_source;
        let quote = area
            .get_untracked()
            .and_then(|area| selected_quote(&area, episode, displays));
        if share.quote.get_untracked() != quote {
            share.quote.set(quote);
        }
    });
    let is_empty = episode.lines.is_empty();
    if !is_empty {
        chunks.mount_all(current_line.get_untracked());
    }
    view! {
        <div class="ev-transcript-area" on:focusin=move |event: FocusEvent| events.on_area_focusin(&event)>
            {(!is_empty).then(|| view! { <TranscriptToolbar toolbar search=state.search follow events /> })}
            <TranscriptLines events share is_empty />
            <ShareStatus share />
        </div>
    }
}

/// The search box, and "Back to now" while the current line is out of
/// view.
#[component]
fn TranscriptToolbar(
    toolbar: NodeRef<Div>,
    search: SearchState,
    follow: Follow,
    events: LineEvents,
) -> impl IntoView {
    view! {
        <div class="ev-toolbar" node_ref=toolbar>
            <SearchBox search />
            <button
                type="button"
                class="ev-back-to-now"
                part="back-to-now"
                hidden=follow.back_hidden
                on:click=move |_| {
                    follow.scroll.resume();
                    // The button hides: the focus goes to the line it brought back.
                    if let Some(index) = events.current_line.get_untracked() {
                        events.focus_line(index, true);
                    }
                }
            >
                {language().back_to_now()}
            </button>
        </div>
    }
}

/// The scroll area with the lines (or a note that there are none) and the
/// copy-link button.
#[component]
fn TranscriptLines(events: LineEvents, share: Share, is_empty: bool) -> impl IntoView {
    let language = language();
    let area: NodeRef<Section> = events.area;
    let scroll = events.follow.scroll;
    let gestures = events.gestures;
    let start_of = Callback::new(move |index: usize| events.start_of(index));
    view! {
        <section
            class="ev-transcript"
            part="transcript"
            aria-label=language.transcript()
            node_ref=area
            on:scroll=move |_| events.follow.on_scroll()
            on:wheel=move |_| scroll.suspend()
            on:touchmove=move |_| scroll.suspend()
            on:pointerdown=move |event: PointerEvent| events.on_pointerdown(&event)
            on:pointermove=move |event: PointerEvent| gestures.on_pointermove(&event)
            on:pointerup=move |_| gestures.on_pointer_end()
            on:pointercancel=move |_| gestures.on_pointer_end()
            on:keydown=move |event: KeyboardEvent| events.on_keydown(&event)
        >
            {is_empty.then(|| view! { <p class="ev-empty">{language.no_transcript()}</p> })}
            {(!is_empty).then(|| view! {
                <div
                    class="ev-lines"
                    role="list"
                    node_ref=events.list
                    on:click=move |event: MouseEvent| events.on_click(&event)
                    on:focusin=move |event: FocusEvent| events.on_focusin(&event)
                    on:pointerover=move |event: PointerEvent| events.on_pointerover(&event)
                >
                    {events.chunks.view()}
                </div>
            })}
            <CopyLinkButton copy_link=events.copy_link share start_of />
        </section>
    }
}

/// The current line (`aria-current`) and the Tab stop (`tabindex="0"`)
/// are attributes moved from one line to the next; lines mounted later get
/// them as they are built.
fn use_line_marks(
    chunks: LineChunks,
    current_line: Memo<Option<usize>>,
    tab_stop: RwSignal<usize>,
) {
    Effect::new(move |previous: Option<Option<usize>>| {
        let current = current_line.get();
        move_attribute(
            &chunks,
            previous.flatten(),
            current,
            "aria-current",
            "true",
            None,
        );
        chunks.mark_current_chunk(previous.flatten(), current);
        current
    });
    Effect::new(move |previous: Option<usize>| {
        let stop = tab_stop.get();
        move_attribute(&chunks, previous, Some(stop), "tabindex", "0", Some("-1"));
        stop
    });
}

/// Moves `attribute` from line `from` to line `to`: set to `value` on
/// `to`, removed from `from` (or set to `otherwise`).
fn move_attribute(
    chunks: &LineChunks,
    from: Option<usize>,
    to: Option<usize>,
    attribute: &str,
    value: &str,
    otherwise: Option<&str>,
) {
    if from == to {
        return;
    }
    if let Some(line) = from.and_then(|index| chunks.mounted_line(index)) {
        let _ = match otherwise {
            Some(otherwise) => line.set_attribute(attribute, otherwise),
            None => line.remove_attribute(attribute),
        };
    }
    if let Some(line) = to.and_then(|index| chunks.mounted_line(index)) {
        let _ = line.set_attribute(attribute, value);
    }
}
