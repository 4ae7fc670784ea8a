"""The browser's trimmed standard library holds everything the engine imports.

`scorecard build` traces it in Pyodide and checks it (scorecard/sitegen/stdlib.py). Here the trace
runs from scratch (an empty build cache), then every engine module is imported and every engine
operation run in Pyodide with only the trimmed library: the replies are those Pyodide gives with
its own full library. (CPython's replies are the parity test's business, tests/pyodide/test_parity.py.)
"""

from __future__ import annotations

import json
import random
import subprocess
import zipfile
from pathlib import Path

import pytest

from scorecard.browser import BrowserApi
from scorecard.sitegen.engine_files import build_browser_engine
from scorecard.sitegen.stdlib import StdlibError, check, engine_imports
from scorecard.sitegen.wheel import build_engine_wheel
from scorecard.testing import random_assessment

from ..helpers import ROOT

SCRIPT = Path(__file__).resolve().parent / "engine_ops.mjs"
PYODIDE = ROOT / "node_modules" / "pyodide"


def engine_calls(bank) -> list:
    rng = random.Random(20261201)
    files = [random_assessment(bank, rng, council_type) for council_type in sorted(bank.council_types)]
    calls = [["score", assessment] for assessment in files]
    calls.append(["import", {"text": json.dumps(files[1])}])
    calls.append(["actions_csv", {"assessment": files[2]}])
    calls.append(["compare", {"files": [{"name": f"{i}.json", "text": json.dumps(a)} for i, a in enumerate(files)]}])
    return calls


def test_engine_runs_in_pyodide_with_only_the_trimmed_library(tmp_path, monkeypatch, real_compiled, real_bank):
    monkeypatch.setenv("SCORECARD_CACHE_DIR", str(tmp_path / "cache"))  # trace for real, not from a cache
    wheel, trimmed = build_browser_engine(tmp_path / "assets", PYODIDE)  # the engine compiled, as the site ships it

    with zipfile.ZipFile(trimmed.path) as archive, zipfile.ZipFile(PYODIDE / "python_stdlib.zip") as full:
        names = archive.namelist()
        assert all(name.endswith(".pyc") for name in names)  # compiled at build time, by Pyodide
        assert {"json/__init__.pyc", "dataclasses.pyc", "statistics.pyc", "csv.pyc"} <= set(names)
        assert len(names) < len([n for n in full.namelist() if n.endswith(".py")]) / 3
    assert set(trimmed.engine_modules) >= {"scorecard.browser", "scorecard.engine", "scorecard.engine.comparison"}

    api = BrowserApi(json.dumps(real_compiled))
    calls = engine_calls(real_bank)
    comparison = json.loads(api.call("compare", json.dumps(calls[-1][1])))["comparison"]
    calls.append(["compare_csv", {"comparison": comparison}])
    (tmp_path / "bank.json").write_text(json.dumps(real_compiled))
    request = {
        "wheel": str(wheel),
        "bank": str(tmp_path / "bank.json"),
        "calls": calls,
        "stdlibs": [None, str(trimmed.path)],
        "modules": trimmed.engine_modules,
    }
    (tmp_path / "request.json").write_text(json.dumps(request))
    done = subprocess.run(
        ["node", str(SCRIPT), str(tmp_path / "request.json")], capture_output=True, text=True, cwd=ROOT, timeout=600
    )
    assert done.returncode == 0, done.stderr
    full, mine = json.loads(done.stdout)
    assert mine["python"].startswith("3.14")
    assert mine["imported"] == trimmed.engine_modules
    assert all(reply["ok"] for reply in mine["replies"]), [r for r in mine["replies"] if not r["ok"]]
    assert len(mine["replies"]) == len(calls)
    assert mine["replies"] == full["replies"]


def test_engine_imports_follow_the_worker_entry(tmp_path):
    wheel = build_engine_wheel(tmp_path / "wheel")
    names = engine_imports(wheel)
    assert names[0] == "scorecard.browser"
    # imported inside functions, on first use: still listed, so the trimmed library holds them
    assert {"scorecard.engine.comparison", "scorecard.engine.csv_export", "statistics", "csv"} <= set(names)
    assert "scorecard.cli" not in names and "yaml" not in names  # not reachable from the browser's entry


def test_check_refuses_a_library_that_lost_a_module():
    full = {"loaded": {"json": "json/__init__.py", "csv": "csv.py"}, "failed": {}}
    with pytest.raises(StdlibError, match="csv not loaded"):
        check(
            {"full": full, "trimmed": {"loaded": {"json": "json/__init__.pyc"}, "failed": {}}}, ["scorecard.x", "csv"]
        )
    with pytest.raises(StdlibError, match="csv: ModuleNotFoundError"):
        check(
            {"full": full, "trimmed": {"loaded": full["loaded"], "failed": {"csv": "ModuleNotFoundError: csv"}}},
            ["scorecard.x", "csv"],
        )
    with pytest.raises(StdlibError, match="scorecard.x"):
        check({"full": {**full, "failed": {"scorecard.x": "ImportError"}}, "trimmed": full}, ["scorecard.x"])
    check({"full": full, "trimmed": full}, ["scorecard.x", "csv"])  # the same modules: accepted
