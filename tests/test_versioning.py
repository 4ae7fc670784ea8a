"""An assessment saved against one bank version loads against the next without losing anything.

tests/fixtures/mini_v2 is the mini bank (2000.1) one version on (2000.2): ALP-01 reworded as
ALP-05 and BET-02 as BET-04 (whose option "never" became "not_reviewed"), ALP-04 removed and
retired, BET-03 added.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from scorecard.engine import Bank, load_assessment, score_assessment
from tests.helpers import MINI, ROOT, compile_bank, make_assessment

MINI_V2 = ROOT / "tests" / "fixtures" / "mini_v2"

OLD_ANSWERS = {
    "ALP-01": "yes",
    "ALP-02": "some",
    "ALP-03": ["front"],
    "ALP-04": "no",
    "BET-01": "yes",
    "BET-02": "yearly",
}
OLD_NOTES = {"ALP-01": "Named in the constitution.", "ALP-04": "Checked at renewal."}


@pytest.fixture(scope="module")
def v1() -> Bank:
    return Bank.from_dict(compile_bank(MINI / "questions"))


@pytest.fixture(scope="module")
def v2() -> Bank:
    return Bank.from_dict(compile_bank(MINI_V2 / "questions"))


def old_file(v1: Bank, answers=None, notes=None) -> dict:
    """An assessment as saved against 2000.1 (and checked against it)."""
    data = make_assessment(
        v1,
        "unitary",
        dict(OLD_ANSWERS if answers is None else answers),
        notes=dict(OLD_NOTES if notes is None else notes),
    )
    load_assessment(data, v1)
    return data


def statuses(result) -> dict[str, str]:
    return {entry["id"]: entry["status"] for theme in result["themes"] for entry in theme["questions"]}


def test_the_fixture_is_the_change_it_claims(v1, v2):
    assert (v1.version, v2.version) == ("2000.1", "2000.2")
    assert set(v1.questions) - set(v2.questions) == {"ALP-01", "ALP-04", "BET-02"}
    assert set(v2.questions) - set(v1.questions) == {"ALP-05", "BET-03", "BET-04"}
    assert v2.replaced_by["ALP-01"] == "ALP-05" and v2.replaced_by["BET-02"] == "BET-04"
    assert "ALP-04" in v2.retired


def test_an_old_assessment_loads_against_the_new_bank(v1, v2):
    assessment = load_assessment(old_file(v1), v2)
    assert assessment.bank_version == "2000.1"
    assert assessment.answers == {
        "ALP-05": "yes",
        "ALP-02": "some",
        "ALP-03": ["front"],
        "BET-01": "yes",
        "BET-04": "yearly",
    }
    assert assessment.carried_over == {"ALP-01": "ALP-05", "BET-02": "BET-04"}
    assert assessment.retired_answers == {"ALP-04": "no"}
    # notes follow their answers: the replaced question's to the new id, the retired one's stays
    assert assessment.notes == {"ALP-05": "Named in the constitution.", "ALP-04": "Checked at renewal."}


def test_the_result_says_what_changed(v1, v2):
    result = score_assessment(v2, load_assessment(old_file(v1), v2))
    changes = result["changes"]
    assert changes["version_changed"] is True
    assert (result["assessment_bank_version"], result["bank_version"]) == ("2000.1", "2000.2")
    assert changes["carried_over"] == [{"from": "ALP-01", "to": "ALP-05"}, {"from": "BET-02", "to": "BET-04"}]
    assert changes["retired"] == [
        {
            "question": "ALP-04",
            "answer": "no",
            "text": "Does the district run the licensing check?",
            "reason": "Licensing moved to its own theme.",
            "replaced_by": "",
            "theme": "",
        }
    ]


def test_carried_answers_score_and_the_new_question_is_unanswered(v1, v2):
    result = score_assessment(v2, load_assessment(old_file(v1), v2))
    status = statuses(result)
    assert status["ALP-05"] == status["BET-04"] == "answered"
    assert status["BET-03"] == "unanswered"
    assert [u["question"] for u in result["unanswered"]] == ["BET-03"]
    beta = next(t for t in result["themes"] if t["id"] == "beta")
    # BET-01 1x1 + BET-04 3x1 = 4, BET-03 (weight 1) unanswered counts as not evidenced: 4 of 5
    assert beta["score"] == 80.0 and beta["coverage"] == round(2 / 3, 4) and beta["provisional"]


def test_retired_answers_are_kept_when_saved_again(v1, v2):
    saved = load_assessment(old_file(v1), v2).to_dict()
    assert saved["retired_answers"] == {"ALP-04": "no"}
    assert saved["answers"]["ALP-05"] == "yes" and "ALP-01" not in saved["answers"]
    again = load_assessment(json.loads(json.dumps(saved)), v2)
    assert again.retired_answers == {"ALP-04": "no"}
    assert score_assessment(v2, again)["changes"]["retired"][0]["answer"] == "no"


def test_an_answer_whose_option_is_gone_is_kept_as_retired(v1, v2):
    assessment = load_assessment(old_file(v1, answers=dict(OLD_ANSWERS, **{"BET-02": "never"})), v2)
    assert assessment.retired_answers == {"ALP-04": "no", "BET-02": "never"}
    assert "BET-04" not in assessment.answers
    # it did not carry over, so it must not be reported as carried
    assert assessment.carried_over == {"ALP-01": "ALP-05"}
    result = score_assessment(v2, assessment)
    assert statuses(result)["BET-04"] == "unanswered"
    assert {r["question"]: r["answer"] for r in result["changes"]["retired"]} == {"ALP-04": "no", "BET-02": "never"}
    assert {r["question"]: (r["replaced_by"], r["theme"]) for r in result["changes"]["retired"]} == {
        "ALP-04": ("", ""),
        "BET-02": ("BET-04", "beta"),
    }
    assert assessment.to_dict()["retired_answers"]["BET-02"] == "never"


def test_when_old_and_new_ids_are_both_answered_the_new_wins_and_the_old_is_kept(v1, v2):
    data = old_file(v1)
    data["answers"]["ALP-05"] = "no"
    assessment = load_assessment(data, v2)
    assert assessment.answers["ALP-05"] == "no"
    assert assessment.retired_answers["ALP-01"] == "yes"
    assert "ALP-01" not in assessment.carried_over


def test_a_null_new_answer_does_not_block_the_old_one(v1, v2):
    data = old_file(v1)
    data["answers"]["ALP-05"] = None  # explicitly unanswered
    assessment = load_assessment(data, v2)
    assert assessment.answers["ALP-05"] == "yes" and assessment.carried_over["ALP-01"] == "ALP-05"


def test_notes_on_both_old_and_new_ids_are_both_kept(v1, v2):
    data = old_file(v1)
    data["notes"]["ALP-05"] = "Confirmed again in 2000.2."
    notes = load_assessment(data, v2).notes
    assert notes["ALP-05"] == "Confirmed again in 2000.2." and notes["ALP-01"] == "Named in the constitution."


def test_two_old_questions_merged_into_one_keep_both_answers(v1):
    """A new question replacing two old ones takes the first fitting answer; the other is kept aside."""
    compiled = compile_bank(MINI_V2 / "questions")
    alpha = next(t for t in compiled["themes"] if t["id"] == "alpha")
    next(q for q in alpha["questions"] if q["id"] == "ALP-05")["replaces"] = ["ALP-01", "ALP-07"]
    merged = Bank.from_dict(compiled)
    data = old_file(v1)
    data["answers"]["ALP-07"] = "no"  # as if an even older file had it
    assessment = load_assessment(data, merged)
    assert assessment.answers["ALP-05"] == "yes"
    assert assessment.retired_answers["ALP-07"] == "no"
    assert assessment.carried_over == {"ALP-01": "ALP-05", "BET-02": "BET-04"}


def test_a_current_assessment_has_no_changes(v2):
    data = make_assessment(v2, "county", {"ALP-05": "yes", "BET-04": "not_reviewed", "BET-03": "no"})
    changes = score_assessment(v2, load_assessment(data, v2))["changes"]
    assert changes == {
        "version_changed": False,
        "council_type_from": "",
        "carried_over": [],
        "retired": [],
        "set_aside": [],
        "set_aside_total": 0,
        "times_taken_as_now": [],
        "entries_set_aside": [],
    }


def test_a_council_type_of_an_older_bank_is_carried_over(v2):
    data = make_assessment(v2, "london", {"ALP-05": "yes"})
    result = score_assessment(v2, load_assessment(data, v2))
    assert result["council"]["type"] == "london_borough" and result["changes"]["council_type_from"] == "london"
    assert load_assessment(data, v2).to_dict()["council"]["type"] == "london_borough"


def test_the_cli_reports_the_changes(v1, tmp_path):
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old_file(v1)), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "scorecard", "--questions", str(MINI_V2 / "questions"), "score", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "against question bank 2000.1 (scored with 2000.2)" in result.stdout
    assert "Carried over: the answer to ALP-01 now answers ALP-05." in result.stdout
    assert "Retired question ALP-04 kept with its answer 'no'. Licensing moved to its own theme." in result.stdout
