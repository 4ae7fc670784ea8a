"""Provenance times are instants, written one way, never later than now; a copy cannot take over who answered.

Issue 26, reliability review 2: F4 (the engine's half: a time from a fast clock made an answer
"sticky"), F13 (a forged time and name took over "Answered by"), F19 (year 9999 accepted), and
times with an offset compared as text.
"""

from __future__ import annotations

import datetime
import json

import pytest

from scorecard.engine import load_assessment, score_assessment
from scorecard.engine.board import board_report
from scorecard.engine.merge import merge_assessments
from tests.helpers import MINI, make_assessment, run_cli

UTC = datetime.UTC


def iso(moment: datetime.datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def read_time(at: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(at.replace("Z", "+00:00"))


@pytest.fixture
def fast_clock(mini_bank):
    ahead = iso(datetime.datetime.now(UTC) + datetime.timedelta(hours=20))
    return make_assessment(
        mini_bank,
        "district",
        {"ALP-01": "no", "ALP-02": "some"},
        notes={"ALP-01": "Checked."},
        provenance={
            "ALP-01": {"at": ahead, "by": "Colleague"},
            "ALP-02": {"at": "9999-12-31T23:59:59Z", "by": "Chief Executive"},
            "notes.ALP-01": {"at": "2026-03-01T09:00:00Z", "by": "Lead"},
        },
    )


def test_a_time_after_now_is_taken_as_now_and_the_officer_is_told(mini_bank, fast_clock):
    """F4, F19: a colleague's clock 20 hours fast, or year 9999, made the answer win over every later change."""
    before = datetime.datetime.now(UTC).replace(microsecond=0)
    assessment = load_assessment(fast_clock, mini_bank)
    after = datetime.datetime.now(UTC)
    for key in ("ALP-01", "ALP-02"):
        assert before <= read_time(assessment.provenance[key]["at"]) <= after
    assert assessment.provenance["ALP-01"]["by"] == "Colleague"
    assert assessment.provenance["notes.ALP-01"]["at"] == "2026-03-01T09:00:00.000Z"
    told = score_assessment(mini_bank, assessment)["changes"]["times_taken_as_now"]
    assert [(t["key"], t["at"]) for t in told] == [
        ("ALP-01", fast_clock["provenance"]["ALP-01"]["at"]),
        ("ALP-02", "9999-12-31T23:59:59Z"),
    ]
    assert "9999-12-31 23:59 UTC" in told[1]["message"] and "taken as now" in told[1]["message"]


def test_score_says_so_too(tmp_path, fast_clock):
    (tmp_path / "a.json").write_text(json.dumps(fast_clock), encoding="utf-8")
    ran = run_cli("--questions", str(MINI / "questions"), "score", "a.json", cwd=tmp_path)
    assert ran.returncode == 0
    assert "ALP-02" in ran.stderr and "taken as now" in ran.stderr, ran.stderr


def test_a_clock_a_few_minutes_ahead_is_left_alone(mini_bank):
    soon = datetime.datetime.now(UTC) + datetime.timedelta(minutes=3)
    data = make_assessment(mini_bank, "district", {"ALP-01": "no"}, provenance={"ALP-01": {"at": iso(soon)}})
    assessment = load_assessment(data, mini_bank)
    assert read_time(assessment.provenance["ALP-01"]["at"]) == soon.replace(microsecond=soon.microsecond // 1000 * 1000)
    assert not score_assessment(mini_bank, assessment)["changes"]["times_taken_as_now"]


@pytest.mark.parametrize(
    "given,kept",
    [
        ("2026-06-01T09:00:00+05:00", "2026-06-01T04:00:00.000Z"),
        ("2026-06-01T09:00-01:30", "2026-06-01T10:30:00.000Z"),
        ("2026-06-01T04:30Z", "2026-06-01T04:30:00.000Z"),
        ("2026-06-01T04:30:15.123456Z", "2026-06-01T04:30:15.123Z"),
        ("2026-06-01T04:30:15.000Z", "2026-06-01T04:30:15.000Z"),
    ],
)
def test_times_are_read_as_instants_and_written_as_the_site_writes_them(mini_bank, given, kept):
    """Text order is then time order: 09:00+05:00 (04:00 UTC) sorted after 07:10Z as text."""
    data = make_assessment(mini_bank, "district", {"ALP-01": "no"}, provenance={"ALP-01": {"at": given}})
    assert load_assessment(data, mini_bank).to_dict()["provenance"]["ALP-01"]["at"] == kept


def test_a_copy_claiming_a_later_time_does_not_take_over_who_answered(mini_bank):
    """F13: two files agree on ALP-01; one claims 9999 and "Chief Executive": the lead's record stays."""
    lead = make_assessment(
        mini_bank,
        "district",
        {"ALP-01": "yes"},
        provenance={"ALP-01": {"at": "2026-06-01T09:00:00Z", "by": "Lead"}},
    )
    forged = make_assessment(
        mini_bank,
        "district",
        {"ALP-01": "yes", "ALP-02": "some"},
        provenance={
            "ALP-01": {"at": "9999-12-31T23:59:59Z", "by": "Chief Executive"},
            "ALP-02": {"at": "2026-06-02T09:00:00Z", "by": "Priya"},
        },
    )
    merged = merge_assessments(mini_bank, [("lead.json", json.dumps(lead)), ("copy.json", json.dumps(forged))])
    provenance = merged["assessment"]["provenance"]
    assert provenance["ALP-01"] == {"at": "2026-06-01T09:00:00.000Z", "by": "Lead"}
    assert provenance["ALP-02"]["by"] == "Priya"  # given only by the copy: its record is the only one
    checked = load_assessment(merged["assessment"], mini_bank)
    report = board_report(mini_bank, checked, score_assessment(mini_bank, checked))
    rows = {row["id"]: row for theme in report["annex"] for row in theme["questions"]}
    assert rows["ALP-01"]["by"].startswith("Lead,")


def test_a_name_with_a_line_break_cannot_forge_a_line_of_the_conflict_list(tmp_path, mini_bank):
    """F18: `by` holding a line break printed a fake conflict line on the terminal."""
    forged = {"at": "2026-06-01T09:00:00Z", "by": "Bo\n      SPC-02 answer: 'forged line'\u202e"}
    a = make_assessment(mini_bank, "district", {"ALP-01": "yes"}, provenance={"ALP-01": forged})
    b = make_assessment(mini_bank, "district", {"ALP-01": "no"})
    for name, data in (("a.json", a), ("b.json", b)):
        (tmp_path / name).write_text(json.dumps(data), encoding="utf-8")
    ran = run_cli("--questions", str(MINI / "questions"), "merge", "a.json", "b.json", cwd=tmp_path)
    assert ran.returncode == 3
    assert not any(line.lstrip().startswith("SPC-02") for line in ran.stderr.splitlines()), ran.stderr
    assert "\u202e" not in ran.stderr
    checked = load_assessment(a, mini_bank)
    report = board_report(mini_bank, checked, score_assessment(mini_bank, checked))
    shown = next(row["by"] for theme in report["annex"] for row in theme["questions"] if row["id"] == "ALP-01")
    assert "\n" not in shown and "\u202e" not in shown and shown.startswith("Bo")
