//! The message shown in place of the episode when something is wrong.

use leptos::prelude::*;

/// An error the reader or publisher can act on, announced to screen readers.
#[component]
pub fn ErrorAlert(message: String) -> impl IntoView {
    view! {
        <div class="ev-error" part="error" role="alert">
            <strong class="ev-error-title">"This episode's transcript can't be shown."</strong>
            <p class="ev-error-message">{message}</p>
        </div>
    }
}
