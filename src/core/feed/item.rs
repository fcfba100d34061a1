//! What a feed says of one episode: its item's elements, and the
//! channel's where the item has none.

use roxmltree::{Document, Node};

use super::choose::enclosure_of;
use super::date::iso_date;
use super::episode::{
    FeedEpisode, Person, Soundbite, CONTENT_NAMESPACES, ITUNES_NAMESPACES, PODCAST_NAMESPACES,
};
use super::xml::{attribute_of, child, children, line_of, text_of};
use crate::core::episode_json::FileRef;
use crate::core::error::{quoted, Place, ReadError};
use crate::core::time::parse_clock;
use crate::core::warnings::Warning;

/// The `<channel>` of an RSS feed, or an error that says what the document
/// is instead.
pub fn channel_of<'a, 'input>(
    document: &'a Document<'input>,
) -> Result<Node<'a, 'input>, ReadError> {
    let root = document.root_element();
    let tag = root.tag_name();
    match (tag.namespace(), tag.name()) {
        (None, "rss") => {}
        (_, "html") => {
            return Err(ReadError::about_file(
                "not a feed: it is a web page (XHTML); expected an RSS feed",
            ))
        }
        (Some("http://www.w3.org/2005/Atom"), "feed") => {
            return Err(ReadError::about_file(
                "an Atom feed: podcast feeds are RSS 2.0 (<rss><channel>), which is what is read",
            ))
        }
        (_, name) => {
            return Err(ReadError::at(
                Place::Line(line_of(root)),
                format!("not an RSS feed: the document is a <{name}>, expected <rss>"),
            ))
        }
    }
    child(root, &[], "channel").ok_or_else(|| {
        ReadError::at(
            Place::Line(line_of(root)),
            "the <rss> element has no <channel>",
        )
    })
}

/// Everything the feed says of `item`, an item of `channel`.
pub fn read_item(channel: Node, item: Node) -> FeedEpisode {
    let text = |node: Node, namespaces, name| child(node, namespaces, name).and_then(text_of);
    let language = text(channel, &[], "language");
    let mut warnings = Vec::new();
    let transcripts = children(item, PODCAST_NAMESPACES, "transcript")
        .filter_map(|transcript| {
            let mut file = file_ref(transcript, "transcript", &mut warnings)?;
            if file.language.is_none() {
                file.language.clone_from(&language);
            }
            Some(file)
        })
        .collect();
    let chapters_file = child(item, PODCAST_NAMESPACES, "chapters")
        .and_then(|chapters| file_ref(chapters, "chapters", &mut warnings));
    let notes = text(item, CONTENT_NAMESPACES, "encoded")
        .or_else(|| text(item, &[], "description"))
        .or_else(|| text(item, ITUNES_NAMESPACES, "summary"));
    let duration = child(item, ITUNES_NAMESPACES, "duration").and_then(|duration| {
        let written = text_of(duration)?;
        let seconds = parse_clock(&written);
        if seconds.is_none() {
            warnings.push(warning(
                duration,
                format!(
                    "itunes:duration {} is not a time; left out",
                    quoted(&written)
                ),
            ));
        }
        seconds
    });
    let mut people = read_people(item, &mut warnings);
    if people.is_empty() {
        people = read_people(channel, &mut warnings);
    }
    let soundbites = children(item, PODCAST_NAMESPACES, "soundbite")
        .filter_map(|soundbite| read_soundbite(soundbite, &mut warnings))
        .collect();
    FeedEpisode {
        guid: text(item, &[], "guid"),
        title: text(item, &[], "title"),
        podcast: text(channel, &[], "title"),
        published: text(item, &[], "pubDate").map(|date| iso_date(&date).unwrap_or(date)),
        duration,
        language,
        enclosure: enclosure_of(item),
        transcripts,
        chapters_file,
        notes,
        people,
        soundbites,
        warnings,
    }
}

/// A `podcast:transcript` or `podcast:chapters` as a file reference.
fn file_ref(node: Node, what: &str, warnings: &mut Vec<Warning>) -> Option<FileRef> {
    let attribute = |name| attribute_of(node, name).map(str::to_string);
    let Some(url) = attribute("url") else {
        warnings.push(warning(
            node,
            format!("podcast:{what} has no url; left out"),
        ));
        return None;
    };
    Some(FileRef {
        url,
        mime_type: attribute("type"),
        language: attribute("language"),
    })
}

/// The `podcast:person`s of `parent` (a channel or an item).
fn read_people(parent: Node, warnings: &mut Vec<Warning>) -> Vec<Person> {
    children(parent, PODCAST_NAMESPACES, "person")
        .filter_map(|person| {
            let Some(name) = text_of(person) else {
                warnings.push(warning(
                    person,
                    "podcast:person has no name; left out".into(),
                ));
                return None;
            };
            let attribute = |name| attribute_of(person, name);
            let lowercase = |name, default: &str| {
                attribute(name).map_or_else(|| default.to_string(), str::to_lowercase)
            };
            Some(Person {
                name,
                role: lowercase("role", "host"),
                group: lowercase("group", "cast"),
                img: attribute("img").map(str::to_string),
                href: attribute("href").map(str::to_string),
            })
        })
        .collect()
}

fn read_soundbite(node: Node, warnings: &mut Vec<Warning>) -> Option<Soundbite> {
    let seconds = |name| node.attribute(name).and_then(parse_clock);
    match (seconds("startTime"), seconds("duration")) {
        (Some(start), Some(duration)) if duration > 0.0 => Some(Soundbite {
            start,
            duration,
            title: text_of(node),
        }),
        _ => {
            warnings.push(warning(
                node,
                "podcast:soundbite needs a startTime and a duration in seconds (duration above 0); left out".into(),
            ));
            None
        }
    }
}

fn warning(node: Node, message: String) -> Warning {
    Warning::at(Place::Line(line_of(node)), message)
}
