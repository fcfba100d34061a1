// <episode-viewer src="episode.json" audio="#player"></episode-viewer>
// <episode-viewer src="episode.vtt" chapters="chapters.json"></episode-viewer>
// <episode-viewer transcript="transcript.txt" notes="shownotes.txt" duration="31:00">
//   (an untimed transcript: its times are estimated in the browser)
// Optional: images="same-origin" or "none" (no third-party image requests),
// timeout="30" (seconds each download may take), height="480".
//
// Importing this module loads the widget's WebAssembly (from beside this
// file) and upgrades every <episode-viewer> element on the page, including
// elements added later. The element renders into its own shadow root.
//
// JS API: el.seek(seconds), el.currentLine, el.follow (get/set),
// el.search(query). Events (bubbling, detail in event.detail):
// episode-viewer:ready {lines, chapters, speakers, words, warnings},
// episode-viewer:error {message}, episode-viewer:seek {time, from}.
//
// Nothing waits for anything it does not need: the glue, the wasm and each
// widget's files are all requested as soon as this module runs, side by side
// (the wasm compiles while it downloads); the widget's code takes the
// files' responses over when it starts. A page can start them even earlier
// with <link rel="modulepreload"> and <link rel="preload"> (see README.md).

const wasmUrl = new URL("./episode-viewer-core_bg.wasm", import.meta.url);
const wasmResponse = fetch(wasmUrl);
// Its failure is reported by `init`, which awaits this same promise.
wasmResponse.catch(() => {});
let core = null;
const wasmReady = import("./episode-viewer-core.js").then(async (glue) => {
  await glue.default({ module_or_path: wasmResponse });
  core = glue;
});

// The importer (untimed transcripts, HTML transcripts, show notes) and the
// feed reader are modules of their own, each loaded once, only when a
// widget asks for it. Should one fail to load, the next widget that asks
// tries again.
function loadedOnce(start) {
  let loading = null;
  return () =>
    (loading ??= start().catch((error) => {
      loading = null;
      throw error;
    }));
}

async function startModule(wasmUrl, importGlue) {
  const wasm = fetch(wasmUrl);
  wasm.catch(() => {});
  const glue = await importGlue();
  await glue.default({ module_or_path: wasm });
  return glue;
}

const loadImporter = loadedOnce(() =>
  startModule(new URL("./episode-viewer-import_bg.wasm", import.meta.url), () => import("./episode-viewer-import.js")),
);
const loadFeedReader = loadedOnce(() =>
  startModule(new URL("./episode-viewer-feed_bg.wasm", import.meta.url), () => import("./episode-viewer-feed.js")),
);

/** The attributes whose value may name an element of the page (`#id`). */
const PAGE_REFERENCE_ATTRIBUTES = ["src", "transcript", "notes", "chapters"];

/** The attributes naming the files a widget downloads first. */
const FILE_ATTRIBUTES = [...PAGE_REFERENCE_ATTRIBUTES, "feed"];

/**
 * Starts downloading the files the element's attributes name, as the widget
 * would (same request, same credentials), and returns them by absolute URL
 * as `{ response, controller }`: the widget takes each one over, and
 * aborts those it does not use. Downloads in `earlier` (an earlier render's)
 * of files still named are kept; the others are aborted.
 */
function prefetchFiles(element, earlier) {
  const files = new Map();
  for (const name of FILE_ATTRIBUTES) {
    const value = element.getAttribute(name)?.trim();
    // `#id` names an element of the page, read when the widget asks (`readPage`).
    if (!value || value.startsWith("#")) continue;
    let url;
    try {
      url = new URL(value, document.baseURI);
    } catch {
      continue;
    }
    if ((url.protocol !== "http:" && url.protocol !== "https:") || files.has(url.href)) continue;
    const started = earlier.get(url.href);
    if (started) {
      files.set(url.href, started);
      earlier.delete(url.href);
      continue;
    }
    const controller = new AbortController();
    const response = fetch(url, { credentials: "same-origin", signal: controller.signal });
    // The widget reports failures when it reads the response.
    response.catch(() => {});
    files.set(url.href, { response, controller });
  }
  abortUnused(earlier);
  return files;
}

/** What a reader of the page does not see, left out of an element's markup. */
const UNSEEN = "script, style, template, noscript, [hidden], [aria-hidden=true]";

/**
 * The markup of the page's element `#id` (`reference`) without what a
 * reader does not see; null when the page has no such element. Elements in
 * `hiddenByWidget` (hidden by `replace`, not by the page) are read as shown.
 */
