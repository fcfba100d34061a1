//! Splitting text into sentences, and measuring how long text takes to say.

use crate::core::text::head_of;

/// How far an aside (`[laughs]`) may reach from its `[`, in bytes.
const ASIDE_REACH: usize = 200;

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "vs", "etc", "e.g", "i.e", "jr", "sr", "no", "approx",
    "ca", "z.b", "bzw", "usw", "nr", "hr", "fr",
];

/// Whether `word` (the text before a full stop) is an abbreviation or an
/// initial rather than the end of a sentence.
pub fn is_abbreviation(word: &str) -> bool {
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let lower = word.to_lowercase();
    let single_letter = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    single_letter || ABBREVIATIONS.contains(&lower.as_str())
}

/// The byte offsets where sentences begin in `text` (always including 0):
/// after `.`, `!`, `?` or `…` (and closing quotes or brackets) followed by
/// a space, unless the full stop ends an abbreviation or an initial.
pub fn sentence_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let mut chars = text.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        while chars
            .next_if(|&(_, next)| {
                matches!(
                    next,
                    '.' | '!' | '?' | '…' | '"' | '”' | '’' | '\'' | ')' | ']'
                )
            })
            .is_some()
        {}
        let Some(&(space_index, space)) = chars.peek() else {
            break;
        };
        if !space.is_whitespace() {
            continue;
        }
        // A trailing-off `…` or `...` before lower case goes on: `really...
        // well, and the taste.`
        let ellipsis = c == '…'
            || text
                .get(index..space_index)
                .is_some_and(|run| run.starts_with(".."));
        let next_lower = text
            .get(space_index..)
            .map(str::trim_start)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_lowercase);
        if ellipsis && next_lower {
            continue;
        }
        if c == '.' {
            let before = text.get(..index).unwrap_or_default();
            let word = before
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or_default();
            if is_abbreviation(word) {
                continue;
            }
        }
        let next_start = text
            .get(space_index..)
            .and_then(|rest| rest.find(|c: char| !c.is_whitespace()))
            .map(|offset| space_index + offset);
        // An aside after a sentence stays with it (`… cannery. [laughs] The
        // …`) unless the words after it go on in lower case (`[inaudible]
        // we never …`).
        let next_start = next_start.and_then(|start| match text.get(start..) {
            Some(rest) if rest.starts_with('[') => {
                // An aside is short: look for its end only nearby.
                let aside = head_of(rest, ASIDE_REACH);
                let Some(after_aside) = aside.find(']').map(|end| start + end + 1) else {
                    return Some(start);
                };
                // A full stop after the aside (`[laugh]. So …`) is the
                // sentence's, not the next one's.
                let following = text.get(after_aside..).unwrap_or_default();
                let next_word = following
                    .trim_start_matches(['.', ',', ';', '!', '?', '…'])
                    .trim_start();
                match next_word.chars().next() {
                    None => None,
                    Some(first) if first.is_lowercase() => Some(start),
                    Some(_) => Some(after_aside + (following.len() - next_word.len())),
                }
            }
            _ => Some(start),
        });
        if let Some(next_start) = next_start.filter(|start| starts.last() < Some(start)) {
            starts.push(next_start);
        }
    }
    starts
}

/// How long `text` takes to say, in syllables (estimated: groups of
/// vowels per word, at least one per word; each digit of a number counts
/// as a syllable). A bracketed aside (`[laughs]`) counts as two.
pub fn spoken_length(text: &str) -> f64 {
    spoken_words(text).last().map_or(0.0, |(_, total)| total)
}

/// After each word of `text`: where it ends (byte offset) and how long the
/// text is to say up to there, as [`spoken_length`] counts it; so the
/// length of any stretch is found without measuring it again.
pub fn spoken_so_far(text: &str) -> Vec<(usize, f64)> {
    spoken_words(text).collect()
}

/// [`spoken_so_far`] a word at a time.
fn spoken_words(text: &str) -> impl Iterator<Item = (usize, f64)> + '_ {
    let mut total = 0.0;
    let mut in_aside = false;
    let base = text.as_ptr() as usize;
    text.split_whitespace().map(move |word| {
        let end = word.as_ptr() as usize - base + word.len();
        if word.starts_with('[') {
            in_aside = true;
            total += ASIDE_SYLLABLES;
        }
        if in_aside {
            if word.contains(']') {
                in_aside = false;
            }
        } else {
            total += word_syllables(word);
        }
        (end, total)
    })
}

/// How long the text up to `offset` is to say, from [`spoken_so_far`].
pub fn spoken_before(so_far: &[(usize, f64)], offset: usize) -> f64 {
    let words = so_far.partition_point(|(end, _)| *end <= offset);
    words
        .checked_sub(1)
        .and_then(|last| so_far.get(last))
        .map_or(0.0, |(_, total)| *total)
}

/// What a bracketed aside such as `[laughs]` counts for.
const ASIDE_SYLLABLES: f64 = 2.0;

/// Syllables in one written word.
pub fn word_syllables(word: &str) -> f64 {
    let mut syllables = 0usize;
    let mut previous_vowel = false;
    let mut letters = 0usize;
    for c in word.chars() {
        if c.is_ascii_digit() {
            syllables += 1;
            previous_vowel = false;
            continue;
        }
        if !c.is_alphabetic() {
            previous_vowel = false;
            continue;
        }
        letters += 1;
        let vowel = is_vowel(c);
        if vowel && !previous_vowel {
            syllables += 1;
        }
        previous_vowel = vowel;
    }
    // A silent final `e` (`make`, `time`), though not in `the` or `be`.
    if syllables > 1
        && word
            .trim_end_matches(|c: char| !c.is_alphabetic())
            .ends_with(['e', 'E'])
        && letters > 3
    {
        syllables -= 1;
    }
    if letters == 0 && syllables == 0 {
        return 0.0;
    }
    syllables.max(1) as f64
}

fn is_vowel(c: char) -> bool {
    matches!(
        c.to_lowercase().next().unwrap_or(c),
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'y'
            | 'ä'
            | 'ö'
            | 'ü'
            | 'á'
            | 'à'
            | 'â'
            | 'é'
            | 'è'
            | 'ê'
            | 'í'
            | 'ì'
            | 'î'
            | 'ó'
            | 'ò'
            | 'ô'
            | 'ú'
            | 'ù'
            | 'û'
            | 'å'
            | 'æ'
            | 'ø'
    )
}
