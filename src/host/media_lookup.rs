//! Finding the host page's media element, and waiting for it when the
//! page adds it later.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlMediaElement, MutationObserver, MutationObserverInit};

use super::owner::keep_for_owner;
use super::stop::has_stopped;

/// Looking for the media element to follow.
#[derive(Clone)]
pub enum MediaLookup {
    /// Found it.
    Found(HtmlMediaElement),
    /// Nothing matches yet; the message says what is missing.
    Waiting(String),
    /// The selector is invalid or matches something that is not media.
    Failed(String),
}

/// Looks once for the media element: the element matching `selector`, or
/// the first `<audio>` or `<video>` of the document when there is none.
pub fn find_media(selector: Option<&str>) -> MediaLookup {
    let document = document();
    let Some(selector) = selector.map(str::trim).filter(|s| !s.is_empty()) else {
        return match document.query_selector("audio, video").ok().flatten().and_then(|e| e.dyn_into().ok()) {
            Some(media) => MediaLookup::Found(media),
            None => MediaLookup::Waiting(
                "found no <audio> or <video> element on this page to follow; add one, or name it with the audio attribute"
                    .to_string(),
            ),
        };
    };
    let element = match document.query_selector(selector) {
        Err(_) => {
            return MediaLookup::Failed(format!("audio=\"{selector}\" is not a valid CSS selector"))
        }
        Ok(None) => {
            return MediaLookup::Waiting(format!(
                "audio=\"{selector}\" matches no element on this page"
            ))
        }
        Ok(Some(element)) => element,
    };
    let tag = element.tag_name().to_lowercase();
    match element.dyn_into() {
        Ok(media) => MediaLookup::Found(media),
        Err(_) => MediaLookup::Failed(format!(
            "audio=\"{selector}\" matches a <{tag}> element, not an <audio> or <video> element"
        )),
    }
}

/// Watches the document for the media element: the lookup as a signal.
/// While `Waiting` (a player library may create the element after the
/// widget) it moves to `Found` when the element appears. While `Found`, if
/// the element leaves the document and the selector then matches another
/// one (a player that replaced its element), it moves to that one; the same
/// element put back is simply followed on. The watching stops when the
/// current reactive owner is cleaned up.
pub fn use_media_lookup(selector: Option<String>) -> ReadSignal<MediaLookup, LocalStorage> {
    let first = find_media(selector.as_deref());
    let failed = matches!(first, MediaLookup::Failed(_));
    let (lookup, set_lookup) = signal_local(first);
    if failed {
        return lookup;
    }
    let observer: Rc<RefCell<Option<MutationObserver>>> = Rc::default();
    let callback = {
        let observer = observer.clone();
        Closure::<dyn FnMut()>::new(move || {
            if has_stopped() {
                return;
            }
            let next = lookup.with_untracked(|current| match current {
                MediaLookup::Found(media) if media.is_connected() => None,
                MediaLookup::Found(media) => match find_media(selector.as_deref()) {
                    MediaLookup::Found(other) if &other != media => Some(MediaLookup::Found(other)),
                    _ => None,
                },
                MediaLookup::Waiting(_) => Some(find_media(selector.as_deref()))
                    .filter(|found| !matches!(found, MediaLookup::Waiting(_))),
                MediaLookup::Failed(_) => None,
            });
            if let Some(next) = next {
                if let Some(observer) = observer.borrow().as_ref() {
                    watch_document(observer, &next);
                }
                set_lookup.set(next);
            }
        })
    };
    if let Ok(watcher) = MutationObserver::new(callback.as_ref().unchecked_ref()) {
        lookup.with_untracked(|current| watch_document(&watcher, current));
        *observer.borrow_mut() = Some(watcher);
    }
    keep_for_owner(DocumentWatch {
        observer,
        _callback: callback,
    });
    lookup
}

/// (Re)starts `observer` on the document for what `lookup` needs: any
/// change at all while waiting (an attribute may make an element match),
/// only elements coming and going once found; nothing after a failure.
fn watch_document(observer: &MutationObserver, lookup: &MediaLookup) {
    observer.disconnect();
    let Some(root) = document().document_element() else {
        return;
    };
    let options = MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    match lookup {
        MediaLookup::Waiting(_) => options.set_attributes(true),
        MediaLookup::Found(_) => {}
        MediaLookup::Failed(_) => return,
    }
    let _ = observer.observe_with_options(&root, &options);
}

/// Stops watching the document when dropped.
#[derive(Debug)]
#[must_use = "watching stops when this is dropped"]
struct DocumentWatch {
    observer: Rc<RefCell<Option<MutationObserver>>>,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for DocumentWatch {
    fn drop(&mut self) {
        if let Some(observer) = self.observer.borrow_mut().take() {
            observer.disconnect();
        }
    }
}

/// The absolute URL of what `media` plays: its `currentSrc` once it has
/// chosen one, else its `src`, else its first `<source src>` (resolved
/// against the document's base URL).
pub fn media_source(media: &HtmlMediaElement) -> Option<String> {
    let chosen = [media.current_src(), media.src()]
        .into_iter()
        .find(|url| !url.is_empty());
    chosen.or_else(|| {
        let written = media
            .query_selector("source[src]")
            .ok()
            .flatten()?
            .get_attribute("src")?;
        let base = document().base_uri().ok().flatten()?;
        web_sys::Url::new_with_base(&written, &base)
            .ok()
            .map(|url| url.href())
    })
}
