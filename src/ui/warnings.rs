//! A discreet note of what was wrong in the input but repaired or skipped.

use leptos::prelude::*;

use super::i18n::language;

/// "N problems repaired or skipped", expandable to the list; nothing when
/// there are none.
#[component]
pub fn InputWarnings(warnings: Vec<String>) -> impl IntoView {
    (!warnings.is_empty()).then(|| {
        let summary = language().problems_repaired(warnings.len());
        view! {
            <details class="ev-warnings" part="warnings">
                <summary>{summary}</summary>
                <ul>{warnings.into_iter().map(|warning| view! { <li>{warning}</li> }).collect_view()}</ul>
            </details>
        }
    })
}
