"""Turning answers into theme scores, tiers, statutory gates, exposure and residual risk.

Rules (the thresholds, the gate cap and the risk matrix live in questions/scoring.yaml):
- A question is *for this council* when its nation is among the question's nations and the
  council runs every function the question requires.
- A follow-up is *asked* when its parent is answered with an opening answer. Its weight stays
  in the theme whatever the parent says: a follow-up closed by the parent's answer counts as
  not met (0), one waiting for an unanswered parent as not evidenced (0). So answering a
  parent "no" never scores more than "yes" with the weakest follow-ups. A parent answered
  "not applicable" takes its follow-ups out with it.
- Theme score = 100 x sum(weight x fraction) / sum(weight) over every maturity question for
  this council except those answered "not applicable". Unanswered counts as not evidenced (0):
  leaving weak answers out cannot raise a score; the theme is provisional until complete.
- A statutory gate (a question testing a legal duty in the council's nation) that is not met,
  or not evidenced, caps the theme's tier at ``gate_tier_cap``.
- Exposure is the highest level among the theme's context answers; residual risk is read from
  the risk matrix by exposure and tier, and is "not rated" until the context is answered.
"""

from __future__ import annotations

from math import fsum  # exact: sum() of floats differs between CPython 3.11 and 3.12+
from typing import Any

from .assessment import Assessment
from .bank import CONTEXT, NOT_APPLICABLE, Bank, Question, Theme

ANSWERED, NA, UNANSWERED, NOT_ASKED, NOT_FOR_COUNCIL = "answered", "not_applicable", "unanswered", "not_asked", "not_for_council_type"
# Why a follow-up is not asked, and why a question is not for this council
PARENT_UNANSWERED, PARENT_CLOSED, PARENT_NOT_APPLICABLE = "parent_unanswered", "parent_closed", "parent_not_applicable"
NOT_IN_NATION, FUNCTION_NOT_RUN = "nation", "function"
GATE_MET, GATE_NOT_MET, GATE_NOT_EVIDENCED, GATE_NOT_APPLICABLE = "met", "not_met", "not_evidenced", "not_applicable"


class Tally:
    """One theme's answers, counted while they are read."""

    __slots__ = ("counts", "earned", "possible", "gates", "context")

    def __init__(self) -> None:
        self.counts = {ANSWERED: 0, NA: 0, UNANSWERED: 0, NOT_ASKED: 0}
        self.earned: list[float] = []  # weight x fraction of each counted question (0 when not met)
        self.possible: list[float] = []  # weight of each counted question
        self.gates: list[dict[str, str]] = []
        self.context: dict[str, int] = {"answered": 0, "unanswered": 0}


class Reading:
    """Everything one pass over the answers finds: statuses, fractions, tallies per theme."""

    __slots__ = ("nation", "functions", "statuses", "reasons", "fractions", "tallies", "exposure")

    def __init__(self, nation: str, functions: frozenset[str], themes: tuple[Theme, ...]) -> None:
        self.nation, self.functions = nation, functions
        self.statuses: dict[str, str] = {}
        self.reasons: dict[str, str] = {}
        self.fractions: dict[str, float] = {}
        self.tallies = {theme.id: Tally() for theme in themes}
        self.exposure: dict[str, str] = {}  # context question id -> exposure level of its answer


def council_profile(bank: Bank, assessment: Assessment) -> tuple[str, frozenset[str]]:
    """The council's nation and the functions it runs (its type's defaults unless corrected)."""
    council = assessment.council
    ctype = bank.council_types[council.type]
    functions = ctype.functions if council.functions is None else frozenset(council.functions)
    return ctype.nation, functions


