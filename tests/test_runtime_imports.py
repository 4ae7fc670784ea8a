"""The engine and its browser adapter run in Pyodide from a pure-Python wheel: standard library only, and
nothing of the package outside the wheel (scorecard/__init__.py, scorecard/engine/, scorecard/browser.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from scorecard.sitegen.stdlib import imported_names

from .helpers import ROOT

PACKAGE = ROOT / "scorecard"
RUNTIME = sorted(str(p.relative_to(ROOT)) for p in (PACKAGE / "engine").rglob("*.py")) + ["scorecard/browser.py"]


def imports(path: Path) -> tuple[set[str], set[str]]:
    """What the file imports, at the top or inside functions, relative imports resolved as the build's trace
    resolves them (sitegen/stdlib.py): (the top-level names of what is not the package, the package's names)."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    is_package = parts[-1] == "__init__"
    names = imported_names(".".join(parts[:-1] if is_package else parts), path.read_text(encoding="utf-8"), is_package)
    own = {name for name in names if name == "scorecard" or name.startswith("scorecard.")}
    return {name.split(".")[0] for name in names - own}, own


def engine(name: str) -> bool:
    return name == "scorecard.engine" or name.startswith("scorecard.engine.")


@pytest.mark.parametrize("path", RUNTIME)
def test_what_the_browser_imports_is_standard_library_only(path):
    """The engine and its browser adapter run in Pyodide: nothing outside the standard library."""
    outside, _ = imports(ROOT / path)
    assert outside <= set(sys.stdlib_module_names)


@pytest.mark.parametrize("path", RUNTIME)
def test_what_the_browser_imports_of_the_package_is_in_the_wheel(path):
    """`from .. import bundled` or `from ..sitegen import x` in the engine would fail in the browser: the wheel
    holds the engine and its adapter only. The engine never reaches up to the adapter either."""
    _, own = imports(ROOT / path)
    adapter = path == "scorecard/browser.py"  # may also read the package's face (its version)
    assert {name for name in own if not (engine(name) or (adapter and name == "scorecard"))} == set()


def test_relative_imports_are_resolved():
    """The checks above read `from .x import y`, `from .. import z` and `from . import w` as the package's modules."""
    _, own = imports(PACKAGE / "engine" / "comparison" / "compare.py")
    assert {"scorecard.engine.assessment", "scorecard.engine.comparison.councils"} <= own
    _, own = imports(PACKAGE / "engine" / "__init__.py")
    assert {"scorecard.engine.operations", "scorecard.engine.assessment"} <= own
    _, own = imports(PACKAGE / "browser.py")
    assert "scorecard.engine.operations" in own and not any(name.startswith("scorecard.browser") for name in own)
