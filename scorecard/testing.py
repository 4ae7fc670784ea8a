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
        chosen = sorted(rng.sample([o.id for o in question.options], rng.randint(0, len(question.options))))
        alone = [o for o in chosen if o in question.exclusive_options]  # "None of these" is given on its own
        if alone and len(chosen) > 1:
            chosen = alone[:1] if rng.random() < 0.5 else [o for o in chosen if o not in alone]
        return chosen
    return rng.choice(question.options).id


def random_assessment(
    bank: Bank,
    rng: random.Random,
    council_type: str | None = None,
    answer_rate: float = 0.85,
    name: str = "Example council",
) -> dict[str, Any]:
    """An assessment file (dict) answering about answer_rate of the bank's questions at random."""
    council_type = council_type or rng.choice(sorted(bank.council_types))
    ctype = bank.council_types[council_type]
    answers = {
        q.id: random_answer(q, rng) for q in bank.asked_of(ctype.nation, ctype.functions) if rng.random() < answer_rate
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


OWNERS = (
    "Head of Procurement",
    "Licensing Manager",
    "Housing Options Manager",
    "Safeguarding Adults Lead",
    "Modern Slavery Lead",
    "Head of Legal Services",
)


def yearly_example(
    bank: Bank, rng: random.Random, council_type: str = "district", name: str = "Example Testvale District Council"
) -> dict[str, Any]:
    """An assessment in its second year (invented): evidence for about half the answers, an action
    plan with owners and dates for the top actions, last year's answers (some weaker), a sign-off."""
    from .engine import load_assessment, score_assessment

    data = random_assessment(bank, rng, council_type=council_type, answer_rate=0.95, name=name)
    data["assessment_date"] = "2026-11-20"
    answered = [q for q, v in data["answers"].items() if v != NOT_APPLICABLE]
    data["evidence"] = {
        q: (
            {"link": f"https://intranet.example.gov.uk/msa/{q.lower()}"}
            if rng.random() < 0.5
            else {"reference": f"Document register item {rng.randint(100, 999)}"}
        )
        | {"date": f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}"}
        for q in answered
        if rng.random() < 0.5
    }
    actions = score_assessment(bank, load_assessment(data, bank))["actions"]
    statuses = ("not_started", "in_progress", "in_progress", "done")
    data["action_plan"] = {
        a["question"]: {
            "owner": rng.choice(OWNERS),
            "due": f"2027-{rng.randint(1, 12):02d}-28",
            "status": rng.choice(statuses),
        }
        for a in actions[:6]
    }
    if len(actions) > 6:
        data["action_plan"][actions[6]["question"]] = {
            "status": "not_planned",
            "reason": "Covered by the county council's work.",
        }
    previous = dict(data["answers"])
    for qid in rng.sample(sorted(previous), min(6, len(previous))):
        question = bank.questions[qid]
        if question.type != "multi" and question.kind != "context":
            previous[qid] = min(question.options, key=lambda o: o.score).id
    data["previous"] = {"assessment_date": "2025-11-14", "bank_version": bank.version, "answers": previous}
    data["sign_off"] = {"name": "Alex Morgan", "role": "Modern slavery lead", "date": "2026-11-28"}
    return data
