//! How close estimated times come to the truth. The episode in
//! `tests/corpus/accuracy/episode.json` is an hour of generated conversation
//! spoken by espeak-ng at a different speed per speaker and per sentence,
//! with natural pauses, so every sentence's true start is known (see
//! `scripts/make-accuracy-episode.mjs`). Its timings are stripped to plain
//! text in speaker turns, a time is written in at every anchor interval
//! (at the sentence nearest each multiple, rounded to the second, as a
//! transcriber would), and the importer's line starts are compared with the
//! truth. `cargo test --test accuracy -- --nocapture` prints the table the
//! README quotes.

use episode_viewer::core::import::{import_episode, ImportRequest, NamedText};
use episode_viewer::core::time::format_clock;
use episode_viewer::core::{parse_episode_json, Episode};

const TRUTH: &str = include_str!("corpus/accuracy/episode.json");

/// Accuracy of one import.
#[derive(Debug)]
struct Accuracy {
    median: f64,
    p90: f64,
    within_5s: f64,
    lines: usize,
}

/// The truth as plain text in speaker turns, with a written time at the
/// sentence starting nearest after each multiple of `every` seconds.
fn untimed_text(truth: &Episode, every: Option<f64>) -> String {
    let mut text = String::new();
    let mut previous_speaker = None;
    let mut next_anchor = every;
    for line in &truth.lines {
        let mut written = String::new();
        if let Some(anchor) = next_anchor.filter(|anchor| line.start >= *anchor) {
            written = format!("[{}] ", clock_hms(line.start.round()));
            next_anchor = Some(anchor + every.unwrap_or_default());
        }
        let name = truth.speaker_of(line).map(|speaker| speaker.name.clone());
        if line.speaker != previous_speaker {
            text.push_str(&format!(
                "\n\n{}: {written}{}",
                name.unwrap_or_default(),
                line.text
            ));
        } else if line.paragraph {
            text.push_str(&format!("\n\n{written}{}", line.text));
        } else {
            text.push_str(&format!(" {written}{}", line.text));
        }
        previous_speaker = line.speaker;
    }
    text.trim_start().to_string() + "\n"
}

fn clock_hms(seconds: f64) -> String {
    let whole = seconds as u64;
    format!(
        "{:02}:{:02}:{:02}",
        whole / 3600,
        whole / 60 % 60,
        whole % 60
    )
}

/// Show notes with a chapter at the first question after each multiple of
/// `every` seconds, titled with the question's words (as show notes name a
/// topic), at its true start floored to the second.
fn show_notes(truth: &Episode, every: f64) -> String {
    let mut notes = String::from("In this episode:\n");
    let mut next = every;
    for line in &truth.lines {
        if line.start >= next && line.text.ends_with('?') {
            let title = line.text.trim_end_matches('?');
            notes.push_str(&format!("- {title} ({})\n", clock_hms(line.start.floor())));
            next += every;
        }
    }
    notes
}

fn accuracy(truth: &Episode, every: Option<f64>, chapters_every: Option<f64>) -> Accuracy {
    let text = untimed_text(truth, every);
    let notes = chapters_every.map(|every| show_notes(truth, every));
    let imported = import_episode(&ImportRequest {
        transcript: Some(NamedText {
            name: "accuracy.txt",
            text: &text,
        }),
        notes: notes.as_deref().map(|text| NamedText {
            name: "notes.txt",
            text,
        }),
        duration: truth.duration,
        chapter_pins: true,
    })
    .unwrap();
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    if let Some(every) = chapters_every {
        let expected = (truth.duration.unwrap_or_default() / every) as usize;
        assert!(imported.chapters.len() + 1 >= expected);
    }
    let mut errors = Vec::new();
    let mut next_truth = 0;
    for line in &imported.lines {
        let found = truth
            .lines
            .iter()
            .enumerate()
            .skip(next_truth)
            .find(|(_, true_line)| line.text.starts_with(&true_line.text));
        let (index, true_line) =
            found.unwrap_or_else(|| panic!("no true sentence begins {:?}", line.text));
        next_truth = index + 1;
        errors.push((line.start - true_line.start).abs());
    }
    errors.sort_by(f64::total_cmp);
    let quantile = |share: f64| errors[((errors.len() - 1) as f64 * share).round() as usize];
    Accuracy {
        median: quantile(0.5),
        p90: quantile(0.9),
        within_5s: errors.iter().filter(|error| **error <= 5.0).count() as f64
            / errors.len() as f64,
        lines: errors.len(),
    }
}

#[test]
fn estimated_line_starts_against_the_truth() {
    let truth = parse_episode_json(TRUTH).unwrap();
    let duration = truth.duration.unwrap();
    println!(
        "accuracy episode: {} sentences, {}, 3 speakers",
        truth.lines.len(),
        format_clock(duration)
    );
    println!("| written times | lines | median error | 90th percentile | within 5 s |");
    println!("|---|---|---|---|---|");
    let mut results = Vec::new();
    for (label, every, chapters_every) in [
        ("every 2 min", Some(120.0), None),
        ("every 5 min", Some(300.0), None),
        ("every 10 min", Some(600.0), None),
        ("none (start and end only)", None, None),
        (
            "none; show notes with a chapter every 5 min",
            None,
            Some(300.0),
        ),
    ] {
        let result = accuracy(&truth, every, chapters_every);
        println!(
            "| {label} | {} | {:.1} s | {:.1} s | {:.0} % |",
            result.lines,
            result.median,
            result.p90,
            result.within_5s * 100.0
        );
        results.push(result);
    }
    let [two, five, ten, none, chapters] = results.as_slice() else {
        unreachable!()
    };
    assert!(
        five.median <= 3.0,
        "target: median error <= 3 s with a time every 5 minutes; {five:?}"
    );
    assert!(two.median <= five.median && five.median <= ten.median && ten.median <= none.median);
    assert!(
        chapters.median < none.median / 2.0,
        "chapters found in the transcript serve as known times: {chapters:?}"
    );
}
