//! Podcast feeds read by the core (`core::feed`): the fixtures in
//! `tests/corpus/feed/` are original feeds in the shapes of the Podcasting
//! 2.0 namespace's documentation (`podcast:transcript`, `podcast:chapters`,
//! `podcast:person`, `podcast:soundbite`) and of hosts' feeds (iTunes
//! duration, `content:encoded` in CDATA, tracking-prefixed enclosures).

use std::fs;

use episode_viewer::core::error::Place;
use episode_viewer::core::feed::{iso_date, read_feed, EpisodeChoice, FeedEpisode, Person};
use episode_viewer::core::load::Reader;

fn fixture(name: &str) -> String {
    fs::read_to_string(format!(
        "{}/tests/corpus/feed/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn read(name: &str, choice: EpisodeChoice) -> FeedEpisode {
    read_feed(&fixture(name), &choice, Reader::Widget).unwrap()
}

fn error(text: &str, choice: EpisodeChoice) -> String {
    read_feed(text, &choice, Reader::Widget)
        .unwrap_err()
        .to_string()
}

#[test]
fn an_episode_chosen_by_guid_gives_everything_the_feed_says_of_it() {
    let episode = read("show.xml", EpisodeChoice::Guid("allotment-ep12-7f3a"));
    assert_eq!(
        episode.title.as_deref(),
        Some("Ep. 12: Compost that actually works")
    );
    assert_eq!(
        episode.podcast.as_deref(),
        Some("Field Notes from the Allotment")
    );
    assert_eq!(episode.published.as_deref(), Some("2026-12-01"));
    assert_eq!(episode.duration, Some(3723.0));
    assert_eq!(episode.language.as_deref(), Some("en-GB"));
    let urls: Vec<(&str, Option<&str>, Option<&str>)> = episode
        .transcripts
        .iter()
        .map(|file| {
            (
                file.url.as_str(),
                file.mime_type.as_deref(),
                file.language.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        urls,
        [
            (
                "https://allotment.example.org/ep12/transcript.vtt",
                Some("text/vtt"),
                Some("en-GB")
            ),
            (
                "https://allotment.example.org/ep12/transcript.de.json",
                Some("application/json"),
                Some("de")
            ),
            (
                "https://allotment.example.org/ep12/transcript.html",
                Some("text/html"),
                Some("en-GB")
            ),
        ]
    );
    let chapters = episode.chapters_file.unwrap();
    assert_eq!(
        chapters.url,
        "https://allotment.example.org/ep12/chapters.json"
    );
    assert_eq!(
        chapters.mime_type.as_deref(),
        Some("application/json+chapters")
    );
    // content:encoded (HTML from its CDATA) before the shorter description.
    let notes = episode.notes.unwrap();
    assert!(
        notes.starts_with("<p>Marta and Olu ask <b>Zoë Åkesson</b>"),
        "{notes}"
    );
    assert!(notes.contains("<li>31:10 Listener questions</li>"));
}

#[test]
fn an_items_people_replace_the_channels_and_a_nameless_one_is_a_warning() {
    let episode = read("show.xml", EpisodeChoice::Guid("allotment-ep12-7f3a"));
    assert_eq!(
        episode.people,
        [
            Person {
                name: "Marta Quist".into(),
                role: "host".into(),
                group: "cast".into(),
                img: Some("https://allotment.example.org/people/marta.jpg".into()),
                href: None,
            },
            Person {
                name: "Zoë Åkesson".into(),
                role: "guest".into(),
                group: "cast".into(),
                img: Some("https://compost.example.com/zoe.jpg".into()),
                href: Some("https://compost.example.com/zoe".into()),
            },
        ]
    );
    let warnings: Vec<String> = episode.warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings.contains(&"line 38: podcast:person has no name; left out".to_string()),
        "{warnings:?}"
    );
}

#[test]
fn an_item_without_people_has_the_channels_with_their_roles_lowercased() {
    let episode = read("show.xml", EpisodeChoice::Guid("allotment-ep11-c9d0"));
    let people: Vec<(&str, &str, &str, Option<&str>)> = episode
        .people
        .iter()
        .map(|person| {
            (
                person.name.as_str(),
                person.role.as_str(),
                person.group.as_str(),
                person.img.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        people,
        [
            (
                "Marta Quist",
                "host",
                "cast",
                Some("https://allotment.example.org/people/marta.jpg")
            ),
            ("Olu Bankole", "co-host", "cast", Some("people/olu.png")),
            ("Sami Ruiz", "editor", "audio post-production", None),
        ]
    );
    assert_eq!(episode.duration, Some(2710.0));
    // No content:encoded: the description is the notes.
    assert!(episode
        .notes
        .unwrap()
        .contains("(06:15) Saving tomato seed"));
    assert_eq!(
        episode.transcripts[0].mime_type.as_deref(),
        Some("text/plain")
    );
    assert!(episode.chapters_file.is_none());
    assert!(episode.soundbites.is_empty());
}

#[test]
fn soundbites_keep_their_times_and_titles_and_a_bad_one_is_a_warning() {
    let episode = read("show.xml", EpisodeChoice::Guid("allotment-ep12-7f3a"));
    let bites: Vec<(f64, f64, Option<&str>)> = episode
        .soundbites
        .iter()
        .map(|bite| (bite.start, bite.duration, bite.title.as_deref()))
        .collect();
    assert_eq!(
        bites,
        [
            (754.2, 41.5, Some("Why a compost heap needs air")),
            (2010.0, 60.0, None)
        ]
    );
    assert!(episode
        .warnings
        .iter()
        .any(|warning| warning.place == Place::Line(41)
            && warning
                .message
                .starts_with("podcast:soundbite needs a startTime and a duration")));
}

#[test]
fn the_media_the_page_plays_finds_its_item_after_a_redirect_by_address_or_file_name() {
    // The tracker redirected to the host's own address: same file name.
    let ep12 = read(
        "show.xml",
        EpisodeChoice::Media("https://media.allotment.example.org/ep12.mp3"),
    );
    assert_eq!(ep12.guid.as_deref(), Some("allotment-ep12-7f3a"));
    // The same address with another query, fragment or scheme.
    let ep11 = read(
        "show.xml",
        EpisodeChoice::Media("http://MEDIA.allotment.example.org/ep11.mp3?download=1#t=5"),
    );
    assert_eq!(ep11.guid.as_deref(), Some("allotment-ep11-c9d0"));
    let bonus = read(
        "show.xml",
        EpisodeChoice::Media("https://cdn2.example.net/outtakes/ep11.mp3"),
    );
    assert_eq!(bonus.title.as_deref(), Some("Bonus: the ep11 outtakes"));
    // Two items' media are named ep11.mp3: a third address is not enough.
    let message = error(
        &fixture("show.xml"),
        EpisodeChoice::Media("https://cache.example.com/a/ep11.mp3"),
    );
    assert!(message.starts_with("2 episodes of the feed have a media file named \"ep11.mp3\"; choose one with the element's episode attribute"), "{message}");
}

#[test]
fn an_episode_not_found_lists_the_first_ones_and_how_to_choose() {
    let message = error(&fixture("show.xml"), EpisodeChoice::Guid("allotment-ep13"));
    assert_eq!(
        message,
        "the feed has no episode whose guid is \"allotment-ep13\"; choose one with the element's episode attribute, set to its guid: \
         \"allotment-ep12-7f3a\" (Ep. 12: Compost that actually works), \"allotment-ep11-c9d0\" (Ep. 11: Seed swaps), (no guid) (Bonus: the ep11 outtakes)"
    );
    let message = error(
        &fixture("show.xml"),
        EpisodeChoice::Media("https://other.example/x.mp3"),
    );
    assert!(message.starts_with("no episode of the feed has the media the page plays (\"https://other.example/x.mp3\") as its enclosure; choose one"), "{message}");
    let cli = read_feed(&fixture("show.xml"), &EpisodeChoice::Only, Reader::Cli)
        .unwrap_err()
        .to_string();
    assert!(
        cli.starts_with(
            "the feed has 3 episodes; choose one with --episode GUID: \"allotment-ep12-7f3a\""
        ),
        "{cli}"
    );
    let mut many = String::from("<rss><channel>");
    for number in 0..12 {
        many.push_str(&format!("<item><guid>g{number}</guid></item>"));
    }
    many.push_str("</channel></rss>");
    let message = error(&many, EpisodeChoice::Guid("x"));
    assert!(message.ends_with("\"g3\", \"g4\" and 7 more"), "{message}");
}

#[test]
fn other_prefixes_and_the_specifications_address_name_the_same_namespaces() {
    let episode = read("prefixes.xml", EpisodeChoice::Only);
    assert_eq!(episode.duration, Some(2730.0));
    assert_eq!(episode.notes.as_deref(), Some("Owls, by night."));
    assert_eq!(episode.published.as_deref(), Some("2025-02-03"));
    assert_eq!(
        episode.transcripts.len(),
        1,
        "the other namespace's <transcript> is not read"
    );
    assert_eq!(episode.transcripts[0].url, "owls.srt");
    assert_eq!(episode.people[0].role, "guest");
    // A media URL differing in scheme, host case and fragment.
    let same = read(
        "prefixes.xml",
        EpisodeChoice::Media("https://nightshift.example.com/audio/owls.m4a"),
    );
    assert_eq!(same.title.as_deref(), Some("Owls"));
}

#[test]
fn rss_dates_become_the_day_written() {
    assert_eq!(
        iso_date("Fri, 09 Oct 2020 04:30:38 GMT").as_deref(),
        Some("2020-10-09")
    );
    assert_eq!(
        iso_date("9 Oct 2020 04:30 +0200").as_deref(),
        Some("2020-10-09")
    );
    assert_eq!(
        iso_date("Thu, 29 Feb 2024 00:00:00 EST").as_deref(),
        Some("2024-02-29")
    );
    assert_eq!(
        iso_date("Sun, 1 September 1999 12:00:00 GMT").as_deref(),
        Some("1999-09-01")
    );
    assert_eq!(iso_date("Fri, 29 Feb 2023 00:00:00 GMT"), None);
    assert_eq!(iso_date("2020-10-09"), None);
    assert_eq!(iso_date("Fri, 09 Oct"), None);
}

#[test]
fn people_meet_the_transcripts_speakers_by_name_or_a_unique_first_name() {
    use episode_viewer::core::formats::{apply_transcript, read_transcript, FileFormat};
    let (document, _) =
        read("show.xml", EpisodeChoice::Guid("allotment-ep11-c9d0")).into_document();
    let mut episode = document.episode;
    let vtt = "WEBVTT\n\n00:00.000 --> 00:04.000\n<v MARTA QUIST>Welcome back.\n\n\
               00:04.000 --> 00:08.000\n<v Olu>Seeds today.\n\n\
               00:08.000 --> 00:12.000\n<v Sami>And edits.\n\n\
               00:12.000 --> 00:16.000\n<v Caller>Hello?\n";
    apply_transcript(
        &mut episode,
        read_transcript(FileFormat::WebVtt, vtt).unwrap(),
    );
    type Known<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);
    let speakers: Vec<Known> = episode
        .speakers
        .iter()
        .map(|speaker| {
            (
                speaker.name.as_str(),
                speaker.role.as_deref(),
                speaker.img.as_deref(),
                speaker.href.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        speakers,
        [
            // Case ignored; the transcript's own spelling of the name stays.
            (
                "MARTA QUIST",
                Some("host"),
                Some("https://allotment.example.org/people/marta.jpg"),
                Some("https://allotment.example.org/about#marta")
            ),
            // A first name that only one person has.
            ("Olu", Some("co-host"), Some("people/olu.png"), None),
            ("Sami", Some("editor"), None, None),
            ("Caller", None, None, None),
        ]
    );
    // Accents are ignored too, and a first name two people share is no one's.
    let people = |names: &[&str]| {
        names
            .iter()
            .map(|name| episode_viewer::core::Speaker {
                name: name.to_string(),
                role: Some(format!("role of {name}")),
                ..Default::default()
            })
            .collect::<Vec<_>>()
    };
    let mut episode = episode_viewer::core::Episode {
        speakers: people(&["Zoë Åkesson", "Ana Lima", "Ana Souza"]),
        ..Default::default()
    };
    let vtt = "WEBVTT\n\n00:00.000 --> 00:01.000\n<v zoe akesson>Hi.\n\n00:01.000 --> 00:02.000\n<v Ana>Hi.\n\n\
               00:02.000 --> 00:03.000\n<v Zoë>Hi.\n";
    apply_transcript(
        &mut episode,
        read_transcript(FileFormat::WebVtt, vtt).unwrap(),
    );
    let roles: Vec<Option<&str>> = episode
        .speakers
        .iter()
        .map(|speaker| speaker.role.as_deref())
        .collect();
    assert_eq!(
        roles,
        [
            Some("role of Zoë Åkesson"),
            None,
            Some("role of Zoë Åkesson")
        ]
    );
}

#[test]
fn a_feeds_episode_crosses_between_the_modules_whole() {
    use episode_viewer::core::feed::boundary::{
        decode_feed, encode_feed, FeedReader, LinkedFeedReader,
    };
    let text = fixture("show.xml");
    for choice in [
        EpisodeChoice::Guid("allotment-ep12-7f3a"),
        EpisodeChoice::Guid("allotment-ep11-c9d0"),
        EpisodeChoice::Only,
    ] {
        let read = LinkedFeedReader.read(&text, &choice, Reader::Widget);
        assert_eq!(decode_feed(&encode_feed(&read)), read);
    }
    let (document, notes) = LinkedFeedReader
        .read(
            &text,
            &EpisodeChoice::Guid("allotment-ep12-7f3a"),
            Reader::Widget,
        )
        .unwrap();
    assert_eq!(document.episode.highlights.len(), 2);
    assert_eq!(document.transcript_files.len(), 3);
    assert!(notes.unwrap().contains("Browns and greens"));
    let broken = decode_feed("episode-viewer import 1;0;");
    assert!(broken
        .unwrap_err()
        .message
        .contains("is the import module from another build?"));
}
