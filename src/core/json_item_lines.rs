//! Where the items of a JSON document's lists are, by line: what `check`
//! adds to a reader's `transcript[3]` so a publisher finds the place.

use super::error::{JsonPlace, Place};
use super::warnings::Warning;

/// Where the items of a JSON document's top-level lists begin, by line.
#[derive(Default)]
pub(crate) struct JsonItemLines {
    /// (list key, 1-based line of each item)
    lists: Vec<(String, Vec<usize>)>,
}

impl JsonItemLines {
    /// Finds where the items of `text`'s top-level lists begin.
    pub(crate) fn new(text: &str) -> Self {
        let mut lists: Vec<(String, Vec<usize>)> = Vec::new();
        let mut depth = 0usize;
        let mut line = 1;
        let mut in_string = false;
        let mut escaped = false;
        let mut string_start = 0;
        let mut last_key = String::new();
        let mut current: Option<usize> = None;
        let mut expect_item = false;
        for (offset, c) in text.char_indices() {
            if c == '\n' {
                line += 1;
            }
            if in_string {
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => {
                        in_string = false;
                        if depth == 1 {
                            last_key = text
                                .get(string_start..offset)
                                .unwrap_or_default()
                                .to_string();
                        }
                    }
                    _ => {}
                }
                continue;
            }
            if expect_item && depth == 2 && !c.is_whitespace() && c != ']' {
                if let Some(list) = current.and_then(|index| lists.get_mut(index)) {
                    list.1.push(line);
                }
                expect_item = false;
            }
            match c {
                '"' => {
                    in_string = true;
                    string_start = offset + 1;
                }
                '[' | '{' => {
                    depth += 1;
                    if c == '[' && depth == 2 {
                        lists.push((last_key.clone(), Vec::new()));
                        current = Some(lists.len() - 1);
                        expect_item = true;
                    }
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                ',' if depth == 2 => expect_item = true,
                _ => {}
            }
        }
        Self { lists }
    }

    /// `key[index]`, with its line when known.
    pub(crate) fn place(&self, key: &str, index: usize) -> Place {
        Place::Json(Box::new(JsonPlace {
            item: Some((key.to_string(), index)),
            rest: String::new(),
            line: self.line_of(key, index),
        }))
    }

    fn line_of(&self, key: &str, index: usize) -> Option<usize> {
        self.lists
            .iter()
            .find(|(list_key, _)| list_key == key)
            .and_then(|(_, lines)| lines.get(index).copied())
    }

    /// `place` with the line of the list item it is in, when known.
    pub(crate) fn locate_place(&self, place: &Place) -> Place {
        match place {
            Place::Json(json) => {
                let line = json
                    .item
                    .as_ref()
                    .and_then(|(key, index)| self.line_of(key, *index));
                Place::Json(Box::new(JsonPlace {
                    line: line.or(json.line),
                    ..(**json).clone()
                }))
            }
            other => other.clone(),
        }
    }

    /// `warning` with the line of the list item it is in, when known.
    pub(crate) fn locate(&self, warning: &Warning) -> Warning {
        Warning {
            place: self.locate_place(&warning.place),
            ..warning.clone()
        }
    }
}
