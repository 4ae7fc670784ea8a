"""The engine wheel the browser's Pyodide installs: a pure-Python wheel unpacked as is."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .errors import BuildError

ROOT = Path(__file__).resolve().parents[2]


def build_engine_wheel(dest: Path) -> Path:
    """`pip wheel` the scorecard package: a pure-Python wheel Pyodide unpacks as is."""
    dest.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        # From a fresh copy of the sources: built in place, setuptools reuses ./build/lib, so a
        # module deleted from scorecard/ would still be shipped to the browser.
        source = Path(tmp) / "source"
        shutil.copytree(ROOT / "scorecard", source / "scorecard", ignore=shutil.ignore_patterns("__pycache__"))
        for name in ("pyproject.toml", "README.md"):
            shutil.copy2(ROOT / name, source / name)
        command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet", "-w", tmp, str(source)]
        done = subprocess.run(command, capture_output=True, text=True)
        wheels = list(Path(tmp).glob("scorecard-*.whl"))
        if done.returncode != 0 or not wheels:
            raise BuildError(f"building the engine wheel failed:\n{done.stderr.strip()}")
        return Path(shutil.copy2(wheels[0], dest / wheels[0].name))
