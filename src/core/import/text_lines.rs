//! Plain text and HTML show notes as numbered lines of text.

use std::borrow::Cow;
use std::ops::Range;

use crate::core::text::decode_character_reference;

/// One line of an input text, with its 1-based line number in the file.
/// A plain text line borrows its text from the input (a file of short lines
/// must not hold a copy of each); an HTML line's text is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextLine<'t> {
    /// 1-based line number in the file (for HTML: where the text begins).
    pub number: usize,
    /// The line's text, without its line break.
    pub text: Cow<'t, str>,
}

impl<'t> TextLine<'t> {
    /// A line of `text` numbered `number`, owning its text.
    pub fn new(number: usize, text: String) -> Self {
        Self {
            number,
            text: Cow::Owned(text),
        }
    }

    /// The part `range` of this line, on the same line number (borrowed
    /// from the input when this line's text is).
    pub fn part(&self, range: Range<usize>) -> TextLine<'t> {
        let text = match &self.text {
            Cow::Borrowed(text) => Cow::Borrowed(text.get(range).unwrap_or_default()),
            Cow::Owned(text) => Cow::Owned(text.get(range).unwrap_or_default().to_string()),
        };
        TextLine {
            number: self.number,
            text,
        }
    }
}

/// The lines of a plain text file (LF, CRLF or CR; a byte order mark is
/// dropped), each borrowing its text from `input`.
pub fn plain_lines(input: &str) -> Vec<TextLine<'_>> {
    plain_line_iter(input).collect()
}

/// [`plain_lines`] one at a time.
pub fn plain_line_iter(input: &str) -> impl Iterator<Item = TextLine<'_>> {
    let mut rest = Some(input.strip_prefix('\u{FEFF}').unwrap_or(input));
    let mut number = 0;
    std::iter::from_fn(move || {
        let text = rest?;
        let at = text.bytes().position(|byte| matches!(byte, b'\n' | b'\r'));
        let (line, after) = match at {
            Some(at) => {
                let crlf = text.get(at..).is_some_and(|tail| tail.starts_with("\r\n"));
                let after = text.get(at + if crlf { 2 } else { 1 }..);
                (text.get(..at).unwrap_or_default(), after)
            }
            None => (text, None),
        };
        rest = after;
        number += 1;
        Some(TextLine {
            number,
            text: Cow::Borrowed(line),
        })
    })
}

/// Whether a text is HTML rather than plain text: it has paragraph, break,
/// list or heading tags.
pub fn looks_like_html(input: &str) -> bool {
    let lower = input
        .get(..input.len().min(64 * 1024))
        .unwrap_or(input)
        .to_ascii_lowercase();
    [
        "<p>", "<p ", "<br", "<li", "<div", "<h1", "<h2", "<h3", "<ul", "<ol", "<html",
    ]
    .iter()
    .any(|tag| lower.contains(tag))
}

/// Elements that start a new line of text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "br",
    "li",
    "div",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "dt",
    "dd",
    "hr",
    "pre",
    "table",
];

/// Elements whose content is not text.
const HIDDEN_TAGS: &[&str] = &["script", "style", "template", "head", "title"];

/// A piece of an HTML text, as [`walk_html`] hands it over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HtmlPiece<'t> {
    /// A start or end tag, by its lower-case element name.
    Tag {
        /// The element's name (`p`, `cite`).
        name: String,
        /// Whether it is an end tag (`</p>`).
        closing: bool,
    },
    /// A character of text (character references decoded).
    Text(&'t str),
}

