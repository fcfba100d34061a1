//! Scrolling inside the widget's own scroll areas, never the host page.

use web_sys::{HtmlElement, ScrollToOptions};

/// Scrolls `container` so that `item` (a descendant whose offset parent is
/// `container`) sits a third of the way down, but only when `item` is not
/// already fully in view. Only `container` moves, never the page; the CSS
/// `scroll-behavior` of `container` decides whether it is smooth.
pub fn reveal_in_container(container: &HtmlElement, item: &HtmlElement) {
    let item_top = f64::from(item.offset_top());
    let item_bottom = item_top + f64::from(item.offset_height());
    let view_top = f64::from(container.scroll_top());
    let view_height = f64::from(container.client_height());
    if item_top >= view_top && item_bottom <= view_top + view_height {
        return;
    }
    let options = ScrollToOptions::new();
    options.set_top((item_top - view_height / 3.0).max(0.0));
    container.scroll_to_with_scroll_to_options(&options);
}
