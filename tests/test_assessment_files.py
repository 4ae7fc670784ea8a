"""Data-driven: assessment files `scorecard score` must refuse, and awkward ones it must accept.

The refused files are in tests/data/bad_assessments.yaml; each must give exit code 2 and a message
naming the problem, never a traceback. Files that only look alarming (a byte order mark, HTML in
a council's name) must be scored, with the text kept as data.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from scorecard.cli.commands import read_assessment
from scorecard.engine import Bank
from scorecard.engine.assessment import MAX_FILE_BYTES
from tests.helpers import CASES, MINI, ROOT, VALID, Ran, compile_bank, file_bytes, run_cli


def score(path: Path, *options: str) -> Ran:
    return run_cli("--questions", str(MINI / "questions"), "score", str(path), *options, cwd=path.parent)


def assert_refused(result: Ran, message: str) -> None:
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode == 2, f"exit {result.returncode}\n{output}"
    assert "cannot score this assessment" in result.stderr
    problems = [line[4:] for line in result.stderr.splitlines() if line.startswith("  - ")]
    assert any(message in problem for problem in problems), f"{message!r} not in {problems}"
    assert result.stdout == ""


def test_corpus_is_well_formed():
    names = [case["name"] for case in CASES]
    assert len(names) == len(set(names)) and len(CASES) >= 24
    for case in CASES:
        assert "message" in case and len([k for k in ("text", "parts", "set", "delete") if k in case]) >= 1, case[
            "name"
        ]


def test_the_valid_assessment_scores(tmp_path):
    path = tmp_path / "valid.json"
    path.write_text(json.dumps(VALID), encoding="utf-8")
    result = score(path)
    assert result.returncode == 0, result.stderr
    assert "Testshire District Council (District council, England), Test Region" in result.stdout


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_bad_assessment_is_refused_with_a_reason(tmp_path, case):
    path = tmp_path / "assessment.json"
    path.write_bytes(file_bytes(case))
    if case.get("set_aside"):
        assert_set_aside(score(path), case["message"])
    else:
        assert_refused(score(path), case["message"])


def assert_set_aside(result: Ran, message: str) -> None:
    """One bad entry of the yearly cycle: the rest scored, the entry named in a warning with why."""
    assert result.returncode == 0, result.stderr
    assert "entries set aside, the rest scored" in result.stderr and message in result.stderr, result.stderr
    assert "Testshire District Council" in result.stdout


def test_a_50_megabyte_file_is_refused(tmp_path):
    path = tmp_path / "huge.json"
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"format": "scorecard-assessment", "format_version": 1, "notes": {"ALP-01": "')
        chunk = "evidence " * 100_000
        for _ in range(50_000_000 // len(chunk) + 1):
            handle.write(chunk)
        handle.write('"}}')
    assert path.stat().st_size > 50_000_000
    assert_refused(score(path), "the file is larger than 5 MB")


def test_a_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(VALID).encode("utf-8"))
    result = score(path, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["council"]["name"] == VALID["council"]["name"]


HOSTILE_NAME = '<script>alert("x")</script><b>Testshire</b> & Sons {{ 7*7 }} ${HOME} %s'
HOSTILE_NOTE = "<img src=x onerror=alert(1)> \"quoted\" 'single' </textarea>"


def hostile_file(tmp_path: Path) -> Path:
    data = copy.deepcopy(VALID)
    data["council"]["name"] = HOSTILE_NAME
    data["council"]["region"] = "<i>Region</i>"
    data["notes"] = {"ALP-01": HOSTILE_NOTE, "ALP-02": '=HYPERLINK("http://example.invalid")'}
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_markup_in_names_and_notes_is_printed_as_data_in_text(tmp_path):
    result = score(hostile_file(tmp_path))
    assert result.returncode == 0, result.stderr
    first_line = result.stdout.splitlines()[0]
    assert first_line == f"{HOSTILE_NAME} (District council, England), <i>Region</i>"
    assert "49" not in first_line and "&amp;" not in result.stdout and "&lt;" not in result.stdout


def test_markup_in_names_and_notes_is_kept_verbatim_in_json(tmp_path):
    result = score(hostile_file(tmp_path), "--format", "json")
    assert result.returncode == 0, result.stderr
    council = json.loads(result.stdout)["council"]
    assert (council["name"], council["region"]) == (HOSTILE_NAME, "<i>Region</i>")


def test_markup_in_notes_is_kept_verbatim(tmp_path):
    bank = Bank.from_dict(compile_bank(MINI / "questions"))
    assessment = read_assessment(str(hostile_file(tmp_path)), bank)
    assert assessment.notes["ALP-01"] == HOSTILE_NOTE
    assert assessment.to_dict()["notes"]["ALP-02"] == '=HYPERLINK("http://example.invalid")'


@pytest.mark.parametrize("council_type", ["county", "district", "unitary", "metropolitan", "london_borough", "welsh"])
def test_a_fresh_template_scores(tmp_path, council_type):
    made = run_cli(
        "--questions",
        str(MINI / "questions"),
        "template",
        "--council-type",
        council_type,
        "--name",
        "Templateshire",
        cwd=tmp_path,
    )
    assert made.returncode == 0, made.stderr
    path = tmp_path / "template.json"
    path.write_text(made.stdout, encoding="utf-8")
    result = score(path, "--format", "json")
    assert result.returncode == 0, result.stderr
    scored = json.loads(result.stdout)
    council = {
        k: scored["council"][k]
        for k in ("name", "type", "region", "ons_code", "code", "functions_added", "functions_removed")
    }
    assert council == {
        "name": "Templateshire",
        "type": council_type,
        "region": "",
        "ons_code": "",
        "code": "",
        "functions_added": [],
        "functions_removed": [],
    }
    assert scored["council"]["nation"] == ("wales" if council_type == "welsh" else "england")
    assert scored["overall"]["score"] is None and scored["overall"]["coverage"] == 0.0


def test_the_district_template_from_the_real_bank_scores(tmp_path):
    """`scorecard template --council-type district` with the built-in bank, as the README shows."""
    made = run_cli(
        "template", "--council-type", "district", "--name", "Testshire District Council", "-o", "t.json", cwd=tmp_path
    )
    assert made.returncode == 0, made.stderr  # 1: the built-in bank does not validate, a failure like any other
    result = run_cli("score", "t.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Testshire District Council (District council, England)")


def test_a_template_made_without_a_name_scores(tmp_path):
    made = run_cli(
        "--questions", str(MINI / "questions"), "template", "--council-type", "district", "-o", "t.json", cwd=tmp_path
    )
    assert made.returncode == 0, made.stderr
    result = score(tmp_path / "t.json")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Council name not given (District council, England)")


def test_terminal_control_characters_are_not_passed_to_the_terminal(tmp_path):
    """A name with terminal escapes is refused (issue 13), and the reason printed does not carry them either."""
    data = copy.deepcopy(VALID)
    data["council"]["name"] = "Testshire\u001b[2J\u001b]0;owned\u0007 Council"
    path = tmp_path / "escapes.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = score(path)
    assert_refused(result, "council.name contains a control character (U+001B) at character 10")
    assert "\u001b" not in result.stderr and "\u0007" not in result.stderr


def test_the_pages_refuse_the_same_file_size_as_the_engine():
    """The browser refuses an oversized file before reading it; the limit must be the engine's."""
    engine_js = (ROOT / "site" / "assets" / "js" / "engine.js").read_text(encoding="utf-8")
    limit = re.search(r"export const MAX_FILE_BYTES = ([\d_]+);", engine_js)
    assert limit and int(limit.group(1).replace("_", "")) == MAX_FILE_BYTES


