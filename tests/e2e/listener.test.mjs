// What a listener touches, on a phone (375 px, touch) and a desktop
// (1280 px, mouse), in the light and the dark theme: selecting text,
// copying, clicking while paused, errors, sizes, the phone layout, touch
// targets, the header, "Back to now", the spoken word and shared links.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { open, useBrowser } from "./harness.mjs";

const episode = JSON.parse(readFileSync("dist/demo/episode.json", "utf8"));
const lineStarts = episode.transcript.map((line) => line.start);

const phone = { viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true };
const desktop = { viewport: { width: 1280, height: 900 } };

useBrowser();

const mediaTime = (page) => page.evaluate(() => document.querySelector("audio").currentTime);

/** Runs `inside(root, ...args)` with the first widget's shadow root. */
const inWidget = (page, inside, ...args) =>
  page.evaluate(
    ([source, args]) => {
      const root = document.querySelector("episode-viewer").shadowRoot;
      return new Function("root", "args", `return (${source})(root, ...args)`)(root, args);
    },
    [inside.toString(), args],
  );

/** The WCAG contrast ratio of two computed `rgb(…)` colours. */
function contrast(a, b) {
  const luminance = (colour) => {
    const [r, g, b] = colour.match(/[\d.]+/g).slice(0, 3).map((value) => {
      const channel = Number(value) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

for (const [name, options] of [["375", phone], ["1280", desktop]]) {
  test(`${name} px: selecting words or double-clicking one does not seek; a plain click plays from the line`, async () => {
    const { page, problems } = await open("/", async () => {}, options);
    await page.locator('episode-viewer [part="line"]').first().waitFor();
    const text = page.locator('episode-viewer [part="line"] .ev-text').nth(9);
    await text.scrollIntoViewIfNeeded();
    await text.dblclick();
    await page.waitForTimeout(600);
    assert.equal(await mediaTime(page), 0, "a double click on a word moved the audio");
    // A slower double click: 300 ms between the clicks.
    const word = await text.boundingBox();
    const [x, y] = [word.x + 20, word.y + 8];
    await page.mouse.click(x, y);
    await page.waitForTimeout(300);
    await page.mouse.click(x, y, { clickCount: 2 });
    await page.waitForTimeout(600);
    assert.equal(await mediaTime(page), 0, "a slow double click on a word moved the audio");

    const box = await text.boundingBox();
    await page.mouse.move(box.x + 4, box.y + 8);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + 8, { steps: 8 });
    await page.mouse.up();
    await page.waitForTimeout(600);
    assert.equal(await mediaTime(page), 0, "selecting words moved the audio");
    await page.locator('episode-viewer [part="copy-quote"]').waitFor();

    await page.locator('episode-viewer [part="line"] .ev-text').nth(4).click();
    await page.waitForFunction(
      (start) => Math.abs(document.querySelector("audio").currentTime - start) < 0.5,
      lineStarts[4],
    );
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test("without the Clipboard API (plain http) copy link and copy quote offer the text by hand, with no error", async () => {
  const { page, problems } = await open("/plain/", (page) =>
    page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined, configurable: true });
    }),
  );
  await page.locator('episode-viewer [part="line"]').first().waitFor();
  await page.locator('episode-viewer [part="line"]').nth(3).hover();
  await page.locator('episode-viewer [part="copy-link"]').click();
  const byHand = page.locator('episode-viewer [part="share-link"]');
  await byHand.waitFor();
  assert.equal(await byHand.inputValue(), `${page.url().split("#")[0]}#t=${lineStarts[3]}`);

  await page.evaluate(() => {
    const text = document.querySelector("episode-viewer").shadowRoot.querySelectorAll("[part=line] .ev-text")[5];
    document.getSelection().setBaseAndExtent(text.firstChild, 0, text.firstChild, 12);
  });
  await page.locator('episode-viewer [part="copy-quote"]').click();
  await page.waitForFunction(() =>
    document.querySelector("episode-viewer").shadowRoot.querySelector("[part=share-link]")?.value.startsWith("“"));
  assert.deepEqual(problems, []);
  await page.close();
});

test("clicking a line or a chapter while paused plays from there, as the demo page says", async () => {
  const { page, problems } = await open("/", async () => {}, phone);
  await page.locator('episode-viewer [part="line"]').first().waitFor();
  assert.match(await page.locator("figcaption").textContent(), /click any sentence or chapter to play from there/);
  await page.locator('episode-viewer [part="line"]').nth(6).locator(".ev-time").click();
  await page.waitForFunction(() => !document.querySelector("audio").paused);
  assert.ok(Math.abs((await mediaTime(page)) - lineStarts[6]) < 0.5);

  await page.evaluate(() => document.querySelector("audio").pause());
  await page.locator('episode-viewer [part="chapter-select"]').selectOption({ index: 2 });
  await page.waitForFunction(() => !document.querySelector("audio").paused);
  assert.ok(Math.abs((await mediaTime(page)) - episode.chapters[2].start) < 0.5);
  await page.evaluate(() => document.querySelector("audio").pause());
  assert.deepEqual(problems, []);
  await page.close();
});

test("1280 px: a click on a line's words plays from its start, a chapter while playing, Enter on a line", async () => {
  const { page, problems } = await open("/", async () => {}, desktop);
  const lines = page.locator('episode-viewer [part="line"]');
  await lines.first().waitFor();
  const near = async (start) => {
    const time = await mediaTime(page);
    assert.ok(time > start - 0.1 && time < start + 0.5, `at ${time}, expected ${start}`);
  };
  // The words wait out the double-click time, then play.
  await lines.nth(7).locator(".ev-text").click();
  await page.waitForFunction(() => !document.querySelector("audio").paused);
  await near(lineStarts[7]);
  await page.locator('episode-viewer [part="chapter"]').nth(3).click();
  await near(episode.chapters[3].start);
  assert.equal(await page.evaluate(() => document.querySelector("audio").paused), false, "a click paused playback");
  await page.evaluate(() => document.querySelector("audio").pause());
  await lines.nth(2).focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => !document.querySelector("audio").paused);
  await near(lineStarts[2]);
  await page.evaluate(() => document.querySelector("audio").pause());
  assert.deepEqual(problems, []);
  await page.close();
});

for (const colorScheme of ["light", "dark"]) {
  test(`the error box says in a line what went wrong, the detail below, in the ${colorScheme} theme's colours`, async () => {
    const { page } = await open("/broken/", async () => {}, { colorScheme });
    const alert = page.locator('#missing [role="alert"]');
    await alert.waitFor();
    assert.equal(await alert.locator(".ev-error-title").textContent(), "The transcript could not be loaded.");
    assert.match(await alert.locator('[part="error-detail"]').textContent(), /"missing.json".*HTTP 404/);
    const colours = await page.evaluate(() => {
      const root = document.querySelector("#missing").shadowRoot;
      const style = (selector) => getComputedStyle(root.querySelector(selector));
      return {
        widget: style(".ev").backgroundColor,
        box: style(".ev-error").backgroundColor,
        text: style(".ev-error-title").color,
        detail: style(".ev-error-message").color,
        retry: style(".ev-retry").backgroundColor,
        retryText: style(".ev-retry").color,
      };
    });
    const dark = (colour) => contrast(colour, "rgb(0, 0, 0)") < contrast(colour, "rgb(255, 255, 255)");
    assert.equal(dark(colours.box), colorScheme === "dark", `box ${colours.box} in the ${colorScheme} theme`);
    assert.equal(dark(colours.retry), colorScheme === "dark", `button ${colours.retry} in the ${colorScheme} theme`);
    assert.ok(contrast(colours.text, colours.box) >= 4.5, JSON.stringify(colours));
    assert.ok(contrast(colours.detail, colours.box) >= 4.5, JSON.stringify(colours));
    assert.ok(contrast(colours.retryText, colours.retry) >= 4.5, JSON.stringify(colours));

    // The same in German, for a widget inside lang="de".
    await page.evaluate(() => {
      document.body.insertAdjacentHTML("beforeend",
        '<div lang="de"><episode-viewer id="german" src="missing.json" audio="#player"></episode-viewer></div>');
    });
    const german = page.locator('#german [role="alert"]');
    await german.waitFor();
    assert.equal(await german.locator(".ev-error-title").textContent(), "Das Transkript konnte nicht geladen werden.");
    assert.equal(await german.locator('[part="retry"]').textContent(), "Erneut versuchen");
    await page.close();
  });
}

test("the host's font size on the element scales the whole widget, never below 12px", async () => {
  const { page } = await open("/");
  await page.locator('episode-viewer [part="line"]').first().waitFor();
  const sizes = () =>
    inWidget(page, (root) => {
      const size = (selector) => parseFloat(getComputedStyle(root.querySelector(selector)).fontSize);
      return {
        text: size("[part=line] .ev-text"),
        time: size("[part=line] .ev-time"),
        chapter: size(".ev-chapter-title"),
        search: size("[part=search-input]"),
        title: size(".ev-title"),
      };
    });
  const style = await page.addStyleTag({ content: "episode-viewer { font-size: 20px }" });
  assert.deepEqual(await sizes(), { text: 20, time: 16, chapter: 20, search: 18, title: 24 });
  await style.evaluate((element) => {
    element.textContent = "html { font-size: 62.5% } body { font-size: 1.6rem } episode-viewer { font-size: inherit }";
  });
  assert.equal((await sizes()).text, 16, "a page with html { font-size: 62.5% }");
  await style.evaluate((element) => { element.textContent = "episode-viewer { font-size: 8px }"; });
  assert.equal((await sizes()).text, 12, "the smallest size");
  await style.evaluate((element) => { element.textContent = "episode-viewer::part(root) { font-size: 10px }"; });
  assert.deepEqual(await sizes(), { text: 10, time: 8, chapter: 10, search: 9, title: 12 }, "::part(root) scales it all");
  await page.close();
});

test("375 px: the words get the width (time inline, no reserved button column)", async () => {
  const { page } = await open("/", async () => {}, phone);
  await page.locator('episode-viewer [part="line"]').first().waitFor();
  const widths = await inWidget(page, (root) => {
    const area = root.querySelector("[part=transcript]");
    const text = root.querySelectorAll("[part=line] .ev-text")[5];
    return { area: area.clientWidth, text: text.getBoundingClientRect().width };
  });
  assert.ok(widths.text >= widths.area * 0.8, `text ${widths.text} of ${widths.area} px`);
  await page.screenshot({ path: "test-results/phone-layout.png" });
  await page.close();
});

test("375 px touch: every control is at least 24 × 24 px, and a long press offers a line's link without seeking", async () => {
  const { page, problems } = await open("/", async () => {}, phone);
  await page.locator('episode-viewer [part="line"]').first().waitFor();
  const small = () =>
    inWidget(page, (root) =>
      [...root.querySelectorAll("button, a, select, input, [role=button]")]
        .filter((element) => element.checkVisibility({ opacityProperty: true }))
        .map((element) => [element.getAttribute("part") ?? element.className, element.getBoundingClientRect()])
        .filter(([, box]) => box.width < 24 || box.height < 24)
        .map(([name, box]) => `${name} ${box.width}×${box.height}`));
  assert.deepEqual(await small(), []);

  const line = page.locator('episode-viewer [part="line"]').nth(7);
  await line.scrollIntoViewIfNeeded();
  const box = await line.boundingBox();
  const session = await page.context().newCDPSession(page);
  const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const rowOfButton = () => inWidget(page, (root) => {
    const button = root.querySelector("[part=copy-link]");
    return button.hidden ? null : button.parentElement.querySelector("[part=line]")?.dataset.index;
  });
  await session.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [point] });
  await page.waitForTimeout(200);
  assert.notEqual(await rowOfButton(), "7", "a touch offered the button before it was a long press");
  await page.waitForTimeout(600);
  assert.equal(await rowOfButton(), "7", "a long press offers the button");
  await session.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await page.waitForTimeout(400);
  const offered = await inWidget(page, (root) => {
    const button = root.querySelector("[part=copy-link]");
    const box = button.getBoundingClientRect();
    return {
      row: button.parentElement.querySelector("[part=line]")?.dataset.index,
      shown: button.checkVisibility({ opacityProperty: true }),
      width: box.width,
      height: box.height,
    };
  });
  assert.deepEqual({ row: offered.row, shown: offered.shown }, { row: "7", shown: true });
  assert.ok(offered.width >= 24 && offered.height >= 24, JSON.stringify(offered));
  assert.equal(await mediaTime(page), 0, "the long press moved the audio");
  await page.locator('episode-viewer [part="copy-link"]').tap();
  await page.locator('episode-viewer [part="share-status"] .ev-share-note').waitFor();
  assert.equal(await mediaTime(page), 0, "sharing moved the audio");
  assert.deepEqual(await small(), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the header shows the title the input gives, on every demo page and from a title attribute", async () => {
  for (const path of ["/vtt.html", "/untimed.html"]) {
    const { page } = await open(path);
    const title = page.locator('episode-viewer [part="title"]');
    await title.waitFor();
    assert.equal(await title.textContent(), "Reading Along: Transcripts That Follow the Audio", path);
    await page.close();
  }
  const { page } = await open("/plain/", (page) =>
    page.route("**/untitled-chapters.json", (route) => route.fulfill({
      contentType: "application/json",
      body: JSON.stringify({ version: "1.2.0", chapters: [{ startTime: 0, title: "Welcome" }, { startTime: 22.222, title: "Why" }] }),
    })));
  await page.locator('episode-viewer [part="line"]').first().waitFor();
  await page.evaluate(() => {
    document.body.insertAdjacentHTML("beforeend",
      '<episode-viewer id="titled" title="Our episode" src="/demo/episode.vtt" chapters="/demo/chapters.json"></episode-viewer>' +
      '<episode-viewer id="untitled" src="/demo/episode.vtt" chapters="/untitled-chapters.json"></episode-viewer>' +
      '<episode-viewer id="chapters-only" src="/demo/chapters.json"></episode-viewer>');
  });
  const title = page.locator('#titled [part="title"]');
  await title.waitFor();
  assert.equal(await title.textContent(), "Our episode");
  await page.locator('#untitled [part="chapter-heading"]').first().waitFor();
  const levels = (id) => page.evaluate((id) =>
    [...document.getElementById(id).shadowRoot.querySelectorAll("h1, h2, h3, h4")].map((h) => h.tagName), id);
  const titled = await levels("titled");
  assert.equal(titled[0], "H2");
  assert.ok(titled.length > 3 && titled.slice(1).every((level) => level === "H3"), titled.join(" "));
  // No title: the section headings are the widget's first level.
  const untitled = await levels("untitled");
  assert.equal(await page.locator('#untitled [part="title"]').count(), 0);
  assert.ok(untitled.length >= 3 && untitled.every((level) => level === "H2"), untitled.join(" "));
  // Chapters and no transcript: the chapter column is not cut to the empty transcript's height.
  await page.locator('#chapters-only [part="chapter"]').first().waitFor();
  const column = await page.evaluate(() => {
    const nav = document.getElementById("chapters-only").shadowRoot.querySelector("[part=chapters]");
    return { shown: nav.clientHeight, content: nav.scrollHeight };
  });
  assert.ok(column.shown >= column.content - 1, JSON.stringify(column));
  await page.close();
});

