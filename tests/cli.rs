//! The `episode-viewer` command-line tool, run as a user would.

use std::process::{Command, Output};

use episode_viewer::core::episode_json::parse_episode_document;
use episode_viewer::core::formats::webvtt::parse_webvtt;
use episode_viewer::core::{parse_episode_json, Timing};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_episode-viewer"))
        .args(args)
        .current_dir(CORPUS)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn import_writes_an_estimated_episode() {
    let output = run(&[
        "import",
        "--transcript",
        "import/transcript.txt",
        "--notes",
        "import/shownotes.txt",
        "--duration",
        "17:30",
        "--title",
        "The Last Lighthouse Keeper",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let episode = parse_episode_json(&stdout(&output)).unwrap();
    assert_eq!(episode.timing, Timing::Estimated);
    assert_eq!(episode.title.as_deref(), Some("The Last Lighthouse Keeper"));
    assert_eq!(episode.chapters.len(), 9);
    assert_eq!(episode.lines.last().unwrap().end, 1050.0);
    assert!(
        stderr(&output)
            .contains("50 lines, 3 speakers, 9 chapters, times estimated, ending at 17:30"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn convert_goes_to_episode_json_and_back_to_webvtt() {
    let dir = std::env::temp_dir().join(format!("episode-viewer-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let json_path = dir.join("episode.json");
    let json_path = json_path.to_str().unwrap();
    let output = run(&["convert", "vtt/inline-timestamps.vtt", "-o", json_path]);
    assert!(output.status.success(), "{}", stderr(&output));
    let episode = parse_episode_json(&std::fs::read_to_string(json_path).unwrap()).unwrap();
    let original = parse_webvtt(
        &std::fs::read_to_string(format!("{CORPUS}/vtt/inline-timestamps.vtt")).unwrap(),
    )
    .unwrap();
    assert_eq!(episode.lines.len(), original.lines.len());
    assert!(episode.lines.iter().any(|line| !line.words.is_empty()));

    let output = run(&["convert", json_path]);
    assert!(output.status.success(), "{}", stderr(&output));
    let vtt = stdout(&output);
    assert!(vtt.starts_with("WEBVTT\n"));
    let again = parse_webvtt(&vtt).unwrap();
    let texts = |lines: &[episode_viewer::core::Line]| -> Vec<String> {
        lines.iter().map(|line| line.display_text().text).collect()
    };
    assert_eq!(texts(&again.lines), texts(&original.lines));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn check_reports_errors_with_line_numbers_and_exit_code_1() {
    let output = run(&["check", "srt/messy.srt"]);
    assert_eq!(output.status.code(), Some(1));
    let report = stdout(&output);
    assert!(
        report.contains("srt/messy.srt: error: line 23: empty cue skipped"),
        "{report}"
    );
    assert!(
        report.contains("srt/messy.srt: error: line 31: starts at 6, before the line above it (7)"),
        "{report}"
    );
    assert!(report.contains("srt/messy.srt: warning: line 27: starts at 0:07, before the one at line 31 ends (0:08): they overlap"), "{report}");
    assert!(
        report.contains("SRT (5 lines, 0 chapters): 5 errors, 1 warning"),
        "{report}"
    );
}

#[test]
fn check_passes_a_clean_file_and_follows_an_episodes_files() {
    let dir = std::env::temp_dir().join(format!("episode-viewer-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(format!("{CORPUS}/vtt/voices.vtt"), dir.join("episode.vtt")).unwrap();
    std::fs::write(
        dir.join("episode.json"),
        r#"{ "version": 1, "transcript": { "url": "episode.vtt", "type": "text/vtt" } }"#,
    )
    .unwrap();
    let output = run(&["check", dir.join("episode.json").to_str().unwrap()]);
    let report = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{report}");
    assert!(
        report.contains("episode.json: episode JSON (0 lines, 0 chapters): 0 errors, 0 warnings"),
        "{report}"
    );
    assert!(
        report.contains("episode.vtt: WebVTT ("),
        "the referenced file is checked too: {report}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_usage_exits_2_and_help_has_examples() {
    let output = run(&["import"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("import needs --transcript, --notes or both"));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(
        run(&["import", "--duration", "soon", "--transcript", "x"])
            .status
            .code(),
        Some(2)
    );
    let help = stdout(&run(&["--help"]));
    assert!(
        help.contains("Examples:") && help.contains("episode-viewer check"),
        "{help}"
    );
    let help = stdout(&run(&["help", "import"]));
    assert!(help.contains("--no-chapter-pins"), "{help}");
    let missing = run(&["convert", "no-such-file.vtt"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("cannot read \"no-such-file.vtt\": no such file"));
}

#[test]
fn import_reads_a_timed_transcript_as_the_widget_does() {
    // A WebVTT file named as the transcript is read as WebVTT (voices,
    // cue times), not as plain text, with the notes giving its chapters.
    let output = run(&[
        "import",
        "--transcript",
        "vtt/voices.vtt",
        "--notes",
        "real/runon-notes-rooftop-bees.txt",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let episode = parse_episode_json(&stdout(&output)).unwrap();
    let from_vtt =
        parse_webvtt(&std::fs::read_to_string(format!("{CORPUS}/vtt/voices.vtt")).unwrap())
            .unwrap();
    assert_eq!(episode.timing, Timing::Exact);
    assert_eq!(episode.lines.len(), from_vtt.lines.len());
    assert!(episode.lines.iter().all(|line| !line.text.contains("-->")));
    assert_eq!(episode.chapters.len(), 5);
}

#[test]
fn the_html_transcript_and_tool_exports_are_imported_converted_and_checked() {
    let output = run(&[
        "import",
        "--transcript",
        "real/p20-html-timed.html",
        "--duration",
        "2:30",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let episode = parse_episode_json(&stdout(&output)).unwrap();
    assert_eq!(episode.timing, Timing::Estimated);
    assert_eq!(episode.speakers.len(), 2);
    for file in [
        "real/whisperx-diarized.json",
        "real/youtube-captions.sbv",
        "real/zoom-transcript.vtt",
    ] {
        let output = run(&["convert", file]);
        assert!(output.status.success(), "{file}: {}", stderr(&output));
        assert!(
            !parse_episode_json(&stdout(&output))
                .unwrap()
                .lines
                .is_empty(),
            "{file}"
        );
    }
    for file in [
        "real/otter-export.txt",
        "real/descript-export.txt",
        "real/p20-html-untimed.html",
        "real/whispercpp-oj.json",
        "real/youtube-captions.sbv",
    ] {
        let output = run(&["check", file]);
        assert!(
            output.status.success(),
            "{file}: {}{}",
            stdout(&output),
            stderr(&output)
        );
    }
}

// `import --feed` on the original feeds in `tests/corpus/feed/`; what it
// writes is read back as the widget reads an episode JSON.

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
    let document = parse_episode_document(&stdout(&output)).unwrap();
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
    let document = parse_episode_document(&stdout(&output)).unwrap();
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
