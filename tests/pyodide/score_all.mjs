// Scores assessments with the scorecard engine inside Pyodide under Node, for the parity
// test. Usage: node score_all.mjs WHEEL BANK_JSON ASSESSMENTS_JSON  (prints results JSON)
import { readFile } from "node:fs/promises";
import { loadPyodide } from "pyodide";

const [wheelPath, bankPath, assessmentsPath] = process.argv.slice(2);
const pyodide = await loadPyodide();
pyodide.unpackArchive(new Uint8Array(await readFile(wheelPath)), "wheel");
pyodide.globals.set("BANK_JSON", await readFile(bankPath, "utf8"));
pyodide.globals.set("ASSESSMENTS_JSON", await readFile(assessmentsPath, "utf8"));
const out = pyodide.runPython(`
import json, sys
from scorecard.browser import BrowserApi
api = BrowserApi(BANK_JSON)
replies = [json.loads(api.call("score", json.dumps(a))) for a in json.loads(ASSESSMENTS_JSON)]
json.dumps({"python": sys.version, "replies": replies})
`);
process.stdout.write(out);
