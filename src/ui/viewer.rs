//! The root component: loads the episode, finds the media element, and
//! shows the episode or what went wrong.

use std::sync::Arc;

use leptos::prelude::*;

use super::alert::ErrorAlert;
use super::chapters::ChapterList;
use super::header::EpisodeHeader;
use super::transcript::Transcript;
use super::warnings::InputWarnings;
use crate::core::Episode;
use crate::host::load::page_language;
use crate::host::media::{find_media, use_media_clock, MediaRef};
use crate::host::scroll::FollowScroll;

/// The whole widget for the episode (or transcript) at `src`, with chapters
/// from `chapters` when given, following the media element that `audio`
/// selects.
#[component]
pub fn EpisodeViewer(
    src: Option<String>,
    audio: Option<String>,
    chapters: Option<String>,
) -> impl IntoView {
    match find_media(audio.as_deref()) {
        Err(message) => view! { <ErrorAlert message /> }.into_any(),
        Ok(media) => {
            view! { <EpisodeLoader src chapters media=StoredValue::new_local(media) /> }.into_any()
        }
    }
}

/// Shows a loading status, then the episode or why it could not be loaded.
#[component]
fn EpisodeLoader(src: Option<String>, chapters: Option<String>, media: MediaRef) -> impl IntoView {
    let episode = LocalResource::new(move || load_episode(src.clone(), chapters.clone()));
    move || match episode.get() {
        None => view! { <p class="ev-status" role="status">"Loading transcript…"</p> }.into_any(),
        Some(Err(message)) => view! { <ErrorAlert message /> }.into_any(),
        Some(Ok(episode)) => view! { <LoadedEpisode episode media /> }.into_any(),
    }
}

/// Loads the episode, with errors that name the file.
async fn load_episode(
    src: Option<String>,
    chapters: Option<String>,
) -> Result<Arc<Episode>, String> {
    let src = src.map(|src| src.trim().to_string()).filter(|src| !src.is_empty()).ok_or_else(|| {
        "the <episode-viewer> element has no src attribute; set it to the URL of the episode JSON or transcript"
            .to_string()
    })?;
    crate::host::load::load_episode(&src, chapters.as_deref(), page_language().as_deref())
        .await
        .map(Arc::new)
}

/// An episode bound to its media element.
#[component]
fn LoadedEpisode(episode: Arc<Episode>, media: MediaRef) -> impl IntoView {
    let clock = use_media_clock(media);
    let line_index = episode.line_index();
    let current_line = Memo::new(move |_| line_index.at(clock.time.get()));
    let chapter_index = episode.chapter_index();
    let current_chapter = Memo::new(move |_| chapter_index.at(clock.time.get()));
    let has_chapters = episode.chapters.iter().any(|chapter| chapter.in_toc);
    view! {
        <EpisodeHeader episode=episode.clone() />
        <div class="ev-body" class:ev-has-chapters=has_chapters>
            {has_chapters.then(|| view! {
                <ChapterList episode=episode.clone() current=current_chapter clock />
            })}
            <Transcript episode=episode.clone() current=current_line clock follow=FollowScroll::new() />
        </div>
        <InputWarnings warnings=episode.warnings.clone() />
    }
}
