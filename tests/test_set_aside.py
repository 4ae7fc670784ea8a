"""Answers the bank no longer knows are set aside, never a reason to refuse the rest (issue 13);
provenance (who changed what, when) is checked and kept.

An answer to a question id the bank has never had (or removed without retiring it), or naming an
option the question no longer offers, is kept in the file's retired_answers, reported with what to
do, and the other answers are scored as if it were absent.
"""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

from scorecard.bank_source.load import schema
from scorecard.engine import Bank, load_assessment, parse_assessment_text, score_assessment
from scorecard.engine.comparison import compare_files
from scorecard.engine.result import MAX_LISTED
from tests.helpers import MINI, ROOT, compile_bank, make_assessment, run_cli

MINI_V2 = ROOT / "tests" / "fixtures" / "mini_v2"
KNOWN = {"ALP-01": "yes", "ALP-02": "some", "BET-01": "no"}


def scored(bank, answers, **extra):
    assessment = load_assessment(make_assessment(bank, "unitary", answers, **extra), bank)
    return assessment, score_assessment(bank, assessment)


@pytest.mark.parametrize(
    "unknown, reason",
    [
        ({"ALP-77": "yes"}, "unknown_question"),
        ({"ALP-03": ["front", "everyone"]}, "unknown_option"),
        ({"ALP-02": "most"}, "unknown_option"),
        ({"ALP-01": "n/a"}, "unknown_option"),  # not applicable is not (or no longer) allowed there
        ({"ALP-03": ["n/a"]}, "unknown_option"),
    ],
)
def test_an_unknown_answer_is_set_aside_and_the_rest_scored(mini_bank, unknown, reason):
    answers = {**KNOWN, **unknown}
    assessment, result = scored(mini_bank, answers)
    ((qid, value),) = unknown.items()
    assert qid not in assessment.answers and assessment.retired_answers == {qid: value}
    without = {k: v for k, v in answers.items() if k != qid}
    assert result["themes"] == scored(mini_bank, without)[1]["themes"]
    (entry,) = result["changes"]["set_aside"]
    assert (entry["question"], entry["reason"], entry["answer"]) == (qid, reason, value)
    assert qid in entry["message"] and "not scored" in entry["message"]
    assert result["changes"]["retired"] == []  # reported once, as set aside
    # Kept in the file; reading the file again reports it again
    again = load_assessment(json.loads(json.dumps(assessment.to_dict())), mini_bank)
    assert again.retired_answers == {qid: value}
    assert score_assessment(mini_bank, again)["changes"]["set_aside"] == result["changes"]["set_aside"]


def test_a_note_for_an_unknown_question_is_kept_and_reported(mini_bank):
    assessment, result = scored(
        mini_bank, {**KNOWN, "ALP-77": "yes"}, notes={"ALP-77": "From the 2030 bank.", "ALP-66": "A note alone."}
    )
    assert assessment.to_dict()["notes"] == {"ALP-77": "From the 2030 bank.", "ALP-66": "A note alone."}
    entries = {e["question"]: e for e in result["changes"]["set_aside"]}
    assert (
        entries["ALP-77"]["note"] == "From the 2030 bank."
        and "answer and note are set aside" in entries["ALP-77"]["message"]
    )
    assert entries["ALP-66"]["answer"] is None and "note is set aside" in entries["ALP-66"]["message"]


def test_retired_and_replaced_answers_are_not_called_unknown(mini_bank):
    v2 = Bank.from_dict(compile_bank(MINI_V2 / "questions"))
    old = make_assessment(mini_bank, "unitary", {"ALP-01": "yes", "ALP-04": "no", "BET-02": "never"})
    result = score_assessment(v2, load_assessment(old, v2))
    assert result["changes"]["carried_over"] == [{"from": "ALP-01", "to": "ALP-05"}]
    assert {r["question"] for r in result["changes"]["retired"]} == {"ALP-04", "BET-02"}
    assert result["changes"]["set_aside"] == []


