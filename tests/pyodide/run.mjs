// One Pyodide (Python 3.14, under Node) for a whole test session: the engine wheel unpacked
// into it and nothing else, the way the site's worker starts.
// Usage: node run.mjs WHEEL. Prints {"python": sys.version} when ready, then answers each job
// line on stdin ({"code": "...", "input": any}) with one line: {"ok": true, "value": ...} or
// {"ok": false, "error": "..."}. The code reads INPUT_JSON and ends with an expression giving
// JSON text; each job runs in fresh globals.
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { loadPyodide } from "pyodide";

const toStderr = (text) => process.stderr.write(text + "\n");
const pyodide = await loadPyodide({ stdout: toStderr, stderr: toStderr });
pyodide.unpackArchive(new Uint8Array(await readFile(process.argv[2])), "wheel");
const reply = (message) => process.stdout.write(JSON.stringify(message) + "\n");
reply({ python: pyodide.runPython("import sys; sys.version") });

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  const job = JSON.parse(line);
  const globals = pyodide.toPy({ INPUT_JSON: JSON.stringify(job.input ?? null) });
  try {
    reply({ ok: true, value: JSON.parse(pyodide.runPython(job.code, { globals })) });
  } catch (error) {
    reply({ ok: false, error: String(error && error.message ? error.message : error) });
  } finally {
    globals.destroy();
  }
}
