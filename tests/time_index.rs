//! The current-entry lookup: last start <= t, none before the first.

use episode_viewer::core::TimeIndex;

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
