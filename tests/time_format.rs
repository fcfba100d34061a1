//! Clock times in and out.

use episode_viewer::core::time::{format_clock, format_duration, parse_clock};

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
