//! Speaker colours are readable: at least 4.5:1 (WCAG AA) against the
//! theme background, in the light and the dark theme, as the stylesheet
//! defines them.

fn stylesheet() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/style/episode-viewer.css"
    ))
    .unwrap()
}

/// `--name: #rrggbb` declarations of a block of the stylesheet.
fn colours(block: &str) -> Vec<(String, [u8; 3])> {
    block
        .lines()
        .filter_map(|line| {
            let (name, value) = line.trim().trim_end_matches(';').split_once(": #")?;
            let hex = u32::from_str_radix(value.get(..6)?, 16).ok()?;
            Some((
                name.to_string(),
                [(hex >> 16) as u8, (hex >> 8) as u8, hex as u8],
            ))
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

fn check_theme(block: &str, theme: &str) {
    let colours = colours(block);
    let background = colours
        .iter()
        .find(|(name, _)| name == "--ev-bg")
        .unwrap()
        .1;
    let speakers: Vec<_> = colours
        .iter()
        .filter(|(name, _)| name.starts_with("--ev-speaker-"))
        .collect();
    assert_eq!(speakers.len(), 6, "{theme}: six speaker colours");
    for (name, colour) in speakers {
        let ratio = contrast(*colour, background);
        assert!(
            ratio >= 4.5,
            "{theme} {name}: contrast {ratio:.2} is below 4.5"
        );
    }
    for name in ["--ev-fg", "--ev-muted", "--ev-accent"] {
        let colour = colours.iter().find(|(n, _)| n == name).unwrap().1;
        assert!(contrast(colour, background) >= 4.5, "{theme} {name}");
    }
}

#[test]
fn speaker_and_text_colours_meet_wcag_aa_in_both_themes() {
    let css = stylesheet();
    let dark_start = css.find("@media (prefers-color-scheme: dark)").unwrap();
    let light = &css[..dark_start];
    let dark = &css[dark_start..dark_start + css[dark_start..].find("\n}\n").unwrap()];
    check_theme(light, "light");
    check_theme(dark, "dark");
}

#[test]
fn the_ratio_is_computed_right() {
    assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
    assert!((contrast([0x77, 0x77, 0x77], [255, 255, 255]) - 4.48).abs() < 0.01);
}
