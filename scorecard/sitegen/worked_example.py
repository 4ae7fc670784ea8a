"""A worked example for the "How scoring works" page, computed by the engine itself.

The numbers on that page are never typed by hand: they come from scoring a small sample
assessment, so the explanation cannot drift from what the engine does.
"""

from __future__ import annotations

from typing import Any

from ..engine import NOT_APPLICABLE, Bank, load_assessment, score_assessment

COUNCIL_TYPE = "unitary"


def _sample_answers(bank: Bank):
    """Five top-level questions of the first theme answered best, middle, worst, n/a (if allowed), blank."""
    theme = bank.themes[0]
    chosen = [q for q in theme.questions if q.depends_on is None and COUNCIL_TYPE in q.applies_to][:5]
    answers: dict[str, Any] = {}
    for index, question in enumerate(chosen):
        ranked = sorted(question.options, key=lambda o: o.score)
        if question.type == "multi":
            answers[question.id] = [o.id for o in ranked if o.score > 0][:2]
        elif index == 3 and question.allow_na:
            answers[question.id] = NOT_APPLICABLE
        elif index == 4:
            continue  # left unanswered on purpose
        else:
            answers[question.id] = [ranked[-1], ranked[len(ranked) // 2], ranked[0]][index % 3].id
    return chosen, answers


def worked_example(bank: Bank) -> dict[str, Any]:
    chosen, answers = _sample_answers(bank)
    theme = bank.themes[0]
    assessment = load_assessment(
        {
            "format": "scorecard-assessment",
            "format_version": 1,
            "council": {"name": "Example council", "type": COUNCIL_TYPE},
            "assessment_date": "2026-01-01",
            "bank_version": bank.version,
            "answers": answers,
            "notes": {},
        },
        bank,
    )
    result = score_assessment(bank, assessment)["themes"][0]
    statuses = {q["id"]: q for q in result["questions"]}
    rows = []
    for question in chosen:
        status = statuses[question.id]
        value = answers.get(question.id)
        fraction = status.get("fraction")
        rows.append(
            {
                "id": question.id,
                "text": question.text,
                "weight": question.weight,
                "answer": question.label_of(value) if value is not None else "Not answered yet",
                "fraction": fraction,
                "points": round(question.weight * fraction, 2) if fraction is not None else None,
                "counts": status["status"] == "answered",
            }
        )
    earned = sum(r["points"] for r in rows if r["counts"])
    possible = sum(r["weight"] for r in rows if r["counts"])
    return {
        "theme": theme,
        "council_type": bank.council_types[COUNCIL_TYPE],
        "rows": rows,
        "earned": round(earned, 2),
        "possible": possible,
        "result": result,
        "tier": next(t for t in bank.tiers if t.id == result["tier"]),
        "risk": next(r for r in bank.risk_bands if r.id == result["risk"]),
    }