# --- issue 13: names that would forge report lines, dates out of range -----------------------


def test_a_name_the_reader_would_refuse_is_still_printed_on_one_line(mini_bank):
    """The text report renders names safely even for an assessment built in code, not read from a file."""
    from dataclasses import replace

    from scorecard.engine import load_assessment, score_assessment
    from scorecard.reports.assessment_text import text_report

    assessment = load_assessment(copy.deepcopy(VALID), mini_bank)
    forged = "Testshire\nOverall   100.0  Mature practice"
    assessment = replace(assessment, council=replace(assessment.council, name=forged, region="Test\u202eRegion\u200b"))
    report = text_report(score_assessment(mini_bank, assessment), mini_bank)
    first, second = report.splitlines()[:2]
    assert (
        first == "Testshire\ufffdOverall   100.0  Mature practice (District council, England), Test\ufffdRegion\ufffd"
    )
    assert second.startswith("Assessed 2026-04-01")
    assert not any(line.startswith("Overall   100.0") for line in report.splitlines())


def test_terminal_safe_hides_direction_controls_and_zero_width_characters():
    from scorecard.cli.output import terminal_safe

    assert terminal_safe("a\u202eb\u2066c\u200bd\ufeffe\nf") == "a\ufffdb\ufffdc\ufffdd\ufffde\nf"


