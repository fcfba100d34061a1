// End to end: the built dist/ served on localhost, driven in Debian's
// Chromium by playwright-core, with the demo episode's real speech audio.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { open, useBrowser } from "./harness.mjs";

const episode = JSON.parse(readFileSync("dist/demo/episode.json", "utf8"));
const lineStarts = episode.transcript.map((line) => line.start);
const chapterStarts = episode.chapters.map((chapter) => chapter.start);

/** Index of the last start <= time, or -1: the contract's "current" rule. */
const currentIndex = (starts, time) => starts.findLastIndex((start) => start <= time);

useBrowser();

/** Media time, data-start of the current line and chapter, and the media
 * time at the latest media event (when the test records it), in one look. */
const snapshot = (page, viewer = "episode-viewer") =>
  page.evaluate((selector) => {
    const root = document.querySelector(selector).shadowRoot;
    const start = (part) => {
      const current = root.querySelectorAll(`[part=${part}][aria-current="true"]`);
      if (current.length > 1) throw new Error(`${current.length} ${part}s are current`);
      return current.length ? Number(current[0].dataset.start) : null;
    };
    const media = document.querySelector("audio");
    return {
      time: media.currentTime,
      paused: media.paused,
      line: start("line"),
      chapter: start("chapter"),
      eventTime: window.lastEventTime,
    };
  }, viewer);

/** Waits until the first widget's current line or chapter starts at `start`. */
const waitForCurrent = (page, part, start) =>
  page.waitForFunction(
    ([part, start]) =>
      document.querySelector("episode-viewer").shadowRoot
        .querySelector(`[part=${part}][aria-current="true"]`)?.dataset.start === String(start),
    [part, start],
  );

