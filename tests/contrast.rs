//! Speaker and text colours are readable: at least 4.5:1 (WCAG AA) against
//! the theme background, in the light and the dark theme, as the stylesheet
//! defines them (`light-dark(light, dark)`).

fn stylesheet() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/style/episode-viewer.css"
    ))
    .unwrap()
}

/// `--name: light-dark(#rrggbb, #rrggbb)` declarations: (name, light, dark).
fn colours() -> Vec<(String, [u8; 3], [u8; 3])> {
    let hex = |value: &str| {
        let value = u32::from_str_radix(value.trim().strip_prefix('#')?.get(..6)?, 16).ok()?;
        Some([(value >> 16) as u8, (value >> 8) as u8, value as u8])
    };
    stylesheet()
        .lines()
        .filter_map(|line| {
            let (name, value) = line
                .trim()
                .trim_end_matches(';')
                .split_once(": light-dark(")?;
            let (light, dark) = value.trim_end_matches(')').split_once(',')?;
            Some((name.to_string(), hex(light)?, hex(dark)?))
        })
        .collect()
}

fn luminance([r, g, b]: [u8; 3]) -> f64 {
    let channel = |value: u8| {
        let value = f64::from(value) / 255.0;
        if value <= 0.03928 {
            value / 12.92
        } else {
            ((value + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (lighter, darker) = {
        let (x, y) = (luminance(a), luminance(b));
        if x > y {
            (x, y)
        } else {
            (y, x)
        }
    };
    (lighter + 0.05) / (darker + 0.05)
}

fn check_theme(theme: &str, pick: impl Fn(&(String, [u8; 3], [u8; 3])) -> [u8; 3]) {
    let colours = colours();
    let colour = |name: &str| pick(colours.iter().find(|entry| entry.0 == name).unwrap());
    let background = colour("--ev-bg");
    let speakers: Vec<_> = colours
        .iter()
        .filter(|entry| entry.0.starts_with("--ev-speaker-"))
        .collect();
    assert_eq!(speakers.len(), 6, "{theme}: six speaker colours");
    for entry in speakers {
        let ratio = contrast(pick(entry), background);
        assert!(
            ratio >= 4.5,
            "{theme} {}: contrast {ratio:.2} is below 4.5",
            entry.0
        );
    }
    for name in ["--ev-fg", "--ev-muted", "--ev-accent"] {
        assert!(contrast(colour(name), background) >= 4.5, "{theme} {name}");
    }
    // The error box: its text, and its border (3:1, not text).
    let error_bg = colour("--ev-error-bg");
    assert!(
        contrast(colour("--ev-fg"), error_bg) >= 4.5,
        "{theme} error text"
    );
    assert!(
        contrast(colour("--ev-error"), error_bg) >= 3.0,
        "{theme} error border"
    );
    // The spoken word (accent, underlined) on the current line.
    let current = colour("--ev-current-bg");
    assert!(
        contrast(colour("--ev-accent"), current) >= 4.5,
        "{theme} word on the current line"
    );
    assert!(
        contrast(colour("--ev-fg"), current) >= 4.5,
        "{theme} current line"
    );
}

#[test]
fn speaker_and_text_colours_meet_wcag_aa_in_both_themes() {
    check_theme("light", |entry| entry.1);
    check_theme("dark", |entry| entry.2);
}

#[test]
fn the_ratio_is_computed_right() {
    assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
    assert!((contrast([0x77, 0x77, 0x77], [255, 255, 255]) - 4.48).abs() < 0.01);
}