test("\"Back to now\" shows only while the current line is out of view, and covers no line", async () => {
  const { page, problems } = await open("/");
  await page.locator('episode-viewer [part="line"]').first().waitFor();
  const back = page.locator('episode-viewer [part="back-to-now"]');
  await page.locator('episode-viewer [part="search-input"]').fill("transcript");
  await page.waitForTimeout(700);
  assert.equal(await back.isVisible(), false, "shown while the current line is on screen");

  // A match far from the current line (only the last lines say it).
  await page.locator('episode-viewer [part="search-input"]').fill("see you next time");
  await back.waitFor();
  const overlap = await inWidget(page, (root) => {
    const [a, b] = [root.querySelector("[part=back-to-now]"), root.querySelector("[part=transcript]")]
      .map((element) => element.getBoundingClientRect());
    return Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)) * Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left));
  });
  assert.equal(overlap, 0, "the button lies over the transcript's lines");
  const box = await back.boundingBox();
  assert.ok(box.width >= 24 && box.height >= 24, JSON.stringify(box));
  await back.click();
  await back.waitFor({ state: "hidden" });
  // The focus goes to the line it brought back, not to the page.
  assert.equal(await inWidget(page, (root) => root.activeElement?.getAttribute("part")), "line");
  assert.deepEqual(problems, []);
  await page.close();
});