test("the demo page shows every line and chapter of the episode", async () => {
  const { page, problems } = await open("/");
  const lines = page.locator('episode-viewer [part="line"]');
  await lines.first().waitFor();
  assert.equal(await lines.count(), episode.transcript.length);
  assert.equal(await page.locator('episode-viewer [part="chapter"]').count(), episode.chapters.length);
  const texts = await page.locator('episode-viewer [part="line"] .ev-text').allTextContents();
  assert.deepEqual(texts, episode.transcript.map((line) => line.text));
  const starts = await lines.evaluateAll((all) => all.map((line) => Number(line.dataset.start)));
  assert.deepEqual(starts, lineStarts);
  await page.screenshot({ path: "test-results/demo-page.png", fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test("the highlight follows the real audio as it plays", async () => {
  const { page, problems } = await open("/");
  await page.locator('episode-viewer [part="line"]').first().waitFor();
  // Start a second before the third chapter, at double speed, to cross
  // several line and chapter boundaries in a few seconds.
  const from = chapterStarts[2] - 1;
  await page.evaluate(async (time) => {
    const audio = document.querySelector("#player");
    // The media time at the latest event the widget listens to.
    for (const event of ["timeupdate", "seeked", "seeking", "play", "loadedmetadata", "ended", "emptied", "loadeddata"]) {
      audio.addEventListener(event, () => { window.lastEventTime = audio.currentTime; });
    }
    audio.currentTime = time;
    audio.playbackRate = 2;
    await audio.play();
  }, from);

  const seenLines = new Set();
  const seenChapters = new Set();
  const deadline = Date.now() + 15_000;
  while (seenLines.size < 4 && Date.now() < deadline) {
    const now = await snapshot(page);
    assert.equal(now.paused, false);
    // The widget shows the line current at a time between the latest media
    // event and now (it also reads the position every frame while playing).
    const shown = lineStarts.indexOf(now.line);
    const earliest = currentIndex(lineStarts, now.eventTime);
    const latest = currentIndex(lineStarts, now.time);
    assert.ok(
      shown >= earliest && shown <= latest,
      `line ${shown} shown; expected one of ${earliest}..${latest} (event at ${now.eventTime} s, now ${now.time} s)`,
    );
    assert.ok(now.time - now.eventTime < 1, "timeupdate events keep coming while playing");
    seenLines.add(now.line);
    seenChapters.add(now.chapter);
    await page.waitForTimeout(100);
  }
  assert.ok(seenLines.size >= 4, `the highlight moved through ${seenLines.size} lines`);
  assert.deepEqual([...seenChapters].sort((a, b) => a - b), [chapterStarts[1], chapterStarts[2]]);

  await page.evaluate(() => document.querySelector("#player").pause());
  assert.deepEqual(problems, []);
  await page.close();
});

test("a plain host page with only the two lines works, and late elements upgrade", async () => {
  const { page, problems } = await open("/plain/");
  const lines = page.locator('episode-viewer [part="line"]');
  await lines.first().waitFor();
  assert.equal(await lines.count(), episode.transcript.length);
  // Host CSS does not reach inside the widget.
  const color = await lines.first().evaluate((line) => getComputedStyle(line).color);
  assert.notEqual(color, "rgb(255, 0, 0)");
  // Without an audio attribute it follows the page's first <audio>.
  await page.evaluate((time) => { document.querySelector("audio").currentTime = time; }, lineStarts[5] + 0.1);
  await waitForCurrent(page, "line", lineStarts[5]);

  await page.evaluate(() => {
    const late = document.createElement("episode-viewer");
    late.id = "late";
    late.setAttribute("src", "/demo/episode.json");
    document.body.append(late);
  });
  await page.locator('#late [part="line"]').first().waitFor();
  assert.equal(await page.locator('#late [part="line"]').count(), episode.transcript.length);

  // Attributes are live: a new src re-renders the widget.
  await page.evaluate(() => document.querySelector("#late").setAttribute("src", "/broken/bad-field.json"));
  await page.locator('#late [role="alert"]').waitFor();
  assert.equal(await page.locator('#late [part="line"]').count(), 0);

  // Removing the element tears the widget down; putting it back rebuilds it.
  const linesAfterRemoval = await page.evaluate(() => {
    const late = document.querySelector("#late");
    late.remove();
    return late.shadowRoot.querySelectorAll("[part=line], [role=alert]").length;
  });
  assert.equal(linesAfterRemoval, 0);
  await page.evaluate(() => {
    const first = document.querySelector("episode-viewer");
    first.remove();
    document.body.append(first);
  });
  await page.locator('episode-viewer [part="line"]').first().waitFor();
  assert.equal(await page.locator('episode-viewer [part="line"]').count(), episode.transcript.length);
  assert.deepEqual(problems, []);
  await page.close();
});

test("broken input shows an alert inside the widget that says what and where", async () => {
  const { page } = await open("/broken/");
  const alertOf = async (id) => {
    const alert = page.locator(`#${id} [role="alert"]`);
    await alert.waitFor();
    return alert.textContent();
  };
  assert.match(await alertOf("syntax"), /"syntax-error.json" is not a usable episode: not valid JSON: expected `,` or `]` after a list item at line 5 column 5/);
  assert.match(await alertOf("field"), /transcript\[1\]\.start: expected seconds, got "abc"/);
  assert.match(await alertOf("missing"), /could not load "missing.json": the server answered HTTP 404/);
  assert.match(await alertOf("no-player"), /audio="#nobody" matches no element on this page/);
  await page.screenshot({ path: "test-results/broken-page.png", fullPage: true });
  await page.close();
});

test("the element's JS API and events", async () => {
  const { page, problems } = await open("/plain/");
  const ready = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const late = document.createElement("episode-viewer");
        late.setAttribute("src", "/demo/episode.json");
        late.addEventListener("episode-viewer:ready", (event) => resolve(event.detail), { once: true });
        document.body.append(late);
      }),
  );
  assert.deepEqual(ready, {
    lines: episode.transcript.length,
    chapters: episode.chapters.length,
    speakers: Object.keys(episode.speakers).length,
    words: episode.transcript.reduce((sum, line) => sum + line.words.length, 0),
    warnings: 0,
  });

  const api = await page.evaluate(async (start) => {
    const viewer = document.querySelector("episode-viewer");
    const seeks = [];
    viewer.addEventListener("episode-viewer:seek", (event) => seeks.push(event.detail));
    viewer.seek(start);
    await new Promise((done) => setTimeout(done, 100));
    const line = viewer.currentLine;
    viewer.follow = false;
    const followAfterOff = viewer.follow;
    viewer.follow = true;
    const matches = viewer.search("transcript");
    const lines = viewer.shadowRoot.querySelectorAll("[part=line]");
    lines[3].click();
    return { time: document.querySelector("audio").currentTime, line, followAfterOff, follow: viewer.follow, matches, seeks };
  }, lineStarts[5]);
  assert.equal(api.time, lineStarts[3]);
  assert.deepEqual(api.line, { index: 5, start: lineStarts[5], text: episode.transcript[5].text, speaker: "Tomas Berg" });
  assert.equal(api.followAfterOff, false);
  assert.equal(api.follow, true);
  assert.ok(api.matches >= 5, `${api.matches} matches`);
  assert.deepEqual(api.seeks, [{ time: lineStarts[3], from: "line" }], "only the reader's seeks are announced");

  const error = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const broken = document.createElement("episode-viewer");
        broken.setAttribute("src", "/broken/bad-field.json");
        broken.addEventListener("episode-viewer:error", (event) => resolve(event.detail.message), { once: true });
        document.body.append(broken);
      }),
  );
  assert.match(error, /transcript\[1\]\.start: expected seconds, got "abc"/);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a #t= deep link seeks on load, scrolls there, and a range stops at its end", async () => {
  const target = lineStarts[12] + 0.2;
  const end = lineStarts[12] + 1.5;
  const { page, problems } = await open(`/#t=${target},${end}`);
  await page.waitForFunction((start) => {
    const root = document.querySelector("episode-viewer")?.shadowRoot;
    return root?.querySelector('[part=line][aria-current="true"]')?.dataset.start === String(start);
  }, lineStarts[12]);
  assert.equal(await page.evaluate(() => document.querySelector("audio").currentTime), target);
  await page.waitForFunction(() => {
    const root = document.querySelector("episode-viewer").shadowRoot;
    const area = root.querySelector("[part=transcript]");
    const line = root.querySelector('[part=line][aria-current="true"]');
    // Boxes, not offsetTop: each chunk of lines is its lines' offsetParent.
    const [shown, box] = [area.getBoundingClientRect(), line.getBoundingClientRect()];
    const top = shown.top + area.clientTop;
    return box.top >= top - 0.5 && box.bottom <= top + area.clientHeight + 0.5;
  });

  await page.evaluate(() => document.querySelector("audio").play());
  await page.waitForFunction(() => document.querySelector("audio").paused, null, { timeout: 10_000 });
  const stopped = await page.evaluate(() => document.querySelector("audio").currentTime);
  assert.ok(stopped >= end && stopped < end + 0.6, `stopped at ${stopped}, range ends at ${end}`);

  // A new fragment moves the media again.
  await page.evaluate((time) => { window.location.hash = `t=${time}`; }, lineStarts[20]);
  await page.waitForFunction((time) => document.querySelector("audio").currentTime === time, lineStarts[20]);
  assert.deepEqual(problems, []);
  await page.close();
});

