// End to end: downloads that go wrong. A second local server misbehaves on
// purpose (another port, so another origin: every request is cross-origin
// and CORS applies); each fault must end in a message that names it, and
// "Try again" must work once the server has recovered.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { after, before, test } from "node:test";
import { open, useBrowser } from "./harness.mjs";

useBrowser();

const episodeJson = readFileSync("dist/demo/episode.json", "utf8");
const episodeVtt = readFileSync("dist/demo/episode.vtt", "utf8");
const lineCount = JSON.parse(episodeJson).transcript.length;
const demoFeed = readFileSync("dist/demo/feed.xml", "utf8");
const demoChapters = readFileSync("dist/demo/chapters.json", "utf8");
/** 21 MiB of JSON whitespace: 20 KB gzipped, too large once unpacked. */
const gzipBomb = gzipSync(Buffer.alloc(21 * 1024 * 1024, " "));

/** What the faulty server does for each path; `healthy` paths work. */
const state = { recovered: false, stalled: [] };
let faulty;
let faultyBase;

function startFaultyServer(port = 0) {
  const server = createServer((request, response) => {
    const path = new URL(request.url, "http://localhost").pathname;
    const cors = { "access-control-allow-origin": "*" };
    const json = { ...cors, "content-type": "application/json" };
    switch (path) {
      case "/episode.json":
        return response.writeHead(200, json).end(episodeJson);
      case "/404.json":
        return response.writeHead(404, { ...cors, "content-type": "text/plain" }).end("gone");
      case "/500.json":
        return response.writeHead(500, { ...cors, "content-type": "text/plain" }).end("oops");
      case "/flaky.json":
        return state.recovered
          ? response.writeHead(200, json).end(episodeJson)
          : response.writeHead(503, { ...cors, "content-type": "text/plain" }).end("busy");
      case "/flaky-chapters.json":
        return state.recovered
          ? response.writeHead(200, json).end(demoChapters)
          : response.writeHead(503, { ...cors, "content-type": "text/plain" }).end("busy");
      case "/no-cors.json":
        return response.writeHead(200, { "content-type": "application/json" }).end(episodeJson);
      case "/no-cors-feed.xml":
        return response.writeHead(200, { "content-type": "application/rss+xml" }).end(demoFeed);
      case "/stall-headers.json":
        // Never answers (until the test ends).
        state.stalled.push(response);
        return;
      case "/stall-body.json":
        response.writeHead(200, { ...json, "content-length": episodeJson.length });
        response.write(episodeJson.slice(0, 100));
        state.stalled.push(response);
        return;
      case "/truncated.json":
        response.writeHead(200, { ...json, "content-length": episodeJson.length });
        response.write(episodeJson.slice(0, 500));
        setTimeout(() => response.socket.destroy(), 50);
        return;
      case "/cut-short.json":
        // A complete response whose body is half a file.
        return response.writeHead(200, json).end(episodeJson.slice(0, 700));
      case "/page.html":
        return response.writeHead(200, { ...cors, "content-type": "text/html" })
          .end("<!doctype html><title>Sign in</title><p>Please sign in.</p>");
      case "/as-text.txt":
        return response.writeHead(200, { ...cors, "content-type": "text/plain" }).end(episodeVtt);
      case "/huge.json":
        return response.writeHead(200, { ...json, "content-length": 30 * 1024 * 1024 }).end();
      case "/streamed-huge.json": {
        // No Content-Length: 1 MiB chunks until the client gives up.
        response.writeHead(200, json);
        const chunk = Buffer.alloc(1024 * 1024, " ");
        state.streamedBytes = 0;
        const more = () => {
          if (response.destroyed || state.streamedBytes >= 64 * 1024 * 1024) return response.end();
          state.streamedBytes += chunk.length;
          if (response.write(chunk)) setImmediate(more);
          else response.once("drain", more);
        };
        response.on("close", () => { state.streamedClosed = true; });
        return more();
      }
      case "/gzip-bomb.json":
        return response.writeHead(200, { ...json, "content-encoding": "gzip", "content-length": gzipBomb.length })
          .end(gzipBomb);
      case "/redirect.json":
        return response.writeHead(302, { ...cors, location: "/moved/episode-files.json" }).end();
      case "/moved/episode-files.json":
        return response.writeHead(200, json).end(JSON.stringify({
          version: 1,
          title: "Moved",
          transcript: { url: "episode.vtt", type: "text/vtt" },
        }));
      case "/moved/episode.vtt":
        return response.writeHead(200, { ...cors, "content-type": "text/vtt" }).end(episodeVtt);
      default:
        return response.writeHead(404, cors).end();
    }
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

before(async () => {
  faulty = await startFaultyServer();
  faultyBase = `http://127.0.0.1:${faulty.address().port}`;
});
after(() => {
  for (const response of state.stalled) response.socket?.destroy();
  faulty?.close();
});

/** Adds a widget for `src` (none when null) with `attributes` and waits for its lines or alert. */
async function widget(page, src, attributes = {}) {
  const id = `w${Math.random().toString(36).slice(2)}`;
  await page.evaluate(({ id, src, attributes }) => {
    const element = document.createElement("episode-viewer");
    element.id = id;
    if (src !== null) element.setAttribute("src", src);
    element.setAttribute("audio", "#player");
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    document.body.append(element);
  }, { id, src, attributes });
  await page.locator(`#${id} [part="line"], #${id} [role="alert"]`).first().waitFor({ timeout: 20_000 });
  return {
    id,
    alert: () => page.evaluate((id) =>
      document.getElementById(id).shadowRoot.querySelector(".ev-error-message")?.textContent ?? null, id),
    lines: () => page.evaluate((id) =>
      document.getElementById(id).shadowRoot.querySelectorAll("[part=line]").length, id),
    retry: page.locator(`#${id} [part="retry"]`),
  };
}

/** Console errors the browser itself logs for a failed request. */
const networkNoise = (problem) =>
  /Failed to load resource|net::ERR_|CORS policy|blocked by CORS/.test(problem);

test("each download fault ends in a message that names it", async () => {
  const { page, problems } = await open("/faults/index.html");
  const expectations = [
    ["/404.json", {}, /could not load ".*\/404\.json": the server answered HTTP 404 Not Found$/],
    ["/500.json", {}, /could not load ".*\/500\.json": the server answered HTTP 500 Internal Server Error$/],
    ["/no-cors.json", {}, /the server answered, but does not let this page read the file: it must allow this site with CORS/],
    ["/stall-headers.json", { timeout: "1" }, /could not load ".*stall-headers\.json": no complete answer from the server within 1 second$/],
    ["/stall-body.json", { timeout: "2" }, /no complete answer from the server within 2 seconds$/],
    ["/truncated.json", {}, /the download stopped before the end of the file \(the connection was closed\)$/],
    ["/cut-short.json", {}, /is not a usable episode: not valid JSON: the file ends inside .* at line \d+ column \d+$/],
    ["/page.html", {}, /is not a file this widget reads: the server sent a web page \(text\/html\)/],
    ["/huge.json", {}, /the file is too large: 30\.0 MB; the widget reads files of up to 20\.0 MB$/],
    ["/streamed-huge.json", {}, /the file is too large: the download passed 20\.0 MB and was stopped; the widget reads files of up to 20\.0 MB$/],
    ["/gzip-bomb.json", {}, /the file is too large: the download passed 20\.0 MB and was stopped; the widget reads files of up to 20\.0 MB$/],
    ["/episode.json", { timeout: "0.5" }, /^timeout="0\.5" is too short: each download needs at least 1 second/],
  ];
  for (const [path, attributes, expected] of expectations) {
    const shown = await widget(page, faultyBase + path, attributes);
    const message = await shown.alert();
    assert.match(message ?? "(no alert)", expected, path);
    const retryable = !["/cut-short.json", "/page.html", "/episode.json"].includes(path);
    assert.equal(await shown.retry.count(), retryable ? 1 : 0, `Try again offered for ${path}`);
  }
  // The endless download was cancelled near the limit, not read to its end.
  assert.ok(state.streamedClosed, "the streamed download was cancelled");
  assert.ok(state.streamedBytes < 40 * 1024 * 1024, `${state.streamedBytes} bytes sent`);
  // A timeout too long for a browser timer is the longest one, not none.
  const patient = await widget(page, faultyBase + "/episode.json", { timeout: "3000000" });
  assert.equal(await patient.alert(), null);
  assert.equal(await patient.lines(), lineCount);
  const unexpected = problems.filter((problem) => !networkNoise(problem));
  assert.deepEqual(unexpected, []);
  await page.close();
});

test("a feed on another site that does not allow this page: the message names the header to send", async () => {
  const { page, problems } = await open("/faults/index.html");
  const shown = await widget(page, null, { feed: `${faultyBase}/no-cors-feed.xml` });
  assert.match(
    await shown.alert(),
    /^could not load ".*\/no-cors-feed\.xml": the server answered, but does not let this page read the file: it must allow this site with CORS \(an Access-Control-Allow-Origin header\)/,
  );
  assert.equal(await shown.retry.count(), 1);
  assert.deepEqual(problems.filter((problem) => !networkNoise(problem)), []);
  await page.close();
});

test("Try again reads the page's own transcript again, beside a file that failed", async () => {
  const { page, problems } = await open("/faults/index.html");
  await page.evaluate(() => {
    const section = document.createElement("section");
    section.id = "page-transcript";
    section.innerHTML = "<p><strong>Maya Ortiz:</strong> Welcome to Open Airwaves.</p>" +
      "<p><strong>Tomas Berg:</strong> Thanks, Maya. It is great to be here.</p>";
    document.body.append(section);
  });
  state.recovered = false;
  const shown = await widget(page, null, {
    transcript: "#page-transcript",
    chapters: `${faultyBase}/flaky-chapters.json`,
    duration: "142",
  });
  assert.match(await shown.alert(), /HTTP 503 Service Unavailable$/);
  state.recovered = true;
  await shown.retry.click();
  await page.locator(`#${shown.id} [part="line"]`).first().waitFor();
  assert.equal(await shown.alert(), null);
  assert.ok(await shown.lines() >= 2, `${await shown.lines()} lines`);
  assert.deepEqual(problems.filter((problem) => !networkNoise(problem)), []);
  await page.close();
});

test("a refused connection is named, and Try again works once the server is up", async () => {
  const { page, problems } = await open("/faults/index.html");
  const spare = await startFaultyServer();
  const port = spare.address().port;
  await new Promise((done) => spare.close(done));
  const shown = await widget(page, `http://127.0.0.1:${port}/episode.json`);
  assert.match(await shown.alert(), /the server could not be reached \(it may be down, or this device offline\)$/);
  const revived = await startFaultyServer(port);
  try {
    await shown.retry.click();
    await page.locator(`#${shown.id} [part="line"]`).first().waitFor();
    assert.equal(await shown.lines(), lineCount);
  } finally {
    revived.close();
  }
  assert.deepEqual(problems.filter((problem) => !networkNoise(problem)), []);
  await page.close();
});

test("Try again after a server error loads the episode once the server recovers", async () => {
  const { page, problems } = await open("/faults/index.html");
  state.recovered = false;
  const shown = await widget(page, `${faultyBase}/flaky.json`);
  assert.match(await shown.alert(), /HTTP 503 Service Unavailable$/);
  await shown.retry.click();
  await page.locator(`#${shown.id} [part="retry"]`).waitFor();
  assert.match(await shown.alert(), /HTTP 503/, "still failing: the message comes back");
  state.recovered = true;
  await shown.retry.click();
  await page.locator(`#${shown.id} [part="line"]`).first().waitFor();
  assert.equal(await shown.lines(), lineCount);
  assert.equal(await shown.alert(), null);
  // The recovered widget follows the player.
  await page.evaluate(() => { document.querySelector("#player").currentTime = 30; });
  await page.waitForFunction((id) =>
    document.getElementById(id).shadowRoot.querySelector("[part=line][aria-current]") !== null, shown.id);
  assert.deepEqual(problems.filter((problem) => !networkNoise(problem)), []);
  await page.close();
});

test("a redirect, and a transcript sent as text/plain, still load", async () => {
  const { page, problems } = await open("/faults/index.html");
  const redirected = await widget(page, `${faultyBase}/redirect.json`);
  assert.equal(await redirected.alert(), null);
  assert.equal(await redirected.lines(), lineCount, "the VTT named relative to the redirected file");
  const plain = await widget(page, `${faultyBase}/as-text.txt`);
  assert.equal(await plain.alert(), null);
  assert.equal(await plain.lines(), lineCount);
  assert.deepEqual(problems, []);
  await page.close();
});
