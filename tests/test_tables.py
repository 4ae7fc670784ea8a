"""The lookup tables the engine compiles from a bank (engine/tables.py): built once, bounded, and
never a different result from a bank that has not built them yet."""

from __future__ import annotations

import json
import math

from scorecard.engine import Bank, load_assessment, score_assessment, tables
from scorecard.engine.actions import rounded_gain
from scorecard.engine.tables import council_tables, share

from .helpers import MINI, compile_bank, make_assessment


def test_a_council_context_is_compiled_once_and_kept_on_the_bank(mini_bank):
    ctype = mini_bank.council_types["unitary"]
    first = council_tables(mini_bank, ctype.nation, ctype.functions)
    assert council_tables(mini_bank, ctype.nation, frozenset(ctype.functions)) is first
    other = Bank.from_dict(compile_bank(MINI / "questions"))
    assert council_tables(other, ctype.nation, ctype.functions) is not first  # each bank its own


def test_the_kept_contexts_are_bounded_and_a_dropped_one_scores_the_same(mini_bank, monkeypatch):
    """Councils correcting their functions each add a context: the oldest go beyond the limit,
    and scoring with a context compiled again gives what a bank that never dropped it gives."""
    monkeypatch.setattr(tables, "MAX_COUNCIL_CONTEXTS", 2)
    bank = Bank.from_dict(compile_bank(MINI / "questions"))
    functions = sorted(bank.functions)
    choices = [[], functions[:1], functions[1:], functions]
    answers = {q.id: q.options[-1].id for q in bank.questions.values() if q.type != "multi"}
    files = [
        make_assessment(bank, "unitary", answers, council={"name": "Testshire", "type": "unitary", "functions": f})
        for f in choices
    ]
    first_pass = [score_assessment(bank, load_assessment(f, bank)) for f in files]
    kept = bank.compiled("council tables", dict)
    assert len(kept) == 2
    second_pass = [score_assessment(bank, load_assessment(f, bank)) for f in files]  # each compiled again
    fresh = []
    for file in files:
        new_bank = Bank.from_dict(compile_bank(MINI / "questions"))  # nothing compiled yet
        fresh.append(score_assessment(new_bank, load_assessment(file, new_bank)))
    assert json.dumps(first_pass) == json.dumps(second_pass) == json.dumps(fresh)


def test_kept_roundings_are_round_itself_and_keep_the_sign_of_zero():
    for value in (0.123449999, 0.5, 2 / 3, 1e-9, 1.0, 0.00005, 0.00015):
        assert share(value) == round(value, 4)
        assert rounded_gain(value * 100) == (round(value * 100, 1), round(value * 100, 6))
    assert math.copysign(1, share(-0.0)) == -1 and math.copysign(1, share(0.0)) == 1
