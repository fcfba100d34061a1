//! Material as publishers really have it (`tests/corpus/real/`): show notes
//! and transcripts whose line breaks were lost, descriptions with a
//! transcript section, the Podcasting 2.0 HTML transcript and what
//! transcription tools export. Each fixture has beside it the chapters,
//! speakers, turns and first lines it must give (`NAME.expected.json`),
//! read the way the widget's `transcript` and `notes` attributes (and the
//! CLI's `import`) read them. `cargo test --test real_material --
//! --nocapture` prints the found / written counts.

use std::fs;
use std::path::{Path, PathBuf};

use episode_viewer::core::import::transcript_file::read_transcript_source;
use episode_viewer::core::import::{ImportRequest, NamedText};
use episode_viewer::core::lint::{lint_file, LintOptions, Severity};
use episode_viewer::core::{parse_clock, Episode};
use serde_json::Value;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/real");

fn expectations() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(CORPUS)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.to_string_lossy().ends_with(".expected.json"))
        .collect();
    files.sort();
    files
}

fn read(folder: &Path, name: Option<&str>) -> Option<(String, String)> {
    let name = name?;
    Some((
        name.to_string(),
        fs::read_to_string(folder.join(name)).unwrap(),
    ))
}

fn time(value: &Value) -> f64 {
    match value {
        Value::Number(number) => number.as_f64().unwrap(),
        Value::String(text) => parse_clock(text).unwrap(),
        other => panic!("not a time: {other}"),
    }
}

/// Runs of lines by one speaker (a speakerless file is one run).
fn turns(episode: &Episode) -> (usize, usize) {
    let mut turns = 0;
    let mut with_speaker = 0;
    let mut previous = None;
    for (index, line) in episode.lines.iter().enumerate() {
        if index == 0 || line.speaker != previous {
            turns += 1;
            with_speaker += usize::from(line.speaker.is_some());
        }
        previous = line.speaker;
    }
    (with_speaker, turns)
}

/// What is wrong with the episode read from one fixture, if anything.
fn problems(expected_path: &Path) -> (Vec<String>, String) {
    let folder = expected_path.parent().unwrap();
    let expected: Value =
        serde_json::from_str(&fs::read_to_string(expected_path).unwrap()).unwrap();
    let transcript = read(folder, expected["transcript"].as_str());
    let notes = read(folder, expected["notes"].as_str());
    let duration = expected.get("duration").map(time);
    let sources = ImportRequest {
        transcript: transcript
            .as_ref()
            .map(|(name, text)| NamedText { name, text }),
        notes: notes.as_ref().map(|(name, text)| NamedText { name, text }),
        duration,
        chapter_pins: true,
    };
    let episode = match read_transcript_source(&sources) {
        Ok(episode) => episode,
        Err(error) => return (vec![format!("not read: {error}")], String::new()),
    };
    let mut problems = Vec::new();

    let wanted_chapters = expected["chapters"].as_array().cloned().unwrap_or_default();
    let found_chapters = wanted_chapters
        .iter()
        .filter(|wanted| {
            episode.chapters.iter().any(|chapter| {
                (chapter.start - time(&wanted["start"])).abs() < 0.01
                    && chapter.title == wanted["title"].as_str().unwrap()
            })
        })
        .count();
    let got: Vec<String> = episode
        .chapters
        .iter()
        .map(|chapter| format!("{} {}", chapter.start, chapter.title))
        .collect();
    let want: Vec<String> = wanted_chapters
        .iter()
        .map(|chapter| {
            format!(
                "{} {}",
                time(&chapter["start"]),
                chapter["title"].as_str().unwrap()
            )
        })
        .collect();
    if got != want {
        problems.push(format!("chapters: got {got:?}, want {want:?}"));
    }

    let names: Vec<&str> = episode.speakers.iter().map(|s| s.name.as_str()).collect();
    let wanted_names: Vec<&str> = expected["speakers"]
        .as_array()
        .map(|list| list.iter().map(|name| name.as_str().unwrap()).collect())
        .unwrap_or_default();
    if names != wanted_names {
        problems.push(format!("speakers: got {names:?}, want {wanted_names:?}"));
    }
    let (with_speaker, turn_count) = turns(&episode);
    let wanted_turns = expected["turns"].as_u64().unwrap_or_default() as usize;
    if turn_count != wanted_turns {
        problems.push(format!("turns: got {turn_count}, want {wanted_turns}"));
    }
    if !wanted_names.is_empty() && with_speaker != turn_count {
        problems.push(format!(
            "only {with_speaker} of {turn_count} turns have a speaker"
        ));
    }

    for (index, wanted) in expected["first_lines"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        let Some(line) = episode.lines.get(index) else {
            problems.push(format!("line {index}: missing"));
            continue;
        };
        let speaker = line.speaker.and_then(|index| names.get(index).copied());
        let text = wanted["text"].as_str().unwrap();
        let prefix: String = text
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" ");
        if speaker != wanted["speaker"].as_str() || !line.text.starts_with(&prefix) {
            problems.push(format!(
                "line {index}: got {speaker:?} {:?}, want {:?} {text:?}",
                line.text,
                wanted["speaker"].as_str()
            ));
        }
        if let Some(start) = wanted.get("start") {
            if (line.start - time(start)).abs() > 0.01 {
                problems.push(format!(
                    "line {index}: starts at {}, want {}",
                    line.start,
                    time(start)
                ));
            }
        }
    }
    // Opening brackets and quotes may begin a line; nothing that closes or
    // ends a sentence may.
    let closing = |c: char| {
        matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | '…'
                | ')'
                | ']'
                | '}'
                | '”'
                | '’'
                | '»'
                | '、'
                | '。'
        )
    };
    if let Some(line) = episode
        .lines
        .iter()
        .find(|line| line.text.starts_with(closing))
    {
        problems.push(format!("a line starts with punctuation: {:?}", line.text));
    }
    if let Some((name, text)) = &transcript {
        match lint_file(text, None, LintOptions::default()) {
            Err(error) => problems.push(format!("check cannot read {name}: {error}")),
            Ok(report) => problems.extend(
                report
                    .findings
                    .iter()
                    .filter(|finding| finding.severity == Severity::Error)
                    .map(|finding| format!("check finds an error in {name}: {}", finding.message)),
            ),
        }
    }
    let figures = format!(
        "chapters {found_chapters}/{} · turns with a speaker {with_speaker}/{turn_count} · lines {}",
        wanted_chapters.len(),
        episode.lines.len()
    );
    (problems, figures)
}

#[test]
fn every_fixture_gives_its_chapters_speakers_turns_and_first_lines() {
    let mut failures = Vec::new();
    let files = expectations();
    assert!(
        files.len() >= 12,
        "at least 12 fixtures, found {}",
        files.len()
    );
    for path in files {
        let name = path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".expected.json", "");
        let (problems, figures) = problems(&path);
        println!("{name}: {figures}");
        for problem in problems {
            failures.push(format!("{name}: {problem}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
