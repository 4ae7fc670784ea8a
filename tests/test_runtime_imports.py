"""The engine and its browser adapter run in Pyodide from a pure-Python wheel: standard library only, and
nothing of the package outside the wheel (scorecard/__init__.py, scorecard/engine/, scorecard/browser.py)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from .helpers import ROOT

PACKAGE = ROOT / "scorecard"
RUNTIME = sorted(str(p.relative_to(ROOT)) for p in (PACKAGE / "engine").rglob("*.py")) + ["scorecard/browser.py"]


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> tuple[set[str], set[str]]:
    """Every module the file imports, at the top or inside functions: (standard library or other top-level
    names, the package's own modules), relative imports resolved to the package's full names."""
    here = module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    outside, own = set(), set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
            stem = ".".join(base + ([node.module] if node.module else []))
            # from . import operations: a module of the package, not a name in it
            names = [stem] if node.module else [f"{stem}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            (own if name == "scorecard" or name.startswith("scorecard.") else outside).add(name)
    return {name.split(".")[0] for name in outside}, own


def engine(name: str) -> bool:
    return name == "scorecard.engine" or name.startswith("scorecard.engine.")


@pytest.mark.parametrize("path", RUNTIME)
def test_what_the_browser_imports_is_standard_library_only(path):
    """The engine and its browser adapter run in Pyodide: nothing outside the standard library."""
    outside, _ = imports(ROOT / path)
    assert outside <= set(sys.stdlib_module_names) | {"__future__"}


@pytest.mark.parametrize("path", RUNTIME)
def test_what_the_browser_imports_of_the_package_is_in_the_wheel(path):
    """`from .. import bundled` or `from ..sitegen import x` in the engine would fail in the browser: the wheel
    holds the engine and its adapter only. The engine never reaches up to the adapter either."""
    _, own = imports(ROOT / path)
    adapter = path == "scorecard/browser.py"  # may also read the package's face (its version)
    assert {name for name in own if not (engine(name) or (adapter and name == "scorecard"))} == set()


def test_relative_imports_are_resolved():
    """The check above reads `from .x import y`, `from .. import z` and `from . import w` as the package's modules."""
    _, own = imports(PACKAGE / "engine" / "comparison" / "compare.py")
    assert {"scorecard.engine.assessment", "scorecard.engine.comparison.councils"} <= own
    _, own = imports(PACKAGE / "engine" / "__init__.py")
    assert {"scorecard.engine.operations", "scorecard.engine.assessment"} <= own
    _, own = imports(PACKAGE / "browser.py")
    assert own == {"scorecard.engine"}
