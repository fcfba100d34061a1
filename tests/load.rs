//! The loader both ways: as the widget drives it (web URLs, Content-Types,
//! the media's duration) and as the CLI does (files beside each other, run
//! as the real `episode-viewer convert`). The same episode with references
//! must come out the same, warnings included. (Faults:
//! `tests/load_faults.rs`.)

use episode_viewer::core::import::boundary::{decode_import, encode_import};
use episode_viewer::core::import::{import_episode, ImportRequest};
use episode_viewer::core::load::attributes::ATTRIBUTES;
use episode_viewer::core::load::DurationWait;
use episode_viewer::core::parse_episode_json;
use episode_viewer::core::warnings::shown;

#[path = "common/site.rs"]
mod site;
#[path = "common/web.rs"]
mod web;
use site::{as_written, convert, folder_with, run_cli, site, widget_request};
use web::{load_from_web, IMPORT_MODULE, PAGE, PAUSES};

#[test]
fn the_widget_and_the_cli_load_an_episode_with_references_alike() {
    let (widget, fetched, waits) = load_from_web(
        widget_request(&[("src", " episode.json ")], Some("en")),
        &site(),
        None,
    );
    let widget = widget.unwrap();
    assert_eq!(
        fetched,
        [
            format!("{PAGE}episode.json"),
            format!("{PAGE}transcript.en.vtt"),
            format!("{PAGE}chapters/chapters.json"),
        ]
    );
    assert!(
        waits.is_empty(),
        "the episode gives its duration: {waits:?}"
    );
    let folder = folder_with("alike", &site());
    let (cli, cli_warnings) = convert(&folder, &["episode.json", "--language", "en"]).unwrap();
    std::fs::remove_dir_all(&folder).unwrap();

    // The page's language chose the English WebVTT, for both.
    assert_eq!(widget.lines.len(), 2, "{:?}", widget.lines);
    assert_eq!(
        widget.lines[1].text,
        "The tide tables came in late this year."
    );
    // Relative links are the one difference: absolute against the page in
    // the widget; in the episode JSON the CLI writes, relative to where it
    // is published (beside the main file), so still the same file.
    assert_eq!(
        widget.chapters[2].url.as_deref(),
        Some("https://podcast.example/episodes/42/chapters/letters.html")
    );
    assert_eq!(
        cli.chapters[2].url.as_deref(),
        Some("chapters/letters.html")
    );
    let mut cli = cli;
    cli.chapters[2].url.clone_from(&widget.chapters[2].url);
    assert_eq!(as_written(&widget), cli);

    assert_eq!(shown(&widget.warnings), cli_warnings);
    let expected = [
        "\"episode.json\" speaker \"Ben Okafor\": image \"javascript:alert(1)\" dropped",
        "\"transcript.en.vtt\" line 6: empty cue skipped",
        "\"chapters/chapters.json\" chapters[1]",
        "\"chapters/chapters.json\" chapter \"Tide tables\": image \"data:image/png;base64,AAAA\" dropped",
    ];
    assert_eq!(
        widget.warnings.len(),
        expected.len(),
        "{:?}",
        widget.warnings
    );
    for (warning, start) in widget.warnings.iter().zip(expected) {
        assert!(
            warning.to_string().starts_with(start),
            "{warning:?} should start {start:?}"
        );
    }
    assert_eq!(
        widget.speakers[0].img.as_deref(),
        Some("https://cdn.podcast.example/ana.jpg")
    );
    assert_eq!(widget.speakers[1].img, None);
}

#[test]
fn the_page_language_chooses_the_transcript_for_both() {
    let (widget, _, _) = load_from_web(
        widget_request(&[("src", "episode.json")], Some("de-AT")),
        &site(),
        None,
    );
    let folder = folder_with("language", &site());
    let (cli, _) = convert(&folder, &["episode.json", "--language", "de-AT"]).unwrap();
    let (unsaid, _) = convert(&folder, &["episode.json"]).unwrap();
    std::fs::remove_dir_all(&folder).unwrap();
    assert_eq!(widget.unwrap().lines[0].text, "Willkommen zurück im Hafen.");
    assert_eq!(cli.lines[0].text, "Willkommen zurück im Hafen.");
    // With no language said, the first WebVTT (not the episode's language).
    assert_eq!(unsaid.lines[0].text, "Willkommen zurück im Hafen.");
}

