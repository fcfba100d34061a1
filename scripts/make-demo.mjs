// Builds the demo episode from demo/episode.source.json: each line is spoken
// by espeak-ng (one voice per speaker), the clips are joined with sox, and
// the episode JSON's timings are measured from the clips themselves, so they
// are the audio's true timings.
//
//   node scripts/make-demo.mjs <output-dir>
//
// Writes <output-dir>/episode.mp3 and the transcript and chapters as
// episode.json (inline), episode.vtt, episode.srt, transcript.json
// (Podcasting 2.0), chapters.json (JSON Chapters), episode-files.json (an
// episode JSON referring to those files), and transcript.txt and
// shownotes.txt (untimed, as many shows publish them); does nothing when
// they are already built from the same source.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const SAMPLE_RATE = 22050;
const PAUSE_BETWEEN_LINES = 0.45;
const PAUSE_BEFORE_CHAPTER = 1.0;

const root = resolve(import.meta.dirname, "..");
const outDir = resolve(process.argv[2] ?? join(root, "dist", "demo"));
const sourcePath = join(root, "demo", "episode.source.json");
const source = JSON.parse(readFileSync(sourcePath, "utf8"));

const run = (command, args) => execFileSync(command, args, { encoding: "utf8" }).trim();

const fingerprint = createHash("sha256")
  .update(readFileSync(sourcePath))
  .update(readFileSync(new URL(import.meta.url)))
  .update(run("espeak-ng", ["--version"]))
  .digest("hex");
const stampPath = join(outDir, ".source-hash");
const outputs = ["episode.mp3", "episode.json", "episode.vtt", "episode.srt", "transcript.json", "chapters.json", "episode-files.json", "transcript.txt", "shownotes.txt"].map((name) => join(outDir, name));
if (existsSync(stampPath) && readFileSync(stampPath, "utf8") === fingerprint && outputs.every(existsSync)) {
  console.log(`demo episode in ${outDir} is up to date`);
  process.exit(0);
}

mkdirSync(outDir, { recursive: true });
const work = join(outDir, ".clips");
rmSync(work, { recursive: true, force: true });
mkdirSync(work);

const silence = (seconds) => {
  const path = join(work, `silence-${seconds}.wav`);
  if (!existsSync(path)) {
    run("sox", ["-n", "-r", SAMPLE_RATE, "-c", "1", "-b", "16", path, "trim", "0", String(seconds)]);
  }
  return path;
};

/** Samples of speech in a clip, trailing silence left out. */
const speechSamples = (path) => {
  const trimmed = `${path}.trimmed.wav`;
  run("sox", [path, "-r", SAMPLE_RATE, trimmed, "reverse", "silence", "1", "0.01", "0.5%", "reverse"]);
  return Number(run("soxi", ["-s", trimmed]));
};

/**
 * Word timings, measured: the line's first k words are spoken alone, and
 * word k+1 starts where that speech ends. (espeak-ng reports no word
 * boundaries; a prefix spoken alone ends a little differently than inside
 * the sentence, so these are good to about a tenth of a second.)
 */
const wordTimings = (text, speak, lineStart) => {
  const words = text.split(" ");
  const starts = [lineStart];
  for (let count = 1; count < words.length; count += 1) {
    const prefix = join(work, `prefix-${count}.wav`);
    speak(words.slice(0, count).join(" "), prefix);
    starts.push(Math.max(starts[count - 1] + 0.05, lineStart + seconds(speechSamples(prefix))));
  }
  return words.map((word, index) => ({ start: Math.round(starts[index] * 1000) / 1000, text: word }));
};

const chapterStarts = new Set(source.chapters.map((chapter) => chapter.firstLine));
const pieces = [];
const transcript = [];
let samples = 0;
const seconds = (sampleCount) => Math.round((sampleCount / SAMPLE_RATE) * 1000) / 1000;
const addPiece = (path) => {
  pieces.push(path);
  samples += Number(run("soxi", ["-s", path]));
};

source.lines.forEach(([speakerKey, text], index) => {
  const speaker = source.speakers[speakerKey];
  if (!speaker) throw new Error(`line ${index}: unknown speaker "${speakerKey}"`);
  if (index > 0) addPiece(silence(chapterStarts.has(index) ? PAUSE_BEFORE_CHAPTER : PAUSE_BETWEEN_LINES));
  const spoken = join(work, `line-${index}.raw.wav`);
  const clip = join(work, `line-${index}.wav`);
  const speak = (words, path) =>
    run("espeak-ng", ["-v", speaker.voice, "-p", String(speaker.pitch ?? 50), "-s", "160", "-w", path, words]);
  speak(text, spoken);
  run("sox", [spoken, "-r", SAMPLE_RATE, "-c", "1", "-b", "16", clip]);
  const start = seconds(samples);
  const words = wordTimings(text, speak, start);
  addPiece(clip);
  transcript.push({ start, end: seconds(samples), speaker: speakerKey, text, words });
});
addPiece(silence(1.5));

const joined = join(work, "episode.wav");
run("sox", [...pieces, joined]);
run("sox", [joined, "-C", "32", join(outDir, "episode.mp3")]);

