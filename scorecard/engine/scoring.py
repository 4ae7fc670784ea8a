"""Turning answers into theme scores, tiers, risk ratings and coverage.

Rules (the thresholds themselves live in questions/scoring.yaml):
- A question is *asked* when it applies to the council's type and, if it depends on another
  question, that question is asked and answered with one of the listed options.
- Of the asked questions, an answer scores weight x fraction; "not applicable" leaves the
  denominator; unanswered lowers coverage, never the score.
- Theme score = 100 x sum(weight x fraction) / sum(weight) over scored answers, one decimal.
"""

from __future__ import annotations

from math import fsum  # exact: sum() of floats differs between CPython 3.11 and 3.12+
from typing import Any

from .assessment import Assessment
from .bank import NOT_APPLICABLE, Bank, Question, Theme

ANSWERED, NA, UNANSWERED, NOT_ASKED, NOT_FOR_TYPE = "answered", "not_applicable", "unanswered", "not_asked", "not_for_council_type"


def question_status(question: Question, answers: dict[str, Any], bank: Bank, council_type: str) -> str:
    """Why a question does or does not count for this council and these answers."""
    if council_type not in question.applies_to:
        return NOT_FOR_TYPE
    if question.depends_on is not None:
        parent = bank.questions[question.depends_on]
        if question_status(parent, answers, bank, council_type) != ANSWERED:
            return NOT_ASKED
        if answers[parent.id] not in question.depends_answer_in:
            return NOT_ASKED
    value = answers.get(question.id)
    if value is None:
        return UNANSWERED
    return NA if value == NOT_APPLICABLE else ANSWERED


def score_theme(theme: Theme, assessment: Assessment, bank: Bank) -> dict[str, Any]:
    answers, council_type = assessment.answers, assessment.council.type
    earned, possible = [], []
    counts = {ANSWERED: 0, NA: 0, UNANSWERED: 0, NOT_ASKED: 0, NOT_FOR_TYPE: 0}
    questions = []
    for question in theme.questions:
        status = question_status(question, answers, bank, council_type)
        counts[status] += 1
        entry: dict[str, Any] = {"id": question.id, "status": status}
        if status == ANSWERED:
            fraction = question.fraction(answers[question.id])
            earned.append(question.weight * fraction)
            possible.append(question.weight)
            entry["fraction"] = round(fraction, 4)
        questions.append(entry)

    asked = counts[ANSWERED] + counts[NA] + counts[UNANSWERED]
    coverage = (counts[ANSWERED] + counts[NA]) / asked if asked else None
    result: dict[str, Any] = {
        "id": theme.id,
        "title": theme.title,
        "asked": asked,
        "answered": counts[ANSWERED],
        "not_applicable": counts[NA],
        "unanswered": counts[UNANSWERED],
        "not_asked": counts[NOT_ASKED],
        "not_for_council_type": counts[NOT_FOR_TYPE],
        "coverage": round(coverage, 4) if coverage is not None else None,
        "score": None,
        "tier": None,
        "risk": None,
        "provisional": False,
        "weight_answered": fsum(possible),
        "questions": questions,
    }
    if possible:
        score = round(100 * fsum(earned) / fsum(possible), 1)
        result["score"] = score
        result["tier"] = bank.tier_for(score).id
        result["risk"] = bank.risk_for(score).id
        result["provisional"] = coverage < bank.min_coverage_for_rating
    return result


def overall(themes: list[dict[str, Any]], bank: Bank) -> dict[str, Any]:
    """Weighted mean of the scored themes, and coverage over all asked questions."""
    weights = {t.id: t.weight for t in bank.themes}
    scored = [t for t in themes if t["score"] is not None]
    asked = sum(t["asked"] for t in themes)
    covered = sum(t["answered"] + t["not_applicable"] for t in themes)
    coverage = round(covered / asked, 4) if asked else None
    if not scored:
        return {"score": None, "tier": None, "risk": None, "coverage": coverage, "provisional": False}
    total_weight = fsum(weights[t["id"]] for t in scored)
    score = round(fsum(t["score"] * weights[t["id"]] for t in scored) / total_weight, 1)
    return {
        "score": score,
        "tier": bank.tier_for(score).id,
        "risk": bank.risk_for(score).id,
        "coverage": coverage,
        "provisional": coverage < bank.min_coverage_for_rating,
    }
