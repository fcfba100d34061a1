//! `episode-viewer import`: show notes and an untimed transcript to
//! episode JSON with estimated timings.

use std::process::ExitCode;

use episode_viewer::core::export::to_episode_json;
use episode_viewer::core::load::{EpisodeRequest, Reader};
use episode_viewer::core::text::thousands;
use episode_viewer::core::time::format_clock;
use episode_viewer::core::Timing;

use crate::files::{
    display_name, duration_option, load_files, option_value, write_output, Failure, Progress,
};

/// Help for `import`.
pub const HELP: &str = "\
episode-viewer import: show notes and an untimed transcript -> episode JSON

Usage:
  episode-viewer import --transcript FILE [--notes FILE] [--duration TIME] [options]

Options:
  --transcript FILE   plain text transcript in speaker turns (`Name: text`),
                      paragraphs separated by blank lines; times written in it
                      ([00:03:32], (12:45), [inaudible 00:01:52]) are kept.
                      An HTML transcript (<cite>, <time>, <p>) is read too;
                      a WebVTT, SRT or JSON transcript is read as it is
  --notes FILE        show notes, text or HTML; topics with times such as
                      `Introduction (00:00)` or `00:12:30 - Q&A` become chapters
  --duration TIME     length of the episode (31:00, 1:02:03 or seconds); the
                      end of the transcript is pinned to it
  --title TEXT, --podcast TEXT, --language TAG
                      episode metadata to include (the title replaces the
                      one the show notes give)
  --no-chapter-pins   do not use chapter starts found in the transcript as
                      known times (only the times written in it)
  -o, --output FILE   write here instead of standard output
  -h, --help          this help

At least one of --transcript and --notes is needed. Warnings (times that
could not be used, chapters skipped) go to standard error.

Examples:
  episode-viewer import --transcript transcript.txt --notes shownotes.txt --duration 31:00 -o episode.json
  episode-viewer import --notes shownotes.html --duration 45:10 -o chapters-only.json
";

/// Runs `import` with the arguments after the command name.
pub fn run(mut parser: lexopt::Parser) -> Result<ExitCode, Failure> {
    use lexopt::Arg::{Long, Short};
    let (mut transcript, mut notes, mut duration, mut output) = (None, None, None, None);
    let (mut title, mut podcast, mut language) = (None, None, None);
    let mut chapter_pins = true;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("transcript") => transcript = Some(option_value(&mut parser, "--transcript")?),
            Long("notes") => notes = Some(option_value(&mut parser, "--notes")?),
            Long("duration") => duration = Some(duration_option(&mut parser)?),
            Long("title") => title = Some(option_value(&mut parser, "--title")?),
            Long("podcast") => podcast = Some(option_value(&mut parser, "--podcast")?),
            Long("language") => language = Some(option_value(&mut parser, "--language")?),
            Long("no-chapter-pins") => chapter_pins = false,
            Short('o') | Long("output") => output = Some(option_value(&mut parser, "--output")?),
            Short('h') | Long("help") => return Err(Failure::Help("import")),
            other => return Err(other.unexpected().into()),
        }
    }
    if transcript.is_none() && notes.is_none() {
        return Err(Failure::Usage(
            "import needs --transcript, --notes or both".to_string(),
        ));
    }
    let shown_name = transcript
        .as_deref()
        .or(notes.as_deref())
        .map(display_name)
        .unwrap_or_default();
    let files = usize::from(transcript.is_some()) + usize::from(notes.is_some());
    let request = EpisodeRequest {
        transcript,
        notes,
        duration,
        chapter_pins,
        reader: Reader::Cli,
        ..EpisodeRequest::default()
    };
    let (mut size, mut read, mut progress) = (0, 0, None);
    let (mut episode, _) = load_files(request, |_, file| {
        size += file.text.len();
        read += 1;
        // Estimating starts once the last file is read.
        if read == files {
            let estimating = Progress::for_input(&shown_name, size);
            estimating.step("estimating times");
            progress = Some(estimating);
        }
    })?;
    let progress = progress.unwrap_or_else(|| Progress::for_input(&shown_name, 0));
    episode.title = title.or(episode.title.take());
    episode.podcast = podcast.or(episode.podcast.take());
    episode.language = language.or(episode.language.take());
    progress.step("writing");
    write_output(output.as_deref(), &to_episode_json(&episode))?;
    progress.done("done");
    for warning in &episode.warnings {
        eprintln!("warning: {warning}");
    }
    let timing = if episode.timing == Timing::Estimated {
        ", times estimated"
    } else {
        ""
    };
    eprintln!(
        "{} lines, {} speakers, {} chapters{timing}, ending at {}",
        thousands(episode.lines.len()),
        episode.speakers.len(),
        episode.chapters.len(),
        format_clock(
            episode
                .lines
                .last()
                .map(|line| line.end)
                .or(episode.duration)
                .unwrap_or_default()
        )
    );
    Ok(ExitCode::SUCCESS)
}
