//! The new shapes of issue 14 at 10 MB: text whose breaks were lost, the
//! HTML transcript, whisper JSON, SBV and `Name: ` cues, read the way the
//! widget's `transcript` and `notes` attributes read them, in linear time.

#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, Instant};

use episode_viewer::core::import::transcript_file::read_transcript_source;
use episode_viewer::core::import::{ImportRequest, NamedText};
use episode_viewer::core::Episode;

/// How long reading one of these inputs may take in a debug build, with
/// the other tests running beside it (the eighth-against-the-whole ratio is
/// what tells linear from quadratic).
const BOUND: Duration = Duration::from_secs(60);

/// Imports `transcript` (and `notes`) as the widget's `transcript` and
/// `notes` attributes do.
fn import_text(transcript: Option<&str>, notes: Option<&str>) -> Result<Episode, String> {
    read_transcript_source(&ImportRequest {
        transcript: transcript.map(|text| NamedText { name: "t", text }),
        notes: notes.map(|text| NamedText { name: "n", text }),
        duration: Some(400_000.0),
        chapter_pins: true,
    })
}

/// `count` times `piece(index)`, up to 10 MB.
fn ten_megabytes(piece: impl Fn(usize) -> String) -> String {
    let mut text = String::new();
    let mut index = 0;
    while text.len() < 10_000_000 {
        text.push_str(&piece(index));
        index += 1;
    }
    text
}

