// End to end: the widget fed by a podcast feed alone (tests/e2e/pages/feed/
// feed.xml, two original items in the Podcasting 2.0 namespace's shapes):
// the episode found by the enclosure the page's player plays or by its
// guid, its transcript and chapters fetched from where the feed says, its
// people met with the transcript's speakers, its soundbites as highlights.
import assert from "node:assert/strict";
import { test } from "node:test";
import { open, useBrowser } from "./harness.mjs";

useBrowser();

/** What a widget shows: lines, speakers, chapters, highlights. */
const shown = (page, selector = "episode-viewer") =>
  page.evaluate((selector) => {
    const root = document.querySelector(selector).shadowRoot;
    const all = (query, read) => [...root.querySelectorAll(query)].map(read);
    return {
      lines: all("[part=line]", (line) => Number(line.dataset.start)).length,
      speakers: all("[part=speaker]", (speaker) => speaker.textContent.trim()),
      chapters: all("[part=chapter]", (chapter) => Number(chapter.dataset.start)),
      highlights: all(".ev-highlight", (button) => button.textContent.trim()),
      title: root.querySelector(".ev-title")?.textContent ?? null,
      approximate: Boolean(root.querySelector("[part=approximate]")),
    };
  }, selector);

test("the feed's episode is the one whose enclosure the page's player plays", async () => {
  const { page, problems, requested } = await open("/feed/index.html");
  await page.locator("episode-viewer [part=line]").first().waitFor();
  await page.locator("episode-viewer .ev-highlight").first().waitFor();
  const widget = await shown(page);
  assert.equal(widget.title, "Reading Along: Transcripts That Follow the Audio");
  assert.ok(widget.lines > 10, `${widget.lines} lines`);
  for (const path of ["/feed/feed.xml", "/episode-viewer-feed_bg.wasm", "/demo/episode.vtt", "/demo/chapters.json"]) {
    assert.ok(requested.includes(path), `${path} requested: ${requested.join(" ")}`);
  }
  assert.ok(!requested.includes("/demo/transcript.json"), "the German transcript is not chosen on an English page");
  assert.ok(!requested.includes("/episode-viewer-import_bg.wasm"), "nothing to import");
  // The feed's people lend the transcript's speakers their roles.
  assert.ok(widget.speakers.includes("Maya Ortizhost"), widget.speakers.join(", "));
  assert.ok(widget.speakers.includes("Jo Kimguest"), widget.speakers.join(", "));
  assert.ok(widget.chapters.length >= 2);
  assert.equal(widget.highlights.length, 2);
  assert.match(widget.highlights[0], /^Why timings matter0:30 · 16 s$/);
  // A highlight without a title shows the words spoken at its start.
  assert.doesNotMatch(widget.highlights[1], /^1:35/);

  // Choosing a highlight plays its range and pauses at its end.
  await page.evaluate(() => document.querySelector("#player").muted = true);
  await page.locator("episode-viewer .ev-highlight").first().click();
  await page.waitForFunction(() => !document.querySelector("#player").paused);
  const started = await page.evaluate(() => document.querySelector("#player").currentTime);
  assert.ok(started >= 30 && started < 32, `started at ${started}`);
  await page.evaluate(() => (document.querySelector("#player").currentTime = 44.8));
  await page.waitForFunction(() => document.querySelector("#player").paused, null, { timeout: 5000 });
  const stopped = await page.evaluate(() => document.querySelector("#player").currentTime);
  assert.ok(stopped >= 45.5 && stopped < 47, `paused at ${stopped}`);
  assert.deepEqual(problems, []);
});

test("episode= chooses by guid; an HTML transcript is imported with the notes' chapters", async () => {
  const { page, problems, requested } = await open("/feed/index.html");
  await page.locator("episode-viewer [part=line]").first().waitFor();
  const outcome = await page.evaluate(async () => {
    const add = (attributes) => {
      const element = document.createElement("episode-viewer");
      element.id = attributes.id;
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      const done = new Promise((resolve) => {
        element.addEventListener("episode-viewer:ready", () => resolve("ready"), { once: true });
        element.addEventListener("episode-viewer:error", (event) => resolve(event.detail.message), { once: true });
      });
      document.body.append(element);
      return done;
    };
    return {
      chosen: await add({ id: "small-print", feed: "/feed/feed.xml", episode: "airwaves-11", audio: "#player" }),
      missing: await add({ id: "missing", feed: "/feed/feed.xml", episode: "airwaves-99", audio: "#player" }),
    };
  });
  assert.equal(outcome.chosen, "ready");
  const widget = await shown(page, "#small-print");
  assert.equal(widget.title, "Small Print");
  assert.ok(widget.approximate, "estimated times are said to be approximate");
  assert.deepEqual(widget.chapters, [0, 60]);
  assert.ok(widget.lines >= 7, `${widget.lines} lines`);
  assert.ok(requested.includes("/corpus/real/p20-html-untimed.html"));
  assert.ok(requested.includes("/episode-viewer-import_bg.wasm"));
  assert.equal(
    outcome.missing,
    '"/feed/feed.xml": the feed has no episode whose guid is "airwaves-99"; choose one with the element\'s episode attribute, set to its guid: "airwaves-12" (Reading Along: Transcripts That Follow the Audio), "airwaves-11" (Small Print)',
  );
  assert.deepEqual(problems.filter((problem) => !problem.includes("404")), []);
});
