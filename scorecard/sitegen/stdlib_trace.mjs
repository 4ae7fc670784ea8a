// Run by scorecard/sitegen/stdlib.py under Node: finds which standard-library modules Pyodide's
// start-up and the engine load, writes them (compiled by this Pyodide) to a trimmed zip, compiles
// the engine's own modules the same way (for the wheel the site ships, scorecard/sitegen/wheel.py),
// then starts Pyodide again with only the trimmed zip and the compiled engine and imports the same
// modules, to check both.
//
// node stdlib_trace.mjs REQUEST_JSON   (prints a JSON report on stdout)
// REQUEST_JSON: {pyodide: dir, wheel: file, modules: [names], out: zip file, compiled: zip file}
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

async function trace(options, engine = wheel) {
  const pyodide = await loadPyodide({ indexURL: request.pyodide, ...quiet, ...options });
  pyodide.unpackArchive(engine, "wheel"); // as the browser's worker does
  pyodide.runPython(INSPECT);
  const traceFn = pyodide.globals.get("_scorecard_trace");
  const report = JSON.parse(traceFn(pyodide.toPy(request.modules)));
  return { pyodide, report };
}

// Without column positions in the compiled code (tracebacks keep their line numbers, not the ^^^
// markers): about a twentieth of the bytecode's bytes.
const full = await trace({ env: { PYTHONNODEBUGRANGES: "1" } });
// Compile each loaded module with this Pyodide's own Python into an unchecked hash-based .pyc:
// start-up then reads bytecode instead of compiling about 130 modules in WebAssembly. Docstrings
// are left out (as python -OO does, but asserts stay): nothing the engine runs reads them, and
// they are a seventh of the bytes. The engine's modules are compiled the same way, each .py of the
// wheel as a .pyc beside where it was (Python imports a .pyc without its source); the build makes
// them into the wheel the site ships.
full.pyodide.globals.set("MEMBERS", JSON.stringify(Object.values(full.report.loaded).sort()));
full.pyodide.FS.writeFile("/tmp/engine.whl", wheel);
full.pyodide.runPython(`
import ast, importlib.util, json, sys, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

def without_docstrings(tree):
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                if len(node.body) > 1:
                    del node.body[0]  # (a module's: "from __future__" must then come first)
                else:
                    node.body[0] = ast.copy_location(ast.Pass(), first)
    return tree

def compiled(text, name):
    code = compile(without_docstrings(ast.parse(text, name)), name, "exec", dont_inherit=True)
    return bytes(_code_to_hash_pyc(code, importlib.util.source_hash(text), checked=False))

def write_compiled(source, members, out, keep=()):
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as written:
        for member in members:
            written.writestr(zipfile.ZipInfo(member + "c", (2020, 1, 1, 0, 0, 0)), compiled(source.read(member), member))
        for member in keep:
            written.writestr(source.getinfo(member), source.read(member))

write_compiled(zipfile.ZipFile(f"/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip"), json.loads(MEMBERS), "/tmp/trimmed.zip")
engine = zipfile.ZipFile("/tmp/engine.whl")
sources = sorted(n for n in engine.namelist() if n.endswith(".py"))
write_compiled(engine, sources, "/tmp/compiled.whl", keep=[n for n in engine.namelist() if n not in sources])
`);
const compiledEngine = full.pyodide.FS.readFile("/tmp/compiled.whl");
await writeFile(request.out, full.pyodide.FS.readFile("/tmp/trimmed.zip"));
await writeFile(request.compiled, compiledEngine);

// The check: the trimmed library, and the engine as compiled (its wheel's RECORD is written again by the build).
const trimmed = await trace({ stdLibURL: request.out }, compiledEngine);
process.stdout.write(JSON.stringify({ full: full.report, trimmed: trimmed.report }));
