//! The Podcasting 2.0 HTML transcript: `<cite>`, `<time>` and `<p>` per
//! monologue, read with the times as known times and sentences estimated
//! between them.

use episode_viewer::core::formats::{detect_format, FileFormat};
use episode_viewer::core::import::transcript_file::read_transcript_source;
use episode_viewer::core::import::{ImportRequest, NamedText};
use episode_viewer::core::{Episode, Timing};

const TIMED: &str = "<cite>Kevin:</cite>\n<time>0:00</time>\n<p>We have an update planned for the harbour webcam this spring. It should be ready by May.</p>\n<cite>Alban :</cite>\n<time>0:09</time>\n<p>You&#39;re making me nervous with a &quot;cool feature&quot; again.</p><p>Last time the camera pointed at a wall for a week.</p>\n<cite>Kevin:</cite>\n<time>0:21</time>\n<p>That was the wind, not the software. We bolted it down since.</p>\n";

fn read(text: &str, duration: Option<f64>) -> Episode {
    read_transcript_source(&ImportRequest {
        transcript: Some(NamedText {
            name: "t.html",
            text,
        }),
        duration,
        ..ImportRequest::default()
    })
    .unwrap()
}

#[test]
fn an_html_transcript_is_told_from_its_content() {
    assert_eq!(detect_format(None, TIMED), Some(FileFormat::HtmlTranscript));
    assert_eq!(
        detect_format(
            Some("text/html"),
            "<html><body><p>Not found</p></body></html>"
        ),
        None,
        "a web page without <cite> or <time> is not a transcript"
    );
}

#[test]
fn monologue_times_are_known_times_and_sentences_are_estimated_between() {
    let episode = read(TIMED, Some(40.0));
    assert_eq!(episode.timing, Timing::Estimated);
    let names: Vec<&str> = episode.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Kevin", "Alban"]);
    let lines: Vec<(&str, f64, bool, &str)> = episode
        .lines
        .iter()
        .map(|line| {
            (
                names[line.speaker.unwrap()],
                (line.start * 100.0).round() / 100.0,
                line.estimated,
                line.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        lines[0],
        (
            "Kevin",
            0.0,
            false,
            "We have an update planned for the harbour webcam this spring."
        )
    );
    assert_eq!(lines[1].0, "Kevin");
    assert!(lines[1].2 && lines[1].1 > 0.0 && lines[1].1 < 9.0);
    assert_eq!(
        lines[2],
        (
            "Alban",
            9.0,
            false,
            "You're making me nervous with a \"cool feature\" again."
        )
    );
    assert_eq!(
        lines[3].3,
        "Last time the camera pointed at a wall for a week."
    );
    assert!(
        episode.lines[3].paragraph,
        "a second <p> of a monologue is a paragraph"
    );
    assert_eq!(
        lines[4],
        ("Kevin", 21.0, false, "That was the wind, not the software.")
    );
    assert!(episode.warnings.is_empty(), "{:?}", episode.warnings);
}

#[test]
fn an_html_transcript_without_times_is_estimated_from_start_to_end() {
    let untimed = TIMED
        .replace("<time>0:09</time>", "")
        .replace("<time>0:00</time>", "")
        .replace("<time>0:21</time>", "");
    let episode = read(&untimed, Some(40.0));
    assert_eq!(episode.lines.len(), 6);
    assert!(episode.lines.iter().skip(1).all(|line| line.estimated));
    assert!(episode.lines.last().unwrap().end <= 40.0);
}

#[test]
fn a_bad_time_is_a_warning_that_names_its_line() {
    let episode = read(
        "<cite>Kevin:</cite>\n<time>soon</time>\n<p>Hello there, everyone listening.</p>",
        Some(10.0),
    );
    assert_eq!(episode.lines.len(), 1);
    assert!(
        episode
            .warnings
            .iter()
            .any(|w| w.to_string() == "\"t.html\" line 2: \"soon\" is not a time; ignored"),
        "{:?}",
        episode.warnings
    );
}

#[test]
fn an_element_of_the_page_is_a_transcript_without_a_heading_a_web_page_is_not() {
    let markup = "<p><strong>Maya Ortiz:</strong> Welcome to the show.</p>\n<p><strong>Jo Kim:</strong> Glad to be here.</p>\n<p><strong>Maya Ortiz:</strong> Let us begin.</p>\n<p><strong>Jo Kim:</strong> Gladly.</p>";
    let read_as = |name| {
        read_transcript_source(&ImportRequest {
            transcript: Some(NamedText { name, text: markup }),
            duration: Some(30.0),
            ..ImportRequest::default()
        })
    };
    let element = read_as("#transcript").unwrap();
    let speakers: Vec<&str> = element
        .speakers
        .iter()
        .map(|speaker| speaker.name.as_str())
        .collect();
    assert_eq!(speakers, ["Maya Ortiz", "Jo Kim"]);
    assert_eq!(element.lines.len(), 4);
    let page = read_as("episode.html").unwrap_err();
    assert!(
        page.contains("is not a transcript: it is a web page"),
        "{page}"
    );
}
