"""The site's JavaScript under its own fast tests: each tests/js/*.test.mjs run by Node's test runner
(node:test), in the fast stage. They test site/early/store.js (the saved assessment: shape check, merge by
provenance, tombstones, bank version order, tabs sharing one storage) without a browser."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TESTS = sorted((ROOT / "tests" / "js").glob("*.test.mjs"))


def test_there_are_javascript_tests():
    assert len(TESTS) >= 2


@pytest.mark.parametrize("path", TESTS, ids=[p.name for p in TESTS])
def test_javascript(path: Path):
    if shutil.which("node") is None:
        pytest.fail("Node.js is needed (it is installed with the site's front-end packages)")
    done = subprocess.run(
        ["node", "--test", "--test-reporter=spec", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, (
        f"node --test {path.relative_to(ROOT)} failed:\n{done.stdout[-12_000:]}{done.stderr[-4000:]}"
    )
