"""One engine: CPython and Pyodide (Python 3.14 in Node) give identical results.

Scores a set of generated assessments (every council type, every answer type, N/A,
unanswered and follow-on questions) in both, through the same BrowserApi the site uses.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from scorecard.browser import BrowserApi
from scorecard.sitegen.wheel import build_engine_wheel
from scorecard.testing import random_assessment

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "tests" / "pyodide" / "score_all.mjs"

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is needed to run Pyodide")


def assessments(bank) -> list[dict]:
    rng = random.Random(20261123)
    cases = []
    for council_type in sorted(bank.council_types):
        for rate in (1.0, 0.85, 0.5, 0.2, 0.0, 0.95, 0.7):
            cases.append(random_assessment(bank, rng, council_type, answer_rate=rate))
    # every question answered with each of its options at least once, for every answer type
    for question in bank.questions.values():
        for option in question.options:
            council_type = next(c.id for c in bank.council_types.values() if question.asked_of(c.nation, c.functions))
            case = random_assessment(bank, rng, council_type, answer_rate=0.6)
            case["answers"][question.id] = [option.id] if question.type == "multi" else option.id
            cases.append(case)
    # an invalid file gives the same problems in both
    bad = random_assessment(bank, rng, "county")
    bad["answers"]["NOT-01"] = "yes"
    cases.append(bad)
    return cases


def test_cpython_and_pyodide_agree(real_compiled, real_bank, tmp_path):
    cases = assessments(real_bank)
    assert len(cases) >= 30
    assert {c["council"]["type"] for c in cases} == set(real_bank.council_types)
    wheel = build_engine_wheel(tmp_path / "wheel")
    (tmp_path / "bank.json").write_text(json.dumps(real_compiled))
    (tmp_path / "cases.json").write_text(json.dumps(cases))

    api = BrowserApi(json.dumps(real_compiled))
    expected = [json.loads(api.call("score", json.dumps(case))) for case in cases]

    done = subprocess.run(["node", str(SCRIPT), str(wheel), str(tmp_path / "bank.json"), str(tmp_path / "cases.json")],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    pyodide = json.loads(done.stdout)
    assert pyodide["python"].startswith("3.14"), pyodide["python"]
    assert len(pyodide["replies"]) == len(expected)
    for case, mine, theirs in zip(cases, expected, pyodide["replies"]):
        assert theirs == mine, case["council"]
    assert sum(not r["ok"] for r in expected) == 1
