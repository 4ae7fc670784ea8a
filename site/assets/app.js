// Entry point (loaded from overrides/main.html; site/early/ has already started the
// engine and saves answers). Material's instant navigation swaps page content without
// reloading, so this module runs once per visit: the engine worker and the saved assessment
// live on, and each new page is mounted (and the previous one unmounted) on `document$`.
import { onEngineStatus, showEngineStatus, startEngine } from "./js/engine.js";
import { mountCouncilFields, mountThemeList, mountThemePage } from "./js/form.js";
import { mountBoard } from "./js/board.js";
import { mountCheck } from "./js/check.js";
import { mountCompare } from "./js/compare.js";
import { mountByNation } from "./js/nations.js";
import { mountCouncilBar, mountCouncilPicker } from "./js/council.js";
import { mountLanding } from "./js/landing.js";
import { mountResults } from "./js/results.js";
import { mountLeadReview, mountReviewer } from "./js/peer-review.js";
import { mountReview, mountYearly } from "./js/yearly.js";
import { startScoring } from "./js/scores.js";
import { buildSearchIndexWhenIdle } from "./js/search.js";
import { subscribe } from "./js/store.js";
import { showNotices, showUpdateReady } from "./js/notices.js";
import { mountBrowserCheck, serviceWorkerRegistered } from "./js/browser-check.js";
import { showSaving } from "./js/saving.js";
import { startLanguageSwitch } from "./js/language.js";

/** @type {(() => void)[]} */
let unmount = [];

function mount() {
  for (const stop of unmount) stop();
  unmount = [];
  const page = document.querySelector("article") || document.body;
  unmount.push(mountCouncilFields(page));
  unmount.push(mountCouncilPicker(page));
  unmount.push(mountCouncilBar(page));
  const section = (/** @type {string} */ hook) => /** @type {HTMLElement | null} */ (page.querySelector(`[data-sc="${hook}"]`));
  const themePage = section("theme-page");
  if (themePage) unmount.push(mountThemePage(themePage), mountReview(themePage));
  if (page.querySelector('[data-sc="theme-list"]')) unmount.push(mountThemeList(page));
  const results = section("results-page");
  if (results) unmount.push(mountResults(results), mountYearly(results), mountLeadReview(results));
  const check = section("check-page");
  if (check) unmount.push(mountCheck(check));
  const reviewer = section("peer-review-page");
  if (reviewer) unmount.push(mountReviewer(reviewer));
  const board = section("board-page");
  if (board) unmount.push(mountBoard(board));
  unmount.push(mountByNation(page));
  const compare = section("compare-page");
  if (compare) unmount.push(mountCompare(compare));
  unmount.push(onEngineStatus(showEngineStatus), mountBrowserCheck());
  showNotices();
  showSaving();
  unmount.push(mountLanding(page)); // last: once the page's parts are in place
}

// Offline use after the first visit (see service-worker.js). Registered once the engine has
// started (or failed), so its precache does not download Pyodide a second time while the page
// is still loading it. Where a browser refuses (a private window, say), the site works online.
let registered = false;
function registerServiceWorker() {
  if (registered || !("serviceWorker" in navigator)) return;
  registered = true;
  navigator.serviceWorker.register(new URL("../sw.js", import.meta.url), { scope: new URL("../", import.meta.url).pathname })
    .then((registration) => {
      serviceWorkerRegistered(Boolean(registration));
      registration?.update().catch(() => {}); // a new site version replaces the cached one on this visit
    }, () => serviceWorkerRegistered(false));
}

// A new version of the site has taken over (its service worker activated): this page and its
// engine are the old version, and must not meet a new page (instant navigation would swap one in
// under the old engine). The page reloads at a safe moment: at once if it is hidden and no dialog
// is open, otherwise on the next link followed (a full load) or when the officer chooses. Answers
// are saved as they are given, and the new version carries them over before it scores them.
let controlled = Boolean(navigator.serviceWorker?.controller);
let updateReady = false;
const safeToReload = () => document.visibilityState === "hidden" && !document.querySelector("dialog[open]");
navigator.serviceWorker?.addEventListener("controllerchange", () => {
  if (!controlled) {
    controlled = true; // the first visit's service worker taking control: the same version
    return;
  }
  updateReady = true;
  if (safeToReload()) location.reload();
  else showUpdateReady();
});
document.addEventListener("visibilitychange", () => updateReady && safeToReload() && location.reload());
window.addEventListener("click", (event) => {
  const link = updateReady && !event.defaultPrevented && event.button === 0 && event.target instanceof Element && event.target.closest("a[href]");
  if (!(link instanceof HTMLAnchorElement) || link.target || link.origin !== location.origin || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  event.stopImmediatePropagation();
  location.assign(link.href);
}, true);
window.addEventListener("popstate", () => updateReady && location.reload());

startLanguageSwitch(); // first: it may go to the remembered language's page at once
startEngine();
startScoring();
buildSearchIndexWhenIdle();
onEngineStatus((status) => status.state !== "loading" && registerServiceWorker());
subscribe(showNotices);
subscribe(showSaving);
if (window.document$) window.document$.subscribe(mount);
else mount();
