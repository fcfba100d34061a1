// Shared by the end-to-end tests: a server for dist/ and the test pages,
// Debian's Chromium, and pages that fail their test on any script error.
import { after, before } from "node:test";
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve.mjs";

let server;
let browser;
let base;

/** Starts the server and the browser before a test file, stops them after. */
export function useBrowser() {
  before(async () => {
    server = await serve(["dist", "tests/e2e/pages", "tests"]);
    base = `http://127.0.0.1:${server.address().port}`;
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--autoplay-policy=no-user-gesture-required",
      ],
    });
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });
}

/** Opens a page (a path on the test server, or a full URL; after `prepare(page)`, e.g. to route requests; with extra
 * browser context options such as permissions) and collects uncaught
 * errors, console errors and requested paths. */
export async function open(path, prepare = async () => {}, contextOptions = {}) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, ...contextOptions });
  const problems = [];
  const requested = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("request", (request) => requested.push(new URL(request.url()).pathname));
  await prepare(page);
  await page.goto(/^https?:/.test(path) ? path : base + path);
  return { page, problems, requested };
}
