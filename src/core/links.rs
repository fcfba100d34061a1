//! Which URLs from input files the widget puts into links and images:
//! `http:`, `https:` and relative URLs (resolved against the file they came
//! from); anything else (`javascript:`, `data:`, `file:` …) is dropped with
//! a warning.

use super::episode::{Chapter, Speaker};
use super::error::{quoted, Place};
use super::warnings::Warning;

/// Whether `reference` (a file an attribute names) is `#id`: an element of
/// the host page, read in place of a download.
pub fn is_page_reference(reference: &str) -> bool {
    reference.starts_with('#')
}

/// `url` (trimmed) when it is an absolute `http:` or `https:` URL; anything
/// else (`javascript:`, `data:`, relative paths) gives `None`.
pub fn http_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let (scheme, rest) = url.split_once(':')?;
    let is_web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    let has_host = rest
        .strip_prefix("//")
        .is_some_and(|host| !host.is_empty() && !host.starts_with('/'));
    (is_web && has_host && !has_hidden_characters(url)).then_some(url)
}

/// What a URL from an input file is, read the way a browser's URL parser
/// would (which ignores tabs and newlines inside it, and leading control
/// characters and spaces).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlKind {
    /// An absolute `http:` or `https:` URL: used as it is.
    Web(String),
    /// A URL without a scheme (`img/a.png`, `/a.png`, `//cdn.example/a.png`):
    /// used once resolved against the URL of its file.
    Relative(String),
    /// Any other scheme, or nothing at all: never used.
    Refused,
}

/// Classifies `url` (see [`UrlKind`]).
pub fn url_kind(url: &str) -> UrlKind {
    let trimmed = url.trim_matches(|c: char| c <= ' ');
    if trimmed.is_empty() {
        return UrlKind::Refused;
    }
    let cleaned: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    match scheme_of(&cleaned) {
        None => UrlKind::Relative(cleaned),
        Some(_) => match http_url(&cleaned) {
            Some(web) => UrlKind::Web(web.to_string()),
            None => UrlKind::Refused,
        },
    }
}

/// The scheme of a URL that has one: letters, digits, `+`, `-`, `.`,
/// starting with a letter, before the first `:`.
fn scheme_of(url: &str) -> Option<&str> {
    let (scheme, _) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let starts_with_letter = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let valid = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (starts_with_letter && valid).then_some(scheme)
}

fn has_hidden_characters(url: &str) -> bool {
    url.chars().any(|c| c.is_ascii_control())
}

/// Checks every link and image URL of `speakers` and `chapters`, all read
/// from one file: web URLs stay, relative ones become what `resolve` makes
/// of them (absolute against that file's URL, or left relative where the
/// output is published beside it; `None` drops it, as does a result with
/// another scheme), and the rest are removed. Returns a warning for each removal.
pub fn settle_links(
    speakers: &mut [Speaker],
    chapters: &mut [Chapter],
    resolve: impl Fn(&str) -> Option<String>,
) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let mut settle = |place: String, what: &str, field: &mut Option<String>| {
        let Some(url) = field.take() else { return };
        let settled = match url_kind(&url) {
            UrlKind::Web(web) => Some(web),
            UrlKind::Relative(relative) => {
                resolve(&relative).filter(|r| !matches!(url_kind(r), UrlKind::Refused))
            }
            UrlKind::Refused => None,
        };
        if settled.is_none() {
            warnings.push(Warning::at(
                Place::Named(place),
                format!(
                    "{what} {} dropped: only http:, https: and relative URLs are used",
                    quoted(&shortened(&url))
                ),
            ));
        }
        *field = settled;
    };
    for speaker in speakers.iter_mut() {
        let place = format!("speaker {}", quoted(&speaker.name));
        settle(place.clone(), "image", &mut speaker.img);
        settle(place, "link", &mut speaker.href);
    }
    for chapter in chapters.iter_mut() {
        let place = format!("chapter {}", quoted(&chapter.title));
        settle(place.clone(), "image", &mut chapter.img);
        settle(place, "link", &mut chapter.url);
    }
    warnings
}

/// At most 60 characters of `url`, for messages (a `data:` URL can be
/// megabytes long).
fn shortened(url: &str) -> String {
    match url.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", url.get(..cut).unwrap_or_default()),
        None => url.to_string(),
    }
}
