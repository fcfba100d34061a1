// End to end: the host's media element misbehaving, an oracle for the
// highlight, and the element's lifecycle. The oracle computes the current
// line from the episode file itself (the last line whose start is at or
// before the media time, by a linear scan) and compares it with the line
// the widget marks `aria-current`, after every `timeupdate` and `seeked`.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { open, useBrowser } from "./harness.mjs";

useBrowser();

const episode = JSON.parse(readFileSync("dist/demo/episode.json", "utf8"));
const starts = episode.transcript.map((line) => line.start);
assert.ok(starts.every((start, index) => index === 0 || starts[index - 1] <= start), "demo lines in time order");
/** Seconds of real (1x) playback the oracle watches; 300 in the test command. */
const PLAY_SECONDS = Number(process.env.ORACLE_PLAY_SECONDS ?? 300);
const SEEKS = 1000;

/** Console noise the browser logs for media files that are missing on purpose. */
const expectedNoise = (problem) => /Failed to load resource.*404|missing\.mp3/.test(problem);

/** Puts the reference answer and the checking listeners into the page. */
const installOracle = (page) => page.evaluate((starts) => {
  window.referenceLine = (time) => {
    let found = -1;
    for (let index = 0; index < starts.length; index += 1) if (starts[index] <= time) found = index;
    return found;
  };
  window.shownLine = (host) => {
    const line = host.shadowRoot.querySelector("[part=line][aria-current]");
    return line ? Number(line.dataset.index) : -1;
  };
  // Reads the time before the widget's listeners run (capture on the
  // document) and after them (a listener added later on the element): the
  // widget read a time in between, so the shown line must be the reference
  // for one of the two; they differ only when a boundary fell in between.
  window.watch = (host, audio) => {
    const oracle = { checks: 0, straddled: 0, wrong: [], before: NaN };
    for (const type of ["timeupdate", "seeked"]) {
      document.addEventListener(type, (event) => {
        if (event.target === audio) oracle.before = audio.currentTime;
      }, true);
      audio.addEventListener(type, () => {
        const after = audio.currentTime;
        const expected = new Set([window.referenceLine(oracle.before), window.referenceLine(after)]);
        const shown = window.shownLine(host);
        oracle.checks += 1;
        if (expected.size > 1) oracle.straddled += 1;
        if (!expected.has(shown)) {
          oracle.wrong.push({ type, before: oracle.before, after, shown, expected: [...expected] });
        }
      });
    }
    return oracle;
  };
}, starts);

/** Adds `<episode-viewer>` following `selector` and waits until it is ready. */
const addWidget = (page, selector, id = "widget") => page.evaluate(({ selector, id }) => {
  const element = document.createElement("episode-viewer");
  element.id = id;
  element.setAttribute("src", "/demo/episode.json");
  element.setAttribute("audio", selector);
  document.body.append(element);
}, { selector, id });

/** Puts a new muted `<audio id="late">` into the page, in place of any
 * there is, and waits until the widget is ready with it. */
const addLatePlayer = (page) => page.evaluate(async () => {
  const ready = new Promise((done) =>
    document.getElementById("widget").addEventListener("episode-viewer:ready", done, { once: true }));
  document.getElementById("late")?.remove();
  const audio = document.createElement("audio");
  Object.assign(audio, { id: "late", src: "/demo/episode.mp3", preload: "auto", muted: true });
  document.body.append(audio);
  await ready;
});

const waitForLines = (page, id = "widget") => page.locator(`#${id} [part="line"]`).first().waitFor();

/** With the media paused: the shown line equals the reference for its time. */
async function expectHighlight(page, what, audioId, id = "widget") {
  await page.waitForTimeout(60);
  const state = await page.evaluate(({ audioId, id }) => {
    const audio = document.getElementById(audioId);
    return {
      time: audio.currentTime,
      shown: window.shownLine(document.getElementById(id)),
      expected: window.referenceLine(audio.currentTime),
    };
  }, { audioId, id });
  assert.equal(state.shown, state.expected, `${what}: at ${state.time} s`);
}

const seekAndSettle = (page, audioId, time) => page.evaluate(({ audioId, time }) => new Promise((done) => {
  const audio = document.getElementById(audioId);
  audio.addEventListener("seeked", done, { once: true });
  audio.currentTime = time;
}), { audioId, time });

