//! Helpers shared by the reader tests.

use episode_viewer::core::formats::Transcript;

/// Each line of `transcript` as (start, end, speaker name, text).
pub fn rows(transcript: &Transcript) -> Vec<(f64, f64, Option<&str>, &str)> {
    transcript
        .lines
        .iter()
        .map(|line| {
            let speaker = line
                .speaker
                .map(|index| transcript.speakers[index].name.as_str());
            (line.start, line.end, speaker, line.text.as_str())
        })
        .collect()
}

/// The text of `tests/corpus/<folder>/<name>`.
pub fn corpus_file(folder: &str, name: &str) -> String {
    let path = format!(
        "{}/tests/corpus/{folder}/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}
