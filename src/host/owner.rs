//! Keeping a value (event listeners, an observer, a guard) alive exactly as
//! long as the reactive owner that made it: it is dropped, and so
//! released, when that owner is cleaned up.

use leptos::prelude::StoredValue;

/// Keeps `value` until the current reactive owner is cleaned up, then
/// drops it.
pub fn keep_for_owner<T: 'static>(value: T) {
    StoredValue::new_local(value);
}
