//! Where the items of a JSON document's lists are, by line: what `check`
//! adds to a reader's `transcript[3]` so a publisher finds the place.

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

    /// `key[index] (line N)`, or `key[index]` when the line is unknown.
    pub(crate) fn place(&self, key: &str, index: usize) -> String {
        match self.line_of(key, index) {
            Some(line) => format!("{key}[{index}] (line {line})"),
            None => format!("{key}[{index}]"),
        }
    }

    fn line_of(&self, key: &str, index: usize) -> Option<usize> {
        self.lists
            .iter()
            .find(|(list_key, _)| list_key == key)
            .and_then(|(_, lines)| lines.get(index).copied())
    }

    /// A message starting with `key[index]` gets the item's line after the
    /// place; others are kept as they are.
    pub(crate) fn locate(&self, message: &str) -> String {
        let Some((key, rest)) = message.split_once('[') else {
            return message.to_string();
        };
        let Some((index, tail)) = rest.split_once(']') else {
            return message.to_string();
        };
        let Some(line) = index
            .parse()
            .ok()
            .and_then(|index| self.line_of(key, index))
        else {
            return message.to_string();
        };
        let (field, tail) = match tail.split_once(':') {
            Some((field, tail)) => (field, format!(":{tail}")),
            None => (tail, String::new()),
        };
        format!("{key}[{index}]{field} (line {line}){tail}")
    }
}
