// The performance benchmark: drives the release build in dist/ (made by
// scripts/build) in headless Chromium on generated 1 h, 3 h and 10 h
// episodes, with and without word timings, and writes bench/results.json
// and bench/RESULTS.md with PASS/FAIL against the budgets of issue 6.
//
//   scripts/bench                      build, then run everything
//   node bench/run.mjs                 run against the current dist/
//   HOURS=3 RUNS=3 node bench/run.mjs  a subset, fewer load runs
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { serve } from "../scripts/serve.mjs";
import { episode } from "./episodes.mjs";

const HOURS = (process.env.HOURS ?? "1,3,10").split(",").map(Number);
const RUNS = Number(process.env.RUNS ?? 5);
const SEEKS = Number(process.env.SEEKS ?? 1000);
// Another release build to measure (prints only, as any narrowed run).
const DIST = process.env.DIST ?? "dist";
const PLAY_SECONDS = Number(process.env.PLAY_SECONDS ?? 600);
const QUERIES = ["sto", "question"];
const BUNDLE = ["episode-viewer.js", "episode-viewer-core.js", "episode-viewer-core_bg.wasm"];

const BUDGET = {
  bundleGzip: 120 * 1024,
  interactive3h: 300,
  interactive10h: 1000,
  loadLongTask10h: 200,
  perEventMedian: 0.2,
  mutationsPerLineChange: 4,
  playbackLongTasks: 0,
  seekP99: 16,
  searchMedian: 16,
  memory10h: 60 * 1024 * 1024,
};

