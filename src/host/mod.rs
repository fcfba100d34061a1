//! Browser glue: each browser API the widget uses, wrapped once, with its
//! listeners and requests released when the owning component is cleaned up.

pub mod body;
pub mod clipboard;
pub mod deep_link;
pub mod events;
pub mod feed_module;
pub mod fetch;
pub mod focus;
pub mod frames;
pub mod highlight;
pub mod images;
pub mod import_module;
pub mod load;
pub mod media;
pub mod media_duration;
pub mod media_lookup;
pub mod owner;
pub mod page_text;
pub mod prefetch;
pub mod range_play;
pub mod scroll;
pub mod selection;
pub mod shadow;
pub mod stop;
pub mod tasks;
pub mod yielding;
