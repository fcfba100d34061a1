// The phone-profile load benchmark: episode-viewer (the release build in
// dist/), Hyperaudio Lite 2.6.4 and Podlove Web Player 5.13.0, each fed the
// same generated 36-minute episode (bench/episodes.mjs: 360 lines, 5,400
// timed words), loaded in headless Chromium with Lighthouse's mobile
// profile (150 ms latency, 1.6 Mbit/s down, 750 kbit/s up, CPU slowed 4x, a
// 412x823 phone screen), every file gzipped by the server, no cache, a fresh
// browser context per load. Per player and load: the time from navigation
// start to the first frame in which the line/word at the media time (10:02.5)
// is marked, the bytes and requests (media excluded), and the waterfall.
// Beside them the floor: the core alone in a wasm module of its own
// (src/bench_floor.rs), no UI, showing the same lines as plain list items;
// no widget built on the core can be faster (scripts/build --with-floor).
// Writes bench/phone-results.json and bench/PHONE.md (PASS/FAIL against the
// budgets below); exits non-zero when a budget fails. How each player's
// marked moment is detected: bench/phone/probe.js; the pages:
// bench/phone/pages.mjs; the method: bench/README.md, "Phone profile".
//
//   node bench/phone.mjs                      3 loads per player
//   RUNS=5 node bench/phone.mjs               a different count (prints only)
//   PLAYERS=ours,podlove node bench/phone.mjs some players (prints only;
//                                             "preloaded" is ours with the
//                                             README's preload links)
//   DIST=/tmp/dist-baseline node bench/phone.mjs
// The two other players are installed from npm into a temporary folder at
// every run (nothing is added to package.json).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "../scripts/serve.mjs";
import { episode } from "./episodes.mjs";
import { writePages } from "./phone/pages.mjs";
import { markdown } from "./phone/report.mjs";

const DIST = process.env.DIST ?? "dist";
const RUNS = Number(process.env.RUNS ?? 3);
const MEDIA_TIME = 602.5; // line 100 (10:00-10:05.8), its 7th word
const VERSIONS = { "hyperaudio-lite": "2.6.4", "@podlove/web-player": "5.13.0" };
const PLAYERS = [
  { id: "ours", label: "episode-viewer" },
  { id: "preloaded", label: "episode-viewer with the README's preload links" },
  { id: "floor", label: "floor: the core alone, no UI (not a player)" },
  { id: "hyperaudio", label: `Hyperaudio Lite ${VERSIONS["hyperaudio-lite"]}` },
  { id: "podlove", label: `Podlove Web Player ${VERSIONS["@podlove/web-player"]}` },
].filter((player) => (process.env.PLAYERS ?? "ours,preloaded,floor,hyperaudio,podlove").split(",").includes(player.id));
// Lighthouse's mobile preset, applied with DevTools (CDP) throttling.
const PROFILE = {
  latency: 150,
  downloadThroughput: (1638.4 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
  cpuSlowdown: 4,
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  userAgent:
    "Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
};
const BUDGET = { ratioToHyperaudio: 0.8, oursBytes: 150 * 1024 };
const LOAD_TIMEOUT = 90_000;

let profile = "unknown";
try {
  profile = readFileSync(join(DIST, "build-profile"), "utf8").trim();
} catch {
  // no marker: not built by scripts/build
}
if (profile !== "release") {
  console.error(`${DIST} holds a ${profile} build; the benchmark measures release builds (scripts/build first, or DIST=)`);
  process.exit(2);
}
if (PLAYERS.some((player) => player.id === "floor") && !existsSync(join(DIST, "episode-viewer-floor_bg.wasm"))) {
  console.error(`${DIST} has no floor module (src/bench_floor.rs): scripts/build --with-floor, or PLAYERS= without floor`);
  process.exit(2);
}

// The two other players, from npm, into a temporary folder.
const work = mkdtempSync(join(tmpdir(), "episode-viewer-phone-"));
const npmDir = join(work, "npm");
console.error(`installing ${Object.entries(VERSIONS).map(([name, version]) => `${name}@${version}`).join(" ")} into ${npmDir}`);
execFileSync(
  "npm",
  ["install", "--prefix", npmDir, "--no-save", "--no-audit", "--no-fund", "--loglevel=error", ...Object.entries(VERSIONS).map(([n, v]) => `${n}@${v}`)],
  { stdio: ["ignore", "ignore", "inherit"] },
);
for (const [name, version] of Object.entries(VERSIONS)) {
  const installed = JSON.parse(readFileSync(join(npmDir, "node_modules", name, "package.json"), "utf8")).version;
  if (installed !== version) throw new Error(`npm installed ${name} ${installed}, not ${version}`);
}

const source = episode(0.6, true);
const site = join(work, "site");
execFileSync("mkdir", ["-p", site]);
const pages = writePages(site, source, MEDIA_TIME);
const wordCount = source.transcript.reduce((sum, line) => sum + line.words.length, 0);
console.error(`episode: ${source.transcript.length} lines, ${wordCount} words, ${source.duration / 60} minutes; media at ${MEDIA_TIME} s`);

// Everything gzipped as a real host would; media is never downloaded (its
// requests are answered 404 by the server and left out of the figures).
const server = await serve([DIST, site, join(npmDir, "node_modules")], 0, {}, { gzip: true });
const origin = `http://127.0.0.1:${server.address().port}`;
const probeSource = readFileSync(new URL("./phone/probe.js", import.meta.url), "utf8");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});

