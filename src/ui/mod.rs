//! Leptos components. Derived state is a `Memo`; effects only talk to the
//! outside world.

mod alert;
mod chapters;
mod controls;
mod header;
mod roving;
mod search;
mod transcript;
mod viewer;
mod warnings;

pub use controls::{ControlsSlot, LoadedControls, WidgetEvents};
pub use viewer::EpisodeViewer;
