//! The JSON reader against serde_json, the reader most Rust tools use: the
//! same texts accepted and refused, the same values read. Cases in the
//! shapes of JSONTestSuite's (<https://github.com/nst/JSONTestSuite>)
//! `y_`/`n_` files, then a few thousand texts made by cutting and changing
//! valid documents.

// Tests are outside the crate's no-panic rule.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::string_slice)]

use super::json_number::number_value;
use super::json_parser::parse_json;
use super::json_value::Value;

/// A seeded random source (xorshift32): each call gives a number below
/// its bound.
fn seeded(mut state: u32) -> impl FnMut(usize) -> usize {
    move |bound| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        state as usize % bound.max(1)
    }
}

/// Whether ours reads `text` as serde_json does.
fn agrees(text: &str) -> Result<(), String> {
    let ours = parse_json(text);
    let theirs: Result<serde_json::Value, _> = serde_json::from_str(text);
    match (ours, theirs) {
        (Ok(ours), Ok(theirs)) if same(&ours, &theirs) => Ok(()),
        (Err(_), Err(_)) => Ok(()),
        (ours, theirs) => Err(format!("{text:?}: ours {ours:?}, serde_json {theirs:?}")),
    }
}

fn same(ours: &Value, theirs: &serde_json::Value) -> bool {
    use serde_json::Value as J;
    match (ours, theirs) {
        (Value::Null, J::Null) => true,
        (Value::Bool(a), J::Bool(b)) => a == b,
        (Value::Number(a), J::Number(b)) => b.as_f64().is_some_and(|b| close(a.as_f64(), b)),
        (Value::String(a), J::String(b)) => a == b,
        (Value::Array(a), J::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b))
        }
        (Value::Object(a), J::Object(b)) => {
            a.keys().count() == b.len()
                && b.iter()
                    .all(|(key, b)| a.get(key).is_some_and(|a| same(a, b)))
        }
        _ => false,
    }
}

/// Equal, or (for numbers outside the exact range, see `json_number`)
/// within a few units in the last place.
fn close(ours: f64, theirs: f64) -> bool {
    ours == theirs || (ours - theirs).abs() <= theirs.abs() * 4.0 * f64::EPSILON
}

const ACCEPTED: &[&str] = &[
    "[]",
    "{}",
    " [ 1 , 2 ] ",
    "\t\r\n[\"a\"]\n",
    "[-0]",
    "[-0.0e+1]",
    "[1E22]",
    "[1e-400]",
    "[123456789012345678901234567890]",
    "[0.5, -1.25e-3, 4E+2]",
    r#"{"a":1,"a":2}"#,
    r#"{"b":[],"a":{"c":null}}"#,
    r#"["\u0041\u00e9\u20AC\ud83d\ude00"]"#,
    r#"["\"\\\/\b\f\n\r\t"]"#,
    "[\"é中😀\"]",
    "[\"\u{7f}\"]",
    "[true,false,null]",
    "\"just a string\"",
    "42",
    r#"{"":""}"#,
    "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]",
];

const REFUSED: &[&str] = &[
    "",
    " ",
    "[",
    "]",
    "[1,]",
    "[,1]",
    "[1 2]",
    r#"{"a" 1}"#,
    r#"{"a":1,}"#,
    "{a:1}",
    "{'a':1}",
    "[01]",
    "[-]",
    "[1.]",
    "[.5]",
    "[1e]",
    "[1e+]",
    "[+1]",
    "[0x10]",
    "[NaN]",
    "[Infinity]",
    "[1e400]",
    "[-1e400]",
    "[tru]",
    "[nul]",
    "[True]",
    "[\"a\tb\"]",
    "[\"a\nb\"]",
    "[\"a\u{0}\"]",
    r#"["\x41"]"#,
    r#"["\u00"]"#,
    r#"["\u00G0"]"#,
    r#"["\ud800"]"#,
    r#"["\ud800\u0041"]"#,
    r#"["\udc00"]"#,
    r#"["\"#,
    "[\"abc",
    "[] []",
    "[]x",
    "{\"a\":1}}",
    "\u{feff}[]",
    "[\u{a0}1]",
];

#[test]
fn reads_what_json_readers_read_and_refuses_what_they_refuse() {
    let disagreements: Vec<String> = ACCEPTED
        .iter()
        .chain(REFUSED)
        .filter_map(|text| agrees(text).err())
        .collect();
    assert!(disagreements.is_empty(), "{disagreements:#?}");
    for text in ACCEPTED {
        assert!(parse_json(text).is_ok(), "{text:?}");
    }
    for text in REFUSED {
        assert!(parse_json(text).is_err(), "{text:?}");
    }
}