const browserVersion = browser.version();
const loadBefore = loadavg()[0];
const benchmarkIndex = await cpuIndex();
console.error(`CPU benchmark index (Lighthouse's method, unthrottled): ${benchmarkIndex}`);
const runs = Object.fromEntries(PLAYERS.map((player) => [player.id, []]));
try {
  for (let run = 0; run < RUNS; run += 1) {
    // Alternate the order run by run, so that no player always goes first.
    const order = PLAYERS.map((_, index) => PLAYERS[(index + run) % PLAYERS.length]);
    for (const player of order) {
      const result = await load(player.id);
      runs[player.id].push(result);
      console.error(
        `run ${run + 1} ${player.label}: marked ${ms(result.marked)}, in view ${ms(result.inView)}, ${(result.bytes / 1024).toFixed(1)} KB in ${result.requests} requests`,
      );
    }
  }
} finally {
  await browser.close().catch(() => {});
  server.close();
}

/** Loads one player's page in a fresh context with the phone profile and
 * returns its figures and waterfall. */
async function load(id) {
  const context = await browser.newContext({
    viewport: PROFILE.viewport,
    deviceScaleFactor: PROFILE.deviceScaleFactor,
    isMobile: true,
    hasTouch: true,
    userAgent: PROFILE.userAgent,
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  let finish;
  const done = new Promise((resolve) => (finish = resolve));
  await page.exposeFunction("phoneProbeDone", (result) => finish(result));
  const probe = { player: id, expect: pages[id].expect, time: MEDIA_TIME, duration: source.duration };
  await page.addInitScript({ content: `const PROBE = ${JSON.stringify(probe)};\n${probeSource}` });

  const cdp = await context.newCDPSession(page);
  const requests = new Map();
  let lastActivity = Date.now();
  cdp.on("Network.requestWillBeSent", (event) => {
    lastActivity = Date.now();
    const previous = requests.get(event.requestId);
    requests.set(event.requestId, {
      ...previous,
      url: event.request.url,
      type: event.type,
      timestamp: event.timestamp,
      wallTime: event.wallTime,
      start: previous?.start ?? event.timestamp,
    });
  });
  cdp.on("Network.responseReceived", (event) => {
    lastActivity = Date.now();
    const request = requests.get(event.requestId);
    if (request) Object.assign(request, { status: event.response.status, type: event.type, encoding: event.response.headers["content-encoding"] ?? event.response.headers["Content-Encoding"] });
  });
  cdp.on("Network.loadingFinished", (event) => {
    lastActivity = Date.now();
    const request = requests.get(event.requestId);
    if (request) Object.assign(request, { end: event.timestamp, bytes: event.encodedDataLength });
  });
  cdp.on("Network.loadingFailed", (event) => {
    lastActivity = Date.now();
    const request = requests.get(event.requestId);
    if (request) Object.assign(request, { end: event.timestamp, failed: event.errorText, bytes: 0 });
  });
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: PROFILE.latency,
    downloadThroughput: PROFILE.downloadThroughput,
    uploadThroughput: PROFILE.uploadThroughput,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: PROFILE.cpuSlowdown });

  await page.goto(origin + pages[id].path, { waitUntil: "commit" });
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve(null), LOAD_TIMEOUT)));
  const probed = (await Promise.race([done, timeout])) ?? { marked: null, inView: null, timedOut: true };
  clearTimeout(timer);
  // Let the page finish what it fetches (lazy chunks), up to 15 s.
  const settled = Date.now();
  while (Date.now() - lastActivity < 1500 && Date.now() - settled < 15_000) await sleep(250);
  const timeOrigin = await page.evaluate(() => performance.timeOrigin);
  await context.close();

  const all = [...requests.values()].filter((request) => request.url.startsWith("http"));
  const main = all.find((request) => request.type === "Document") ?? all[0];
  // CDP timestamps are monotonic seconds; the document request's wall
  // time ties them to the page's time origin (navigation start).
  const offset = main.wallTime * 1000 - main.timestamp * 1000 - timeOrigin;
  const at = (timestamp) => (timestamp === undefined ? null : Math.round((timestamp * 1000 + offset) * 10) / 10);
  const isMedia = (request) => request.type === "Media" || new URL(request.url).pathname.startsWith("/media/");
  const waterfall = all
    .map((request) => ({
      path: new URL(request.url).pathname,
      type: request.type,
      status: request.status ?? null,
      gzip: request.encoding === "gzip",
      start: at(request.start),
      end: at(request.end),
      bytes: request.bytes ?? 0,
      media: isMedia(request),
      ...(request.failed ? { failed: request.failed } : {}),
    }))
    .sort((a, b) => a.start - b.start);
  const counted = waterfall.filter((request) => !request.media);
  const ungzipped = counted.filter((request) => !request.gzip && request.status === 200 && /\.(html|js|css|json|wasm|vtt)$/.test(request.path));
  if (ungzipped.length > 0) throw new Error(`${id}: sent without gzip: ${ungzipped.map((request) => request.path).join(", ")}`);
  return {
    marked: probed.marked,
    inView: probed.inView,
    frames: probed.frames ?? 0,
    timedOut: Boolean(probed.timedOut),
    bytes: counted.reduce((sum, request) => sum + request.bytes, 0),
    bytesBeforeMarked: counted.filter((request) => probed.marked !== null && request.end <= probed.marked).reduce((sum, request) => sum + request.bytes, 0),
    requests: counted.length,
    mediaRequests: waterfall.length - counted.length,
    errors,
    waterfall,
  };
}

