// Client for the scoring engine worker. One worker for the whole visit: with Material's
// instant navigation this module is evaluated once, so Pyodide starts once.
// The largest assessment file the engine reads (MAX_FILE_BYTES in scorecard/engine/assessment.py):
// larger files are refused before they are read into memory.
export const MAX_FILE_BYTES = 5_000_000;

const listeners = new Set();
let status = { state: "loading", message: "" };
let worker = null;
let nextId = 1;
const pending = new Map();

function setStatus(state, message = "") {
  status = { state, message };
  for (const listener of listeners) listener(status);
}

function handle(data) {
  if (data.type === "ready") setStatus("ready");
  else if (data.type === "failed") setStatus("failed", data.message);
  else if (data.type === "reply") {
    const resolve = pending.get(data.id);
    pending.delete(data.id);
    if (resolve) resolve(data);
  }
}

// Take over the worker assets/early.js started in <head>, with the messages it sent meanwhile.
export function startEngine() {
  if (worker) return;
  worker = window.scorecard.worker;
  for (const data of worker.early || []) handle(data);
  worker.onmessage = ({ data }) => handle(data);
  worker.onerror = (event) => setStatus("failed", event.message || "the worker could not start");
}

export function engineStatus() {
  return status;
}

export function onEngineStatus(listener) {
  listeners.add(listener);
  listener(status);
  return () => listeners.delete(listener);
}

// Send one operation; resolves with {ok, ...} once the engine has answered.
export function call(op, payload) {
  startEngine();
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    worker.postMessage({ id, op, payload });
  });
}
