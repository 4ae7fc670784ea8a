"""A file nested too deeply is refused when it is read, by every command, in CPython and Pyodide alike.

Issue 26, reliability review 2, F5: a 5 KB file with a list nested 500 deep in `previous.answers`
passed json.loads, then overflowed the engine's recursion: a traceback from `score`, `report`,
`next-year`, `merge` and a whole regional `compare`; the site (Pyodide) accepted and re-exported it.
"""

from __future__ import annotations

import json
import shutil

import pytest

from scorecard.browser import BrowserApi
from scorecard.engine import AssessmentError, load_assessment, parse_assessment_text
from scorecard.engine.assessment import MAX_DEPTH
from tests.helpers import ROOT, run_cli

REGION = ROOT / "examples" / "region"
KENT = REGION / "invented-kent-county-council-2026.json"
TOO_DEEP = "the file is nested too deeply to be an assessment"


def deep(depth: int) -> dict:
    data = json.loads(KENT.read_text(encoding="utf-8"))
    nested = "x"
    for _ in range(depth):
        nested = [nested]
    data["previous"] = {"assessment_date": "2025-06-01", "answers": {"SPC-01": nested}}
    return data


@pytest.mark.parametrize("depth", [MAX_DEPTH, 500, 900])
def test_the_reader_refuses_it_as_text_and_as_data(real_bank, depth):
    text = json.dumps(deep(depth))
    for read in (lambda: parse_assessment_text(text, real_bank), lambda: load_assessment(deep(depth), real_bank)):
        with pytest.raises(AssessmentError) as error:
            read()
        assert [m.code for m in error.value.details] == ["nested_too_deeply"]


def test_a_file_nested_as_deep_as_files_go_is_read(real_bank):
    """previous.evidence.ID.{...}: four levels inside the file's own object; the limit leaves room."""
    data = json.loads(KENT.read_text(encoding="utf-8"))
    data["previous"] = {
        "assessment_date": "2025-06-01",
        "answers": {"SPC-01": "yes"},
        "evidence": {"SPC-01": {"reference": "Cabinet report 14"}},
    }
    assert load_assessment(data, real_bank).cycle.previous["evidence"]["SPC-01"] == {"reference": "Cabinet report 14"}


@pytest.mark.parametrize(
    "command",
    [["score"], ["report"], ["next-year"], ["plan", "export"], ["merge", str(KENT)]],
    ids=["score", "report", "next-year", "plan-export", "merge"],
)
def test_every_command_refuses_it_with_a_sentence(tmp_path, command):
    (tmp_path / "deep.json").write_text(json.dumps(deep(500)), encoding="utf-8")
    ran = run_cli(*command, "deep.json", cwd=tmp_path)
    assert ran.returncode == 2 and TOO_DEEP in ran.stderr and "Traceback" not in ran.stderr, ran.stderr


def test_one_deep_file_among_a_region_is_skipped_and_the_rest_compared(tmp_path):
    region = tmp_path / "region"
    shutil.copytree(REGION, region)
    (region / "deep.json").write_text(json.dumps(deep(500)), encoding="utf-8")
    ran = run_cli("compare", "region", "--format", "json", cwd=tmp_path)
    assert ran.returncode == 3, ran.stderr
    assert f"deep.json: skipped: {TOO_DEEP}" in ran.stderr
    assert len(json.loads(ran.stdout)["rows"]) >= 10


def test_the_browsers_engine_refuses_a_deep_payload_with_a_sentence(real_compiled):
    """The site hands the engine what JSON.parse read: nested deeper than Python's own parser goes."""
    api = BrowserApi(json.dumps(real_compiled))
    payload = '{"assessment": ' + "[" * 100_000 + "]" * 100_000 + "}"
    reply = json.loads(api.call("next_year", payload))
    assert reply["ok"] is False and reply["problem_details"][0]["code"] == "nested_too_deeply"
