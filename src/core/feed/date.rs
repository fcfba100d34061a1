//! RSS dates (RFC 822, as `<pubDate>` writes them) as the date alone.

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// `Fri, 09 Oct 2020 04:30:38 GMT` as `2020-10-09`: the day the publisher
/// wrote, in their time zone. `None` when `text` is not such a date (the
/// day of the week may be left out; a two-digit year is read as 19xx from
/// 50 on, else 20xx).
pub fn iso_date(text: &str) -> Option<String> {
    let text = text.trim();
    let text = match text.split_once(',') {
        Some((weekday, rest)) if weekday.trim().chars().all(|c| c.is_ascii_alphabetic()) => rest,
        _ => text,
    };
    let mut fields = text.split_whitespace();
    let day: u32 = number(fields.next()?, 1..=2)?;
    let month_name = fields.next()?.to_ascii_lowercase();
    let month = MONTHS
        .iter()
        .position(|month| month_name.starts_with(month))?
        + 1;
    let year_field = fields.next()?;
    let year = match year_field.len() {
        4 => number(year_field, 4..=4)?,
        2 => {
            let short: u32 = number(year_field, 2..=2)?;
            if short >= 50 {
                1900 + short
            } else {
                2000 + short
            }
        }
        _ => return None,
    };
    (1..=days_in(month, year))
        .contains(&day)
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// `field` as a number of `digits` ASCII digits.
fn number(field: &str, digits: std::ops::RangeInclusive<usize>) -> Option<u32> {
    (digits.contains(&field.len()) && field.bytes().all(|byte| byte.is_ascii_digit()))
        .then(|| field.parse().ok())
        .flatten()
}

fn days_in(month: usize, year: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}
