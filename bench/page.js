// Runs inside the benchmark page. The page's <audio id="player"> gets a
// scripted clock (its currentTime, paused and duration are replaced on the
// element), so that minutes of playback and a thousand seeks take seconds;
// the widget still hears real `timeupdate`, `seeking`, `play` … events and
// reads the element's properties as it would on any page.
"use strict";

const media = document.getElementById("player");
const clock = { time: 0, paused: true, duration: NaN };
Object.defineProperty(media, "currentTime", {
  get: () => clock.time,
  set: (value) => {
    clock.time = Number(value);
    queueMicrotask(() => fire("seeking", "timeupdate", "seeked"));
  },
});
Object.defineProperty(media, "paused", { get: () => clock.paused });
Object.defineProperty(media, "ended", { get: () => false });
Object.defineProperty(media, "duration", { get: () => clock.duration });

function fire(...names) {
  for (const name of names) media.dispatchEvent(new Event(name));
}

/** Resolves after every microtask queued so far (and those they queue) ran:
 * a message-channel task comes after the microtask checkpoint. */
function afterMicrotasks() {
  return new Promise((done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done();
    channel.port2.postMessage(null);
  });
}
/** Numbers in [0, 1) from `seed`, the same ones for the same seed (an LCG). */
function seeded(seed) {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}
/** Resolves in the next animation frame's callbacks, with the time then
 * (the frame's own timestamp can be older than a long task before it). */
const nextFrame = () => new Promise((done) => requestAnimationFrame(() => done(performance.now())));

const longTasks = [];
const keep = (entries) => {
  for (const entry of entries) longTasks.push({ start: entry.startTime, duration: entry.duration });
};
const longTaskObserver = new PerformanceObserver((list) => keep(list.getEntries()));
longTaskObserver.observe({ type: "longtask" });
/** Long tasks that ended after `from` and began before `to` (entries are
 * delivered late, so those still queued are taken first). */
async function longTasksBetween(from, to) {
  await new Promise((done) => setTimeout(done, 100));
  keep(longTaskObserver.takeRecords());
  return longTasks.filter((task) => task.start + task.duration >= from && task.start <= to);
}

let widget = null;
const shadow = () => widget?.shadowRoot ?? null;
const lineElements = () => shadow()?.querySelectorAll("[part=line]") ?? [];
const currentStart = () => {
  const current = shadow()?.querySelector("[part=line][aria-current]");
  return current ? Number(current.getAttribute("data-start")) : null;
};

/** The start of the line that holds `time` (the reference answer). */
function expectedStart(starts, time) {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (starts[middle] <= time) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? null : starts[low - 1];
}

