//! Which of a feed's items is the episode: the one with the guid asked
//! for, or the one whose enclosure is the media the page plays.

use roxmltree::Node;

use super::xml::{attribute_of, child, children, text_of};
use crate::core::error::{quoted, ReadError};
use crate::core::reader::Reader;
use crate::core::text::thousands;

/// How many episodes a message lists.
const LISTED: usize = 5;

/// Which episode of a feed to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EpisodeChoice<'a> {
    /// The item whose `<guid>` is this.
    Guid(&'a str),
    /// The item whose `<enclosure url>` is this media URL (the media
    /// element's `currentSrc`): the same address without its query and
    /// fragment, else the only item with the same file name.
    Media(&'a str),
    /// The feed's only item.
    Only,
}

/// The item of `channel` that `choice` names, or an error that lists the
/// first few and says how `reader` chooses.
pub fn choose_item<'a, 'input>(
    channel: Node<'a, 'input>,
    choice: &EpisodeChoice,
    reader: Reader,
) -> Result<Node<'a, 'input>, ReadError> {
    let items: Vec<Node> = children(channel, &[], "item").collect();
    if items.is_empty() {
        return Err(ReadError::about_file(
            "the feed lists no episodes (no <item> in its <channel>)",
        ));
    }
    let chosen = match choice {
        EpisodeChoice::Guid(guid) => items
            .iter()
            .find(|item| guid_of(**item).as_deref() == Some(guid.trim()))
            .ok_or_else(|| format!("the feed has no episode whose guid is {}", quoted(guid))),
        EpisodeChoice::Media(media) => by_media(&items, media),
        EpisodeChoice::Only => match items.as_slice() {
            [only] => Ok(only),
            _ => Err(format!("the feed has {} episodes", thousands(items.len()))),
        },
    };
    chosen.copied().map_err(|problem| {
        ReadError::about_file(format!("{problem}; {}", how_to_choose(&items, reader)))
    })
}

/// The item whose enclosure is `media`.
fn by_media<'i, 'a, 'input>(
    items: &'i [Node<'a, 'input>],
    media: &str,
) -> Result<&'i Node<'a, 'input>, String> {
    let wanted = address(media);
    let enclosures: Vec<Option<String>> = items.iter().map(|item| enclosure_of(*item)).collect();
    let same = |matches: &dyn Fn(&str) -> bool| {
        items
            .iter()
            .zip(&enclosures)
            .filter(|(_, enclosure)| enclosure.as_deref().is_some_and(matches))
            .map(|(item, _)| item)
            .collect::<Vec<_>>()
    };
    if let Some(item) = same(&|enclosure| address(enclosure) == wanted).first() {
        return Ok(item);
    }
    let name = file_name(&wanted);
    match same(&|enclosure| !name.is_empty() && file_name(&address(enclosure)) == name).as_slice() {
        [item] => Ok(item),
        [] => Err(format!(
            "no episode of the feed has the media the page plays ({}) as its enclosure",
            quoted(media)
        )),
        several => Err(format!(
            "{} episodes of the feed have a media file named {}",
            several.len(),
            quoted(name)
        )),
    }
}

/// `url` without its scheme, query and fragment, its host in lowercase.
fn address(url: &str) -> String {
    let url = url.trim();
    let url = url.split(['#', '?']).next().unwrap_or_default();
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    match rest.split_once('/') {
        Some((host, path)) => format!("{}/{path}", host.to_ascii_lowercase()),
        None => rest.to_ascii_lowercase(),
    }
}

/// The last part of an address's path.
fn file_name(address: &str) -> &str {
    address.rsplit('/').next().unwrap_or_default()
}

fn guid_of(item: Node) -> Option<String> {
    child(item, &[], "guid").and_then(text_of)
}

/// The URL of `item`'s `<enclosure>`.
pub fn enclosure_of(item: Node) -> Option<String> {
    attribute_of(child(item, &[], "enclosure")?, "url").map(str::to_string)
}

/// The first few episodes' guids and titles, and how `reader` names one.
fn how_to_choose(items: &[Node], reader: Reader) -> String {
    let how = match reader {
        Reader::Widget => "choose one with the element's episode attribute, set to its guid",
        Reader::Cli => "choose one with --episode GUID",
    };
    let listed: Vec<String> = items
        .iter()
        .take(LISTED)
        .map(|item| {
            let guid = guid_of(*item).map_or_else(|| "(no guid)".to_string(), |guid| quoted(&guid));
            match child(*item, &[], "title").and_then(text_of) {
                Some(title) => format!("{guid} ({title})"),
                None => guid,
            }
        })
        .collect();
    let more = match items.len().saturating_sub(LISTED) {
        0 => String::new(),
        more => format!(" and {} more", thousands(more)),
    };
    format!("{how}: {}{more}", listed.join(", "))
}
