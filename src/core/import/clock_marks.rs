//! Clock times written in free text: `1:14`, `01:02:03`, `12:30.5`, alone
//! or in brackets (`(1:14)`, `[00:03:32]`, `[inaudible 00:01:52]`).

use std::ops::Range;

use crate::core::time::decimal_value;

/// A clock time found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct ClockMark {
    /// Byte range of the time itself.
    pub time: Range<usize>,
    /// Byte range of the time with the brackets that hold only it (`(1:14)`),
    /// or of the time alone.
    pub whole: Range<usize>,
    /// The time in seconds.
    pub seconds: f64,
    /// How the time sits in its text.
    pub setting: Setting,
    /// Whether it has an hours field (`h:mm:ss`).
    pub has_hours: bool,
    /// Whether a letter or a closing mark comes right before it
    /// (`Intro00:01:56`, `(blamed)27:40`), as where copied text lost the
    /// break between two items.
    pub glued: bool,
}

/// How a clock time sits in the text around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// In brackets of its own: `(1:14)`, `[00:03:32]`.
    Bracketed,
    /// Last in a bracketed aside with words: `[inaudible 00:01:52]`.
    InAside,
    /// Not in brackets.
    Bare,
}

/// Every clock time in `text`, in order. A clock time is `m:ss`, `mm:ss`,
/// `mmm:ss` or `h:mm:ss` (optionally with a fraction of a second), with
/// seconds (and minutes after hours) below 60, not touching letters, digits
/// or further colons (so `10:30am`, `2024:01` and `1:2:3:4` are not times).
pub fn find_clock_marks(text: &str) -> Vec<ClockMark> {
    ClockMarks::new(text, false).collect()
}

/// Like [`find_clock_marks`], but also the times that follow a letter
/// directly (`Intro00:01:56`, marked `glued`).
pub fn find_glued_clock_marks(text: &str) -> Vec<ClockMark> {
    ClockMarks::new(text, true).collect()
}

/// The clock times of a text one at a time, for texts whose times are
/// better not all held at once (a long line of nothing but times).
pub struct ClockMarks<'t> {
    text: &'t str,
    position: usize,
    asides: OpenAside,
    glued_to_letters: bool,
}

impl<'t> ClockMarks<'t> {
    /// The times of `text` as [`find_clock_marks`] finds them (with
    /// `glued_to_letters`, as [`find_glued_clock_marks`]).
    pub fn new(text: &'t str, glued_to_letters: bool) -> Self {
        Self {
            text,
            position: 0,
            asides: OpenAside::default(),
            glued_to_letters,
        }
    }
}

impl Iterator for ClockMarks<'_> {
    type Item = ClockMark;

    fn next(&mut self) -> Option<ClockMark> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        while self.position < bytes.len() {
            let offset = bytes
                .get(self.position..)
                .and_then(|rest| rest.iter().position(u8::is_ascii_digit))?;
            let start = self.position + offset;
            let end = start
                + bytes.get(start..).map_or(0, |rest| {
                    rest.iter()
                        .take_while(|b| b.is_ascii_digit() || matches!(b, b':' | b'.'))
                        .count()
                });
            self.position = end.max(start + 1);
            // Text before and after must not continue the token.
            let before = text.get(..start).and_then(|head| head.chars().next_back());
            let after = text.get(end..).and_then(|tail| tail.chars().next());
            // Right after a letter or a closing mark (`Intro00:01:56`,
            // `(blamed)27:40`), as where copying lost the break between items.
            let glued = before.is_some_and(|c| {
                c.is_alphabetic() || matches!(c, ')' | ']' | '”' | '’' | '"' | '»')
            });
            let after_letter = before.is_some_and(char::is_alphabetic);
            if before.is_some_and(|c| c.is_numeric() || c == ':' || c == '.')
                || (after_letter && !self.glued_to_letters)
                || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            // A sentence's full stop may follow the time: `… at 12:30.`
            let token = text.get(start..end).unwrap_or_default();
            let token = token.strip_suffix('.').unwrap_or(token);
            let end = start + token.len();
            let Some((seconds, has_hours)) = clock_value(token) else {
                continue;
            };
            let aside_open = self.asides.open_before(bytes, start);
            let (whole, setting) = bracketing(text, start..end, aside_open);
            return Some(ClockMark {
                time: start..end,
                whole,
                seconds,
                setting,
                has_hours,
                glued,
            });
        }
        None
    }
}

