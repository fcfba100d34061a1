//! A JSON reader (RFC 8259), small enough for the widget: values into
//! [`Value`], or an object's fields and a list's items one at a time
//! (`json_stream` reads a transcript's lines so). Linear in its input,
//! nesting bounded by [`MAX_JSON_DEPTH`], and every error placed by line
//! and column.

use super::error::ReadError;
use super::json_number::number_value;
use super::json_value::{Map, Number, Value};
use super::limits::MAX_JSON_DEPTH;

/// What is wrong with a JSON text, and where (a byte offset).
#[derive(Debug)]
pub(crate) struct JsonError {
    problem: Problem,
    offset: usize,
}

#[derive(Debug, Clone, Copy)]
enum Problem {
    Syntax(&'static str),
    TooDeep,
}

impl JsonError {
    /// This error as a reader reports it, its place as a line and column
    /// of `text`.
    pub(crate) fn into_read_error(self, text: &str) -> ReadError {
        let before = text.get(..self.offset).unwrap_or(text);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        let column = before.get(line_start..).unwrap_or_default().chars().count() + 1;
        let message = match self.problem {
            Problem::Syntax(problem) => {
                format!("not valid JSON: {problem} at line {line} column {column}")
            }
            Problem::TooDeep => format!(
                "the JSON is nested too deeply at line {line} column {column}: the widget reads up to {MAX_JSON_DEPTH} levels"
            ),
        };
        ReadError::about_file(message)
    }
}

/// Parses `text` as one JSON value.
pub(crate) fn parse_json(text: &str) -> Result<Value, ReadError> {
    let mut parser = Parser::new(text);
    parser
        .value()
        .and_then(|value| parser.end().map(|()| value))
        .map_err(|error| error.into_read_error(text))
}

/// A place in a JSON text, read forwards.
pub(crate) struct Parser<'a> {
    text: &'a str,
    offset: usize,
    depth: usize,
}

/// Where a [`Parser`] is, to go on from there later.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Position {
    /// Bytes read.
    pub(crate) offset: usize,
    /// Lists and objects open.
    depth: usize,
}

impl<'a> Parser<'a> {
    /// A reader at the start of `text`.
    pub(crate) fn new(text: &'a str) -> Self {
        Self::resume(text, Position::default())
    }

    /// A reader of `text` at `position` (which a reader of the same text
    /// gave).
    pub(crate) fn resume(text: &'a str, position: Position) -> Self {
        Self {
            text,
            offset: position.offset,
            depth: position.depth,
        }
    }

    /// Where it is.
    pub(crate) fn position(&self) -> Position {
        Position {
            offset: self.offset,
            depth: self.depth,
        }
    }

    /// Reads one value.
    pub(crate) fn value(&mut self) -> Result<Value, JsonError> {
        self.skip_space();
        match self.peek() {
            None => Err(self.error("the file ends where a value was expected")),
            Some(b'{') => {
                self.open(b'{')?;
                let mut entries = Vec::new();
                while let Some(key) = self.next_key(entries.is_empty())? {
                    entries.push((key, self.value()?));
                }
                Ok(Value::Object(Map::from_entries(entries)))
            }
            Some(b'[') => {
                self.open(b'[')?;
                let mut items = Vec::new();
                while let Some(item) = self.next_item(items.is_empty())? {
                    items.push(item);
                }
                Ok(Value::Array(items))
            }
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number().map(Value::Number),
            Some(_) => Err(self.error("expected a value")),
        }
    }

    /// Reads the `{` or `[` that opens an object or a list, when it is
    /// next: `Ok(false)` (nothing read) when something else is.
    pub(crate) fn open(&mut self, bracket: u8) -> Result<bool, JsonError> {
        self.skip_space();
        if self.peek() != Some(bracket) {
            return Ok(false);
        }
        if self.depth >= MAX_JSON_DEPTH {
            return Err(JsonError {
                problem: Problem::TooDeep,
                offset: self.offset,
            });
        }
        self.depth += 1;
        self.offset += 1;
        Ok(true)
    }

    /// The next key of the object being read and the `:` after it, or
    /// `None` at its `}`. `first` says no field has been read yet.
    pub(crate) fn next_key(&mut self, first: bool) -> Result<Option<String>, JsonError> {
        if !self.next_entry(first, b'}', "the file ends inside an object")? {
            return Ok(None);
        }
        self.skip_space();
        if self.peek() != Some(b'"') {
            return Err(self.error("expected a field name in double quotes"));
        }
        let key = self.string()?;
        self.skip_space();
        if !self.eat(b':') {
            return Err(self.error("expected `:` after a field name"));
        }
        Ok(Some(key))
    }

    /// The next item of the list being read, or `None` at its `]`.
    pub(crate) fn next_item(&mut self, first: bool) -> Result<Option<Value>, JsonError> {
        if !self.next_entry(first, b']', "the file ends inside a list")? {
            return Ok(None);
        }
        self.value().map(Some)
    }

