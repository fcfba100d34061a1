//! The chapter list: click or press a chapter to jump to it.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::reactive::computed::Selector;

use crate::core::time::{format_clock, format_duration};
use crate::core::Episode;
use crate::host::media::MediaClock;

/// Every listed chapter with its start and length; the current one is
/// marked `aria-current="true"` (an unlisted current chapter marks none).
#[component]
pub fn ChapterList(
    episode: Arc<Episode>,
    current: Memo<Option<usize>>,
    clock: MediaClock,
) -> impl IntoView {
    let is_current = Selector::new(move || current.get());
    let items = episode
        .chapters
        .iter()
        .enumerate()
        .filter(|(_, chapter)| chapter.in_toc)
        .map(|(index, chapter)| {
            let start = chapter.start;
            let is_current = is_current.clone();
            view! {
                <li>
                    <button
                        type="button"
                        class="ev-chapter"
                        part="chapter"
                        data-start=start.to_string()
                        aria-current=move || is_current.selected(&Some(index)).then_some("true")
                        on:click=move |_| clock.seek(start)
                    >
                        <span class="ev-chapter-time">{format_clock(start)}</span>
                        <span class="ev-chapter-title">{chapter.title.clone()}</span>
                        {(chapter.end > start).then(|| view! {
                            <span class="ev-chapter-length">{format_duration(chapter.end - start)}</span>
                        })}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="ev-chapters" part="chapters" aria-label="Chapters">
            <h3 class="ev-section-title">"Chapters"</h3>
            <ol class="ev-chapter-list">{items}</ol>
        </nav>
    }
}
