// End to end: the widget importing an untimed transcript and show notes in
// the browser (the demo's `untimed.html`), against the demo audio's true
// timings in dist/demo/episode.json.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { open, useBrowser } from "./harness.mjs";

useBrowser();

const truth = JSON.parse(readFileSync("dist/demo/episode.json", "utf8"));

/** Lines as shown: start, text, whether the start is marked estimated. */
const shownLines = (page) =>
  page.evaluate(() => {
    const root = document.querySelector("episode-viewer").shadowRoot;
    return [...root.querySelectorAll("[part=line]")].map((line) => ({
      start: Number(line.dataset.start),
      text: line.querySelector(".ev-text").textContent,
      estimated: line.querySelector(".ev-time").classList.contains("ev-estimated"),
    }));
  });

/** Adds an <episode-viewer> with `attributes` to the page, waits for its
 * ready or error event, and returns what it shows, then removes it. */
const addViewer = (page, attributes) =>
  page.evaluate(async (attributes) => {
    const element = document.createElement("episode-viewer");
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    const done = new Promise((resolve) => {
      element.addEventListener("episode-viewer:ready", (event) => resolve({ ready: event.detail }), { once: true });
      element.addEventListener("episode-viewer:error", (event) => resolve({ error: event.detail.message }), { once: true });
    });
    document.body.append(element);
    const outcome = await done;
    const root = element.shadowRoot;
    outcome.approximate = Boolean(root.querySelector("[part=approximate]"));
    outcome.lines = [...root.querySelectorAll("[part=line]")].map((line) => ({
      start: Number(line.dataset.start),
      text: line.querySelector(".ev-text").textContent,
    }));
    outcome.lastStart = outcome.lines.at(-1)?.start ?? NaN;
    outcome.speakers = [...root.querySelectorAll("[part=speaker]")].map((speaker) => speaker.textContent.trim());
    outcome.chapters = [...root.querySelectorAll("[part=chapter]")].map((chapter) => [Number(chapter.dataset.start), chapter.textContent]);
    element.remove();
    return outcome;
  }, attributes);

