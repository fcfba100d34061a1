//! What the header and the speaker colours are built from: the title the
//! show notes open with, a JSON Chapters file's `title` and `podcastName`,
//! the order in which speakers first speak, and the media's length ending
//! an open last chapter.

use episode_viewer::core::formats::json_chapters::parse_json_chapters;
use episode_viewer::core::import::{import_episode, ImportRequest, NamedText};
use episode_viewer::core::{parse_episode_json, Episode};

fn notes_title(notes: &str) -> Option<String> {
    import_episode(&ImportRequest {
        notes: Some(NamedText {
            name: "notes.txt",
            text: notes,
        }),
        duration: Some(1800.0),
        ..ImportRequest::default()
    })
    .unwrap()
    .title
}

#[test]
fn show_notes_give_the_title_they_open_with() {
    let notes = "Reading Along: Transcripts That Follow the Audio\n\nMaya talks with Tomas.\n\n- Welcome (00:00)\n- Why publish? (00:22)\n";
    assert_eq!(
        notes_title(notes).as_deref(),
        Some("Reading Along: Transcripts That Follow the Audio")
    );
    // Blank lines before it, a question for a title, CRLF line ends.
    assert_eq!(
        notes_title("\r\n  Why do bees dance?  \r\n\r\n00:00 Intro\r\n").as_deref(),
        Some("Why do bees dance?")
    );
}

#[test]
fn show_notes_without_a_title_line_give_none() {
    let cases = [
        // A sentence, not a title.
        "We talk about bees this week.\n\n00:00 Intro\n",
        // A lead-in.
        "In this episode:\n\n00:00 Intro\n",
        // A chapter on the first line.
        "00:00 Intro\n\n05:00 Bees\n",
        "Intro (00:00)\n\nBees (05:00)\n",
        // Running on into the next line: a paragraph.
        "Bees and the people who keep them\nare the subject today\n\n00:00 Intro\n",
        // Section labels.
        "Chapters\n\n00:00 Intro\n",
        "Show notes\n\n00:00 Intro\n",
        "Links\n\nhttps://example.com\n",
        // A bullet, a link.
        "- Welcome\n\n00:00 Intro\n",
        "https://example.com/episode-12\n\n00:00 Intro\n",
    ];
    for notes in cases {
        assert_eq!(notes_title(notes), None, "{notes:?}");
    }
}

#[test]
fn a_chapters_file_names_the_episode_and_the_podcast_only_where_nothing_else_does() {
    let file = r#"{"version": "1.2.0", "title": " Reading Along ", "podcastName": "Open Airwaves",
        "chapters": [{"startTime": 0, "title": "Welcome"}, {"startTime": 30, "title": "Why"}]}"#;
    let mut bare = Episode::default();
    parse_json_chapters(file, None)
        .unwrap()
        .replace_chapters_of(&mut bare);
    assert_eq!(bare.title.as_deref(), Some("Reading Along"));
    assert_eq!(bare.podcast.as_deref(), Some("Open Airwaves"));
    assert_eq!(bare.chapters.len(), 2);

    let mut named = Episode {
        title: Some("The episode's own title".to_string()),
        ..Episode::default()
    };
    parse_json_chapters(file, None)
        .unwrap()
        .replace_chapters_of(&mut named);
    assert_eq!(named.title.as_deref(), Some("The episode's own title"));
    assert_eq!(named.podcast.as_deref(), Some("Open Airwaves"));

    let untitled = parse_json_chapters(
        r#"{"version": "1.2.0", "title": "  ", "chapters": []}"#,
        None,
    )
    .unwrap();
    assert_eq!(untitled.title, None);
    // A name that is not text is a warning, not a lost file.
    let odd = parse_json_chapters(
        r#"{"version": "1.2.0", "title": 42, "chapters": [{"startTime": 0, "title": "Intro"}]}"#,
        None,
    )
    .unwrap();
    assert_eq!((odd.title, odd.chapters.len()), (None, 1));
    assert_eq!(odd.warnings.len(), 1, "{:?}", odd.warnings);
    assert!(
        odd.warnings[0].to_string().contains("title"),
        "{:?}",
        odd.warnings
    );
}

#[test]
fn speakers_are_placed_in_the_order_they_first_speak() {
    let episode = parse_episode_json(
        r#"{"version": 1, "speakers": {"jo": {"name": "Jo"}, "maya": {"name": "Maya"},
            "tomas": {"name": "Tomas"}, "guest": {"name": "Silent guest"}},
          "transcript": [
            {"start": 0, "end": 1, "speaker": "maya", "text": "Hello."},
            {"start": 1, "end": 2, "speaker": "tomas", "text": "Hi."},
            {"start": 2, "end": 3, "speaker": "maya", "text": "And Jo."},
            {"start": 3, "end": 4, "speaker": "jo", "text": "Hi."}
          ]}"#,
    )
    .unwrap();
    let place = |name: &str| {
        let index = episode
            .speakers
            .iter()
            .position(|speaker| speaker.name == name)
            .unwrap();
        episode.speaker_order()[index]
    };
    assert_eq!(
        [
            place("Maya"),
            place("Tomas"),
            place("Jo"),
            place("Silent guest")
        ],
        [0, 1, 2, 3]
    );
}

#[test]
fn the_media_length_ends_an_open_last_chapter() {
    let mut episode = Episode::default();
    parse_json_chapters(
        r#"{"version": "1.2.0", "chapters": [{"startTime": 0}, {"startTime": 129.2}]}"#,
        None,
    )
    .unwrap()
    .replace_chapters_of(&mut episode);
    assert_eq!(episode.chapters[1].end, 129.2, "no end without a length");
    episode.end_at(f64::NAN);
    assert_eq!(episode.duration, None);
    episode.end_at(142.5);
    assert_eq!(episode.duration, Some(142.5));
    assert_eq!(
        (episode.chapters[0].end, episode.chapters[1].end),
        (129.2, 142.5)
    );
}
