//! Clock times in and out.

use episode_viewer::core::time::{format_clock, format_duration, format_seconds, parse_clock};

#[test]
fn parses_hours_minutes_seconds_with_fractions() {
    assert_eq!(parse_clock("1:02:03"), Some(3723.0));
    assert_eq!(parse_clock("1:02:03.250"), Some(3723.25));
    assert_eq!(parse_clock("02:03.5"), Some(123.5));
    assert_eq!(parse_clock("0:00"), Some(0.0));
    assert_eq!(parse_clock("75:00"), Some(4500.0));
    assert_eq!(parse_clock("90.5"), Some(90.5));
    assert_eq!(parse_clock(" 4:05 "), Some(245.0));
    assert_eq!(parse_clock("10:00:00"), Some(36000.0));
}

#[test]
fn rejects_what_is_not_a_clock() {
    for bad in [
        "", "abc", "1:2:3:4", "1:60", "1:60:00", "1:00:60", "-1:00", "1.5:00", ":30", "1:", "1::2",
        "1e3", ".5", "5.", "1:0x", "NaN", "inf", "١:٠٠",
    ] {
        assert_eq!(parse_clock(bad), None, "{bad:?}");
    }
}

#[test]
fn formats_short_and_long_clocks() {
    assert_eq!(format_clock(0.0), "0:00");
    assert_eq!(format_clock(4.99), "0:04");
    assert_eq!(format_clock(59.999), "0:59");
    assert_eq!(format_clock(60.0), "1:00");
    assert_eq!(format_clock(754.2), "12:34");
    assert_eq!(format_clock(3599.9), "59:59");
    assert_eq!(format_clock(3600.0), "1:00:00");
    assert_eq!(format_clock(3723.5), "1:02:03");
    assert_eq!(format_clock(36000.0), "10:00:00");
}

#[test]
fn formats_nonsense_as_zero() {
    assert_eq!(format_clock(-3.0), "0:00");
    assert_eq!(format_clock(f64::NAN), "0:00");
    assert_eq!(format_clock(f64::INFINITY), "0:00");
}

#[test]
fn formats_durations_for_people() {
    assert_eq!(format_duration(0.0), "0 s");
    assert_eq!(format_duration(44.6), "45 s");
    assert_eq!(format_duration(89.0), "1 min");
    assert_eq!(format_duration(90.0), "2 min");
    assert_eq!(format_duration(3600.0), "1 h 00 min");
    assert_eq!(format_duration(3929.0), "1 h 05 min");
    assert_eq!(format_duration(f64::NAN), "0 s");
}

#[test]
fn decimal_seconds_parse_exactly_as_the_standard_parser() {
    // The small parser must round exactly like `str::parse::<f64>` up to
    // 15 significant digits; digits past that are dropped (a difference
    // far below a nanosecond).
    let mut checked = 0;
    for whole in ["0", "7", "59", "90", "3723", "35999", "123456"] {
        for fraction in [
            "",
            "5",
            "1",
            "25",
            "345",
            "999",
            "001",
            "1234567",
            "333333333",
        ] {
            let text = if fraction.is_empty() {
                whole.to_string()
            } else {
                format!("{whole}.{fraction}")
            };
            assert_eq!(parse_clock(&text), text.parse::<f64>().ok(), "{text}");
            checked += 1;
        }
    }
    assert_eq!(checked, 63);
    let long = "3723.3333333333333333333";
    let difference = parse_clock(long).unwrap() - long.parse::<f64>().unwrap();
    assert!(difference.abs() < 1e-9, "{difference}");
    assert_eq!(parse_clock("1.5e3"), None, "no exponents");
    assert_eq!(parse_clock("-5"), None);
}

#[test]
fn seconds_format_to_the_millisecond_without_trailing_zeros() {
    assert_eq!(format_seconds(90.0), "90");
    assert_eq!(format_seconds(90.5), "90.5");
    assert_eq!(format_seconds(3723.25), "3723.25");
    assert_eq!(format_seconds(0.1 + 0.2), "0.3");
    assert_eq!(format_seconds(12.0004), "12");
    assert_eq!(format_seconds(12.0005), "12.001");
    assert_eq!(format_seconds(-3.0), "0");
    assert_eq!(format_seconds(f64::NAN), "0");
}