#[test]
fn an_html_transcript_waits_for_the_media_only_when_nothing_gives_the_length() {
    let html = "<cite>Ana Lima:</cite>\n<time>0:00</time>\n<p>Welcome back to the harbour, where the boats are in.</p>\n<cite>Ben Okafor:</cite>\n<time>0:30</time>\n<p>The tide tables came in late this year, and nobody knew.</p>\n";
    let files = [("transcript.html", html, "text/html")];
    let (episode, _, waits) = load_from_web(
        widget_request(&[("src", "transcript.html")], None),
        &files,
        Some(90.0),
    );
    assert_eq!(waits, [DurationWait::ForEstimate]);
    assert_eq!(episode.unwrap().lines.last().unwrap().end, 90.0);
    let attributes = [("src", "transcript.html"), ("duration", "1:20")];
    let (episode, _, waits) = load_from_web(widget_request(&attributes, None), &files, Some(90.0));
    assert!(waits.is_empty());
    assert_eq!(episode.unwrap().lines.last().unwrap().end, 80.0);
}

#[test]
fn an_open_last_chapter_ends_at_the_media_length() {
    let chapters = r#"{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "One"}, {"startTime": 40, "title": "Two"}]}"#;
    let files = [("chapters.json", chapters, "application/json")];
    let (episode, _, waits) = load_from_web(
        widget_request(&[("src", "chapters.json")], None),
        &files,
        Some(75.0),
    );
    assert_eq!(waits, [DurationWait::IfLoading]);
    assert_eq!(episode.unwrap().chapters[1].end, 75.0);
}

#[test]
fn the_element_observes_exactly_the_attributes_the_widget_reads() {
    let script = include_str!("../js/episode-viewer.js");
    let list = script
        .split_once("static observedAttributes = [")
        .and_then(|(_, rest)| rest.split_once(']'))
        .map(|(list, _)| list)
        .expect("the element's observedAttributes list");
    let observed: Vec<&str> = list
        .split(',')
        .map(|name| name.trim().trim_matches('"'))
        .filter(|name| !name.is_empty())
        .collect();
    assert_eq!(observed, ATTRIBUTES);
}

#[test]
fn the_cli_rebases_links_to_the_main_file_and_names_files_by_their_names() {
    let files: Vec<_> = site()
        .into_iter()
        .map(|(path, text, content_type)| (format!("show/{path}"), text, content_type))
        .collect();
    let borrowed: Vec<(&str, &str, &str)> = files
        .iter()
        .map(|(path, text, content_type)| (path.as_str(), *text, *content_type))
        .collect();
    let folder = folder_with("rebased", &borrowed);
    let (episode, warnings) = convert(&folder, &["show/episode.json", "--language", "en"]).unwrap();
    std::fs::remove_dir_all(&folder).unwrap();
    assert_eq!(
        episode.chapters[2].url.as_deref(),
        Some("chapters/letters.html")
    );
    assert!(
        warnings[0].starts_with("\"episode.json\" speaker \"Ben Okafor\""),
        "{warnings:?}"
    );
}

