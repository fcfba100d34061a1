// End to end: hostile input and a strict host page. Every text field of
// every format carries script-injection payloads; nothing may run (a global
// canary stays unset), no element but the widget's own may appear, and the
// payloads must show as text. Links and images keep only web URLs, images
// follow the `images` attribute, and the demo works under a strict
// Content-Security-Policy.
import assert from "node:assert/strict";
import { test } from "node:test";
import { serve } from "../../scripts/serve.mjs";
import { open, useBrowser } from "./harness.mjs";

useBrowser();

/** Each payload sets `window.__pwned` (or its parent's) if it ever runs. */
const PAYLOADS = [
  `<script>window.__pwned="script"</script>`,
  `<img src=x onerror="window.__pwned='img'">`,
  `<svg onload="window.__pwned='svg'"></svg>`,
  `<svg><script>window.__pwned="svg-script"</script></svg>`,
  `"><img src=x onerror=window.__pwned='attribute-break'>`,
  `'><script>window.__pwned="quote-break"</script>`,
  `<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>`,
  `<a href="javascript:window.__pwned='link'">click</a>`,
  `<details open ontoggle="window.__pwned='toggle'">`,
  `<input autofocus onfocus="window.__pwned='focus'">`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned='mxss'">`,
  `<style>@import "javascript:window.__pwned='style'";</style>`,
  `&lt;img src=x onerror="window.__pwned='entity'"&gt;`,
  `&#60;script&#62;window.__pwned="numeric"&#60;/script&#62;`,
  `&#x3C;svg onload=window.__pwned='hex'&#x3E;`,
  `javascript:window.__pwned='scheme'`,
  `data:text/html,<script>parent.__pwned='data'</script>`,
];
const HOSTILE_URLS = [
  `javascript:window.__pwned='href'`,
  `JaVaScRiPt:window.__pwned='mixed-case'`,
  `java\tscript:window.__pwned='tab'`,
  ` javascript:window.__pwned='space'`,
  `data:text/html,<script>parent.__pwned='data-url'</script>`,
  `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="parent.__pwned='svg-url'"/>`,
  `vbscript:msgbox(1)`,
  `x" onerror="window.__pwned='src-break'`,
];

function hostileEpisode() {
  const speakers = Object.fromEntries(PAYLOADS.slice(0, 6).map((payload, index) => [
    `s${index}`, { name: payload, img: HOSTILE_URLS[index % HOSTILE_URLS.length] },
  ]));
  const transcript = PAYLOADS.map((payload, index) => ({
    start: index * 5,
    end: index * 5 + 4,
    speaker: `s${index % 6}`,
    text: `Line ${index}: ${payload}`,
    words: [{ start: index * 5, end: index * 5 + 1, text: payload }, { start: index * 5 + 1, text: "after" }],
  }));
  const chapters = HOSTILE_URLS.map((url, index) => ({
    start: index * 10,
    title: PAYLOADS[index],
    url,
    img: HOSTILE_URLS[(index + 3) % HOSTILE_URLS.length],
  }));
  return JSON.stringify({ version: 1, title: PAYLOADS[0], podcast: PAYLOADS[1], speakers, transcript, chapters });
}

function hostileVtt() {
  const cues = [
    `<v ${PAYLOADS[1]}>${PAYLOADS[0]}`,
    `<c.x onclick="window.__pwned='c'">class span</c> <b onmouseover="window.__pwned='b'">bold</b>`,
    `<v.loud Bob onmouseover="window.__pwned='v'">voice with attributes</v>`,
    `<ruby onclick=x>base<rt>text</rt></ruby> <lang en onclick=x>lang</lang> <u style="x">u</u>`,
    ...PAYLOADS.slice(2),
  ];
  const time = (seconds) => `00:${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}.000`;
  return "WEBVTT\n\n" + cues.map((cue, index) =>
    `${index + 1}\n${time(index * 5)} --> ${time(index * 5 + 4)}\n${cue}\n`).join("\n");
}

function hostileSrt() {
  const time = (seconds) => `00:00:${String(seconds).padStart(2, "0")},000`;
  return PAYLOADS.map((payload, index) =>
    `${index + 1}\n${time(index * 3)} --> ${time(index * 3 + 2)}\n<font color="red" onmouseover="window.__pwned='font'">${payload}</font>\n`).join("\n");
}

const hostileSegments = () => JSON.stringify({
  version: "1.0.0",
  segments: PAYLOADS.map((payload, index) => ({ speaker: PAYLOADS[index % 3], startTime: index * 5, endTime: index * 5 + 4, body: payload })),
});

const hostileChapters = () => JSON.stringify({
  version: "1.2.0",
  chapters: HOSTILE_URLS.map((url, index) => ({ startTime: index * 10, title: PAYLOADS[index], url, img: url })),
});

