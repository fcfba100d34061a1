// How long the release widget takes, in headless Chromium, on inputs at and
// beyond the limits (core/limits.rs): a 10 MB WebVTT file, 100,000 tiny
// cues, a 1 MB single-line cue, and files it must refuse (too many cues,
// too large, JSON nested too deeply); then hostile but small inputs, each
// shape at about 1 MB and 10 MB (the shapes of tests/hostile_*.rs). Prints
// one line per file: the time from adding the element to its ready or
// error event, the outcome, and how much the wasm memory grew (each file in
// a page of its own, so a fresh instance; wasm memory never shrinks, so the
// growth is the peak). Exits 1 if a 10 MB input takes over 3 s or grows the
// memory past 8 times its size plus 16 MB.
//
//   ./scripts/build && node bench/limits.mjs
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "../scripts/serve.mjs";

if (readFileSync("dist/build-profile", "utf8").trim() !== "release") {
  console.error("bench/limits.mjs measures the release build: run ./scripts/build first");
  process.exit(2);
}

const clock = (seconds) => {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor(seconds / 60) % 60;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}:${(seconds % 60).toFixed(3).padStart(6, "0")}`;
};
const cues = (count, text) =>
  "WEBVTT\n\n" + Array.from({ length: count }, (_, i) => `${clock(i)} --> ${clock(i + 0.5)}\n${text}\n`).join("\n");

/** `piece(i)` for i = 0, 1, … until the text is `bytes` long. */
const repeated = (bytes, piece) => {
  const parts = [];
  let length = 0;
  for (let index = 0; length < bytes; index += 1) {
    const part = piece(index);
    parts.push(part);
    length += part.length;
  }
  return parts.join("");
};

/** Each hostile shape: the attribute it goes in and how to make it. */
const SHAPES = {
  "times closing no bracket": ["transcript", (bytes) => "Sam: " + repeated(bytes, () => "0:00]")],
  "asides that never close": ["transcript", (bytes) => "Sam: " + repeated(bytes, () => "Yes. [b ")],
  "colons": ["transcript", (bytes) => "Sam: " + repeated(bytes, () => "a: ")],
  "whitespace runs": ["transcript", (bytes) => "Sam: a" + " \t".repeat(bytes / 2) + "b"],
  "a speaker per line": ["transcript", (bytes) => repeated(bytes, (i) => `Speaker ${i}: Hello there, how are you.\n`)],
  "full stops in titles": ["notes", (bytes) => "Intro (0:00)\n" + repeated(bytes, () => "a.") + " (1:14)"],
  "time given twice": ["notes", (bytes) => "0:00 " + "x".repeat(100_000) + "\n" + repeated(bytes, () => "0:00 y\n")],
  "bad cue timings": ["src", (bytes) => "WEBVTT\n\n" + repeated(bytes, () => "00:01.000 --> nonsense\nx\n\n")],
  "empty cues": ["src", (bytes) => "WEBVTT\n\n" + repeated(bytes, () => "00:01.000 --> 00:02.000\n\n")],
  "voices": ["src", (bytes) => "WEBVTT\n\n" + repeated(bytes, (i) => `00:01.000 --> 00:02.000\n<v Speaker ${i}>a\n\n`)],
  "one-word segments": ["src", (bytes) => `{"segments":[${repeated(bytes, (i) => `{"startTime":${i},"endTime":${i}.5,"body":"a"},`)}{"startTime":0,"body":"a"}]}`],
  "chapters": ["src", (bytes) => `{"version":"1.2.0","chapters":[${repeated(bytes, (i) => `{"startTime":${i},"title":"Chapter ${i}"},`)}{"startTime":0,"title":"a"}]}`],
  "a 2,000-character name": ["src", (bytes) => "WEBVTT\n\n" + repeated(bytes, () => `00:01.000 --> 00:02.000\n<v ${"N".repeat(2000)}>a\n\n`)],
};

const FILES = {
  "ten-mb.vtt": () => cues(105_000, "<v Speaker>A line of about the usual length, said by somebody else."),
  "tiny-cues.vtt": () => cues(100_000, "a"),
  "one-cue.vtt": () => `WEBVTT\n\n00:01.000 --> 00:02.000\n${"word ".repeat(200_000)}\n`,
  "too-many-cues.vtt": () => cues(200_001, "a"),
  "too-large.vtt": () => "WEBVTT\n\n" + " ".repeat(21 * 1024 * 1024),
  "nested.json": () => `{"version":1,"x":${"[".repeat(100_000)}${"]".repeat(100_000)},"transcript":[]}`,
};

/** name → [attribute, text, what it is, megabytes asked for] */
const RUNS = Object.entries(FILES).map(([name, make]) => [name, "src", make(), name, null]);
for (const [shape, [attribute, make]] of Object.entries(SHAPES)) {
  for (const megabytes of [1, 10]) {
    const name = `${shape.replace(/[^a-z0-9]+/gi, "-")}-${megabytes}mb.txt`;
    RUNS.push([name, attribute, make(megabytes * 1024 * 1024), shape, megabytes]);
  }
}
RUNS.push(["notes-240kb.txt", "notes", "0:00 " + "x".repeat(100_000) + "\n" + "0:00 y\n".repeat(20_000), "the 4 GB notes", null]);

const folder = mkdtempSync(join(tmpdir(), "episode-viewer-limits-"));
for (const [name, , text] of RUNS) writeFileSync(join(folder, name), text);
writeFileSync(join(folder, "page.html"), `<!doctype html><link rel="icon" href="data:,">
<script type="module" src="/episode-viewer.js"></script><audio id="player" src="/demo/episode.mp3"></audio>`);
const server = await serve(["dist", folder]);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
let failed = false;
try {
  for (const [name, attribute, text, what, megabytes] of RUNS) {
    const page = await browser.newPage();
    await page.goto(`${base}/page.html`);
    const result = await page.evaluate(async ({ attribute, src }) => {
      await customElements.whenDefined("episode-viewer");
      // The instance the widget runs in (init returns it once loaded).
      const core = await import("/episode-viewer-core.js");
      const memory = (await core.default()).memory;
      const before = memory.buffer.byteLength;
      const element = document.createElement("episode-viewer");
      element.setAttribute(attribute, src);
      element.setAttribute("audio", "#player");
      if (attribute !== "src") element.setAttribute("duration", "400000");
      const outcome = new Promise((done) => {
        element.addEventListener("episode-viewer:ready", (event) => done(`ready, ${event.detail.lines} lines, ${event.detail.chapters} chapters`), { once: true });
        element.addEventListener("episode-viewer:error", (event) => done(`error: ${event.detail.message}`), { once: true });
      });
      const started = performance.now();
      document.body.append(element);
      const what = await outcome;
      return { what, ms: Math.round(performance.now() - started), grew: memory.buffer.byteLength - before };
    }, { attribute, src: `/${name}` });
    const size = text.length / 1024 / 1024;
    const grewMb = result.grew / 1024 / 1024;
    const bound = 8 * size + 16;
    const tooSlow = megabytes === 10 && result.ms > 3000;
    const tooBig = megabytes !== null && grewMb > bound;
    failed ||= tooSlow || tooBig;
    console.log(`${what.padEnd(24)} ${attribute.padEnd(10)} ${size.toFixed(1).padStart(5)} MB ${String(result.ms).padStart(6)} ms  memory +${grewMb.toFixed(1).padStart(5)} MB${tooSlow ? "  TOO SLOW" : ""}${tooBig ? "  OVER THE BOUND" : ""}  ${result.what.slice(0, 110)}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
  rmSync(folder, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