def read_answers(bank: Bank, assessment: Assessment) -> Reading:
    """One pass over the questions for this council, parents before their follow-ups."""
    nation, functions = council_profile(bank, assessment)
    answers = assessment.answers
    reading = Reading(nation, functions, bank.themes)
    statuses, reasons = reading.statuses, reading.reasons
    for question in bank.asked_of(nation, functions):
        tally = reading.tallies[question.theme]
        if question.kind == CONTEXT:
            _read_context(question, answers.get(question.id), reading, tally)
            continue
        parent = question.depends_on
        closed_by = None
        if parent is not None:
            parent_status = statuses.get(parent)
            if parent_status == NA or reasons.get(parent) == PARENT_NOT_APPLICABLE:
                closed_by = PARENT_NOT_APPLICABLE
            elif parent_status == UNANSWERED or reasons.get(parent) == PARENT_UNANSWERED:
                closed_by = PARENT_UNANSWERED
            elif parent_status != ANSWERED or answers[parent] not in question.depends_answer_in:
                closed_by = PARENT_CLOSED
        if closed_by is not None:
            status = NOT_ASKED
            reasons[question.id] = closed_by
            if closed_by != PARENT_NOT_APPLICABLE:  # not met, or not evidenced: it still counts, as 0
                tally.earned.append(0.0)
                tally.possible.append(question.weight)
        else:
            value = answers.get(question.id)
            if value is None:
                status = UNANSWERED
                tally.earned.append(0.0)
                tally.possible.append(question.weight)
            elif value == NOT_APPLICABLE:
                status = NA
            else:
                status = ANSWERED
                fraction = reading.fractions[question.id] = question.fraction(value)
                tally.earned.append(question.weight * fraction)
                tally.possible.append(question.weight)
        statuses[question.id] = status
        tally.counts[status] += 1
        gate = question.wording(nation).gate
        if gate is not None:
            tally.gates.append({"question": question.id, "law": gate.law, "status": _gate_status(status, answers.get(question.id), gate.met, reasons.get(question.id))})
    return reading


def _read_context(question: Question, value: Any, reading: Reading, tally: Tally) -> None:
    if value is None or value == NOT_APPLICABLE:
        reading.statuses[question.id] = UNANSWERED if value is None else NA
        tally.context["unanswered" if value is None else "answered"] += 1
        return
    reading.statuses[question.id] = ANSWERED
    tally.context["answered"] += 1
    exposure = next(o.exposure for o in question.options if o.id == value)
    reading.exposure[question.id] = exposure


def _gate_status(status: str, value: Any, met: frozenset[str], reason: str | None) -> str:
    if status == NA or reason == PARENT_NOT_APPLICABLE:
        return GATE_NOT_APPLICABLE
    if status == ANSWERED:
        return GATE_MET if value in met else GATE_NOT_MET
    if reason == PARENT_CLOSED:
        return GATE_NOT_MET
    return GATE_NOT_EVIDENCED


def gate_failed(gates: list[dict[str, str]]) -> bool:
    return any(g["status"] in (GATE_NOT_MET, GATE_NOT_EVIDENCED) for g in gates)


def capped_tier(bank: Bank, score: float, gates_failed: bool) -> str:
    """The tier a score reaches, no higher than the gate cap while a legal duty is not met."""
    tier = bank.tier_for(score)
    if gates_failed and bank.tiers.index(tier) > bank.tiers.index(bank.gate_tier_cap):
        tier = bank.gate_tier_cap
    return tier.id


def context_still_needed(bank: Bank, theme: Theme, reading: Reading) -> list[dict[str, str]]:
    """The local-context questions, on any theme's page, still to answer before this theme's exposure is rated.

    A theme's exposure can rest on another theme's context question (licensed premises feed
    disruption as well as licensing), so the officer is told which, and where it is asked.
    """
    return [{"question": q.id, "theme": q.theme} for q in bank.exposure_sources[theme.id]
            if q.asked_of(reading.nation, reading.functions) and reading.statuses.get(q.id) not in (ANSWERED, NA)]


def theme_exposure(bank: Bank, theme: Theme, reading: Reading) -> str | None:
    """The highest exposure among the context answers feeding this theme; None until all are answered."""
    sources = [q for q in bank.exposure_sources[theme.id] if q.asked_of(reading.nation, reading.functions)]
    if not sources or any(reading.statuses.get(q.id) != ANSWERED and reading.statuses.get(q.id) != NA for q in sources):
        return None
    levels = [reading.exposure[q.id] for q in sources if q.id in reading.exposure]
    if not levels:
        return None  # every factor answered "not applicable": nothing to rate exposure on
    return max(levels, key=bank.exposure_rank)


