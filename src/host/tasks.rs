//! Background work that stops with its owner: the one way the widget runs
//! a task (loading, mounting lines a slice at a time, painting matches,
//! copying). A task started by a component or an effect is dropped at its
//! next pause once that owner is cleaned up (the widget unmounted, the
//! effect run again); one started from an event handler, which has no
//! owner, runs to its end.

use std::future::Future;

use futures::future::{AbortHandle, Abortable};
use leptos::prelude::on_cleanup;

/// Runs `task` in the background until it ends or the current reactive
/// owner is cleaned up, whichever comes first.
pub fn spawn_owned(task: impl Future<Output = ()> + 'static) {
    let (abort, registration) = AbortHandle::new_pair();
    on_cleanup(move || abort.abort());
    leptos::task::spawn_local(async move {
        // Aborted: the owner went first, and nothing waits for the result.
        let _ = Abortable::new(task, registration).await;
    });
}
