// The scoring engine in a module Web Worker: Pyodide (self-hosted) runs the same
// `scorecard` Python package as the command line. No scoring happens in JavaScript.
import { loadPyodide } from "./pyodide/pyodide.mjs";

const assets = new URL("./", import.meta.url);

// The page sends {op: "start", wheel} first: the engine wheel's versioned file name.
async function start(wheel) {
  const [pyodide, wheelBytes, bankText] = await Promise.all([
    loadPyodide({ indexURL: new URL("pyodide/", assets).href }),
    fetchOk(new URL(`engine/${wheel}`, assets)).then((r) => r.arrayBuffer()),
    fetchOk(new URL("bank.json", assets)).then((r) => r.text()),
  ]);
  pyodide.unpackArchive(wheelBytes, "wheel");
  pyodide.globals.set("BANK_JSON", bankText);
  return pyodide.runPython("from scorecard.browser import BrowserApi\nBrowserApi(BANK_JSON)");
}

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return response;
}

let api = null;

onmessage = async (event) => {
  const { id, op, payload } = event.data;
  if (op === "start") {
    api = start(payload.wheel);
    api.then(
      () => postMessage({ type: "ready" }),
      (error) => postMessage({ type: "failed", message: String(error && error.message ? error.message : error) }),
    );
    return;
  }
  try {
    const engine = await api;
    postMessage({ type: "reply", id, ...JSON.parse(engine.call(op, JSON.stringify(payload))) });
  } catch (error) {
    postMessage({ type: "reply", id, ok: false, problems: [`The scoring engine failed: ${error.message || error}`] });
  }
};