def test_the_command_line_scores_the_rest_and_warns(tmp_path, mini_bank):
    path = tmp_path / "newer.json"
    path.write_text(
        json.dumps(make_assessment(mini_bank, "district", {**KNOWN, "ALP-77": "yes", "ALP-02": "most"})),
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "scorecard", "--questions", str(MINI / "questions"), "score", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "warning:" in done.stderr and "2 answer(s) or note(s) set aside, the rest scored" in done.stderr
    assert "ALP-77 (yes) is not a question in question bank 2000.1" in done.stderr
    assert "Set aside: Your answer to ALP-02 (most) is not one of its options" in done.stdout
    done = subprocess.run(command + ["--format", "json"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and {e["question"] for e in json.loads(done.stdout)["changes"]["set_aside"]} == {
        "ALP-77",
        "ALP-02",
    }


def test_a_file_with_an_unknown_answer_is_compared_not_skipped(mini_bank):
    text = json.dumps(make_assessment(mini_bank, "district", {**KNOWN, "ALP-77": "yes"}))
    comparison = compare_files(mini_bank, [("newer.json", text)])
    assert comparison["counts"]["assessments"] == 1 and comparison["skipped"] == []


PROVENANCE = {
    "ALP-01": {"at": "2026-11-01T10:15:00.123Z", "by": "A. Officer"},
    "ALP-03": {"at": "2026-11-01T10:16:00Z"},  # cleared: no answer, only when
    "notes.ALP-01": {"at": "2026-11-01T10:17:00+01:00"},
    "council.name": {"at": "2026-11-01T09:00:00.000Z"},
    "assessment": {"at": "2026-10-30T08:00:00.000Z"},
}


# as kept: every time in UTC as the site writes it (engine/times.py), so text order is time order
KEPT = {
    **PROVENANCE,
    "ALP-03": {"at": "2026-11-01T10:16:00.000Z"},
    "notes.ALP-01": {"at": "2026-11-01T09:17:00.000Z"},
}


def test_provenance_is_kept_with_its_times_in_the_sites_form(mini_bank):
    data = make_assessment(mini_bank, "district", {"ALP-01": "yes"}, notes={"ALP-01": "Named."}, provenance=PROVENANCE)
    jsonschema.Draft202012Validator(schema("assessment")).validate(data)
    assessment = parse_assessment_text(json.dumps(data), mini_bank)
    assert assessment.to_dict()["provenance"] == KEPT
    assert "provenance" not in load_assessment(make_assessment(mini_bank, "district", {}), mini_bank).to_dict()


def test_provenance_moves_with_a_carried_over_answer(mini_bank):
    v2 = Bank.from_dict(compile_bank(MINI_V2 / "questions"))
    data = make_assessment(mini_bank, "district", {"ALP-01": "yes"}, notes={"ALP-01": "Named."}, provenance=PROVENANCE)
    moved = load_assessment(data, v2).to_dict()
    assert moved["answers"] == {"ALP-05": "yes"} and moved["notes"] == {"ALP-05": "Named."}
    assert moved["provenance"]["ALP-05"] == KEPT["ALP-01"] and "ALP-01" not in moved["provenance"]
    assert moved["provenance"]["notes.ALP-05"] == KEPT["notes.ALP-01"]
    assert moved["provenance"]["ALP-03"] == KEPT["ALP-03"]


def test_a_file_with_set_aside_answers_and_provenance_matches_the_schema(mini_bank):
    data = make_assessment(mini_bank, "district", {**KNOWN, "ALP-77": "yes", "ALP-02": "most"}, provenance=PROVENANCE)
    written = load_assessment(data, mini_bank).to_dict()
    jsonschema.Draft202012Validator(schema("assessment")).validate(written)
    assert written["retired_answers"] == {"ALP-77": "yes", "ALP-02": "most"}


def test_many_set_aside_answers_are_listed_up_to_a_bound_and_all_kept(mini_bank, tmp_path):
    """Issue 26, F16: 150,000 set-aside answers made the results page take 30-45 s (a 52 MB result on every
    click, one list item and one button each). The result lists the first few and says how many in all."""
    many = {f"{a}{b}{c}-{n:02d}": "yes" for a in "QRS" for b in "ABCDEFGHIJ" for c in "ABCDEFGHIJ" for n in range(5)}
    assessment, result = scored(mini_bank, {**KNOWN, **many})
    changes = result["changes"]
    assert changes["set_aside_total"] == len(many) == 1500
    assert len(changes["set_aside"]) == MAX_LISTED and changes["set_aside"][0]["question"] == "QAA-00"
    assert len(json.dumps(result)) < 200_000
    assert assessment.to_dict()["retired_answers"] == many  # every one kept in the file
    (tmp_path / "a.json").write_text(json.dumps(make_assessment(mini_bank, "unitary", {**KNOWN, **many})))
    ran = run_cli("--questions", str(MINI / "questions"), "score", "a.json", cwd=tmp_path)
    assert ran.returncode == 0 and "1500 answer(s) or note(s) set aside" in ran.stderr
    assert f"and {1500 - MAX_LISTED} more, all kept in the file" in ran.stderr
    assert len(ran.stderr.splitlines()) < MAX_LISTED + 10


def test_an_answer_kept_aside_for_a_current_question_is_not_called_retired(mini_bank, tmp_path):
    """Issue 26 (the first work's probes): retired_answers naming a question the bank still asks was reported as
    an answer to a retired question ("Retired question ALP-02 kept with its answer"). It is an answer kept aside,
    not scored: the officer is told to answer the question."""
    assessment, result = scored(mini_bank, {"ALP-01": "yes"}, retired_answers={"ALP-02": "some"})
    assert result["changes"]["retired"] == []
    entry = result["changes"]["set_aside"][0]
    assert (entry["question"], entry["reason"], entry["answer"], entry["theme"]) == (
        "ALP-02",
        "kept_aside",
        "some",
        "alpha",
    )
    assert "ALP-02 is a question of question bank 2000.1" in entry["message"] and "Answer ALP-02" in entry["message"]
    assert assessment.to_dict()["retired_answers"] == {"ALP-02": "some"}
    (tmp_path / "a.json").write_text(
        json.dumps(make_assessment(mini_bank, "unitary", {"ALP-01": "yes"}, retired_answers={"ALP-02": "some"}))
    )
    ran = run_cli("--questions", str(MINI / "questions"), "score", "a.json", cwd=tmp_path)
    assert "Retired question ALP-02" not in ran.stdout and "ALP-02 is a question of" in ran.stderr