def score_theme(theme: Theme, reading: Reading, bank: Bank) -> dict[str, Any]:
    """A theme's score, tier, gates, exposure, residual risk and coverage."""
    tally = reading.tallies[theme.id]
    counts = tally.counts
    asked = counts[ANSWERED] + counts[NA] + counts[UNANSWERED]
    coverage = (counts[ANSWERED] + counts[NA]) / asked if asked else None
    weight_possible = fsum(tally.possible)
    maturity = sum(1 for q in theme.questions if q.kind != CONTEXT)
    waiting = sum(1 for q in theme.questions if reading.reasons.get(q.id) == PARENT_UNANSWERED)
    result: dict[str, Any] = {
        "id": theme.id,
        "title": theme.title,
        "asked": asked,
        "answered": counts[ANSWERED],
        "not_applicable": counts[NA],
        "unanswered": counts[UNANSWERED],
        "not_asked": counts[NOT_ASKED],
        "not_for_council_type": maturity - asked - counts[NOT_ASKED],
        "coverage": round(coverage, 4) if coverage is not None else None,
        "score": None,
        "tier": None,
        "uncapped_tier": None,
        "exposure": theme_exposure(bank, theme, reading),
        "risk": None,
        "provisional": False,
        "complete": counts[UNANSWERED] == 0 and waiting == 0,
        "gates": tally.gates,
        "gate_failed": gate_failed(tally.gates),
        "context_answered": tally.context["answered"],
        "context_asked": tally.context["answered"] + tally.context["unanswered"],
        "context_needed": context_still_needed(bank, theme, reading),
        "weight_possible": weight_possible,
    }
    if weight_possible and counts[ANSWERED] + counts[NA]:
        score = round(100 * fsum(tally.earned) / weight_possible, 1)
        result["score"] = score
        result["uncapped_tier"] = bank.tier_for(score).id
        result["tier"] = capped_tier(bank, score, result["gate_failed"])
        result["risk"] = bank.residual_risk(result["exposure"], result["tier"])
        result["provisional"] = not result["complete"]
    return result


def question_entries(theme: Theme, reading: Reading) -> list[dict[str, Any]]:
    """Each of a theme's questions with its status, the reason when hidden, the nation's wording in use, and the fraction earned."""
    entries = []
    for question in theme.questions:
        status = reading.statuses.get(question.id)
        entry: dict[str, Any] = {"id": question.id, "status": status or NOT_FOR_COUNCIL}
        if status is None:
            entry["reason"] = NOT_IN_NATION if reading.nation not in question.nations else FUNCTION_NOT_RUN
        elif question.id in reading.reasons:
            entry["reason"] = reading.reasons[question.id]
        if reading.nation in question.variants:
            entry["variant"] = reading.nation
        if question.id in reading.fractions:
            entry["fraction"] = round(reading.fractions[question.id], 4)
        if question.id in reading.exposure:
            entry["exposure"] = reading.exposure[question.id]
        entries.append(entry)
    return entries


def overall(themes: list[dict[str, Any]], bank: Bank) -> dict[str, Any]:
    """Weighted mean of the themes for this council; never better than its worst theme with a failed gate.

    Not rated while any theme that applies has no answers at all: a missing theme must not be
    averaged away. Provisional while any question is unanswered.
    """
    weights = {t.id: t.weight for t in bank.themes}
    applicable = [t for t in themes if t["asked"] or t["not_asked"]]
    asked = sum(t["asked"] for t in themes)
    covered = sum(t["answered"] + t["not_applicable"] for t in themes)
    coverage = round(covered / asked, 4) if asked else None
    missing = [t["id"] for t in applicable if t["score"] is None and t["weight_possible"]]
    rated_risks = [t["risk"] for t in applicable if t["risk"] is not None]
    result: dict[str, Any] = {
        "score": None,
        "tier": None,
        "risk": max(rated_risks, key=bank.risk_rank) if rated_risks else None,  # the highest residual risk of any rated theme
        "risk_rated_themes": len(rated_risks),
        "coverage": coverage,
        "provisional": False,
        "themes_not_started": missing,
        "failed_gates": sum(1 for t in themes for g in t["gates"] if g["status"] in (GATE_NOT_MET, GATE_NOT_EVIDENCED)),
    }
    scored = [t for t in applicable if t["score"] is not None]
    if missing or not scored:
        return result
    total_weight = fsum(weights[t["id"]] for t in scored)
    score = round(fsum(t["score"] * weights[t["id"]] for t in scored) / total_weight, 1)
    tier = bank.tier_for(score).id
    for theme in scored:
        if theme["gate_failed"] and bank.tier_rank(theme["tier"]) < bank.tier_rank(tier):
            tier = theme["tier"]
    result.update(score=score, tier=tier, provisional=any(not t["complete"] for t in scored))
    return result
