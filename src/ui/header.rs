//! The episode's title and facts above the transcript, and the heading
//! levels below it.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::time::format_duration;
use crate::core::Episode;

/// The level of the widget's section headings ("Chapters", a chapter's
/// title in the transcript): one below the episode title when there is
/// one, else the title's own (2), so the levels never skip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionLevel(pub u8);

impl SectionLevel {
    /// The level for `episode`'s headings.
    pub fn of(episode: &Episode) -> Self {
        SectionLevel(if episode.title.is_some() { 3 } else { 2 })
    }

    /// The level provided by the loaded episode (2 outside one).
    pub fn current() -> Self {
        use_context().unwrap_or(SectionLevel(2))
    }

    /// A heading of this level holding `text`.
    pub fn heading(self, class: &'static str, part: &'static str, text: String) -> AnyView {
        match self.0 {
            2 => view! { <h2 class=class part=part>{text}</h2> }.into_any(),
            _ => view! { <h3 class=class part=part>{text}</h3> }.into_any(),
        }
    }
}

/// Podcast name, episode title, date and length, each only when known.
#[component]
pub fn EpisodeHeader(episode: Arc<Episode>) -> impl IntoView {
    let facts: Vec<String> = [
        episode.published.clone(),
        episode.duration.map(format_duration),
    ]
    .into_iter()
    .flatten()
    .collect();
    let has_header = episode.title.is_some() || episode.podcast.is_some() || !facts.is_empty();
    has_header.then(|| {
        view! {
            <header class="ev-header" part="header">
                {episode.podcast.clone().map(|podcast| view! { <p class="ev-podcast">{podcast}</p> })}
                {episode.title.clone().map(|title| view! { <h2 class="ev-title" part="title">{title}</h2> })}
                {(!facts.is_empty()).then(|| view! { <p class="ev-facts">{facts.join(" · ")}</p> })}
            </header>
        }
    })
}