test("an untimed transcript and show notes become a synced transcript with chapters", async () => {
  // The ready event is caught from the start (a listener added after the
  // page opened can miss it, and waited forever when the widget was quick).
  const catchReady = (page) =>
    page.addInitScript(() =>
      document.addEventListener("episode-viewer:ready", (event) => (window.readyDetail = event.detail), { capture: true, once: true }),
    );
  const { page, problems, requested } = await open("/untimed.html", catchReady);
  await page.locator('episode-viewer [part="line"]').first().waitFor();
  const detail = await (await page.waitForFunction(() => window.readyDetail)).jsonValue();
  assert.equal(detail.words, 0, "estimated times never mark single words");
  assert.ok(requested.includes("/demo/transcript.txt") && requested.includes("/demo/shownotes.txt"));

  const note = await page.locator('episode-viewer [part="approximate"]').textContent();
  assert.match(note, /Timings are approximate/);

  // Chapters: the show notes' five topics at their (whole-second) times.
  const chapters = await page.evaluate(() =>
    [...document.querySelector("episode-viewer").shadowRoot.querySelectorAll("[part=chapter]")].map((chapter) => Number(chapter.dataset.start)));
  assert.deepEqual(chapters, truth.chapters.map((chapter) => Math.floor(chapter.start)));

  // True lines that begin a shown line (the rest begin after a short
  // sentence the importer joined to them, "I'm Maya Ortiz. Today we …"):
  // the estimate is close to the truth.
  const lines = await shownLines(page);
  assert.ok(lines.every((line, index) => index === 0 || line.start >= lines[index - 1].start), "times never decrease");
  const errors = truth.transcript.flatMap((trueLine) => {
    const shown = lines.find((line) => line.text.startsWith(trueLine.text.slice(0, 25)));
    return shown ? [Math.abs(shown.start - trueLine.start)] : [];
  }).sort((a, b) => a - b);
  assert.ok(errors.length >= truth.transcript.length * 0.75, `${errors.length} of ${truth.transcript.length} lines compared`);
  const median = errors[Math.floor(errors.length / 2)];
  console.log(`demo episode imported in the browser: median error ${median.toFixed(2)} s, worst ${errors.at(-1).toFixed(2)} s over ${errors.length} lines`);
  assert.ok(median <= 3, `median error ${median} s`);
  assert.ok(lines.some((line) => line.estimated), "estimated starts are marked");

  // The media's own duration ends the transcript (no duration attribute).
  const mediaDuration = await page.evaluate(() => document.querySelector("#player").duration);
  assert.ok(lines.at(-1).start < mediaDuration && lines.at(-1).start > mediaDuration - 15, `${lines.at(-1).start} of ${mediaDuration}`);

  // Clicking a line plays from there, and the line becomes current.
  await page.locator('episode-viewer [part="line"]').nth(8).click();
  await page.waitForFunction(() => !document.querySelector("#player").paused);
  await page.evaluate(() => document.querySelector("#player").pause());
  const state = await page.evaluate(() => ({
    time: document.querySelector("#player").currentTime,
    current: document.querySelector("episode-viewer").shadowRoot.querySelector("[part=line][aria-current=true]")?.dataset.start,
  }));
  assert.ok(state.time > lines[8].start - 0.1 && state.time < lines[8].start + 0.5, `at ${state.time}, the line starts at ${lines[8].start}`);
  assert.equal(Number(state.current), lines[8].start);
  await page.screenshot({ path: "test-results/untimed-page.png", fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test("transcript and notes attributes: timed files, an explicit duration, and mistakes", async () => {
  const { page, problems } = await open("/untimed.html");
  const load = (attributes) => addViewer(page, attributes);

  // A timed file named by transcript is read as it is, with the notes' chapters.
  const vtt = await load({ transcript: "demo/episode.vtt", notes: "demo/shownotes.txt", audio: "#player" });
  assert.equal(vtt.approximate, false);
  assert.equal(vtt.ready.lines, truth.transcript.length);
  assert.equal(vtt.chapters.length, 5);

  // duration stretches the estimate to that length.
  const long = await load({ transcript: "demo/transcript.txt", duration: "10:00", audio: "#player" });
  assert.equal(long.approximate, true);
  assert.ok(long.lastStart > 500 && long.lastStart < 600, `${long.lastStart}`);

  // Notes alone: chapters only.
  const notesOnly = await load({ notes: "demo/shownotes.txt", audio: "#player" });
  assert.equal(notesOnly.ready.chapters, 5);
  assert.equal(notesOnly.ready.lines, 0);

  const both = await load({ src: "demo/episode.json", transcript: "demo/transcript.txt", audio: "#player" });
  assert.match(both.error, /has both src and transcript/);
  const page404 = await load({ transcript: "demo/missing.txt", audio: "#player" });
  assert.match(page404.error, /missing\.txt/);
  const html = await load({ transcript: "untimed.html", audio: "#player" });
  assert.match(html.error, /is not a transcript: it is a web page/);
  assert.deepEqual(problems.filter((problem) => !problem.includes("404")), []);
  await page.close();
});

test("real material: the Podcasting 2.0 HTML transcript, and a description whose breaks were lost", async () => {
  const { page, problems } = await open("/untimed.html");
  const load = (attributes) => addViewer(page, attributes);

  // The HTML transcript by src, by transcript and by an episode JSON
  // reference: its monologue times known, the sentences between estimated.
  const expected = JSON.parse(readFileSync("tests/corpus/real/p20-html-timed.expected.json", "utf8"));
  for (const attributes of [
    { src: "corpus/real/p20-html-timed.html", duration: "2:30" },
    { transcript: "corpus/real/p20-html-timed.html", duration: "2:30" },
    { src: "formats/html-reference.json" },
  ]) {
    const shown = await load({ ...attributes, audio: "#player" });
    assert.ok(shown.ready, `${JSON.stringify(attributes)}: ${shown.error}`);
    assert.equal(shown.approximate, true);
    assert.equal(shown.ready.speakers, expected.speakers.length);
    assert.equal(shown.lines[0].start, 0);
    assert.ok(shown.lines[0].text.startsWith(expected.first_lines[0].text));
    assert.ok(shown.lines.every((line, index) => index === 0 || line.start >= shown.lines[index - 1].start), "times never decrease");
    assert.ok(shown.speakers.length > 0 && shown.speakers.every((name) => expected.speakers.some((speaker) => name.includes(speaker))), `${shown.speakers}`);
  }

  // What transcription tools export, by src: speakers from WhisperX's
  // segments and from Zoom's "Name: " cues; YouTube's SBV cues.
  for (const name of ["whisperx-diarized.json", "zoom-transcript.vtt", "youtube-captions.sbv", "whispercpp-oj.json"]) {
    const tool = JSON.parse(readFileSync(`tests/corpus/real/${name.replace(/\.\w+$/, "")}.expected.json`, "utf8"));
    const shown = await load({ src: `corpus/real/${name}`, audio: "#player" });
    assert.ok(shown.ready, `${name}: ${shown.error}`);
    assert.equal(shown.approximate, false, name);
    assert.equal(shown.ready.speakers, tool.speakers.length, name);
    assert.ok(Math.abs(shown.lines[0].start - tool.first_lines[0].start) < 0.001, `${name}: ${shown.lines[0].start}`);
    assert.ok(shown.lines[0].text.startsWith(tool.first_lines[0].text.split(" ").slice(0, 3).join(" ")), `${name}: ${shown.lines[0].text}`);
  }

  // One description copied as plain text (notes, then a run-in
  // "Transcript" before the first turn) named as both notes and transcript.
  const description = "corpus/real/description-transcript-runin.txt";
  const runIn = JSON.parse(readFileSync("tests/corpus/real/description-transcript-runin.expected.json", "utf8"));
  const shown = await load({ transcript: description, notes: description, duration: runIn.duration, audio: "#player" });
  assert.ok(shown.ready, shown.error);
  assert.deepEqual(
    shown.chapters.map(([start, text]) => [start, runIn.chapters.some((chapter) => text.includes(chapter.title))]),
    runIn.chapters.map((chapter) => [chapter.start.split(":").reduce((total, part) => total * 60 + Number(part), 0), true]),
  );
  assert.ok(shown.lines[0].text.startsWith(runIn.first_lines[0].text));
  assert.ok(shown.lines.every((line) => !/^[.,;:!?…]/.test(line.text)), "no line starts with punctuation");
  assert.deepEqual([...new Set(shown.speakers)].sort(), [...runIn.speakers].sort());
  assert.deepEqual(problems, []);
  await page.close();
});