def test_tomorrow_is_accepted_the_day_after_is_not(tmp_path):
    """One day of slack: the officer's clock may be ahead of the machine scoring the file (time zones)."""
    import datetime

    today = datetime.date.today()
    for days, accepted in ((0, True), (1, True), (2, False)):
        data = copy.deepcopy(VALID)
        data["assessment_date"] = (today + datetime.timedelta(days=days)).isoformat()
        path = tmp_path / f"in-{days}-days.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        result = score(path)
        if accepted:
            assert result.returncode == 0, result.stderr
        else:
            assert_refused(result, f"assessment_date {data['assessment_date']} is after today")


def test_the_first_day_of_2015_is_accepted(tmp_path):
    data = copy.deepcopy(VALID)
    data["assessment_date"] = "2015-01-01"
    path = tmp_path / "early.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert score(path).returncode == 0


def test_well_formed_retired_answers_are_kept(mini_bank):
    from scorecard.engine import load_assessment

    data = copy.deepcopy(VALID)
    data["retired_answers"] = {"ALP-09": "yes", "ALP-07": ["front", "managers"]}
    assessment = load_assessment(data, mini_bank)
    assert assessment.retired_answers == {"ALP-09": "yes", "ALP-07": ["front", "managers"]}
    assert assessment.to_dict()["retired_answers"] == data["retired_answers"]


HALVES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)  # surrogates: halves of a character


@settings(deadline=None)
@given(
    value=st.lists(st.one_of(HALVES, st.characters())).map("".join),
    kind=st.sampled_from(["str", "bytes"]),
    escaped=st.booleans(),
)
@example(value="\ud800\udc00", kind="str", escaped=True)  # both halves, escaped: one whole character when read
def test_half_a_character_is_refused_however_it_is_spelled(value, kind, escaped):
    """read_assessment_json looks at the text first and writes the data out again only when the text could hold half
    a character (a lone surrogate): escaped (\\ud800), in a str from the browser, or UTF-8-encoded in bytes. The
    refusal is the one writing the data out would give, for every spelling."""
    from scorecard.engine import AssessmentError
    from scorecard.engine.assessment import read_assessment_json

    doc = json.dumps({"name": value}, ensure_ascii=escaped)
    text = doc if kind == "str" else doc.encode("utf-8", "surrogatepass")
    try:
        json.dumps(json.loads(text), ensure_ascii=False).encode("utf-8")
        whole = True
    except UnicodeEncodeError:
        whole = False
    try:
        assert read_assessment_json(text) == json.loads(text)  # an escaped pair of halves reads as one character
        refused = None
    except AssessmentError as error:
        refused = [m.code for m in error.details]
    assert refused == (None if whole else ["lone_surrogate"])