function pageMarkup(reference, hiddenByWidget) {
  const element = document.getElementById(reference.slice(1));
  if (!element) return null;
  const inside = hiddenByWidget.filter((hidden) => hidden !== element && element.contains(hidden));
  for (const hidden of inside) hidden.hidden = false;
  const copy = element.cloneNode(true);
  for (const hidden of inside) hidden.hidden = true;
  for (const unseen of copy.querySelectorAll(UNSEEN)) unseen.remove();
  return copy.innerHTML;
}

/** Aborts the downloads in `files` that nothing took over. */
function abortUnused(files) {
  for (const { controller } of files.values()) controller.abort();
  files.clear();
}

// Should the widget's code ever stop (a panic, or memory running out), every
// widget on the page says so and nothing calls into it again; the page and
// its player go on. A panic is announced by the widget itself; a trap that
// nothing announces is recognised by our wasm file in its stack.
const viewers = new Set();
let stoppedBecause = null;
const showStopped = Symbol("showStopped");

function stopAll(reason) {
  if (stoppedBecause !== null) return;
  stoppedBecause = String(reason || "an internal error").split("\n")[0];
  // The one call still made: it only sets the flag that silences the
  // widget's listeners on the page's player, document and window.
  try {
    core?.markStopped();
  } catch {
    // Nothing more can be done from here.
  }
  for (const viewer of viewers) viewer[showStopped](stoppedBecause);
}

const isOurTrap = (error) =>
  error instanceof WebAssembly.RuntimeError && String(error.stack).includes(wasmUrl.pathname);

const trapReason = (error) => `an internal error (${error.message})`;

window.addEventListener("episode-viewer:stopped", (event) => stopAll(event.detail));
window.addEventListener("error", (event) => {
  if (isOurTrap(event.error)) stopAll(trapReason(event.error));
});
window.addEventListener("unhandledrejection", (event) => {
  if (isOurTrap(event.reason)) stopAll(trapReason(event.reason));
});

/** `call()`, or `fallback` once the widget has stopped (or stops in it). */
function guarded(call, fallback) {
  if (stoppedBecause !== null) return fallback;
  try {
    return call();
  } catch (error) {
    if (!(error instanceof WebAssembly.RuntimeError)) throw error;
    stopAll(trapReason(error));
    return fallback;
  }
}

class EpisodeViewerElement extends HTMLElement {
  // The widget reads these itself when it mounts; a change mounts it again.
  static observedAttributes = [
    "src", "transcript", "notes", "duration", "audio", "chapters", "height", "images", "timeout", "title", "feed", "episode",
    "replace",
  ];

  #mounted = null;
  #generation = 0;
  /** The page's elements this widget reads (`transcript="#id"`): watched
   * for changes, and hidden while `replace` is set (see `#watchPageSources`). */
  #pageSources = { observer: null, hidden: [] };
  /** Downloads started for the next mount (see `prefetchFiles`). */
  #files = new Map();

  connectedCallback() {
    viewers.add(this);
    this.#render();
  }

  disconnectedCallback() {
    viewers.delete(this);
    this.#watchPageSources(false);
    this.#generation += 1;
    abortUnused(this.#files);
    this.#unmount();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (name === "height") {
      this.#applyHeight(newValue);
    } else if (this.isConnected && oldValue !== newValue) {
      this.#render();
    }
  }