const median = (values) => quantile(values, 0.5);
function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function bundle() {
  const files = BUNDLE.map((name) => {
    const bytes = readFileSync(join(DIST, name));
    return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const total = files.reduce((sum, file) => ({ raw: sum.raw + file.raw, gzip: sum.gzip + file.gzip }), {
    raw: 0,
    gzip: 0,
  });
  return { files, total, note: "the stylesheet is compiled into the wasm" };
}

let profile = "unknown";
try {
  profile = readFileSync(join(DIST, "build-profile"), "utf8").trim();
} catch {
  // no marker: not built by scripts/build
}
if (profile !== "release") {
  console.error(`dist/ holds a ${profile} build; the benchmark measures release builds (scripts/bench, or scripts/build first)`);
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), "episode-viewer-bench-"));
const variants = [];
for (const hours of HOURS) {
  for (const words of [true, false]) {
    const document = episode(hours, words);
    const name = `episode-${hours}h${words ? "-words" : ""}.json`;
    const text = JSON.stringify(document);
    writeFileSync(join(dir, name), text);
    variants.push({
      hours,
      words,
      name,
      fileBytes: text.length,
      lines: document.transcript.length,
      wordCount: words ? document.transcript.reduce((sum, line) => sum + line.words.length, 0) : 0,
      starts: document.transcript.map((line) => line.start),
      duration: document.duration,
    });
  }
}
const warmUp = episode(0.01, true);
writeFileSync(join(dir, "warm-up.json"), JSON.stringify(warmUp));
writeFileSync(
  join(dir, "bench.html"),
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>episode-viewer benchmark</title>
<link rel="icon" href="data:,"><script type="module" src="/episode-viewer.js"></script></head>
<body><audio id="player"></audio><div id="slot"></div><script src="/page.js"></script></body></html>`,
);
writeFileSync(join(dir, "page.js"), readFileSync(new URL("./page.js", import.meta.url)));

// Cross-origin isolated, so that performance.now() counts in microseconds
// (otherwise it is coarsened to 100 µs, too coarse for per-event times).
const server = await serve([DIST, dir], 0, {
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-embedder-policy": "require-corp",
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
const results = {
  date: new Date().toISOString(),
  machine: machine(),
  bundle: bundle(),
  budgets: BUDGET,
  variants: [],
};
try {
  for (const variant of variants) {
    const label = `${variant.hours} h ${variant.words ? "with" : "without"} word timings`;
    console.error(`${label}: ${variant.lines} lines, ${variant.wordCount} words, ${variant.fileBytes} bytes`);
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
    await page.goto(`http://127.0.0.1:${server.address().port}/bench.html`);
    const cdp = await page.context().newCDPSession(page);
    if (!(await page.evaluate(() => self.crossOriginIsolated))) throw new Error("the benchmark page is not cross-origin isolated");
    // Warm up: the wasm is compiled and instantiated once per page.
    await page.evaluate(
      ([starts, duration]) => window.bench.load("/warm-up.json", 0, starts, duration),
      [warmUp.transcript.map((line) => line.start), warmUp.duration],
    );
    const { starts, duration } = variant;
    const loads = [];
    for (let run = 0; run < RUNS; run += 1) {
      const src = `/${variant.name}?run=${run}`;
      loads.push(await page.evaluate(([src, time, starts, duration]) => window.bench.load(src, time, starts, duration), [src, duration / 2, starts, duration]));
    }
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = await cdp.send("Runtime.getHeapUsage");
    const wasmMemory = await page.evaluate(() => window.bench.wasmMemory());
    const domNodes = await page.evaluate(() => window.bench.domNodes());
    await browser.startTracing(page, { categories: ["devtools.timeline"] });
    const playback = await page.evaluate(([starts, seconds]) => window.bench.play(600, seconds, 2, starts), [starts, PLAY_SECONDS]);
    const traced = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    const cpu = cpuPerTimeupdate(traced);
    const seeks = await page.evaluate(([starts, duration, count]) => window.bench.seeks(count, starts, duration, 42), [starts, duration, SEEKS]);
    const painted = await page.evaluate(([starts, duration, count]) => window.bench.seeksPainted(count, starts, duration, 7), [starts, duration, SEEKS]);
    const search = [];
    if (variant.hours === Math.max(...HOURS)) {
      for (const query of QUERIES) search.push({ query, ...(await page.evaluate((query) => window.bench.type(query), query)) });
    }
    await page.close();
    const result = {
      label,
      hours: variant.hours,
      words: variant.words,
      lines: variant.lines,
      wordCount: variant.wordCount,
      fileBytes: variant.fileBytes,
      load: {
        runs: loads.length,
        firstLine: median(loads.map((load) => load.firstLine)),
        interactive: median(loads.map((load) => load.interactive)),
        firstLineAfterArrival: median(loads.map((load) => load.firstLineAfterArrival)),
        interactiveAfterArrival: median(loads.map((load) => load.interactiveAfterArrival)),
        longestTask: Math.max(...loads.map((load) => load.longestTask)),
      },
      playback: {
        mediaSeconds: PLAY_SECONDS,
        events: playback.events,
        tracedEvents: cpu.length,
        perEventMedian: median(cpu),
        perEventP99: quantile(cpu, 0.99),
        settledMedian: median(playback.perEvent),
        renderingPerEvent: renderingTime(traced) / Math.max(1, cpu.length),
        lineChanges: playback.lineChanges,
        mutationsPerLineChange: playback.mutations / Math.max(1, playback.lineChanges),
        longTasks: playback.longTasks.length,
        longestTask: Math.max(0, ...playback.longTasks),
        onRightLine: playback.onRightLine,
      },
      seek: {
        count: seeks.times.length,
        median: median(seeks.times),
        p99: quantile(seeks.times, 0.99),
        wrong: seeks.wrong,
        painted: {
          median: median(painted.times),
          p99: quantile(painted.times, 0.99),
          wrong: painted.wrong,
          missedFrames: painted.missedFrames,
        },
      },
      search: search.map((typed) => ({
        query: typed.query,
        status: typed.status,
        workMedian: median(typed.work),
        workWorst: Math.max(...typed.work),
        toFrameMedian: median(typed.toFrame),
      })),
      memory: { jsHeap: heap.usedSize, wasm: wasmMemory, total: heap.usedSize + wasmMemory, domNodes },
    };
    results.variants.push(result);
    console.error(JSON.stringify(result));
  }
} finally {
  await browser.close();
  server.close();
}

const verdicts = judge(results);
results.verdicts = verdicts;
// Only a full run replaces the committed results; a narrowed one prints.
const fullRun = !["HOURS", "RUNS", "SEEKS", "PLAY_SECONDS", "DIST"].some((name) => process.env[name]);
if (fullRun) {
  writeFileSync(new URL("./results.json", import.meta.url), JSON.stringify(results, null, 2) + "\n");
  writeFileSync(new URL("./RESULTS.md", import.meta.url), markdown(results));
} else {
  console.error("a narrowed run: bench/RESULTS.md and results.json are left as they are");
}
console.log(markdown(results));
process.exitCode = verdicts.every((verdict) => verdict.pass) ? 0 : 1;

/** The widget's CPU time for each `timeupdate`, from a trace: the thread
 * time of the event's dispatch (its listeners: only the widget listens on
 * the benchmark's media element) plus that of the microtask checkpoint
 * right after it, where the reactive work it queued runs. */
