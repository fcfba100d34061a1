// The phone benchmark's init script (bench/phone.mjs prepends
// `const PROBE = { player, expect, time, duration };`). It runs before any
// script of the page, in the top frame (and in Podlove's iframe):
//  - a scripted clock on the page's <audio id="player">: currentTime, paused,
//    duration, ended, readyState and networkState are replaced (the media
//    plays at PROBE.time and stays there; nothing is downloaded);
//    `timeupdate` fires every 250 ms as on a playing element, and `play`,
//    `playing` fire at DOMContentLoaded (when every player's script has run:
//    Hyperaudio Lite only marks a word after a `play` or `seeked`). Podlove
//    plays its own <audio> in its iframe: there the same clock is put on it
//    (`play`, `playing` at the first tick after Podlove listens to it);
//  - a requestAnimationFrame loop from the first frame that records, with
//    performance.now() (ms since navigation start), the first frame in which
//    the player shows the line/word at PROBE.time marked (`marked`: the
//    element is in the document, laid out and not hidden by visibility or
//    opacity) and the first in which it is also in view (`inView`: the
//    centre of one of its boxes hit-tests to it, so neither a scroll box, an
//    overlay nor the viewport hides it). Then it calls window.phoneProbeDone().
"use strict";
(() => {
  const top = window === window.top;
  // Podlove plays its own <audio> inside its iframe: it gets the same clock.
  if ((!top && PROBE.player !== "podlove") || window.__phoneClock) return;
  window.__phoneClock = true;
  const { player, expect, time, duration } = PROBE;
  const clock = { time, paused: false };
  const proto = HTMLMediaElement.prototype;
  // The page's <audio id="player">; in Podlove's iframe, its media elements,
  // known by the listeners they get.
  const known = new Set();
  const scripted = top ? (media) => media.id === "player" : (media) => known.has(media);
  if (!top) {
    proto.addEventListener = function (...args) {
      known.add(this);
      return EventTarget.prototype.addEventListener.apply(this, args);
    };
  }
  const replace = (name, get, set) => {
    const native = Object.getOwnPropertyDescriptor(proto, name);
    Object.defineProperty(proto, name, {
      configurable: true,
      enumerable: true,
      get() {
        return scripted(this) ? get() : native.get.call(this);
      },
      set(value) {
        if (scripted(this) && set) set.call(this, value);
        else if (native.set) native.set.call(this, value);
      },
    });
  };
  const media = () => (top ? [document.getElementById("player")].filter(Boolean) : [...known]);
  const fire = (names, targets = media()) => {
    for (const target of targets) for (const name of names) target.dispatchEvent(new Event(name));
  };
  replace("currentTime", () => clock.time, (value) => {
    clock.time = Number(value);
    queueMicrotask(() => fire(["seeking", "timeupdate", "seeked"]));
  });
  replace("paused", () => clock.paused);
  replace("ended", () => false);
  replace("duration", () => duration);
  replace("readyState", () => 4);
  // Its file is never fetched (the server answers 404): the element says
  // it is idle, not that it has no source, as a playing one would.
  replace("networkState", () => HTMLMediaElement.NETWORK_IDLE);
  const started = new Set();
  setInterval(() => {
    if (!top) {
      const fresh = [...known].filter((element) => !started.has(element));
      fresh.forEach((element) => started.add(element));
      fire(["play", "playing"], fresh);
    }
    fire(["timeupdate"]);
  }, 250);
  if (top) document.addEventListener("DOMContentLoaded", () => fire(["play", "playing"]));
  if (!top) return;

  /** Our widget's current line, when it is the expected one. */
  function currentLine() {
    const current = document.querySelector("episode-viewer")?.shadowRoot?.querySelector("[part=line][aria-current]");
    return current && Number(current.getAttribute("data-start")) === expect.lineStart ? { element: current } : null;
  }

  /** The element that marks the media time, with the iframe it is in, or null. */
  const find = {
    ours: currentLine,
    // The same widget, on the page with the README's preload links.
    preloaded: currentLine,
    // The lower bound: the core alone, its lines in plain list items.
    floor: currentLine,
    hyperaudio() {
      const word = document.querySelector("#hypertranscript span.active");
      if (!word || Number(word.getAttribute("data-m")) !== expect.wordMs) return null;
      return word.parentElement.classList.contains("active") ? { element: word } : null;
    },
    podlove() {
      for (const frame of document.querySelectorAll("iframe")) {
        let marked = null;
        try {
          marked = frame.contentDocument?.querySelector(".active-transcript");
        } catch {
          continue; // not same-origin
        }
        if (marked && marked.textContent.trim() === expect.text) return { element: marked, frame };
      }
      return null;
    },
  }[player];

  const shown = (element) =>
    element.getClientRects().length > 0 && element.checkVisibility({ opacityProperty: true, visibilityProperty: true });

  /** Whether the centre of one of `element`'s boxes (an inline element
   * has one per line) hit-tests to it in its frame, and that point is in
   * the page's viewport. */
  function inView({ element, frame }) {
    const view = element.ownerDocument.defaultView;
    const outer = frame ? frame.getBoundingClientRect() : { left: 0, top: 0 };
    return [...element.getClientRects()].some((box) => {
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      if (x < 0 || y < 0 || x > view.innerWidth || y > view.innerHeight) return false;
      const hit = element.getRootNode().elementFromPoint(x, y);
      if (!hit || !(hit === element || element.contains(hit))) return false;
      const [px, py] = [outer.left + x, outer.top + y];
      return px >= 0 && py >= 0 && px <= innerWidth && py <= innerHeight && (!frame || document.elementFromPoint(px, py) === frame);
    });
  }

  const result = { marked: null, inView: null, frames: 0 };
  window.__phoneProbe = result;
  const IN_VIEW_WAIT = 10_000;
  const poll = () => {
    const now = performance.now();
    result.frames += 1;
    const found = find();
    const visible = found !== null && shown(found.element) && (!found.frame || shown(found.frame));
    if (result.marked === null && visible) result.marked = now;
    if (result.marked !== null && result.inView === null && visible && inView(found)) result.inView = now;
    const finished = result.inView !== null || (result.marked !== null && now - result.marked > IN_VIEW_WAIT);
    if (finished) window.phoneProbeDone?.(result);
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();
