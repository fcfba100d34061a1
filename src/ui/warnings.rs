//! A discreet note of what was wrong in the input but repaired or skipped.

use leptos::prelude::*;

use super::i18n::language;
use crate::core::warnings::{problem_count, shown, Warning};

/// Warnings listed one element each; the rest share one element.
const LISTED_ONE_BY_ONE: usize = 50;

/// "N problems repaired or skipped", expandable to the list (built when
/// first opened); nothing when there are none.
#[component]
pub fn InputWarnings(warnings: Vec<Warning>) -> impl IntoView {
    (!warnings.is_empty()).then(|| {
        let summary = language().problems_repaired(problem_count(&warnings));
        let warnings = shown(&warnings);
        let opened = RwSignal::new(false);
        let list = move || {
            opened.get().then(|| {
                let listed = warnings.iter().take(LISTED_ONE_BY_ONE);
                let rest = warnings.get(LISTED_ONE_BY_ONE..).unwrap_or_default().join("\n");
                view! {
                    <ul>
                        {listed.map(|warning| view! { <li>{warning.clone()}</li> }).collect_view()}
                        {(!rest.is_empty()).then(|| view! { <li class="ev-warnings-rest">{rest}</li> })}
                    </ul>
                }
            })
        };
        view! {
            <details class="ev-warnings" part="warnings" on:toggle=move |_| opened.set(true)>
                <summary>{summary}</summary>
                {list}
            </details>
        }
    })
}