window.bench = {
  clock,

  /** Inserts a widget for `src` with the media at `time`, and times it:
   * to the first line painted and to fully interactive (every line in the
   * document, the current one marked), from insertion and from the
   * moment the episode file had arrived. */
  async load(src, time, starts, duration) {
    widget?.remove();
    widget = null;
    await nextFrame();
    clock.time = time;
    clock.paused = true;
    clock.duration = duration;
    const url = new URL(src, location.href).href;
    const expected = expectedStart(starts, time);
    let ready = false;
    const element = document.createElement("episode-viewer");
    element.setAttribute("src", src);
    element.setAttribute("audio", "#player");
    element.setAttribute("height", "600");
    element.addEventListener("episode-viewer:ready", () => (ready = true));
    const inserted = performance.now();
    document.getElementById("slot").append(element);
    widget = element;
    let firstLine = null;
    let interactive = null;
    while (interactive === null) {
      const frame = await nextFrame();
      if (frame - inserted > 60_000) throw new Error(`${src} did not become interactive within 60 s`);
      const lines = lineElements().length;
      if (firstLine === null && lines > 0) firstLine = frame;
      if (ready && lines === starts.length && currentStart() === expected) interactive = frame;
    }
    const fetched = performance.getEntriesByName(url).at(-1);
    const arrived = fetched ? fetched.responseEnd : inserted;
    return {
      firstLine: firstLine - inserted,
      interactive: interactive - inserted,
      firstLineAfterArrival: firstLine - arrived,
      interactiveAfterArrival: interactive - arrived,
      longestTask: Math.max(0, ...(await longTasksBetween(inserted, interactive)).map((task) => task.duration)),
    };
  },

  /** Plays `seconds` of media time at `rate` from `from`: each animation
   * frame advances the clock by one `timeupdate` interval (250 ms of wall
   * time, so 0.5 s of media at 2x) and fires `timeupdate`. The widget's CPU
   * time per event is read from a browser trace (bench/run.mjs); here the
   * wall time from the dispatch until the microtasks it queued have run is
   * kept as well. */
  async play(from, seconds, rate, starts) {
    clock.time = from;
    clock.paused = false;
    fire("play", "playing");
    await nextFrame();
    await nextFrame();
    let mutations = 0;
    const observer = new MutationObserver((records) => (mutations += records.length));
    observer.observe(shadow(), { subtree: true, childList: true, attributes: true, characterData: true });
    const perEvent = [];
    let lineChanges = 0;
    let previous = expectedStart(starts, clock.time);
    const began = performance.now();
    const step = 0.25 * rate;
    for (let played = 0; played < seconds; played += step) {
      await nextFrame();
      // In a task of its own, after the frame has been rendered.
      await afterMicrotasks();
      clock.time += step;
      const started = performance.now();
      fire("timeupdate");
      await afterMicrotasks();
      perEvent.push(performance.now() - started);
      const now = expectedStart(starts, clock.time);
      if (now !== previous) lineChanges += 1;
      previous = now;
    }
    await nextFrame();
    await afterMicrotasks();
    observer.takeRecords().forEach(() => (mutations += 1));
    observer.disconnect();
    const ended = performance.now();
    clock.paused = true;
    fire("pause");
    const onRightLine = currentStart() === expectedStart(starts, clock.time);
    return {
      perEvent,
      events: perEvent.length,
      lineChanges,
      mutations,
      longTasks: (await longTasksBetween(began, ended)).map((task) => task.duration),
      onRightLine,
    };
  },

  /** `count` seeks to random times (seeded): each is timed from the
   * `seeking` event until the line holding the new time carries
   * aria-current. */
  async seeks(count, starts, duration, seed) {
    const next = seeded(seed);
    const times = [];
    let wrong = 0;
    for (let index = 0; index < count; index += 1) {
      await nextFrame();
      await afterMicrotasks();
      const target = next() * duration;
      const expected = expectedStart(starts, target);
      clock.time = target;
      const started = performance.now();
      fire("seeking", "timeupdate", "seeked");
      await afterMicrotasks();
      let waited = 0;
      while (currentStart() !== expected && waited < 30) {
        await nextFrame();
        waited += 1;
      }
      if (currentStart() !== expected) wrong += 1;
      times.push(performance.now() - started);
    }
    return { times, wrong };
  },

  /** `count` seeks to random times (seeded), each made at the start of an
   * animation frame (in a requestAnimationFrame callback, as a click or a
   * key the frame handles) and timed until the frame that shows the line
   * holding the new time with aria-current has been rendered: the first
   * task after that frame's style, layout and paint. A line marked in the
   * frame of its seek costs the widget's work plus that frame's rendering;
   * each frame it misses adds a frame interval. */
  async seeksPainted(count, starts, duration, seed) {
    const next = seeded(seed);
    const afterRendering = () => new Promise((done) => requestAnimationFrame(() => afterMicrotasks().then(done)));
    const times = [];
    let wrong = 0;
    let missedFrames = 0;
    for (let index = 0; index < count; index += 1) {
      await nextFrame();
      await afterMicrotasks();
      const target = next() * duration;
      const expected = expectedStart(starts, target);
      const started = await new Promise((done) =>
        requestAnimationFrame(() => {
          clock.time = target;
          const at = performance.now();
          fire("seeking", "timeupdate", "seeked");
          done(at);
        }),
      );
      // A message posted now is handled after this frame has been rendered.
      await afterMicrotasks();
      let frames = 0;
      while (currentStart() !== expected && frames < 30) {
        await afterRendering();
        frames += 1;
      }
      missedFrames += frames;
      if (currentStart() !== expected) wrong += 1;
      times.push(performance.now() - started);
    }
    return { times, wrong, missedFrames };
  },

  /** Types `query` into the search box a key at a time: per key, the time
   * from the input event until the widget's work is done (microtasks
   * drained), and until the next frame after it. */
  async type(query) {
    const field = shadow().querySelector("[part=search-input]");
    field.value = "";
    field.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((done) => setTimeout(done, 300));
    const work = [];
    const toFrame = [];
    for (const key of query) {
      await nextFrame();
      await afterMicrotasks();
      const started = performance.now();
      field.value += key;
      field.dispatchEvent(new Event("input", { bubbles: true }));
      await afterMicrotasks();
      work.push(performance.now() - started);
      await nextFrame();
      toFrame.push(performance.now() - started);
    }
    const status = shadow().querySelector("[part=search-status]")?.textContent ?? "";
    field.value = "";
    field.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((done) => setTimeout(done, 300));
    return { work, toFrame, status };
  },

  /** Bytes of wasm linear memory of the widget's module. */
  async wasmMemory() {
    const core = await import("/episode-viewer-core.js");
    const exports = await core.default();
    return exports.memory.buffer.byteLength;
  },

  domNodes: () => {
    let count = 0;
    const walker = document.createTreeWalker(shadow() ?? document.body);
    while (walker.nextNode()) count += 1;
    return count;
  },
};
