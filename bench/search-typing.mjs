// Measures how long the widget takes to answer each keystroke in its search
// box on a generated 3-hour episode (1,800 lines, 27,000 timed words), in
// headless Chromium against the built dist/ (build it first: scripts/build).
//
//   node bench/search-typing.mjs
//
// Prints, per query, the time from each keystroke's input event until the
// widget has updated and the next frame has painted, median and worst.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "../scripts/serve.mjs";

const HOURS = 3;
const LINES = 600 * HOURS;
const WORDS_PER_LINE = 15;
const vocabulary = ("the podcast transcript listeners résumé follow along chapter speaker audio player highlight " +
  "search widget episode publisher reading moment share quote naïve café interview question answer").split(" ");

const transcript = Array.from({ length: LINES }, (_, line) => {
  const start = line * 6;
  const words = Array.from({ length: WORDS_PER_LINE }, (_, word) => ({
    start: start + word * 0.4,
    text: vocabulary[(line * 7 + word * 13) % vocabulary.length],
  }));
  return { start, speaker: `Speaker ${line % 3}`, text: words.map((w) => w.text).join(" "), words };
});
const dir = mkdtempSync(join(tmpdir(), "episode-viewer-bench-"));
writeFileSync(join(dir, "long.json"), JSON.stringify({ version: 1, duration: LINES * 6, transcript }));
writeFileSync(join(dir, "long.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="icon" href="data:,"><script type="module" src="/episode-viewer.js"></script></head><body>
<audio id="player"></audio><episode-viewer src="/long.json" audio="#player"></episode-viewer></body></html>`);

const server = await serve(["dist", dir]);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/long.html`);
  await page.locator('episode-viewer [part="line"]').first().waitFor({ timeout: 60_000 });
  const input = page.locator('episode-viewer [part="search-input"]');
  for (const query of (process.env.QUERIES ?? "tra,transcri").split(",")) {
    await input.fill("");
    await page.waitForTimeout(300);
    await input.focus();
    const times = [];
    for (const key of query) {
      // Time from the input event until the widget's reactive updates (run
      // as microtasks) are done and the next frame is painted.
      const elapsed = await page.evaluate(async (key) => {
        const field = document.querySelector("episode-viewer").shadowRoot.querySelector("[part=search-input]");
        const started = performance.now();
        field.value += key;
        field.dispatchEvent(new Event("input", { bubbles: true }));
        await new Promise((done) => setTimeout(done, 0));
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
        return performance.now() - started;
      }, key);
      times.push(elapsed);
    }
    const status = await page.locator('episode-viewer [part="search-status"]').textContent();
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `"${query}" (${status}): per keystroke ${times.map((t) => t.toFixed(1)).join(", ")} ms; ` +
        `median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, worst ${sorted.at(-1).toFixed(1)} ms`,
    );
  }
} finally {
  await browser.close();
  server.close();
}