for (const colorScheme of ["light", "dark"]) {
  test(`the spoken word has a look of its own (${colorScheme}), and none is marked before playback`, async () => {
    const { page } = await open("/", async () => {}, { colorScheme });
    await page.locator('episode-viewer [part="line"][aria-current="true"]').waitFor();
    await page.waitForTimeout(300);
    const marked = () => page.evaluate(() => CSS.highlights.get("episode-viewer-word")?.size ?? 0);
    assert.equal(await marked(), 0, "a word is marked before playback");
    await page.evaluate(() => { document.querySelector("audio").currentTime = 3; });
    await page.waitForFunction(() => (CSS.highlights.get("episode-viewer-word")?.size ?? 0) === 1);
    const look = await inWidget(page, (root) => {
      const line = root.querySelector('[part=line][aria-current="true"]');
      const word = getComputedStyle(line.querySelector(".ev-text"), "::highlight(episode-viewer-word)");
      const match = (name) => getComputedStyle(line.querySelector(".ev-text"), `::highlight(${name})`).backgroundColor;
      return {
        line: getComputedStyle(line).backgroundColor,
        colour: word.color,
        background: word.backgroundColor,
        decoration: word.textDecorationLine,
        decorationColour: word.textDecorationColor,
        matches: [match("episode-viewer-match"), match("episode-viewer-current-match")],
      };
    });
    // A selection fills, never underlines; search matches fill in yellow.
    assert.match(look.decoration, /underline/, JSON.stringify(look));
    assert.ok(!look.matches.includes(look.background), JSON.stringify(look));
    assert.ok(contrast(look.decorationColour, look.line) >= 3, JSON.stringify(look));
    assert.ok(contrast(look.colour, look.line) >= 3, JSON.stringify(look));
    await page.close();
  });
}

