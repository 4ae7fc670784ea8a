"""The comparison's summary (engine/summary.py) and the code generated for it (engine/summary_code.py).

Every figure summarise gives must be score_assessment's: checked with hypothesis on the real bank
and the test banks, plain files and files with corrected functions and yearly parts. The generated
source must compile for every council context, be the same text from run to run (whatever the
hash seed), and follow the bank's data rather than hold rules of its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.bank_source.load import load_bank
from scorecard.engine import Bank, load_assessment, score_assessment
from scorecard.engine.summary import Summary, summarise
from scorecard.engine.summary_code import compile_figures, summary_source
from scorecard.engine.tables import council_tables
from scorecard.testing import random_assessment
from tests.helpers import ROOT, make_assessment
from tests.test_properties import SETTINGS, assessment_files

BANKS = {
    "built-in": ROOT,
    **{name: ROOT / "tests" / "fixtures" / name for name in ("mini", "mini_v2", "measure", "follow_ups")},
}
FIGURES = ("score", "tier", "risk", "coverage", "provisional")


def _load(name: str) -> Bank:
    compiled, problems = load_bank(BANKS[name] / "questions")
    if problems:
        pytest.skip(f"the {name} bank does not validate ({problems[0]})")
    return Bank.from_dict(compiled)


@pytest.fixture(scope="module", params=list(BANKS))
def bank(request) -> Bank:
    return _load(request.param)


def expected(full: dict) -> Summary:
    """What summarise must give: score_assessment's figures, only those a comparison shows."""
    return {
        "council": full["council"],
        "assessment_date": full["assessment_date"],
        "bank_version": full["bank_version"],
        "assessment_bank_version": full["assessment_bank_version"],
        "version_changed": full["changes"]["version_changed"],
        "overall": {k: full["overall"][k] for k in FIGURES},
        "themes": [
            {"id": t["id"], **{k: t[k] for k in FIGURES}, "asked": t["asked"], "answered": t["answered"]}
            for t in full["themes"]
        ],
    }


def same(bank: Bank, file: dict) -> None:
    assessment = load_assessment(file, bank)
    lean = summarise(bank, assessment)
    # json.dumps: the same values and the same types (True is not 1, 1.0 is not 1), in the same order
    assert json.dumps(lean) == json.dumps(expected(score_assessment(bank, assessment)))
    assert set(lean) == set(Summary.__annotations__)


@SETTINGS
@given(data=st.data())
def test_every_figure_is_score_assessments(bank, data):
    same(bank, data.draw(assessment_files(bank)))


@SETTINGS
@given(data=st.data())
def test_every_figure_is_score_assessments_with_corrected_functions_and_yearly_parts(bank, data):
    file = data.draw(assessment_files(bank))
    ids = sorted(bank.questions)
    if data.draw(st.booleans()):
        file["council"]["functions"] = data.draw(st.lists(st.sampled_from(sorted(bank.functions)), unique=True))
    if data.draw(st.booleans()):
        file["bank_version"] = "2020.1"
    file["evidence"] = {
        q: {"reference": "Cabinet report 14"}
        for q in data.draw(st.lists(st.sampled_from(ids), unique=True, max_size=8))
    }
    file["action_plan"] = {
        q: {"status": "in_progress"} for q in data.draw(st.lists(st.sampled_from(ids), unique=True, max_size=6))
    }
    same(bank, file)


def test_the_benchmarks_files_give_score_assessments_figures(bank):
    """The generator the benchmark uses, every council type and answer rate, a few hundred files."""
    import random

    rng = random.Random(7)
    for council_type in sorted(bank.council_types):
        for rate in (1.0, 0.9, 0.6, 0.3, 0.0):
            for _ in range(6):
                same(bank, random_assessment(bank, rng, council_type, answer_rate=rate))


