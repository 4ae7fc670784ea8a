// What this browser lets the scorecard do, checked as each page opens and said in plain words at
// the top of the page: what is missing, what still works, and what to ask IT for (the Browsers and
// settings page says more). Council laptops run browsers locked down by policy: Microsoft Edge's
// enhanced security mode and the JIT policies turn off WebAssembly, which the scoring engine needs;
// site data may be blocked (answers are then kept in this tab only); service workers and the Cache
// API may be missing (no offline use, and no started engine kept for the next visit).
import { h, linked, replace } from "./dom.js";
import { t } from "./i18n.js";
import { engineStatus, onEngineStatus } from "./engine.js";
import { exportAssessment } from "./saving.js";
import { getAssessment, storageAvailable } from "./store.js";

const BROWSERS_PAGE = new URL("../browsers.html", import.meta.url).href;

// null until known (the service worker's registration is only tried once the engine has started).
/** @type {{ serviceWorker: boolean | null, cacheApi: boolean | null }} */
const offline = { serviceWorker: null, cacheApi: null };
// Said once a visit (on the page where it is found): it changes nothing but speed and offline use.
let offlineShown = false;
let offlineSaid = false;
const listeners = new Set();

function changed() {
  for (const listener of listeners) listener();
}

// Checks that change nothing and take no time, once a visit: what is missing outright is said at
// once; what a browser refuses when asked, as soon as it answers.
async function checkOffline() {
  if (!window.isSecureContext || !("serviceWorker" in navigator)) offline.serviceWorker = false;
  if (typeof caches === "undefined") offline.cacheApi = false;
  changed();
  if (offline.serviceWorker === null) {
    // A browser that refuses service workers (site data blocked) rejects this at once; one that
    // allows them is only known once the worker is registered (js/app.js, after the engine starts).
    try {
      if (await navigator.serviceWorker.getRegistration()) offline.serviceWorker = true;
    } catch (error) {
      offline.serviceWorker = false;
    }
  }
  if (offline.cacheApi === null) {
    try {
      await caches.keys();
      offline.cacheApi = true;
    } catch (error) {
      offline.cacheApi = false; // a private window, or site data blocked
    }
  }
  changed();
}

// js/app.js says how registering the service worker went.
/** @param {boolean} ok */
export function serviceWorkerRegistered(ok) {
  if (offline.serviceWorker === ok) return;
  offline.serviceWorker = ok;
  changed();
}

// Why the scoring engine cannot run in this browser, in the officer's words; "" if it can.
/** @param {import("./engine.js").EngineStatus} [status] */
export function engineMissing(status = engineStatus()) {
  if (status.state !== "unavailable") return "";
  return status.missing === "webassembly"
    ? t("this browser's security settings have turned off WebAssembly (for example Microsoft Edge's enhanced security mode, or a policy that turns off the JavaScript JIT compiler), and the scoring engine needs it")
    : t("this browser cannot run the scoring engine beside the page (it needs JavaScript modules in Web Workers: Edge and Chrome 80 or later, Firefox 114, Safari 15)");
}

// A sentence naming the Browsers and settings page ([bracketed]) and the command `scorecard score` ({braced}).
/** @param {string} text */
const withLinks = (text) => linked(text, BROWSERS_PAGE).map((piece) => (typeof piece === "string"
  ? piece.split(/\{([^}]*)\}/).map((part, i) => (i % 2 ? h("code", {}, part) : part)) : piece));

// What a page shows where scores would be, when the engine cannot run here.
/** @param {string} [what] what cannot be worked out: "Scores" unless said */
export function noScoresHere(what = t("Scores")) {
  return [
    h("p", { class: "sc-error", "data-sc": "no-engine" }, t("%(what)s cannot be worked out in this browser: %(why)s.", { what, why: engineMissing() }), " ",
      t("Your answers are kept, and everything else works.")),
    h("p", {}, withLinks(t("To see them, open the scorecard in another browser, or export the assessment (results page) and ask a colleague to run {scorecard score} on the file. [Browsers and settings] says what to ask your IT team to allow."))),
  ];
}