/** This machine's speed as Lighthouse's benchmarkIndex measures it (string
 * building and array copying for 500 ms each, in a page, unthrottled; the
 * best of three): its 4x CPU slowdown is meant for an index of about
 * 1,000-2,000 (a recent desktop); a slower machine makes every time longer. */
async function cpuIndex() {
  const page = await browser.newPage();
  const scores = [];
  for (let attempt = 0; attempt < 3; attempt += 1) {
    scores.push(
      await page.evaluate(() => {
        const rate = (step) => {
          const start = Date.now();
          let count = 0;
          while (count % 10 !== 0 || Date.now() - start < 500) {
            step(count);
            count += 1;
          }
          return count / 10 / ((Date.now() - start) / 1000);
        };
        const [a, b] = [Array.from({ length: 100_000 }, (_, i) => i), Array.from({ length: 100_000 }, (_, i) => i)];
        const strings = rate(() => {
          let text = "";
          for (let j = 0; j < 10_000; j += 1) text += "a";
          if (text.length === 1) throw new Error("unreachable");
        });
        const copies = rate((count) => {
          const [from, to] = count % 2 ? [b, a] : [a, b];
          for (let j = 0; j < from.length; j += 1) to[j] = from[j];
        });
        return Math.round((strings + copies) / 2);
      }),
    );
  }
  await page.close();
  return Math.max(...scores);
}

