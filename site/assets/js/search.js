// When the site's search may build its index: the search worker (site/search-after-engine.js)
// holds it back so that building it (most of a second of processor time) does not compete with the
// scoring engine for the processor. It is told "now" once the engine has started or failed and the
// officer has paused (no answer, key or click for a moment), or at once when the officer goes to
// the search field.
import { onEngineStatus } from "./engine.js";

const SEARCH_FIELD = '[data-md-component="search-query"]';
const PAUSE_MS = 1000;
const BUSY_EVENTS = ["input", "change", "keydown", "pointerdown"];

export function buildSearchIndexWhenIdle() {
  if (!("BroadcastChannel" in window)) return; // the worker, without a channel, waits its longest
  const channel = new BroadcastChannel("scorecard-search");
  let told = false;
  /** @type {ReturnType<typeof setTimeout> | null} */
  let pause = null;
  const now = () => {
    told = true;
    if (pause !== null) clearTimeout(pause);
    for (const type of BUSY_EVENTS) document.removeEventListener(type, wait, true);
    channel.postMessage("now");
  };
  const wait = () => {
    if (pause !== null) clearTimeout(pause);
    pause = setTimeout(now, PAUSE_MS);
  };
  channel.onmessage = ({ data }) => data === "asked" && told && now(); // a worker started after it was told
  onEngineStatus((status) => {
    if (told || pause !== null || status.state === "loading") return;
    for (const type of BUSY_EVENTS) document.addEventListener(type, wait, true);
    wait();
  });
  document.addEventListener("focusin", (event) => event.target instanceof Element && event.target.closest(SEARCH_FIELD) && now());
}
