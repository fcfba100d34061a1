// The three pages of the phone benchmark (bench/phone.mjs), each player fed
// the same generated episode document (bench/episodes.mjs) in its own
// format:
//   ours        /ours.html: <episode-viewer src="/episode.json" audio="#player">
//   hyperaudio  /hyperaudio.html: the transcript pre-rendered as Hyperaudio
//               Lite's README shows it (a <p> per line, a <span data-m data-d>
//               per word, in milliseconds), then its script and constructor
//   floor       /floor.html: the lower bound for any widget built on our
//               core, the floor module (src/bench_floor.rs: the loader,
//               time index and search, no UI) and the episode JSON fetched
//               at once, the 50 lines around the media time put in plain
//               list items, the preload links in the <head>
//   podlove     /podlove.html: Podlove Web Player's embed.js, an episode
//               JSON (chapters inline) whose transcripts are a Podlove
//               transcripts JSON file (one entry per line), transcripts tab
//               active, started at the media time with its `?t=` parameter
// Every page is the same small article (title, summary, the <audio> that
// ours and Hyperaudio Lite follow; Podlove plays its own) around it.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Where the players' files are served (the npm install's node_modules). */
const HYPERAUDIO_JS = "/hyperaudio-lite/js/hyperaudio-lite.js";
const PODLOVE_BASE = "/@podlove/web-player/";

