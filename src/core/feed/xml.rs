//! A feed's text as an XML tree (roxmltree), refusing what a feed has no
//! use for and a hostile file could abuse: entity declarations (expansion
//! bombs, external entities), and more nodes than any feed has.

use roxmltree::{Document, Error, Node, ParsingOptions};

use crate::core::error::{Place, ReadError};
use crate::core::limits::check_file_size;
use crate::core::text::{megabytes, thousands};

/// The most XML nodes (elements, texts, comments) read from a feed of any
/// size: a feed of 3,000 episodes has about 150,000.
pub const MAX_FEED_NODES: u32 = 500_000;
/// The fewest bytes of feed a node may take (a real feed has one node for
/// about every 40 bytes); each node takes about 70 bytes of memory, so a
/// feed's tree takes at most about 6 times its size.
const BYTES_PER_NODE: usize = 12;
/// Nodes any feed may have, however short.
const MIN_NODE_LIMIT: u32 = 10_000;

/// How many nodes a feed of `bytes` bytes may have.
fn node_limit(bytes: usize) -> u32 {
    u32::try_from(bytes / BYTES_PER_NODE)
        .unwrap_or(u32::MAX)
        .clamp(MIN_NODE_LIMIT, MAX_FEED_NODES)
}

/// Parses `text` as XML. A `<!DOCTYPE>` is read only when it declares no
/// entities; the tree never reads anything outside `text`.
pub fn parse_feed_xml(text: &str) -> Result<Document<'_>, ReadError> {
    check_file_size(text.len())?;
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if start.is_empty() {
        return Err(ReadError::about_file(
            "the file is empty: expected an RSS feed",
        ));
    }
    if let Some(what) = not_xml(start) {
        return Err(ReadError::about_file(format!(
            "not a feed: {what}; expected an RSS feed (XML)"
        )));
    }
    let nodes_error = |error| match error {
        Error::NodesLimitReached => ReadError::about_file(format!(
            "the feed has too many XML nodes: more than {} in {}, where a real feed has about one \
             for every 40 bytes",
            thousands(node_limit(text.len()) as usize),
            megabytes(text.len())
        )),
        error => xml_error(error),
    };
    let options = |allow_dtd| ParsingOptions {
        allow_dtd,
        nodes_limit: node_limit(text.len()),
        ..ParsingOptions::default()
    };
    match Document::parse_with_options(text, options(false)) {
        Err(Error::DtdDetected) => {
            if let Some(line) = entity_declaration_line(text) {
                return Err(ReadError::at(
                    Place::Line(line),
                    "the feed's <!DOCTYPE> declares an entity: entities are refused, not expanded \
                     (an entity can expand to gigabytes, or name a file to read); a feed needs none",
                ));
            }
            Document::parse_with_options(text, options(true)).map_err(nodes_error)
        }
        parsed => parsed.map_err(nodes_error),
    }
}

/// What `start` (the text from its first character on) is instead of XML,
/// when it is plainly something else.
fn not_xml(start: &str) -> Option<&'static str> {
    let head = start
        .get(..start.len().min(64))
        .unwrap_or(start)
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return Some("it is a web page (HTML), perhaps an error page or the podcast's site");
    }
    if head.starts_with('{') || head.starts_with('[') {
        return Some("it is JSON");
    }
    if !head.starts_with('<') {
        return Some("it does not begin with `<`");
    }
    None
}

/// The line of the first `<!ENTITY` declaration before the root element.
fn entity_declaration_line(text: &str) -> Option<usize> {
    let position = text.find("<!ENTITY")?;
    Some(text.get(..position)?.matches('\n').count() + 1)
}

fn xml_error(error: Error) -> ReadError {
    match error {
        Error::UnknownEntityReference(name, position) => ReadError::at(
            Place::Line(position.row as usize),
            format!(
                "not valid XML: &{name}; at column {} is not an XML entity (XML has only &amp; &lt; \
                 &gt; &quot; &apos;): HTML in a feed must be escaped or inside <![CDATA[ ]]>",
                position.col
            ),
        ),
        Error::EntityReferenceLoop(position) => ReadError::at(
            Place::Line(position.row as usize),
            "an entity refers to itself: refused, not expanded",
        ),
        error => {
            let position = error.pos();
            let message = error.to_string();
            // roxmltree ends its messages with the position; ours has a place.
            let message = message
                .rsplit_once(" at ")
                .map_or(message.as_str(), |(message, _)| message);
            ReadError::at(
                Place::Line(position.row as usize),
                format!("not valid XML: {message} (column {})", position.col),
            )
        }
    }
}

/// The line `node` starts on.
pub fn line_of(node: Node) -> usize {
    node.document().text_pos_at(node.range().start).row as usize
}

/// The attribute `name` of `node`, trimmed, or `None` when absent or blank.
pub fn attribute_of<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attribute(name)
        .map(str::trim)
        .filter(|value| !value.is_empty())
}

/// All of `node`'s text (CDATA included), trimmed, or `None` when empty.
pub fn text_of(node: Node) -> Option<String> {
    let text: String = node
        .descendants()
        .filter(Node::is_text)
        .filter_map(|text| text.text())
        .collect();
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// The first child element of `node` named `name` in one of `namespaces`
/// (empty: no namespace, as RSS's own elements are).
pub fn child<'a, 'input>(
    node: Node<'a, 'input>,
    namespaces: &'static [&'static str],
    name: &'static str,
) -> Option<Node<'a, 'input>> {
    children(node, namespaces, name).next()
}

/// The child elements of `node` named `name` in one of `namespaces` (empty:
/// no namespace).
pub fn children<'a, 'input: 'a>(
    node: Node<'a, 'input>,
    namespaces: &'static [&'static str],
    name: &'static str,
) -> impl Iterator<Item = Node<'a, 'input>> {
    node.children().filter(move |child| {
        let tag = child.tag_name();
        child.is_element()
            && tag.name() == name
            && match tag.namespace() {
                None => namespaces.is_empty(),
                Some(namespace) => namespaces.contains(&namespace),
            }
    })
}
