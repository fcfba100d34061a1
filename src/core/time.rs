//! Parsing and formatting of clock times such as `1:02:03.5`.

use super::text::fraction_of;

/// Parses `h:mm:ss(.fff)`, `mm:ss(.fff)` or plain seconds `ss(.fff)` into
/// seconds. Minutes and seconds after the first field must be below 60.
/// Returns `None` for anything else, including negative values.
pub fn parse_clock(text: &str) -> Option<f64> {
    let text = text.trim();
    // At most three fields, read without allocating (free text has many).
    let mut fields = [""; 3];
    let mut count = 0;
    for field in text.split(':') {
        *fields.get_mut(count)? = field;
        count += 1;
    }
    let (seconds_field, whole_fields) = fields.get(..count)?.split_last()?;
    let seconds = parse_decimal(seconds_field)?;
    if !whole_fields.is_empty() && seconds >= 60.0 {
        return None;
    }
    let mut total = 0.0;
    for (position, field) in whole_fields.iter().enumerate() {
        let value = parse_digits(field)?;
        let is_minutes_after_hours = whole_fields.len() == 2 && position == 1;
        if is_minutes_after_hours && value >= 60 {
            return None;
        }
        total = total * 60.0 + value as f64;
    }
    Some(total * 60.0 + seconds)
}

fn parse_digits(field: &str) -> Option<u64> {
    if field.is_empty() || !field.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    field.parse().ok()
}

fn parse_decimal(field: &str) -> Option<f64> {
    let (whole, fraction) = match field.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (field, None),
    };
    parse_digits(whole)?;
    if let Some(fraction) = fraction {
        parse_digits(fraction)?;
    }
    decimal_value(whole, fraction.unwrap_or(""))
}

/// The value of the ASCII digits `whole` `.` `fraction`, correctly rounded
/// (one division of two exact integers), without the size of a general
/// float parser. Fraction digits past the 15th significant digit are
/// dropped; `None` when the whole part alone is too long to be exact.
pub(crate) fn decimal_value(whole: &str, fraction: &str) -> Option<f64> {
    const EXACT_DIGITS: usize = 15;
    let whole = whole.trim_start_matches('0');
    let kept = fraction.len().min(EXACT_DIGITS.checked_sub(whole.len())?);
    let mut numerator: u64 = 0;
    for byte in whole.bytes().chain(fraction.bytes().take(kept)) {
        numerator = numerator * 10 + u64::from(byte.checked_sub(b'0').filter(|digit| *digit <= 9)?);
    }
    Some(numerator as f64 / 10f64.powi(kept as i32))
}

/// Seconds as the shortest decimal to the millisecond: `90`, `90.5`,
/// `3723.25` (for URLs and attributes; negative values count as 0).
pub fn format_seconds(seconds: f64) -> String {
    let millis = if seconds.is_finite() && seconds > 0.0 {
        (seconds * 1000.0).round() as u64
    } else {
        0
    };
    fraction_of(millis, 1000, 3)
}

/// Formats seconds as a clock: `m:ss` below an hour, `h:mm:ss` from an hour
/// on. Fractions are dropped; negative and non-finite values read `0:00`.
pub fn format_clock(seconds: f64) -> String {
    let whole = if seconds.is_finite() && seconds > 0.0 {
        seconds.floor() as u64
    } else {
        0
    };
    let (hours, minutes, secs) = (whole / 3600, whole / 60 % 60, whole % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{secs:02}")
    } else {
        format!("{minutes}:{secs:02}")
    }
}

/// Formats a duration for people: `45 s`, `3 min`, `1 h 05 min`.
pub fn format_duration(seconds: f64) -> String {
    let whole = if seconds.is_finite() && seconds > 0.0 {
        seconds.round() as u64
    } else {
        0
    };
    match whole {
        0..=59 => format!("{whole} s"),
        60..=3599 => format!("{} min", (whole + 30) / 60),
        _ => {
            let minutes = (whole + 30) / 60;
            format!("{} h {:02} min", minutes / 60, minutes % 60)
        }
    }
}
