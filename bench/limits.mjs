// How long the release widget takes, in headless Chromium, on inputs at and
// beyond the limits (core/limits.rs): a 10 MB WebVTT file, 100,000 tiny
// cues, a 1 MB single-line cue, and files it must refuse (too many cues,
// too large, JSON nested too deeply). Prints one line per file: the time
// from adding the element to its ready or error event, and the outcome.
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

const FILES = {
  "ten-mb.vtt": () => cues(105_000, "<v Speaker>A line of about the usual length, said by somebody else."),
  "tiny-cues.vtt": () => cues(100_000, "a"),
  "one-cue.vtt": () => `WEBVTT\n\n00:01.000 --> 00:02.000\n${"word ".repeat(200_000)}\n`,
  "too-many-cues.vtt": () => cues(200_001, "a"),
  "too-large.vtt": () => "WEBVTT\n\n" + " ".repeat(21 * 1024 * 1024),
  "nested.json": () => `{"version":1,"x":${"[".repeat(100_000)}${"]".repeat(100_000)},"transcript":[]}`,
};

const folder = mkdtempSync(join(tmpdir(), "episode-viewer-limits-"));
for (const [name, make] of Object.entries(FILES)) writeFileSync(join(folder, name), make());
writeFileSync(join(folder, "page.html"), `<!doctype html><link rel="icon" href="data:,">
<script type="module" src="/episode-viewer.js"></script><audio id="player" src="/demo/episode.mp3"></audio>`);
const server = await serve(["dist", folder]);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
try {
  for (const [name, make] of Object.entries(FILES)) {
    const page = await browser.newPage();
    await page.goto(`${base}/page.html`);
    const result = await page.evaluate(async (src) => {
      await customElements.whenDefined("episode-viewer");
      const element = document.createElement("episode-viewer");
      element.setAttribute("src", src);
      const outcome = new Promise((done) => {
        element.addEventListener("episode-viewer:ready", (event) => done(`ready, ${event.detail.lines} lines`), { once: true });
        element.addEventListener("episode-viewer:error", (event) => done(`error: ${event.detail.message}`), { once: true });
      });
      const started = performance.now();
      document.body.append(element);
      const what = await outcome;
      return { what, ms: Math.round(performance.now() - started) };
    }, `/${name}`);
    const megabytes = (make().length / 1024 / 1024).toFixed(1);
    console.log(`${name.padEnd(18)} ${megabytes.padStart(5)} MB ${String(result.ms).padStart(6)} ms  ${result.what}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
  rmSync(folder, { recursive: true, force: true });
}
