//! The message shown in place of the episode when something is wrong: a
//! short line for listeners, the technical detail (which file, what the
//! server answered) below it for whoever runs the page.

use leptos::prelude::*;

use super::i18n::language;
use crate::host::events::WidgetEvents;

/// An error announced to screen readers: `headline` for listeners (the
/// language's "could not be loaded" when absent), then `message`, with a
/// "Try again" button when `retry` is given.
#[component]
pub fn ErrorAlert(
    message: String,
    #[prop(optional)] headline: Option<&'static str>,
    #[prop(optional_no_strip)] retry: Option<Callback<()>>,
) -> impl IntoView {
    if let Some(events) = use_context::<WidgetEvents>() {
        let sent = message.clone();
        Effect::new(move |_| events.error(&sent));
    }
    let headline = headline.unwrap_or_else(|| language().could_not_load());
    view! {
        <div class="ev-error" part="error" role="alert">
            <p class="ev-error-title">{headline}</p>
            <p class="ev-error-message" part="error-detail">{message}</p>
            {retry.map(|retry| view! {
                <button type="button" class="ev-retry" part="retry" on:click=move |_| retry.run(())>
                    {language().retry()}
                </button>
            })}
        </div>
    }
}
