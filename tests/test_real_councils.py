"""The real-councils corpus is sound: valid files, every answer sourced, a spread of councils, every file rated.

The corpus (tests/data/real_councils/, loaded by tests/real_councils.py) is real councils assessed
from their published statements; these tests keep it usable as evidence for the scoring model.
"""

from __future__ import annotations

import jsonschema
import pytest

from scorecard.bank_source.load import schema
from scorecard.council_register import bank_types, built_in_register, find_council
from scorecard.engine import load_assessment, score_assessment
from tests.real_councils import NOT_RATED, RATED_WITH, RealCouncil, ratings, real_councils

COUNCILS = real_councils()


def by_name(test):
    """Run a test once for each council of the corpus, named after its file."""
    return pytest.mark.parametrize("council", COUNCILS, ids=[c.name for c in COUNCILS])(test)


def test_the_corpus_has_at_least_six_councils():
    assert len(COUNCILS) >= 6


@by_name
def test_each_file_is_a_valid_assessment_of_a_register_council(council: RealCouncil, real_bank, real_compiled):
    jsonschema.Draft202012Validator(schema("assessment")).validate(council.assessment)
    assessment = load_assessment(council.assessment, real_bank)  # raises AssessmentError with the reasons
    assert assessment.set_aside == {}, f"{council.name}: answers the bank does not know: {assessment.set_aside}"
    registered = find_council(built_in_register(), bank_types(real_compiled), council.assessment["council"]["code"])
    assert council.assessment["council"] == registered.assessment_council(), (
        "council details differ from the register's"
    )
    asked = {
        q["id"]: q["status"] for theme in score_assessment(real_bank, assessment)["themes"] for q in theme["questions"]
    }
    not_counted = {qid: asked.get(qid, "not asked") for qid in assessment.answers if asked.get(qid) != "answered"}
    assert not not_counted, f"{council.name}: answers the bank does not count for this council: {not_counted}"


@by_name
def test_every_answer_has_its_supporting_words_and_the_address_of_its_source(council: RealCouncil):
    data = council.assessment
    answered = [qid for qid, answer in data["answers"].items() if answer is not None]
    assert answered, f"{council.name} has no answers"
    for qid in answered:
        assert data.get("notes", {}).get(qid, "").strip(), f"{council.name} {qid}: no note quoting the source"
        link = data.get("evidence", {}).get(qid, {}).get("link", "")
        assert link.startswith(("https://", "http://")), f"{council.name} {qid}: no evidence address"


def test_the_councils_cover_three_nations_and_five_council_types(real_bank):
    types = {c.assessment["council"]["type"] for c in COUNCILS}
    nations = {real_bank.council_types[t].nation for t in types}
    assert len(nations) >= 3, nations
    assert len(types) >= 5, types


def test_ratings_cover_every_file_and_only_the_files(real_bank):
    rated = set(ratings()["councils"])
    files = {c.name for c in COUNCILS}
    assert rated == files, f"rated but no file: {sorted(rated - files)}; file but not rated: {sorted(files - rated)}"


@by_name
def test_each_rating_gives_a_level_and_a_reason_for_every_theme_and_overall(council: RealCouncil, real_bank):
    levels = [tier.id for tier in real_bank.tiers] + [NOT_RATED]
    assert ratings()["levels"] == levels
    assert council.rating is not None
    assert set(council.rating["themes"]) == {theme.id for theme in real_bank.themes} - set(RATED_WITH)
    for where, rating in [*council.rating["themes"].items(), ("overall", council.rating["overall"])]:
        assert rating["level"] in levels, f"{council.name} {where}: {rating['level']!r} is not one of {levels}"
        assert rating["reason"].strip(), f"{council.name} {where}: no reason"
