//! The current-entry lookup: last start <= t, none before the first.

use episode_viewer::core::time_index::{percent_span, percent_through};
use episode_viewer::core::TimeIndex;
use episode_viewer::core::TimeSpan;

fn index() -> TimeIndex {
    // A gap between 4 and 10, and two entries starting together at 10.
    TimeIndex::new([1.0, 2.5, 4.0, 10.0, 10.0, 12.0])
}

#[test]
fn nothing_is_current_before_the_first_start() {
    assert_eq!(index().at(0.0), None);
    assert_eq!(index().at(0.999), None);
    assert_eq!(index().at(-5.0), None);
}

#[test]
fn an_entry_is_current_from_exactly_its_start() {
    assert_eq!(index().at(1.0), Some(0));
    assert_eq!(index().at(2.4999), Some(0));
    assert_eq!(index().at(2.5), Some(1));
    assert_eq!(index().at(4.0), Some(2));
}

#[test]
fn a_gap_keeps_the_previous_entry_current() {
    assert_eq!(index().at(7.0), Some(2));
    assert_eq!(index().at(9.999), Some(2));
}

#[test]
fn of_entries_starting_together_the_last_is_current() {
    assert_eq!(index().at(10.0), Some(4));
    assert_eq!(index().at(11.0), Some(4));
}

#[test]
fn the_last_entry_stays_current_after_its_start() {
    assert_eq!(index().at(12.0), Some(5));
    assert_eq!(index().at(1e9), Some(5));
    assert_eq!(index().at(f64::INFINITY), Some(5));
}

#[test]
fn empty_index_and_nan_give_nothing() {
    assert_eq!(TimeIndex::new([]).at(3.0), None);
    assert!(TimeIndex::new([]).is_empty());
    assert_eq!(index().at(f64::NAN), None);
    assert_eq!(index().len(), 6);
}

#[test]
fn matches_a_linear_scan_on_many_times() {
    let mut starts: Vec<f64> = (0..500)
        .map(|i| (i * 7 % 13) as f64 * 0.5 + i as f64)
        .collect();
    starts.sort_by(f64::total_cmp);
    let index = TimeIndex::new(starts.clone());
    for step in -10..5100 {
        let time = step as f64 * 0.1;
        let expected = starts.iter().rposition(|&start| start <= time);
        assert_eq!(index.at(time), expected, "at {time}");
    }
}

#[test]
fn spans_hold_exactly_the_times_with_the_same_answer() {
    let index = TimeIndex::new([2.0, 2.0, 5.5, 9.0, 30.0]);
    let mut checked = 0;
    for step in -20..700 {
        let time = f64::from(step) * 0.05;
        let span = index.span(time);
        assert!(span.contains(time), "{time} in {span:?}");
        if span.from.is_finite() {
            assert_eq!(index.at(span.from), index.at(time), "{time}: from");
            assert_ne!(
                index.at(span.from - 0.001),
                index.at(time),
                "{time}: just before"
            );
        }
        if span.until.is_finite() {
            assert_ne!(index.at(span.until), index.at(time), "{time}: until");
            assert_eq!(
                index.at(span.until - 0.001),
                index.at(time),
                "{time}: just before until"
            );
        }
        checked += 1;
    }
    assert_eq!(checked, 720);
    assert_eq!(TimeIndex::new([]).span(3.0), TimeSpan::ALL);
    assert!(!index.span(f64::NAN).contains(f64::NAN));
}

#[test]
fn percent_spans_hold_the_same_percent() {
    let (start, length) = (60.0, 617.3);
    for step in 0..8000 {
        let time = 50.0 + f64::from(step) * 0.09;
        let percent = percent_through(start, length, time);
        let span = percent_span(start, length, time);
        // Inside the span (away from its rounding-sized edges) the percent
        // does not change.
        for inside in [0.01, 0.5, 0.99] {
            let from = span.from.max(start - 10.0);
            let until = span.until.min(start + length + 10.0);
            let probe = from + (until - from) * inside;
            assert_eq!(
                percent_through(start, length, probe),
                percent,
                "{time}: {probe} in {span:?}"
            );
        }
    }
    assert_eq!(percent_through(0.0, 0.0, 5.0), 0);
    assert_eq!(percent_span(0.0, 0.0, 5.0), TimeSpan::ALL);
}
