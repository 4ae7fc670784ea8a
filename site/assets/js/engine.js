// Client for the scoring engine worker. One worker for the whole visit: with Material's
// instant navigation this module is evaluated once, so Pyodide starts once.
import { findAll } from "./dom.js";
import { t } from "./i18n.js";

// The largest assessment file the engine reads (MAX_FILE_BYTES in scorecard/engine/assessment.py):
// larger files are refused before they are read into memory.
export const MAX_FILE_BYTES = 5_000_000;

/**
 * state: "loading", "ready", "failed" or "unavailable". While loading, the worker reports its step ("download",
 * "start" or "restore") and the bytes of the engine's files it has in hand (loaded of total);
 * once ready, how it started ("started", or "restored" from a snapshot kept on this device).
 * A failed engine either could not start (the worker says so, and still answers every call with why) or
 * stopped: the worker itself failed (stopped: true), and answers nothing more. "unavailable": this browser
 * cannot run the engine at all (`missing`: "webassembly", turned off by its security settings, or
 * "module-workers"); js/browser-check.js says so. Once ready, only a failure changes the state; "failed"
 * and "unavailable" are final: a message the worker sends after them (a download still counting) changes nothing.
 * @typedef {{ state: "loading" | "ready" | "failed" | "unavailable", step: string, loaded: number, total: number, message: string, how?: string, startMs?: number, stopped?: boolean, missing?: "webassembly" | "module-workers" }} EngineStatus
 */

/** @type {Set<(status: EngineStatus) => void>} */
const listeners = new Set();
/** @type {EngineStatus} */
let status = { state: "loading", step: "", loaded: 0, total: 0, message: "" };
/** @type {EarlyWorker | null} */
let worker = null;
let nextId = 1;
/** @type {Map<number, (reply: any) => void>} */
const pending = new Map();
/** @type {string | null} */
let stopped = null; // why the worker stopped: no call will be answered

// Nothing is said until the worker reports its first step (the pages' own placeholders say the
// engine is loading), so a screen reader hears one message per step and no more.
/** @type {{ [step: string]: string }} */
const STEP_TEXT = {
  "": "",
  download: t("Loading the scoring engine, step 1 of 2: downloading it."),
  start: t("Loading the scoring engine, step 2 of 2: starting it."),
  restore: t("Starting the scoring engine kept on this device…"),
};

/** @param {EngineStatus["state"]} state @param {Partial<EngineStatus>} [details] */
function setStatus(state, details = {}) {
  if (status.state !== "loading" && !(status.state === "ready" && state === "failed")) return;
  status = { ...status, ...details, state };
  for (const listener of listeners) listener(status);
}

/** @param {WorkerMessage} data */
function handle(data) {
  if (data.type === "progress") setStatus("loading", { step: data.step, loaded: data.loaded, total: data.total });
  else if (data.type === "ready") setStatus("ready", { how: data.how, startMs: data.ms });
  else if (data.type === "failed") setStatus("failed", { message: data.message });
  else if (data.type === "stopped") stop(data.message);
  else if (data.type === "reply") {
    const resolve = pending.get(data.id);
    pending.delete(data.id);
    if (resolve) resolve(data);
  }
}

/**
 * The reply to a call the engine cannot answer: the worker stopped. Every caller shows a failed reply's problems.
 * @param {string} why
 */
const stoppedReply = (why) => ({
  ok: /** @type {const} */ (false),
  problems: [t("The scoring engine stopped (%(why)s): reload the page to start it again. Your answers are still saved on this device", { why })],
  stopped: true,
});

// What this browser lacks to run the engine at all, or "": WebAssembly (Microsoft Edge's enhanced security mode
// and the JIT policies turn it off), or JavaScript modules in workers (site/early/start.js records whether the
// browser read the worker's `type: "module"`).
/** @returns {"" | "webassembly" | "module-workers"} */
function missingHere() {
  if (typeof WebAssembly !== "object") return "webassembly";
  const early = window.scorecard.worker;
  return !early || !early.moduleType ? "module-workers" : "";
}

const unavailableReply = () => ({ ok: /** @type {const} */ (false), problems: ["the scoring engine cannot run in this browser"] });

// The worker failed (an error it did not catch, or it could not be loaded): it answers nothing more, so every call
// still waiting is answered now, and every later call at once.
/** @param {string} why */
function stop(why) {
  stopped = why;
  setStatus("failed", { message: why, stopped: true });
  for (const resolve of pending.values()) resolve(stoppedReply(why));
  pending.clear();
}

// Show the engine's state in the page: the text of every [data-sc="engine-status"] (a live
// region) changes only when the step does, so a screen reader hears one short message per step;
// every [data-sc="engine-progress"] (a <progress>) shows how much of the download is in hand,
// readable on demand and never announced. The form works throughout.
/** @param {EngineStatus} [current] @param {ParentNode} [root] */
export function showEngineStatus(current = status, root = document) {
  const text = current.state === "ready" || current.state === "unavailable" ? "" : current.state === "failed"
    ? (current.stopped ? t("The scoring engine stopped: %(why)s. Your answers are still saved on this device.", { why: current.message })
      : t("The scoring engine could not start: %(why)s. Your answers are still saved on this device.", { why: current.message }))
    : STEP_TEXT[current.step] ?? "";
  for (const node of root.querySelectorAll('[data-sc="engine-status"]')) {
    if (node.textContent !== text) node.textContent = text;
  }
  const downloading = current.state === "loading" && current.step === "download" && current.total > 0;
  for (const bar of findAll(root, '[data-sc="engine-progress"]', HTMLProgressElement)) {
    bar.hidden = !downloading;
    if (downloading) {
      bar.max = current.total;
      bar.value = current.loaded;
      bar.textContent = `${Math.floor((100 * current.loaded) / current.total)} %`;
    }
  }
  document.documentElement.dataset.engine = current.state;
}

// Take over the worker site/early/start.js started in <head>, with the messages it sent meanwhile; or, where
// this browser cannot run the engine at all (start.js then starts no worker), say why.
/** @returns {EarlyWorker | null} */
export function startEngine() {
  if (worker || status.state === "unavailable") return worker;
  const missing = missingHere();
  if (missing) {
    window.scorecard.worker?.terminate();
    setStatus("unavailable", { missing });
    return null;
  }
  worker = /** @type {EarlyWorker} */ (window.scorecard.worker);
  for (const data of worker.early || []) handle(data);
  worker.onmessage = ({ data }) => handle(data);
  worker.onerror = (event) => stop(event.message || "the worker failed");
  return worker;
}

export function engineStatus() {
  return status;
}

/** @param {(status: EngineStatus) => void} listener */
export function onEngineStatus(listener) {
  listeners.add(listener);
  listener(status);
  return () => listeners.delete(listener);
}

/**
 * Send one operation; resolves with {ok, ...} once the engine has answered. The engine writes its words in `lang`,
 * by default the page's (<html lang>): a Welsh page gets the Welsh (scorecard/browser.py).
 * @template {EngineOp} Op
 * @param {Op} op
 * @param {EngineOps[Op]["payload"]} payload
 * @param {string} [lang]
 * @returns {Promise<EngineReply<Op>>}
 */
export function call(op, payload, lang = document.documentElement.lang) {
  const engine = startEngine();
  if (!engine) return Promise.resolve(unavailableReply());
  if (stopped !== null) return Promise.resolve(stoppedReply(stopped));
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    engine.postMessage({ id, op, payload, lang });
  });
}
