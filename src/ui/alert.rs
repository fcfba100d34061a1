//! The message shown in place of the episode when something is wrong.

use leptos::prelude::*;

use super::controls::WidgetEvents;
use super::i18n::language;

/// An error the reader or publisher can act on, announced to screen readers;
/// with a "Try again" button when `retry` is given.
#[component]
pub fn ErrorAlert(
    message: String,
    #[prop(optional_no_strip)] retry: Option<Callback<()>>,
) -> impl IntoView {
    if let Some(events) = use_context::<WidgetEvents>() {
        let sent = message.clone();
        Effect::new(move |_| events.error(&sent));
    }
    view! {
        <div class="ev-error" part="error" role="alert">
            <strong class="ev-error-title">{language().cannot_show()}</strong>
            <p class="ev-error-message">{message}</p>
            {retry.map(|retry| view! {
                <button type="button" class="ev-retry" part="retry" on:click=move |_| retry.run(())>
                    {language().retry()}
                </button>
            })}
        </div>
    }
}
