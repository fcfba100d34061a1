//! Deep links: `#t=` in the page URL.

use episode_viewer::core::fragment::{parse_time_fragment, time_fragment, TimeFragment};

fn range(start: f64, end: Option<f64>) -> Option<TimeFragment> {
    Some(TimeFragment { start, end })
}

#[test]
fn reads_the_forms_people_write() {
    assert_eq!(parse_time_fragment("#t=90"), range(90.0, None));
    assert_eq!(parse_time_fragment("t=90.5"), range(90.5, None));
    assert_eq!(parse_time_fragment("#t=1:30"), range(90.0, None));
    assert_eq!(parse_time_fragment("#t=1:02:03"), range(3723.0, None));
    assert_eq!(
        parse_time_fragment("#t=1:30,1:45"),
        range(90.0, Some(105.0))
    );
    assert_eq!(parse_time_fragment("#t=npt:10,20"), range(10.0, Some(20.0)));
    assert_eq!(parse_time_fragment("#t=,20"), range(0.0, Some(20.0)));
    assert_eq!(parse_time_fragment("#comments&t=30&x=1"), range(30.0, None));
}

#[test]
fn ignores_what_is_not_a_time() {
    for fragment in [
        "",
        "#",
        "#top",
        "#t=",
        "#t=abc",
        "#t=1:75",
        "#t=-5",
        "#t=10,abc",
        "#at=10",
    ] {
        assert_eq!(parse_time_fragment(fragment), None, "{fragment}");
    }
    assert_eq!(
        parse_time_fragment("#t=20,10"),
        range(20.0, None),
        "an end before the start is dropped"
    );
}

#[test]
fn writes_links_that_read_back() {
    assert_eq!(time_fragment(90.5, None), "#t=90.5");
    assert_eq!(time_fragment(12.0, Some(15.25)), "#t=12,15.25");
    assert_eq!(time_fragment(12.0, Some(11.0)), "#t=12");
    assert_eq!(time_fragment(1.23456, None), "#t=1.235");
    for (start, end) in [(0.0, None), (3599.999, Some(3600.5)), (42.0, Some(43.0))] {
        assert_eq!(
            parse_time_fragment(&time_fragment(start, end)),
            range(start, end)
        );
    }
}