test("375 px: opening a shared #t= link brings the line into the page's view", async () => {
  const { page } = await open(`/#t=${lineStarts[14] + 0.1}`, async () => {}, phone);
  await page.waitForFunction((start) =>
    document.querySelector("episode-viewer")?.shadowRoot
      ?.querySelector('[part=line][aria-current="true"]')?.dataset.start === String(start), lineStarts[14]);
  await page.waitForFunction(() => {
    const line = document.querySelector("episode-viewer").shadowRoot.querySelector('[part=line][aria-current="true"]');
    const box = line.getBoundingClientRect();
    const area = document.querySelector("episode-viewer").shadowRoot.querySelector("[part=transcript]").getBoundingClientRect();
    return box.top >= Math.max(0, area.top) && box.bottom <= Math.min(window.innerHeight, area.bottom);
  }, null, { timeout: 5000 });
  // Scrolled just far enough: the page's player, the one play button, is still on screen.
  const player = await page.evaluate(() => document.querySelector("audio").getBoundingClientRect());
  assert.ok(player.top >= 0 && player.bottom <= 800, `the player is at ${player.top}-${player.bottom}`);

  // "Back to now" beside the search box leaves the field usable on a phone.
  await page.locator('episode-viewer [part="search-input"]').fill("see you next time");
  await page.locator('episode-viewer [part="back-to-now"]').waitFor();
  const field = await page.locator('episode-viewer [part="search-input"]').boundingBox();
  assert.ok(field.width >= 150, `the search field is ${field.width} px wide`);
  await page.close();
});

