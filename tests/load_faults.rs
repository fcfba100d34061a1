//! Every fault of a load says what and where: as the widget words it (for
//! servers and attributes) and as the CLI does (for files and arguments).

use std::collections::BTreeMap;

use episode_viewer::core::load::{EpisodeRequest, FileText, LoadError};

#[path = "common/site.rs"]
mod site;
#[path = "common/web.rs"]
mod web;
use site::{convert, folder_with, widget_request, CHAPTERS, ENGLISH_VTT, EPISODE};
use web::load_from_web;

/// Attributes, the files served, and what the message must say.
type Fault<'a> = (
    &'a [(&'a str, &'a str)],
    &'a [(&'a str, &'a str, &'a str)],
    &'a str,
);

#[test]
fn every_fault_names_what_and_where() {
    let faults: &[Fault] = &[
        (
            &[("src", "a.vtt"), ("transcript", "b.txt")],
            &[],
            "has both src and transcript",
        ),
        (&[], &[], "has no src attribute"),
        (
            &[("src", "missing.vtt")],
            &[],
            "could not load \"https://podcast.example/episodes/42/missing.vtt\"",
        ),
        (
            &[("src", "page.html")],
            &[("page.html", "<!doctype html><p>Hello</p>", "text/html")],
            "\"page.html\" is not a file this widget reads: the server sent a web page (text/html)",
        ),
        (
            &[("src", "e.json")],
            &[(
                "e.json",
                r#"{"version": 2, "transcript": []}"#,
                "application/json",
            )],
            "\"e.json\" is not a usable episode: version: unsupported version 2",
        ),
        (
            &[("src", "e.json")],
            &[(
                "e.json",
                r#"{"version": 1, "transcript": [{"url": "t.pdf", "type": "application/pdf"}]}"#,
                "application/json",
            )],
            "\"e.json\": none of its transcript files has a type this widget reads",
        ),
        (
            &[("src", "e.json")],
            &[(
                "e.json",
                r#"{"version": 1, "transcript": {"url": "data:text/vtt,WEBVTT"}}"#,
                "application/json",
            )],
            "\"data:text/vtt,WEBVTT\" is not a web address",
        ),
        (
            &[("src", "e.json")],
            &[
                (
                    "e.json",
                    r#"{"version": 1, "chapters": {"url": "c.json"}}"#,
                    "application/json",
                ),
                ("c.json", r#"{"version": "1.2.0"}"#, "application/json"),
            ],
            "\"c.json\" is not a usable JSON Chapters file",
        ),
        (
            &[("src", "t.vtt"), ("chapters", "c.json")],
            &[
                ("t.vtt", ENGLISH_VTT, "text/vtt"),
                ("c.json", "[1, 2]", "application/json"),
            ],
            "\"c.json\" is not a usable JSON Chapters file",
        ),
        (
            &[("transcript", "episode.json")],
            &[("episode.json", EPISODE, "application/json")],
            "\"episode.json\" is a episode JSON file, not a transcript; name it in src instead",
        ),
    ];
    for (attributes, files, expected) in faults {
        let (result, _, _) = load_from_web(widget_request(attributes, None), files, None);
        let error = result.expect_err(expected);
        assert!(
            error.message().contains(expected),
            "{:?} should say {expected:?}",
            error.message()
        );
    }
}

#[test]
fn the_cli_says_which_file_it_could_not_read_or_use() {
    let files = [
        ("episode.json", EPISODE, ""),
        ("transcript.en.vtt", "Welcome back to the harbour.\n", ""),
        ("chapters/chapters.json", CHAPTERS, ""),
    ];
    let folder = folder_with("faults", &files);
    let missing = convert(&folder, &["episode.json", "--language", "de"]).unwrap_err();
    let unusable = convert(&folder, &["episode.json", "--language", "en"]).unwrap_err();
    std::fs::remove_dir_all(&folder).unwrap();
    assert!(
        missing.contains("cannot read \"transcript.de.vtt\": no such file"),
        "{missing}"
    );
    assert!(
        unusable.contains("\"transcript.en.vtt\" is not a usable WebVTT file"),
        "{unusable}"
    );
}

#[test]
fn the_cli_words_its_faults_for_files_not_servers() {
    use episode_viewer::core::load::{load_without_media, FilePaths, Reader};
    let files: BTreeMap<&str, &str> = [
        ("notes.html", "<!doctype html><p>Hello</p>"),
        (
            "e.json",
            r#"{"version": 1, "transcript": {"url": "/site/t.vtt"}}"#,
        ),
    ]
    .into_iter()
    .collect();
    let load = |request: EpisodeRequest| {
        let main = request.src.clone().unwrap_or_default();
        load_without_media(request, FilePaths::beside(&main), |need| {
            let text = files
                .get(need.location.as_str())
                .ok_or_else(|| LoadError::Fetch(format!("cannot read \"{}\"", need.location)))?;
            Ok(FileText {
                text: text.to_string(),
                content_type: Some("text/html".to_string()),
                location: need.location.clone(),
            })
        })
        .unwrap_err()
        .message()
        .to_string()
    };
    let cli = |src: Option<&str>, transcript: Option<&str>| EpisodeRequest {
        src: src.map(str::to_string),
        transcript: transcript.map(str::to_string),
        reader: Reader::Cli,
        ..EpisodeRequest::default()
    };
    assert_eq!(
        load(cli(Some("notes.html"), None)),
        "\"notes.html\" is not a file this tool reads: expected episode JSON, WebVTT, SRT, Podcasting 2.0 JSON, an HTML transcript or JSON Chapters"
    );
    assert!(load(cli(Some("e.json"), None))
        .starts_with("\"/site/t.vtt\" is not a file beside the episode JSON"));
    assert!(load(cli(None, None)).starts_with("nothing to read"));
    assert!(load(cli(Some("a.vtt"), Some("b.txt"))).starts_with("give either a timed file"));
    assert_eq!(
        load(cli(Some("gone.vtt"), None)),
        "cannot read \"gone.vtt\""
    );
}
