// bench/PHONE.md from the figures of bench/phone.mjs: the profile, a row per
// player, the budget verdicts and the waterfall of each player's median run.

const ms = (value) => (value === null || value === undefined ? "–" : `${Math.round(value).toLocaleString("en-US")} ms`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const BAR = 40;

/** A bar of BAR characters over 0..`span` ms: `·` before the request, `█`
 * while it runs. */
function bar(start, end, span) {
  const from = Math.min(BAR - 1, Math.floor((start / span) * BAR));
  const to = Math.max(from + 1, Math.min(BAR, Math.ceil((end / span) * BAR)));
  return "`" + "·".repeat(from) + "█".repeat(to - from) + "·".repeat(BAR - to) + "`";
}

function waterfall(player) {
  const { waterfall: requests, marked } = player.medianRun;
  const span = Math.max(marked ?? 0, ...requests.map((request) => request.end ?? request.start)) || 1;
  const rows = requests.map((request) => {
    const note = request.media ? " (media, not counted)" : request.failed ? ` (${request.failed})` : "";
    return `| ${request.path}${note} | ${request.type ?? ""} | ${ms(request.start)} | ${ms(request.end)} | ${kb(request.bytes)} | ${bar(request.start, request.end ?? request.start, span)} |`;
  });
  return [
    `### ${player.label}`,
    "",
    `Run ${player.medianRun.index + 1}; marked at ${ms(marked)} (the bars span 0–${ms(span)}).`,
    "",
    "| request | type | start | end | bytes | |",
    "|---|---|---:|---:|---:|---|",
    ...rows,
    `| *current line/word marked* | | ${ms(marked)} | | | ${bar(marked ?? 0, marked ?? 0, span)} |`,
    "",
  ];
}

export function markdown(results) {
  const { date, machine, profile, episode, players, verdicts, runsPerPlayer } = results;
  const all = (player, key) => player.runs.map((run) => ms(run[key])).join(", ");
  const lines = [
    "# Phone profile: three transcript players loading one episode",
    "",
    `Run ${date.slice(0, 10)} with \`node bench/phone.mjs\` on ${machine.cpu}, ${machine.memory} RAM; ${machine.browser}; Node ${machine.node}.`,
    `Our widget: the release build in \`${results.dist}\`. How it is measured: bench/README.md, "Phone profile".`,
    `This machine's CPU benchmark index (Lighthouse's method, unthrottled) is ${machine.benchmarkIndex}; Lighthouse's 4× slowdown is meant`,
    machine.benchmarkIndex < 1000
      ? "for about 1,000–2,000 (a recent desktop): this machine is slower, so every time here is longer than on such a desktop."
      : "for about 1,000–2,000 (a recent desktop), which this machine is.",
    `Load average (1 min) before the run ${machine.loadAverage.before.toFixed(2)}, after it ${machine.loadAverage.after.toFixed(2)}.`,
    "",
    `**Profile** (Lighthouse's mobile preset, DevTools throttling over CDP, applied before navigation): ${profile.latency} ms latency,`,
    `${((profile.downloadThroughput * 8) / 1024).toFixed(1)} kbit/s down, ${((profile.uploadThroughput * 8) / 1024).toFixed(0)} kbit/s up, CPU ${profile.cpuSlowdown}× slower,`,
    `${profile.viewport.width}×${profile.viewport.height} viewport at ${profile.deviceScaleFactor}× (mobile, touch), cache disabled, a fresh browser context per load,`,
    "every text and wasm file gzip-compressed by the server (level 6).",
    "",
    `**Episode**: \`${episode.generator}\`: ${episode.lines} lines, ${episode.words.toLocaleString("en-US")} timed words, ${episode.chapters} chapters, ${episode.duration / 60} minutes,`,
    `given to each player in its own format; the page's media clock stands at ${episode.mediaTime} s (line 101, which starts at 10:00), no audio is downloaded.`,
    `${runsPerPlayer} loads per player, the players alternating load by load.`,
    "",
    "| player | current line marked: median (all runs) | in view: median | bytes | requests |",
    "|---|---:|---:|---:|---:|",
    ...players.map(
      (player) =>
        `| ${player.label} | **${ms(player.median.marked)}** (${all(player, "marked")}) | ${ms(player.median.inView)} | ${kb(player.median.bytes)} | ${player.median.requests} |`,
    ),
    "",
    "*Marked*: from navigation start to the first animation frame in which the line (ours, Podlove) or word (Hyperaudio Lite) at the",
    "media time is marked and rendered. *In view*: the first frame in which it is also scrolled into view (–: not within 10 s",
    "of being marked). *Bytes*: all responses as transferred (gzipped, with headers), media excluded.",
    "",
    "## Budgets",
    "",
    "| check | measured | budget | |",
    "|---|---:|---:|---|",
    ...verdicts.map((verdict) => {
      const show = verdict.unit === "ms" ? ms : verdict.unit === "bytes" ? kb : (value) => String(value);
      return `| ${verdict.what} | ${show(verdict.value)} | ${verdict.limit === null ? "–" : show(verdict.limit)} | ${verdict.pass ? "PASS" : "**FAIL**"} |`;
    }),
    "",
    ...(results.floor
      ? [
          `**The floor** (the core alone, no UI: bench/README.md, "The floor"): marked at ${ms(results.floor.marked)}, ` +
            `${results.floor.ratioToHyperaudio.toFixed(2)} × Hyperaudio Lite's; the budget asks ${results.budgets.ratioToHyperaudio} ×.`,
          "",
        ]
      : []),
    "## Waterfalls of the median runs",
    "",
    "Times from navigation start; a request's start is when the browser sent it, its end when its last byte arrived.",
    "",
    ...players.flatMap(waterfall),
  ];
  return lines.join("\n");
}
