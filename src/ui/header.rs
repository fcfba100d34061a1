//! The episode's title and facts above the transcript.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::time::format_duration;
use crate::core::Episode;

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
                {episode.title.clone().map(|title| view! { <h2 class="ev-title">{title}</h2> })}
                {(!facts.is_empty()).then(|| view! { <p class="ev-facts">{facts.join(" · ")}</p> })}
            </header>
        }
    })
}
