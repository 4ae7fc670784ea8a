"""One engine wheel and one Pyodide per test session, for every CPython-against-Pyodide check.

The wheel is the one ``scorecard build`` ships (``engine_files.build_browser_engine``: the engine
compiled to bytecode by this Pyodide's own Python); Pyodide runs in Node from
``node_modules/pyodide`` (``npm ci``) with that wheel unpacked and nothing else. Pyodide takes
seconds to start, so when the session has tests that need it, it starts as soon as collection
ends and loads while the other tests run.
"""

from __future__ import annotations

import json
import queue
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Any

import pytest

from scorecard.sitegen.engine_files import build_browser_engine

ROOT = Path(__file__).resolve().parents[2]
RUN = Path(__file__).resolve().parent / "run.mjs"
TIMEOUT = 300  # seconds for Pyodide to start, or for one job


class Pyodide:
    """A Node process running tests/pyodide/run.mjs: send Python code, get JSON back."""

    def __init__(self, wheel: Path):
        self.process = subprocess.Popen(
            ["node", str(RUN), str(wheel)],
            cwd=ROOT,
            text=True,
            encoding="utf-8",
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self._python: str | None = None

    @property
    def python(self) -> str:
        """sys.version inside Pyodide; waits until Pyodide has started."""
        if self._python is None:
            self._python = self._next()["python"]
        return self._python

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put("")  # Node ended

    def _next(self) -> dict[str, Any]:
        try:
            line = self.lines.get(timeout=TIMEOUT)
        except queue.Empty:
            raise AssertionError(f"Pyodide gave no answer in {TIMEOUT} s") from None
        if not line:
            raise AssertionError(f"Pyodide ended (exit code {self.process.wait()}); its errors are above")
        return json.loads(line)

    def run(self, code: str, data: Any = None) -> Any:
        """Run ``code`` (it reads INPUT_JSON, ``data`` as JSON, and ends with JSON text); return its value."""
        assert self.python
        self.process.stdin.write(json.dumps({"code": code, "input": data}) + "\n")
        self.process.stdin.flush()
        answer = self._next()
        assert answer["ok"], answer["error"]
        return answer["value"]

    def close(self) -> None:
        self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def node_ready() -> bool:
    return shutil.which("node") is not None and (ROOT / "node_modules" / "pyodide").is_dir()


EARLY: dict[str, Any] = {}  # the Pyodide started at the end of collection, and its wheel's folder


def pytest_collection_modifyitems(items):
    """Every test in this folder needs Node and node_modules/pyodide: `-m "not pyodide"` leaves them all out."""
    here = Path(__file__).resolve().parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.pyodide)


def pytest_collection_finish(session):
    if node_ready() and any("pyodide" in getattr(item, "fixturenames", ()) for item in session.items):
        folder = Path(tempfile.mkdtemp(prefix="scorecard-engine-"))
        EARLY.update(folder=folder, runtime=Pyodide(shipped_wheel(folder)))


def pytest_sessionfinish(session):
    if EARLY:
        EARLY.pop("runtime").close()
        shutil.rmtree(EARLY.pop("folder"), ignore_errors=True)


def shipped_wheel(folder: Path) -> Path:
    """The engine wheel the site ships: compiled by Pyodide's Python (cached by the build after the first time)."""
    return build_browser_engine(folder, ROOT / "node_modules" / "pyodide")[0]


@pytest.fixture(scope="session")
def engine_wheel(tmp_path_factory) -> Path:
    return shipped_wheel(tmp_path_factory.mktemp("engine"))


@pytest.fixture(scope="session")
def pyodide(engine_wheel):
    """The session's Pyodide: the one started early (from an identical wheel: the build is byte-stable), or a new one."""
    if not node_ready():
        pytest.fail("Node.js and node_modules/pyodide are needed to run Pyodide: run `npm ci` (scripts/setup does)")
    if "runtime" in EARLY:
        yield EARLY["runtime"]
        return
    runtime = Pyodide(engine_wheel)
    yield runtime
    runtime.close()
