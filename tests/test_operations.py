"""The operations the command line and the browser's worker share (engine/operations.py), and the worker's
JSON adapter over them (browser.py).

What each operation returns is tested where its rules are (scoring, comparison, merge, the plan, the
yearly cycle), through the CLI and in Pyodide (tests/pyodide/test_parity.py); here, that the worker
offers exactly the operations the site calls, and answers bad input with problems, not an exception.
"""

from __future__ import annotations

import json
import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from scorecard.browser import OPERATIONS, BrowserApi
from scorecard.engine import operations
from scorecard.testing import random_assessment
from tests.helpers import ROOT, make_assessment

CALL = re.compile(r"\bcall\(([^,]*),")  # engine.js's call(op, payload); op may be a choice: a ? "score" : "live_score"


def operations_the_site_calls() -> set[str]:
    called = set()
    for script in (ROOT / "site").rglob("*.js"):
        for op in CALL.findall(script.read_text(encoding="utf-8")):
            called.update(re.findall(r'"(\w+)"', op))
    return called


def test_the_worker_offers_exactly_the_operations_the_site_calls():
    """An operation no page calls is dead code in every officer's download (plan_import was, untested)."""
    called = operations_the_site_calls()
    assert {"score", "live_score", "compare"} <= called  # the pattern still finds the calls
    assert set(OPERATIONS) == called


def test_bad_input_comes_back_as_problems(real_compiled):
    api = BrowserApi(json.dumps(real_compiled))
    reply = json.loads(api.call("score", json.dumps({"format": "not an assessment"})))
    assert reply["ok"] is False and reply["problems"] and reply["problem_details"][0]["code"]
    reply = json.loads(api.call("compare", json.dumps({"files": [], "options": {"colour": "red"}})))
    assert reply == {
        "ok": False,
        "problems": ["unknown comparison option 'colour'"],
        "problem_details": [
            {
                "code": "comparison_option_unknown",
                "params": {"option": "colour"},
                "message": "unknown comparison option 'colour'",
            }
        ],
    }


def test_every_set_aside_question_is_named_not_only_those_a_result_lists(mini_bank):
    """Issue 26, F16: a result lists a hundred set-aside answers; removing them all needs every one."""
    unknown = {f"ALP-{n}": "no" for n in range(100, 250)}
    data = make_assessment(mini_bank, "county", {"ALP-01": "yes", **unknown})
    assert len(operations.score(mini_bank, data)["result"]["changes"]["set_aside"]) == 100
    assert operations.set_aside(mini_bank, data) == {"questions": sorted(unknown)}


@settings(max_examples=30)
@given(seed=st.integers(0, 10_000))
def test_a_file_without_names_has_no_who_or_when_and_scores_the_same(seed, real_bank):
    """Issue 26, F27: a file for people outside the team leaves out each editor's name and change times (and who
    was given which theme); nothing else changes, so it scores the same."""
    data = random_assessment(real_bank, random.Random(seed))
    data["provenance"] = {q: {"at": "2026-11-02T09:00:00.000Z", "by": "Jo Smith"} for q in data["answers"]}
    data["assignments"] = {"procurement": "Priya Buyer"}
    shared = operations.export_without_names(real_bank, data)["assessment"]
    assert "provenance" not in shared and "assignments" not in shared
    assert "Jo Smith" not in json.dumps(shared) and "Priya Buyer" not in json.dumps(shared)
    assert (
        operations.score(real_bank, shared)["result"]["themes"] == operations.score(real_bank, data)["result"]["themes"]
    )
