// Follow mode on a long transcript: a line far down is scrolled into the
// transcript's view, though the chunks the scroll passes are laid out at
// their real height only as they near the view (content-visibility), on a
// phone (where lines wrap to several rows) and on a desktop.
import assert from "node:assert/strict";
import { test } from "node:test";
import { episode } from "../../bench/episodes.mjs";
import { open, useBrowser } from "./harness.mjs";

useBrowser();

const document36 = episode(0.6, true);

/** A host page whose <audio> plays at `time` and stays there (a scripted
 * clock: no media is downloaded), with the widget on `episode.json`. */
async function pageAt(time, viewport) {
  return open("/long.html", async (page) => {
    await page.route("**/long.json", (route) =>
      route.fulfill({ contentType: "application/json", body: JSON.stringify(document36) }),
    );
    await page.route("**/long.html", (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><meta name="viewport" content="width=device-width, initial-scale=1">
<script type="module" src="/episode-viewer.js"></script>
<h1>A long episode</h1><audio id="player" controls preload="none"></audio>
<episode-viewer src="/long.json" audio="#player"></episode-viewer>`,
      }),
    );
    await page.addInitScript(
      ([time, duration]) => {
        const proto = HTMLMediaElement.prototype;
        const fixed = { currentTime: time, paused: false, readyState: 4, duration };
        for (const [name, value] of Object.entries(fixed)) {
          Object.defineProperty(proto, name, { get: () => value, set() {}, configurable: true });
        }
        setInterval(() => document.getElementById("player")?.dispatchEvent(new Event("timeupdate")), 250);
      },
      [time, document36.duration],
    );
  }, { viewport });
}

/** Where the current line sits in the transcript's scroll area. */
const currentLinePlace = (page) =>
  page.evaluate(() => {
    const root = document.querySelector("episode-viewer")?.shadowRoot;
    const line = root?.querySelector('.ev-lines [aria-current="true"]');
    const area = root?.querySelector("[part=transcript]");
    if (!line || !area) return null;
    const [shown, box] = [area.getBoundingClientRect(), line.getBoundingClientRect()];
    return {
      index: Number(line.closest("[data-index]").dataset.index),
      top: box.top - shown.top,
      bottom: box.bottom - shown.top,
      height: shown.height,
    };
  });

for (const [name, viewport] of [["375", { width: 375, height: 740 }], ["1280", { width: 1280, height: 900 }]]) {
  for (const index of [101, 330]) {
    test(`${name} px: follow mode brings line ${index} of ${document36.transcript.length} into the transcript's view and keeps it there`, async () => {
      const { page, problems } = await pageAt(document36.transcript[index].start + 1, viewport);
      let place = null;
      for (let waited = 0; waited < 5000; waited += 100) {
        place = await currentLinePlace(page);
        if (place && place.top >= 0 && place.bottom <= place.height) break;
        await page.waitForTimeout(100);
      }
      assert.equal(place?.index, index, JSON.stringify(place));
      assert.ok(place.top >= 0 && place.bottom <= place.height, `not in view: ${JSON.stringify(place)}`);
      // Still there once every scroll and layout has settled.
      await page.waitForTimeout(2000);
      const settled = await currentLinePlace(page);
      assert.ok(settled.top >= 0 && settled.bottom <= settled.height, `moved out of view: ${JSON.stringify(settled)}`);
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
}
