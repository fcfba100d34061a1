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
import init, { mount } from "./episode-viewer-core.js";

const wasmReady = init({
  module_or_path: new URL("./episode-viewer-core_bg.wasm", import.meta.url),
});

class EpisodeViewerElement extends HTMLElement {
  // The widget reads these itself when it mounts; a change mounts it again.
  static observedAttributes = [
    "src", "transcript", "notes", "duration", "audio", "chapters", "height", "images", "timeout", "title",
  ];

  #mounted = null;
  #generation = 0;

  connectedCallback() {
    this.#render();
  }

  disconnectedCallback() {
    this.#generation += 1;
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

  async #render() {
    const generation = ++this.#generation;
    try {
      await wasmReady;
    } catch (error) {
      this.#showLoadFailure(error);
      return;
    }
    // A newer render, or a removal, happened while the wasm loaded.
    if (generation !== this.#generation || !this.isConnected) return;
    this.#unmount();
    this.#mounted = mount(this);
  }

  /** Moves the media to `seconds`, leaving play/pause as it is. */
  seek(seconds) {
    return this.#mounted?.seek(Number(seconds)) ?? false;
  }

  /** The current line, `{ index, start, text, speaker }`, or null. */
  get currentLine() {
    return this.#mounted?.currentLine() ?? null;
  }

  /** Whether the transcript follows playback; set it to turn that on or off. */
  get follow() {
    return this.#mounted?.follow() ?? true;
  }

  set follow(on) {
    this.#mounted?.setFollow(Boolean(on));
  }

  /** Searches the transcript (shown in its search box); returns the match count. */
  search(query) {
    return this.#mounted?.search(String(query ?? "")) ?? 0;
  }

  #unmount() {
    this.#mounted?.free();
    this.#mounted = null;
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
