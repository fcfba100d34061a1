// Takes a screenshot of a built demo page (dist/) in Chromium, with the
// player moved to a given time so a line and a chapter are highlighted.
//
//   node scripts/screenshot.mjs <output.png> [seconds] [width] [light|dark] [page]
//   node scripts/screenshot.mjs --docs     the README's four (375 and 1280 px, light and dark) into docs/
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

const args = process.argv.slice(2);
const shots = args[0] === "--docs"
  ? ["light", "dark"].flatMap((scheme) => [375, 1280].map((width) => ({
    output: `docs/demo-${width}-${scheme}.png`, seconds: 70, width, scheme, path: "",
  })))
  : [{
    output: args[0] ?? "test-results/screenshot.png",
    seconds: Number(args[1] ?? 70),
    width: Number(args[2] ?? 1000),
    scheme: args[3] ?? "light",
    path: args[4] ?? "",
  }];

const server = await serve(["dist"]);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
try {
  for (const { output, seconds, width, scheme, path } of shots) {
    const phone = width < 600;
    const page = await browser.newPage({
      viewport: { width, height: phone ? 800 : 900 },
      deviceScaleFactor: phone ? 2 : 1,
      isMobile: phone,
      hasTouch: phone,
      colorScheme: scheme,
    });
    await page.goto(`http://127.0.0.1:${server.address().port}/${path}`);
    await page.locator('episode-viewer [part="line"]').first().waitFor();
    await page.evaluate(async (time) => {
      const audio = document.querySelector("audio");
      if (audio.readyState < 1) await new Promise((done) => audio.addEventListener("loadedmetadata", done, { once: true }));
      audio.currentTime = time;
    }, seconds);
    await page.waitForTimeout(400);
    await page.screenshot({ path: output, fullPage: true });
    await page.close();
    console.log(`wrote ${output}`);
  }
} finally {
  await browser.close();
  server.close();
}
