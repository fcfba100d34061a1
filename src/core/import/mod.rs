//! The importer: show notes with chapter times and an untimed plain text
//! transcript in speaker turns become an episode with estimated timings.
//!
//! Each paragraph of the transcript is split into sentences (a sentence of
//! fewer than four words joins the next), and each sentence becomes a line.
//! Line times come from [`estimate`]: known times are the start (0), every
//! time written in the transcript, the start of each chapter whose title
//! is found in the transcript (see [`chapter_pins`]), and the duration at
//! the end; between them time is spread in proportion to spoken length
//! (syllables), with a pause before each sentence, a longer one before
//! each paragraph and a longer one again at each change of speaker.

pub mod boundary;
mod chapter_pins;
pub mod clock_marks;
mod estimate;
mod html_transcript;
mod importer;
mod line_head;
mod paragraph_sentences;
mod plain_transcript;
mod request;
mod run_in_sentences;
mod run_in_turns;
mod run_together;
mod section_labels;
mod sentences;
mod show_notes;
mod speaker_names;
mod text_lines;
mod time_first;
mod timed_lines;
pub mod transcript_file;
pub(crate) mod transfer;

pub use boundary::{Importer, LinkedImporter};
pub use importer::{import_episode, UNKNOWN_LENGTH};
pub use request::{ImportRequest, NamedText};
pub use timed_lines::{PARAGRAPH_PAUSE, SENTENCE_PAUSE, TURN_PAUSE};
