"""The engine and its browser adapter run in Pyodide from a pure-Python wheel: standard library only."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from .helpers import ROOT


def absolute_imports(path: Path) -> set[str]:
    """Every module the file imports, at the top or inside functions; relative imports left out."""
    imported = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            imported.add(node.module.split(".")[0])
    return imported


RUNTIME = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "scorecard" / "engine").rglob("*.py")) + [
    "scorecard/browser.py"
]


@pytest.mark.parametrize("path", RUNTIME)
def test_what_the_browser_imports_is_standard_library_only(path):
    """The engine and its browser adapter run in Pyodide: nothing outside the standard library."""
    assert absolute_imports(ROOT / path) <= set(sys.stdlib_module_names) | {"__future__"}
