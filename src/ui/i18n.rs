//! The widget's own words, in the languages it ships: English (default) and
//! German. The element's `lang` (or its closest ancestor's, or the page's)
//! picks one. Messages about input files come from the core in English.

/// A language of the widget's interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// English, the default.
    English,
    /// German.
    German,
}

impl Language {
    /// The language for a BCP 47 tag (`de`, `de-AT` → German); English for
    /// anything else.
    pub fn for_tag(tag: Option<&str>) -> Self {
        let primary = tag
            .unwrap_or_default()
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default();
        if primary.eq_ignore_ascii_case("de") {
            Language::German
        } else {
            Language::English
        }
    }

    /// Status while the episode loads.
    pub fn loading(self) -> &'static str {
        match self {
            Language::English => "Loading transcript…",
            Language::German => "Transkript wird geladen …",
        }
    }

    /// What a listener is told when the episode could not be loaded (the
    /// technical detail follows it).
    pub fn could_not_load(self) -> &'static str {
        match self {
            Language::English => "The transcript could not be loaded.",
            Language::German => "Das Transkript konnte nicht geladen werden.",
        }
    }

    /// What a listener is told when the page's player is not there.
    pub fn player_missing(self) -> &'static str {
        match self {
            Language::English => "The transcript cannot find this page's audio player.",
            Language::German => "Das Transkript findet den Audioplayer dieser Seite nicht.",
        }
    }

    /// What a listener is told while the page's player is still to come.
    pub fn player_awaited(self) -> &'static str {
        match self {
            Language::English => "The transcript is waiting for this page's audio player.",
            Language::German => "Das Transkript wartet auf den Audioplayer dieser Seite.",
        }
    }

    /// The button that loads the episode again after a download failed.
    pub fn retry(self) -> &'static str {
        match self {
            Language::English => "Try again",
            Language::German => "Erneut versuchen",
        }
    }

    /// Said above a transcript whose times were estimated from untimed text.
    pub fn timings_approximate(self) -> &'static str {
        match self {
            Language::English => {
                "Timings are approximate: this transcript had no timings, so they were estimated."
            }
            Language::German => {
                "Zeitangaben sind ungefähr: Dieses Transkript hatte keine, sie wurden geschätzt."
            }
        }
    }

    /// Added to "matches no element" while the widget waits for the player.
    pub fn waiting_for_player(self) -> &'static str {
        match self {
            Language::English => "(yet); the transcript appears as soon as it does",
            Language::German => "(noch); das Transkript erscheint, sobald es da ist",
        }
    }

    /// Shown when an episode has chapters but no transcript.
    pub fn no_transcript(self) -> &'static str {
        match self {
            Language::English => "This episode has no transcript.",
            Language::German => "Diese Folge hat kein Transkript.",
        }
    }

    /// Name of the transcript region.
    pub fn transcript(self) -> &'static str {
        match self {
            Language::English => "Transcript",
            Language::German => "Transkript",
        }
    }

    /// Heading of the chapter list.
    pub fn chapters(self) -> &'static str {
        match self {
            Language::English => "Chapters",
            Language::German => "Kapitel",
        }
    }

    /// Heading of the highlights (a feed's soundbites).
    pub fn highlights(self) -> &'static str {
        match self {
            Language::English => "Highlights",
            Language::German => "Ausschnitte",
        }
    }

    /// Placeholder and label of the search field.
    pub fn search_transcript(self) -> &'static str {
        match self {
            Language::English => "Search transcript",
            Language::German => "Transkript durchsuchen",
        }
    }

    /// Counter when nothing matches.
    pub fn no_matches(self) -> &'static str {
        match self {
            Language::English => "No matches",
            Language::German => "Keine Treffer",
        }
    }

    /// Counter: the match the reader is at, of how many (`more`: capped).
    pub fn match_of(self, current: usize, total: usize, more: bool) -> String {
        let plus = if more { "+" } else { "" };
        match self {
            Language::English => format!("{current} of {total}{plus}"),
            Language::German => format!("{current} von {total}{plus}"),
        }
    }

    /// Label of the previous-match button.
    pub fn previous_match(self) -> &'static str {
        match self {
            Language::English => "Previous match",
            Language::German => "Vorheriger Treffer",
        }
    }

    /// Label of the next-match button.
    pub fn next_match(self) -> &'static str {
        match self {
            Language::English => "Next match",
            Language::German => "Nächster Treffer",
        }
    }

    /// The button that resumes follow mode.
    pub fn back_to_now(self) -> &'static str {
        match self {
            Language::English => "Back to now",
            Language::German => "Zurück zur Stelle",
        }
    }

    /// Label of a chapter's web link.
    pub fn chapter_link(self, title: &str) -> String {
        match self {
            Language::English => format!("Web page for “{title}” (opens in a new tab)"),
            Language::German => format!("Webseite zu „{title}“ (öffnet in neuem Tab)"),
        }
    }

    /// Label of a line's copy-link button.
    pub fn copy_link_to(self, time: &str) -> String {
        match self {
            Language::English => format!("Copy link to {time}"),
            Language::German => format!("Link zu {time} kopieren"),
        }
    }

    /// Confirmation after copying.
    pub fn link_copied(self) -> &'static str {
        match self {
            Language::English => "Copied",
            Language::German => "Kopiert",
        }
    }

    /// The button that copies the selected text with a link.
    pub fn copy_quote(self) -> &'static str {
        match self {
            Language::English => "Copy quote with link",
            Language::German => "Zitat mit Link kopieren",
        }
    }

    /// Shown with the link when the clipboard is not available.
    pub fn copy_by_hand(self) -> &'static str {
        match self {
            Language::English => "Copy this link:",
            Language::German => "Diesen Link kopieren:",
        }
    }

    /// Label of the button that closes a message.
    pub fn close(self) -> &'static str {
        match self {
            Language::English => "Close",
            Language::German => "Schließen",
        }
    }

    /// Summary of the repaired or skipped problems in the input.
    pub fn problems_repaired(self, count: usize) -> String {
        match (self, count) {
            (Language::English, 1) => {
                "1 problem in the transcript files was repaired or skipped".to_string()
            }
            (Language::English, _) => {
                format!("{count} problems in the transcript files were repaired or skipped")
            }
            (Language::German, 1) => {
                "1 Problem in den Transkriptdateien wurde behoben oder übersprungen".to_string()
            }
            (Language::German, _) => {
                format!(
                    "{count} Probleme in den Transkriptdateien wurden behoben oder übersprungen"
                )
            }
        }
    }
}

/// The language the current widget speaks (provided by the root component;
/// English outside one).
pub fn language() -> Language {
    leptos::prelude::use_context::<Language>().unwrap_or(Language::English)
}
