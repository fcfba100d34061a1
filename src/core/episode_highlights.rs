//! An episode JSON's `highlights`: moments the publisher points to (what a
//! feed's `podcast:soundbite`s become).

use super::episode::Highlight;
use super::error::ReadError;
use super::json_fields::{
    error_at, expect_object, optional_array, optional_end, optional_string, optional_time,
    required_time, Loc,
};
use super::json_value::Map;
use super::limits::MAX_ENTRIES;
use super::text::thousands;

/// The `highlights` list of `root`: each `start`, then `end` or
/// `duration`, and an optional `title`.
pub(crate) fn read_highlights(root: &Map) -> Result<Vec<Highlight>, ReadError> {
    let loc = Loc::Field(&Loc::Root, "highlights");
    let Some(items) = optional_array(root, &Loc::Root, "highlights")? else {
        return Ok(Vec::new());
    };
    if items.len() > MAX_ENTRIES {
        return Err(error_at(
            &loc,
            format!(
                "too many highlights: the widget reads at most {}",
                thousands(MAX_ENTRIES)
            ),
        ));
    }
    items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let item_loc = Loc::Item(&loc, index);
            let fields = expect_object(item, &item_loc)?;
            let start = required_time(fields, &item_loc, "start")?;
            let end = match optional_end(fields, &item_loc, start)? {
                Some(end) => end,
                None => {
                    start
                        + optional_time(fields, &item_loc, "duration")?.ok_or_else(|| {
                            error_at(&item_loc, "a highlight needs an \"end\" or a \"duration\"")
                        })?
                }
            };
            if end <= start {
                return Err(error_at(
                    &item_loc,
                    "a highlight must last longer than no time",
                ));
            }
            Ok(Highlight {
                start,
                end,
                title: optional_string(fields, &item_loc, "title")?,
            })
        })
        .collect()
}
