"""Benchmark contributions: a signed-off assessment's figures, and nothing else unless the council ticks it.

Properties over random assessments of the real bank, every one carrying notes, evidence, an action plan,
assignments, provenance with names, last year's answers, indicators with notes and a sign-off: the
contribution holds only what it lists, the JSON Schema and the engine agree on it, and what is read back
is what was written.
"""

from __future__ import annotations

import json
import random

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.engine import AssessmentError, load_assessment, score_assessment
from scorecard.engine.contribution import BASE, INCLUDES, make_contribution, read_contribution, theme_measures
from scorecard.testing import yearly_example

from .helpers import MINI, ROOT, Quiet, compile_bank, make_assessment

SCHEMA = json.loads((ROOT / "scorecard" / "schemas" / "contribution.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def bank(real_bank):
    return Quiet(real_bank)


SIGNED = {"name": "A. Lead", "role": "Lead", "date": "2026-04-01"}
SECRET = "Officer Pat Secret"  # a name put everywhere a person's name or words can be in a file


def full_file(bank, seed: int) -> dict:
    """A yearly example with every kind of private detail in it, each containing SECRET."""
    rng = random.Random(seed)
    data = yearly_example(bank, rng, council_type=rng.choice(["district", "unitary", "county", "wales_principal"]))
    answered = list(data["answers"])
    data["notes"] = {q: f"Note by {SECRET} on {q}" for q in answered[:5]}
    data["evidence"] = {q: {"reference": f"Report by {SECRET}", "date": "2026-05-01"} for q in answered[5:9]}
    for entry in data["action_plan"].values():
        entry["owner"] = SECRET
    data["assignments"] = {bank.themes[0].id: SECRET}
    data["provenance"] = {answered[0]: {"at": "2026-11-01T10:00:00Z", "by": SECRET}}
    data["sign_off"] = {"name": SECRET, "role": f"Lead ({SECRET})", "date": "2026-11-28"}
    data["targets"] = {t.id: rng.choice([b.id for b in bank.tiers]) for t in bank.themes[:3]}
    data["council"]["code"], data["council"]["ons_code"] = "TST", "E07000999"
    data["council"]["functions"] = sorted(bank.council_types[data["council"]["type"]].functions)[:-1]
    data["indicators"] = {
        "IND-02": {"from": "2025-04-01", "to": "2026-03-31", "counts": {"nrm_referrals": 4}, "note": f"{SECRET}'s log"}
    }
    return data


def contribute(bank, data: dict, include) -> dict:
    assessment = load_assessment(data, bank)
    return make_contribution(bank, assessment, score_assessment(bank, assessment), list(include))


@given(seed=st.integers(0, 10_000), include=st.sets(st.sampled_from(INCLUDES)))
def test_a_contribution_holds_nothing_but_what_it_lists(seed, include, bank):
    data = full_file(bank, seed)
    made = contribute(bank, data, include)
    sections = {i for i in include if i != "functions"}
    assert set(made) == set(BASE) | sections
    assert made["included"] == [i for i in INCLUDES if i in include]
    assert ("functions" in made["council"]) == ("functions" in include)
    text = json.dumps(made)
    private = {"notes", "evidence", "sign_off"}
    assert (SECRET in text) == bool(private & include), "a name or an officer's words left the file"
    assert ("note" in json.dumps(made["indicators"])) == ("notes" in include)
    errors = [e.message for e in VALIDATOR.iter_errors(made)]
    assert errors == []
    read = read_contribution(made, bank)
    assert read.overall == made["overall"] and read.themes == made["themes"] and read.included == made["included"]


@given(seed=st.integers(0, 10_000), extra=st.sampled_from(["notes", "evidence", "sign_off", "answers", "targets",
                                                          "provenance", "action_plan"]))  # fmt: skip
def test_anything_it_does_not_list_is_refused_by_the_engine_and_the_schema_alike(seed, extra, bank):
    data = full_file(bank, seed)
    made = contribute(bank, data, [])
    made[extra] = data.get(extra) or {"SPC-01": "x"}
    with pytest.raises(AssessmentError, match=f"'{extra}' is not part of a contribution unless the council included"):
        read_contribution(made, bank)
    assert list(VALIDATOR.iter_errors(made))


def test_an_indicator_note_or_changed_functions_need_ticking_too(bank):
    data = full_file(bank, 1)
    made = contribute(bank, data, [])
    made["indicators"]["IND-02"]["note"] = "a note"
    with pytest.raises(AssessmentError, match="indicators: note"):
        read_contribution(made, bank)
    assert list(VALIDATOR.iter_errors(made))
    made = contribute(bank, data, [])
    made["council"]["functions"] = data["council"]["functions"]
    with pytest.raises(AssessmentError, match="council.functions"):
        read_contribution(made, bank)
    assert list(VALIDATOR.iter_errors(made))


def test_only_a_signed_off_assessment_is_contributed(bank):
    data = full_file(bank, 2)
    del data["sign_off"]
    with pytest.raises(AssessmentError, match="only a signed-off assessment can be contributed"):
        contribute(bank, data, [])
    with pytest.raises(AssessmentError, match="'everything' is not something a contribution can include"):
        contribute(bank, full_file(bank, 2), ["everything"])


def test_figures_that_are_not_the_engines_are_refused(bank):
    made = contribute(bank, full_file(bank, 3), [])
    made["themes"][0]["score"] = 140
    made["themes"][1]["tier"] = "platinum"
    made["overall"]["provisional"] = "no"
    with pytest.raises(AssessmentError) as caught:
        read_contribution(made, bank)
    assert caught.value.problems == [
        'overall: provisional "no" is not a figure this scorecard writes (a score is 0 to 100, coverage and '
        "shares 0 to 1, provisional true or false, counts whole numbers, notes one line of text)",
        "spoc: score 140 is not a figure this scorecard writes (a score is 0 to 100, coverage and shares 0 to 1, "
        "provisional true or false, counts whole numbers, notes one line of text)",
        "safeguarding: 'platinum' is not a tier (one of: basic, early, substantial, mature)",
    ]


def test_a_themes_measure_changes_with_what_it_measures_only():
    compiled = compile_bank(MINI / "questions")
    from scorecard.engine import Bank

    before = theme_measures(Bank.from_dict(compiled))
    reworded = json.loads(json.dumps(compiled))
    reworded["themes"][0]["questions"][0]["text"] = "Reworded, asking the same thing."
    assert theme_measures(Bank.from_dict(reworded)) == before
    reweighted = json.loads(json.dumps(compiled))
    reweighted["themes"][0]["questions"][0]["weight"] += 1
    after = theme_measures(Bank.from_dict(reweighted))
    first, second = (t["id"] for t in compiled["themes"][:2])
    assert after[first] != before[first] and after[second] == before[second]


def test_a_theme_not_rated_travels_as_not_rated_and_a_contradiction_is_refused(mini_bank):
    # Alpha with one of its three questions answered (20% of its weight; a tier needs 50%): a score, no tier
    data = make_assessment(mini_bank, "district", {"ALP-01": "no"}, sign_off=SIGNED)
    made = contribute(mini_bank, data, [])
    alpha = made["themes"][0]
    assert (alpha["score"], alpha["tier"], alpha["not_rated"]) == (0.0, None, "not_enough_answered")
    assert alpha["rating_note"].startswith("Not enough answered to rate: 1 of 3 questions answered")
    assert made["overall"]["tier"] is None and made["overall"]["rating_note"].startswith("Overall not rated")
    assert list(VALIDATOR.iter_errors(made)) == []
    assert read_contribution(made, mini_bank).themes[0] == alpha
    for change, problem in [
        ({"tier": "basic"}, "never both and never neither"),  # a tier beside a reason it has none
        ({"not_rated": None}, "never both and never neither"),  # a score with neither
        ({"not_rated": "bored"}, 'not_rated "bored" is not a reason a theme is not rated'),
        ({"rating_note": "two\nlines"}, "rating_note"),
    ]:
        bad = json.loads(json.dumps(made))
        bad["themes"][0].update(change)
        with pytest.raises(AssessmentError, match=problem):
            read_contribution(bad, mini_bank)
        assert list(VALIDATOR.iter_errors(bad)), change
