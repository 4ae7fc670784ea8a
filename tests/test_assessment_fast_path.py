"""load_assessment's fast path for plain, well-formed files (assessment._well_formed) against every check (_checked).

What the fast path accepts, the full checks accept with an equal Assessment; what they refuse, it
never accepts. Files are valid ones with hypothesis's changes to every part the fast path reads:
the council's fields, the date, the versions, the notes, answers it must leave to the full checks
and sections that are not plain.
"""

from __future__ import annotations

import copy
import datetime
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.bank_source.load import load_bank
from scorecard.engine import Bank, assessment
from scorecard.engine.assessment import AssessmentError, _checked, _well_formed
from scorecard.testing import random_assessment
from tests.helpers import ROOT
from tests.test_properties import SETTINGS, assessment_files

BANKS = {
    "built-in": ROOT,
    "mini_v2": ROOT / "tests" / "fixtures" / "mini_v2",
    "mini": ROOT / "tests" / "fixtures" / "mini",
}
KEEP = object()
TODAY = datetime.date.today()


@pytest.fixture(scope="module", params=list(BANKS))
def bank(request) -> Bank:
    compiled, problems = load_bank(BANKS[request.param] / "questions")
    if problems:
        pytest.skip(f"the {request.param} bank does not validate ({problems[0]})")
    return Bank.from_dict(compiled)


TEXTS = [
    "",
    "  Padded name  ",
    "Ünïcode Cöuncil",
    "x" * 200,
    "x" * 201,
    "Line\nbreak",
    "Zero\u200bwidth",
    "RTL\u202eoverride",
    "Tab\there",
]
NO_CHANGE = {"extra": None, "notes": [], "answer": None, "not_a_dict": False}


def parts(bank: Bank) -> dict[str, list]:
    """Each part of a file the fast path reads, and values for it: valid ones and every kind it must leave to the full checks."""
    days = [TODAY + datetime.timedelta(days=n) for n in (-400, 0, 1, 2)]
    qids = sorted(bank.questions)
    odd_ids = ["ZZZ-99", *sorted(bank.replaced_by), *sorted(bank.retired)]
    return {
        "name": [*TEXTS, 5, None],
        "region": [*TEXTS, ["a list"]],
        "type": [*sorted(bank.council_types), *sorted(bank.type_replaced_by), "nope", 3, None],
        "ons_code": ["", "E06000001", "S12000033", "bad", 5],
        "code": ["", "ABC", "abc", "ABCD", None],
        "functions": [None, [], sorted(bank.functions)[:1], ["not_a_function"]],
        "date": ["2014-12-31", "2015-01-01", "2026-02-30", "20260401", 5, None, *(d.isoformat() for d in days)],
        "bank_version": ["", "2020.1", 3, None],
        "format": ["other", None],
        "format_version": [True, 1.0, 2, "1"],
        "extra": [
            ("provenance", {}),
            ("retired_answers", {}),
            ("evidence", {}),
            ("sign_off", None),
            ("unknown_section", 1),
        ],
        "notes": [
            [(qid, text)] for qid in [*qids[:3], *odd_ids[:4]] for text in ("", "A note.", 5, None, "x" * 10_001)
        ],
        "notes_whole": [[], "text"],
        "answer": [("ZZZ-99", "yes"), ("bad option", None), ("null", None), *((qid, "yes") for qid in odd_ids[1:4])],
        "answers_whole": [[], None],
        "not_a_dict": [True],
    }


def changes(bank: Bank, data) -> dict:
    """One or two parts of the file changed, the rest kept: so that a file the fast path would
    wrongly accept is not hidden by another change it refuses."""
    values = parts(bank)
    change = {key: NO_CHANGE.get(key, KEEP) for key in values}
    for key in data.draw(st.lists(st.sampled_from(sorted(values)), min_size=1, max_size=2, unique=True)):
        change[key] = data.draw(st.sampled_from(values[key]))
    return change


def apply(bank: Bank, file: dict, change: dict) -> object:
    if change["not_a_dict"]:
        return [file]
    council = file["council"]
    for key in ("name", "region", "type", "ons_code", "code", "functions"):
        if change[key] is not KEEP:
            council[key] = change[key]
    for key, field in (
        ("date", "assessment_date"),
        ("bank_version", "bank_version"),
        ("format", "format"),
        ("format_version", "format_version"),
    ):
        if change[key] is not KEEP:
            file[field] = change[key]
    if change["extra"]:
        file[change["extra"][0]] = change["extra"][1]
    for qid, text in change["notes"]:
        file["notes"][qid] = text
    if change["notes_whole"] is not KEEP:
        file["notes"] = change["notes_whole"]
    answer = change["answer"]
    if answer and answer[0] == "bad option" and file["answers"]:
        file["answers"][sorted(file["answers"])[0]] = "no such option"
    elif answer and answer[0] == "null" and file["answers"]:
        file["answers"][sorted(file["answers"])[0]] = None
    elif answer and answer[0] not in ("bad option", "null"):
        file["answers"][answer[0]] = answer[1]
    if change["answers_whole"] is not KEEP:
        file["answers"] = change["answers_whole"]
    return file


def both(bank: Bank, data: object):
    fast = _well_formed(copy.deepcopy(data), bank)
    try:
        full = _checked(copy.deepcopy(data), bank)
    except AssessmentError:
        full = None
    return fast, full


@SETTINGS
@given(data=st.data())
def test_the_fast_path_accepts_only_what_every_check_accepts_and_gives_the_same_assessment(bank, data):
    file = apply(bank, data.draw(assessment_files(bank)), changes(bank, data))
    fast, full = both(bank, file)
    if fast is not None:
        assert full is not None, "the fast path accepted a file the full checks refuse"
        assert fast == full
        assert fast.to_dict() == full.to_dict()


def test_each_change_alone(bank):
    """Every value of every part, one at a time, on one valid file of each council type."""
    rng = random.Random(5)
    for council_type in sorted(bank.council_types):
        valid = random_assessment(bank, rng, council_type, answer_rate=0.8)
        for key, values in parts(bank).items():
            for value in values:
                change = {k: NO_CHANGE.get(k, KEEP) for k in parts(bank)}
                change[key] = value
                fast, full = both(bank, apply(bank, copy.deepcopy(valid), change))
                if fast is not None:
                    assert full is not None and fast == full, (key, value)


def test_the_fast_path_takes_the_common_case(bank):
    """The files a comparison is given, as the benchmark makes them: each goes the fast way, to the same Assessment."""
    rng = random.Random(11)
    for council_type in sorted(bank.council_types):
        for rate in (1.0, 0.7, 0.0):
            file = random_assessment(bank, rng, council_type, answer_rate=rate)
            fast, full = both(bank, file)
            assert fast is not None and fast == full
            assert assessment.load_assessment(file, bank) == full
