//! Reading a JSON object whose one big array (a transcript with tens of
//! thousands of timed words) is handed over an element at a time as it is
//! parsed, so that only one element's `Value` exists at once instead of a
//! tree for the whole file.

use super::error::ReadError;
use super::json_fields::{error_at, expect_object, Loc};
use super::json_parser::{parse_json, JsonError, Parser, Position};
use super::json_value::{Map, Value};

/// The fields of a top-level object, and for each streamed key whether its
/// array was left out of them (handed over element by element).
pub(crate) type StreamedObject = (Map, Vec<bool>);

/// An error unless `text` is a JSON object: the syntax error, or what
/// the value is instead. Checked by its first character, so a reader can
/// then stream the object (its own syntax errors come as it is read).
pub(crate) fn check_object_text(text: &str) -> Result<(), ReadError> {
    if text.trim_start().starts_with('{') {
        return Ok(());
    }
    let root = parse_json(text)?;
    expect_object(&root, &Loc::Root)?;
    Err(error_at(&Loc::Root, "expected an object"))
}

/// A top-level object read an item of its streamed lists at a time, so
/// that the reading can stop and go on later (in another task of the
/// page). Each call is given the same text.
pub(crate) struct ObjectStream<'k> {
    keys: &'k [&'k str],
    at: Position,
    /// The fields read, a streamed list standing in as `null` until the
    /// last value of its key is known.
    entries: Vec<(String, Value)>,
    streamed: Vec<bool>,
    /// The streamed list being read: its key's place, and its next item's
    /// index.
    list: Option<(usize, usize)>,
}

impl<'k> ObjectStream<'k> {
    /// A reader of an object (the text starts with `{`) whose lists under
    /// `keys` are streamed.
    pub(crate) fn new(keys: &'k [&'k str]) -> Self {
        Self {
            keys,
            at: Position::default(),
            entries: Vec::new(),
            streamed: vec![false; keys.len()],
            list: None,
        }
    }

    /// How many bytes of the text have been read.
    pub(crate) fn bytes_read(&self) -> usize {
        self.at.offset
    }

    /// The next item of a streamed list (its key's place, its index, the
    /// item), reading the fields before it; `None` at the object's end.
    /// A list whose first item `keep` says to keep is read whole into the
    /// fields instead.
    pub(crate) fn next_item(
        &mut self,
        text: &str,
        keep: &dyn Fn(usize, &Value) -> bool,
    ) -> Result<Option<(usize, usize, Value)>, JsonError> {
        let mut parser = Parser::resume(text, self.at);
        let next = self.advance(&mut parser, keep);
        self.at = parser.position();
        next
    }

    fn advance(
        &mut self,
        parser: &mut Parser,
        keep: &dyn Fn(usize, &Value) -> bool,
    ) -> Result<Option<(usize, usize, Value)>, JsonError> {
        if self.at.offset == 0 {
            parser.open(b'{')?;
        }
        loop {
            if let Some((key, index)) = self.list {
                let Some(item) = parser.next_item(index == 0)? else {
                    self.list = None;
                    continue;
                };
                if index > 0 || !keep(key, &item) {
                    self.list = Some((key, index + 1));
                    return Ok(Some((key, index, item)));
                }
                let mut items = vec![item];
                while let Some(item) = parser.next_item(false)? {
                    items.push(item);
                }
                self.list = None;
                self.set_streamed(key, false);
                if let Some((_, value)) = self.entries.last_mut() {
                    *value = Value::Array(items);
                }
                continue;
            }
            let Some(name) = parser.next_key(self.entries.is_empty())? else {
                return Ok(None);
            };
            let key = self.keys.iter().position(|key| *key == name);
            match key {
                Some(key) if parser.open(b'[')? => {
                    self.set_streamed(key, true);
                    self.list = Some((key, 0));
                    self.entries.push((name, Value::Null));
                }
                _ => {
                    let value = parser.value()?;
                    if let Some(key) = key {
                        self.set_streamed(key, false);
                    }
                    self.entries.push((name, value));
                }
            }
        }
    }

    fn set_streamed(&mut self, key: usize, streamed: bool) {
        if let Some(flag) = self.streamed.get_mut(key) {
            *flag = streamed;
        }
    }

    /// After [`next_item`](Self::next_item) gave `None`: the other fields,
    /// and for each key whether its list was streamed. An error when more
    /// than white space follows the object.
    pub(crate) fn finish(self, text: &str) -> Result<StreamedObject, JsonError> {
        Parser::resume(text, self.at).end()?;
        let mut fields = Map::from_entries(self.entries);
        for (key, _) in self
            .keys
            .iter()
            .zip(&self.streamed)
            .filter(|(_, streamed)| **streamed)
        {
            fields.remove(key);
        }
        Ok((fields, self.streamed))
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
) -> Result<(Map, Option<usize>), ReadError> {
    let mut failure = None;
    let mut count = 0;
    let mut take = |index: usize, item: Value| {
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
    check_object_text(text)?;
    let keys = [key];
    let mut stream = ObjectStream::new(&keys);
    let read = || -> Result<StreamedObject, JsonError> {
        while let Some((_, index, item)) = stream.next_item(text, &|_, _| false)? {
            take(index, item);
        }
        stream.finish(text)
    };
    let (fields, streamed) = read().map_err(|error| error.into_read_error(text))?;
    match failure {
        Some(error) => Err(error),
        None => Ok((
            fields,
            streamed.first().copied().unwrap_or(false).then_some(count),
        )),
    }
}
