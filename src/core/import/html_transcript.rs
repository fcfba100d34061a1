//! The Podcasting 2.0 HTML transcript (`podcast:transcript` of type
//! `text/html`): `<cite>Name:</cite>`, `<time>0:09</time>`, `<p>…</p>`,
//! repeated, with the time of each monologue's start where it is known
//! (<https://github.com/Podcastindex-org/podcast-namespace/blob/main/transcripts/transcripts.md#html>).
//! Each `<cite>` starts a turn, each `<p>` a paragraph of it, and each
//! `<time>` is a known time at the start of the text that follows it.

use crate::core::warnings::{Warning, Warnings};
use std::collections::BTreeMap;

use super::plain_transcript::{Anchor, Paragraph, PlainTranscript};
use super::speaker_names::{name_key, usual_spellings};
use super::text_lines::{walk_html, HtmlPiece};
use crate::core::error::{quoted, Place};
use crate::core::time::parse_clock;

/// The longest speaker name kept, in characters.
const MAX_NAME_CHARS: usize = 100;

/// Which element the text being read belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Inside {
    Cite,
    Time,
    Heading,
    Text,
}

/// A paragraph as read, before its speaker is resolved.
struct ReadParagraph {
    speaker: Option<String>,
    paragraph: Paragraph,
}

/// Reads an HTML transcript into paragraphs; `warnings` gets a note for
/// each `<time>` that is not a time.
pub fn read_html_transcript(text: &str, warnings: &mut Warnings) -> PlainTranscript {
    let mut read: Vec<ReadParagraph> = Vec::new();
    let mut inside = Inside::Text;
    let mut collected = String::new();
    let mut speaker: Option<String> = None;
    let mut new_turn = false;
    let mut pending_times: Vec<(f64, usize)> = Vec::new();
    let mut open: Option<ReadParagraph> = None;
    let finish = |open: &mut Option<ReadParagraph>, read: &mut Vec<ReadParagraph>| {
        if let Some(done) = open.take().filter(|done| !done.paragraph.text.is_empty()) {
            read.push(done);
        }
    };
    walk_html(text, |piece, line| match piece {
        HtmlPiece::Tag { name, closing } => match (name.as_str(), closing) {
            ("cite", false) => {
                finish(&mut open, &mut read);
                inside = Inside::Cite;
                collected.clear();
            }
            ("cite", true) if inside == Inside::Cite => {
                let name = collected.trim().trim_end_matches([':', '：']).trim();
                let mut name = name.split_whitespace().collect::<Vec<_>>().join(" ");
                if name.chars().count() > MAX_NAME_CHARS {
                    warnings.push(Warning::at(
                        Place::Line(line),
                        format!("the speaker's name is longer than {MAX_NAME_CHARS} characters; cut there"),
                    ));
                    name = name.chars().take(MAX_NAME_CHARS).collect();
                }
                speaker = Some(name).filter(|name| !name.is_empty());
                new_turn = true;
                inside = Inside::Text;
            }
            ("time", false) => {
                inside = Inside::Time;
                collected.clear();
            }
            ("time", true) if inside == Inside::Time => {
                match parse_clock(collected.trim()) {
                    Some(seconds) => pending_times.push((seconds, line)),
                    None => warnings.push(Warning::at(
                        Place::Line(line),
                        format!("{} is not a time; ignored", quoted(collected.trim())),
                    )),
                }
                inside = Inside::Text;
            }
            ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", false) => inside = Inside::Heading,
            ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", true) => inside = Inside::Text,
            ("p" | "div" | "br" | "li" | "blockquote", _) => finish(&mut open, &mut read),
            _ => {}
        },
        HtmlPiece::Text(piece) => {
            match inside {
                Inside::Cite | Inside::Time => return collected.push_str(piece),
                Inside::Heading => return,
                Inside::Text => {}
            }
            if piece.trim().is_empty() {
                if let Some(open) = open.as_mut() {
                    if !open.paragraph.text.ends_with(' ') && !open.paragraph.text.is_empty() {
                        open.paragraph.text.push(' ');
                    }
                }
                return;
            }
            let paragraph = open.get_or_insert_with(|| ReadParagraph {
                speaker: speaker.clone(),
                paragraph: Paragraph {
                    new_turn: std::mem::take(&mut new_turn),
                    line_number: line,
                    ..Paragraph::default()
                },
            });
            let text = &mut paragraph.paragraph.text;
            for (seconds, line_number) in pending_times.drain(..) {
                paragraph.paragraph.anchors.push(Anchor {
                    offset: text.len(),
                    seconds,
                    line_number,
                });
            }
            text.push_str(piece);
        }
    });
    finish(&mut open, &mut read);
    resolve_speakers(read)
}

/// The paragraphs with speaker indexes; a name written in several cases is
/// one speaker, shown as it is written most often.
fn resolve_speakers(read: Vec<ReadParagraph>) -> PlainTranscript {
    let usual: BTreeMap<String, String> =
        usual_spellings(read.iter().filter_map(|entry| entry.speaker.as_deref()))
            .into_iter()
            .map(|(key, name)| (key, name.to_string()))
            .collect();
    let mut transcript = PlainTranscript::default();
    let mut indexes: BTreeMap<String, usize> = BTreeMap::new();
    for entry in read {
        let mut paragraph = entry.paragraph;
        paragraph.text = paragraph.text.trim_end().to_string();
        paragraph.speaker = entry.speaker.map(|name| {
            let key = name_key(&name);
            let next = indexes.len();
            *indexes.entry(key.clone()).or_insert_with(|| {
                transcript
                    .speakers
                    .push(usual.get(&key).cloned().unwrap_or(name));
                next
            })
        });
        transcript.paragraphs.push(paragraph);
    }
    transcript
}