const episode = {
  version: 1,
  title: source.title,
  podcast: source.podcast,
  published: source.published,
  duration: seconds(samples),
  language: source.language,
  speakers: Object.fromEntries(Object.entries(source.speakers).map(([key, { name }]) => [key, { name }])),
  chapters: source.chapters.map(({ title, firstLine }) => ({
    start: firstLine === 0 ? 0 : transcript[firstLine].start,
    title,
  })),
  transcript,
};
writeFileSync(join(outDir, "episode.json"), JSON.stringify(episode, null, 2) + "\n");

// The same episode in the formats publishers already have.
const speakerName = (key) => source.speakers[key].name;
const clock = (seconds, separator) => {
  const millis = Math.round(seconds * 1000);
  const pad = (value, width) => String(value).padStart(width, "0");
  return `${pad(Math.floor(millis / 3600000), 2)}:${pad(Math.floor(millis / 60000) % 60, 2)}:` +
    `${pad(Math.floor(millis / 1000) % 60, 2)}${separator}${pad(millis % 1000, 3)}`;
};
const vttCues = transcript.map((line, index) => {
  const voice = index === 0 || transcript[index - 1].speaker !== line.speaker ? `<v ${speakerName(line.speaker)}>` : "";
  const timed = line.words
    .map((word, index) => (index === 0 ? word.text : `<${clock(word.start, ".")}>${word.text}`))
    .join(" ");
  return `${clock(line.start, ".")} --> ${clock(line.end, ".")}\n${voice}${timed}\n`;
});
writeFileSync(join(outDir, "episode.vtt"), `WEBVTT - ${source.title}\n\n${vttCues.join("\n")}`);
const srtCues = transcript.map((line, index) =>
  `${index + 1}\n${clock(line.start, ",")} --> ${clock(line.end, ",")}\n${speakerName(line.speaker)}: ${line.text}\n`);
writeFileSync(join(outDir, "episode.srt"), srtCues.join("\n"));
const segments = transcript.map((line) => ({
  speaker: speakerName(line.speaker), startTime: line.start, endTime: line.end, body: line.text,
}));
writeFileSync(join(outDir, "transcript.json"), JSON.stringify({ version: "1.0.0", segments }, null, 2) + "\n");
const jsonChapters = {
  version: "1.2.0",
  title: source.title,
  podcastName: source.podcast,
  chapters: episode.chapters.map(({ start, title }) => ({ startTime: start, title })),
};
writeFileSync(join(outDir, "chapters.json"), JSON.stringify(jsonChapters, null, 2) + "\n");
const { transcript: _inline, chapters: _inlineChapters, ...metadata } = episode;
const byReference = {
  ...metadata,
  transcript: [
    { url: "episode.srt", type: "application/x-subrip" },
    { url: "transcript.json", type: "application/json" },
    { url: "episode.vtt", type: "text/vtt", language: "en" },
  ],
  chapters: { url: "chapters.json", type: "application/json+chapters" },
};
writeFileSync(join(outDir, "episode-files.json"), JSON.stringify(byReference, null, 2) + "\n");
// The same episode as many shows publish it: a plain text transcript in
// speaker turns with no timings, and show notes whose topics carry times
// (each chapter in another of the styles found in the wild).
const turns = [];
transcript.forEach((line, index) => {
  const previous = transcript[index - 1];
  const name = speakerName(line.speaker);
  if (!previous || previous.speaker !== line.speaker) turns.push(`${name}: ${line.text}`);
  else if (chapterStarts.has(index)) turns.push(line.text);
  else turns[turns.length - 1] += ` ${line.text}`;
});
writeFileSync(join(outDir, "transcript.txt"), turns.join("\n\n") + "\n");
const noteTime = (seconds, hours) => {
  const whole = Math.floor(seconds);
  const mmss = `${String(Math.floor(whole / 60)).padStart(2, "0")}:${String(whole % 60).padStart(2, "0")}`;
  return hours ? `00:${mmss}` : mmss;
};
const topicStyles = [
  (title, start) => `- ${title} (${noteTime(start)})`,
  (title, start) => `* [${noteTime(start)}] ${title}`,
  (title, start) => `${noteTime(start, true)} - ${title}`,
  (title, start) => `• ${title} | ${noteTime(start)}`,
  (title, start) => `${title} (${noteTime(start, true)})`,
];
const topics = episode.chapters.map(({ title, start }, index) => topicStyles[index % topicStyles.length](title, start));
const names = Object.values(source.speakers).map((speaker) => speaker.name);
writeFileSync(
  join(outDir, "shownotes.txt"),
  `${source.title}\n\n${names[0]} talks with ${names[1]} about transcripts that follow the audio; ${names[2]} produces. ` +
    `Recorded at 10:30 on a Tuesday, edited (twice) by 4:15 the same day.\n\nIn this episode:\n${topics.join("\n")}\n`,
);

rmSync(work, { recursive: true, force: true });
writeFileSync(stampPath, fingerprint);
console.log(`demo episode: ${transcript.length} lines, ${episode.chapters.length} chapters, ${episode.duration} s`);
