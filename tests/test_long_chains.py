"""A chain of 5,000 follow-ups: validation stays linear and scoring never meets the recursion limit.

Issue 13: a long chain of follow-ups made validation cubic and scoring hit Python's recursion
limit (1,000 frames). The bank is generated: five themes of 1,000 yes/no questions, each
question a follow-up of the next one, so the bank lists every follow-up before its parent (the
order that makes a careless walk quadratic). The time bounds are generous (a loaded machine
with 2 cores shared by several people): a quadratic walk of this chain took minutes.
"""

from __future__ import annotations

import re
import shutil
import sys
import time
from pathlib import Path

import pytest

from scorecard.bank_source.load import cycle_description, find_cycles, load_bank
from scorecard.engine import Bank, load_assessment, score_assessment

from .helpers import MINI, make_assessment

THEMES, PER_THEME = 5, 1000
LENGTH = THEMES * PER_THEME
TIERS = ("basic", "early", "substantial", "mature")
VALIDATE_SECONDS = 150  # measured 17-24 s with the machine's load average at 14 on 2 cores
SCORE_SECONDS = 30  # building the bank and scoring: about 1 s; a quadratic walk took about 2 minutes


def question_id(k: int) -> str:
    return f"C{chr(65 + k // PER_THEME)}A-{k % PER_THEME:03d}"


def write_chain_bank(folder: Path) -> list[str]:
    """The mini bank's scoring rules with five generated themes; returns the ids, follow-ups first."""
    shutil.copytree(
        MINI / "questions",
        folder / "questions",
        ignore=shutil.ignore_patterns("alpha.yaml", "beta.yaml", "statement_summary.yaml"),
    )
    (folder / "guidance").mkdir()
    theme_ids = [f"chain_{chr(97 + t)}" for t in range(THEMES)]
    scoring = folder / "questions" / "scoring.yaml"
    head, _, rest = scoring.read_text(encoding="utf-8").partition("retired:")
    text = head + "rules:" + rest.partition("rules:")[2]  # without the mini bank's retired questions
    weights = ", ".join(f"{t}: {{weight: 1, reason: One link of the chain.}}" for t in theme_ids)
    text = re.sub(r"(?m)^theme_weights: .*$", f"theme_weights: {{{weights}}}", text)
    text = text.replace("themes: [alpha, beta]", f"themes: [{', '.join(theme_ids)}]")
    scoring.write_text(text, encoding="utf-8")
    for t, theme_id in enumerate(theme_ids):
        sections = "".join(f"## {tier} {{#tier-{tier}}}\n\nWhat to do.\n\n" for tier in TIERS)
        (folder / "guidance" / f"{theme_id}.md").write_text(f"# Chain {t}\n\n{sections}", encoding="utf-8")
        parts = [
            f"theme:\n  id: {theme_id}\n  title: Chain {t}\n  summary: Part of one long chain of follow-ups.\n"
            f"  prefix: C{chr(65 + t)}A\n  guidance: {theme_id}.md\nquestions:\n"
        ]
        for k in range(t * PER_THEME, (t + 1) * PER_THEME):
            parent = f"    depends_on: {{question: {question_id(k + 1)}, answer_in: [yes]}}\n" if k + 1 < LENGTH else ""
            parts.append(
                f"  - id: {question_id(k)}\n    text: Question {k} of the chain?\n    help: Asked when the next one is yes.\n"
                f"    type: yes_no\n    weight: 1\n{parent}    guidance: [{theme_id}.md]\n    sources: [Generated for a test]\n"
            )
        (folder / "questions" / f"{theme_id}.yaml").write_text("".join(parts), encoding="utf-8")
    return [question_id(k) for k in range(LENGTH)]


@pytest.fixture(scope="module")
def chain(tmp_path_factory):
    """The generated bank, validated once (timed) for every test here."""
    folder = tmp_path_factory.mktemp("chain")
    ids = write_chain_bank(folder)
    started = time.perf_counter()
    compiled, problems = load_bank(folder / "questions")
    seconds = time.perf_counter() - started
    return ids, compiled, problems, seconds


@pytest.mark.slow  # about 25 s on a loaded machine: scripts/test and CI run it
def test_a_5000_question_chain_validates_in_linear_time(chain):
    ids, compiled, problems, seconds = chain
    assert problems == [] and compiled is not None
    assert sum(len(t["questions"]) for t in compiled["themes"]) == LENGTH > sys.getrecursionlimit()
    assert seconds < VALIDATE_SECONDS, f"validating a {LENGTH}-question chain took {seconds:.1f} s"


@pytest.mark.slow
def test_a_5000_question_chain_scores_without_recursion(chain):
    ids, compiled, _, _ = chain
    started = time.perf_counter()
    bank = Bank.from_dict(compiled)
    assert [q.id for q in bank.parents_first] == ids[::-1]  # the root first, each follow-up after its parent
    every_yes = score_assessment(
        bank, load_assessment(make_assessment(bank, "district", {i: "yes" for i in ids}), bank)
    )
    root_no = score_assessment(bank, load_assessment(make_assessment(bank, "district", {ids[-1]: "no"}), bank))
    seconds = time.perf_counter() - started
    assert every_yes["overall"]["score"] == 100.0 and every_yes["overall"]["coverage"] == 1.0
    statuses = {q["id"]: q for t in root_no["themes"] for q in t["questions"]}
    assert statuses[ids[-1]]["status"] == "answered"
    assert all(statuses[i]["status"] == "not_asked" and statuses[i]["reason"] == "parent_closed" for i in ids[:-1])
    # only the root's theme has an answer: it scores 0, the others are not started
    assert [t["score"] for t in root_no["themes"]] == [None] * (THEMES - 1) + [0.0]
    assert seconds < SCORE_SECONDS, f"building the bank and scoring a {LENGTH}-question chain took {seconds:.1f} s"


def test_a_cycle_through_100000_questions_is_found_in_linear_time():
    """The cycle check alone, on a chain far longer than any bank, closed into one loop."""
    length = 100_000
    parent_of = {f"Q{k}": f"Q{(k + 1) % length}" for k in range(length)}
    parent_of["Q-free"] = None  # a question with no parent, and one leading into the loop
    parent_of["Q-into"] = "Q5"
    started = time.perf_counter()
    cycles = find_cycles(parent_of)
    seconds = time.perf_counter() - started
    assert [len(c) for c in cycles] == [length + 1] and cycles[0][0] == cycles[0][-1] == "Q0"
    message = cycle_description(cycles[0])
    assert message.startswith("Q0 -> Q1 -> Q2 -> ") and message.endswith("-> Q99999 -> Q0 (100000 questions)")
    assert len(message) < 200  # not 100,000 ids on one line
    assert seconds < SCORE_SECONDS, f"checking a {length}-question cycle took {seconds:.1f} s"
