//! Which URLs from input files the widget puts into links and images.

/// `url` (trimmed) when it is an absolute `http:` or `https:` URL; anything
/// else (`javascript:`, `data:`, relative paths) gives `None`.
pub fn http_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let (scheme, rest) = url.split_once(':')?;
    let is_web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    let has_host = rest
        .strip_prefix("//")
        .is_some_and(|host| !host.is_empty() && !host.starts_with('/'));
    (is_web && has_host).then_some(url)
}
