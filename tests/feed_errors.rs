//! Feeds that are not feeds, or are hostile: each refused with a message
//! that says what and where (`core::feed`), never expanded, fetched or
//! held in memory beyond a bound.

use episode_viewer::core::feed::{read_feed, EpisodeChoice};
use episode_viewer::core::load::Reader;

fn error(text: &str, choice: EpisodeChoice) -> String {
    read_feed(text, &choice, Reader::Widget)
        .unwrap_err()
        .to_string()
}

#[test]
fn what_is_not_a_feed_is_named() {
    let page = "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body>Not Found</body></html>";
    assert_eq!(
        error(page, EpisodeChoice::Only),
        "not a feed: it is a web page (HTML), perhaps an error page or the podcast's site; expected an RSS feed (XML)"
    );
    assert!(error("{\"version\": 1}", EpisodeChoice::Only).starts_with("not a feed: it is JSON"));
    assert!(error("Not Found", EpisodeChoice::Only)
        .starts_with("not a feed: it does not begin with `<`"));
    assert_eq!(
        error(" \n", EpisodeChoice::Only),
        "the file is empty: expected an RSS feed"
    );
    let atom = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title></feed>";
    assert!(error(atom, EpisodeChoice::Only).starts_with("an Atom feed"));
    assert_eq!(
        error(
            "<?xml version=\"1.0\"?>\n<opml version=\"2.0\"/>",
            EpisodeChoice::Only
        ),
        "line 2: not an RSS feed: the document is a <opml>, expected <rss>"
    );
    assert_eq!(
        error("<rss version=\"2.0\"></rss>", EpisodeChoice::Only),
        "line 1: the <rss> element has no <channel>"
    );
    assert_eq!(
        error(
            "<rss><channel><title>t</title></channel></rss>",
            EpisodeChoice::Only
        ),
        "the feed lists no episodes (no <item> in its <channel>)"
    );
}

#[test]
fn broken_xml_is_placed_by_line_and_column() {
    let broken = "<rss>\n<channel>\n<item><title>A & B</title></item>\n</channel>\n</rss>";
    let message = error(broken, EpisodeChoice::Only);
    assert!(message.starts_with("line 3: not valid XML: "), "{message}");
    assert!(message.contains("(column "), "{message}");
    let unclosed = "<rss>\n<channel>\n<item>\n</channel>\n</rss>";
    assert!(error(unclosed, EpisodeChoice::Only).starts_with("line 4: not valid XML: "));
}

#[test]
fn entities_are_refused_not_expanded_and_a_plain_doctype_is_read() {
    let mut laughs =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
    for level in 1..10 {
        let previous = if level == 1 {
            "lol".to_string()
        } else {
            format!("lol{}", level - 1)
        };
        laughs.push_str(&format!(
            "<!ENTITY lol{level} \"{}\">\n",
            format!("&{previous};").repeat(10)
        ));
    }
    laughs.push_str("]>\n<rss><channel><item><title>&lol9;</title></item></channel></rss>");
    let message = error(&laughs, EpisodeChoice::Only);
    assert!(
        message.starts_with(
            "line 3: the feed's <!DOCTYPE> declares an entity: entities are refused, not expanded"
        ),
        "{message}"
    );
    let external = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [ <!ENTITY secret SYSTEM \"file:///etc/passwd\"> ]>\n<rss><channel><item><title>&secret;</title></item></channel></rss>";
    assert!(error(external, EpisodeChoice::Only)
        .starts_with("line 2: the feed's <!DOCTYPE> declares an entity"));
    // RSS 0.91 feeds name Netscape's DTD: nothing is fetched, the feed is read.
    let netscape = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n<rss version=\"0.91\"><channel><title>Old</title><item><title>One</title></item></channel></rss>";
    let episode = read_feed(netscape, &EpisodeChoice::Only, Reader::Widget).unwrap();
    assert_eq!(episode.title.as_deref(), Some("One"));
}

#[test]
fn a_feed_of_more_nodes_than_its_size_allows_is_refused() {
    let feed = |items: usize| format!("<rss><channel>{}</channel></rss>", "<item/>".repeat(items));
    // 20,000 nodes in 140 KB: one for every 7 bytes.
    assert_eq!(
        error(&feed(20_000), EpisodeChoice::Only),
        "the feed has too many XML nodes: more than 11,669 in 0.1 MB, where a real feed has about one for every 40 bytes"
    );
    // Any feed may have 10,000: its tree is small whatever its shape.
    assert!(error(&feed(9_990), EpisodeChoice::Only).starts_with("the feed has 9,990 episodes"));
    let mut huge = String::from("<rss><channel>");
    huge.push_str(
        &"<item><title>An episode with a long enough title</title></item>".repeat(300_000),
    );
    huge.push_str("</channel></rss>");
    let message = error(&huge, EpisodeChoice::Only);
    assert!(
        message.starts_with("the feed has too many XML nodes: more than 500,000 in 1"),
        "{message}"
    );
}

#[test]
fn an_html_entity_in_a_feed_says_what_xml_allows() {
    let text = "<rss><channel><item>\n<title>Caf&eacute;</title></item></channel></rss>";
    assert_eq!(
        error(text, EpisodeChoice::Only),
        "line 2: not valid XML: &eacute; at column 11 is not an XML entity (XML has only &amp; &lt; &gt; &quot; &apos;): \
         HTML in a feed must be escaped or inside <![CDATA[ ]]>"
    );
}