const escape = (text) => String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** HH:MM:SS.mmm, the normal play time Podlove reads. */
function npt(seconds) {
  const ms = Math.round(seconds * 1000);
  const pad = (value, width = 2) => String(value).padStart(width, "0");
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

function article(title, head, body, { audio = true } = {}) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<link rel="icon" href="data:,">
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; padding: 0 16px; color: #222; }
  h1 { font-size: 1.4rem; margin: 16px 0 4px; }
  audio { width: 100%; }
</style>
${head}
</head>
<body>
<h1>${escape(title)}</h1>
<p>A generated episode: three speakers, a chapter every ten minutes.</p>
${audio ? `<audio id="player" controls preload="none"></audio>\n` : ""}${body}
</body>
</html>
`;
}

/** Hyperaudio Lite's markup: a paragraph per line, the speaker's name and
 * each word a span with its start (data-m) and duration (data-d) in ms. */
function hypertranscript(document) {
  const ms = (seconds) => Math.round(seconds * 1000);
  const paragraphs = document.transcript.map((line) => {
    const words = line.words
      .map((word) => `<span data-m="${ms(word.start)}" data-d="${ms(word.end) - ms(word.start)}">${escape(word.text)} </span>`)
      .join("");
    return `<p><span data-m="${ms(line.start)}" data-d="0" class="speaker">${escape(line.speaker)}: </span>${words}</p>`;
  });
  return `<div id="hypertranscript" class="hyperaudio-transcript"><article><section>\n${paragraphs.join("\n")}\n</section></article></div>`;
}

/** Podlove's episode (chapters inline, contributors as the speakers) and
 * its transcripts file: one entry per line, the speaker by contributor id. */
function podloveEpisode(document) {
  const speakers = [...new Set(document.transcript.map((line) => line.speaker))];
  const id = (speaker) => String(speakers.indexOf(speaker) + 1);
  const episode = {
    version: 5,
    show: { title: "Benchmark show", subtitle: "", summary: "", link: "" },
    title: document.title,
    subtitle: "A generated episode",
    summary: "A generated episode: three speakers, a chapter every ten minutes.",
    duration: npt(document.duration),
    chapters: document.chapters.map((chapter) => ({ start: npt(chapter.start), title: chapter.title })),
    // Never downloaded: the benchmark aborts media requests.
    audio: [{ url: "/media/episode.mp3", size: "34560000", title: "MP3 Audio", mimeType: "audio/mpeg" }],
    contributors: speakers.map((speaker) => ({ id: id(speaker), name: speaker })),
    transcripts: "/podlove/transcripts.json",
  };
  const transcripts = document.transcript.map((line) => ({
    start: npt(line.start),
    start_ms: Math.round(line.start * 1000),
    end: npt(line.end),
    end_ms: Math.round(line.end * 1000),
    speaker: id(line.speaker),
    voice: line.speaker,
    text: line.text,
  }));
  return { episode, transcripts };
}

/** Writes the pages and every player's input into `dir`; returns each
 * page's path (with query) and what its marked element must be at `time`. */
export function writePages(dir, document, time) {
  const line = [...document.transcript].reverse().find((candidate) => candidate.start <= time);
  const word = [...line.words].reverse().find((candidate) => candidate.start <= time);
  writeFileSync(join(dir, "episode.json"), JSON.stringify(document));

  writeFileSync(
    join(dir, "ours.html"),
    article(
      document.title,
      `<script type="module" src="/episode-viewer.js"></script>`,
      `<episode-viewer src="/episode.json" audio="#player"></episode-viewer>`,
    ),
  );

  // The same page with the README's preload links in its <head>, so that
  // the widget's files start while the page is parsed.
  writeFileSync(
    join(dir, "ours-preload.html"),
    article(
      document.title,
      `<link rel="modulepreload" href="/episode-viewer.js">
<link rel="modulepreload" href="/episode-viewer-core.js">
<link rel="preload" href="/episode-viewer-core_bg.wasm" as="fetch" type="application/wasm" crossorigin>
<link rel="preload" href="/episode.json" as="fetch" crossorigin>
<script type="module" src="/episode-viewer.js"></script>`,
      `<episode-viewer src="/episode.json" audio="#player"></episode-viewer>`,
    ),
  );

  writeFileSync(
    join(dir, "hyperaudio.html"),
    article(
      document.title,
      // The demo's styling of the active paragraph and word, the read part,
      // and a transcript box that scrolls (autoScroll scrolls inside it).
      `<style>
  .hyperaudio-transcript { height: 480px; overflow-y: auto; }
  .hyperaudio-transcript .speaker { font-weight: bold; }
  .hyperaudio-transcript .read { color: #555; }
  .hyperaudio-transcript .active > .active { background: #ffe58f; }
</style>`,
      `${hypertranscript(document)}
<script src="${HYPERAUDIO_JS}"></script>
<script>new HyperaudioLite({ transcript: "hypertranscript", player: "player", autoScroll: true, playOnClick: true });</script>`,
    ),
  );

  writeFileSync(
    join(dir, "floor.html"),
    article(
      document.title,
      `<link rel="modulepreload" href="/episode-viewer-floor.js">
<link rel="preload" href="/episode-viewer-floor_bg.wasm" as="fetch" type="application/wasm" crossorigin>
<link rel="preload" href="/episode.json" as="fetch" crossorigin>
<script type="module">
import init, { loadForFloor } from "/episode-viewer-floor.js";
const text = fetch("/episode.json").then((response) => response.text());
await init({ module_or_path: "/episode-viewer-floor_bg.wasm" });
const audio = document.querySelector("#player");
const [, , ...lines] = loadForFloor("/episode.json", await text, audio.currentTime, "sto").split("\\u0001");
const list = document.createElement("ol");
for (let index = 0; index + 1 < lines.length; index += 2) {
  const item = list.appendChild(document.createElement("li"));
  item.setAttribute("part", "line");
  item.dataset.start = lines[index];
  item.textContent = lines[index + 1];
}
[...list.children].findLast((item) => Number(item.dataset.start) <= audio.currentTime)?.setAttribute("aria-current", "true");
document.querySelector("episode-viewer").attachShadow({ mode: "open" }).append(list);
</script>`,
      // The probe finds the marked line where it finds the widget's.
      `<episode-viewer></episode-viewer>`,
    ),
  );

  const { episode, transcripts } = podloveEpisode(document);
  mkdirSync(join(dir, "podlove"), { recursive: true });
  writeFileSync(join(dir, "podlove", "episode.json"), JSON.stringify(episode));
  writeFileSync(join(dir, "podlove", "transcripts.json"), JSON.stringify(transcripts));
  const config = { version: 5, base: PODLOVE_BASE, activeTab: "transcripts" };
  writeFileSync(
    join(dir, "podlove.html"),
    article(
      document.title,
      `<script src="${PODLOVE_BASE}embed.js"></script>`,
      `<div id="podlove"></div>
<script>podlovePlayer("#podlove", "/podlove/episode.json", ${JSON.stringify(config)});</script>`,
      { audio: false }, // Podlove brings its own, in its iframe
    ),
  );

  return {
    ours: { path: "/ours.html", expect: { lineStart: line.start } },
    preloaded: { path: "/ours-preload.html", expect: { lineStart: line.start } },
    floor: { path: "/floor.html", expect: { lineStart: line.start } },
    hyperaudio: { path: "/hyperaudio.html", expect: { wordMs: Math.round(word.start * 1000) } },
    // Podlove's deep link: ?t= in the page's URL (HH:MM:SS.mmm, its
    // milliseconds need three digits) requests that playtime at start.
    podlove: { path: `/podlove.html?t=${npt(time)}`, expect: { text: line.text } },
  };
}
