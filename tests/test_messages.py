"""Every problem with an assessment file has a stable code and parameters beside its English.

So the site (or a Welsh catalogue, later) can read what is wrong without parsing sentences.
"""

from __future__ import annotations

import ast
import json

import pytest

from scorecard.browser import BrowserApi
from scorecard.engine import AssessmentError, Bank, parse_assessment_text
from scorecard.engine.wording import PROBLEMS, problem_text
from tests.helpers import CASES, MINI, ROOT, compile_bank, file_bytes


def codes_in_the_code() -> set[str]:
    """The codes written as Message("code", ...) anywhere in the package."""
    found = set()
    for path in (ROOT / "scorecard").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "Message"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(node.args[0].value)
    return found


def test_every_code_has_its_sentence_and_every_sentence_is_used():
    assert codes_in_the_code() == set(PROBLEMS)


@pytest.fixture(scope="module")
def mini_compiled() -> dict:
    return compile_bank(MINI / "questions")


REFUSED = [case for case in CASES if not case.get("set_aside")]


@pytest.mark.parametrize("case", REFUSED, ids=[case["name"] for case in REFUSED])
def test_each_refused_file_gives_codes_and_parameters(mini_compiled, case):
    bank = Bank.from_dict(mini_compiled)
    text = file_bytes(case).decode("utf-8", errors="replace")
    try:
        parse_assessment_text(text, bank)
    except AssessmentError as error:
        assert error.details and [m.text for m in error.details] == error.problems
        for message in error.details:
            assert message.code in PROBLEMS
            assert json.loads(json.dumps(message.params)) == message.params  # plain JSON, for the browser
            assert problem_text(message.code, message.params) == message.text
    else:
        pytest.skip("refused only as bytes (not UTF-8): the CLI and the site decode before this")


def test_the_browser_reply_carries_codes_beside_the_english(mini_compiled):
    api = BrowserApi(json.dumps(mini_compiled))
    bad = {
        "format": "scorecard-assessment",
        "format_version": 1,
        "council": {"name": "X", "type": "shire"},
        "assessment_date": "2026-13-01",
        "bank_version": "2000.1",
        "answers": {"ALP-01": ["yes"]},
        "notes": {"ALP-02": 5},
    }
    reply = json.loads(api.call("score", json.dumps(bad)))
    assert reply["ok"] is False
    assert reply["problems"] == [detail["message"] for detail in reply["problem_details"]]
    assert [d["code"] for d in reply["problem_details"]] == [
        "council_type_not_known",
        "bad_assessment_date",
        "answer_not_an_option_id",
        "note_not_text",
    ]
    assert reply["problem_details"][2]["params"] == {"question": "ALP-01", "kind": "list"}
    assert reply["problem_details"][3]["message"] == "notes: ALP-02: a note must be text, got a number"
