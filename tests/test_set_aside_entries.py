"""One bad entry of the yearly cycle is set aside and reported, never a reason to refuse the rest.

Issue 26, reliability review 2: F11 (a five-digit year that Chromium's date field keeps, 20266-01-05,
stopped the whole assessment scoring: results and board report gone) and F24 (owners, assignments
and sign-off names could hold a line break or U+202E, so names could be spoofed in the board
report). An entry the engine cannot use is kept in the file exactly as it was, left out of the
scores and the report, and the officer is told which and why, as answers the bank does not know are.
"""

from __future__ import annotations

import json

import pytest

from scorecard.engine import AssessmentError, load_assessment, score_assessment
from scorecard.engine.board import board_report
from scorecard.engine.merge import merge_assessments
from scorecard.engine.next_year import next_year
from tests.helpers import MINI, make_assessment, run_cli

ANSWERS = {"ALP-01": "no", "ALP-02": "some", "ALP-03": ["front"], "ALP-04": "no"}
BAD = {
    "evidence": {
        "ALP-02": {"reference": "Training log", "date": "20266-01-05"},
        "ALP-01": {"reference": "Cabinet report", "date": "2026-01-05"},
    },
    "action_plan": {
        "ALP-01": {"owner": "Ann", "due": "20266-03-31", "status": "in_progress"},
        "ALP-03": {"owner": "Bob\u202e reyaM", "status": "not_started"},
        "ALP-04": {"owner": "Lee", "status": "done"},
    },
    "sign_off": {"name": "A. Lead\nSigned off by: Chief Executive", "role": "Lead", "date": "2026-05-01"},
    "assignments": {"alpha": "Priya\u202e", "beta": "Harry"},
}
SET_ASIDE = ["evidence.ALP-02", "action_plan.ALP-01", "action_plan.ALP-03", "sign_off", "assignments.alpha"]


@pytest.fixture
def data(mini_bank):
    return make_assessment(mini_bank, "district", ANSWERS, **json.loads(json.dumps(BAD)))


def test_the_rest_scores_and_each_bad_entry_is_named_with_its_reason(mini_bank, data):
    assessment = load_assessment(data, mini_bank)
    result = score_assessment(mini_bank, assessment)
    told = {entry["key"]: entry["message"] for entry in result["changes"]["entries_set_aside"]}
    assert sorted(told) == sorted(SET_ASIDE)
    assert (
        "date must be a date written YYYY-MM-DD" in told["evidence.ALP-02"] and "set aside" in told["evidence.ALP-02"]
    )
    assert "a line break" in told["sign_off"] and "invisible direction control" in told["action_plan.ALP-03"]
    assert result["overall"]["coverage"] > 0 and result["sign_off"] is None
    assert set(assessment.cycle.evidence) == {"ALP-01"} and set(assessment.cycle.action_plan) == {"ALP-04"}
    assert assessment.cycle.assignments == {"beta": "Harry"}


def test_every_entry_set_aside_is_kept_in_the_file_exactly(mini_bank, data):
    written = load_assessment(data, mini_bank).to_dict()
    for section in ("evidence", "action_plan", "assignments"):
        assert written[section] == data[section], section
    assert written["sign_off"] == data["sign_off"]
    assert load_assessment(written, mini_bank).to_dict() == written


def test_the_board_report_shows_no_spoofed_name(mini_bank, data):
    assessment = load_assessment(data, mini_bank)
    report = board_report(mini_bank, assessment, score_assessment(mini_bank, assessment))
    text = json.dumps(report, ensure_ascii=False)
    assert "Chief Executive" not in text and "\u202e" not in text
    assert report["sign_off"] == "Not yet signed off."


def test_score_warns_and_scores(tmp_path, data):
    (tmp_path / "a.json").write_text(json.dumps(data), encoding="utf-8")
    ran = run_cli("--questions", str(MINI / "questions"), "score", "a.json", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert "5 entries set aside" in ran.stderr and "evidence.ALP-02" in ran.stderr


def test_merge_and_next_year_carry_them(mini_bank, data):
    other = make_assessment(mini_bank, "district", {"BET-01": "yes"})
    merged = merge_assessments(mini_bank, [("a.json", json.dumps(data)), ("b.json", json.dumps(other))])
    assert merged["assessment"]["evidence"]["ALP-02"] == BAD["evidence"]["ALP-02"]
    assert merged["assessment"]["sign_off"] == BAD["sign_off"]
    started = next_year(load_assessment(data, mini_bank), "2026-06-01")
    assert started["action_plan"]["ALP-01"] == BAD["action_plan"]["ALP-01"]  # not done: carried, still set aside
    assert "ALP-04" not in started["action_plan"]  # done: stays in last year's record


def test_a_target_that_is_not_a_tier_is_set_aside_and_a_key_that_is_not_a_theme_refuses(mini_bank):
    # another bank's tier (or an edited file): kept, told, not used; the other target stands
    data = make_assessment(mini_bank, "district", ANSWERS, targets={"alpha": "platinum", "beta": "mature"})
    assessment = load_assessment(data, mini_bank)
    assert assessment.cycle.targets == {"beta": "mature"}
    (told,) = score_assessment(mini_bank, assessment)["changes"]["entries_set_aside"]
    assert told["key"] == "targets.alpha"
    assert told["message"].startswith("The target tier for alpha is set aside: kept in the file as it was")
    assert "'platinum' is not a tier" in told["message"]
    assert assessment.to_dict()["targets"] == data["targets"]
    with pytest.raises(AssessmentError, match="targets: 'Alpha!' is not a theme id"):
        load_assessment(make_assessment(mini_bank, "district", ANSWERS, targets={"Alpha!": "mature"}), mini_bank)