test(`oracle: ${SEEKS} random seeks and ${PLAY_SECONDS} s of real playback, the highlight always right`, async () => {
  const { page, problems } = await open("/faults/index.html");
  await installOracle(page);
  await addWidget(page, "#player");
  await waitForLines(page);
  const seeks = await page.evaluate(async (count) => {
    const host = document.getElementById("widget");
    const audio = document.getElementById("player");
    const oracle = window.watch(host, audio);
    const starts = [...host.shadowRoot.querySelectorAll("[part=line]")].map((line) => Number(line.dataset.start));
    const duration = audio.duration;
    // Random times, exact line starts and times just either side of them.
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let index = 0; index < count; index += 1) {
      const start = starts[Math.floor(random() * starts.length)];
      const kind = index % 4;
      const time = kind === 0 ? random() * duration
        : kind === 1 ? start
          : kind === 2 ? Math.max(0, start - 0.001)
            : start + 0.001;
      await new Promise((done) => {
        audio.addEventListener("seeked", done, { once: true });
        audio.currentTime = time;
      });
    }
    return { checks: oracle.checks, straddled: oracle.straddled, wrong: oracle.wrong };
  }, SEEKS);
  assert.ok(seeks.checks >= SEEKS, `${seeks.checks} checks`);
  assert.deepEqual(seeks.wrong, [], "seeks shown on a wrong line");
  assert.equal(seeks.straddled, 0, "a paused seek has one time");

  const playback = await page.evaluate(async (seconds) => {
    const host = document.getElementById("widget");
    const audio = document.getElementById("player");
    const oracle = window.watch(host, audio);
    audio.loop = true;
    audio.muted = true;
    audio.currentTime = 0;
    await audio.play();
    await new Promise((done) => setTimeout(done, seconds * 1000));
    audio.pause();
    return { checks: oracle.checks, straddled: oracle.straddled, wrong: oracle.wrong, played: audio.played.length };
  }, PLAY_SECONDS);
  console.log(`oracle: ${seeks.checks} checks over ${SEEKS} seeks; ${playback.checks} checks over ${PLAY_SECONDS} s of playback, ${playback.straddled} across a line boundary`);
  assert.ok(playback.checks >= PLAY_SECONDS * 3, `timeupdate about 4 times a second: ${playback.checks} checks`);
  assert.deepEqual(playback.wrong, [], "playback shown on a wrong line");
  assert.deepEqual(problems, []);
  await page.close();
});

