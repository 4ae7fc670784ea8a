// When the site's search may build its index: the search worker (assets/javascripts/workers/
// search-after-engine.js) holds it back while the scoring engine starts, so that the two do not
// share the processor. It is told "now" once the engine has started or failed, or as soon as the
// officer goes to the search field, whichever comes first.
import { onEngineStatus } from "./engine.js";

const SEARCH_FIELD = '[data-md-component="search-query"]';

export function buildSearchIndexWhenEngineSettles() {
  if (!("BroadcastChannel" in window)) return; // the worker, without a channel, waits its longest
  const channel = new BroadcastChannel("scorecard-search");
  let settled = false;
  const now = () => channel.postMessage("now");
  channel.onmessage = ({ data }) => data === "asked" && settled && now(); // a worker started after the engine
  onEngineStatus((status) => {
    if (settled || status.state === "loading") return;
    settled = true;
    now();
  });
  document.addEventListener("focusin", (event) => event.target.closest?.(SEARCH_FIELD) && now());
}
