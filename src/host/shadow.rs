//! Rendering into an element's shadow root.

use std::any::Any;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlElement, ShadowRootInit, ShadowRootMode};

/// A mounted Leptos view; dropping it unmounts the view and disposes its
/// reactive owner, which runs every cleanup.
pub struct MountedView(#[allow(dead_code)] Box<dyn Any>);

/// Renders `view` into `host`'s open shadow root (created if missing, emptied
/// if not) after a `<style>` holding `stylesheet`, inside a `part="root"`
/// container.
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
    let style = document.create_element("style")?;
    style.set_text_content(Some(stylesheet));
    root.append_child(&style)?;
    let container: HtmlElement = document.create_element("div")?.unchecked_into();
    container.set_attribute("part", "root")?;
    container.set_class_name("ev");
    root.append_child(&container)?;
    Ok(MountedView(Box::new(leptos::mount::mount_to(
        container, view,
    ))))
}
