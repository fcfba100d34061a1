//! SubRip: lenient reading of what real files look like.

mod common;

use episode_viewer::core::formats::cues::split_speaker_label;
use episode_viewer::core::formats::srt::{parse_srt, parse_srt_time};
use episode_viewer::core::formats::Transcript;
use episode_viewer::core::warnings::shown;

use common::{corpus_file, rows};

fn read(name: &str) -> Transcript {
    parse_srt(&corpus_file("srt", name)).unwrap()
}

#[test]
fn bom_crlf_numbered_cues_with_speakers_carried_forward() {
    let transcript = read("bom-crlf.srt");
    assert_eq!(
        rows(&transcript),
        [
            (0.0, 2.5, Some("Sam Host"), "Welcome to the show."),
            (2.5, 5.0, Some("Sam Host"), "The speaker carries forward."),
            (
                5.0,
                7.25,
                Some("Gale Guest"),
                "Thanks for having me! Two lines of text."
            ),
        ]
    );
    assert!(transcript.warnings.is_empty());
}

#[test]
fn messy_files_are_read_as_players_read_them() {
    let transcript = read("messy.srt");
    assert_eq!(
        rows(&transcript),
        [
            (0.0, 1.0, None, "Italic and bold and red text."),
            (
                1.0,
                2.0,
                None,
                "Missing blank line above; dots for commas; position coordinates. 3"
            ),
            (
                2.5,
                3.25,
                None,
                "Short fractions, and a stray number above."
            ),
            (6.0, 8.0, None, "a < b and R&D <tag> stay readable."),
            (7.0, 7.0, None, "Ends before it starts."),
        ]
    );
    assert_eq!(
        shown(&transcript.warnings),
        [
            r#"line 15: the cue timing "00:00:03,000 -> 00:00:04,000" is not valid (expected "00:00:00,000 --> 00:00:00,000"); cue skipped"#,
            r#"line 19: the cue timing "00:00:04,000 --> 00:00:xx,000" is not valid (expected "00:00:00,000 --> 00:00:00,000"); cue skipped"#,
            "line 23: empty cue skipped",
            "line 27: ends at 6.5 before it starts at 7; treated as ending at its start",
            "line 31: starts at 6, before the line above it (7); lines were sorted into time order",
        ]
    );
}

#[test]
fn speaker_labels_are_told_from_other_colons() {
    let speakers: Vec<Option<String>> = rows(&read("speakers-colons.srt"))
        .into_iter()
        .map(|row| row.2.map(str::to_string))
        .collect();
    let expected = [
        Some("HOST"),
        Some("HOST"),
        Some("Dr. Jane Smith"),
        Some("Neil deGrasse Tyson"),
        Some("Neil deGrasse Tyson"),
        Some("王小明"),
        Some("Ludwig van Beethoven"),
        Some("Ludwig van Beethoven"),
    ];
    assert_eq!(speakers, expected.map(|name| name.map(str::to_string)));
    let texts: Vec<String> = rows(&read("speakers-colons.srt"))
        .into_iter()
        .map(|row| row.3.to_string())
        .collect();
    assert_eq!(texts[1], "Time check: it is 10:30 now.");
    assert_eq!(texts[4], "Ratio 3:2 is not a speaker.");
    assert_eq!(texts[5], "全角冒号。");
    assert_eq!(texts[7], "http://example.org is not a speaker.");
}

#[test]
fn right_to_left_names_long_hours_and_no_final_newline() {
    assert_eq!(
        rows(&read("rtl-hours-no-newline.srt")),
        [
            (0.0, 2.0, Some("سارة"), "مرحبا بكم في البودكاست."),
            (360000.0, 360001.0, Some("עברית"), "Over a hundred hours."),
        ]
    );
}

#[test]
fn times_in_the_forms_files_use() {
    assert_eq!(parse_srt_time("01:02:03,456"), Some(3723.456));
    assert_eq!(parse_srt_time("01:02:03.456"), Some(3723.456));
    assert_eq!(parse_srt_time("0:00:01,5"), Some(1.5));
    assert_eq!(parse_srt_time("02:03,250"), Some(123.25));
    assert_eq!(parse_srt_time("00:00:07"), Some(7.0));
    for bad in [
        "",
        "1",
        "00:60:00,000",
        "00:00:60,000",
        "00:00:01,1234",
        "a:00:01,000",
        "00:00:01,-5",
        "::,",
    ] {
        assert_eq!(parse_srt_time(bad), None, "{bad:?}");
    }
}

#[test]
fn label_splitting_on_its_own() {
    assert_eq!(split_speaker_label("Anna: Hi"), (Some("Anna"), "Hi"));
    assert_eq!(split_speaker_label("Anna:"), (Some("Anna"), ""));
    assert_eq!(
        split_speaker_label("note: lowercase"),
        (None, "note: lowercase")
    );
    assert_eq!(
        split_speaker_label("One Two Three Four Five: too many"),
        (None, "One Two Three Four Five: too many")
    );
    assert_eq!(
        split_speaker_label("Why? No: punctuation"),
        (None, "Why? No: punctuation")
    );
}

#[test]
fn files_without_cues_are_errors() {
    assert_eq!(
        parse_srt("").unwrap_err().to_string(),
        "the file is empty; expected SubRip cues"
    );
    assert_eq!(
        parse_srt("just some text\nno timings\n")
            .unwrap_err()
            .to_string(),
        r#"found no SubRip cue; expected a timing line such as "00:00:01,000 --> 00:00:04,000""#
    );
}

/// Reads `text` as SRT: what is read keeps the invariants the widget
/// relies on (checked as the fuzz target checks them), and a refusal says
/// why.
fn read_mangled(text: &str) {
    // The fuzz checks are built for the native tests only.
    #[cfg(not(target_arch = "wasm32"))]
    episode_viewer::fuzzing::run("srt", text.as_bytes());
    if let Err(error) = parse_srt(text) {
        assert!(!error.message.is_empty(), "{text:?}");
    }
}

#[test]
fn never_panics_on_mangled_files() {
    let source = std::fs::read_to_string(format!(
        "{}/tests/corpus/srt/messy.srt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let chars: Vec<char> = source.chars().collect();
    for cut in 0..chars.len() {
        read_mangled(&chars[..cut].iter().collect::<String>());
        for insert in ['<', '&', '{', ':', '\r', '-', '>', '：'] {
            let mut mangled = chars.clone();
            mangled.insert(cut, insert);
            read_mangled(&mangled.into_iter().collect::<String>());
        }
    }
}
