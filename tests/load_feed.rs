//! The loader with a feed as its main file (the `feed` and `episode`
//! attributes), driven as the widget drives it: the feed read in the feed
//! module, its episode's files fetched as an episode JSON's are, the show
//! notes giving the chapters (and pinning an HTML transcript's estimate).

#[path = "common/web.rs"]
mod web;

use episode_viewer::core::load::attributes::WidgetAttributes;
use episode_viewer::core::load::{EpisodeRequest, LoadError};
use episode_viewer::core::{Episode, Timing};
use web::{load_from_web, FEED_MODULE, IMPORT_MODULE, PAGE};

/// Two episodes: one naming a WebVTT transcript, a chapters file, people
/// and a soundbite; one with only an HTML transcript and show notes with
/// topic times.
const FEED: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"
     xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
<channel>
  <title>Harbour Hours</title>
  <language>en</language>
  <podcast:person role="host" img="https://cdn.podcast.example/ana.jpg">Ana Lima</podcast:person>
  <item>
    <title>Tide tables</title>
    <guid isPermaLink="false">hh-2</guid>
    <enclosure url="https://media.podcast.example/hh-2.mp3" type="audio/mpeg" length="1"/>
    <itunes:duration>95</itunes:duration>
    <podcast:transcript url="hh-2/transcript.vtt" type="text/vtt"/>
    <podcast:chapters url="hh-2/chapters.json" type="application/json+chapters"/>
    <podcast:person role="host" img="https://cdn.podcast.example/ana.jpg">Ana Lima</podcast:person>
    <podcast:person role="guest" href="https://ben.example/">Ben Okafor</podcast:person>
    <podcast:soundbite startTime="4" duration="7.5">Late tables</podcast:soundbite>
  </item>
  <item>
    <title>Nets</title>
    <guid isPermaLink="false">hh-1</guid>
    <enclosure url="https://media.podcast.example/hh-1.mp3?source=feed" type="audio/mpeg" length="1"/>
    <itunes:duration>10:00</itunes:duration>
    <description><![CDATA[<p>Mending nets.</p><p>00:00 Welcome<br>05:00 The knots</p>]]></description>
    <podcast:transcript url="hh-1/transcript.html" type="text/html"/>
  </item>
</channel>
</rss>"#;

const VTT: &str = "WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n<v ana lima>Welcome back to the harbour.\n\n00:00:04.000 --> 00:00:11.500\n<v Ben>The tide tables came in late this year.\n";
const CHAPTERS: &str = r#"{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Harbour news"}, {"startTime": 60, "title": "Letters"}]}"#;
const HTML: &str = "<cite>Ana Lima:</cite>\n<p>Welcome. Today we mend nets on the quay, and we start with the tools.</p>\n\
    <cite>Ben Okafor:</cite>\n<p>The knots come first: a sheet bend holds when the net is wet.</p>\n\
    <cite>Ana Lima:</cite>\n<p>Then the knots, one by one, until the light goes.</p>\n";

fn site() -> Vec<(&'static str, &'static str, &'static str)> {
    vec![
        ("feed.xml", FEED, "application/rss+xml"),
        ("hh-2/transcript.vtt", VTT, "text/vtt"),
        ("hh-2/chapters.json", CHAPTERS, "application/json"),
        ("hh-1/transcript.html", HTML, "text/html"),
    ]
}

fn request(attributes: &[(&str, &str)], media: Option<&str>) -> EpisodeRequest {
    let attributes = WidgetAttributes::read(|name| {
        attributes
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.to_string())
    });
    attributes.episode_request(None, media.map(str::to_string))
}

fn load(request: EpisodeRequest) -> (Result<Episode, LoadError>, Vec<String>) {
    let (episode, fetched, _) = load_from_web(request, &site(), None);
    (episode, fetched)
}