    /// An error unless only white space is left.
    pub(crate) fn end(&mut self) -> Result<(), JsonError> {
        self.skip_space();
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.error("more text after the end of the JSON value")),
        }
    }

    /// Whether another entry follows (its `,` read), or the list or object
    /// ends at `close` (read).
    fn next_entry(
        &mut self,
        first: bool,
        close: u8,
        ends: &'static str,
    ) -> Result<bool, JsonError> {
        self.skip_space();
        match self.peek() {
            None => Err(self.error(ends)),
            Some(byte) if byte == close => {
                self.offset += 1;
                self.depth = self.depth.saturating_sub(1);
                Ok(false)
            }
            Some(_) if first => Ok(true),
            Some(b',') => {
                self.offset += 1;
                Ok(true)
            }
            Some(_) if close == b']' => Err(self.error("expected `,` or `]` after a list item")),
            Some(_) => Err(self.error("expected `,` or `}` after a field")),
        }
    }

    fn string(&mut self) -> Result<String, JsonError> {
        // After the opening quote.
        self.offset += 1;
        let bytes = self.text.as_bytes();
        let mut text = String::new();
        loop {
            let run_start = self.offset;
            while bytes
                .get(self.offset)
                .is_some_and(|&byte| byte != b'"' && byte != b'\\' && byte >= 0x20)
            {
                self.offset += 1;
            }
            // The run ends at an ASCII byte, so it is whole characters.
            text.push_str(self.text.get(run_start..self.offset).unwrap_or_default());
            match bytes.get(self.offset) {
                None => return Err(self.error("the file ends inside a string")),
                Some(b'"') => {
                    self.offset += 1;
                    return Ok(text);
                }
                Some(b'\\') => {
                    self.offset += 1;
                    let unescaped = self.escape()?;
                    text.push(unescaped);
                }
                Some(_) => {
                    return Err(self.error(
                        "a control character in a string (write it as an escape such as \\n)",
                    ))
                }
            }
        }
    }

    /// The character of the escape after a `\`.
    fn escape(&mut self) -> Result<char, JsonError> {
        let escaped = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.offset += 1;
                return self.unicode_escape();
            }
            None => return Err(self.error("the file ends inside a string")),
            Some(_) => return Err(self.error("not a valid escape in a string")),
        };
        self.offset += 1;
        Ok(escaped)
    }

    /// The character of `\uXXXX` (after the `u`), or of a surrogate pair
    /// `\uD83D\uDE00`.
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let high = self.hex4()?;
        let code = match high {
            0xD800..=0xDBFF => {
                let low_start = self.offset;
                let low = match self
                    .text
                    .get(self.offset..)
                    .map(|rest| rest.starts_with("\\u"))
                {
                    Some(true) => {
                        self.offset += 2;
                        self.hex4()?
                    }
                    _ => 0,
                };
                if !(0xDC00..=0xDFFF).contains(&low) {
                    self.offset = low_start;
                    return Err(self.error("a \\u escape is half of a surrogate pair"));
                }
                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.error("a \\u escape is half of a surrogate pair")),
            code => code,
        };
        char::from_u32(code).ok_or_else(|| self.error("not a valid \\u escape"))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self
            .text
            .get(self.offset..self.offset + 4)
            .filter(|digits| digits.bytes().all(|byte| byte.is_ascii_hexdigit()))
            .ok_or_else(|| self.error("not a valid \\u escape (four hex digits)"))?;
        let code =
            u32::from_str_radix(digits, 16).map_err(|_| self.error("not a valid \\u escape"))?;
        self.offset += 4;
        Ok(code)
    }

    fn number(&mut self) -> Result<Number, JsonError> {
        let start = self.offset;
        self.eat(b'-');
        let integer_digits = self.digits();
        let leading_zero = self.text.as_bytes().get(start..).is_some_and(|rest| {
            rest.strip_prefix(b"-").unwrap_or(rest).starts_with(b"0") && integer_digits > 1
        });
        if integer_digits == 0 || leading_zero {
            return Err(self.error_at(start, "not a valid number"));
        }
        let mut integer = true;
        if self.eat(b'.') {
            integer = false;
            if self.digits() == 0 {
                return Err(self.error_at(start, "not a valid number"));
            }
        }
        if self.eat(b'e') || self.eat(b'E') {
            integer = false;
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            if self.digits() == 0 {
                return Err(self.error_at(start, "not a valid number"));
            }
        }
        let written = self.text.get(start..self.offset).unwrap_or_default();
        match number_value(written) {
            Some(value) => Ok(Number::new(value, integer)),
            None => Err(self.error_at(start, "a number out of range")),
        }
    }

    /// Reads a run of ASCII digits; how many.
    fn digits(&mut self) -> usize {
        let start = self.offset;
        while self.peek().is_some_and(|byte| byte.is_ascii_digit()) {
            self.offset += 1;
        }
        self.offset - start
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, JsonError> {
        match self.text.get(self.offset..) {
            Some(rest) if rest.starts_with(word) => {
                self.offset += word.len();
                Ok(value)
            }
            _ => Err(self.error("expected a value")),
        }
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.offset += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.offset).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let next = self.peek() == Some(byte);
        if next {
            self.offset += 1;
        }
        next
    }

    fn error(&self, problem: &'static str) -> JsonError {
        self.error_at(self.offset, problem)
    }

    fn error_at(&self, offset: usize, problem: &'static str) -> JsonError {
        JsonError {
            problem: Problem::Syntax(problem),
            offset,
        }
    }
}