test("two widgets on a hostile page each follow their own player, and removal leaves no listener", async () => {
  const { page, problems } = await open("/plain/two-players.html", (page) =>
    // Counts the listeners on every media element, by element id.
    page.addInitScript(() => {
      window.mediaListeners = {};
      const add = EventTarget.prototype.addEventListener;
      const remove = EventTarget.prototype.removeEventListener;
      const key = (target) => (target instanceof HTMLMediaElement ? target.id : null);
      EventTarget.prototype.addEventListener = function (...args) {
        const id = key(this);
        if (id) window.mediaListeners[id] = (window.mediaListeners[id] ?? 0) + 1;
        return add.apply(this, args);
      };
      EventTarget.prototype.removeEventListener = function (...args) {
        const id = key(this);
        if (id) window.mediaListeners[id] -= 1;
        return remove.apply(this, args);
      };
    }),
  );
  for (const id of ["one", "two"]) await page.locator(`#${id} [part="line"]`).first().waitFor();
  const current = (id) =>
    page.evaluate((id) => document.getElementById(id).shadowRoot
      .querySelector('[part=line][aria-current="true"]')?.dataset.start ?? null, id);

  // Host styles do not reach inside.
  const style = await page.evaluate(() => {
    const line = document.getElementById("one").shadowRoot.querySelector("[part=line] .ev-text");
    const computed = getComputedStyle(line);
    const heading = getComputedStyle(document.getElementById("one").shadowRoot.querySelector(".ev-section-title"));
    return {
      color: computed.color, family: computed.fontFamily, size: computed.fontSize, lineHeight: computed.lineHeight,
      headingSize: heading.fontSize, headingLine: heading.lineHeight,
    };
  });
  assert.notEqual(style.color, "rgb(255, 0, 0)");
  assert.doesNotMatch(style.family, /Comic Sans/);
  // The size follows the page's font size (everything is in em); the page's
  // line-height of 3 stops at the widget.
  assert.equal(style.size, "30px");
  assert.ok(parseFloat(style.lineHeight) / parseFloat(style.size) < 2, `line-height ${style.lineHeight} is the widget's, not the page's`);
  assert.ok(parseFloat(style.headingLine) / parseFloat(style.headingSize) < 2, `inherited line-height stops at the widget: ${style.headingLine}`);

  await page.evaluate((time) => { document.getElementById("first").currentTime = time; }, lineStarts[8]);
  await page.waitForFunction((start) => document.getElementById("one").shadowRoot
    .querySelector('[part=line][aria-current="true"]')?.dataset.start === String(start), lineStarts[8]);
  assert.equal(await current("two"), String(lineStarts[0]), "the other widget stays with its own player");
  await page.evaluate((time) => { document.getElementById("second").currentTime = time; }, lineStarts[15]);
  await page.waitForFunction((start) => document.getElementById("two").shadowRoot
    .querySelector('[part=line][aria-current="true"]')?.dataset.start === String(start), lineStarts[15]);
  assert.equal(await current("one"), String(lineStarts[8]));

  const before = await page.evaluate(() => ({ ...window.mediaListeners }));
  assert.ok(before.first > 0, "the widget listens to its player");
  const after = await page.evaluate(async () => {
    document.getElementById("one").remove();
    await new Promise((done) => setTimeout(done, 100));
    document.getElementById("first").currentTime = 30;
    await new Promise((done) => setTimeout(done, 100));
    return { ...window.mediaListeners };
  });
  assert.equal(after.first, 0, `listeners left on the removed widget's player: ${after.first}`);
  assert.equal(after.second, before.second, "the other widget keeps its listeners");
  assert.deepEqual(problems, []);
  await page.close();
});