  // height="480" or height="60vh": the widget takes that height and the
  // transcript scrolls inside it (CSS height on the element works too,
  // with --ev-max-height: none).
  #applyHeight(value) {
    if (value) {
      this.style.setProperty("height", /^\d+(\.\d+)?$/.test(value) ? `${value}px` : value);
      this.style.setProperty("--ev-max-height", "none");
    } else {
      this.style.removeProperty("height");
      this.style.removeProperty("--ev-max-height");
    }
  }

  /**
   * Watches the page's elements that the attributes name by `#id`, so that
   * a change to their content, or an element with that id appearing or
   * being replaced, renders the widget again; with `replace`,
   * hides them (the widget takes their place) until the widget is removed
   * or `replace` is.
   */
  #watchPageSources(connected) {
    this.#pageSources.observer?.disconnect();
    for (const element of this.#pageSources.hidden) element.hidden = false;
    this.#pageSources = { observer: null, hidden: [] };
    if (!connected) return;
    const ids = PAGE_REFERENCE_ATTRIBUTES.map((name) => this.getAttribute(name)?.trim())
      .filter((value) => value?.startsWith("#"))
      .map((value) => value.slice(1));
    if (ids.length === 0) return;
    const named = () => ids.map((id) => document.getElementById(id));
    const known = named();
    const elements = known.filter(Boolean);
    // One observer on the whole document: besides changes inside the named
    // elements, it sees one appear that was missing, or be replaced by
    // another with the same id (the page's script rendering it later).
    let pending = null;
    const observer = new MutationObserver((records) => {
      const inside = records.some((record) => elements.some((element) => element.contains(record.target)));
      if (!inside && named().every((element, index) => element === known[index])) return;
      clearTimeout(pending);
      pending = setTimeout(() => this.isConnected && this.#render(), 100);
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    const hidden = this.hasAttribute("replace") ? elements.filter((element) => !element.hidden) : [];
    for (const element of hidden) element.hidden = true;
    this.#pageSources = { observer, hidden };
  }

  async #render() {
    const generation = ++this.#generation;
    this.#watchPageSources(true);
    if (stoppedBecause === null) {
      this.#files = prefetchFiles(this, this.#files);
      // An untimed transcript or show notes: the importer will be needed.
      if (this.hasAttribute("transcript") || this.hasAttribute("notes")) loadImporter().catch(() => {});
      // A feed: the feed reader will be needed.
      if (this.hasAttribute("feed")) loadFeedReader().catch(() => {});
    }
    try {
      await wasmReady;
    } catch (error) {
      abortUnused(this.#files);
      this.#showLoadFailure(error);
      return;
    }
    // A newer render (which keeps the downloads it needs), or a removal,
    // happened while the wasm loaded.
    if (generation !== this.#generation || !this.isConnected) return;
    if (stoppedBecause !== null) {
      abortUnused(this.#files);
      this[showStopped](stoppedBecause);
      return;
    }
    this.#unmount();
    const files = this.#files;
    this.#files = new Map();
    // The page is read each time the widget asks (a retry reads it anew).
    const readPage = (reference) => pageMarkup(reference, this.#pageSources.hidden);
    this.#mounted = guarded(() => core.mount(this, files, loadImporter, loadFeedReader, readPage), null);
  }

  /** Moves the media to `seconds`, leaving play/pause as it is. */
  seek(seconds) {
    return guarded(() => this.#mounted?.seek(Number(seconds)) ?? false, false);
  }

  /** The current line, `{ index, start, text, speaker }`, or null. */
  get currentLine() {
    return guarded(() => this.#mounted?.currentLine() ?? null, null);
  }

  /** Whether the transcript follows playback; set it to turn that on or off. */
  get follow() {
    return guarded(() => this.#mounted?.follow() ?? true, false);
  }

  set follow(on) {
    guarded(() => this.#mounted?.setFollow(Boolean(on)));
  }

  /** Searches the transcript (shown in its search box); returns the match count. */
  search(query) {
    return guarded(() => this.#mounted?.search(String(query ?? "")) ?? 0, 0);
  }

  #unmount() {
    // After a stop the wasm is not called again, not even to free.
    if (stoppedBecause === null) guarded(() => this.#mounted?.free());
    this.#mounted = null;
  }

  /** Says in place of the widget that its code stopped (see `stopAll`). */
  [showStopped](reason) {
    const german = /^de\b/i.test(this.closest("[lang]")?.getAttribute("lang") ?? "");
    const box = document.createElement("div");
    box.className = "ev-error";
    box.setAttribute("part", "error");
    box.setAttribute("role", "alert");
    const headline = document.createElement("p");
    headline.className = "ev-error-title";
    headline.textContent = german
      ? `Der Episoden-Viewer wurde angehalten: ${reason}`
      : `The episode viewer stopped: ${reason}`;
    const detail = document.createElement("p");
    detail.className = "ev-error-message";
    detail.setAttribute("part", "error-detail");
    detail.textContent = german
      ? "Laden Sie die Seite neu, um ihn wieder zu starten; der Player der Seite spielt weiter."
      : "Reload the page to start it again; the page's player keeps playing.";
    box.append(headline, detail);
    const root = document.createElement("div");
    root.className = "ev";
    root.setAttribute("part", "root");
    root.append(box);
    (this.shadowRoot ?? this.attachShadow({ mode: "open" })).replaceChildren(root);
    this.#mounted = null;
    this.dispatchEvent(new CustomEvent("episode-viewer:error", {
      bubbles: true,
      detail: { message: `The episode viewer stopped: ${reason}` },
    }));
  }

  #showLoadFailure(error) {
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    const alert = document.createElement("p");
    alert.setAttribute("role", "alert");
    alert.setAttribute("part", "error");
    alert.textContent = `The episode viewer could not start: ${error}`;
    root.replaceChildren(alert);
  }
}

if (!customElements.get("episode-viewer")) {
  customElements.define("episode-viewer", EpisodeViewerElement);
}
