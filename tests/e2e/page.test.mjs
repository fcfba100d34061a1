// End to end: the widget reading the transcript and show notes that the
// episode page already shows (`transcript="#transcript"`,
// `notes="#show-notes"`, tests/e2e/pages/page/): what a reader does not see
// is left out, a change to the page's copy renders the widget again, and
// `replace` hides that copy while the widget is there.
import assert from "node:assert/strict";
import { test } from "node:test";
import { open, useBrowser } from "./harness.mjs";

useBrowser();

const shown = (page) =>
  page.evaluate(() => {
    const root = document.querySelector("episode-viewer").shadowRoot;
    return {
      lines: [...root.querySelectorAll("[part=line] .ev-text")].map((text) => text.textContent),
      speakers: [...root.querySelectorAll("[part=speaker]")].map((speaker) => speaker.textContent.trim()),
      chapters: [...root.querySelectorAll("[part=chapter]")].map((chapter) => Number(chapter.dataset.start)),
      approximate: Boolean(root.querySelector("[part=approximate]")),
      sectionsHidden: ["transcript", "show-notes"].map((id) => document.getElementById(id).hidden),
    };
  });

test("the page's own transcript and show notes become the synced transcript", async () => {
  const { page, problems, requested } = await open("/page/index.html");
  await page.locator("episode-viewer [part=line]").first().waitFor();
  const widget = await shown(page);
  assert.ok(widget.approximate, "times are estimated");
  assert.deepEqual(widget.chapters, [0, 60, 120]);
  assert.ok(widget.speakers.includes("Maya Ortiz") && widget.speakers.includes("Tomas Berg"), widget.speakers.join(", "));
  const text = widget.lines.join(" ");
  assert.match(text, /not everyone who can wants to listen right now/);
  assert.doesNotMatch(text, /Editor's note|transcriptScriptRan/, "hidden elements and scripts are not read");
  assert.deepEqual(widget.sectionsHidden, [false, false], "the page's copy stays for search engines and readers");
  assert.equal(requested.filter((path) => path === "/page/index.html").length, 1, "the page is not downloaded again");

  // A change to the page's copy renders the widget again.
  await page.evaluate(() => {
    const paragraph = document.createElement("p");
    paragraph.innerHTML = "<strong>Jo Kim:</strong> One more thing: the transcript is on the page for everyone.";
    document.getElementById("transcript").append(paragraph);
  });
  await page.waitForFunction(() =>
    [...document.querySelector("episode-viewer").shadowRoot.querySelectorAll("[part=line] .ev-text")].some((line) =>
      line.textContent.includes("on the page for everyone"),
    ),
  );
  assert.deepEqual(problems, []);
});

test("replace hides the page's copy while the widget is there", async () => {
  const { page, problems } = await open("/page/index.html");
  await page.locator("episode-viewer [part=line]").first().waitFor();
  await page.evaluate(() => document.querySelector("episode-viewer").setAttribute("replace", ""));
  await page.locator("episode-viewer [part=line]").first().waitFor();
  assert.deepEqual((await shown(page)).sectionsHidden, [true, true]);
  const restored = await page.evaluate(() => {
    document.querySelector("episode-viewer").remove();
    return ["transcript", "show-notes"].map((id) => document.getElementById(id).hidden);
  });
  assert.deepEqual(restored, [false, false]);
  assert.deepEqual(problems, []);
});

test("a reference to no element of the page says so, and the element added later is read", async () => {
  const { page } = await open("/page/index.html");
  const message = await page.evaluate(async () => {
    const element = document.createElement("episode-viewer");
    element.id = "late";
    element.setAttribute("transcript", "#nowhere");
    element.setAttribute("duration", "60");
    const failed = new Promise((resolve) =>
      element.addEventListener("episode-viewer:error", (event) => resolve(event.detail.message), { once: true }),
    );
    document.body.append(element);
    return failed;
  });
  assert.match(message, /the page has no element with the id "nowhere"/);
  // The page's own script adds it afterwards: the widget reads it then.
  await page.evaluate(() => {
    const section = document.createElement("section");
    section.id = "nowhere";
    section.innerHTML = "<p><strong>Jo Kim:</strong> Here after all.</p><p><strong>Maya Ortiz:</strong> Welcome back.</p>";
    document.body.append(section);
  });
  await page.locator('#late [part="line"]').first().waitFor();
  assert.equal(await page.locator('#late [part="line"]').count(), 2);
});

test("with replace, an element named inside another is still read as part of it", async () => {
  const { page, problems } = await open("/page/index.html");
  await page.evaluate(() => {
    const outer = document.createElement("section");
    outer.id = "outer";
    outer.innerHTML = "<p><strong>Maya Ortiz:</strong> The outer words.</p>" +
      "<div id='inner'><p>00:00 Welcome</p><p><strong>Jo Kim:</strong> The inner words.</p></div>";
    document.body.append(outer);
    const element = document.createElement("episode-viewer");
    element.id = "nested";
    for (const [name, value] of [["transcript", "#outer"], ["notes", "#inner"], ["duration", "60"], ["replace", ""]]) {
      element.setAttribute(name, value);
    }
    document.body.append(element);
  });
  await page.locator("#nested [part=line]").first().waitFor();
  const text = await page.evaluate(() =>
    [...document.getElementById("nested").shadowRoot.querySelectorAll("[part=line] .ev-text")].map((line) => line.textContent).join(" "),
  );
  assert.match(text, /The inner words/);
  assert.deepEqual(await page.evaluate(() => ["outer", "inner"].map((id) => document.getElementById(id).hidden)), [true, true]);
  assert.deepEqual(problems, []);
});

test("an element replaced by another with the same id (the page rendering it again) is read anew", async () => {
  const { page, problems } = await open("/page/index.html");
  await page.locator("episode-viewer [part=line]").first().waitFor();
  await page.evaluate(() => {
    const fresh = document.createElement("section");
    fresh.id = "transcript";
    fresh.innerHTML = "<h2>Transcript</h2><p><strong>Jo Kim:</strong> A new rendering of the page.</p>" +
      "<p><strong>Maya Ortiz:</strong> With other words.</p><p><strong>Jo Kim:</strong> Read again.</p>";
    document.getElementById("transcript").replaceWith(fresh);
  });
  await page.waitForFunction(() =>
    [...document.querySelector("episode-viewer").shadowRoot.querySelectorAll("[part=line] .ev-text")].some((line) =>
      line.textContent.includes("A new rendering of the page"),
    ),
  );
  assert.deepEqual(problems, []);
});
