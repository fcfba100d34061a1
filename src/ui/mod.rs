//! Leptos components. Derived state is a `Memo`; effects only talk to the
//! outside world.

mod alert;
mod chapters;
mod controls;
mod copy_link;
mod header;
mod i18n;
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

pub use controls::{ControlsSlot, LoadedControls, WidgetEvents};
pub use i18n::Language;
pub use viewer::EpisodeViewer;
