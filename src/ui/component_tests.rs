//! Components mounted one at a time in headless Chromium, as Leptos' own
//! examples test them: what each shows for the props it is given, without
//! an episode to load or a player to follow (`tests/browser.rs` mounts the
//! whole widget for that).

// Tests are outside the crate's no-panic rule.
#![allow(clippy::unwrap_used, clippy::panic)]

use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

use super::alert::ErrorAlert;
use super::copy_link::{CopyLink, CopyLinkButton};
use super::share::Share;
use super::warnings::InputWarnings;
use crate::core::error::Place;
use crate::core::warnings::{Warning, Warnings, MAX_WARNINGS};
use crate::host::yielding::next_frame;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element on the page to mount into.
fn parent() -> HtmlElement {
    let document = document();
    let parent: HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&parent).unwrap();
    parent
}

fn text_of(parent: &HtmlElement, selector: &str) -> String {
    parent
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_warnings_note_counts_problems_and_lists_them_when_opened() {
    let mut warnings = Warnings::new();
    for line in 1..=MAX_WARNINGS + 20 {
        warnings.push(Warning::at(Place::Line(line), "empty cue skipped"));
    }
    let warnings: Vec<Warning> = warnings
        .into_warnings()
        .into_iter()
        .map(|warning| warning.in_file("a.vtt"))
        .collect();
    let parent = parent();
    let _mounted = mount_to(parent.clone(), move || view! { <InputWarnings warnings /> });
    // 100 kept and 20 counted: the note speaks of all 120.
    assert_eq!(
        text_of(&parent, "summary"),
        "120 problems in the transcript files were repaired or skipped"
    );
    assert!(
        parent.query_selector("li").unwrap().is_none(),
        "built before opened"
    );
    let details = parent.query_selector("details").unwrap().unwrap();
    details.set_attribute("open", "").unwrap();
    details
        .dispatch_event(&web_sys::Event::new("toggle").unwrap())
        .unwrap();
    next_frame().await;
    let items = parent.query_selector_all("li").unwrap();
    // 50 one by one, the other 51 messages in one element.
    assert_eq!(items.length(), 51);
    assert_eq!(
        items.item(0).unwrap().text_content().unwrap(),
        "\"a.vtt\" line 1: empty cue skipped"
    );
    let rest = items.item(50).unwrap().text_content().unwrap();
    assert!(
        rest.ends_with("\"a.vtt\" and 20 more problems of the same kinds"),
        "{rest}"
    );
}

#[wasm_bindgen_test]
fn an_error_shows_its_message_as_text_and_offers_to_try_again() {
    let tries = RwSignal::new(0);
    let retry = Callback::new(move |()| tries.update(|count| *count += 1));
    let parent = parent();
    let message = "\"<b>e.json</b>\" could not be loaded";
    let shown = message.to_string();
    let _mounted = mount_to(
        parent.clone(),
        move || view! { <ErrorAlert message=shown retry=Some(retry) /> },
    );
    assert_eq!(text_of(&parent, ".ev-error-message"), message);
    assert!(
        parent.query_selector("b").unwrap().is_none(),
        "text became HTML"
    );
    let button: HtmlElement = parent
        .query_selector(".ev-retry")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    button.click();
    assert_eq!(tries.get_untracked(), 1);
}

#[wasm_bindgen_test]
async fn the_copy_link_button_names_the_time_of_its_line() {
    let copy_link = CopyLink::new();
    let share = Share::new();
    let start_of = Callback::new(|line: usize| (line < 3).then_some(line as f64 * 65.0));
    let parent = parent();
    let _mounted = mount_to(
        parent.clone(),
        move || view! { <CopyLinkButton copy_link share start_of /> },
    );
    let button = parent.query_selector(".ev-copy-link").unwrap().unwrap();
    assert!(button.has_attribute("hidden"), "shown on no line");
    copy_link.line.set(Some(2));
    next_frame().await;
    assert!(!button.has_attribute("hidden"));
    assert_eq!(
        button.get_attribute("aria-label").as_deref(),
        Some("Copy link to 2:10")
    );
}
