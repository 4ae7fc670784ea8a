// Run by scorecard/sitegen/stdlib.py under Node: finds which standard-library modules Pyodide's
// start-up and the engine load, writes them (compiled by this Pyodide) to a trimmed zip, then
// starts Pyodide again with only that zip and imports the same modules, to check it.
//
// node stdlib_trace.mjs REQUEST_JSON   (prints a JSON report on stdout)
// REQUEST_JSON: {pyodide: dir, wheel: file, modules: [names], out: zip file}
import { readFile, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";

const request = JSON.parse(await readFile(process.argv[2], "utf8"));
const { loadPyodide } = await import(pathToFileURL(`${request.pyodide}/pyodide.mjs`).href);
const wheel = new Uint8Array(await readFile(request.wheel));
const quiet = { stdout: () => {}, stderr: () => {} };

// The modules Python has loaded from the standard-library zip (not built in, not frozen), and
// which of the requested modules could be imported. Import errors are reported, not raised:
// an engine module may import something Pyodide lacks inside a function it never calls there.
const INSPECT = `
import importlib, json, sys
def _scorecard_trace(names):
    failed = {}
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as error:
            parent, _, attr = name.rpartition(".")
            if parent and hasattr(sys.modules.get(parent), attr):
                continue  # \`from parent import attr\` names a function or class, not a module
            failed[name] = f"{type(error).__name__}: {error}"
    loaded = {}
    for mod_name, module in list(sys.modules.items()):
        origin = getattr(getattr(module, "__spec__", None), "origin", None) or ""
        marker = ".zip/"
        if marker in origin and origin.split(marker, 1)[0].startswith("/lib/python"):
            loaded[mod_name] = origin.split(marker, 1)[1]
    return json.dumps({"failed": failed, "loaded": loaded, "python": sys.version.split()[0]})
`;

async function trace(options) {
  const pyodide = await loadPyodide({ indexURL: request.pyodide, ...quiet, ...options });
  pyodide.unpackArchive(wheel, "wheel"); // as the browser's worker does
  pyodide.runPython(INSPECT);
  const traceFn = pyodide.globals.get("_scorecard_trace");
  const report = JSON.parse(traceFn(pyodide.toPy(request.modules)));
  return { pyodide, report };
}

const full = await trace({});
// Compile each loaded module with this Pyodide's own Python into an unchecked hash-based .pyc:
// start-up then reads bytecode instead of compiling about 130 modules in WebAssembly. Docstrings
// are left out (as python -OO does, but asserts stay): nothing the engine runs reads them, and
// they are a seventh of the bytes.
full.pyodide.globals.set("MEMBERS", JSON.stringify(Object.values(full.report.loaded).sort()));
full.pyodide.runPython(`
import ast, importlib.util, json, sys, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

def without_docstrings(tree):
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                node.body[0] = ast.copy_location(ast.Pass(), first)
    return tree

source = zipfile.ZipFile(f"/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip")
with zipfile.ZipFile("/tmp/trimmed.zip", "w", zipfile.ZIP_STORED) as out:
    for member in json.loads(MEMBERS):
        text = source.read(member)
        code = compile(without_docstrings(ast.parse(text, member)), member, "exec", dont_inherit=True)
        data = _code_to_hash_pyc(code, importlib.util.source_hash(text), checked=False)
        out.writestr(zipfile.ZipInfo(member + "c", (2020, 1, 1, 0, 0, 0)), bytes(data))
`);
await writeFile(request.out, full.pyodide.FS.readFile("/tmp/trimmed.zip"));

const trimmed = await trace({ stdLibURL: request.out });
process.stdout.write(JSON.stringify({ full: full.report, trimmed: trimmed.report }));
