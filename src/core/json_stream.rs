//! Reading a JSON object whose one big array (a transcript with tens of
//! thousands of timed words) is handed over an element at a time as it is
//! parsed, so that only one element's `Value` exists at once instead of a
//! tree for the whole file (which for a 5 MB file takes over 50 MB).

use std::fmt;

use serde::de::value::MapAccessDeserializer;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::{Map, Value};

use super::error::ReadError;
use super::json_fields::{error_at, expect_object, parse_json, Loc};
use super::limits::json_error;

/// The fields of a top-level object, and for each streamed key whether its
/// array was left out of them (handed over element by element).
pub(crate) type StreamedObject = (Map<String, Value>, Vec<bool>);

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
    let mut streamed = vec![false; keys.len()];
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let root = RootVisitor {
        keys,
        keep,
        each,
        streamed: &mut streamed,
    };
    let fields = deserializer
        .deserialize_map(root)
        .and_then(|fields| deserializer.end().map(|()| fields))
        .map_err(|error| json_error(&error))?;
    Ok(Some((fields, streamed)))
}

struct RootVisitor<'a> {
    keys: &'a [&'a str],
    keep: &'a dyn Fn(usize, &Value) -> bool,
    each: &'a mut dyn FnMut(usize, usize, Value),
    streamed: &'a mut [bool],
}

impl<'de> Visitor<'de> for RootVisitor<'_> {
    type Value = Map<String, Value>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
        let mut fields = Map::new();
        while let Some(name) = access.next_key::<String>()? {
            if let Some(key) = self.keys.iter().position(|key| *key == name) {
                let keep = self.keep;
                let each = &mut *self.each;
                let seed = ArraySeed {
                    keep: &|first| keep(key, first),
                    each: &mut |index, item| each(key, index, item),
                };
                // A key given twice counts as its last value, as in a
                // tree of the whole document.
                let value = access.next_value_seed(seed)?;
                if let Some(streamed) = self.streamed.get_mut(key) {
                    *streamed = value.is_none();
                }
                match value {
                    Some(value) => fields.insert(name, value),
                    None => fields.remove(&name),
                };
            } else {
                let value: Value = access.next_value()?;
                fields.insert(name, value);
            }
        }
        Ok(fields)
    }
}

/// The value under the streamed key: `None` when it was an array handed
/// over element by element, otherwise the value itself.
struct ArraySeed<'a> {
    keep: &'a dyn Fn(&Value) -> bool,
    each: &'a mut dyn FnMut(usize, Value),
}

impl<'de> DeserializeSeed<'de> for ArraySeed<'_> {
    type Value = Option<Value>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ArraySeed<'_> {
    type Value = Option<Value>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
        let Some(first) = access.next_element::<Value>()? else {
            return Ok(None);
        };
        if (self.keep)(&first) {
            let mut items = vec![first];
            while let Some(item) = access.next_element::<Value>()? {
                items.push(item);
            }
            return Ok(Some(Value::Array(items)));
        }
        (self.each)(0, first);
        let mut index = 1;
        while let Some(item) = access.next_element::<Value>()? {
            (self.each)(index, item);
            index += 1;
        }
        Ok(None)
    }

    fn visit_map<A: MapAccess<'de>>(self, access: A) -> Result<Self::Value, A::Error> {
        Value::deserialize(MapAccessDeserializer::new(access)).map(Some)
    }

    fn visit_bool<E: serde::de::Error>(self, value: bool) -> Result<Self::Value, E> {
        Ok(Some(Value::Bool(value)))
    }

    fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Self::Value, E> {
        Ok(Some(Value::from(value)))
    }

    fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Self::Value, E> {
        Ok(Some(Value::from(value)))
    }

    fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<Self::Value, E> {
        serde_json::Number::from_f64(value)
            .map(|number| Some(Value::Number(number)))
            .ok_or_else(|| E::custom("not a finite number"))
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Self::Value, E> {
        Ok(Some(Value::String(value.to_string())))
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(Some(Value::Null))
    }
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
) -> Result<(Map<String, Value>, Option<usize>), ReadError> {
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
