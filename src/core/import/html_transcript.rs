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
    let mut reader = HtmlReader::new(warnings);
    walk_html(text, |piece, line| match piece {
        HtmlPiece::Tag { name, closing } => reader.tag(&name, closing, line),
        HtmlPiece::Text(piece) => reader.text(piece, line),
    });
    reader.finish_paragraph();
    resolve_speakers(reader.read)
}

/// An HTML transcript being read, piece by piece.
struct HtmlReader<'w> {
    /// Where notes about names cut short and times that are not go.
    warnings: &'w mut Warnings,
    /// The paragraphs finished so far.
    read: Vec<ReadParagraph>,
    /// Which element the text being read belongs to.
    inside: Inside,
    /// The text of the `<cite>` or `<time>` being read.
    collected: String,
    /// The name of the last `<cite>`.
    speaker: Option<String>,
    /// Whether a `<cite>` came since the last paragraph began.
    new_turn: bool,
    /// Times read that the next text starts at, with their lines.
    pending_times: Vec<(f64, usize)>,
    /// The paragraph being read.
    open: Option<ReadParagraph>,
}

impl<'w> HtmlReader<'w> {
    /// A reader at the start of a transcript.
    fn new(warnings: &'w mut Warnings) -> Self {
        HtmlReader {
            warnings,
            read: Vec::new(),
            inside: Inside::Text,
            collected: String::new(),
            speaker: None,
            new_turn: false,
            pending_times: Vec::new(),
            open: None,
        }
    }

    /// Ends the paragraph being read, keeping it if it has text.
    fn finish_paragraph(&mut self) {
        if let Some(done) = self
            .open
            .take()
            .filter(|done| !done.paragraph.text.is_empty())
        {
            self.read.push(done);
        }
    }

    /// Reads a start or end tag met on `line`.
    fn tag(&mut self, name: &str, closing: bool, line: usize) {
        match (name, closing) {
            ("cite", false) => {
                self.finish_paragraph();
                self.inside = Inside::Cite;
                self.collected.clear();
            }
            ("cite", true) if self.inside == Inside::Cite => self.end_cite(line),
            ("time", false) => {
                self.inside = Inside::Time;
                self.collected.clear();
            }
            ("time", true) if self.inside == Inside::Time => self.end_time(line),
            ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", false) => self.inside = Inside::Heading,
            ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", true) => self.inside = Inside::Text,
            ("p" | "div" | "br" | "li" | "blockquote", _) => self.finish_paragraph(),
            _ => {}
        }
    }

    /// At a `</cite>`: its text is the speaker of a new turn.
    fn end_cite(&mut self, line: usize) {
        let name = self.collected.trim().trim_end_matches([':', '：']).trim();
        let mut name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.chars().count() > MAX_NAME_CHARS {
            self.warnings.push(Warning::at(
                Place::Line(line),
                format!("the speaker's name is longer than {MAX_NAME_CHARS} characters; cut there"),
            ));
            name = name.chars().take(MAX_NAME_CHARS).collect();
        }
        self.speaker = Some(name).filter(|name| !name.is_empty());
        self.new_turn = true;
        self.inside = Inside::Text;
    }

    /// At a `</time>`: its text is the time the next text starts at.
    fn end_time(&mut self, line: usize) {
        match parse_clock(self.collected.trim()) {
            Some(seconds) => self.pending_times.push((seconds, line)),
            None => self.warnings.push(Warning::at(
                Place::Line(line),
                format!("{} is not a time; ignored", quoted(self.collected.trim())),
            )),
        }
        self.inside = Inside::Text;
    }

    /// Reads a piece of text met on `line`.
    fn text(&mut self, piece: &str, line: usize) {
        match self.inside {
            Inside::Cite | Inside::Time => return self.collected.push_str(piece),
            Inside::Heading => return,
            Inside::Text => {}
        }
        if piece.trim().is_empty() {
            if let Some(open) = self.open.as_mut() {
                if !open.paragraph.text.ends_with(' ') && !open.paragraph.text.is_empty() {
                    open.paragraph.text.push(' ');
                }
            }
            return;
        }
        let paragraph = self.open.get_or_insert_with(|| ReadParagraph {
            speaker: self.speaker.clone(),
            paragraph: Paragraph {
                new_turn: std::mem::take(&mut self.new_turn),
                line_number: line,
                ..Paragraph::default()
            },
        });
        let text = &mut paragraph.paragraph.text;
        for (seconds, line_number) in self.pending_times.drain(..) {
            paragraph.paragraph.anchors.push(Anchor {
                offset: text.len(),
                seconds,
                line_number,
            });
        }
        text.push_str(piece);
    }
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
