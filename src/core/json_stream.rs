//! Reading a JSON object whose one big array (a transcript with tens of
//! thousands of timed words) is handed over an element at a time as it is
//! parsed, so that only one element's `Value` exists at once instead of a
//! tree for the whole file.

use super::error::ReadError;
use super::json_fields::{error_at, expect_object, Loc};
use super::json_parser::{parse_json, JsonError, Parser};
use super::json_value::{Map, Value};

/// The fields of a top-level object, and for each streamed key whether its
/// array was left out of them (handed over element by element).
pub(crate) type StreamedObject = (Map, Vec<bool>);

/// The top-level object of `text`, with the arrays under `keys` streamed:
/// each of their elements goes to `each` (with the key's place in `keys`
/// and the element's index) and the array is left out of the map, unless
/// `keep(key's place, first element)` says to keep it whole. Returns the
/// other fields and, for each key, whether its array was streamed; `None`
/// when `text` is valid JSON but not an object. A key given twice streams
/// each array (`each` sees index 0 again); the last value counts.
pub(crate) fn parse_object_streaming(
    text: &str,
    keys: &[&str],
    keep: &dyn Fn(usize, &Value) -> bool,
    each: &mut dyn FnMut(usize, usize, Value),
) -> Result<Option<StreamedObject>, ReadError> {
    if !text.trim_start().starts_with('{') {
        return Ok(None);
    }
    let mut parser = Parser::new(text);
    read_root(&mut parser, keys, keep, each)
        .and_then(|read| parser.end().map(|()| Some(read)))
        .map_err(|error| error.into_read_error(text))
}

fn read_root(
    parser: &mut Parser,
    keys: &[&str],
    keep: &dyn Fn(usize, &Value) -> bool,
    each: &mut dyn FnMut(usize, usize, Value),
) -> Result<StreamedObject, JsonError> {
    let mut streamed = vec![false; keys.len()];
    let mut entries = Vec::new();
    parser.open(b'{')?;
    while let Some(name) = parser.next_key(entries.is_empty())? {
        let key = keys.iter().position(|key| *key == name);
        let value = match key {
            Some(key) if parser.open(b'[')? => {
                read_array(parser, &|first| keep(key, first), &mut |index, item| {
                    each(key, index, item)
                })?
            }
            _ => Some(parser.value()?),
        };
        if let Some(flag) = key.and_then(|key| streamed.get_mut(key)) {
            *flag = value.is_none();
        }
        // A streamed list stands in the fields until the last value of its
        // key is known.
        entries.push((name, value.unwrap_or_default()));
    }
    let mut fields = Map::from_entries(entries);
    for (key, _) in keys
        .iter()
        .zip(&streamed)
        .filter(|(_, streamed)| **streamed)
    {
        fields.remove(key);
    }
    Ok((fields, streamed))
}

/// The rest of a list whose `[` has been read: `None` when its items went
/// to `each`, or the whole list when `keep` says so of its first item.
fn read_array(
    parser: &mut Parser,
    keep: &dyn Fn(&Value) -> bool,
    each: &mut dyn FnMut(usize, Value),
) -> Result<Option<Value>, JsonError> {
    let Some(first) = parser.next_item(true)? else {
        return Ok(None);
    };
    if keep(&first) {
        let mut items = vec![first];
        while let Some(item) = parser.next_item(false)? {
            items.push(item);
        }
        return Ok(Some(Value::Array(items)));
    }
    each(0, first);
    let mut index = 1;
    while let Some(item) = parser.next_item(false)? {
        each(index, item);
        index += 1;
    }
    Ok(None)
}

/// The top-level object of `text` (an error when it is something else),
/// with the array under `key` handed to `each` element by element as it is
/// parsed, so no tree of the whole array is built. Returns the other fields
/// and how many elements the array had, or `None` when `key` is missing or
/// not an array (then it stays among the fields). The first error `each`
/// returns stops the reading of elements and is the result.
pub(crate) fn read_streamed_array(
    text: &str,
    key: &str,
    each: &mut dyn FnMut(usize, Value) -> Result<(), ReadError>,
) -> Result<(Map, Option<usize>), ReadError> {
    let mut failure = None;
    let mut count = 0;
    let mut take = |_: usize, index: usize, item: Value| {
        // The same list twice would be read into one.
        if index == 0 && count > 0 && failure.is_none() {
            failure = Some(error_at(
                &Loc::Field(&Loc::Root, key),
                "is given twice; a file lists it once",
            ));
        }
        count = index + 1;
        if failure.is_none() {
            failure = each(index, item).err();
        }
    };
    let Some((fields, streamed)) = parse_object_streaming(text, &[key], &|_, _| false, &mut take)?
    else {
        let root = parse_json(text)?;
        expect_object(&root, &Loc::Root)?;
        return Err(error_at(&Loc::Root, "expected an object"));
    };
    match failure {
        Some(error) => Err(error),
        None => Ok((
            fields,
            streamed.first().copied().unwrap_or(false).then_some(count),
        )),
    }
}
