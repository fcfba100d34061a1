//! The labels around the topics of show notes: lead-ins that introduce
//! them (`Topics:`, `In this episode, we cover:`), the headings of the
//! sections after them (`Links:`, `Sponsors:`), and the `Transcript`
//! heading that ends the notes of a description.

use crate::core::text::head_of;
use std::sync::OnceLock;

use super::line_head::is_label_head;

/// How far a speaker label at the start of a text may reach, in bytes.
const LABEL_WINDOW: usize = 120;

/// Lead-ins whose label (ending in `:`) introduces the list of topics.
const LEAD_INS: &[&str] = &[
    "topics",
    "chapters",
    "chapter markers",
    "timestamps",
    "time stamps",
    "timecodes",
    "contents",
    "agenda",
    "highlights",
    "outline",
    "in this episode",
    "on this episode",
    "this episode",
    "episode",
    "show notes",
    "episode notes",
    "notes",
    "we cover",
    "we covered",
    "we discuss",
    "we talk about",
    "we talked about",
    "covered",
    "discussed",
    "themen",
    "kapitel",
    "inhalt",
    "zeitmarken",
];

/// Headings of the sections that follow the topics.
const TRAILING_SECTIONS: &[&str] = &[
    "Links Referenced",
    "Referenced Links",
    "Links Mentioned",
    "Links",
    "Resources",
    "Sponsors",
    "Sponsored by",
    "Credits",
    "Mentioned in this episode",
    "Show Links",
    "Transcript",
];

/// Whether a line is a heading that starts the transcript section of a
/// description (`Transcript`, `Full transcript:`).
pub fn is_transcript_heading(text: &str) -> bool {
    // Each heading has a `t` and is short, as most lines are not.
    let text = text.trim();
    if text.len() > 64 || !text.bytes().any(|byte| byte.eq_ignore_ascii_case(&b't')) {
        return false;
    }
    let heading = text
        .trim_end_matches([':', '.'])
        .trim_start_matches(['#', '*', ' '])
        .trim_end_matches(['*', ' ']);
    [
        "transcript",
        "full transcript",
        "episode transcript",
        "transkript",
        "transcription",
    ]
    .iter()
    .any(|name| heading.eq_ignore_ascii_case(name))
}

/// The end of a lead-in label at the start of `body` (`Topics:`,
/// `In this episode, we cover:`), after its colon. A one-word lead-in must
/// be the whole label (`Listener notes:` is a title, not `Notes:`); a
/// phrase may end a longer one (`Also in this episode:`).
pub(crate) fn lead_in_end(body: &str) -> Option<usize> {
    let colon = body.char_indices().take(60).find(|&(_, c)| c == ':')?.0;
    let label = body.get(..colon)?;
    // Every lead-in has letters (a time's colon does not end one).
    if !label.contains(char::is_alphabetic) {
        return None;
    }
    let label = label.trim().to_lowercase();
    let label = label.trim_end_matches([' ', '*']);
    LEAD_INS
        .iter()
        .any(|lead_in| {
            label == *lead_in
                || (lead_in.contains(' ')
                    && label
                        .strip_suffix(lead_in)
                        .is_some_and(|before| before.ends_with([' ', ','])))
        })
        .then_some(colon + 1)
}

/// Whether `text` is, whole, a trailing section's heading (`Links`,
/// `Sponsors:`).
pub(crate) fn is_trailing_section(text: &str) -> bool {
    let heading = text.trim().trim_end_matches(':').trim_end();
    TRAILING_SECTIONS
        .iter()
        .any(|section| section.eq_ignore_ascii_case(heading))
}

/// A title without a lead-in label before it (`Topics: Intro` is `Intro`).
pub fn without_lead_in(title: &str) -> &str {
    match lead_in_end(title).and_then(|end| title.get(end..)) {
        Some(rest) if !rest.trim().is_empty() => rest,
        _ => title,
    }
}

/// Offsets before a trailing section's heading (`Links:`, `Resources:`,
/// `Transcript`) and, for a run-in `Transcript` heading, after it. A
/// heading counts at the line start or run into the text before it
/// (`(5:59)Links:`); after a space only when a link or nothing follows it
/// (`The move Links: https://…`), so `Opening Credits: the band` stays.
pub(crate) fn section_breaks(text: &str) -> Vec<usize> {
    let content_end = text.trim_end().len();
    let mut breaks = Vec::new();
    // Every heading begins with a capital: most lines are passed at once.
    if !text.bytes().any(|byte| byte.is_ascii_uppercase()) {
        return breaks;
    }
    static SHOUTED: OnceLock<Vec<String>> = OnceLock::new();
    let shouted = SHOUTED.get_or_init(|| {
        TRAILING_SECTIONS
            .iter()
            .map(|h| h.to_ascii_uppercase())
            .collect()
    });
    let headings = TRAILING_SECTIONS
        .iter()
        .copied()
        .zip(shouted.iter().map(String::as_str))
        .flat_map(|(heading, upper)| [(heading, heading), (upper, heading)]);
    // One pass: only where a heading's capital stands can one begin.
    let starts = text
        .bytes()
        .enumerate()
        .filter(|(_, byte)| {
            byte.is_ascii_uppercase()
                && TRAILING_SECTIONS
                    .iter()
                    .any(|heading| heading.as_bytes().first() == Some(byte))
        })
        .map(|(offset, _)| offset);
    for offset in starts {
        let here = text.get(offset..).unwrap_or_default();
        for (written, heading) in headings
            .clone()
            .filter(|(written, _)| here.starts_with(written))
        {
            let before = text.get(..offset).and_then(|head| head.chars().next_back());
            if before.is_some_and(char::is_uppercase) {
                continue;
            }
            let after_start = offset + written.len();
            let after = text.get(after_start..).unwrap_or_default();
            let after_space = before.is_some_and(char::is_whitespace);
            let is_transcript = heading == "Transcript";
            if let Some(rest) = after.strip_prefix(':') {
                let nothing_after = after_start + 1 >= content_end;
                let link_after = ["http", "www."]
                    .iter()
                    .any(|link| rest.trim_start_matches(' ').starts_with(link));
                let counts = if is_transcript {
                    nothing_after && !after_space
                } else {
                    !after_space || nothing_after || link_after
                };
                if counts {
                    breaks.push(offset);
                }
            } else if is_transcript
                && !after_space
                && (after_start >= content_end || is_label_head(label_window(after)))
            {
                breaks.push(offset);
                breaks.push(after_start);
            }
        }
    }
    breaks
}

/// The start of `text`, as far as a speaker label at its start can reach.
pub(crate) fn label_window(text: &str) -> &str {
    head_of(text, LABEL_WINDOW)
}

/// Whether a line is a transcription tool's footer
/// (`Transcribed by https://otter.ai`), not speech.
pub fn is_tool_footer(text: &str) -> bool {
    let text = text.trim().to_lowercase();
    [
        "transcribed by ",
        "transcribed with ",
        "transcript generated by ",
    ]
    .iter()
    .any(|lead| text.starts_with(lead))
        && text.split_whitespace().count() <= 6
}
