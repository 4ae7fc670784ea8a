// Material's search worker builds its search index (lunr, over every page of the site) as soon as
// a page loads: most of a second of processor time on a two-core laptop, taken just while the
// scoring engine starts on the same cores. The build writes this file beside Material's worker as
// after-engine.<Material's file name> (scorecard/sitegen/search_worker.py), and the pages create it
// instead (site/overrides/main.html). It runs Material's own worker unchanged, but hands it the index only
// when the page says so (js/search.js, on the "scorecard-search" channel): once the engine has
// started or failed and the officer has paused, or as soon as the officer goes to search. Until then
// Material says "Initializing search", and its worker's script is not even loaded (lunr's set-up is
// processor time too). If no page ever says so (its scripts did not load), the index is handed over
// after a while anyway.
const PREFIX = "after-engine.";
const MATERIAL = location.pathname.split("/").pop().slice(PREFIX.length);
const SETUP = 0; // Material's message types: the index to build, and "built"
const READY = 1;
const AT_THE_LATEST_MS = 60000;

let waiting = true;
let held = []; // messages for Material's worker while the index waits, in order
let afterIndex = []; // held messages to give once the index is built
const channel = new BroadcastChannel("scorecard-search");
const give = (data) => dispatchEvent(new MessageEvent("message", { data }));

function release() {
  if (!waiting) return;
  waiting = false;
  channel.close();
  clearTimeout(timer);
  importScripts(`./${MATERIAL}`); // its listener comes after ours, which lets everything through now
  const [first, ...rest] = held;
  held = [];
  if (first?.type === SETUP) {
    afterIndex = rest;
    give(first);
  } else {
    [first, ...rest].filter(Boolean).forEach(give);
  }
}

// Runs before Material's own listener (added when its script is imported, on release).
addEventListener("message", (event) => {
  if (!waiting) return;
  event.stopImmediatePropagation();
  held.push(event.data);
  if (event.data?.type !== SETUP) release(); // a search before the engine has started: build the index now
});

// Material's worker says when the index is built: then anything held after it is given.
const post = self.postMessage.bind(self);
self.postMessage = (message, ...rest) => {
  post(message, ...rest);
  if (message?.type !== READY) return;
  const queued = afterIndex;
  afterIndex = [];
  queued.forEach(give);
};

channel.onmessage = ({ data }) => data === "now" && release();
channel.postMessage("asked");
const timer = setTimeout(release, AT_THE_LATEST_MS);
