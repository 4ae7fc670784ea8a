"""check_and_summarise (engine/summary.py): load_assessment and summarise in one, for comparing many files.

For a plain file the generated figures function checks each answer while it reads it
(engine/summary_code.py) and gives up on anything it is not sure of, which goes through
load_assessment. So, for any file: the same refusals (the same messages), or the same Assessment
and a summary equal to summarise's and to score_assessment's figures. Files are valid ones from
the real bank and the test banks, with hypothesis's changes to one or two answers (every kind of
value a file can hold: options of this and other questions, lists, "n/a", null, numbers, objects;
for questions asked or not, closed follow-ups, context questions, unknown ids) and to the parts
the fast path reads (tests/test_assessment_fast_path.py's changes).
"""

from __future__ import annotations

import copy
import json
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.engine import Bank, load_assessment, score_assessment
from scorecard.engine.assessment import AssessmentError, plain_parts
from scorecard.engine.summary import check_and_summarise, summarise
from scorecard.engine.summary_code import figures_for
from scorecard.testing import random_assessment
from tests import test_assessment_fast_path as fast_path
from tests.test_properties import SETTINGS, assessment_files
from tests.test_summary import BANKS, _load, expected


@pytest.fixture(scope="module", params=list(BANKS))
def bank(request) -> Bank:
    return _load(request.param)


def odd_values(bank: Bank, qid: str) -> list:
    """Values an answer to ``qid`` may hold in a file: its own options, as text and in lists, others', and every other kind."""
    question = bank.questions.get(qid)
    own = sorted(question.option_scores) if question else []
    other = sorted({o for q in bank.questions.values() for o in q.option_scores} - set(own))[:2]
    return [
        *own[:3],
        own[:1],
        own[:2],
        own[:1] * 2,
        own,
        own[::-1],
        [],
        "n/a",
        ["n/a"],
        None,
        5,
        1.5,
        True,
        {"a": 1},
        [["nested"]],
        [5],
        [None],
        "no such option",
        *other,
        other[:1],
        "",
        own[0].upper() if own else "X",
    ]


def answer_changes(bank: Bank, data) -> list[tuple[str, object]]:
    """One or two answers changed: a question of the bank (asked of the council or not), a replaced or retired one, an unknown id."""
    ids = [*sorted(bank.questions), *sorted(bank.replaced_by), *sorted(bank.retired), "ZZZ-99"]
    chosen = data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=2, unique=True))
    return [(qid, data.draw(st.sampled_from(odd_values(bank, qid)))) for qid in chosen]


def outcome(function):
    try:
        return function()
    except AssessmentError as error:
        return error.details


def check_both(bank: Bank, file: object) -> None:
    def separately():
        assessment = load_assessment(copy.deepcopy(file), bank)
        return assessment, summarise(bank, assessment)

    together, apart = outcome(lambda: check_and_summarise(bank, copy.deepcopy(file))), outcome(separately)
    if isinstance(apart, list):
        assert together == apart, "not the same refusal"
        return
    assert isinstance(together, tuple), f"refused a file load_assessment accepts: {together}"
    assert together[0] == apart[0] and together[0].to_dict() == apart[0].to_dict()
    # json.dumps: the same values and the same types (True is not 1, 1.0 is not 1), in the same order
    assert json.dumps(together[1]) == json.dumps(apart[1])
    assert json.dumps(together[1]) == json.dumps(expected(score_assessment(bank, apart[0])))


@SETTINGS
@given(data=st.data())
def test_the_same_refusals_assessment_and_figures_with_odd_answers(bank, data):
    file = data.draw(assessment_files(bank))
    for qid, value in answer_changes(bank, data):
        file["answers"][qid] = value
    check_both(bank, file)


@SETTINGS
@given(data=st.data())
def test_the_same_refusals_assessment_and_figures_with_odd_parts(bank, data):
    file = fast_path.apply(bank, data.draw(assessment_files(bank)), fast_path.changes(bank, data))
    check_both(bank, file)


def test_each_odd_answer_alone_on_every_question(bank):
    """Every odd value on every question of the bank, one at a time, on a valid file of each council type."""
    rng = random.Random(3)
    for council_type in sorted(bank.council_types):
        valid = random_assessment(bank, rng, council_type, answer_rate=0.8)
        for qid in sorted(bank.questions):
            for value in odd_values(bank, qid):
                check_both(bank, {**valid, "answers": {**valid["answers"], qid: value}})


def test_the_benchmarks_files_are_checked_while_read(bank):
    """The files a comparison is given, as the benchmark makes them: none needs load_assessment, and each gives its figures."""
    rng = random.Random(13)
    for council_type in sorted(bank.council_types):
        for rate in (1.0, 0.8, 0.4, 0.0):
            file = random_assessment(bank, rng, council_type, answer_rate=rate)
            plain = plain_parts(file, bank)
            ctype = bank.council_types[council_type]
            assert plain is not None and figures_for(bank, ctype.nation, ctype.functions)(plain.answers) is not None
            check_both(bank, file)
