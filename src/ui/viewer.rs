//! The root component: loads the episode, finds the media element, and
//! shows the episode or what went wrong.

use std::sync::Arc;

use leptos::prelude::*;

use super::alert::ErrorAlert;
use super::chapters::ChapterList;
use super::header::{EpisodeHeader, SectionLevel};
use super::highlights::Highlights;
use super::i18n::{language, Language};
use super::js_api::{ControlsSlot, LoadedControls};
use super::playhead::{use_playhead, Playhead};
use super::search::SearchState;
use super::transcript::{Transcript, TranscriptState};
use super::warnings::InputWarnings;
use crate::core::load::attributes::WidgetAttributes;
use crate::core::{DisplayText, Episode, Line, Timing};
use crate::host::deep_link::use_deep_link;
use crate::host::events::WidgetEvents;
use crate::host::frames::use_animation_frames;
use crate::host::images::ImagePolicy;
use crate::host::load::{page_language, LoadError, ScriptHandoff};
use crate::host::media::{use_media_clock, MediaRef};
use crate::host::media_lookup::{media_source, use_media_lookup, MediaLookup};
use crate::host::owner::keep_for_owner;
use crate::host::scroll::FollowScroll;
use crate::host::tasks::spawn_owned;
use crate::host::yielding::{next_frame, yield_to_browser};
use web_sys::HtmlElement;

/// The whole widget for the episode the element's attributes name,
/// following the media element that `audio` selects; `images` says which
/// images to load ([`ImagePolicy`]), `timeout` the seconds each download
/// may take (`45`, or a clock time such as `1:30`; 30 when absent or not a
/// positive time). `host` is the element its DOM events are sent from;
/// `controls` is filled for the element's JS API once the episode has
/// loaded; `handoff` is what the element's script gives for loading (the
/// downloads it started, the import module).
#[component]
pub fn EpisodeViewer(
    attributes: WidgetAttributes,
    #[prop(optional)] host: Option<HtmlElement>,
    #[prop(optional)] controls: ControlsSlot,
    #[prop(optional)] handoff: Option<ScriptHandoff>,
) -> impl IntoView {
    let handoff = handoff.unwrap_or_else(ScriptHandoff::none);
    provide_context(ImagePolicy::from_attribute(attributes.images.as_deref()));
    let time_limit = attributes.time_limit_ms();
    let lang = host
        .as_ref()
        .and_then(|host| host.closest("[lang]").ok().flatten())
        .and_then(|e| e.get_attribute("lang"));
    let lang = lang.or_else(page_language);
    provide_context(Language::for_tag(lang.as_deref()));
    provide_context(WidgetEvents::new(host));
    let time_limit_ms = match time_limit {
        Ok(milliseconds) => milliseconds,
        Err(message) => return view! { <ErrorAlert message /> }.into_any(),
    };
    let lookup = use_media_lookup(attributes.audio.clone());
    (move || match lookup.get() {
        MediaLookup::Failed(message) => {
            let headline = language().player_missing();
            view! { <ErrorAlert message headline /> }.into_any()
        }
        MediaLookup::Waiting(message) => {
            let message = format!("{message} {}", language().waiting_for_player());
            let headline = language().player_awaited();
            view! { <ErrorAlert message headline /> }.into_any()
        }
        MediaLookup::Found(media) => {
            let media = StoredValue::new_local(media);
            let (attempt, set_attempt) = signal(0u32);
            let retry = Callback::new(move |()| set_attempt.update(|n| *n += 1));
            let (attributes, controls) = (attributes.clone(), controls.clone());
            (move || {
                attempt.track();
                view! {
                    <EpisodeLoader attributes=attributes.clone() time_limit_ms
                        media controls=controls.clone() retry handoff />
                }
            })
            .into_any()
        }
    })
    .into_any()
}