#[test]
fn an_episode_chosen_by_guid_loads_the_files_its_feed_names() {
    let (episode, fetched) = load(request(&[("feed", "feed.xml"), ("episode", "hh-2")], None));
    let episode = episode.unwrap();
    assert_eq!(
        fetched,
        [
            format!("{PAGE}feed.xml"),
            FEED_MODULE.to_string(),
            format!("{PAGE}hh-2/transcript.vtt"),
            format!("{PAGE}hh-2/chapters.json"),
        ]
    );
    assert_eq!(episode.title.as_deref(), Some("Tide tables"));
    assert_eq!(episode.podcast.as_deref(), Some("Harbour Hours"));
    assert_eq!(episode.lines.len(), 2);
    // The transcript's speakers met the feed's people: by name ignoring
    // case, and by a first name only one of them has.
    type Met<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);
    let speakers: Vec<Met> = episode
        .speakers
        .iter()
        .map(|s| {
            (
                s.name.as_str(),
                s.role.as_deref(),
                s.img.as_deref(),
                s.href.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        speakers,
        [
            (
                "ana lima",
                Some("host"),
                Some("https://cdn.podcast.example/ana.jpg"),
                None
            ),
            ("Ben", Some("guest"), None, Some("https://ben.example/")),
        ]
    );
    let chapters: Vec<&str> = episode.chapters.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(chapters, ["Harbour news", "Letters"]);
    assert_eq!(episode.highlights.len(), 1);
    assert_eq!(
        (episode.highlights[0].start, episode.highlights[0].end),
        (4.0, 11.5)
    );
    assert_eq!(episode.highlights[0].title.as_deref(), Some("Late tables"));
}

#[test]
fn without_a_guid_the_media_the_page_plays_chooses_and_the_notes_give_chapters() {
    let media = "https://media.podcast.example/hh-1.mp3";
    let (episode, fetched) = load(request(&[("feed", "feed.xml")], Some(media)));
    let episode = episode.unwrap();
    assert_eq!(
        fetched,
        [
            format!("{PAGE}feed.xml"),
            FEED_MODULE.to_string(),
            format!("{PAGE}hh-1/transcript.html"),
            IMPORT_MODULE.to_string(),
        ]
    );
    assert_eq!(episode.title.as_deref(), Some("Nets"));
    assert_eq!(episode.timing, Timing::Estimated);
    let chapters: Vec<(f64, &str)> = episode
        .chapters
        .iter()
        .map(|c| (c.start, c.title.as_str()))
        .collect();
    assert_eq!(chapters, [(0.0, "Welcome"), (300.0, "The knots")]);
    assert_eq!(episode.lines.len(), 3);
    assert_eq!(episode.lines.last().unwrap().end, 600.0);
    // The channel's person (the item names none) met the transcript's.
    assert_eq!(episode.speakers[0].role.as_deref(), Some("host"));
}

#[test]
fn a_feed_that_cannot_say_which_episode_says_how_to_choose() {
    let (episode, _) = load(request(&[("feed", "feed.xml")], None));
    assert_eq!(
        episode.unwrap_err().message(),
        "\"feed.xml\": the feed has 2 episodes; choose one with the element's episode attribute, set to its guid: \
         \"hh-2\" (Tide tables), \"hh-1\" (Nets)"
    );
    let (episode, _) = load(request(
        &[("feed", "feed.xml")],
        Some("https://elsewhere.example/x.mp3"),
    ));
    assert!(episode.unwrap_err().message().starts_with(
        "\"feed.xml\": no episode of the feed has the media the page plays (\"https://elsewhere.example/x.mp3\") as its enclosure"
    ));
    let (episode, _) = load(request(
        &[("feed", "feed.xml"), ("src", "episode.json")],
        None,
    ));
    assert!(episode
        .unwrap_err()
        .message()
        .starts_with("the <episode-viewer> element has feed and also src or transcript"));
    let (episode, fetched) = load(request(&[("feed", "missing.xml")], None));
    assert!(matches!(episode, Err(LoadError::Fetch(_))));
    assert_eq!(fetched, [format!("{PAGE}missing.xml")]);
}
