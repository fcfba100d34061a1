//! DOM events the widget sends to the host page, from its element.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

/// Dispatches `episode-viewer:<name>` on `host`, bubbling, with `detail`
/// built from the given fields.
pub fn dispatch(host: &HtmlElement, name: &str, fields: &[(&str, JsValue)]) {
    let detail = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&detail, &(*key).into(), value);
    }
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(&detail);
    if let Ok(event) =
        CustomEvent::new_with_event_init_dict(&format!("episode-viewer:{name}"), &init)
    {
        let _ = host.dispatch_event(&event);
    }
}
