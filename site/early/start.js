// The scoring engine's worker, started at once from the <head> (the last of the three early scripts,
// after store.js and form.js): Pyodide's start is the page's longest wait. js/engine.js takes the
// worker over once the modules run; the messages it sends before then are kept for it.
// Without WebAssembly (the JavaScript JIT turned off: Microsoft Edge's enhanced security mode, or a policy) the
// engine cannot start, so no worker is started and nothing is downloaded for it; js/engine.js and
// js/browser-check.js say why. A browser without JavaScript modules in workers never reads the `type` option
// (it would run the module as a classic script, which fails): the worker records whether it was read.
(() => {
  if (typeof WebAssembly !== "object") return;
  const meta = (/** @type {string} */ name) => /** @type {HTMLMetaElement | null} */ (document.querySelector(`meta[name="${name}"]`))?.content || "";
  let moduleType = false;
  const options = {
    get type() {
      moduleType = true;
      return /** @type {const} */ ("module");
    },
  };
  const worker = /** @type {EarlyWorker} */ (new Worker(new URL("worker.mjs", new URL(meta("scorecard-assets"), location.href)), options));
  worker.moduleType = moduleType;
  if (!moduleType) {
    worker.terminate();
    window.scorecard.worker = worker;
    return;
  }
  worker.early = [];
  worker.onmessage = (event) => worker.early.push(event.data);
  const { t } = window.scorecard;
  worker.onerror = (event) => worker.early.push({ type: "stopped", message: event.message || t("the worker could not start") });
  // The page's language: its engine loads the bank in that language (the same questions, ids and rules).
  worker.postMessage({ op: "start", payload: { wheel: meta("scorecard-engine"), lang: document.documentElement.lang } });
  window.scorecard.worker = worker;
})();
