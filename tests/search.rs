//! Search, display text and the pieces a line is rendered from.

use episode_viewer::core::pieces::{line_pieces, Piece};
use episode_viewer::core::search::{fold, Match, SearchIndex, MAX_MATCHES};
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

fn word_piece(index: usize, text: &str) -> Piece {
    Piece::Word {
        index,
        text: text.to_string(),
    }
}

#[test]
fn pieces_are_words_and_the_text_between() {
    let text = "Never drink liquid nitrogen.";
    assert_eq!(
        line_pieces(text, &[0..5, 6..11, 12..18, 19..28]),
        [
            word_piece(0, "Never"),
            Piece::Text(" ".to_string()),
            word_piece(1, "drink"),
            Piece::Text(" ".to_string()),
            word_piece(2, "liquid"),
            Piece::Text(" ".to_string()),
            word_piece(3, "nitrogen."),
        ]
    );
    assert_eq!(
        line_pieces("plain text", &[]),
        [Piece::Text("plain text".to_string())]
    );
    assert!(line_pieces("", &[]).is_empty());
}

#[test]
fn pieces_ignore_ranges_that_do_not_fit() {
    // Off the text, off char boundaries, overlapping: ignored, never a panic.
    let pieces = line_pieces("résumé", &[0..2, 50..60, 0..3, 1..3]);
    assert_eq!(
        pieces,
        [word_piece(2, "ré"), Piece::Text("sumé".to_string())]
    );
}
