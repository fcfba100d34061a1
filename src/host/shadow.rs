//! Rendering into an element's shadow root.

use std::any::Any;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// A mounted Leptos view; dropping it unmounts the view and disposes its
/// reactive owner, which runs every cleanup.
pub struct MountedView(#[allow(dead_code)] Box<dyn Any>);

/// Renders `view` into `host`'s open shadow root (created if missing, emptied
/// if not), styled by `stylesheet`, inside a `part="root"` container. The
/// stylesheet is a constructed one (`adoptedStyleSheets`), which a page's
/// Content-Security-Policy allows without `'unsafe-inline'`; browsers
/// without those get a `<style>` element.
pub fn mount_in_shadow<F, N>(
    host: &HtmlElement,
    stylesheet: &str,
    view: F,
) -> Result<MountedView, JsValue>
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    let root = match host.shadow_root() {
        Some(root) => root,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    root.set_text_content(None);
    let document = host.owner_document().unwrap_or_else(document);
    if !adopt_stylesheet(&root, stylesheet) {
        let style = document.create_element("style")?;
        style.set_text_content(Some(stylesheet));
        root.append_child(&style)?;
    }
    let container: HtmlElement = document.create_element("div")?.unchecked_into();
    container.set_attribute("part", "root")?;
    container.set_class_name("ev");
    // The host's own `title` (the episode's title) is no tooltip.
    container.set_attribute("title", "")?;
    root.append_child(&container)?;
    Ok(MountedView(Box::new(leptos::mount::mount_to(
        container, view,
    ))))
}

/// Gives `root` a constructed stylesheet holding `css`; false where the
/// browser has no constructable stylesheets.
fn adopt_stylesheet(root: &ShadowRoot, css: &str) -> bool {
    let Ok(sheet) = CssStyleSheet::new() else {
        return false;
    };
    if sheet.replace_sync(css).is_err() {
        return false;
    }
    let sheets = js_sys::Array::of1(&sheet);
    js_sys::Reflect::set(root, &JsValue::from_str("adoptedStyleSheets"), &sheets).unwrap_or(false)
}
