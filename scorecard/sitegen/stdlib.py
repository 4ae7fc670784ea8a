"""A trimmed standard library for the browser: only what Pyodide's start-up and the engine import.

Pyodide's python_stdlib.zip is 2.5 MB of already-deflated sources (it does not compress on the
wire), and Python compiles each module it imports from it at every start. The build starts
Pyodide under Node with the full library, imports every module the engine can import, keeps
exactly the standard-library modules that were loaded, compiles them with that Pyodide's own
Python (bytecode, so the browser does not compile them at start-up), and stores them
uncompressed, so brotli and gzip on the wire compress across files. Then it starts Pyodide with
only the trimmed zip and imports the same modules: a module missing from it fails the build,
not an officer's browser. The engine's own modules are compiled by the same Python in the same
run, and the check imports them compiled (the wheel the site ships, wheel.build_compiled_wheel).
The results are cached (build_cache) by a hash of their inputs.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from . import build_cache
from .errors import BuildError

TRACE_SCRIPT = Path(__file__).with_name("stdlib_trace.mjs")
# The module the browser's worker imports (site/assets/worker.mjs): the engine is what it reaches.
ENTRY = "scorecard.browser"
STDLIB_NAME = "python_stdlib_scorecard.zip"


class StdlibError(BuildError):
    """The trimmed standard library could not be built or does not hold what the engine imports."""


@dataclass(frozen=True)
class TrimmedStdlib:
    path: Path
    compiled_engine: Path  # the engine wheel with each module compiled to .pyc (wheel.build_compiled_wheel)
    python: str  # Pyodide's Python version, e.g. "3.14.0"
    modules: list[str]  # loaded from the zip at start-up or by the engine
    engine_modules: list[str]  # the engine's own modules the worker can import (ENTRY and what it imports)
    full_bytes: int  # Pyodide's own python_stdlib.zip
    not_in_pyodide: dict[str, str]  # imports that fail with the full library too (e.g. jinja2 in a CLI-only function)


def wheel_modules(wheel: Path) -> dict[str, tuple[str, bool]]:
    """Module name -> (source text, is a package) for every .py file in the engine wheel."""
    modules = {}
    with zipfile.ZipFile(wheel) as archive:
        for name in archive.namelist():
            if name.endswith(".py") and ".dist-info/" not in name:
                module = name[:-3].replace("/", ".")
                is_package = module.endswith(".__init__")
                modules[module.removesuffix(".__init__")] = (archive.read(name).decode("utf-8"), is_package)
    return modules


def imported_names(module: str, source: str, is_package: bool) -> set[str]:
    """Every module an import statement names, anywhere in the file (inside functions too)."""
    package = module if is_package else module.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
    return {n for n in names if n and n.split(".")[0] != "__future__"}


def engine_imports(wheel: Path, entry: str = ENTRY) -> list[str]:
    """The engine's modules reachable from the worker's entry module, and everything they import."""
    sources = wheel_modules(wheel)
    if entry not in sources:
        raise StdlibError(f"the engine wheel has no {entry} module")
    top = entry.split(".")[0]
    seen: set[str] = set()
    external: set[str] = set()
    todo = [entry]
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        for name in imported_names(module, *sources[module]):
            if name.split(".")[0] != top:
                external.add(name)
            elif name in sources:
                todo.append(name)
            # `from pkg import function` also names pkg.function, which is not a module: skipped
    return sorted(seen) + sorted(external)


def build_trimmed_stdlib(pyodide_dir: Path, wheel: Path, dest: Path, compiled: Path) -> TrimmedStdlib:
    """Write the trimmed library to dest, and the engine compiled to bytecode to compiled (from the
    cache when their inputs are unchanged)."""
    full = pyodide_dir / "python_stdlib.zip"
    modules = engine_imports(wheel)
    key = build_cache.digest(
        full.read_bytes(),
        (pyodide_dir / "package.json").read_bytes(),
        TRACE_SCRIPT.read_bytes(),
        json.dumps(modules),
        wheel.read_bytes(),
    )
    kept = {suffix: build_cache.read("stdlib", key + suffix) for suffix in (".zip", "-engine.zip", ".json")}
    cached = {suffix: data for suffix, data in kept.items() if data is not None}
    if len(cached) == len(kept):
        dest.write_bytes(cached[".zip"])
        compiled.write_bytes(cached["-engine.zip"])
        report = json.loads(cached[".json"])
    else:
        report = run_trace(pyodide_dir, wheel, modules, dest, compiled)
        build_cache.write("stdlib", key + ".zip", dest.read_bytes())
        build_cache.write("stdlib", key + "-engine.zip", compiled.read_bytes())
        build_cache.write("stdlib", key + ".json", json.dumps(report).encode("utf-8"))
    engine = [m for m in modules if is_engine(m)]
    return TrimmedStdlib(
        dest,
        compiled,
        report["full"]["python"],
        sorted(report["full"]["loaded"]),
        engine,
        full.stat().st_size,
        report["full"]["failed"],
    )


def is_engine(module: str) -> bool:
    return module.split(".")[0] == ENTRY.split(".")[0]


def run_trace(pyodide_dir: Path, wheel: Path, modules: list[str], dest: Path, compiled: Path) -> dict:
    node = shutil.which("node")
    if node is None:
        raise StdlibError(
            "Node.js is needed to build the browser's standard library (it runs Pyodide): "
            "install it with npm (scripts/setup)"
        )
    with tempfile.TemporaryDirectory() as tmp:
        request = Path(tmp) / "request.json"
        request.write_text(
            json.dumps(
                {
                    "pyodide": str(pyodide_dir.resolve()),
                    "wheel": str(wheel.resolve()),
                    "modules": modules,
                    "out": str(dest.resolve()),
                    "compiled": str(compiled.resolve()),
                }
            ),
            encoding="utf-8",
        )
        done = subprocess.run([node, str(TRACE_SCRIPT), str(request)], capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise StdlibError(f"tracing the standard library in Pyodide failed:\n{done.stderr.strip()[-2000:]}")
    report = json.loads(done.stdout)
    check(report, modules)
    return report


def check(report: dict, modules: list[str]) -> None:
    """The trimmed library must import everything the full one does, loading the same modules."""
    full, trimmed = report["full"], report["trimmed"]
    engine = [m for m in modules if is_engine(m)]
    broken = [m for m in engine if m in full["failed"]]
    if broken:
        raise StdlibError(
            "engine modules fail to import in Pyodide even with the full standard library: "
            + "; ".join(f"{m}: {full['failed'][m]}" for m in broken)
        )
    lost = sorted(set(trimmed["failed"]) - set(full["failed"]))
    missing = sorted(set(full["loaded"]) - set(trimmed["loaded"]))
    if lost or missing:
        raise StdlibError(
            "the trimmed standard library is incomplete: "
            + "; ".join([f"{m}: {trimmed['failed'][m]}" for m in lost] + [f"{m} not loaded" for m in missing])
        )
