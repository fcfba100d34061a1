//! Only web links and images from input files.

use episode_viewer::core::links::http_url;

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
