// End to end: the widget reading WebVTT, SRT, Podcasting 2.0 JSON and JSON
// Chapters, from its attributes and from an episode JSON's file references.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { open, useBrowser } from "./harness.mjs";

useBrowser();

const episode = JSON.parse(readFileSync("dist/demo/episode.json", "utf8"));
const lineStarts = episode.transcript.map((line) => line.start);
const chapterStarts = episode.chapters.map((chapter) => chapter.start);
const speakerNames = episode.transcript.map((line) => episode.speakers[line.speaker].name);

/** data-start of every line and chapter, texts and speaker labels of one widget. */
const contents = (page, id) =>
  page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    const all = (selector) => [...root.querySelectorAll(selector)];
    return {
      lines: all("[part=line]").map((line) => Number(line.dataset.start)),
      texts: all("[part=line] .ev-text").map((text) => text.textContent),
      speakers: all("[part=line]").map((line) => line.querySelector(".ev-speaker")?.textContent ?? null),
      chapters: all("[part=chapter]").map((chapter) => Number(chapter.dataset.start)),
      alert: root.querySelector("[role=alert]")?.textContent ?? null,
      warnings: root.querySelector("[part=warnings] summary")?.textContent ?? null,
    };
  }, id);

const waitForWidget = (page, id) =>
  page.locator(`#${id} [part="line"], #${id} [part="chapter"], #${id} [role="alert"]`).first().waitFor();

/** Speaker labels as shown: where the speaker changes, and after each
 * chapter heading (chapters starting at `chapters`). */
const labelsShown = (chapters = []) => {
  const headed = new Set(chapters.map((start) => lineStarts.findIndex((line) => line >= start)));
  return speakerNames.map((name, index) =>
    index > 0 && speakerNames[index - 1] === name && !headed.has(index) ? null : name);
};

test("the VTT demo page reads its transcript from WebVTT and its chapters from JSON Chapters", async () => {
  const { page, problems, requested } = await open("/vtt.html");
  await page.locator('episode-viewer [part="line"]').first().waitFor();
  const shown = await page.evaluate(() => {
    const root = document.querySelector("episode-viewer").shadowRoot;
    return {
      lines: [...root.querySelectorAll("[part=line]")].map((line) => Number(line.dataset.start)),
      chapters: [...root.querySelectorAll("[part=chapter]")].map((chapter) => Number(chapter.dataset.start)),
    };
  });
  assert.deepEqual(shown.lines, lineStarts);
  assert.deepEqual(shown.chapters, chapterStarts);
  assert.ok(requested.includes("/demo/episode.vtt") && requested.includes("/demo/chapters.json"));

  // A click plays from the chapter's start.
  await page.locator('episode-viewer [part="chapter"]').nth(2).click();
  const played = await page.evaluate(() => document.querySelector("#player").currentTime);
  assert.ok(played >= chapterStarts[2] && played < chapterStarts[2] + 0.5, `at ${played}`);
  await page.evaluate(() => document.querySelector("#player").pause());
  await page.screenshot({ path: "test-results/vtt-page.png", fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test("every format loads from attributes and from episode JSON references", async () => {
  const vtt = readFileSync("dist/demo/episode.vtt", "utf8");
  const { page, problems } = await open("/formats/", (page) =>
    // A server that sends a .vtt file as text/plain under a .txt name.
    page.route("**/formats/episode-vtt.txt", (route) => route.fulfill({ body: vtt, contentType: "text/plain" })),
  );
  const ids = ["by-reference", "srt", "podcast-json", "srt-reference", "json-reference", "chapters-only", "mislabelled", "broken-cues", "no-signature"];
  for (const id of ids) {
    await waitForWidget(page, id);
  }

  const byReference = await contents(page, "by-reference");
  assert.deepEqual(byReference.lines, lineStarts);
  assert.deepEqual(byReference.chapters, chapterStarts);
  assert.deepEqual(byReference.speakers, labelsShown(chapterStarts));

  for (const id of ["srt", "podcast-json", "srt-reference", "json-reference", "mislabelled"]) {
    const shown = await contents(page, id);
    assert.deepEqual(shown.lines, lineStarts, id);
    assert.deepEqual(shown.texts, episode.transcript.map((line) => line.text), id);
    assert.deepEqual(shown.speakers, labelsShown(shown.chapters), id);
    assert.equal(shown.warnings, null, id);
  }
  assert.deepEqual((await contents(page, "srt")).chapters, chapterStarts);
  assert.deepEqual((await contents(page, "srt-reference")).chapters, chapterStarts, "relative to the episode JSON");

  const chaptersOnly = await contents(page, "chapters-only");
  assert.deepEqual(chaptersOnly.chapters, chapterStarts);
  assert.deepEqual(chaptersOnly.lines, []);

  const broken = await contents(page, "broken-cues");
  assert.equal(broken.lines.length, 5);
  assert.equal(broken.warnings, "4 problems in the transcript files were repaired or skipped");
  await page.locator("#broken-cues [part=warnings] summary").click();
  assert.match(
    await page.locator("#broken-cues [part=warnings] li").first().textContent(),
    /^"\/corpus\/vtt\/broken-cues.vtt" line 8: the cue timing "00:00:01,000 --> 00:00:02,000" is not valid/,
  );

  assert.match(
    (await contents(page, "no-signature")).alert,
    /"no-signature.vtt" is not a usable WebVTT file: line 1: expected "WEBVTT" to start a WebVTT file, found "Hello"/,
  );
  await page.screenshot({ path: "test-results/formats-page.png", fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test("of an episode's transcript files, only the preferred one is loaded", async () => {
  const { page, problems, requested } = await open("/formats/reference.html");
  await page.locator('episode-viewer [part="line"]').first().waitFor();
  const loaded = requested.filter((path) => path.startsWith("/demo/") && !path.endsWith(".mp3"));
  assert.deepEqual(loaded.sort(), ["/demo/chapters.json", "/demo/episode-files.json", "/demo/episode.vtt"]);
  assert.deepEqual(problems, []);
  await page.close();
});