/// The seconds `token` (digits, colons, a dot) stands for, and whether it
/// has an hours field, when it is a clock time of the shapes
/// [`find_clock_marks`] reads (as `parse_clock` would read it). The bytes
/// are read once: free text can hold a time every few bytes.
fn clock_value(token: &str) -> Option<(f64, bool)> {
    let (clock, fraction) = match token.split_once('.') {
        Some((clock, fraction)) => (clock, Some(fraction)),
        None => (token, None),
    };
    // The fields' values and digit counts, at most three of them.
    let mut fields = [(0u64, 0usize); 3];
    let mut count = 1;
    for byte in clock.bytes() {
        if byte == b':' {
            if count == fields.len() {
                return None;
            }
            count += 1;
        } else if let Some((value, digits)) = fields.get_mut(count - 1) {
            // Only digits, colons and dots reach here.
            *value = value
                .saturating_mul(10)
                .saturating_add(u64::from(byte - b'0'));
            *digits += 1;
        }
    }
    let [(first, first_digits), (second, second_digits), (third, third_digits)] = fields;
    let (minutes, seconds, seconds_digits) = match count {
        2 if (1..=3).contains(&first_digits) => (first, second, second_digits),
        3 if (1..=2).contains(&first_digits) && second_digits == 2 && second < 60 => {
            (first * 60 + second, third, third_digits)
        }
        _ => return None,
    };
    if seconds_digits != 2 || seconds >= 60 {
        return None;
    }
    let seconds = match fraction {
        None => seconds as f64,
        Some(fraction) if !fraction.is_empty() && fraction.bytes().all(|b| b.is_ascii_digit()) => {
            let whole = clock.get(clock.len() - 2..)?;
            decimal_value(whole, fraction)?
        }
        Some(_) => return None,
    };
    Some((minutes as f64 * 60.0 + seconds, count == 3))
}

/// Whether a `[` is open (not closed by a `]` after it), read once through
/// the text as the times are found in order.
#[derive(Default)]
struct OpenAside {
    read_to: usize,
    open: bool,
}

impl OpenAside {
    /// Whether a `[` before `at` has no `]` between it and `at`.
    fn open_before(&mut self, bytes: &[u8], at: usize) -> bool {
        for byte in bytes.get(self.read_to..at).unwrap_or_default() {
            match byte {
                b'[' => self.open = true,
                b']' => self.open = false,
                _ => {}
            }
        }
        self.read_to = self.read_to.max(at);
        self.open
    }
}

/// The brackets around a time: its own (`(1:14)`), an aside's closing one
/// (`[inaudible 00:01:52]`, when `aside_open`), or none.
fn bracketing(text: &str, time: Range<usize>, aside_open: bool) -> (Range<usize>, Setting) {
    let tail = text.get(time.end..).unwrap_or_default();
    let trimmed_tail = tail.trim_start();
    let closing = trimmed_tail.chars().next();
    if !matches!(closing, Some(')' | ']')) {
        return (time, Setting::Bare);
    }
    let trimmed_head = text.get(..time.start).unwrap_or_default().trim_end();
    let opening = trimmed_head.chars().next_back();
    let pair = matches!(
        (opening, closing),
        (Some('('), Some(')')) | (Some('['), Some(']'))
    );
    if pair {
        let start = trimmed_head.len() - 1;
        let end = time.end + (tail.len() - trimmed_tail.len()) + 1;
        return (start..end, Setting::Bracketed);
    }
    if closing == Some(']') && aside_open {
        return (time, Setting::InAside);
    }
    (time, Setting::Bare)
}