test("375 px: the lines stay in place on screen as \"Back to now\" comes (it takes a row of its own), so a tap lands where it was aimed", async () => {
  const { page, problems } = await open("/", async () => {}, phone);
  await page.locator('episode-viewer [part="line"][aria-current="true"]').waitFor();
  await page.waitForTimeout(500);
  const moved = await inWidget(page, async (root) => {
    const area = root.querySelector("[part=transcript]");
    const line = root.querySelectorAll("[part=line]")[10];
    const bar = root.querySelector(".ev-toolbar").offsetHeight;
    const before = line.getBoundingClientRect().top;
    area.scrollTo({ top: area.scrollTop + 300, behavior: "instant" });
    const back = root.querySelector("[part=back-to-now]");
    for (let frame = 0; frame < 60 && back.hidden; frame++) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return { shown: !back.hidden, by: line.getBoundingClientRect().top - (before - 300), grew: root.querySelector(".ev-toolbar").offsetHeight - bar };
  });
  assert.ok(moved.shown, "Back to now did not come");
  assert.ok(Math.abs(moved.by) <= 1, `the lines moved by ${moved.by} px (the toolbar grew by ${moved.grew} px)`);
  assert.deepEqual(problems, []);
  await page.close();
});

test("speaker colours are the same from every format; the last chapter has a length; the divider reaches the bottom", async () => {
  const colours = {};
  for (const path of ["/", "/vtt.html", "/untimed.html"]) {
    const { page } = await open(path, async () => {}, desktop);
    await page.locator('episode-viewer [part="speaker"]').first().waitFor();
    colours[path] = await inWidget(page, (root) =>
      Object.fromEntries([...root.querySelectorAll("[part=speaker]")].map((label) =>
        [label.textContent.trim(), [...label.classList].find((name) => /^ev-speaker-\d$/.test(name))])));
    if (path === "/vtt.html") {
      await page.locator('episode-viewer [part="chapter"] .ev-chapter-length').nth(4).waitFor();
      const bottoms = await inWidget(page, (root) =>
        [".ev-chapters", ".ev-body"].map((selector) => root.querySelector(selector).getBoundingClientRect().bottom));
      assert.ok(Math.abs(bottoms[0] - bottoms[1]) <= 1, `divider ends at ${bottoms[0]}, the card at ${bottoms[1]}`);
    }
    await page.close();
  }
  assert.deepEqual(colours["/vtt.html"], colours["/"]);
  assert.deepEqual(colours["/untimed.html"], colours["/"]);
});
