//! Which images from input files the widget loads, as the host page's
//! `images` attribute says.

use crate::core::links::http_url;

/// The `images` attribute: `all` (the default), `same-origin` (no images
/// from other sites: nothing is requested from a third party) or `none`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ImagePolicy {
    /// Every image.
    #[default]
    All,
    /// Only images from the page's own origin.
    SameOrigin,
    /// No images at all.
    None,
}

impl ImagePolicy {
    /// Reads the attribute; `none`, `off`, `false` and `no` turn images
    /// off, `same-origin` keeps the page's own, anything else allows all.
    pub fn from_attribute(value: Option<&str>) -> Self {
        match value.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
            Some("none" | "off" | "false" | "no") => ImagePolicy::None,
            Some("same-origin" | "local") => ImagePolicy::SameOrigin,
            _ => ImagePolicy::All,
        }
    }

    /// The `src` to give an image whose URL an input file named: the URL
    /// when it is a web URL this policy allows, else none (no image).
    pub fn source(self, url: Option<&str>) -> Option<String> {
        url.and_then(http_url)
            .filter(|url| self.allows(url))
            .map(str::to_string)
    }

    /// Whether to load the image at `url` (absolute).
    fn allows(self, url: &str) -> bool {
        match self {
            ImagePolicy::All => true,
            ImagePolicy::None => false,
            ImagePolicy::SameOrigin => {
                let page = web_sys::window().and_then(|window| window.location().origin().ok());
                let image = web_sys::Url::new(url).ok().map(|url| url.origin());
                page.is_some() && page == image
            }
        }
    }
}