function cpuPerTimeupdate(events) {
  const dispatches = events.filter((event) => event.name === "EventDispatch" && event.args?.data?.type === "timeupdate" && event.ph === "X");
  if (dispatches.length === 0) throw new Error("the trace has no timeupdate dispatches");
  const thread = dispatches[0].tid;
  const timeline = events
    .filter((event) => event.tid === thread && event.ph === "X" && (event.name === "EventDispatch" || event.name === "RunMicrotasks" || event.name === "FireAnimationFrame"))
    .sort((a, b) => a.ts - b.ts);
  const cpu = [];
  timeline.forEach((event, index) => {
    if (event.name !== "EventDispatch" || event.args?.data?.type !== "timeupdate") return;
    const end = event.ts + event.dur;
    const next = timeline.slice(index + 1).find((later) => later.ts >= end && later.name !== "RunMicrotasks");
    const microtasks = timeline
      .slice(index + 1)
      .filter((later) => later.name === "RunMicrotasks" && later.ts >= end && (!next || later.ts < next.ts));
    const threadTime = event.tdur + microtasks.reduce((sum, later) => sum + later.tdur, 0);
    cpu.push(threadTime / 1000);
  });
  return cpu;
}

/** The main thread's time spent rendering (style, layout, paint) during
 * the trace, in ms: the cost of what the widget changed, paid in frames. */
function renderingTime(events) {
  const rendering = new Set(["UpdateLayoutTree", "Layout", "PrePaint", "Paint", "Layerize"]);
  const thread = events.find((event) => event.name === "EventDispatch")?.tid;
  return events
    .filter((event) => event.tid === thread && event.ph === "X" && rendering.has(event.name))
    .reduce((sum, event) => sum + (event.tdur ?? event.dur) / 1000, 0);
}

function machine() {
  const chromium = execFileSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", ["--version"]).toString().trim();
  return {
    cpu: `${cpus().length} × ${cpus()[0]?.model ?? "unknown"}`,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    browser: `${chromium}, headless`,
    node: process.version,
  };
}

function judge({ bundle, variants }) {
  const verdicts = [];
  const check = (what, value, limit, unit) => verdicts.push({ what, value, limit, unit, pass: value <= limit });
  check("bundle, gzipped (wasm + JS + CSS)", bundle.total.gzip, BUDGET.bundleGzip, "bytes");
  for (const variant of variants) {
    const name = variant.label;
    if (variant.hours === 3 && variant.words) check(`${name}: interactive after the JSON arrived`, variant.load.interactiveAfterArrival, BUDGET.interactive3h, "ms");
    if (variant.hours === 10) {
      check(`${name}: interactive after the JSON arrived`, variant.load.interactiveAfterArrival, BUDGET.interactive10h, "ms");
      check(`${name}: longest task while loading`, variant.load.longestTask, BUDGET.loadLongTask10h, "ms");
    }
    check(`${name}: widget CPU per timeupdate, median`, variant.playback.perEventMedian, BUDGET.perEventMedian, "ms");
    check(`${name}: DOM mutations per line change`, variant.playback.mutationsPerLineChange, BUDGET.mutationsPerLineChange, "");
    check(`${name}: long tasks during playback`, variant.playback.longTasks, BUDGET.playbackLongTasks, "");
    check(`${name}: seek to highlighted line, p99`, variant.seek.p99, BUDGET.seekP99, "ms");
    check(`${name}: seek until the highlighted line is painted, p99`, variant.seek.painted.p99, BUDGET.seekP99, "ms");
    check(`${name}: seeks that ended on the wrong line`, variant.seek.wrong + variant.seek.painted.wrong + (variant.playback.onRightLine ? 0 : 1), 0, "");
    for (const typed of variant.search) check(`${name}: search keystroke "${typed.query}", median`, typed.workMedian, BUDGET.searchMedian, "ms");
    if (variant.hours === 10 && variant.words) check(`${name}: JS heap + wasm memory after load`, variant.memory.total, BUDGET.memory10h, "bytes");
  }
  return verdicts;
}