fn clock(seconds: usize) -> String {
    format!(
        "{}:{:02}:{:02}",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// Reads an eighth of `text` and then all of it: the whole may take at most
/// 16 times as long as the eighth (a quadratic reader takes 64 times).
fn linear<T>(what: &str, text: &str, read: impl Fn(&str) -> T) -> T {
    let mut eighth = text.len() / 8;
    while !text.is_char_boundary(eighth) {
        eighth += 1;
    }
    let started = Instant::now();
    drop(read(text.get(..eighth).unwrap()));
    let small = started.elapsed();
    let result = read(text);
    let large = started.elapsed() - small;
    println!("{what}: {large:?} (an eighth: {small:?})");
    assert!(large < BOUND, "{what} took {large:?}, over {BOUND:?}");
    assert!(
        large < small * 16 + Duration::from_millis(200),
        "{what}: the whole took {large:?}, an eighth {small:?}: not linear"
    );
    result
}

#[test]
fn ten_megabytes_of_text_whose_breaks_were_lost_are_read_in_linear_time() {
    // Show notes on one line: items run together after their times.
    let notes = ten_megabytes(|index| {
        format!(
            "Our guest talks about the lamp room {index} ({})",
            clock(index)
        )
    });
    let read = linear("10 MB of run-together show notes", &notes, |notes| {
        import_text(None, Some(notes))
    });
    assert!(read.is_ok_and(|episode| episode.chapters.len() > 150_000));
    // Time-first items run together.
    let notes = ten_megabytes(|index| format!("{} - Topic {index} here", clock(index)));
    let read = linear("10 MB of run-together time-first items", &notes, |notes| {
        import_text(None, Some(notes))
    });
    assert!(
        matches!(&read, Err(error) if error.contains("too many chapters")),
        "{:?}",
        read.map(|e| e.chapters.len())
    );
    // A transcript on one line: turns run in after sentence ends.
    let transcript = ten_megabytes(|index| {
        format!("Sam: Welcome back to the show number {index}.Gale: Thanks for having me again?And so we go on.")
    });
    let read = linear("10 MB of run-together turns", &transcript, |transcript| {
        import_text(Some(transcript), None)
    });
    assert!(
        matches!(&read, Err(error) if error.contains("too many transcript lines")),
        "{:?}",
        read.map(|e| e.lines.len())
    );
    let fewer = &transcript[..transcript.len() / 8];
    let episode = import_text(Some(fewer), None).unwrap();
    assert_eq!(episode.speakers.len(), 2);
}

#[test]
fn ten_megabytes_of_the_new_formats_are_read_in_linear_time() {
    let html = ten_megabytes(|index| {
        format!("<cite>Sam:</cite>\n<time>{}</time>\n<p>Welcome back to the show, this is part {index}. It goes on.</p>\n", clock(index))
    });
    let read = linear("10 MB HTML transcript", &html, |html| {
        import_text(Some(html), None)
    });
    assert!(
        read.as_ref()
            .is_ok_and(|episode| episode.lines.len() > 90_000),
        "{:?}",
        read.map(|e| e.lines.len())
    );
    let whisper = format!(
        "{{\"segments\": [{}{{\"start\": 0, \"end\": 1, \"text\": \"end\"}}]}}",
        ten_megabytes(|index| {
            format!("{{\"start\": {index}, \"end\": {index}.5, \"text\": \" Segment {index}\", \"words\": [{{\"word\": \" Segment\", \"start\": {index}, \"end\": {index}.2}}]}},")
        })
    );
    let read = linear("10 MB whisper JSON", &whisper, |whisper| {
        import_text(Some(whisper), None)
    });
    assert!(
        read.as_ref()
            .is_ok_and(|episode| episode.lines.len() > 80_000),
        "{:?}",
        read.map(|e| e.lines.len())
    );
    let sbv = ten_megabytes(|index| {
        format!(
            "{}.000,{}.500\nSam: Caption number {index}\n\n",
            clock(index),
            clock(index)
        )
    });
    let read = linear("10 MB SBV", &sbv, |sbv| import_text(Some(sbv), None));
    assert!(
        read.as_ref()
            .is_ok_and(|episode| episode.speakers.len() == 1 && episode.lines.len() > 150_000),
        "{:?}",
        read.map(|e| e.lines.len())
    );
    let zoom = format!(
        "WEBVTT\n\n{}",
        ten_megabytes(|index| format!(
            "{index}\n{}.000 --> {}.500\nSam Host: Caption number {index}\n\n",
            clock(index),
            clock(index)
        ))
    );
    let read = linear("10 MB Zoom WebVTT", &zoom, |zoom| {
        import_text(Some(zoom), None)
    });
    assert!(read.is_ok_and(|episode| episode.speakers.len() == 1 && episode.lines.len() > 100_000));
}

/// `piece` repeated to about `bytes`.
fn repeated(piece: &str, bytes: usize) -> String {
    piece.repeat(bytes / piece.len() + 1)
}

#[test]
fn hostile_shapes_of_the_new_rules_are_read_in_linear_time() {
    // Headings that are never one, then a long run of spaces.
    let headings = repeated("Transcript", 2_000_000) + &" ".repeat(1_000_000);
    let notes = linear(
        "2 MB of Transcript and spaces, as notes",
        &headings,
        |text| import_text(None, Some(text)),
    );
    assert!(notes.is_ok_and(|episode| episode.chapters.is_empty()));
    drop(linear(
        "2 MB of Transcript and spaces, as a transcript",
        &headings,
        |text| import_text(Some(text), None),
    ));
    // Times and capitals: many colons and marks on one line.
    let marks = repeated("(1:00)A", 500_000);
    let read = linear("500 KB of (1:00)A", &marks, |text| {
        import_text(Some(text), None)
    });
    assert!(read.is_ok_and(|episode| episode.lines.len() == 1));
    // Sentence ends before asides that never close.
    let asides = repeated("Yes. [", 2_000_000);
    let read = linear("2 MB of unclosed asides", &asides, |text| {
        import_text(Some(text), None)
    });
    assert!(read.is_ok_and(|episode| !episode.lines.is_empty()));
    // Run-in capitals with no spaces at all.
    let glued = repeated("a.Ba!C", 2_000_000);
    drop(linear("2 MB of glued sentence ends", &glued, |text| {
        import_text(Some(text), Some(text))
    }));
    // An HTML paragraph of spaces.
    let spaces = format!("<p>{}x</p>", " ".repeat(4_000_000));
    let read = linear("4 MB of spaces in HTML notes", &spaces, |text| {
        import_text(None, Some(text))
    });
    assert!(read.is_ok());
}

#[test]
fn a_long_cite_before_many_paragraphs_is_cut_and_stays_small() {
    let html = format!(
        "<cite>Sam:</cite><p>Welcome, everyone.</p><cite>{}:</cite>{}",
        "N".repeat(100_000),
        "<p>Hello there, and welcome.</p>".repeat(20_000)
    );
    let started = Instant::now();
    let episode = import_text(Some(&html), None).unwrap();
    let took = started.elapsed();
    println!("a 100 KB cite and 20,000 paragraphs: {took:?}");
    assert!(took < BOUND, "took {took:?}");
    assert_eq!(episode.speakers[1].name.chars().count(), 100);
    assert!(episode
        .warnings
        .iter()
        .any(|warning| warning.to_string().contains("longer than 100 characters")));
}
