//! `episode-viewer import --feed`, run as a user would, on the original
//! feeds in `tests/corpus/feed/`; what it writes is read back as the
//! widget reads an episode JSON.

use std::process::{Command, Output};

use episode_viewer::core::episode_json::parse_episode_document;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_episode-viewer"))
        .args(args)
        .current_dir(CORPUS)
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn an_episode_with_files_becomes_episode_json_naming_them() {
    let output = run(&[
        "import",
        "--feed",
        "feed/show.xml",
        "--episode",
        "allotment-ep12-7f3a",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let document = parse_episode_document(&String::from_utf8_lossy(&output.stdout)).unwrap();
    let episode = &document.episode;
    assert_eq!(
        episode.title.as_deref(),
        Some("Ep. 12: Compost that actually works")
    );
    assert_eq!(episode.published.as_deref(), Some("2026-12-01"));
    assert_eq!(episode.duration, Some(3723.0));
    let speakers: Vec<(&str, Option<&str>, Option<&str>)> = episode
        .speakers
        .iter()
        .map(|speaker| {
            (
                speaker.name.as_str(),
                speaker.role.as_deref(),
                speaker.href.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        speakers,
        [
            ("Marta Quist", Some("host"), None),
            (
                "Zoë Åkesson",
                Some("guest"),
                Some("https://compost.example.com/zoe")
            )
        ]
    );
    let highlights: Vec<(f64, f64, Option<&str>)> = episode
        .highlights
        .iter()
        .map(|highlight| (highlight.start, highlight.end, highlight.title.as_deref()))
        .collect();
    assert_eq!(
        highlights,
        [
            (754.2, 795.7, Some("Why a compost heap needs air")),
            (2010.0, 2070.0, None)
        ]
    );
    assert_eq!(document.transcript_files.len(), 3);
    assert_eq!(document.transcript_files[1].language.as_deref(), Some("de"));
    assert_eq!(
        document.chapters_file.unwrap().url,
        "https://allotment.example.org/ep12/chapters.json"
    );
    let messages = stderr(&output);
    assert!(
        messages.contains("warning: \"show.xml\" line 38: podcast:person has no name; left out"),
        "{messages}"
    );
    assert!(messages.contains(
        "\"Ep. 12: Compost that actually works\" (allotment-ep12-7f3a): 3 transcript files, chapters from https://allotment.example.org/ep12/chapters.json, 2 people, 2 highlights"
    ), "{messages}");
}

#[test]
fn without_a_chapters_file_the_show_notes_give_the_chapters() {
    let output = run(&[
        "import",
        "--feed",
        "feed/show.xml",
        "--episode",
        "allotment-ep11-c9d0",
        "--title",
        "Seed swaps",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let document = parse_episode_document(&String::from_utf8_lossy(&output.stdout)).unwrap();
    let chapters: Vec<(f64, f64, &str)> = document
        .episode
        .chapters
        .iter()
        .map(|chapter| (chapter.start, chapter.end, chapter.title.as_str()))
        .collect();
    assert_eq!(
        chapters,
        [
            (0.0, 375.0, "Intro"),
            (375.0, 1720.0, "Saving tomato seed"),
            (1720.0, 2710.0, "The swap table")
        ]
    );
    assert_eq!(document.episode.title.as_deref(), Some("Seed swaps"));
    // The channel's people, as the item names none.
    assert_eq!(document.episode.speakers.len(), 3);
    assert!(
        stderr(&output)
            .contains("1 transcript file, 3 chapters from the show notes, 3 people, 0 highlights"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_feed_of_many_episodes_needs_one_chosen_and_bad_feeds_are_named() {
    let output = run(&["import", "--feed", "feed/show.xml"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).starts_with(
        "episode-viewer: \"show.xml\": the feed has 3 episodes; choose one with --episode GUID: \"allotment-ep12-7f3a\" (Ep. 12: Compost that actually works)"
    ), "{}", stderr(&output));
    let output = run(&["import", "--feed", "feed/show.xml", "--episode", "nope"]);
    assert!(stderr(&output).starts_with(
        "episode-viewer: \"show.xml\": the feed has no episode whose guid is \"nope\""
    ));
    let output = run(&["import", "--feed", "import/transcript.txt"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with(
            "episode-viewer: \"transcript.txt\": not a feed: it does not begin with `<`"
        ),
        "{}",
        stderr(&output)
    );
    let output = run(&[
        "import",
        "--feed",
        "feed/show.xml",
        "--notes",
        "import/shownotes.txt",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let output = run(&[
        "import",
        "--episode",
        "x",
        "--notes",
        "import/shownotes.txt",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--episode chooses an episode of a --feed"));
}
