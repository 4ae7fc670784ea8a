// Runs every operation of the browser's engine (scorecard.browser.BrowserApi) inside Pyodide under
// Node, once per standard library given (null: Pyodide's own).
// Usage: node engine_ops.mjs REQUEST_JSON  ({wheel, bank, calls: [[op, payload]], stdlibs: [zip or null], modules})
// Prints [{stdlib, python, imported, replies}] as JSON.
import { readFile } from "node:fs/promises";
import { loadPyodide } from "pyodide";

const request = JSON.parse(await readFile(process.argv[2], "utf8"));
const wheel = new Uint8Array(await readFile(request.wheel));
const bank = await readFile(request.bank, "utf8");
const results = [];
for (const stdlib of request.stdlibs) {
  const pyodide = await loadPyodide(stdlib ? { stdLibURL: stdlib } : {});
  pyodide.unpackArchive(wheel, "wheel");
  pyodide.globals.set("BANK_JSON", bank);
  pyodide.globals.set("REQUEST", JSON.stringify({ calls: request.calls, modules: request.modules }));
  const out = pyodide.runPython(`
import importlib, json, sys
from scorecard.browser import BrowserApi
request = json.loads(REQUEST)
imported = [importlib.import_module(name).__name__ for name in request["modules"]]
api = BrowserApi(BANK_JSON)
replies = [json.loads(api.call(op, json.dumps(payload))) for op, payload in request["calls"]]
json.dumps({"python": sys.version, "imported": imported, "replies": replies})
`);
  results.push({ stdlib, ...JSON.parse(out) });
}
process.stdout.write(JSON.stringify(results));
