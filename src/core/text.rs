//! Text helpers the readers and search share: character references,
//! whitespace, folding for matching, and counts and sizes in words.

/// Decodes the character reference after an `&` (HTML rules, for the
/// references transcripts use); returns the text and how many characters
/// after the `&` it consumed. An unknown reference is kept as `&`.
pub fn decode_character_reference(after: &str) -> (String, usize) {
    if let Some(numeric) = after.strip_prefix('#') {
        let (digits, radix, prefix) = match numeric.strip_prefix(['x', 'X']) {
            Some(hex) => {
                let end = hex
                    .find(|c: char| !c.is_ascii_hexdigit())
                    .unwrap_or(hex.len());
                (hex.get(..end).unwrap_or_default(), 16, 2)
            }
            None => {
                let end = numeric
                    .find(|c: char| !c.is_ascii_digit())
                    .unwrap_or(numeric.len());
                (numeric.get(..end).unwrap_or_default(), 10, 1)
            }
        };
        if digits.is_empty() {
            return ("&".to_string(), 0);
        }
        let ends_with_semicolon = after
            .get(prefix + digits.len()..)
            .is_some_and(|rest| rest.starts_with(';'));
        let consumed = prefix + digits.len() + usize::from(ends_with_semicolon);
        let decoded = u32::from_str_radix(digits, radix)
            .ok()
            .and_then(char::from_u32)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{FFFD}');
        return (decoded.to_string(), consumed);
    }
    for &(name, text) in NAMED_REFERENCES {
        if let Some(rest) = after.strip_prefix(name) {
            if rest.starts_with(';') {
                return (text.to_string(), name.len() + 1);
            }
            if LEGACY_WITHOUT_SEMICOLON.contains(&name) {
                return (text.to_string(), name.len());
            }
        }
    }
    ("&".to_string(), 0)
}

const NAMED_REFERENCES: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{A0}"),
    ("lrm", "\u{200E}"),
    ("rlm", "\u{200F}"),
    ("hellip", "…"),
    ("mdash", "—"),
    ("ndash", "–"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("eacute", "é"),
    ("euro", "€"),
];

/// References HTML also recognises without the closing semicolon.
const LEGACY_WITHOUT_SEMICOLON: &[&str] =
    &["amp", "lt", "gt", "quot", "nbsp", "copy", "reg", "eacute"];

/// Collapses runs of ASCII whitespace (newlines included) into one space and
/// trims; no-break and other Unicode spaces are kept.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first `bytes` bytes of `text` (all of it when shorter), reaching on
/// to the end of a character cut there: how far a rule that looks only
/// near the start of a text reads.
pub fn head_of(text: &str, bytes: usize) -> &str {
    let mut end = bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    text.get(..end).unwrap_or(text)
}

/// `bytes` in MB (2^20 bytes) with one decimal, as people read file sizes.
pub fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10 + (1 << 19)) >> 20;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// `value` in decimal as messages quote a number: `12.5`, `-0.25`, `3`;
/// to the billionth below 10^6 (every time), to the millionth below 10^9,
/// whole numbers up to 10^15 in full, and `1.5e20` beyond. Without the
/// float formatting of `{}` (about 3 KB of the widget's wasm, gzipped).
pub fn decimal(value: f64) -> String {
    if value.is_nan() {
        return "NaN".to_string();
    }
    let sign = if value < 0.0 { "-" } else { "" };
    let magnitude = value.abs();
    if magnitude.is_infinite() {
        return format!("{sign}infinity");
    }
    // Both are exact: 10^6 × 10^9 and 10^9 × 10^6 are below 2^53.
    if magnitude < 1e6 {
        let nanos = (magnitude * 1e9).round() as u64;
        return format!("{sign}{}", fraction_of(nanos, 1_000_000_000, 9));
    }
    if magnitude < 1e9 {
        let micros = (magnitude * 1e6).round() as u64;
        return format!("{sign}{}", fraction_of(micros, 1_000_000, 6));
    }
    if magnitude < 1e15 && magnitude.fract() == 0.0 {
        return format!("{sign}{}", magnitude as u64);
    }
    let (mut mantissa, mut exponent) = (magnitude, 0);
    while mantissa >= 10.0 {
        mantissa /= 10.0;
        exponent += 1;
    }
    let mut micros = (mantissa * 1e6).round() as u64;
    if micros >= 10_000_000 {
        micros /= 10;
        exponent += 1;
    }
    format!("{sign}{}e{exponent}", fraction_of(micros, 1_000_000, 6))
}

/// `parts` (of which `unit`, with `digits` zeros, make one) as the shortest
/// decimal: `fraction_of(12500, 1000, 3)` is `12.5`.
pub(crate) fn fraction_of(parts: u64, unit: u64, digits: usize) -> String {
    let (whole, fraction) = (parts / unit, parts % unit);
    if fraction == 0 {
        return whole.to_string();
    }
    let digits = format!("{fraction:0digits$}");
    format!("{whole}.{}", digits.trim_end_matches('0'))
}

/// `count` with thousands separators: `200,000`.
pub fn thousands(count: usize) -> String {
    let digits = count.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// Folds text for matching: lowercase, Latin diacritics and ligatures
/// removed (`Æ` → `ae`, `ß` → `ss`), combining marks dropped, curly quotes
/// straightened.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(c, &mut folded);
    }
    folded
}

/// Appends `c` folded as [`fold`] folds it.
pub(crate) fn push_folded(c: char, out: &mut String) {
    let code = c as u32;
    match code {
        0x0300..=0x036F => {}
        0x00C0..=0x017F => match LATIN_FOLD.get((code - 0xC0) as usize) {
            Some(folded) => out.push_str(folded),
            None => out.push(c),
        },
        0x2018 | 0x2019 | 0x201B | 0x2032 => out.push('\''),
        0x201C | 0x201D | 0x201F | 0x2033 => out.push('"'),
        _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        _ => out.extend(c.to_lowercase()),
    }
}

/// U+00C0 to U+017F (Latin-1 Supplement letters and Latin Extended-A),
/// folded.
const LATIN_FOLD: [&str; 192] = [
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o",
    "o", "o", "o", "o", "×", "o", "u", "u", "u", "u", "y", "þ", "ss", "a", "a", "a", "a", "a", "a",
    "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "÷", "o",
    "u", "u", "u", "u", "y", "þ", "y", "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c",
    "c", "c", "d", "d", "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g",
    "g", "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i", "i", "i",
    "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l", "l", "l", "l", "n",
    "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o", "o", "o", "oe", "oe", "r", "r",
    "r", "r", "r", "r", "s", "s", "s", "s", "s", "s", "s", "s", "t", "t", "t", "t", "t", "t", "u",
    "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z",
    "z", "z", "z", "s",
];