test("the host sets the height and the transcript scrolls inside it", async () => {
  const { page, problems } = await open("/plain/");
  await page.locator('episode-viewer [part="line"]').first().waitFor();
  const measure = () =>
    page.evaluate(() => {
      const viewer = document.querySelector("episode-viewer");
      const root = viewer.shadowRoot.querySelector(".ev").getBoundingClientRect();
      const transcript = viewer.shadowRoot.querySelector("[part=transcript]");
      return { host: viewer.getBoundingClientRect().height, widget: root.height,
        scrolls: transcript.scrollHeight > transcript.clientHeight };
    });
  await page.evaluate(() => document.querySelector("episode-viewer").setAttribute("height", "420"));
  await page.waitForTimeout(100);
  let size = await measure();
  assert.equal(size.host, 420);
  assert.ok(Math.abs(size.widget - 420) <= 1, `the widget fills the element: ${size.widget}`);
  assert.ok(size.scrolls, "the transcript scrolls inside");
  await page.evaluate(() => document.querySelector("episode-viewer").setAttribute("height", "700"));
  await page.waitForTimeout(100);
  size = await measure();
  assert.equal(size.host, 700);
  assert.ok(Math.abs(size.widget - 700) <= 1, `the widget grows with it: ${size.widget}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test("copy link puts the page URL with #t= on the clipboard, or offers it by hand", async () => {
  const { page, problems } = await open("/plain/", async () => {}, { permissions: ["clipboard-read", "clipboard-write"] });
  await page.locator('episode-viewer [part="line"]').first().waitFor();
  // One copy-link button, offered on the line under the pointer.
  await page.locator('episode-viewer [part="line"]').nth(6).hover();
  assert.equal(await page.locator('episode-viewer [part="copy-link"]').count(), 1);
  await page.locator('episode-viewer [part="copy-link"]').click();
  await page.locator('episode-viewer [part="share-status"]').getByText("Copied").waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, `${page.url().split("#")[0]}#t=${lineStarts[6]}`);
  assert.equal(await page.evaluate(() => document.querySelector("audio").currentTime), 0, "copying does not seek");

  // Selecting across lines offers "Copy quote with link".
  await page.evaluate(() => {
    const texts = document.querySelector("episode-viewer").shadowRoot.querySelectorAll("[part=line] .ev-text");
    const textNodes = (element) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const nodes = [];
      while (walker.nextNode()) nodes.push(walker.currentNode);
      return nodes;
    };
    document.getSelection().setBaseAndExtent(textNodes(texts[3])[0], 2, textNodes(texts[5]).at(-1), 1);
  });
  await page.locator('episode-viewer [part="copy-quote"]').click();
  await page.waitForFunction(async (before) => (await navigator.clipboard.readText()) !== before, copied);
  const quote = await page.evaluate(() => navigator.clipboard.readText());
  const text = episode.transcript.slice(3, 6).map((line) => line.text).join(" ");
  const speaker = episode.speakers[episode.transcript[3].speaker].name;
  assert.equal(quote, `“${text}” — ${speaker}, ${page.url().split("#")[0]}#t=${lineStarts[3]},${episode.transcript[5].end}`);
  await page.close();

  // A browser that refuses the clipboard: the link is shown, selected, to copy by hand.
  const refused = await open("/plain/", (page) =>
    page.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException("denied", "NotAllowedError"));
    }),
  );
  await refused.page.locator('episode-viewer [part="line"]').first().waitFor();
  // By keyboard: the line's link button follows the line with the focus.
  await refused.page.locator('episode-viewer [part="line"]').nth(2).focus();
  await refused.page.keyboard.press("Tab");
  assert.equal(
    await refused.page.evaluate(() => document.querySelector("episode-viewer").shadowRoot.activeElement?.getAttribute("part")),
    "copy-link",
  );
  await refused.page.keyboard.press("Enter");
  const link = refused.page.locator('episode-viewer [part="share-link"]');
  await link.waitFor();
  assert.equal(await link.inputValue(), `${refused.page.url().split("#")[0]}#t=${lineStarts[2]}`);
  assert.deepEqual([...problems, ...refused.problems], []);
  await refused.page.close();
});
