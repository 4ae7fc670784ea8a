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
from .bank import NOT_APPLICABLE, Bank, Theme

ANSWERED, NA, UNANSWERED, NOT_ASKED, NOT_FOR_TYPE = "answered", "not_applicable", "unanswered", "not_asked", "not_for_council_type"


class Tally:
    """One theme's answers, counted while they are read."""

    __slots__ = ("counts", "earned", "possible")

    def __init__(self) -> None:
        self.counts = {ANSWERED: 0, NA: 0, UNANSWERED: 0, NOT_ASKED: 0}
        self.earned: list[float] = []  # weight x fraction of each scored answer
        self.possible: list[float] = []  # weight of each scored answer


def read_answers(bank: Bank, assessment: Assessment) -> tuple[dict[str, str], dict[str, float], dict[str, Tally]]:
    """One pass over the questions asked of this council type, parents before their dependants.

    Returns each of those questions' status (the rest are not for this council type), the
    fraction each scored answer earns, and each theme's tally.
    """
    answers = assessment.answers
    statuses: dict[str, str] = {}
    fractions: dict[str, float] = {}
    tallies = {theme.id: Tally() for theme in bank.themes}
    for question in bank.asked_of[assessment.council.type]:
        tally = tallies[question.theme]
        parent = question.depends_on
        if parent is not None and (statuses.get(parent) != ANSWERED or answers[parent] not in question.depends_answer_in):
            status = NOT_ASKED
        else:
            value = answers.get(question.id)
            if value is None:
                status = UNANSWERED
            elif value == NOT_APPLICABLE:
                status = NA
            else:
                status = ANSWERED
                fraction = fractions[question.id] = question.fraction(value)
                tally.earned.append(question.weight * fraction)
                tally.possible.append(question.weight)
        statuses[question.id] = status
        tally.counts[status] += 1
    return statuses, fractions, tallies


def score_theme(theme: Theme, tally: Tally, bank: Bank) -> dict[str, Any]:
    """A theme's score, tier, risk and coverage from its tally."""
    counts = tally.counts
    asked = counts[ANSWERED] + counts[NA] + counts[UNANSWERED]
    coverage = (counts[ANSWERED] + counts[NA]) / asked if asked else None
    weight_answered = fsum(tally.possible)
    result: dict[str, Any] = {
        "id": theme.id,
        "title": theme.title,
        "asked": asked,
        "answered": counts[ANSWERED],
        "not_applicable": counts[NA],
        "unanswered": counts[UNANSWERED],
        "not_asked": counts[NOT_ASKED],
        "not_for_council_type": len(theme.questions) - asked - counts[NOT_ASKED],
        "coverage": round(coverage, 4) if coverage is not None else None,
        "score": None,
        "tier": None,
        "risk": None,
        "provisional": False,
        "weight_answered": weight_answered,
    }
    if weight_answered:
        score = round(100 * fsum(tally.earned) / weight_answered, 1)
        result["score"] = score
        result["tier"] = bank.tier_for(score).id
        result["risk"] = bank.risk_for(score).id
        result["provisional"] = coverage < bank.min_coverage_for_rating
    return result


def question_entries(theme: Theme, statuses: dict[str, str], fractions: dict[str, float]) -> list[dict[str, Any]]:
    """Each of a theme's questions with its status (and the fraction earned, when scored), in bank order."""
    entries = []
    for question in theme.questions:
        entry: dict[str, Any] = {"id": question.id, "status": statuses.get(question.id, NOT_FOR_TYPE)}
        if question.id in fractions:
            entry["fraction"] = round(fractions[question.id], 4)
        entries.append(entry)
    return entries


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
