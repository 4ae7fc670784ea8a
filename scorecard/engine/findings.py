"""What an assessment's answers and date show beyond the scores: contradictions, and duties by date.

- Contradictions (scoring.yaml): each pair of answers found that cannot both be true, with both
  questions, their answers and the bank's sentence; the duty it puts in doubt, if any.
- Duties by date (the legal-status register): each legal duty of the council's nation that was
  not yet in force at the assessment's date (it is not marked against it), and each that came
  into force since last year's assessment.

Run-time code: standard library only.
"""

from __future__ import annotations

from typing import Any

from .assessment import Assessment
from .scoring import Reading, in_force
from .tables import AskedQuestion
from .wording import duty_date_message


def contradictions_found(reading: Reading) -> list[dict[str, Any]]:
    """Each contradiction in the answers, in the bank's order, with both questions and the sentence."""
    asked, answers = reading.council.by_id, reading.answers
    found = []
    for contradiction in reading.contradictions:
        when, claims = asked[contradiction.when], asked[contradiction.claims]
        found.append(
            {
                "id": contradiction.id,
                "when": _side(when, answers),
                "claims": _side(claims, answers),
                "themes": list(dict.fromkeys([when.theme, claims.theme])),
                "message": contradiction.message,
                "duty": claims.gate.law if claims.gate is not None and in_force(claims, reading.date) else "",
            }
        )
    return found


def _side(asked: AskedQuestion, answers: dict[str, Any]) -> dict[str, str]:
    return {"question": asked.id, "theme": asked.theme, "answer": asked.question.label_of(answers[asked.id])}


def duties_by_date(assessment: Assessment, reading: Reading) -> list[dict[str, Any]]:
    """The council's legal duties not in force at the assessment's date, and those new since last year's."""
    date = assessment.assessment_date
    last = (assessment.cycle.previous or {}).get("assessment_date") or ""
    listed = []
    for asked in reading.council.gated:
        start, gate = asked.gate_from, asked.gate
        if not start or gate is None:
            continue
        if date < start:
            status = "not_yet_in_force"
        elif last and last < start <= date:
            status = "new_since_last_year"
        else:
            continue
        listed.append(
            {
                "question": asked.id,
                "theme": asked.theme,
                "law": gate.law,
                "in_force_from": start,
                "status": status,
                "message": duty_date_message(status, gate.law, start, date, last),
            }
        )
    return listed