/// Walks an HTML fragment or page: tags and text in order, with the 1-based
/// source line each begins on. Character references are decoded and the
/// contents of `script`, `style`, `template`, `head` and `title` skipped.
pub fn walk_html<'t>(input: &'t str, mut on_piece: impl FnMut(HtmlPiece<'_>, usize)) {
    let mut source_line = 1;
    let mut hidden_until: Option<String> = None;
    let mut rest: &'t str = input.strip_prefix('\u{FEFF}').unwrap_or(input);
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            let tag_end = rest.find('>').map_or(rest.len(), |end| end + 1);
            let tag = rest.get(..tag_end).unwrap_or(rest);
            let line = source_line;
            source_line += tag.matches('\n').count();
            let name = tag_name(tag);
            let closing = tag.starts_with("</");
            rest = rest.get(tag_end..).unwrap_or_default();
            match &hidden_until {
                Some(hidden) if closing && &name == hidden => hidden_until = None,
                Some(_) => {}
                None if !closing && HIDDEN_TAGS.contains(&name.as_str()) => {
                    hidden_until = Some(name)
                }
                None => on_piece(HtmlPiece::Tag { name, closing }, line),
            }
            continue;
        }
        let (text, consumed) = match c {
            '&' => {
                let after = rest.get(1..).unwrap_or_default();
                let (decoded, consumed) = decode_character_reference(after);
                (decoded, consumed + 1)
            }
            _ => (String::new(), c.len_utf8()),
        };
        let piece = rest.get(..consumed).unwrap_or_default();
        rest = rest.get(consumed..).unwrap_or_default();
        if hidden_until.is_none() {
            let text = if text.is_empty() {
                piece
            } else {
                text.as_str()
            };
            on_piece(HtmlPiece::Text(text), source_line);
        }
        if c == '\n' {
            source_line += 1;
        }
    }
}

/// The lines of text in an HTML fragment or page: block elements break
/// lines, other tags are dropped, character references are decoded, and
/// script and style contents are skipped. Each line is numbered by the
/// source line its text begins on.
pub fn html_lines(input: &str) -> Vec<TextLine<'static>> {
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut current_number = 1;
    let mut has_text = false;
    let finish = |lines: &mut Vec<TextLine>, current: &mut String, number: usize| {
        let text = current.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            lines.push(TextLine::new(number, text));
        }
        current.clear();
    };
    walk_html(input, |piece, line| match piece {
        HtmlPiece::Tag { name, .. } => {
            if BLOCK_TAGS.contains(&name.as_str()) {
                finish(&mut lines, &mut current, current_number);
                has_text = false;
            }
        }
        HtmlPiece::Text(text) => {
            if !has_text && !text.trim().is_empty() {
                current_number = line;
                has_text = true;
            }
            current.push_str(text);
        }
    });
    finish(&mut lines, &mut current, current_number);
    lines
}

/// The lower-case element name of a tag such as `<LI class="x">` or `</p>`.
fn tag_name(tag: &str) -> String {
    tag.trim_start_matches(['<', '/'])
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase()
}

/// A line without its list bullet or number (`- `, `* `, `• `, `3. `,
/// `3) `, `## `) and leading spaces.
pub fn strip_list_bullet(line: &str) -> &str {
    let mut text = line.trim_start();
    loop {
        // Most lines start with a letter or a number that is not an
        // item's (`0:00 Intro`).
        match text.bytes().next() {
            None => return text,
            Some(byte) if byte.is_ascii_alphabetic() => return text,
            Some(byte) if byte.is_ascii_digit() && numbered_item(text).is_none() => return text,
            Some(_) => {}
        }
        let trimmed = text.trim_start_matches(|c: char| {
            matches!(
                c,
                '-' | '*' | '•' | '·' | '–' | '—' | '+' | '>' | '#' | '▶' | '►'
            )
        });
        let numbered = numbered_item(trimmed);
        let next = numbered.unwrap_or(trimmed).trim_start();
        if next.len() == text.len() {
            return text;
        }
        text = next;
    }
}

/// The text after an item number such as `3.` or `12)` followed by a space.
fn numbered_item(text: &str) -> Option<&str> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let rest = text.get(digits..)?;
    let after = rest.strip_prefix(['.', ')'])?;
    (digits > 0 && digits <= 3 && after.starts_with(char::is_whitespace)).then_some(after)
}