/// Every digit-colon-dot token of a few shapes: the clock times that free
/// text is searched for are valued as `parse_clock` values them, and only
/// `m:ss`, `mm:ss`, `mmm:ss` and `h:mm:ss` (with a fraction) are times.
#[test]
fn clock_times_in_free_text_are_valued_as_parse_clock_values_them() {
    use episode_viewer::core::import::clock_marks::find_clock_marks;
    let fields = ["", "0", "5", "07", "59", "60", "99", "123", "1234"];
    let fractions = ["", ".", ".5", ".25", ".1234567", ".5.5", ".x"];
    let mut tokens = Vec::new();
    for first in fields {
        for second in fields {
            for fraction in fractions {
                tokens.push(format!("{first}:{second}{fraction}"));
                for third in ["", "00", "30", "61", "5"] {
                    tokens.push(format!("{first}:{second}:{third}{fraction}"));
                }
            }
        }
    }
    tokens.push("1:02:03:04".to_string());
    let mut found = 0;
    for token in &tokens {
        let text = format!("at {token} then");
        let marks = find_clock_marks(&text);
        let whole: Vec<_> = marks
            .iter()
            .filter(|mark| mark.time == (3..3 + token.trim_end_matches('.').len()))
            .collect();
        let shape = {
            let clock = token.split('.').next().unwrap_or_default();
            let parts: Vec<&str> = clock.split(':').collect();
            let fraction_ok = match token.split_once('.') {
                None => true,
                Some((_, fraction)) => {
                    fraction.is_empty() || fraction.bytes().all(|b| b.is_ascii_digit())
                }
            };
            fraction_ok
                && match parts.as_slice() {
                    [minutes, seconds] => (1..=3).contains(&minutes.len()) && seconds.len() == 2,
                    [hours, minutes, seconds] => {
                        (1..=2).contains(&hours.len()) && minutes.len() == 2 && seconds.len() == 2
                    }
                    _ => false,
                }
        };
        let expected = parse_clock(token.trim_end_matches('.')).filter(|_| shape);
        match (whole.as_slice(), expected) {
            ([mark], Some(seconds)) => {
                assert_eq!(mark.seconds, seconds, "{token}");
                assert_eq!(mark.has_hours, token.matches(':').count() == 2, "{token}");
                found += 1;
            }
            ([], None) => {}
            (marks, expected) => panic!("{token}: found {marks:?}, expected {expected:?}"),
        }
    }
    assert!(
        found > 100,
        "only {found} of {} tokens were times",
        tokens.len()
    );
}

#[test]
fn numbers_in_messages_read_as_decimals_to_the_millionth() {
    use episode_viewer::core::text::decimal;
    let cases = [
        (12.5, "12.5"),
        (-0.25, "-0.25"),
        (3.0, "3"),
        (0.1 + 0.2, "0.3"),
        (3_599.999_999_4, "3599.9999994"),
        (12.345_678_1, "12.3456781"),
        (0.000_000_000_1, "0"),
        (123_456_789.123_456_7, "123456789.123457"),
        (1.5e20, "1.5e20"),
        (-2e300, "-2e300"),
        (999_999_999_999.0, "999999999999"),
        (f64::INFINITY, "infinity"),
        (f64::NAN, "NaN"),
    ];
    for (value, text) in cases {
        assert_eq!(decimal(value), text, "{value:?}");
    }
}

#[test]
fn large_numbers_in_messages_keep_their_digits_or_go_to_an_exponent() {
    use episode_viewer::core::text::decimal;
    assert_eq!(decimal(1_234_567_890.5), "1.234568e9");
    assert_eq!(decimal(9_999_999_999.999_9), "1e10");
    assert_eq!(decimal(123_456_789_012_345.0), "123456789012345");
    assert_eq!(decimal(-1e15), "-1e15");
}
