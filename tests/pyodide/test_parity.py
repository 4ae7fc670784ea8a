"""One engine: CPython and Pyodide (Python 3.14 in Node) give identical results.

Every check goes through the same BrowserApi the site's worker uses, with the wheel the site
ships: scoring generated assessments (every council type, every answer type, N/A, unanswered
and follow-on questions), importing a file, the action-plan CSV, and comparing the example
region with broken files mixed in.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from scorecard.browser import BrowserApi
from scorecard.i18n import engine_catalogue_mo, translated_languages
from scorecard.testing import random_assessment

ROOT = Path(__file__).resolve().parents[2]
REGION = ROOT / "examples" / "region"


# In Pyodide: the same calls on a BrowserApi made from the same compiled bank (a call's third item: the page's language;
# the catalogues are the wheel's).
CALLS = """
import json
from scorecard.browser import BrowserApi
job = json.loads(INPUT_JSON)
api = BrowserApi(json.dumps(job["bank"]))
json.dumps([json.loads(api.call(op, json.dumps(payload), *lang)) for op, payload, *lang in job["calls"]])
"""


def assessments(bank) -> list[dict]:
    rng = random.Random(20261123)
    cases = []
    for council_type in sorted(bank.council_types):
        for rate in (1.0, 0.85, 0.5, 0.2, 0.0, 0.95, 0.7):
            cases.append(random_assessment(bank, rng, council_type, answer_rate=rate))
    # every question answered with each of its options at least once, for every answer type: the
    # k-th case of a council type answers each question asked of it with its k-th option
    most = max(len(q.options) for q in bank.questions.values())
    for council_type in sorted(bank.council_types):
        ctype = bank.council_types[council_type]
        for k in range(most):
            case = random_assessment(bank, rng, council_type, answer_rate=0.0)
            for question in bank.asked_of(ctype.nation, ctype.functions):
                option = question.options[k % len(question.options)].id
                case["answers"][question.id] = [option] if question.type == "multi" else option
            cases.append(case)
    # an answer to a question the bank does not know is set aside the same way in both
    unknown = random_assessment(bank, rng, "county")
    unknown["answers"]["NOT-01"] = "yes"
    cases.append(unknown)
    # an invalid file gives the same problems in both
    bad = random_assessment(bank, rng, "county")
    bad["answers"][next(iter(bank.questions))] = {"not": "an answer"}
    cases.append(bad)
    return cases


def in_both(pyodide, compiled: dict, calls: list[tuple]) -> tuple[list, list]:
    """The calls' replies in CPython (the catalogues compiled here, as the build compiles them into the wheel) and in
    Pyodide (the wheel's)."""
    api = BrowserApi(json.dumps(compiled), {code: engine_catalogue_mo(code) for code in translated_languages()})
    expected = [json.loads(api.call(op, json.dumps(payload), *lang)) for op, payload, *lang in calls]
    return expected, pyodide.run(CALLS, {"bank": compiled, "calls": calls})


def test_pyodide_is_the_browsers_python(pyodide):
    assert pyodide.python.startswith("3.14"), pyodide.python


def test_scores_agree(pyodide, real_compiled, real_bank):
    cases = assessments(real_bank)
    assert len(cases) >= 30
    assert {c["council"]["type"] for c in cases} == set(real_bank.council_types)
    calls = [(op, case) for case in cases for op in ("score", "live_score")]  # live_score: a theme page's
    expected, replies = in_both(pyodide, real_compiled, calls)
    assert len(replies) == len(expected)
    for (op, case), mine, theirs in zip(calls, expected, replies, strict=True):
        assert theirs == mine, (op, case["council"])
    assert sum(not r["ok"] for r in expected) == 2


def test_import_and_action_plan_agree(pyodide, real_compiled, real_bank):
    case = random_assessment(real_bank, random.Random(7), "district", answer_rate=0.6)
    calls = [
        ("import", {"text": json.dumps(case)}),
        ("import", {"text": "{not json"}),
        ("actions_csv", {"assessment": case}),
    ]
    expected, replies = in_both(pyodide, real_compiled, calls)
    assert replies == expected
    assert [r["ok"] for r in expected] == [True, False, True] and expected[2]["csv"].count("\r\n") > 1


def test_comparisons_agree(pyodide, real_compiled):
    files = [{"name": p.name, "text": p.read_text(encoding="utf-8")} for p in sorted(REGION.glob("*.json"))]
    files += [{"name": "broken.json", "text": "{"}, {"name": "wrong.json", "text": json.dumps({"format": "x"})}]
    expected, replies = in_both(pyodide, real_compiled, [("compare", {"files": files})])
    assert replies == expected
    comparison = expected[0]["comparison"]
    assert len(comparison["skipped"]) == 2 and len(comparison["rows"]) >= 10 and comparison["trends"]
    csv_expected, csv_replies = in_both(pyodide, real_compiled, [("compare_csv", {"comparison": comparison})])
    assert csv_replies == csv_expected and csv_expected[0]["ok"]


def test_files_nested_too_deeply_are_refused_alike(pyodide, real_compiled):
    """Issue 26, F5: the site (Pyodide's deeper recursion) accepted a file the command line crashed on."""
    from scorecard.engine.assessment import MAX_DEPTH
    from tests.test_deep_files import deep

    # deep(n) nests the file n + 3 deep (the file, previous, answers, then n lists): the first is just within
    calls = [("import", {"text": json.dumps(deep(depth))}) for depth in (MAX_DEPTH - 3, MAX_DEPTH - 2, 500, 900)]
    calls += [("score", deep(500))]
    expected, replies = in_both(pyodide, real_compiled, calls)
    assert [r["ok"] for r in expected] == [True, False, False, False, False]
    assert replies == expected


def test_the_engines_words_agree_in_every_language(pyodide, real_compiled, real_bank):
    """A Welsh page's results, board report and action plan: the wheel's catalogue gives the same words as the
    catalogue here, and the same figures as English."""
    cases = assessments(real_bank)[::9]
    calls = [
        (op, payload, lang)
        for case in cases
        for op, payload in (("score", case), ("board_report", case), ("actions_csv", {"assessment": case}))
        for lang in ("en", *translated_languages())
    ]
    expected, replies = in_both(pyodide, real_compiled, calls)
    assert replies == expected
    reports = {
        lang: reply["report"]
        for (op, _, lang), reply in zip(calls, expected, strict=True)
        if op == "board_report" and reply["ok"]
    }
    assert reports["cy"]["words"]["summary"] == "Crynodeb" and reports["en"]["words"]["summary"] == "Summary"
