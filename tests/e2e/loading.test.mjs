// End to end: what the widget downloads, and when. Every file once, side by
// side (the episode's files do not wait for the wasm), the import module
// only for an episode that needs an import, the feed module only for a feed.
import assert from "node:assert/strict";
import { test } from "node:test";
import { open, useBrowser } from "./harness.mjs";

useBrowser();

const IMPORT_MODULE = ["/episode-viewer-import.js", "/episode-viewer-import_bg.wasm"];
const FEED_MODULE = ["/episode-viewer-feed.js", "/episode-viewer-feed_bg.wasm"];

/** Waits until the page's widget shows lines, and returns the resource
 * timings of what it downloaded, by path. */
async function loadedWith(page) {
  await page.waitForFunction(() => document.querySelector("episode-viewer")?.shadowRoot?.querySelector("[part=line]"));
  return page.evaluate(() =>
    Object.fromEntries(
      performance.getEntriesByType("resource").map((entry) => [
        new URL(entry.name).pathname,
        { start: entry.startTime, end: entry.responseEnd },
      ]),
    ),
  );
}

const count = (requested, path) => requested.filter((each) => each === path).length;

test("a timed episode: each file requested once, the episode beside the wasm, no import module", async () => {
  const { page, problems, requested } = await open("/");
  const timings = await loadedWith(page);
  for (const path of ["/episode-viewer-core.js", "/episode-viewer-core_bg.wasm", "/demo/episode.json"]) {
    assert.equal(count(requested, path), 1, `${path} in ${requested.join(", ")}`);
  }
  for (const path of [...IMPORT_MODULE, ...FEED_MODULE]) assert.equal(count(requested, path), 0, `${path} was downloaded`);
  const wasm = timings["/episode-viewer-core_bg.wasm"];
  const episode = timings["/demo/episode.json"];
  assert.ok(episode.start < wasm.end, `the episode waited for the wasm: ${JSON.stringify({ wasm, episode })}`);
  assert.ok(timings["/episode-viewer-core.js"].start < wasm.end, "the glue waited for the wasm");
  assert.deepEqual(problems, []);
  await page.close();
});

test("an untimed transcript with show notes: the import module, requested with the files", async () => {
  const { page, problems, requested } = await open("/untimed.html");
  const timings = await loadedWith(page);
  for (const path of [...IMPORT_MODULE, "/demo/transcript.txt", "/demo/shownotes.txt"]) {
    assert.equal(count(requested, path), 1, `${path} in ${requested.join(", ")}`);
  }
  const wasm = timings["/episode-viewer-core_bg.wasm"];
  assert.ok(timings["/episode-viewer-import_bg.wasm"].start < wasm.end, "the import module waited for the widget's wasm");
  assert.deepEqual(problems, []);
  await page.close();
});

test("a feed: the feed module and the files its episode names, no import module", async () => {
  const { page, problems, requested } = await open("/feed.html");
  await loadedWith(page);
  for (const path of [...FEED_MODULE, "/demo/feed.xml", "/demo/episode.vtt", "/demo/chapters.json"]) {
    assert.equal(count(requested, path), 1, `${path} in ${requested.join(", ")}`);
  }
  for (const path of IMPORT_MODULE) assert.equal(count(requested, path), 0, `${path} was downloaded`);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the page's own transcript: the import module, and no download for the page's elements", async () => {
  const { page, problems, requested } = await open("/page.html");
  await loadedWith(page);
  for (const path of IMPORT_MODULE) assert.equal(count(requested, path), 1, `${path} in ${requested.join(", ")}`);
  for (const path of [...FEED_MODULE, "/page.html"]) {
    assert.equal(count(requested, path), path === "/page.html" ? 1 : 0, `${path} in ${requested.join(", ")}`);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test("an import module that cannot load: the widget says so and offers a retry, which works", async () => {
  let refuse = true;
  const { page, problems } = await open("/untimed.html", (page) =>
    page.route("**/episode-viewer-import_bg.wasm", (route) => (refuse ? route.abort() : route.continue())),
  );
  const alert = await page.waitForFunction(() => {
    const alert = document.querySelector("episode-viewer")?.shadowRoot?.querySelector("[role=alert]");
    return alert?.textContent;
  });
  assert.match(await alert.jsonValue(), /could not load the widget's importer/);
  refuse = false;
  await page.evaluate(() => document.querySelector("episode-viewer").shadowRoot.querySelector("[role=alert] button").click());
  await loadedWith(page);
  // The failed download's own console message is the browser's, not the page's.
  assert.deepEqual(problems.filter((problem) => !/Failed to load resource|net::ERR_FAILED/.test(problem)), []);
  await page.close();
});
