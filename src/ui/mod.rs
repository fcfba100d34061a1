//! Leptos components. Derived state is a `Memo`; effects only talk to the
//! outside world.

mod alert;
mod chapters;
#[cfg(test)]
mod component_tests;
mod copy_link;
mod follow;
mod header;
mod highlights;
mod i18n;
mod js_api;
mod line_element;
mod line_events;
mod line_gestures;
mod lines;
mod marks;
mod playhead;
mod roving;
mod search;
mod share;
mod slices;
mod transcript;
mod viewer;
mod warnings;

pub use js_api::ControlsSlot;
pub use viewer::EpisodeViewer;