#[test]
fn agrees_on_cut_and_changed_documents() {
    let documents = [
        r#"{"version": 1, "title": "Ep. 1 \u2014 \"Bees\"", "speakers": {"a": "Ann", "b": {"name": "Bo", "img": null}}, "transcript": [{"start": 0, "end": 1.5e0, "speaker": "a", "text": "Hi\nthere", "words": [{"start": 0, "text": "Hi"}]}, {"start": "0:02", "text": "😀 ok", "paragraph": true}], "chapters": [{"start": 0, "title": "Intro", "toc": false}]}"#,
        r#"{"version":"1.0.0","segments":[{"speaker":"Ann","startTime":0.25,"endTime":1,"body":"One"},{"startTime":-0,"endTime":2E1,"body":"\ud83d\ude00\/"}]}"#,
        r#"[1, -2.5e-3, true, false, null, "x", [], {}, [[{"k": [0]}]]]"#,
    ];
    let changes: &[&str] = &[
        "", ",", ":", "]", "}", "[", "{", "\"", "\\", "0", "-", ".", "e", "u", "t", "n", " ", "\n",
        "\u{1}", "é",
    ];
    let mut next = seeded(0x2545_f491);
    let mut disagreements = Vec::new();
    let mut accepted = 0;
    for _ in 0..4000 {
        let document = documents[next(documents.len())];
        let bytes: Vec<usize> = document.char_indices().map(|(at, _)| at).collect();
        let at = bytes[next(bytes.len())];
        let until = bytes
            .iter()
            .copied()
            .find(|&end| end > at + next(3))
            .unwrap_or(at);
        let text = match next(3) {
            0 => document[..at].to_string(),
            1 => format!(
                "{}{}{}",
                &document[..at],
                changes[next(changes.len())],
                &document[until..]
            ),
            _ => format!(
                "{}{}{}",
                &document[..at],
                changes[next(changes.len())],
                &document[at..]
            ),
        };
        if let Err(disagreement) = agrees(&text) {
            disagreements.push(disagreement);
        }
        accepted += usize::from(parse_json(&text).is_ok());
    }
    // Both kinds are met, so the comparison tests both.
    assert!(
        (500..3500).contains(&accepted),
        "{accepted} of 4000 accepted"
    );
    assert!(
        disagreements.is_empty(),
        "{:#?}",
        &disagreements[..disagreements.len().min(10)]
    );
}

#[test]
fn keeps_the_last_value_of_a_key_at_its_first_place() {
    let read = parse_json(r#"{"b":1,"a":2,"b":3}"#).unwrap();
    let map = read.as_object().unwrap();
    assert_eq!(map.keys().collect::<Vec<_>>(), ["b", "a"]);
    assert_eq!(map.get("b").and_then(Value::as_f64), Some(3.0));
    let many: Vec<String> = (0..40).map(|n| format!("\"k{}\":{n}", n % 30)).collect();
    let read = parse_json(&format!("{{{}}}", many.join(","))).unwrap();
    let map = read.as_object().unwrap();
    assert_eq!(map.keys().count(), 30);
    assert_eq!(map.keys().next().map(String::as_str), Some("k0"));
    assert_eq!(map.get("k0").and_then(Value::as_f64), Some(30.0));
    assert_eq!(map.get("k29").and_then(Value::as_f64), Some(29.0));
}

#[test]
fn errors_say_what_and_where() {
    let message = |text: &str| parse_json(text).unwrap_err().to_string();
    assert_eq!(
        message("{\n  \"a\": [1,\n    2 3]\n}"),
        "not valid JSON: expected `,` or `]` after a list item at line 3 column 7"
    );
    assert_eq!(
        message("[\"é\u{1}\"]"),
        "not valid JSON: a control character in a string (write it as an escape such as \\n) at line 1 column 4"
    );
    assert_eq!(
        message(&format!("{}{}", "[".repeat(129), "]".repeat(129))),
        "the JSON is nested too deeply at line 1 column 129: the widget reads up to 128 levels"
    );
    assert!(parse_json(&format!("{}{}", "[".repeat(128), "]".repeat(128))).is_ok());
}

#[test]
fn numbers_in_the_exact_range_are_read_exactly() {
    let exact = [
        "0",
        "-0",
        "1",
        "12.5",
        "0.1",
        "0.2",
        "0.30000000000000004",
        "1234.567",
        "3599.999",
        "36000.001",
        "9007199254740992",
        "-2.5e-3",
        "1e22",
        "1.7e-22",
        "123456789.123456",
        "0.000123",
        "00.5e1",
    ];
    let mut next = seeded(0x9e37_79b9);
    let random = (0..3000).map(|_| {
        let millis = next(36_000_000);
        format!("{}.{:03}", millis / 1000, millis % 1000)
    });
    for written in exact.iter().map(|text| text.to_string()).chain(random) {
        let ours = number_value(&written).unwrap();
        let theirs: f64 = written.parse().unwrap();
        assert_eq!(ours.to_bits(), theirs.to_bits(), "{written}");
    }
    let outside = [
        "5e-324",
        "1.7976931348623157e308",
        "2.2250738585072014e-308",
        "1e23",
        "8.5e-40",
        "123456789012345678901234567890",
        "0.1234567890123456789012345",
    ];
    for written in outside {
        let ours = number_value(written).unwrap();
        let theirs: f64 = written.parse().unwrap();
        assert!(close(ours, theirs), "{written}: {ours} against {theirs}");
    }
    assert_eq!(number_value("1e309"), None);
    assert_eq!(number_value("1e-400"), Some(0.0));
    assert_eq!(number_value("1e99999999999999999999999"), None);
    // Digit runs longer than any exponent a number could use still count.
    let tiny = format!("0.{}1e1000002", "0".repeat(1_000_001));
    assert_eq!(number_value(&tiny), Some(1.0));
}
