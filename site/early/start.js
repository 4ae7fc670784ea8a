// The scoring engine's worker, started at once from the <head> (the last of the three early scripts,
// after store.js and form.js): Pyodide's start is the page's longest wait. js/engine.js takes the
// worker over once the modules run; the messages it sends before then are kept for it.
(() => {
  const meta = (/** @type {string} */ name) => /** @type {HTMLMetaElement | null} */ (document.querySelector(`meta[name="${name}"]`))?.content || "";
  const worker = /** @type {EarlyWorker} */ (new Worker(new URL("worker.mjs", new URL(meta("scorecard-assets"), location.href)), { type: "module" }));
  worker.early = [];
  worker.onmessage = (event) => worker.early.push(event.data);
  worker.onerror = (event) => worker.early.push({ type: "stopped", message: event.message || "the worker could not start" });
  worker.postMessage({ op: "start", payload: { wheel: meta("scorecard-engine") } });
  window.scorecard.worker = worker;
})();
