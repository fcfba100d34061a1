//! Search and display text.

use episode_viewer::core::search::{Match, SearchIndex, MAX_MATCHES};
use episode_viewer::core::text::fold;
use episode_viewer::core::{Line, Word};

fn found(lines: &[&str], query: &str) -> Vec<(usize, String)> {
    let index = SearchIndex::new(lines.iter().copied());
    index
        .find(query)
        .into_iter()
        .map(|Match { line, range }| (line, lines[line][range].to_string()))
        .collect()
}

#[test]
fn case_and_diacritics_are_ignored() {
    let lines = [
        "Her Résumé was long.",
        "RESUME the tape",
        "résumé, resume, RÉSUMÉ",
    ];
    assert_eq!(
        found(&lines, "resume"),
        [
            (0, "Résumé".to_string()),
            (1, "RESUME".to_string()),
            (2, "résumé".to_string()),
            (2, "resume".to_string()),
            (2, "RÉSUMÉ".to_string()),
        ]
    );
    assert_eq!(found(&lines, "RÉSUMÉ").len(), 5);
    assert_eq!(found(&["Straße"], "strasse"), [(0, "Straße".to_string())]);
    assert_eq!(found(&["Łódź"], "lodz"), [(0, "Łódź".to_string())]);
    assert_eq!(found(&["naïve"], "naive"), [(0, "naïve".to_string())]);
    // Combining marks (decomposed text) are ignored too.
    assert_eq!(
        found(&["cafe\u{301} au lait"], "café"),
        [(0, "cafe\u{301}".to_string())]
    );
    assert_eq!(found(&["don’t stop"], "don't"), [(0, "don’t".to_string())]);
}

#[test]
fn special_characters_are_literal() {
    let lines = ["f(x) = 2*x", r"C:\path\to", "a.b a+b [x]", "^start$ end"];
    assert_eq!(found(&lines, "(x)"), [(0, "(x)".to_string())]);
    assert_eq!(found(&lines, "2*x"), [(0, "2*x".to_string())]);
    assert_eq!(found(&lines, r"\path\"), [(1, r"\path\".to_string())]);
    assert_eq!(found(&lines, "."), [(2, ".".to_string())]);
    assert_eq!(found(&lines, "[x]"), [(2, "[x]".to_string())]);
    assert_eq!(found(&lines, "^start$"), [(3, "^start$".to_string())]);
    assert_eq!(found(&lines, "a*b"), []);
}

#[test]
fn blank_queries_find_nothing_and_queries_are_trimmed() {
    assert!(found(&["some text"], "").is_empty());
    assert!(found(&["some text"], "   ").is_empty());
    assert_eq!(found(&["some text"], " text "), [(0, "text".to_string())]);
}

#[test]
fn scripts_without_case_and_other_alphabets() {
    let lines = ["你好，欢迎收听", "Привет, МИР", "Γειά σου Κόσμε"];
    assert_eq!(found(&lines, "欢迎"), [(0, "欢迎".to_string())]);
    assert_eq!(found(&lines, "мир"), [(1, "МИР".to_string())]);
    assert_eq!(found(&lines, "ΣΟΥ"), [(2, "σου".to_string())]);
}

#[test]
fn matches_are_capped() {
    let line = "a ".repeat(20_000);
    assert_eq!(
        SearchIndex::new([line.as_str()]).find("a").len(),
        MAX_MATCHES
    );
}

#[test]
fn fold_is_what_matching_compares() {
    assert_eq!(fold("Ÿ Ĳ Œuvre ﬁ"), "y ij oeuvre ﬁ");
}

fn word(start: f64, text: &str) -> Word {
    Word {
        start,
        end: start,
        text: text.to_string(),
    }
}

#[test]
fn display_text_joins_words_with_punctuation_attached() {
    let line = Line {
        start: 0.0,
        end: 2.0,
        speaker: None,
        text: "ignored when words exist".to_string(),
        words: vec![
            word(0.0, "Hello"),
            word(0.3, ","),
            word(0.5, "world"),
            word(0.9, "!"),
        ],
        ..Line::default()
    };
    let display = line.display_text();
    assert_eq!(display.text, "Hello, world!");
    assert_eq!(display.words, [0..5, 5..6, 7..12, 12..13]);
    let plain = Line {
        words: Vec::new(),
        ..line
    };
    assert_eq!(plain.display_text().text, "ignored when words exist");
}
