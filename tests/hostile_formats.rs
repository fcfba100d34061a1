//! Hostile but small inputs to the timed formats' readers, episode JSON and
//! JSON Chapters: linear time, memory within 8 times the input plus 16 MB,
//! names and texts cut to the limits with a warning that says where, and
//! at most 100 warnings kept per file.

#![cfg(not(target_arch = "wasm32"))]

mod measure;

use episode_viewer::core::episode_json::parse_episode_document;
use episode_viewer::core::error::Place;
use episode_viewer::core::formats::json_chapters::parse_json_chapters;
use episode_viewer::core::formats::podcast_json::parse_podcast_json;
use episode_viewer::core::formats::sbv::parse_sbv;
use episode_viewer::core::formats::srt::parse_srt;
use episode_viewer::core::formats::webvtt::parse_webvtt;
use episode_viewer::core::formats::whisper_json::parse_whisper_json;
use episode_viewer::core::formats::{apply_transcript, Transcript};
use episode_viewer::core::limits::{MAX_ENTRIES, MAX_NAME_CHARS, MAX_TEXT_BYTES};
use episode_viewer::core::warnings::{
    in_file, problem_count, shown, Warning, Warnings, MAX_WARNINGS,
};
use episode_viewer::core::{Episode, Speaker};
use measure::{assert_scales, measure, memory_bound};

fn cues(n: usize, cue: impl Fn(usize) -> String) -> String {
    let mut text = String::from("WEBVTT\n\n");
    for index in 0..n {
        text.push_str(&cue(index));
    }
    text
}

/// `item(0)`, …, `item(n - 1)` joined by commas: the entries of a JSON list.
fn joined(n: usize, item: impl Fn(usize) -> String) -> String {
    (0..n).map(item).collect::<Vec<_>>().join(",")
}

