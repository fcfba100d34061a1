//! A parsed JSON value, as the readers look at one: small, and with objects
//! kept in document order (a key given twice keeps its last value, as in
//! every JSON reader browsers and tools use).

use std::fmt;

use super::text::decimal;

/// A JSON value.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) enum Value {
    /// `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string, unescaped.
    String(String),
    /// A list.
    Array(Vec<Value>),
    /// An object.
    Object(Map),
}

impl Value {
    /// The fields, when this is an object.
    pub(crate) fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    /// The items, when this is a list.
    pub(crate) fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The text, when this is a string.
    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    /// The number, when this is one.
    pub(crate) fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(number) => Some(number.as_f64()),
            _ => None,
        }
    }

    /// The field `key`, when this is an object that has it.
    pub(crate) fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }
}

/// A JSON number: its value, and whether it was written as an integer
/// (`1`, not `1.0` or `1e0`), which is how a version number is told apart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Number {
    value: f64,
    integer: bool,
}

impl Number {
    /// A number `written` as an integer or not.
    pub(crate) fn new(value: f64, written_as_integer: bool) -> Self {
        Self {
            value,
            integer: written_as_integer,
        }
    }

    /// Its value.
    pub(crate) fn as_f64(self) -> f64 {
        self.value
    }

    /// Its value, when it was written as a whole number of at least 0.
    pub(crate) fn as_u64(self) -> Option<u64> {
        let whole = self.integer && self.value >= 0.0 && self.value < u64::MAX as f64;
        whole.then_some(self.value as u64)
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = decimal(self.value);
        f.write_str(&text)?;
        // `1.0` is not the integer 1 (a version must be one): say so.
        let integral = !text.contains(['.', 'e']);
        if integral && !self.integer {
            f.write_str(".0")?;
        }
        Ok(())
    }
}

/// An object's fields in document order, each key once.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Map {
    entries: Vec<(String, Value)>,
}

/// Up to this many fields, a key given twice is found by comparing each
/// pair; beyond it, by sorting (so a hostile object of 100,000 keys is
/// still read in linear-logarithmic time).
const PAIRWISE_LIMIT: usize = 16;

impl Map {
    /// The fields as read, a key given twice keeping its last value at its
    /// first place.
    pub(crate) fn from_entries(mut entries: Vec<(String, Value)>) -> Self {
        let duplicated = if entries.len() <= PAIRWISE_LIMIT {
            (1..entries.len()).any(|later| {
                let key = entries.get(later).map(|(key, _)| key);
                entries
                    .iter()
                    .take(later)
                    .any(|(earlier, _)| Some(earlier) == key)
            })
        } else {
            let mut keys: Vec<&str> = entries.iter().map(|(key, _)| key.as_str()).collect();
            keys.sort_unstable();
            keys.windows(2).any(|pair| pair.first() == pair.last())
        };
        if duplicated {
            entries = without_repeated_keys(entries);
        }
        Self { entries }
    }

    /// The value of `key`.
    pub(crate) fn get(&self, key: &str) -> Option<&Value> {
        self.entries
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value)
    }

    /// Whether it has `key`.
    pub(crate) fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Takes `key` out.
    pub(crate) fn remove(&mut self, key: &str) {
        self.entries.retain(|(name, _)| name != key);
    }

    /// The keys, in document order.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(key, _)| key)
    }

    /// The fields, in document order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.entries.iter().map(|(key, value)| (key, value))
    }
}

impl<'a> IntoIterator for &'a Map {
    type Item = (&'a String, &'a Value);
    type IntoIter = Box<dyn Iterator<Item = Self::Item> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

/// `entries` with each key once: at its first place, with its last value.
fn without_repeated_keys(entries: Vec<(String, Value)>) -> Vec<(String, Value)> {
    let mut order: Vec<usize> = (0..entries.len()).collect();
    // Stable: among equal keys, document order.
    order.sort_by(|&a, &b| {
        let key = |index: usize| entries.get(index).map(|(key, _)| key.as_str());
        key(a).cmp(&key(b))
    });
    // For each place, where its key's last value is, or `None` when the
    // key came earlier.
    let mut last_of: Vec<Option<usize>> = vec![None; entries.len()];
    for group in order
        .chunk_by(|&a, &b| entries.get(a).map(|(key, _)| key) == entries.get(b).map(|(key, _)| key))
    {
        if let (Some(&first), Some(&last)) = (group.first(), group.last()) {
            if let Some(slot) = last_of.get_mut(first) {
                *slot = Some(last);
            }
        }
    }
    let mut values: Vec<Option<(String, Value)>> = entries.into_iter().map(Some).collect();
    let mut kept = Vec::with_capacity(values.len());
    for (first, last) in last_of.into_iter().enumerate() {
        let Some(last) = last else { continue };
        let Some((key, value)) = values.get_mut(first).and_then(Option::take) else {
            continue;
        };
        let value = match values.get_mut(last).and_then(Option::take) {
            Some((_, later)) => later,
            None => value,
        };
        kept.push((key, value));
    }
    kept
}
