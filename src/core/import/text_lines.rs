//! Plain text and HTML show notes as numbered lines of text.

use crate::core::formats::webvtt::decode_character_reference;

/// One line of an input text, with its 1-based line number in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextLine {
    /// 1-based line number in the file (for HTML: where the text begins).
    pub number: usize,
    /// The line's text, without its line break.
    pub text: String,
}

/// The lines of a plain text file (LF, CRLF or CR; a byte order mark is
/// dropped).
pub fn plain_lines(input: &str) -> Vec<TextLine> {
    let input = input.strip_prefix('\u{FEFF}').unwrap_or(input);
    let normalized = input.replace("\r\n", "\n").replace('\r', "\n");
    normalized
        .split('\n')
        .enumerate()
        .map(|(index, text)| TextLine {
            number: index + 1,
            text: text.to_string(),
        })
        .collect()
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

/// The lines of text in an HTML fragment or page: block elements break
/// lines, other tags are dropped, character references are decoded, and
/// script and style contents are skipped. Each line is numbered by the
/// source line its text begins on.
pub fn html_lines(input: &str) -> Vec<TextLine> {
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut current_number = 1;
    let mut source_line = 1;
    let mut hidden_until: Option<String> = None;
    let mut rest = input.strip_prefix('\u{FEFF}').unwrap_or(input);
    let mut finish = |current: &mut String, number: usize| {
        let text = current.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            lines.push(TextLine { number, text });
        }
        current.clear();
    };
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            let tag_end = rest.find('>').map_or(rest.len(), |end| end + 1);
            let tag = rest.get(..tag_end).unwrap_or(rest);
            source_line += tag.matches('\n').count();
            let name = tag_name(tag);
            let closing = tag.starts_with("</");
            match &hidden_until {
                Some(hidden) if closing && &name == hidden => hidden_until = None,
                Some(_) => {}
                None if !closing && HIDDEN_TAGS.contains(&name.as_str()) => {
                    hidden_until = Some(name)
                }
                None if BLOCK_TAGS.contains(&name.as_str()) => finish(&mut current, current_number),
                None => {}
            }
            rest = rest.get(tag_end..).unwrap_or_default();
            continue;
        }
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
        if c == '\n' {
            source_line += 1;
        }
        if hidden_until.is_some() {
            continue;
        }
        if current.trim().is_empty() && !c.is_whitespace() {
            current_number = source_line;
        }
        if c == '&' {
            let (decoded, consumed) = decode_character_reference(rest);
            current.push_str(&decoded);
            rest = rest.get(consumed..).unwrap_or_default();
        } else {
            current.push(c);
        }
    }
    finish(&mut current, current_number);
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
        let trimmed =
            text.trim_start_matches(['-', '*', '•', '·', '–', '—', '+', '>', '#', '▶', '►']);
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
