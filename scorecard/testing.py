"""Random but valid assessments for a bank: for parity tests, benchmarks and examples.

Deterministic for a given random.Random, so a failing case can be regenerated.
"""

from __future__ import annotations

import random
from typing import Any

from .engine import NOT_APPLICABLE, Bank


def random_answer(question, rng: random.Random) -> Any:
    """An option id, a list of option ids (multi), or 'n/a' where allowed."""
    if question.allow_na and rng.random() < 0.1:
        return NOT_APPLICABLE
    if question.type == "multi":
        return sorted(rng.sample([o.id for o in question.options], rng.randint(0, len(question.options))))
    return rng.choice(question.options).id


def random_assessment(bank: Bank, rng: random.Random, council_type: str | None = None,
                      answer_rate: float = 0.85, name: str = "Example council") -> dict[str, Any]:
    """An assessment file (dict) answering about answer_rate of the bank's questions at random."""
    council_type = council_type or rng.choice(sorted(bank.council_types))
    ctype = bank.council_types[council_type]
    answers = {
        q.id: random_answer(q, rng)
        for q in bank.asked_of(ctype.nation, ctype.functions)
        if rng.random() < answer_rate
    }
    return {
        "format": "scorecard-assessment",
        "format_version": 1,
        "council": {"name": name, "type": council_type},
        "assessment_date": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",  # past: later dates are refused
        "bank_version": bank.version,
        "answers": answers,
        "notes": {qid: "Evidence held by the lead officer." for qid in list(answers)[:2]},
    }
