//! Only web links and images from input files: http, https and relative
//! URLs, resolved against their file; everything else dropped with a warning.

use episode_viewer::core::links::{http_url, settle_links, url_kind, UrlKind};
use episode_viewer::core::warnings::shown;
use episode_viewer::core::{Chapter, Speaker};

#[test]
fn http_and_https_only() {
    assert_eq!(
        http_url("https://example.org/a?b#c"),
        Some("https://example.org/a?b#c")
    );
    assert_eq!(http_url(" HTTP://example.org "), Some("HTTP://example.org"));
    for bad in [
        "javascript:alert(1)",
        "JavaScript://example.org/%0Aalert(1)",
        "data:image/png;base64,AAAA",
        "/relative/path.png",
        "example.org",
        "https:",
        "https://",
        "https:///path",
        "ftp://example.org",
        "",
    ] {
        assert_eq!(http_url(bad), None, "{bad}");
    }
}

#[test]
fn urls_are_read_as_a_browser_reads_them() {
    let web = |url: &str| UrlKind::Web(url.to_string());
    let relative = |url: &str| UrlKind::Relative(url.to_string());
    assert_eq!(
        url_kind("https://example.org/a.png"),
        web("https://example.org/a.png")
    );
    assert_eq!(
        url_kind("  http://example.org/ "),
        web("http://example.org/")
    );
    assert_eq!(url_kind("img/a.png"), relative("img/a.png"));
    assert_eq!(url_kind("/a.png?x=1:2"), relative("/a.png?x=1:2"));
    assert_eq!(
        url_kind("//cdn.example/a.png"),
        relative("//cdn.example/a.png")
    );
    assert_eq!(url_kind("#chapter-2"), relative("#chapter-2"));
    for refused in [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        " \u{1}javascript:alert(1)",
        "data:image/svg+xml,<svg onload=alert(1)>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "blob:https://example.org/uuid",
        "C:\\images\\a.png",
        "https:a.png",
        "",
        "  ",
    ] {
        assert_eq!(url_kind(refused), UrlKind::Refused, "{refused:?}");
    }
}

#[test]
fn settling_keeps_web_urls_resolves_relative_ones_and_drops_the_rest() {
    let mut speakers = vec![
        Speaker {
            name: "Sam".into(),
            img: Some("javascript:alert(1)".into()),
            href: Some("https://sam.example.net/".into()),
            ..Speaker::default()
        },
        Speaker {
            name: "Gale".into(),
            img: Some("gale.png".into()),
            href: Some("vbscript:x".into()),
            ..Speaker::default()
        },
    ];
    let chapter = |title: &str, img: &str, url: &str| Chapter {
        start: 0.0,
        end: 1.0,
        title: title.into(),
        img: Some(img.into()),
        url: Some(url.into()),
        in_toc: true,
    };
    let mut chapters = vec![
        chapter(
            "Intro",
            "https://example.org/i.png",
            "data:text/html,<script>x</script>",
        ),
        chapter("Outro", "/o.png", "notes.html"),
    ];
    let warnings = settle_links(&mut speakers, &mut chapters, |relative| {
        Some(format!(
            "https://example.org/show/{}",
            relative.trim_start_matches('/')
        ))
    });
    assert_eq!(speakers[0].img, None);
    assert_eq!(
        speakers[0].href.as_deref(),
        Some("https://sam.example.net/")
    );
    assert_eq!(speakers[1].href, None);
    assert_eq!(
        speakers[1].img.as_deref(),
        Some("https://example.org/show/gale.png")
    );
    assert_eq!(
        chapters[0].img.as_deref(),
        Some("https://example.org/i.png")
    );
    assert_eq!(chapters[0].url, None);
    assert_eq!(
        chapters[1].img.as_deref(),
        Some("https://example.org/show/o.png")
    );
    assert_eq!(
        chapters[1].url.as_deref(),
        Some("https://example.org/show/notes.html")
    );
    assert_eq!(
        shown(&warnings),
        [
            "speaker \"Sam\": image \"javascript:alert(1)\" dropped: only http:, https: and relative URLs are used",
            "speaker \"Gale\": link \"vbscript:x\" dropped: only http:, https: and relative URLs are used",
            "chapter \"Intro\": link \"data:text/html,<script>x</script>\" dropped: only http:, https: and relative URLs are used",
        ]
    );

    // Messages quote as Rust's Debug would, without escaping `'`.
    let mut chapters = vec![chapter(
        "Q",
        "https://e.org/q.png",
        "javascript:alert('x\n')",
    )];
    let warnings = settle_links(&mut [], &mut chapters, |_| None);
    assert_eq!(
        shown(&warnings),
        ["chapter \"Q\": link \"javascript:alert('x\\n')\" dropped: only http:, https: and relative URLs are used"]
    );

    // A relative URL that resolves to another scheme is dropped too.
    let mut chapters = vec![chapter("A", "a.png", "b.html")];
    let warnings = settle_links(&mut [], &mut chapters, |_| Some("file:///a.png".into()));
    assert_eq!(
        (chapters[0].img.clone(), chapters[0].url.clone()),
        (None, None)
    );
    assert_eq!(warnings.len(), 2);
}
