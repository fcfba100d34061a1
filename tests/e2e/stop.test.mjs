// End to end: should the widget's code ever stop (a panic, or an allocation
// that fails), every widget on the page says so and the page goes on: its
// player plays and its own scripts run. The debug build's `debugStop`
// pulls each kind of stop on purpose.
import assert from "node:assert/strict";
import { test } from "node:test";
import { open, useBrowser } from "./harness.mjs";

useBrowser();

/** A second widget on the page, for the demo's player. */
const addSecondWidget = (page) => page.evaluate(() => {
  const second = document.createElement("episode-viewer");
  second.id = "second";
  second.setAttribute("src", "demo/episode.vtt");
  second.setAttribute("audio", "#player");
  document.body.append(second);
});

/** The demo page with a second widget, both loaded. */
async function twoWidgets() {
  const opened = await open("/index.html");
  const { page } = opened;
  await addSecondWidget(page);
  for (const selector of ["episode-viewer >> nth=0", "#second"]) {
    await page.locator(`${selector} >> [part=line]`).first().waitFor();
  }
  // The page's own script, which must keep running.
  await page.evaluate(() => {
    window.pageTicks = 0;
    setInterval(() => { window.pageTicks += 1; }, 50);
  });
  return opened;
}

/** What each widget shows in place of the episode. */
const stopMessages = (page) => page.evaluate(() =>
  [...document.querySelectorAll("episode-viewer")].map((viewer) =>
    viewer.shadowRoot.querySelector("[role=alert] .ev-error-title")?.textContent ?? null));

async function pageGoesOn(page) {
  const before = await page.evaluate(() => window.pageTicks);
  const playing = await page.evaluate(async () => {
    const player = document.getElementById("player");
    player.muted = true;
    await player.play();
    const start = player.currentTime;
    await new Promise((resolve) => setTimeout(resolve, 600));
    return player.currentTime > start && !player.paused;
  });
  assert.ok(playing, "the page's player plays");
  assert.ok(await page.evaluate(() => window.pageTicks) > before, "the page's scripts run");
  // The JS API answers without calling into the stopped code.
  const api = await page.evaluate(() => {
    const viewer = document.querySelector("episode-viewer");
    return { seek: viewer.seek(10), line: viewer.currentLine, found: viewer.search("harbour") };
  });
  assert.deepEqual(api, { seek: false, line: null, found: 0 });
}

for (const [kind, reason] of [
  ["panic", /^The episode viewer stopped: the debug trigger was pulled \(at src\/host\/stop\.rs:\d+\)$/],
  ["allocation", /^The episode viewer stopped: an internal error \(unreachable\)$/],
]) {
  test(`a stop by ${kind} is shown in every widget and the page goes on`, async () => {
    const { page, problems } = await twoWidgets();
    const errors = [];
    await page.exposeFunction("noteError", (message) => errors.push(message));
    await page.evaluate(() => document.addEventListener("episode-viewer:error",
      (event) => window.noteError(event.detail.message)));
    // Pulled from a timer, as a listener or a task would meet it.
    await page.evaluate((kind) => import("/episode-viewer-core.js").then((core) => {
      setTimeout(() => core.debugStop(kind), 0);
    }), kind);
    await page.waitForFunction(() => [...document.querySelectorAll("episode-viewer")]
      .every((viewer) => viewer.shadowRoot.querySelector("[role=alert]")));
    const shown = await stopMessages(page);
    assert.equal(shown.length, 2);
    for (const message of shown) assert.match(message, reason);
    assert.equal(errors.length, 2, errors.join("\n"));
    await pageGoesOn(page);
    // A widget added afterwards says so too, without starting.
    await page.evaluate(() => {
      const third = document.createElement("episode-viewer");
      third.setAttribute("src", "demo/episode.vtt");
      document.body.append(third);
    });
    await page.waitForFunction(() => [...document.querySelectorAll("episode-viewer")]
      .every((viewer) => viewer.shadowRoot?.querySelector("[role=alert]")));
    assert.equal((await stopMessages(page)).length, 3);
    // Only the stop itself was reported.
    const others = problems.filter((problem) => !/unreachable|debug trigger|RuntimeError/.test(problem));
    assert.deepEqual(others, []);
    await page.close();
  });
}