// An untimed transcript (turns, inline times) and show notes (topics with
// times), imported in the browser.
const hostileUntimed = () => PAYLOADS.map((payload, index) =>
  `${["Sam", "Gale"][index % 2]}: ${payload} [00:00:${String(index * 3).padStart(2, "0")}]`).join("\n\n") + "\n";
const hostileNotes = () => PAYLOADS.map((payload, index) => `- ${payload} (0:${String(index * 3).padStart(2, "0")})`).join("\n") + "\n";

const FILES = {
  "/hostile/untimed.txt": ["text/plain", hostileUntimed],
  "/hostile/notes.txt": ["text/plain", hostileNotes],
  "/hostile/episode.json": ["application/json", hostileEpisode],
  "/hostile/transcript.vtt": ["text/vtt", hostileVtt],
  "/hostile/transcript.srt": ["application/x-subrip", hostileSrt],
  "/hostile/segments.json": ["application/json", hostileSegments],
  "/hostile/chapters.json": ["application/json+chapters", hostileChapters],
};

/** What the widget's shadow roots and the page hold, for the checks. */
const inspect = (page) => page.evaluate(() => {
  // Exactly the elements the widget's own markup has (src/ui); its one
  // SVG is the copy-link icon.
  const ALLOWED = new Set(["div", "p", "span", "strong", "button", "ul", "ol", "li", "input", "label", "img", "a",
    "h2", "h3", "header", "nav", "section", "details", "summary", "select", "option", "svg", "path"]);
  const report = { tags: new Set(), handlers: [], links: [], images: [], texts: [] };
  for (const host of document.querySelectorAll("episode-viewer")) {
    for (const element of host.shadowRoot.querySelectorAll("*")) {
      const isIcon = element.closest("svg")?.parentElement?.matches("[part=copy-link]");
      report.tags.add(["svg", "path"].includes(element.localName) && !isIcon ? `stray ${element.localName}` : element.localName);
      for (const attribute of element.attributes) {
        if (attribute.name.startsWith("on")) report.handlers.push(`${element.localName}[${attribute.name}]`);
      }
      if (element.localName === "a") report.links.push(element.getAttribute("href"));
      if (element.localName === "img") report.images.push(element.getAttribute("src"));
    }
    report.texts.push(host.shadowRoot.textContent);
  }
  return {
    canary: window.__pwned ?? null,
    foreignTags: [...report.tags].filter((tag) => !ALLOWED.has(tag)),
    handlers: report.handlers,
    links: report.links,
    images: report.images,
    text: report.texts.join("\n"),
    pageElements: document.querySelectorAll("*").length,
  };
});

