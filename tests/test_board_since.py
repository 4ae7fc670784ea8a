"""The board report says where "since last year" comes from, and flags a record that does not match last year's file.

Issue 26, reliability review 2, F13: "Changes since last year" is worked out from the `previous`
section inside this year's file, which anyone can edit; the report stated "14 answers better ...
Overall score +30.6" as fact. It now says it is the file's own record, and, given last year's file
(`report --last-year FILE`), says whether the two agree. Also F25: `--actions -1` listed all but one.
"""

from __future__ import annotations

import json

import pytest

from scorecard.engine import load_assessment, score_assessment
from scorecard.engine.board import board_report
from tests.helpers import MINI, make_assessment, run_cli

LAST = {"ALP-01": "no", "ALP-02": "none", "ALP-04": "yes"}


def this_year(mini_bank, previous_answers):
    return make_assessment(
        mini_bank,
        "district",
        {"ALP-01": "yes", "ALP-02": "some", "ALP-04": "yes"},
        previous={"assessment_date": "2025-11-01", "answers": previous_answers},
    )


def last_year(mini_bank):
    return make_assessment(mini_bank, "district", LAST, assessment_date="2025-11-01")


def report_of(mini_bank, data, last=None, name="last.json"):
    assessment = load_assessment(data, mini_bank)
    checked = load_assessment(last, mini_bank) if last else None
    return board_report(
        mini_bank, assessment, score_assessment(mini_bank, assessment), last_year=checked, last_year_file=name
    )


def test_the_report_says_the_changes_are_the_files_own_record(mini_bank):
    since = report_of(mini_bank, this_year(mini_bank, LAST))["since"]
    assert since["source"] == (
        "Changes are worked out from last year's answers as recorded in this file (assessed 1 November 2025), "
        "not checked against last year's own file."
    )
    assert since["warning"] == ""


def test_a_record_that_matches_last_years_file_is_said_to(mini_bank):
    since = report_of(mini_bank, this_year(mini_bank, LAST), last_year(mini_bank))["since"]
    assert since["source"] == (
        "Changes are worked out from last year's answers as recorded in this file, "
        "which match last year's file (last.json, assessed 1 November 2025)."
    )
    assert since["warning"] == ""


def test_an_edited_record_is_flagged(mini_bank):
    """A4.11: `previous` edited to make last year look worse."""
    edited = this_year(mini_bank, {"ALP-01": "no", "ALP-02": "none", "ALP-04": "no"})
    edited["previous"]["assessment_date"] = "2025-06-01"
    since = report_of(mini_bank, edited, last_year(mini_bank))["since"]
    assert since["warning"] == (
        "Last year's answers recorded in this file do not match last year's file (last.json): 1 answer differs "
        "(ALP-04), and it was assessed on 1 November 2025, not 1 June 2025. The changes shown are this file's "
        "record, not last year's file."
    )


def test_the_command_checks_it_and_prints_the_warning(tmp_path, mini_bank):
    edited = this_year(mini_bank, {"ALP-01": "no", "ALP-02": "none", "ALP-04": "no"})
    (tmp_path / "now.json").write_text(json.dumps(edited), encoding="utf-8")
    (tmp_path / "last.json").write_text(json.dumps(last_year(mini_bank)), encoding="utf-8")
    ran = run_cli(
        "--questions",
        str(MINI / "questions"),
        "report",
        "now.json",
        "--last-year",
        "last.json",
        "-o",
        "r.html",
        cwd=tmp_path,
    )
    assert ran.returncode == 0, ran.stderr
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "do not match last year&#39;s file (last.json): 1 answer differs (ALP-04)" in html
    assert "do not match last year's file" in ran.stderr


@pytest.mark.parametrize("command", ["report", "score"])
def test_a_negative_number_of_actions_is_refused(tmp_path, mini_bank, command):
    """F25: `report --actions -1` listed every action but the last."""
    (tmp_path / "a.json").write_text(json.dumps(last_year(mini_bank)), encoding="utf-8")
    ran = run_cli("--questions", str(MINI / "questions"), command, "a.json", "--actions", "-1", cwd=tmp_path)
    assert ran.returncode == 2 and "--actions" in ran.stderr and "not a negative number" in ran.stderr, ran.stderr