#[test]
fn only_an_import_loads_the_import_module_and_both_ways_read_it_alike() {
    let (_, fetched, _) = load_from_web(
        widget_request(&[("src", "episode.json")], Some("en")),
        &site(),
        None,
    );
    assert!(
        !fetched.iter().any(|url| url == IMPORT_MODULE),
        "{fetched:?}"
    );

    let transcript = "Ana Lima: Welcome back to the harbour, where the boats are in. It has been a long winter.\n\nBen Okafor: The tide tables came in late this year, and nobody knew why.\n\nAna Lima: Nobody ever knows why. The tables, late, again.\n\nBen Okafor: Again, and again.\n";
    let notes = "Tide Tables\n\n00:00 Welcome back\n01:00 The tables, late\n";
    let files = [
        ("transcript.txt", transcript, "text/plain"),
        ("notes.txt", notes, "text/plain"),
    ];
    let attributes = [
        ("transcript", "transcript.txt"),
        ("notes", "notes.txt"),
        ("duration", "2:00"),
    ];
    let (widget, fetched, _) = load_from_web(widget_request(&attributes, None), &files, None);
    let widget = widget.unwrap();
    assert_eq!(
        fetched.iter().filter(|url| *url == IMPORT_MODULE).count(),
        1,
        "{fetched:?}"
    );
    let folder = folder_with("import", &files);
    let args = [
        "import",
        "--transcript",
        "transcript.txt",
        "--notes",
        "notes.txt",
        "--duration",
        "2:00",
    ];
    let (cli, cli_warnings) = run_cli(&folder, &args).unwrap();
    std::fs::remove_dir_all(&folder).unwrap();
    assert!(widget.lines.len() >= 4, "{:?}", widget.lines);
    assert_eq!(widget.speakers.len(), 2, "{:?}", widget.speakers);
    assert_eq!(widget.title.as_deref(), Some("Tide Tables"));
    assert_eq!(widget.chapters.len(), 2, "{:?}", widget.chapters);
    assert_eq!(as_written(&widget), cli);
    assert_eq!(shown(&widget.warnings), cli_warnings);
}

#[test]
fn an_import_is_handed_over_whole() {
    let transcript = "Ana Lima: Welcome back, at 0:10 sharp. It has been a long winter in Tromsø; 12 °C — “cold”.\n\n[1:05] Ben Okafor: The tables came late.\n\nAna Lima:\n";
    let request = ImportRequest {
        transcript: Some(episode_viewer::core::import::NamedText {
            name: "t.txt",
            text: transcript,
        }),
        notes: Some(episode_viewer::core::import::NamedText {
            name: "notes.html",
            text: "<h1>Tides</h1><p>00:00 Welcome</p><p>1:00 Tables</p><p>9:99 Broken</p>",
        }),
        duration: None,
        chapter_pins: true,
    };
    let direct = import_episode(&request);
    let episode = direct.as_ref().unwrap();
    assert!(!episode.warnings.is_empty(), "the fixture should warn");
    assert_eq!(decode_import(&encode_import(&direct)), direct);
    let failed = import_episode(&ImportRequest::default());
    assert!(failed.is_err());
    assert_eq!(decode_import(&encode_import(&failed)), failed);
    assert!(decode_import("{\"Ok\": 3}")
        .unwrap_err()
        .to_string()
        .contains("could not be read"));
    // Every cut of the text, and anything after it, is refused whole.
    let encoded = encode_import(&direct);
    for end in (0..encoded.len()).filter(|&end| encoded.is_char_boundary(end)) {
        let refused = decode_import(&encoded[..end]).unwrap_err();
        assert!(refused.message.contains("could not be read"), "{end}");
    }
    assert!(decode_import(&format!("{encoded}0;")).is_err());
}

#[test]
fn a_long_episode_json_is_read_in_steps_with_the_page_given_its_turn_between() {
    let line = |index: usize| {
        format!(
            r#"{{"start": {index}, "text": "Line {index}: {}", "words": [{{"start": {index}, "text": "Line"}}]}}"#,
            "words ".repeat(20)
        )
    };
    let lines: Vec<String> = (0..8000).map(line).collect();
    let long = format!(r#"{{"version": 1, "transcript": [{}]}}"#, lines.join(", "));
    assert!(long.len() > 1_000_000, "{} bytes", long.len());
    let short = format!(
        r#"{{"version": 1, "transcript": [{}]}}"#,
        lines[..300].join(", ")
    );
    for (text, expected_pauses) in [(&long, 4..=8), (&short, 0..=0)] {
        PAUSES.with(|pauses| pauses.set(0));
        let (loaded, _, _) = load_from_web(
            widget_request(&[("src", "episode.json")], None),
            &[("episode.json", text, "application/json")],
            None,
        );
        let pauses = PAUSES.with(std::cell::Cell::get);
        assert!(
            expected_pauses.contains(&pauses),
            "{pauses} pauses for {} bytes",
            text.len()
        );
        assert_eq!(loaded.unwrap(), parse_episode_json(text).unwrap());
    }
}