def test_a_council_with_no_answers_and_one_with_every_best_answer(bank):
    for council_type in bank.council_types:
        same(bank, make_assessment(bank, council_type, {}))
        best = {
            q.id: (
                max(q.options, key=lambda o: o.score).id
                if q.type != "multi"
                else [o.id for o in q.options if o.score > 0]
            )
            for q in bank.questions.values()
        }
        same(bank, make_assessment(bank, council_type, best))


def contexts(bank: Bank):
    """Every council type's context, and corrected ones: no functions, every function, each one alone."""
    nations = sorted({c.nation for c in bank.council_types.values()})
    seen = {(c.nation, c.functions) for c in bank.council_types.values()}
    for nation in nations:
        seen |= {(nation, frozenset()), (nation, frozenset(bank.functions))}
        seen |= {(nation, frozenset([f])) for f in bank.functions}
    return sorted(seen, key=lambda c: (c[0], sorted(c[1])))


def test_the_generated_source_compiles_for_every_council_context(bank):
    for nation, functions in contexts(bank):
        council = council_tables(bank, nation, functions)
        source = summary_source(bank, council)
        compile(source, "<test>", "exec")
        figures = compile_figures(bank, council)
        themes, overall = figures({})
        assert [t["id"] for t in themes] == [t.id for t in bank.themes]
        assert set(overall) == set(FIGURES)
        for asked in council.asked:  # every question asked is read by its id
            if not asked.is_context or asked.id in source:
                assert repr(asked.id) in source, asked.id


SOURCES = """
import hashlib, json
from scorecard.bank_source.load import load_bank
from scorecard.engine import Bank
from scorecard.engine.summary_code import summary_source
from scorecard.engine.tables import council_tables
from tests.test_summary import BANKS, contexts
out = {}
for name, folder in BANKS.items():
    bank = Bank.from_dict(load_bank(folder / "questions")[0])
    out[name] = [hashlib.sha256(summary_source(bank, council_tables(bank, n, f)).encode()).hexdigest() for n, f in contexts(bank)]
print(json.dumps(out))
"""


def test_the_generated_source_is_the_same_text_whatever_the_hash_seed():
    """Sets of strings change order with Python's hash seed: the generator must not let that into the text."""
    runs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        done = subprocess.run(
            [sys.executable, "-c", SOURCES], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 0, done.stderr
        runs.append(json.loads(done.stdout))
    assert runs[0] == runs[1]


def test_the_generated_code_follows_the_banks_data():
    """No rule lives in the generated code: a bank with other weights, points, gates and thresholds
    gives other figures, and still score_assessment's."""
    compiled, problems = load_bank(BANKS["mini"] / "questions")
    assert not problems
    changed = json.loads(json.dumps(compiled))
    for theme in changed["themes"]:
        for question in theme["questions"]:
            question["weight"] = (
                question.get("weight", 0) * 3 + 1 if question.get("weight") else question.get("weight", 0)
            )
    original, other = Bank.from_dict(compiled), Bank.from_dict(changed)
    rng_files = []
    import random

    rng = random.Random(3)
    for council_type in sorted(original.council_types):
        for _ in range(10):
            rng_files.append(random_assessment(original, rng, council_type, answer_rate=0.8))
    differ = 0
    for file in rng_files:
        same(other, file)
        a = summarise(original, load_assessment(file, original))
        b = summarise(other, load_assessment(file, other))
        differ += a["themes"] != b["themes"]
    assert differ, "changing every weight changed no theme's figures"


def test_a_summary_is_kept_per_context_and_bounded(monkeypatch):
    from scorecard.engine import tables

    monkeypatch.setattr(tables, "MAX_COUNCIL_CONTEXTS", 2)
    bank = _load("mini")
    functions = sorted(bank.functions)
    files = [
        make_assessment(bank, "unitary", {}, council={"name": "Testshire", "type": "unitary", "functions": f})
        for f in ([], functions[:1], functions[1:], functions)
    ]
    for file in files + files:
        same(bank, file)
    assert len(bank.compiled("summary figures", dict)) == 2
