//! Podcast feeds: RSS 2.0 with the Podcasting 2.0 (`podcast:`), iTunes and
//! `content:` namespaces. [`read_feed`] finds one episode (by its guid or
//! its enclosure) and takes what the feed says of it: its transcripts and
//! chapters files, show notes, duration, people and soundbites.

pub mod boundary;
mod choose;
mod date;
mod episode;
mod item;
mod xml;

pub use choose::EpisodeChoice;
pub use date::iso_date;
pub use episode::{
    FeedEpisode, Person, Soundbite, CONTENT_NAMESPACES, ITUNES_NAMESPACES, PODCAST_NAMESPACES,
};
pub use xml::MAX_FEED_NODES;

use crate::core::error::ReadError;
use crate::core::reader::Reader;

/// Reads the feed `text` and the episode `choice` names in it. An error
/// says what is wrong and where: not XML (an HTML page, JSON), not an RSS
/// feed, entities declared, no such episode (listing the first few, and
/// how `reader` chooses one).
pub fn read_feed(
    text: &str,
    choice: &EpisodeChoice,
    reader: Reader,
) -> Result<FeedEpisode, ReadError> {
    let document = xml::parse_feed_xml(text)?;
    let channel = item::channel_of(&document)?;
    let chosen = choose::choose_item(channel, choice, reader)?;
    Ok(item::read_item(channel, chosen))
}
