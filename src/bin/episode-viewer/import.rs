//! `episode-viewer import`: show notes and an untimed transcript to
//! episode JSON with estimated timings, or an episode of a podcast feed to
//! episode JSON naming its files.

use std::process::ExitCode;

use episode_viewer::core::export::to_episode_json;
use episode_viewer::core::load::{EpisodeRequest, Reader};
use episode_viewer::core::text::thousands;
use episode_viewer::core::time::format_clock;
use episode_viewer::core::Timing;

use crate::feed::{write_feed_episode, FeedImport};
use crate::files::{
    display_name, duration_option, load_files, option_value, write_output, Failure, Progress,
};

/// Help for `import`.
pub const HELP: &str = "\
episode-viewer import: show notes and an untimed transcript -> episode JSON

Usage:
  episode-viewer import --transcript FILE [--notes FILE] [--duration TIME] [options]
  episode-viewer import --feed FILE [--episode GUID] [options]

Options:
  --transcript FILE   plain text transcript in speaker turns (`Name: text`),
                      paragraphs separated by blank lines; times written in it
                      ([00:03:32], (12:45), [inaudible 00:01:52]) are kept.
                      An HTML transcript (<cite>, <time>, <p>) is read too;
                      a WebVTT, SRT or JSON transcript is read as it is
  --notes FILE        show notes, text or HTML; topics with times such as
                      `Introduction (00:00)` or `00:12:30 - Q&A` become chapters
  --feed FILE         a podcast feed (RSS): the episode is written as episode
                      JSON naming the feed's transcripts (podcast:transcript)
                      and chapters file (podcast:chapters) by their URLs, with
                      its people (podcast:person) as speakers, soundbites as
                      highlights, and, without a chapters file, chapters from
                      the topic times of its show notes
  --episode GUID      the feed's episode with this <guid> (needed when the
                      feed has more than one)
  --duration TIME     length of the episode (31:00, 1:02:03 or seconds); the
                      end of the transcript is pinned to it
  --title TEXT, --podcast TEXT, --language TAG
                      episode metadata to include (the title replaces the
                      one the show notes give)
  --no-chapter-pins   do not use chapter starts found in the transcript as
                      known times (only the times written in it)
  -o, --output FILE   write here instead of standard output
  -h, --help          this help

At least one of --transcript, --notes and --feed is needed; --feed goes
with neither of the others. Warnings (times that
could not be used, chapters skipped) go to standard error.

Examples:
  episode-viewer import --transcript transcript.txt --notes shownotes.txt --duration 31:00 -o episode.json
  episode-viewer import --notes shownotes.html --duration 45:10 -o chapters-only.json
  episode-viewer import --feed feed.xml --episode allotment-ep12-7f3a -o episode.json
";

/// What `import` was asked to do.
#[derive(Default)]
struct ImportOptions {
    transcript: Option<String>,
    notes: Option<String>,
    feed: Option<String>,
    guid: Option<String>,
    duration: Option<f64>,
    title: Option<String>,
    podcast: Option<String>,
    language: Option<String>,
    no_chapter_pins: bool,
    output: Option<String>,
}

/// Runs `import` with the arguments after the command name.
pub fn run(parser: lexopt::Parser) -> Result<ExitCode, Failure> {
    let options = parse(parser)?;
    if let Some(path) = options.feed {
        if options.transcript.is_some() || options.notes.is_some() {
            return Err(Failure::Usage(
                "--feed takes the transcript and show notes from the feed: give it without --transcript and --notes".to_string(),
            ));
        }
        let request = FeedImport {
            path,
            guid: options.guid,
            duration: options.duration,
            chapter_pins: !options.no_chapter_pins,
            title: options.title,
            podcast: options.podcast,
            language: options.language,
        };
        return write_feed_episode(&request, options.output.as_deref());
    }
    if options.guid.is_some() {
        return Err(Failure::Usage(
            "--episode chooses an episode of a --feed".to_string(),
        ));
    }
    if options.transcript.is_none() && options.notes.is_none() {
        return Err(Failure::Usage(
            "import needs --transcript, --notes or both, or --feed".to_string(),
        ));
    }
    import_files(options)
}

fn parse(mut parser: lexopt::Parser) -> Result<ImportOptions, Failure> {
    use lexopt::Arg::{Long, Short};
    let mut options = ImportOptions::default();
    while let Some(arg) = parser.next()? {
        match arg {
            Long("transcript") => {
                options.transcript = Some(option_value(&mut parser, "--transcript")?)
            }
            Long("notes") => options.notes = Some(option_value(&mut parser, "--notes")?),
            Long("feed") => options.feed = Some(option_value(&mut parser, "--feed")?),
            Long("episode") => options.guid = Some(option_value(&mut parser, "--episode")?),
            Long("duration") => options.duration = Some(duration_option(&mut parser)?),
            Long("title") => options.title = Some(option_value(&mut parser, "--title")?),
            Long("podcast") => options.podcast = Some(option_value(&mut parser, "--podcast")?),
            Long("language") => options.language = Some(option_value(&mut parser, "--language")?),
            Long("no-chapter-pins") => options.no_chapter_pins = true,
            Short('o') | Long("output") => {
                options.output = Some(option_value(&mut parser, "--output")?)
            }
            Short('h') | Long("help") => return Err(Failure::Help("import")),
            other => return Err(other.unexpected().into()),
        }
    }
    Ok(options)
}

/// Imports the transcript and show notes files `options` names.
fn import_files(options: ImportOptions) -> Result<ExitCode, Failure> {
    let ImportOptions {
        transcript,
        notes,
        duration,
        title,
        podcast,
        language,
        output,
        ..
    } = options;
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
        chapter_pins: !options.no_chapter_pins,
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
