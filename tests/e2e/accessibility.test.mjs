// Accessibility: axe-core (WCAG 2.x A and AA rules) run inside the widget's
// shadow root in Chromium, on the five demo pages, in the light and the dark theme, with a search
// active and follow suspended so that every part of the widget is on show.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";
import { open, useBrowser } from "./harness.mjs";

useBrowser();

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

for (const [path, colorScheme] of ["/", "/vtt.html", "/untimed.html", "/feed.html", "/page.html"].flatMap((path) => [[path, "light"], [path, "dark"]])) {
  test(`axe-core finds no violations on ${path} in the ${colorScheme} theme`, async () => {
    const { page } = await open(path, async (page) => page.emulateMedia({ colorScheme }));
    await page.locator('episode-viewer [part="line"]').first().waitFor();
    await page.locator('episode-viewer [part="search-input"]').fill("transcript");
    await page.evaluate(() => { document.querySelector("audio").currentTime = 70; });
    await page.waitForTimeout(500);
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(
        { include: [["episode-viewer"]] },
        { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } },
      );
      const contrast = result.passes.find((rule) => rule.id === "color-contrast");
      return {
        violations: result.violations.map((violation) => ({
          id: violation.id,
          help: violation.help,
          nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")),
        })),
        // An element inside the shadow root has a target path [host, element].
        contrastCheckedInside: (contrast?.nodes ?? []).filter((node) => Array.isArray(node.target[0]) && node.target[0].length === 2).length,
      };
    });
    assert.deepEqual(violations.violations, [], JSON.stringify(violations.violations, null, 2));
    assert.ok(violations.contrastCheckedInside >= 20, `axe checked ${violations.contrastCheckedInside} elements inside the shadow root`);
    await page.close();
  });
}