test("script payloads in every field of every format stay text and never run", async () => {
  const { page, problems } = await open("/faults/index.html", (page) =>
    page.route("**/hostile/**", (route) => {
      const file = FILES[new URL(route.request().url()).pathname];
      return file ? route.fulfill({ contentType: file[0], body: file[1]() }) : route.fulfill({ status: 404 });
    }));
  const before = await page.evaluate(() => document.querySelectorAll("*").length);
  const widgets = [
    { src: "/hostile/episode.json" },
    { src: "/hostile/transcript.vtt", chapters: "/hostile/chapters.json" },
    { src: "/hostile/transcript.srt" },
    { src: "/hostile/segments.json" },
    { src: "/hostile/chapters.json" },
    { transcript: "/hostile/untimed.txt", notes: "/hostile/notes.txt" },
  ];
  await page.evaluate((widgets) => {
    for (const attributes of widgets) {
      const element = document.createElement("episode-viewer");
      element.setAttribute("audio", "#player");
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      document.body.append(element);
    }
  }, widgets);
  for (let index = 0; index < widgets.length; index += 1) {
    await page.locator("episode-viewer").nth(index).locator('[part="line"], [part="chapter"]').first().waitFor();
  }
  // Everything a listener can do with the hostile lines and chapters.
  for (let index = 0; index < widgets.length; index += 1) {
    const widget = page.locator("episode-viewer").nth(index);
    for (const line of (await widget.locator('[part="line"]').all()).slice(0, 6)) {
      await line.hover();
      await line.click();
    }
    for (const chapter of (await widget.locator('[part="chapter"]').all()).slice(0, 4)) await chapter.click();
    const search = widget.locator('[part="search-input"]');
    if (await search.count()) {
      await search.fill("<script>");
      await search.press("Enter");
      await search.fill("onerror");
    }
    const warnings = widget.locator('[part="warnings"] summary');
    if (await warnings.count()) await warnings.click();
  }
  await page.waitForTimeout(300);
  const report = await inspect(page);
  assert.equal(report.canary, null, "a payload ran");
  assert.deepEqual(report.foreignTags, [], "elements the widget does not make");
  assert.deepEqual(report.handlers, [], "event handler attributes");
  for (const url of [...report.links, ...report.images]) {
    assert.match(url, /^https?:\/\//, `only web URLs in links and images: ${url}`);
  }
  assert.equal(report.pageElements, before + widgets.length, "nothing added outside the widgets");
  // The payloads are shown as the text they are.
  for (const shown of [`<script>window.__pwned="script"</script>`, `<img src=x onerror="window.__pwned='img'">`,
    `<svg onload="window.__pwned='svg'"></svg>`]) {
    assert.ok(report.text.includes(shown), `shown as text: ${shown}`);
  }
  // Decoded entities are text too (WebVTT decodes them).
  assert.ok(report.text.includes(`<img src=x onerror="window.__pwned='entity'">`));
  // Every refused link or image is reported.
  const warnings = await page.locator("episode-viewer").first().locator('[part="warnings"] li').allTextContents();
  assert.ok(warnings.some((warning) => /chapter .*: link "javascript:window.__pwned='href'" dropped: only http:, https: and relative URLs are used/.test(warning)),
    warnings.join("\n"));
  assert.ok(warnings.some((warning) => /speaker .*: image .* dropped/.test(warning)));
  assert.deepEqual(problems.filter((problem) => !/Failed to load resource/.test(problem)), []);
  await page.close();
});

const PIXEL = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

test("images load lazily without a referrer, and the images attribute keeps other sites' images away", async () => {
  let imageRequests = [];
  const { page, problems } = await open("/faults/index.html", async (page) => {
    await page.route("**/*.png", (route) => {
      imageRequests.push(route.request().url());
      return route.fulfill({ contentType: "image/png", body: PIXEL });
    });
    await page.route("**/images/episode.json", (route) => route.fulfill({
      contentType: "application/json",
      body: JSON.stringify({
        version: 1,
        speakers: { host: { name: "Host", img: "https://images.example.org/host.png" } },
        transcript: [{ start: 0, speaker: "host", text: "Hello." }, { start: 2, speaker: "host", text: "Bye." }],
        chapters: [
          { start: 0, title: "Here", img: "own.png" },
          { start: 1, title: "There", img: "https://images.example.org/there.png", url: "notes.html" },
        ],
      }),
    }));
  });
  const show = async (images) => {
    imageRequests = [];
    const shown = await page.evaluate(async (images) => {
      document.querySelector("episode-viewer")?.remove();
      const element = document.createElement("episode-viewer");
      element.setAttribute("src", "/images/episode.json");
      if (images) element.setAttribute("images", images);
      document.body.append(element);
      await new Promise((done) => element.addEventListener("episode-viewer:ready", done, { once: true }));
      await new Promise((done) => setTimeout(done, 300));
      return [...element.shadowRoot.querySelectorAll("img")].map((img) => ({
        src: img.getAttribute("src"), loading: img.getAttribute("loading"), referrer: img.getAttribute("referrerpolicy"),
      }));
    }, images);
    return { shown, requested: imageRequests.map((url) => new URL(url).host) };
  };
  const origin = new URL(page.url()).origin;
  const all = await show(null);
  assert.deepEqual([...new Set(all.shown.map((img) => img.src))].sort(), [
    `${origin}/images/own.png`, "https://images.example.org/host.png", "https://images.example.org/there.png",
  ].sort(), "relative image URLs resolve against the episode file");
  for (const img of all.shown) {
    assert.equal(img.referrer, "no-referrer");
    assert.equal(img.loading, "lazy");
  }
  const link = await page.locator('episode-viewer [part="chapter-link"]').getAttribute("href");
  assert.equal(link, `${origin}/images/notes.html`);

  const own = await show("same-origin");
  assert.deepEqual(own.shown.map((img) => img.src), [`${origin}/images/own.png`]);
  assert.ok(own.requested.every((host) => host === new URL(origin).host), `requests: ${own.requested}`);

  const none = await show("none");
  assert.deepEqual(none.shown, []);
  assert.deepEqual(none.requested, []);
  assert.deepEqual(problems, []);
  await page.close();
});

const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

test("the demo works under a strict Content-Security-Policy (no inline scripts or styles)", async () => {
  const strict = await serve(["dist"], 0, { "content-security-policy": CSP });
  try {
    const { page, problems } = await open(`http://127.0.0.1:${strict.address().port}/`, (page) =>
      page.addInitScript(() => {
        window.violations = [];
        document.addEventListener("securitypolicyviolation", (event) =>
          window.violations.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`));
      }));
    await page.locator('episode-viewer [part="line"]').first().waitFor();
    // The widget's stylesheet applies (a line's time sits in its start padding).
    const position = await page.evaluate(() =>
      getComputedStyle(document.querySelector("episode-viewer").shadowRoot.querySelector("[part=line] .ev-time")).position);
    assert.equal(position, "absolute");
    await page.locator('episode-viewer [part="chapter"]').nth(1).click();
    await page.locator('episode-viewer [part="line"]').nth(5).click();
    await page.locator('episode-viewer [part="search-input"]').fill("transcript");
    await page.evaluate(() => document.querySelector("episode-viewer").setAttribute("height", "400"));
    await page.waitForTimeout(300);
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    strict.close();
  }
});
