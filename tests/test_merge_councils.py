"""A merge takes one council's files, and drops nothing without saying what and why.

Issue 26, reliability review 2: F6 (Tunbridge Wells' file merged into Kent's like a colleague's:
22 of a district's answers in a county's file, no word said) and F7 (with themes chosen, a
colleague's answers to retired questions, and answers the bank does not know, were dropped).
"""

from __future__ import annotations

import json
import shutil

import pytest

from scorecard.engine import AssessmentError
from scorecard.engine.merge import merge_assessments
from tests.helpers import MINI, ROOT, make_assessment, run_cli

REGION = ROOT / "examples" / "region"
KENT = "invented-kent-county-council-2026.json"
TUNBRIDGE = "invented-tunbridge-wells-borough-council-2026.json"


@pytest.fixture
def region(tmp_path):
    for name in (KENT, TUNBRIDGE):
        shutil.copy(REGION / name, tmp_path / name)
    return tmp_path


@pytest.mark.parametrize("options", [[], ["--prefer", KENT]], ids=["no-choice", "prefer-kent"])
def test_another_councils_file_is_refused_and_nothing_written(region, options):
    ran = run_cli("merge", KENT, TUNBRIDGE, *options, "-o", "merged.json", cwd=region)
    assert ran.returncode == 2, ran.stderr
    assert (
        f"{TUNBRIDGE} is the assessment of Tunbridge Wells Borough Council (register code TUN), "
        f"not of Kent County Council (register code KEN) like {KENT}"
    ) in ran.stderr
    assert "--other-council TUN" in ran.stderr
    assert not (region / "merged.json").exists()


@pytest.mark.parametrize(
    "named", ["TUN", "tun", "E07000116", "Tunbridge Wells Borough Council", "tunbridge wells BOROUGH council"]
)
def test_the_lead_can_confirm_it_by_code_gss_code_or_name(region, named):
    ran = run_cli("merge", KENT, TUNBRIDGE, "--prefer", KENT, "--other-council", named, "-o", "m.json", cwd=region)
    assert ran.returncode == 0, ran.stderr
    merged = json.loads((region / "m.json").read_text(encoding="utf-8"))
    assert merged["council"]["code"] == "KEN"


def test_confirming_a_council_that_is_not_among_the_files_is_refused(region):
    ran = run_cli("merge", KENT, TUNBRIDGE, "--other-council", "SWL", cwd=region)
    assert ran.returncode == 2 and "--other-council SWL: none of the files is that council's" in ran.stderr


def council(name="", code="", ons=""):
    return {"name": name, "type": "unitary", **({"code": code} if code else {}), **({"ons_code": ons} if ons else {})}


@pytest.mark.parametrize(
    "lead,other,same",
    [
        (council("Testshire Council", "TST"), council("Testshire Cllr (typo)", "TST"), True),  # code decides
        (council("Testshire Council", "TST"), council("Testshire Council", "OTH"), False),
        (council("Testshire Council", ons="E06000001"), council("Testshire", ons="E06000001"), True),
        (council("Testshire Council", ons="E06000001"), council("Testshire Council", ons="E06000002"), False),
        (council("Testshire Council"), council("TESTSHIRE  council."), True),
        (council("Testshire Council"), council("Test\u00adshire Council"), True),  # a soft hyphen, invisible
        (council("Testshire Council"), council("Otherby Council"), False),
        (council("Testshire Council"), council(""), True),  # a contributor's file without a name: cannot tell
        (council("Testshire Council", "TST"), council("Testshire Council", ons="E06000001"), True),
    ],
)
def test_one_council_by_register_code_else_gss_code_else_name(mini_bank, lead, other, same):
    a = make_assessment(mini_bank, "unitary", {"ALP-01": "yes"}, council=lead)
    b = make_assessment(mini_bank, "unitary", {"BET-01": "yes"}, council=other)
    files = [("a.json", json.dumps(a)), ("b.json", json.dumps(b))]
    if same:
        merge_assessments(mini_bank, files)
    else:
        with pytest.raises(AssessmentError) as error:
            merge_assessments(mini_bank, files)
        assert [m.code for m in error.value.details] == ["merge_other_council"]


def merge_by_theme(folder, lead: dict, colleague: dict, *options: str):
    """`scorecard merge lead.json colleague.json --themes colleague.json=beta` on the mini bank, in ``folder``."""
    for name, data in (("lead.json", lead), ("colleague.json", colleague)):
        (folder / name).write_text(json.dumps(data), encoding="utf-8")
    return run_cli(
        "--questions",
        str(MINI / "questions"),
        "merge",
        "lead.json",
        "colleague.json",
        "--themes",
        "colleague.json=beta",
        *options,
        cwd=folder,
    )


def test_answers_of_no_theme_are_taken_from_a_file_given_by_theme(tmp_path, mini_bank):
    """F7: with --themes (the site always sends themes), a colleague's answers to retired questions and answers
    the bank does not know were dropped; they belong to no theme, and are kept aside in the merged file."""
    lead = make_assessment(mini_bank, "unitary", {"ALP-01": "yes"})
    colleague = make_assessment(
        mini_bank,
        "unitary",
        {"BET-01": "yes", "ZZZ-01": "x"},
        notes={"ZZZ-01": "A question of a newer bank."},
        retired_answers={"OLD-01": "yes"},
    )
    ran = merge_by_theme(tmp_path, lead, colleague, "-o", "m.json")
    assert ran.returncode == 0, ran.stderr
    merged = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    assert merged["answers"] == {"ALP-01": "yes", "BET-01": "yes"}
    assert merged["retired_answers"] == {"OLD-01": "yes", "ZZZ-01": "x"}
    assert merged["notes"] == {"ZZZ-01": "A question of a newer bank."}


def test_what_a_theme_choice_leaves_out_is_said(tmp_path, mini_bank):
    lead = make_assessment(mini_bank, "unitary", {"ALP-01": "yes"})
    colleague = make_assessment(
        mini_bank, "unitary", {"BET-01": "yes", "ALP-02": "some", "ALP-03": ["front"]}, notes={"ALP-02": "x"}
    )
    merged = merge_assessments(
        mini_bank,
        [("lead.json", json.dumps(lead)), ("colleague.json", json.dumps(colleague))],
        themes={"colleague.json": ["beta"]},
    )
    assert merged["left_out"] == [
        {
            "file": "colleague.json",
            "themes": ["beta"],
            "answers": 2,
            "notes": 1,
            "evidence": 0,
            "action_plan": 0,
            "review_marks": 0,
            "message": "colleague.json: only the themes chosen (beta) were taken: 2 answers and 1 note of other "
            "themes left out",
        }
    ]
    ran = merge_by_theme(tmp_path, lead, colleague)
    assert (
        "colleague.json: only the themes chosen (beta) were taken: 2 answers and 1 note of other themes left out"
        in ran.stderr
    )
