//! Reading fields of JSON documents with errors that name their place,
//! e.g. `transcript[12].start: expected seconds, got "abc"`.

use std::fmt;

use crate::core::json_value::{Map, Value};

use super::episode::Timing;
use super::error::{quoted, JsonPlace, Place, ReadError};
use super::text::decimal;
use super::time::parse_clock;

/// A place in the document, formatted only when an error is reported.
#[derive(Clone, Copy)]
pub(crate) enum Loc<'a> {
    Root,
    Field(&'a Loc<'a>, &'a str),
    Item(&'a Loc<'a>, usize),
}

impl fmt::Display for Loc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Loc::Root => Ok(()),
            Loc::Field(Loc::Root, name) => f.write_str(name),
            Loc::Field(parent, name) => write!(f, "{parent}.{name}"),
            Loc::Item(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

impl Loc<'_> {
    /// This place, as errors and warnings keep it.
    pub(crate) fn place(&self) -> Place {
        let path = self.to_string();
        if path.is_empty() {
            return Place::File;
        }
        let item = self.top_level_item();
        let rest = match item {
            Some((list, index)) => path
                .strip_prefix(&format!("{list}[{index}]"))
                .unwrap_or_default()
                .to_string(),
            None => path,
        };
        Place::Json(Box::new(JsonPlace {
            item: item.map(|(list, index)| (list.to_string(), index)),
            rest,
            line: None,
        }))
    }

    /// The entry of a top-level list this place is in.
    fn top_level_item(&self) -> Option<(&str, usize)> {
        match self {
            Loc::Root => None,
            Loc::Item(Loc::Field(Loc::Root, list), index) => Some((list, *index)),
            Loc::Item(parent, _) | Loc::Field(parent, _) => parent.top_level_item(),
        }
    }
}

pub(crate) fn error_at(loc: &Loc, message: impl Into<String>) -> ReadError {
    ReadError::at(loc.place(), message)
}

/// An optional `true`/`false` field.
pub(crate) fn optional_bool(fields: &Map, loc: &Loc, key: &str) -> Result<Option<bool>, ReadError> {
    match fields.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(flag)) => Ok(Some(*flag)),
        Some(other) => Err(error_at(
            &Loc::Field(loc, key),
            format!("expected true or false, got {}", describe(other)),
        )),
    }
}

pub(crate) fn optional_end(fields: &Map, loc: &Loc, start: f64) -> Result<Option<f64>, ReadError> {
    let end = optional_time(fields, loc, "end")?;
    match end {
        Some(end) if end < start => Err(error_at(
            &Loc::Field(loc, "end"),
            format!("{} is before the start, {}", decimal(end), decimal(start)),
        )),
        _ => Ok(end),
    }
}

pub(crate) fn expect_object<'v>(value: &'v Value, loc: &Loc) -> Result<&'v Map, ReadError> {
    match value {
        Value::Object(map) => Ok(map),
        other => Err(error_at(
            loc,
            format!("expected an object, got {}", describe(other)),
        )),
    }
}

pub(crate) fn optional_array<'v>(
    fields: &'v Map,
    loc: &Loc,
    key: &str,
) -> Result<Option<&'v [Value]>, ReadError> {
    match fields.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Array(items)) => Ok(Some(items)),
        Some(other) => Err(error_at(
            &Loc::Field(loc, key),
            format!("expected a list, got {}", describe(other)),
        )),
    }
}

pub(crate) fn optional_string(
    fields: &Map,
    loc: &Loc,
    key: &str,
) -> Result<Option<String>, ReadError> {
    match fields.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text.clone())),
        Some(other) => Err(error_at(
            &Loc::Field(loc, key),
            format!("expected text, got {}", describe(other)),
        )),
    }
}

pub(crate) fn required_string(fields: &Map, loc: &Loc, key: &str) -> Result<String, ReadError> {
    optional_string(fields, loc, key)?
        .ok_or_else(|| error_at(&Loc::Field(loc, key), "missing; expected text"))
}

pub(crate) fn optional_time(fields: &Map, loc: &Loc, key: &str) -> Result<Option<f64>, ReadError> {
    let value = match fields.get(key) {
        None | Some(Value::Null) => return Ok(None),
        Some(value) => value,
    };
    let seconds = match value {
        Value::Number(number) => Some(number.as_f64()),
        Value::String(text) => parse_clock(text),
        _ => None,
    };
    match seconds {
        Some(seconds) if seconds.is_finite() && seconds >= 0.0 => Ok(Some(seconds)),
        _ => Err(error_at(
            &Loc::Field(loc, key),
            format!("expected seconds, got {}", describe(value)),
        )),
    }
}

pub(crate) fn required_time(fields: &Map, loc: &Loc, key: &str) -> Result<f64, ReadError> {
    optional_time(fields, loc, key)?
        .ok_or_else(|| error_at(&Loc::Field(loc, key), "missing; expected seconds"))
}

/// A short description of a JSON value for error messages.
pub(crate) fn describe(value: &Value) -> String {
    const MAX_CHARS: usize = 40;
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(flag) => flag.to_string(),
        Value::Number(number) => number.to_string(),
        Value::String(text) if text.chars().count() > MAX_CHARS => {
            let shortened: String = text.chars().take(MAX_CHARS).collect();
            quoted(&(shortened + "…"))
        }
        Value::String(text) => quoted(text),
        Value::Array(_) => "a list".to_string(),
        Value::Object(_) => "an object".to_string(),
    }
}

/// `timing`: `"exact"` or `"estimated"`.
pub(crate) fn optional_timing(fields: &Map, loc: &Loc) -> Result<Option<Timing>, ReadError> {
    match optional_string(fields, loc, "timing")?.as_deref() {
        None => Ok(None),
        Some("exact") => Ok(Some(Timing::Exact)),
        Some("estimated") => Ok(Some(Timing::Estimated)),
        Some(other) => Err(error_at(
            &Loc::Field(loc, "timing"),
            format!("expected \"exact\" or \"estimated\", got {}", quoted(other)),
        )),
    }
}
