// Entry point (loaded from overrides/main.html; site/early.js has already started the
// engine and saves answers). Material's instant navigation swaps page content without
// reloading, so this module runs once per visit: the engine worker and the saved assessment
// live on, and each new page is mounted (and the previous one unmounted) on `document$`.
import { onEngineStatus, startEngine } from "./js/engine.js";
import { mountCouncilFields, mountThemeList, mountThemePage } from "./js/form.js";
import { mountBoard } from "./js/board.js";
import { mountCompare } from "./js/compare.js";
import { mountResults } from "./js/results.js";
import { startScoring } from "./js/scores.js";
import { lastSaveError, subscribe } from "./js/store.js";

let unmount = [];

function showEngineStatus(status) {
  for (const node of document.querySelectorAll('[data-sc="engine-status"]')) {
    node.textContent = status.state === "ready" ? "" : status.state === "failed"
      ? `The scoring engine could not start: ${status.message}. Your answers are still saved on this device.`
      : "Loading the scoring engine…";
  }
  document.documentElement.dataset.engine = status.state;
}

function showSaveError() {
  const message = lastSaveError();
  let banner = document.querySelector(".sc-save-error");
  if (!message) return banner && banner.remove();
  if (!banner) {
    banner = document.createElement("p");
    banner.className = "sc-save-error sc-error";
    banner.setAttribute("role", "alert");
    document.querySelector("article")?.prepend(banner);
  }
  banner.textContent = message;
}

function mount() {
  for (const stop of unmount) stop();
  unmount = [];
  const page = document.querySelector("article") || document.body;
  unmount.push(mountCouncilFields(page));
  const themePage = page.querySelector('[data-sc="theme-page"]');
  if (themePage) unmount.push(mountThemePage(themePage));
  if (page.querySelector('[data-sc="theme-list"]')) unmount.push(mountThemeList(page));
  const results = page.querySelector('[data-sc="results-page"]');
  if (results) unmount.push(mountResults(results));
  const board = page.querySelector('[data-sc="board-page"]');
  if (board) unmount.push(mountBoard(board));
  const compare = page.querySelector('[data-sc="compare-page"]');
  if (compare) unmount.push(mountCompare(compare));
  unmount.push(onEngineStatus(showEngineStatus));
}

// Offline use after the first visit (see service-worker.js). Registered once the engine has
// started (or failed), so its precache does not download Pyodide a second time while the page
// is still loading it. Where a browser refuses (a private window, say), the site works online.
let registered = false;
function registerServiceWorker() {
  if (registered || !("serviceWorker" in navigator)) return;
  registered = true;
  navigator.serviceWorker.register(new URL("../sw.js", import.meta.url), { scope: new URL("../", import.meta.url).pathname })
    .then((registration) => registration.update()) // a new site version replaces the cached one on this visit
    .catch(() => {});
}

startEngine();
startScoring();
onEngineStatus((status) => status.state !== "loading" && registerServiceWorker());
subscribe(showSaveError);
if (window.document$) window.document$.subscribe(mount);
else mount();