function sleep(milliseconds) {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

function ms(value) {
  return value === null ? "–" : `${Math.round(value)} ms`;
}

const median = (values) => {
  const sorted = values.filter((value) => value !== null).sort((a, b) => a - b);
  return sorted.length === 0 ? null : sorted[Math.floor((sorted.length - 1) / 2)];
};

const players = PLAYERS.map((player) => {
  const loads = runs[player.id];
  const marked = median(loads.map((load) => load.marked));
  // The median run: the one whose marked time is the median.
  const medianRun = loads.find((load) => load.marked === marked) ?? loads[0];
  return {
    id: player.id,
    label: player.label,
    runs: loads.map(({ waterfall, ...figures }) => figures),
    median: {
      marked,
      inView: median(loads.map((load) => load.inView)),
      bytes: median(loads.map((load) => load.bytes)),
      requests: median(loads.map((load) => load.requests)),
    },
    medianRun: { index: loads.indexOf(medianRun), marked: medianRun.marked, waterfall: medianRun.waterfall },
  };
});
const byId = Object.fromEntries(players.map((player) => [player.id, player]));
const verdicts = [];
const check = (what, value, limit, unit) => verdicts.push({ what, value, limit, unit, pass: value !== null && limit !== null && value <= limit });
if (byId.ours && byId.hyperaudio) {
  const hyperaudioMarked = byId.hyperaudio.median.marked;
  check(
    `episode-viewer: time to the current line marked ≤ ${BUDGET.ratioToHyperaudio} × Hyperaudio Lite's (medians, this run)`,
    byId.ours.median.marked,
    hyperaudioMarked === null ? null : BUDGET.ratioToHyperaudio * hyperaudioMarked,
    "ms",
  );
}
if (byId.preloaded && byId.hyperaudio && byId.hyperaudio.median.marked !== null) {
  check(
    `episode-viewer with the README's preload links: time to the current line marked ≤ ${BUDGET.ratioToHyperaudio} × Hyperaudio Lite's`,
    byId.preloaded.median.marked,
    BUDGET.ratioToHyperaudio * byId.hyperaudio.median.marked,
    "ms",
  );
}
if (byId.ours) check("episode-viewer: bytes transferred (gzipped, media excluded)", byId.ours.median.bytes, BUDGET.oursBytes, "bytes");
// The floor is no player: it tells how near a widget built on this core
// could come to the budget at all.
const floor =
  byId.floor && byId.hyperaudio?.median.marked
    ? { marked: byId.floor.median.marked, ratioToHyperaudio: byId.floor.median.marked / byId.hyperaudio.median.marked }
    : null;
for (const player of players) check(`${player.label}: marked in every run`, player.runs.filter((run) => run.marked === null).length, 0, "");

const results = {
  date: new Date().toISOString(),
  machine: {
    cpu: `${cpus().length} × ${cpus()[0]?.model ?? "unknown"}`,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    browser: `Chromium ${browserVersion}, headless`,
    benchmarkIndex,
    // The 1-minute load average before and after: other work on the
    // machine slows the throttled CPU further.
    loadAverage: { before: loadBefore, after: loadavg()[0] },
    node: process.version,
  },
  dist: DIST,
  profile: PROFILE,
  episode: {
    generator: "episode(0.6, true), bench/episodes.mjs",
    lines: source.transcript.length,
    words: wordCount,
    chapters: source.chapters.length,
    duration: source.duration,
    mediaTime: MEDIA_TIME,
    pages: Object.fromEntries(Object.entries(pages).map(([id, page]) => [id, page.path])),
  },
  runsPerPlayer: RUNS,
  budgets: BUDGET,
  floor,
  players,
  verdicts,
};
const report = markdown(results);
// Only a default run replaces the committed files; a narrowed one prints.
if (process.env.RUNS === undefined && process.env.PLAYERS === undefined) {
  writeFileSync(new URL("./phone-results.json", import.meta.url), JSON.stringify(results, null, 2) + "\n");
  writeFileSync(new URL("./PHONE.md", import.meta.url), report);
} else {
  console.error("a narrowed run (RUNS or PLAYERS): bench/PHONE.md and phone-results.json are left as they are");
}
console.log(report);
process.exitCode = verdicts.every((verdict) => verdict.pass) ? 0 : 1;
