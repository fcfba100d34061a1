//! A discreet note of what was wrong in the input but repaired or skipped.

use leptos::prelude::*;

/// "N problems repaired or skipped", expandable to the list; nothing when
/// there are none.
#[component]
pub fn InputWarnings(warnings: Vec<String>) -> impl IntoView {
    (!warnings.is_empty()).then(|| {
        let summary = match warnings.len() {
            1 => "1 problem in the transcript files was repaired or skipped".to_string(),
            count => format!("{count} problems in the transcript files were repaired or skipped"),
        };
        view! {
            <details class="ev-warnings" part="warnings">
                <summary>{summary}</summary>
                <ul>{warnings.into_iter().map(|warning| view! { <li>{warning}</li> }).collect_view()}</ul>
            </details>
        }
    })
}
