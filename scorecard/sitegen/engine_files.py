"""The engine's files and version, written into the worker and the service worker.

The worker (site/assets/worker.mjs) keeps the files it downloads in the browser's Cache API, each
under a hash of its content, and keeps a memory snapshot of the started engine under the
engine's version: a hash of everything that shapes the started engine (Pyodide, its standard
library, the wheel, the bank and the worker itself). A changed version never restores an old
snapshot. The service worker fetches into the same store, on an update, only the files whose
hash it does not hold already.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from ..i18n import default_language

PLACEHOLDER = "/*__ENGINE__*/ null"
# The Pyodide runtime file that Pyodide itself fetches (pyodide.mjs and pyodide.asm.mjs are module
# scripts, imported rather than fetched: the service worker keeps those with the pages). Its lock
# file (120 kB listing packages the site never loads) is not shipped: the worker hands Pyodide the
# lock file's "info" and no packages.
RUNTIME_FETCHED = ["pyodide/pyodide.asm.wasm"]
RUNTIME_IMPORTED = ["pyodide/pyodide.mjs", "pyodide/pyodide.asm.mjs"]


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def wheel_hash(path: Path) -> str:
    """The wheel's members, not the zip: rebuilding the same sources gives the same version."""
    h = hashlib.sha256()
    with zipfile.ZipFile(path) as archive:
        for name in sorted(archive.namelist()):
            h.update(name.encode() + b"\0" + hashlib.sha256(archive.read(name)).digest())
    return h.hexdigest()


def engine_manifest(
    assets: Path,
    wheel: Path,
    stdlib: Path,
    bank_version: str,
    modules: list[str],
    lock: dict,
    banks: dict[str, str] | None = None,
) -> dict:
    """What the worker needs to know about its files; paths are from the site root (assets' parent).

    ``banks`` maps each language's code to its compiled bank's file in assets (default: the default language's
    bank.json only): a page's worker loads its own language's bank (``bank_file``), the same questions and rules
    with their words in that language, so a page in any language scores the same.
    """

    def key(path: Path) -> str:
        return path.relative_to(assets.parent).as_posix()

    lock = {"info": lock["info"], "packages": {}}
    banks = banks or {default_language(): bank_file(default_language())}
    common = [assets / p for p in RUNTIME_FETCHED] + [stdlib, wheel]
    fetched = common + [assets / name for name in banks.values()]
    files: dict[str, dict[str, Any]] = {}
    sizes: dict[str, int] = {}
    for path in fetched:
        digest = wheel_hash(path) if path == wheel else file_hash(path)
        sizes[key(path)] = path.stat().st_size
        files[key(path)] = {"key": digest[:16], "bytes": sizes[key(path)]}
    version = hashlib.sha256()
    for name in sorted(files):
        version.update(f"{name}={files[name]['key']}\n".encode())
    for name in RUNTIME_IMPORTED + ["worker.mjs"]:
        version.update(f"{name}={file_hash(assets / name)[:16]}\n".encode())
    version.update(json.dumps(lock, sort_keys=True).encode())
    common_bytes = sum(sizes[key(path)] for path in common)
    return {
        "version": version.hexdigest()[:16],
        "bank": bank_version,
        "stdlib": stdlib.relative_to(assets.parent).as_posix(),
        "bytes": sum(sizes.values()),
        # what one start downloads: the engine and its language's bank (the default language's where a page's
        # language has none)
        "default_language": default_language(),
        "banks": {
            code: {"path": key(assets / name), "bytes": common_bytes + sizes[key(assets / name)]}
            for code, name in banks.items()
        },
        "files": files,
        "modules": modules,  # imported before a snapshot is made (worker.mjs takeSnapshot)
        "lock": lock,
    }


def write_engine_manifest(assets: Path, manifest: dict) -> None:
    """Fill the manifest into the built worker.mjs (its source holds a placeholder)."""
    worker = assets / "worker.mjs"
    text = worker.read_text(encoding="utf-8")
    if PLACEHOLDER not in text:
        raise ValueError(f"{worker}: no {PLACEHOLDER} placeholder for the engine manifest")
    worker.write_text(text.replace(PLACEHOLDER, json.dumps(manifest, sort_keys=True), 1), encoding="utf-8")


def build_browser_engine(assets: Path, pyodide_package: Path):
    """The engine as the browser gets it: the trimmed standard library in assets/pyodide and the
    engine wheel, compiled by Pyodide's own Python, in assets/engine. Returns (wheel, TrimmedStdlib)."""
    from .stdlib import STDLIB_NAME, build_trimmed_stdlib
    from .wheel import build_compiled_wheel, build_engine_wheel

    (assets / "pyodide").mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        sources = build_engine_wheel(Path(tmp))
        stdlib = build_trimmed_stdlib(
            pyodide_package, sources, assets / "pyodide" / STDLIB_NAME, Path(tmp) / "compiled.zip"
        )
        wheel = build_compiled_wheel(stdlib.compiled_engine, stdlib.python, assets / "engine")
    return wheel, stdlib


def bank_file(code: str) -> str:
    """A language's compiled bank in the site's assets: bank.json (the default language's), bank-cy.json (not
    bank.cy.json, which mkdocs-static-i18n would take for the Welsh copy of bank.json and move to cy/assets/)."""
    return "bank.json" if code == default_language() else f"bank-{code}.json"


def prepare_engine(
    assets: Path, bank_version: str, pyodide_package: Path, banks: dict[str, str] | None = None
) -> tuple[Path, dict]:
    """Build the browser's engine (build_browser_engine), then write its manifest into the worker.
    Returns the wheel and the manifest."""
    wheel, stdlib = build_browser_engine(assets, pyodide_package)
    lock = json.loads((pyodide_package / "pyodide-lock.json").read_text(encoding="utf-8"))
    manifest = engine_manifest(assets, wheel, stdlib.path, bank_version, stdlib.engine_modules, lock, banks)
    write_engine_manifest(assets, manifest)
    return wheel, manifest