#[test]
fn many_small_entries_stay_within_the_memory_bound() {
    assert_scales(
        "tiny WebVTT cues",
        |n| cues(n, |_| "00:01.000 --> 00:02.000\na\n\n".into()),
        parse_webvtt,
    );
    assert_scales(
        "tiny SRT cues",
        |n| {
            (0..n)
                .map(|i| format!("{i}\n00:00:01,000 --> 00:00:02,000\na\n\n"))
                .collect()
        },
        parse_srt,
    );
    let words = |n: usize| {
        let segments = joined(n, |i| {
            format!(r#"{{"startTime":{i},"endTime":{i}.5,"body":"a"}}"#)
        });
        format!(r#"{{"segments":[{segments}]}}"#)
    };
    assert_scales(
        "one-word Podcasting 2.0 segments",
        words,
        parse_podcast_json,
    );
    let lines = |n: usize| {
        let lines = joined(n, |i| {
            format!(r#"{{"start":{i},"text":"a","words":[{{"start":{i},"text":"a"}}]}}"#)
        });
        format!(r#"{{"version":1,"transcript":[{lines}]}}"#)
    };
    assert_scales(
        "episode JSON lines with a word each",
        lines,
        parse_episode_document,
    );
    let chapters = |n: usize| {
        let chapters = joined(n, |i| format!(r#"{{"startTime":{i},"title":"a"}}"#));
        format!(r#"{{"version":"1.2.0","chapters":[{chapters}]}}"#)
    };
    assert_scales("JSON Chapters", chapters, |text| {
        parse_json_chapters(text, None)
    });
}

/// Reads `text` with `read`, checking its peak memory against the bound.
fn within_the_bound<T>(what: &str, text: &str, read: impl Fn(&str) -> T) {
    let (took, peak) = measure(|| read(text));
    println!("{what}: {} bytes, peak {peak} bytes, {took:?}", text.len());
    assert!(
        peak <= memory_bound(text.len()),
        "{what}: {} bytes held {peak} bytes at once, over {}",
        text.len(),
        memory_bound(text.len())
    );
}

#[test]
fn files_of_tiny_entries_near_the_entry_limit_stay_within_the_memory_bound() {
    // Where the 16 MB no longer covers what each entry costs beyond its
    // bytes: each format at 190,000 entries of one character.
    let n = 190_000;
    within_the_bound(
        "WebVTT",
        &format!("WEBVTT\n\n{}", "00:01.000 --> 00:02.000\na\n\n".repeat(n)),
        parse_webvtt,
    );
    let srt: String = (0..n)
        .map(|i| format!("{i}\n00:00:01,000 --> 00:00:02,000\na\n\n"))
        .collect();
    within_the_bound("SRT", &srt, parse_srt);
    within_the_bound(
        "SBV",
        &"0:00:01.000,0:00:02.000\na\n\n".repeat(n),
        parse_sbv,
    );
    let words = joined(n, |i| {
        format!(r#"{{"startTime":{i},"endTime":{i}.5,"body":"a"}}"#)
    });
    within_the_bound(
        "Podcasting 2.0 words",
        &format!(r#"{{"segments":[{words}]}}"#),
        parse_podcast_json,
    );
    let segments = joined(n, |i| format!(r#"{{"start":{i},"end":{i}.5,"text":"a"}}"#));
    within_the_bound(
        "whisper",
        &format!(r#"{{"segments":[{segments}]}}"#),
        parse_whisper_json,
    );
    let lines = joined(n, |i| format!(r#"{{"start":{i},"text":"a"}}"#));
    within_the_bound(
        "episode JSON lines",
        &format!(r#"{{"version":1,"transcript":[{lines}]}}"#),
        parse_episode_document,
    );
    let chapters = joined(n, |i| format!(r#"{{"start":{i},"title":"a"}}"#));
    within_the_bound(
        "episode JSON chapters",
        &format!(r#"{{"version":1,"chapters":[{chapters}]}}"#),
        parse_episode_document,
    );
    let chapters = joined(n, |i| format!(r#"{{"startTime":{i},"title":"a"}}"#));
    within_the_bound(
        "JSON Chapters",
        &format!(r#"{{"chapters":[{chapters}]}}"#),
        |text| parse_json_chapters(text, None),
    );
}

#[test]
fn a_new_speaker_in_every_cue() {
    assert_scales(
        "WebVTT voices",
        |n| {
            cues(n, |i| {
                format!("00:01.000 --> 00:02.000\n<v Speaker {i}>a\n\n")
            })
        },
        parse_webvtt,
    );
    // The episode's avatars were looked up speaker by speaker.
    let speakers = |names: &str| -> Vec<Speaker> {
        names
            .lines()
            .map(|name| Speaker {
                name: name.to_string(),
                img: Some(format!("{name}.png")),
                ..Speaker::default()
            })
            .collect()
    };
    assert_scales(
        "transcript speakers against the episode's",
        |n| (0..n).map(|i| format!("Speaker {i}\n")).collect(),
        |names| {
            let mut episode = Episode {
                speakers: speakers(names),
                ..Episode::default()
            };
            apply_transcript(
                &mut episode,
                Transcript {
                    speakers: speakers(names),
                    ..Transcript::default()
                },
            );
            assert!(episode.speakers.iter().all(|speaker| speaker.img.is_some()));
        },
    );
}

#[test]
fn empty_cues_count_toward_the_cue_limit() {
    let empty = cues(MAX_ENTRIES + 1, |_| "00:01.000 --> 00:02.000\n\n".into());
    let error = parse_webvtt(&empty).unwrap_err().to_string();
    assert!(error.contains("too many cues"), "{error}");
    let fewer =
        cues(1000, |_| "00:01.000 --> 00:02.000\n\n".into()) + "00:03.000 --> 00:04.000\nlast\n";
    let transcript = parse_webvtt(&fewer).unwrap();
    assert_eq!(transcript.lines.len(), 1);
    assert_eq!(transcript.warnings.len(), 101);
    assert_eq!(
        transcript.warnings[100].to_string(),
        "and 900 more problems of the same kinds"
    );
}

#[test]
fn long_names_titles_words_and_lines_are_cut_with_a_warning() {
    let name = "N".repeat(MAX_NAME_CHARS + 500);
    let vtt = format!(
        "WEBVTT\n\n00:01.000 --> 00:02.000\n<v {name}>Hello\n\n00:03.000 --> 00:04.000\n{}\n",
        "x".repeat(MAX_TEXT_BYTES + 10)
    );
    let transcript = parse_webvtt(&vtt).unwrap();
    assert_eq!(transcript.speakers[0].name.chars().count(), MAX_NAME_CHARS);
    assert_eq!(transcript.lines[1].text.len(), MAX_TEXT_BYTES);
    assert_eq!(
        shown(&transcript.warnings),
        [
            "line 6: the text is too long (1.0 MB); cut to the first 1.0 MB",
            "speaker 1: the name is 1,500 characters long; cut to the first 1,000",
        ]
    );
    let title = "é".repeat(3000);
    let chapters =
        format!(r#"{{"version":"1.2.0","chapters":[{{"startTime":0,"title":"{title}"}}]}}"#);
    let file = parse_json_chapters(&chapters, None).unwrap();
    assert_eq!(file.chapters[0].title.chars().count(), MAX_NAME_CHARS);
    assert_eq!(
        shown(&file.warnings),
        ["chapter 1: the title is 3,000 characters long; cut to the first 1,000"]
    );
    // A line built from words: each word and the words together limited.
    let long_word = "w".repeat(5000);
    let many: Vec<String> = (0..400_000)
        .map(|i| format!(r#"{{"start":{},"text":"abc"}}"#, i as f64 / 1000.0))
        .collect();
    let episode = format!(
        r#"{{"version":1,"transcript":[{{"start":0,"text":"a","words":[{{"start":0,"text":"{long_word}"}}]}},{{"start":1,"text":"b","words":[{}]}}]}}"#,
        many.join(",")
    );
    let episode = parse_episode_document(&episode).unwrap().episode;
    assert_eq!(episode.lines[0].words[0].text.len(), MAX_NAME_CHARS);
    assert_eq!(episode.lines[1].words.len(), MAX_TEXT_BYTES / 4);
    assert_eq!(
        shown(&episode.warnings),
        [
            "transcript[0]: a word is over 1,000 characters long; cut to the first 1,000",
            "transcript[1]: the words make a text longer than 1.0 MB; only the first 262,144 kept",
        ]
    );
}

#[test]
fn warnings_are_kept_to_a_hundred_per_file() {
    let bad = cues(10_000, |_| "00:01.000 --> nonsense\nx\n\n".into());
    let transcript = parse_webvtt(&format!("{bad}00:01.000 --> 00:02.000\nok\n")).unwrap();
    assert_eq!(transcript.warnings.len(), 101);
    assert_eq!(
        transcript.warnings.last().unwrap().to_string(),
        "and 9,900 more problems of the same kinds"
    );
    // The note counts the problems, not the messages.
    let named: Vec<Warning> = in_file("a.vtt", transcript.warnings.clone()).collect();
    assert_eq!(problem_count(&named), 10_000);
    let mut one_more = Warnings::new();
    for line in 0..=MAX_WARNINGS {
        one_more.push(Warning::at(Place::Line(line), "bad"));
    }
    let one_more = one_more.into_warnings();
    assert_eq!(problem_count(&one_more), MAX_WARNINGS + 1);
    assert_eq!(
        one_more.last().unwrap().to_string(),
        "and 1 more problem of the same kinds"
    );
    assert_scales(
        "bad cue timings",
        |n| cues(n, |_| "00:01.000 --> nonsense\nx\n\n".into()),
        parse_webvtt,
    );
}
