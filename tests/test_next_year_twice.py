"""Starting next year keeps last year's record: never twice in one year, never a date still to come.

Issue 26, reliability review 2: F9 (next-year run again on this year's file replaced `previous`
with this morning's copy: confirmations reset, "Changes since last year" empty) and F23 (a date
in the future or the same day as last year's accepted; the new file kept the old bank version
though its answers were in the new one's form; a near-limit file came out over the read limit).
"""

from __future__ import annotations

import datetime
import json

import pytest

from scorecard.engine import AssessmentError, load_assessment
from scorecard.engine.assessment import MAX_FILE_BYTES
from scorecard.engine.next_year import next_year
from tests.helpers import MINI, ROOT, make_assessment, run_cli

REGION = ROOT / "examples" / "region"
TODAY = datetime.date.today()


def cli(tmp_path, *args, questions=None):
    return run_cli(*(["--questions", str(questions)] if questions else []), *args, cwd=tmp_path)


def test_next_year_twice_is_refused_and_last_years_record_kept(tmp_path):
    kent = REGION / "invented-kent-county-council-2026.json"
    (tmp_path / "kent.json").write_bytes(kent.read_bytes())
    assert cli(tmp_path, "next-year", "kent.json", "-o", "y1.json").returncode == 0
    first = json.loads((tmp_path / "y1.json").read_text(encoding="utf-8"))
    ran = cli(tmp_path, "next-year", "y1.json", "-o", "y2.json")
    assert ran.returncode == 2, ran.stderr
    assert f"y1.json: cannot start next year's assessment from it: it was started on {TODAY.isoformat()}" in ran.stderr
    assert "it is this year's assessment already" in ran.stderr and "--again" in ran.stderr
    assert not (tmp_path / "y2.json").exists()
    assert first["previous"]["assessment_date"] == json.loads(kent.read_text())["assessment_date"]


def test_the_engine_refuses_it_unless_asked_again(mini_bank):
    last = make_assessment(mini_bank, "district", {"ALP-01": "yes"}, assessment_date="2026-01-10")
    started = load_assessment(next_year(load_assessment(last, mini_bank), "2026-02-01"), mini_bank)
    with pytest.raises(AssessmentError) as error:
        next_year(started, "2026-03-01")
    assert [m.code for m in error.value.details] == ["next_year_already_started"]
    again = next_year(started, "2026-03-01", again=True)
    assert again["previous"]["assessment_date"] == "2026-02-01"


def test_a_file_started_last_year_starts_the_next(mini_bank):
    last = make_assessment(mini_bank, "district", {"ALP-01": "yes"}, assessment_date="2025-01-10")
    started = load_assessment(next_year(load_assessment(last, mini_bank), "2025-11-01"), mini_bank)
    assert next_year(started, "2026-10-20")["previous"]["assessment_date"] == "2025-11-01"


@pytest.mark.parametrize(
    "date,message",
    [
        ("2099-01-01", "is after today"),
        ((TODAY + datetime.timedelta(days=2)).isoformat(), "is after today"),
        ("2026-04-01", "cannot start on the day last year's was made (2026-04-01)"),
    ],
)
def test_a_date_still_to_come_or_last_years_own_is_refused(tmp_path, mini_bank, date, message):
    (tmp_path / "a.json").write_text(json.dumps(make_assessment(mini_bank, "district", {"ALP-01": "yes"})))
    ran = cli(tmp_path, "next-year", "a.json", "--date", date, "-o", "b.json", questions=MINI / "questions")
    assert ran.returncode == 2 and message in ran.stderr, ran.stderr
    assert not (tmp_path / "b.json").exists()


def test_the_new_file_says_the_bank_its_answers_are_in(tmp_path):
    """Tunbridge Wells' 2025 file was made with bank 2025.1; its answers come out in today's bank's form."""
    (tmp_path / "tw.json").write_bytes((REGION / "invented-tunbridge-wells-borough-council-2025.json").read_bytes())
    assert cli(tmp_path, "next-year", "tw.json", "-o", "new.json").returncode == 0
    new = json.loads((tmp_path / "new.json").read_text(encoding="utf-8"))
    current = json.loads(cli(tmp_path, "score", "new.json", "--format", "json").stdout)["bank_version"]
    assert new["bank_version"] == current != "2025.1"
    assert new["previous"]["bank_version"] == "2025.1"


def test_a_large_file_comes_out_small_enough_to_read_back(tmp_path, mini_bank):
    """F23: written with indents, a file of many long set-aside answers came out over the 5 MB read limit."""
    kept = {
        f"Z{a}{b}-{n:02d}": [f"option-{k:03d}" for k in range(100)]
        for a in "ABCDEFG"
        for b in "ABCDEFGHIJ"
        for n in range(40)
    }
    data = make_assessment(mini_bank, "district", {"ALP-01": "yes"}, retired_answers=kept)
    (tmp_path / "a.json").write_text(json.dumps(data), encoding="utf-8")
    assert (tmp_path / "a.json").stat().st_size < MAX_FILE_BYTES < 2 * (tmp_path / "a.json").stat().st_size
    ran = cli(
        tmp_path, "next-year", "a.json", "--date", TODAY.isoformat(), "-o", "b.json", questions=MINI / "questions"
    )
    assert ran.returncode == 0, ran.stderr
    assert (tmp_path / "b.json").stat().st_size <= MAX_FILE_BYTES
    assert cli(tmp_path, "score", "b.json", questions=MINI / "questions").returncode == 0


def test_a_file_too_large_to_copy_twice_is_refused_with_a_sentence(tmp_path, mini_bank):
    """Last year's notes are copied twice (this year's, and last year's record): over the limit, nothing is written."""
    notes = {f"ALP-{n:02d}": "n" * 9_000 for n in range(1, 5)} | {f"ZZZ-{n:03d}": "n" * 9_000 for n in range(300)}
    data = make_assessment(mini_bank, "district", {"ALP-01": "yes"}, notes=notes)
    (tmp_path / "a.json").write_text(json.dumps(data), encoding="utf-8")
    ran = cli(
        tmp_path, "next-year", "a.json", "--date", TODAY.isoformat(), "-o", "b.json", questions=MINI / "questions"
    )
    assert ran.returncode == 2 and "would be larger than 5 MB" in ran.stderr, ran.stderr
    assert not (tmp_path / "b.json").exists()