function exportButton() {
  const button = h("button", { type: "button", class: "md-button md-button--primary", "data-sc": "export-now" }, t("Export the assessment now"));
  button.addEventListener("click", () => exportAssessment());
  return button;
}

function items() {
  /** @type {HTMLElement[]} */
  const shown = [];
  const missing = engineMissing();
  if (missing) {
    shown.push(h("div", { class: "admonition warning", "data-sc": "browser-no-engine" },
      h("p", { class: "admonition-title" }, t("Scores cannot be worked out in this browser")),
      h("p", {}, t("The scoring engine cannot run: %(why)s. Everything else works: answer the questions, add notes and evidence, keep the action plan you have saved, export and import the assessment, and print each theme page with its answers.", { why: missing })),
      h("p", {}, withLinks(t("To see scores, open the scorecard in another browser, or export the assessment and ask a colleague to run {scorecard score} on the file. Ask your IT team to add this site to Microsoft Edge's enhanced security exceptions, or to allow it the JavaScript JIT: [Browsers and settings] says how.")))));
  }
  if (!storageAvailable()) {
    shown.push(h("div", { class: "admonition danger", "data-sc": "browser-no-storage" },
      h("p", { class: "admonition-title" }, t("Not saved on this device: export before you close")),
      h("p", {}, withLinks(t("This browser does not let the scorecard keep data (its settings, or a policy, block site data). Your answers are kept in this tab only, while it stays open: closing it, or reloading the page, loses them. Export the assessment before you close, and import it next time. Ask your IT team to allow this site's data: [Browsers and settings] says how."))),
      h("p", {}, exportButton())));
  }
  const noOffline = offline.serviceWorker === false || offline.cacheApi === false;
  if (noOffline && !missing && !offlineSaid) {
    offlineShown = true;
    shown.push(h("div", { class: "admonition info", "data-sc": "browser-no-offline" },
      h("p", { class: "admonition-title" }, t("This browser will not keep the scorecard for use offline")),
      h("p", {}, withLinks(t("It does not allow service workers or the Cache API here (they need a secure, https:// address, and a policy may turn them off). Everything works while you are online, but not offline, and each visit downloads and starts the scoring engine again, which takes longer. [Browsers and settings] says more.")))));
  }
  return shown;
}

function render() {
  const article = document.querySelector("article");
  if (!article) return;
  let box = /** @type {HTMLElement | null} */ (article.querySelector(':scope > [data-sc="browser-check"]'));
  if (!box) {
    offlineSaid = offlineShown; // a new page of the same visit
    box = h("div", { class: "sc-browser-check", "data-sc": "browser-check" });
    article.prepend(box);
  }
  const shown = items();
  const signature = shown.map((item) => item.dataset.sc).join(" ");
  if (box.dataset.signature === signature) return;
  box.dataset.signature = signature;
  replace(box, shown);
}

// This site's address, where a page asks for it (the Browsers and settings page).
function showAddress() {
  for (const node of document.querySelectorAll('[data-sc="site-address"]')) node.textContent = new URL("..", import.meta.url).href;
}

// Leaving the page loses answers kept in this tab only: the browser asks first.
window.addEventListener("beforeunload", (event) => {
  if (storageAvailable()) return;
  const assessment = getAssessment();
  const given = Object.keys(assessment.answers).length || Object.keys(assessment.notes).length || assessment.council.name || assessment.council.type;
  if (!given) return;
  event.preventDefault();
  event.returnValue = ""; // older browsers ask only with a return value
});

let checked = false;
// Mount on each page: the notices of this page; the checks run once a visit.
export function mountBrowserCheck() {
  showAddress();
  render();
  listeners.add(render);
  const stopEngine = onEngineStatus(render);
  if (!checked) {
    checked = true;
    checkOffline();
  }
  return () => {
    listeners.delete(render);
    stopEngine();
  };
}
