//! Media Fragments time ranges in page URLs: `#t=90`, `#t=1:30`,
//! `#t=1:30,1:45`, `#t=npt:10,20`, `#t=,20`.

use super::time::{format_seconds, parse_clock};

/// A time range to play: from `start`, until `end` when given.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeFragment {
    /// Where to start, in seconds.
    pub start: f64,
    /// Where to stop, in seconds, after `start`.
    pub end: Option<f64>,
}

/// Reads the `t` parameter of a URL fragment (with or without its `#`;
/// other `&`-separated parameters are ignored). `None` when there is no
/// valid `t`; an end that is not after the start is dropped.
pub fn parse_time_fragment(fragment: &str) -> Option<TimeFragment> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let value = fragment
        .split('&')
        .find_map(|parameter| parameter.strip_prefix("t="))?;
    let value = value.strip_prefix("npt:").unwrap_or(value);
    if value.is_empty() {
        return None;
    }
    let (start, end) = match value.split_once(',') {
        Some((start, end)) => (start, Some(end)),
        None => (value, None),
    };
    let start = if start.is_empty() {
        0.0
    } else {
        parse_clock(start)?
    };
    let end = match end {
        Some(end) => Some(parse_clock(end)?).filter(|&end| end > start),
        None => None,
    };
    Some(TimeFragment { start, end })
}

/// The fragment for a time or range, e.g. `#t=90.5` or `#t=90.5,95`.
pub fn time_fragment(start: f64, end: Option<f64>) -> String {
    let seconds = format_seconds;
    match end {
        Some(end) if end > start => format!("#t={},{}", seconds(start), seconds(end)),
        _ => format!("#t={}", seconds(start)),
    }
}