function markdown({ date, machine, bundle, variants, verdicts }) {
  const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 2 : 0)} ms` : "–");
  const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const lines = [
    "# Benchmark results",
    "",
    `Run ${date.slice(0, 10)} with \`scripts/bench\` on ${machine.cpu}, ${machine.memory} RAM; ${machine.browser}; Node ${machine.node}.`,
    "Generated episodes (bench/episodes.mjs): 600 lines and 9,000 words an hour, three speakers, a chapter every 10 minutes.",
    "How each figure is taken is described in bench/README.md.",
    "",
    "## Budgets",
    "",
    "| check | measured | budget | |",
    "|---|---:|---:|---|",
    ...verdicts.map((verdict) => {
      const show = verdict.unit === "ms" ? ms : verdict.unit === "bytes" ? (verdict.what.startsWith("bundle") ? kb : mb) : (v) => String(Math.round(v * 100) / 100);
      return `| ${verdict.what} | ${show(verdict.value)} | ${show(verdict.limit)} | ${verdict.pass ? "PASS" : "**FAIL**"} |`;
    }),
    "",
    ...(verdicts.some((verdict) => !verdict.pass && verdict.what.startsWith("bundle"))
      ? ["The bundle budget is not met; why, and the plan: bench/README.md, \"Bundle size: the gap\".", ""]
      : []),
    "## Bundle",
    "",
    "| file | bytes | gzipped |",
    "|---|---:|---:|",
    ...bundle.files.map((file) => `| ${file.name} | ${file.raw} | ${file.gzip} |`),
    `| total (${bundle.note}) | ${bundle.total.raw} | ${bundle.total.gzip} |`,
    "",
    "## Per episode",
    "",
    "| episode | lines | words | file | first line | interactive | interactive after JSON | longest load task | per timeupdate median / p99 | rendering per timeupdate | mutations per line change | playback long tasks | seek median / p99 | seek until painted median / p99 | JS heap | wasm memory | DOM nodes |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...variants.map(
      (v) =>
        `| ${v.label} | ${v.lines} | ${v.wordCount} | ${kb(v.fileBytes)} | ${ms(v.load.firstLine)} | ${ms(v.load.interactive)} | ${ms(v.load.interactiveAfterArrival)} | ${ms(v.load.longestTask)} | ${ms(v.playback.perEventMedian)} / ${ms(v.playback.perEventP99)} | ${ms(v.playback.renderingPerEvent)} | ${v.playback.mutationsPerLineChange.toFixed(2)} | ${v.playback.longTasks} | ${ms(v.seek.median)} / ${ms(v.seek.p99)} | ${ms(v.seek.painted.median)} / ${ms(v.seek.painted.p99)} | ${mb(v.memory.jsHeap)} | ${mb(v.memory.wasm)} | ${v.memory.domNodes} |`,
    ),
    "",
    "## Search (largest episode)",
    "",
    "| episode | query | result | widget work per key, median / worst | to next frame, median |",
    "|---|---|---|---:|---:|",
    ...variants.flatMap((v) => v.search.map((s) => `| ${v.label} | "${s.query}" | ${s.status} | ${ms(s.workMedian)} / ${ms(s.workWorst)} | ${ms(s.toFrameMedian)} |`)),
    "",
    ...phoneSection(),
  ];
  return lines.join("\n");
}

/** The phone profile's last run (bench/phone.mjs writes phone-results.json
 * and PHONE.md): its players and budgets, for RESULTS.md. */
function phoneSection() {
  let phone;
  try {
    phone = JSON.parse(readFileSync(new URL("./phone-results.json", import.meta.url), "utf8"));
  } catch {
    return [];
  }
  const ms = (value) => (value === null ? "–" : `${Math.round(value).toLocaleString("en")} ms`);
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  return [
    "## Phone profile",
    "",
    `Run ${phone.date.slice(0, 10)} with \`node bench/phone.mjs\` (Lighthouse's mobile profile: 150 ms round trip, 1.6 Mbit/s down, CPU 4× slower; ${phone.episode.lines} lines, ${phone.episode.words.toLocaleString("en")} timed words); waterfalls in bench/PHONE.md.`,
    "",
    "| player | current line marked (median) | bytes |",
    "|---|---:|---:|",
    ...phone.players.map((player) => `| ${player.label} | ${ms(player.median.marked)} | ${kb(player.median.bytes)} |`),
    "",
    "| check | measured | budget | |",
    "|---|---:|---:|---|",
    ...phone.verdicts.map((verdict) => {
      const show = verdict.unit === "bytes" ? kb : verdict.unit === "ms" ? ms : String;
      return `| ${verdict.what} | ${show(verdict.value)} | ${show(verdict.limit)} | ${verdict.pass ? "PASS" : "**FAIL**"} |`;
    }),
    "",
  ];
}
