"""Worked examples for the "How scoring works" page, computed by the engine itself.

The numbers on that page are never typed by hand: they come from scoring sample assessments
of the real bank, so the explanation cannot drift from what the engine does. Three examples:
a theme score (with a "not applicable", an unanswered question and a follow-up closed by its
question's answer), a statutory gate capping a tier, and a cell of the risk matrix.
"""

from __future__ import annotations

from typing import Any

from ..engine import NOT_APPLICABLE, Bank, load_assessment, score_assessment
from ..engine.assessment import FORMAT, FORMAT_VERSION
from ..engine.bank import CONTEXT, Question

COUNCIL_TYPE = "unitary"


def _assessment(bank: Bank, answers: dict[str, Any]):
    return load_assessment(
        {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "council": {"name": "Example council", "type": COUNCIL_TYPE},
            "assessment_date": "2026-01-01",
            "bank_version": bank.version,
            "answers": answers,
            "notes": {},
        },
        bank,
    )


def _ranked(question: Question) -> list[str]:
    return [o.id for o in sorted(question.options, key=lambda o: o.score)]


def _sample_answers(bank: Bank, theme) -> dict[str, Any]:
    """Answers in turn best, middle, worst; one "not applicable" where allowed, one left blank.

    Follow-ups are answered only where their question's answer opens them, so one is closed.
    """
    answers: dict[str, Any] = {}
    na_given = blank_left = False
    for index, question in enumerate(q for q in theme.questions if q.kind != CONTEXT):
        if question.depends_on and answers.get(question.depends_on) not in question.depends_answer_in:
            continue
        ranked = _ranked(question)
        if question.allow_na and not na_given:
            answers[question.id], na_given = NOT_APPLICABLE, True
        elif index == 4 and not blank_left:
            blank_left = True  # left unanswered on purpose
        elif question.type == "multi":
            answers[question.id] = [o.id for o in question.options if o.score > 0][: 1 + index % 2]
        else:
            answers[question.id] = [ranked[-1], ranked[len(ranked) // 2], ranked[0]][index % 3]
    return answers


def _score_example(bank: Bank) -> dict[str, Any]:
    theme = bank.themes[0]
    answers = _sample_answers(bank, theme)
    result = score_assessment(bank, _assessment(bank, answers))["themes"][0]
    rows: list[dict[str, Any]] = []
    for entry in result["questions"]:
        question = bank.questions[entry["id"]]
        if question.kind == CONTEXT or entry["status"] == "not_for_council_type":
            continue
        value = answers.get(question.id)
        fraction = entry.get("fraction", 0.0 if entry["status"] in ("unanswered", "not_asked") else None)
        counts = entry["status"] != "not_applicable" and entry.get("reason") != "parent_not_applicable"
        rows.append(
            {
                "id": question.id,
                "text": question.text,
                "weight": question.weight,
                "answer": question.label_of(value)
                if value is not None
                else (
                    "Not asked: closed by the answer above" if entry["status"] == "not_asked" else "Not answered yet"
                ),
                "fraction": fraction if counts else None,
                "points": round(question.weight * fraction, 2) if counts and fraction is not None else None,
            }
        )
    earned = round(sum(r["points"] for r in rows if r["points"] is not None), 2)
    return {
        "theme": theme,
        "rows": rows,
        "earned": earned,
        "possible": result["weight_possible"],
        "result": result,
        "tier": _tier(bank, result["tier"]),
    }


def _gate_example(bank: Bank) -> dict[str, Any] | None:
    """The first theme with a legal duty for this council: everything best except the duty not met."""
    unitary = bank.council_types[COUNCIL_TYPE]
    for theme in bank.themes:
        gates = [
            q
            for q in theme.questions
            if q.asked_of(unitary.nation, unitary.functions) and q.wording(unitary.nation).gate
        ]
        if not gates:
            continue
        gate_question = gates[0]
        gate = gate_question.wording(unitary.nation).gate
        assert gate is not None  # chosen for having one
        answers = {
            q.id: (_best(q))
            for q in theme.questions
            if q.kind != CONTEXT and q.asked_of(unitary.nation, unitary.functions)
        }
        failing = [o for o in _ranked(gate_question) if o not in gate.met]
        answers[gate_question.id] = failing[-1]
        result = score_assessment(bank, _assessment(bank, answers))["themes"][bank.themes.index(theme)]
        return {
            "theme": theme,
            "question": gate_question,
            "law": gate.law,
            "answer": gate_question.label_of(failing[-1]),
            "result": result,
            "uncapped": _tier(bank, result["uncapped_tier"]),
            "tier": _tier(bank, result["tier"]),
        }
    return None


def _risk_example(bank: Bank) -> dict[str, Any] | None:
    """A theme with local context: exposure from its context answers, tier from its score, risk from the matrix."""
    unitary = bank.council_types[COUNCIL_TYPE]
    for index, theme in enumerate(bank.themes):
        context = [q for q in bank.exposure_sources[theme.id] if q.asked_of(unitary.nation, unitary.functions)]
        if not context:
            continue
        answers: dict[str, Any] = {
            q.id: max(q.options, key=lambda o: bank.exposure_rank(o.exposure or "")).id for q in context
        }
        answers.update(_sample_answers(bank, theme))
        result = score_assessment(bank, _assessment(bank, answers))["themes"][index]
        if result["risk"] is None:
            continue
        return {
            "theme": theme,
            "context": [(q, q.label_of(answers[q.id])) for q in context],
            "result": result,
            "exposure": next(e for e in bank.exposure_levels if e.id == result["exposure"]),
            "tier": _tier(bank, result["tier"]),
            "risk": next(r for r in bank.risk_levels if r.id == result["risk"]),
        }
    return None


def _best(question: Question) -> Any:
    if question.type == "multi":
        return [o.id for o in question.options if o.score > 0]
    return _ranked(question)[-1]


def _tier(bank: Bank, tier_id: str | None):
    return next((t for t in bank.tiers if t.id == tier_id), None)


def worked_example(bank: Bank) -> dict[str, Any]:
    return {
        "council_type": bank.council_types[COUNCIL_TYPE].name,
        "score": _score_example(bank),
        "gate": _gate_example(bank),
        "risk": _risk_example(bank),
    }