/// Shows a loading status, then the episode or why it could not be loaded
/// (with `retry` offered when trying again may help).
#[component]
fn EpisodeLoader(
    attributes: WidgetAttributes,
    time_limit_ms: u32,
    media: MediaRef,
    controls: ControlsSlot,
    retry: Callback<()>,
    handoff: ScriptHandoff,
) -> impl IntoView {
    // The load is dropped (its requests aborted) if the widget goes first.
    // Parsing and what is derived from it run in tasks of their own, so no
    // single task holds the page for long.
    let (episode, set_episode) = signal(None);
    spawn_owned(async move {
        let loaded = match load_episode(attributes, media, time_limit_ms, handoff).await {
            Ok(episode) => {
                yield_to_browser().await;
                let displays: Arc<Vec<DisplayText>> =
                    Arc::new(episode.lines.iter().map(Line::display_text).collect());
                yield_to_browser().await;
                Ok((episode, displays))
            }
            Err(message) => Err(message),
        };
        set_episode.set(Some(loaded));
    });
    move || match episode.get() {
        None => view! { <p class="ev-status" role="status">{language().loading()}</p> }.into_any(),
        Some(Err(error)) => {
            let retry = error.can_retry().then_some(retry);
            view! { <ErrorAlert message=error.message().to_string() retry /> }.into_any()
        }
        Some(Ok((episode, displays))) => {
            view! { <LoadedEpisode episode displays media controls=controls.clone() /> }.into_any()
        }
    }
}

/// Loads the episode, with errors that name the file; the `title`
/// attribute replaces the title the files give.
async fn load_episode(
    attributes: WidgetAttributes,
    media: MediaRef,
    time_limit_ms: u32,
    handoff: ScriptHandoff,
) -> Result<Arc<Episode>, LoadError> {
    // Only a feed's episode is chosen by what the media plays.
    let source = attributes
        .feed
        .as_ref()
        .and_then(|_| media.with_value(media_source));
    let request = attributes.episode_request(page_language(), source);
    let mut episode =
        crate::host::load::load_episode(request, media, time_limit_ms, handoff).await?;
    if let Some(title) = attributes.title {
        episode.title = Some(title);
    }
    Ok(Arc::new(episode))
}

/// An episode bound to its media element.
#[component]
fn LoadedEpisode(
    episode: Arc<Episode>,
    displays: Arc<Vec<DisplayText>>,
    media: MediaRef,
    controls: ControlsSlot,
) -> impl IntoView {
    provide_context(SectionLevel::of(&episode));
    let clock = use_media_clock(media);
    let deep_linked = RwSignal::new(false);
    use_deep_link(
        media,
        move |seconds| clock.seek(seconds),
        move || deep_linked.set(true),
    );
    // Between timeupdate events (about 4 a second) the position is read
    // every frame while playing, so words and chapter progress move smoothly.
    use_animation_frames(move || clock.playing.get(), move || clock.sample());

    let Playhead {
        current_line,
        current_word,
        current_chapter,
        chapter_percent,
    } = use_playhead(&episode, clock);
    let has_chapters = episode.listed_chapters().next().is_some();
    let highlights =
        view! { <Highlights episode=episode.clone() displays=displays.clone() media clock /> };
    let search = SearchState::new(displays.clone());
    // The search index is built after the first lines are painted.
    spawn_owned(async move {
        next_frame().await;
        yield_to_browser().await;
        search.prepare();
    });
    let transcript = TranscriptState {
        episode: episode.clone(),
        search,
        displays,
        current_line,
        current_word,
        clock,
        follow: FollowScroll::new(),
        deep_linked,
    };
    controls.set(Some(LoadedControls {
        episode: episode.clone(),
        clock,
        follow: transcript.follow,
        search: transcript.search,
        current_line,
    }));
    // The JS API lets go of this episode's state with it.
    keep_for_owner(ClearOnDrop(controls));
    if let Some(events) = use_context::<WidgetEvents>() {
        let loaded = episode.clone();
        Effect::new(move |_| events.ready(&loaded));
    }
    let approximate = (episode.timing == Timing::Estimated).then(|| {
        view! { <p class="ev-approximate" part="approximate">{language().timings_approximate()}</p> }
    });
    view! {
        <EpisodeHeader episode=episode.clone() />
        {approximate}
        {highlights}
        <div class="ev-body" class:ev-has-chapters=has_chapters>
            {has_chapters.then(|| view! {
                <ChapterList episode=episode.clone() current=current_chapter percent=chapter_percent clock />
            })}
            <Transcript state=transcript />
        </div>
        <InputWarnings warnings=episode.warnings.clone() />
    }
}

/// Empties the JS API's slot when the loaded episode goes away.
#[derive(Debug)]
#[must_use = "the slot is cleared when this is dropped"]
struct ClearOnDrop(ControlsSlot);

impl Drop for ClearOnDrop {
    fn drop(&mut self) {
        self.0.set(None);
    }
}
