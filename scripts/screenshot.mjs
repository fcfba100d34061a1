// Takes a screenshot of the built demo page (dist/) in Chromium, with the
// player moved to a given time so a line and a chapter are highlighted.
//
//   node scripts/screenshot.mjs <output.png> [seconds] [width]
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

const [output = "test-results/screenshot.png", seconds = "70", width = "1000"] = process.argv.slice(2);
const server = await serve(["dist"]);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.locator('episode-viewer [part="line"]').first().waitFor();
  await page.evaluate(async (time) => {
    const audio = document.querySelector("audio");
    if (audio.readyState < 1) await new Promise((done) => audio.addEventListener("loadedmetadata", done, { once: true }));
    audio.currentTime = time;
  }, Number(seconds));
  await page.waitForTimeout(300);
  await page.screenshot({ path: output, fullPage: true });
  console.log(`wrote ${output}`);
} finally {
  await browser.close();
  server.close();
}