test("media faults: late, removed, replaced, new src, odd durations, past the end, rates, error events", async () => {
  const { page, problems } = await open("/faults/index.html");
  await installOracle(page);
  // Missing at start, then added.
  await addWidget(page, "#late");
  const alert = page.locator('#widget [role="alert"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /audio="#late" matches no element on this page \(yet\)/);
  await addLatePlayer(page);
  await seekAndSettle(page, "late", 40);
  await expectHighlight(page, "after the player appeared", "late");

  // Removed while playing (which pauses it), then the same element put back.
  await page.evaluate(async () => {
    const audio = document.getElementById("late");
    await audio.play();
    await new Promise((done) => setTimeout(done, 700));
    window.lateElement = audio;
    audio.remove();
    await new Promise((done) => setTimeout(done, 200));
  });
  const removed = await page.evaluate(() => ({
    shown: window.shownLine(document.getElementById("widget")),
    expected: window.referenceLine(window.lateElement.currentTime),
    paused: window.lateElement.paused,
  }));
  assert.equal(removed.shown, removed.expected, "after removal while playing");
  assert.ok(removed.paused, "a removed media element pauses");
  await page.evaluate(() => document.body.append(window.lateElement));
  await seekAndSettle(page, "late", 60);
  await expectHighlight(page, "the same player put back", "late");

  // Replaced by a new element with the same id: the widget follows the new one.
  await addLatePlayer(page);
  await seekAndSettle(page, "late", 75);
  await expectHighlight(page, "after the player was replaced", "late");

  // src changed mid-play: back to the start of the new source.
  await page.evaluate(async () => {
    const audio = document.getElementById("late");
    await audio.play();
    await new Promise((done) => setTimeout(done, 500));
    const emptied = new Promise((done) => audio.addEventListener("loadeddata", done, { once: true }));
    audio.src = "/demo/episode.mp3?second-source";
    await emptied;
  });
  await page.evaluate(() => document.getElementById("late").pause());
  await expectHighlight(page, "after src changed mid-play", "late");
  await seekAndSettle(page, "late", 90);
  await expectHighlight(page, "seek in the new source", "late");

  // A duration of Infinity (a live stream) or NaN: positions still map to lines.
  for (const duration of [Infinity, NaN]) {
    await page.evaluate((duration) => {
      const audio = document.getElementById("late");
      Object.defineProperty(audio, "duration", { configurable: true, get: () => duration });
      audio.dispatchEvent(new Event("durationchange"));
    }, duration);
    await seekAndSettle(page, "late", 33);
    await expectHighlight(page, `duration ${duration}`, "late");
    // A click plays from the line.
    await page.locator('#widget [part="line"]').nth(10).click();
    await page.waitForFunction((start) => {
      const audio = document.getElementById("late");
      return audio.currentTime >= start && audio.currentTime < start + 0.5;
    }, starts[10]);
    await page.evaluate(() => document.getElementById("late").pause());
    await expectHighlight(page, `clicked a line, duration ${duration}`, "late");
  }
  await page.evaluate(() => delete document.getElementById("late").duration);

  // Seeking past the end: the last line.
  await seekAndSettle(page, "late", 100_000);
  await expectHighlight(page, "past the end", "late");
  assert.equal(await page.evaluate(() => window.shownLine(document.getElementById("widget"))), starts.length - 1);

  // Playback rates from 0.25x to 4x, the oracle watching.
  const rates = await page.evaluate(async () => {
    const host = document.getElementById("widget");
    const audio = document.getElementById("late");
    const oracle = window.watch(host, audio);
    audio.currentTime = 20;
    for (const rate of [0.25, 0.5, 1.5, 2, 4]) {
      audio.playbackRate = rate;
      await audio.play();
      await new Promise((done) => setTimeout(done, 1200));
    }
    audio.pause();
    audio.playbackRate = 1;
    return { checks: oracle.checks, wrong: oracle.wrong };
  });
  assert.ok(rates.checks > 15, `${rates.checks} checks across the rates`);
  assert.deepEqual(rates.wrong, []);

  // error, emptied and abort: a missing file, then no source at all.
  await page.evaluate(async () => {
    const audio = document.getElementById("late");
    const failed = new Promise((done) => audio.addEventListener("error", done, { once: true }));
    audio.src = "/demo/missing.mp3";
    await failed;
  });
  await expectHighlight(page, "after a media error", "late");
  await page.evaluate(async () => {
    const audio = document.getElementById("late");
    const emptied = new Promise((done) => audio.addEventListener("emptied", done, { once: true }));
    audio.removeAttribute("src");
    audio.load();
    await emptied;
  });
  await expectHighlight(page, "after emptied", "late");
  await page.evaluate(() => {
    const audio = document.getElementById("late");
    audio.src = "/demo/episode.mp3";
  });
  await seekAndSettle(page, "late", 55);
  await expectHighlight(page, "after the source came back", "late");
  assert.deepEqual(problems.filter((problem) => !expectedNoise(problem)), []);
  await page.close();
});

test("200 insert/remove cycles leave no listeners, no frame loops, and flat wasm memory", async () => {
  const { page, problems } = await open("/faults/index.html", (page) =>
    page.addInitScript(() => {
      window.playerListeners = 0;
      const add = EventTarget.prototype.addEventListener;
      const remove = EventTarget.prototype.removeEventListener;
      EventTarget.prototype.addEventListener = function (...args) {
        if (this instanceof HTMLMediaElement) window.playerListeners += 1;
        return add.apply(this, args);
      };
      EventTarget.prototype.removeEventListener = function (...args) {
        if (this instanceof HTMLMediaElement) window.playerListeners -= 1;
        return remove.apply(this, args);
      };
      window.frameRequests = 0;
      const requestFrame = window.requestAnimationFrame.bind(window);
      window.requestAnimationFrame = (callback) => {
        window.frameRequests += 1;
        return requestFrame(callback);
      };
    }));
  const session = await page.context().newCDPSession(page);
  const cycle = (count) => page.evaluate(async (count) => {
    const audio = document.getElementById("player");
    for (let index = 0; index < count; index += 1) {
      const element = document.createElement("episode-viewer");
      element.setAttribute("src", "/demo/episode.json");
      element.setAttribute("audio", "#player");
      const ready = new Promise((done) => element.addEventListener("episode-viewer:ready", done, { once: true }));
      document.body.append(element);
      await ready;
      // Let it follow a seek and a frame of playback before it goes.
      audio.currentTime = (index * 7) % 120;
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      element.remove();
    }
  }, count);
  const measure = async () => {
    await session.send("HeapProfiler.collectGarbage");
    await page.waitForTimeout(200);
    return page.evaluate(async () => {
      const core = await import("/episode-viewer-core.js");
      const wasm = await core.default();
      const framesBefore = window.frameRequests;
      await new Promise((done) => setTimeout(done, 300));
      return {
        heap: core.heapInUse(),
        pages: wasm.memory.buffer.byteLength,
        listeners: window.playerListeners,
        framesRequestedWhileIdle: window.frameRequests - framesBefore,
        elements: document.querySelectorAll("*").length,
        jsHeap: performance.memory?.usedJSHeapSize ?? 0,
      };
    });
  };
  await page.evaluate(async () => {
    const audio = document.getElementById("player");
    audio.muted = true;
    audio.loop = true;
    await audio.play();
  });
  const untouched = await measure();
  // Warm-up: the allocator reaches its high-water mark of pages.
  await cycle(50);
  const warm = await measure();
  await cycle(200);
  const after = await measure();
  console.log(`lifecycle: wasm heap in use ${warm.heap} B after 50 warm-up cycles, ${after.heap} B after 200 more; ` +
    `wasm memory ${warm.pages} -> ${after.pages} B; JS heap ${warm.jsHeap} -> ${after.jsHeap} B`);
  assert.equal(after.listeners, untouched.listeners, "listeners left on the player");
  assert.equal(after.framesRequestedWhileIdle, 0, "a frame loop still runs with no widget");
  assert.equal(after.elements, untouched.elements, "elements left in the page");
  assert.ok(after.heap - warm.heap <= 4096, `wasm heap grew by ${after.heap - warm.heap} B over 200 cycles`);
  // The live heap above is the leak measure; memory itself only grows, in
  // 64 KiB pages, when the allocator needs a new high-water mark.
  assert.ok(after.pages - warm.pages <= 65536, `wasm memory grew by ${after.pages - warm.pages} B`);
  await page.evaluate(() => document.getElementById("player").pause());
  assert.deepEqual(problems, []);
  await page.close();
});