test("a widget removed while its copy is pending stops nothing when the copy finishes", async () => {
  const { page, problems } = await open("/index.html", (page) =>
    page.addInitScript(() => {
      // A clipboard that answers only when told to.
      window.finishCopy = null;
      Object.defineProperty(Navigator.prototype, "clipboard", {
        configurable: true,
        get: () => ({ writeText: () => new Promise((resolve) => { window.finishCopy = resolve; }) }),
      });
    }),
  );
  await addSecondWidget(page);
  await page.locator("#second >> [part=line]").first().waitFor();
  const first = page.locator("episode-viewer >> nth=0");
  await first.locator("[part=line]").nth(3).hover();
  await first.locator("[part=copy-link]").click();
  await page.waitForFunction(() => window.finishCopy !== null);
  await page.evaluate(() => {
    document.querySelector("episode-viewer").remove();
    window.finishCopy();
  });
  await page.waitForTimeout(300);
  // The other widget still works: no stop was announced.
  const second = page.locator("#second");
  assert.equal(await second.locator("[role=alert]").count(), 0);
  assert.equal(await page.evaluate(() => document.getElementById("second").search("transcripts") > 0), true);
  assert.deepEqual(problems, []);
  await page.close();
});

test("20,000 chapters are listed in slices: the page never waits long while the list is built", async () => {
  const count = 20_000;
  const chapters = JSON.stringify({
    version: "1.2.0",
    chapters: Array.from({ length: count }, (_, i) => ({ startTime: i * 2, title: `Chapter number ${i}` })),
  });
  const { page, problems } = await open("/index.html", (page) =>
    page.route("**/many-chapters.json", (route) =>
      route.fulfill({ body: chapters, contentType: "application/json+chapters" })),
  );
  await page.locator("episode-viewer >> [part=line]").first().waitFor();
  // The long tasks while a second widget loads and lists them.
  const longest = await page.evaluate(async (count) => {
    const tasks = [];
    new PerformanceObserver((list) => tasks.push(...list.getEntries().map((entry) => entry.duration)))
      .observe({ type: "longtask" });
    const viewer = document.createElement("episode-viewer");
    viewer.setAttribute("src", "demo/episode.vtt");
    viewer.setAttribute("chapters", "many-chapters.json");
    viewer.setAttribute("audio", "#player");
    const ready = new Promise((resolve) => viewer.addEventListener("episode-viewer:ready", resolve, { once: true }));
    document.body.append(viewer);
    await ready;
    const listed = () => viewer.shadowRoot.querySelectorAll("[part=chapter]").length;
    const atReady = listed();
    const beforeListing = tasks.length;
    while (listed() < count) await new Promise((resolve) => setTimeout(resolve, 50));
    const options = viewer.shadowRoot.querySelectorAll("[part=chapter-select] option").length;
    return { tasks: tasks.map(Math.round), whileListing: tasks.slice(beforeListing), atReady, options };
  }, count);
  // Ready with the first chapters listed, the rest added afterwards, in
  // slices of about 8 ms (a debug build's batch of 100 items takes longer).
  assert.ok(longest.atReady < count, `${longest.atReady} chapters listed at once`);
  assert.equal(longest.options, count);
  assert.ok(Math.max(0, ...longest.whileListing) < 250, `tasks of ${longest.tasks.join(", ")} ms`);
  assert.ok(Math.max(...longest.tasks) < 1000, `tasks of ${longest.tasks.join(", ")} ms`);
  assert.deepEqual(problems, []);
  await page.close();
});
