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
from .bank import NOT_APPLICABLE, Bank, Theme
from .statuses import (  # noqa: F401 (re-exported: the status words have always been read from here)
    ANSWERED,
    FUNCTION_NOT_RUN,
    GATE_MET,
    GATE_NOT_APPLICABLE,
    GATE_NOT_EVIDENCED,
    GATE_NOT_MET,
    NA,
    NOT_ASKED,
    NOT_FOR_COUNCIL,
    NOT_IN_NATION,
    PARENT_CLOSED,
    PARENT_NOT_APPLICABLE,
    PARENT_UNANSWERED,
    UNANSWERED,
)
from .tables import AskedQuestion, CouncilTables, ThemeTables, council_tables, share, tier_table


class Tally:
    """One theme's answers, counted while they are read."""

    __slots__ = (
        "answered",
        "not_applicable",
        "unanswered",
        "not_asked",
        "earned",
        "left_out",
        "waiting",
        "gates",
        "gate_failed",
        "context_answered",
        "context_unanswered",
        "context_chosen",
    )

    def __init__(self) -> None:
        self.answered = self.not_applicable = self.unanswered = self.not_asked = 0  # scored questions, by status
        # weight x fraction of each answered question. Zeros may be left out (the questions that count
        # as not evidenced or not met, an answer that earns nothing): fsum is exact, they add nothing.
        self.earned: list[float] = []
        self.left_out: list[float] = []  # the weights of scored questions taken out: "not applicable", or a parent's
        self.waiting = 0  # follow-ups waiting for an unanswered parent
        self.gates: list[dict[str, str]] = []
        self.gate_failed = False  # a statutory gate not met or not evidenced
        self.context_answered = self.context_unanswered = 0  # context questions; "not applicable" counts as answered
        self.context_chosen = 0  # context questions answered with an option (not "not applicable")

    def possible(self, table: ThemeTables) -> float:
        """The weight the theme's score is out of: every scored question asked, less those taken out.

        fsum is exact: it returns the sum of its numbers correctly rounded, so summing every
        weight and the negatives of those taken out gives the same float as summing the rest.
        """
        if not self.left_out:
            return table.possible
        return fsum([*table.weights, *(-weight for weight in self.left_out)])


class Reading:
    """What one pass over the answers finds: tallies per theme, and each question's status on demand.

    A question's status is its answer's (answered, not applicable, unanswered), except a
    follow-up's, which its parent may close first. So only the follow-ups' are kept while the
    answers are read; ``statuses``, ``reasons`` and ``fractions`` (every question's) are worked
    out when first asked for, which a summary (``score_assessment(detail=False)``) never does.
    """

    __slots__ = (
        "council",
        "nation",
        "functions",
        "answers",
        "follow_ups",
        "tallies",
        "exposure",
        "_statuses",
        "_reasons",
        "_fractions",
    )

    def __init__(self, council: CouncilTables, answers: dict[str, Any]) -> None:
        self.council = council  # the bank's tables for this council's nation and functions
        self.nation, self.functions = council.nation, council.functions
        self.answers = answers
        self.follow_ups: dict[str, str] = {}  # follow-up id -> its status, or why it is not asked (a PARENT_ reason)
        self.tallies = {theme_id: Tally() for theme_id in council.themes}  # in bank order
        self.exposure: dict[str, str] = {}  # context question id -> exposure level of its answer
        self._statuses: dict[str, str] | None = None
        self._reasons: dict[str, str] | None = None
        self._fractions: dict[str, float] | None = None

    def state(self, qid: str) -> str:
        """One asked question's status, or why a follow-up is not asked (a PARENT_ reason)."""
        return self.follow_ups.get(qid) or _answer_status(self.answers.get(qid))

    def status(self, qid: str) -> str:
        """One asked question's status (answered, not_applicable, unanswered or not_asked), without the others'."""
        state = self.state(qid)
        return NOT_ASKED if state in REASONS else state

    @property
    def statuses(self) -> dict[str, str]:
        """Every question asked of this council -> its status."""
        if self._statuses is None:
            return self._work_out_statuses()[0]
        return self._statuses

    @property
    def reasons(self) -> dict[str, str]:
        """Each follow-up not asked -> why: its parent is unanswered, not applicable, or answered so as to close it."""
        if self._reasons is None:
            self._reasons = {qid: state for qid, state in self.follow_ups.items() if state in REASONS}
        return self._reasons

    @property
    def fractions(self) -> dict[str, float]:
        """Each answered scored question -> the share of its weight the answer earns."""
        if self._fractions is None:
            return self._work_out_statuses()[1]
        return self._fractions

    def _work_out_statuses(self) -> tuple[dict[str, str], dict[str, float]]:
        """Every asked question's status, and each answered scored question's fraction, in one pass."""
        get, follow_ups = self.answers.get, self.follow_ups
        statuses: dict[str, str] = {}
        fractions: dict[str, float] = {}
        for asked in self.council.asked:
            qid = asked.id
            state = follow_ups.get(qid)
            if state is not None:
                statuses[qid] = NOT_ASKED if state in REASONS else state
                if state != ANSWERED:
                    continue
                value = get(qid)
            else:
                value = get(qid)
                if value is None:
                    statuses[qid] = UNANSWERED
                    continue
                if value == NOT_APPLICABLE:
                    statuses[qid] = NA
                    continue
                statuses[qid] = ANSWERED
            if not asked.is_context:
                fractions[qid] = asked.fraction(value)
        self._statuses, self._fractions = statuses, fractions
        return statuses, fractions


REASONS = frozenset((PARENT_UNANSWERED, PARENT_CLOSED, PARENT_NOT_APPLICABLE))  # why a follow-up is not asked

CLOSED_BY_PARENT = {
    NA: PARENT_NOT_APPLICABLE,
    PARENT_NOT_APPLICABLE: PARENT_NOT_APPLICABLE,
    UNANSWERED: PARENT_UNANSWERED,
    PARENT_UNANSWERED: PARENT_UNANSWERED,
    PARENT_CLOSED: PARENT_CLOSED,
}
"""What a parent's state (its status, or why it is not asked itself) means for its follow-ups.
A parent answered closes them unless its answer is one that opens them (scoring rules above)."""

FAILED = (GATE_NOT_MET, GATE_NOT_EVIDENCED)  # a gate in either state caps the tier

GATE_BY_STATE = {
    NA: GATE_NOT_APPLICABLE,
    PARENT_NOT_APPLICABLE: GATE_NOT_APPLICABLE,  # the duty does not apply
    PARENT_CLOSED: GATE_NOT_MET,  # the parent's answer already says the duty is not met
    UNANSWERED: GATE_NOT_EVIDENCED,
    PARENT_UNANSWERED: GATE_NOT_EVIDENCED,
}
"""A statutory gate's state from its question's state when the question is not answered."""


def council_profile(bank: Bank, assessment: Assessment) -> tuple[str, frozenset[str]]:
    """The council's nation and the functions it runs (its type's defaults unless corrected)."""
    council = assessment.council
    ctype = bank.council_types[council.type]
    functions = ctype.functions if council.functions is None else frozenset(council.functions)
    return ctype.nation, functions


def read_answers(bank: Bank, assessment: Assessment) -> Reading:
    """One pass over the questions for this council, group by group (tables.py sorts them once per council context).

    Questions without a parent theme by theme; then follow-ups, parents first; then context
    questions; then the statutory gates, once every status is known.
    """
    answers = assessment.answers
    council = council_tables(bank, *council_profile(bank, assessment))
    reading = Reading(council, answers)
    for table, tally in zip(council.themes.values(), reading.tallies.values(), strict=True):
        _read_roots(table, answers, tally)
    _read_follow_ups(council, answers, reading)
    _read_context(council, answers, reading)
    _read_gates(council, answers, reading)
    return reading


def _answer_status(value: Any) -> str:
    """The status of a question no parent closes: what its answer is."""
    return UNANSWERED if value is None else NA if value == NOT_APPLICABLE else ANSWERED


def _read_roots(table: ThemeTables, answers: dict[str, Any], tally: Tally) -> None:
    """Tally a theme's scored questions without a parent: each counts by its answer alone (unanswered as 0).

    The one-choice questions are looked up with map(), in C: each answer's points, or None for no
    answer or "not applicable" (filter drops those, and the zeros, which fsum does not need).
    """
    get = answers.get
    values = list(map(get, table.single_ids))
    unanswered = values.count(None)
    not_applicable = values.count(NOT_APPLICABLE)
    earned = tally.earned
    earned.extend(filter(None, map(dict.get, table.single_points, values)))  # type: ignore[arg-type]
    if not_applicable:
        tally.left_out.extend(
            w for w, value in zip(table.single_weights, values, strict=True) if value == NOT_APPLICABLE
        )
    for asked in table.multi:
        value = get(asked.id)
        if value is None:
            unanswered += 1
        elif value == NOT_APPLICABLE:
            not_applicable += 1
            tally.left_out.append(asked.weight)
        else:
            points = asked.known_points.get(tuple(value))
            earned.append(asked.points_for(value) if points is None else points)
    tally.answered += table.root_count - unanswered - not_applicable
    tally.unanswered += unanswered
    tally.not_applicable += not_applicable


def _read_follow_ups(council: CouncilTables, answers: dict[str, Any], reading: Reading) -> None:
    """Each follow-up, parents first: closed by its parent (it still counts, as 0, unless the parent is
    not applicable), or read by its own answer."""
    states, tallies, get = reading.follow_ups, reading.tallies, answers.get
    for asked in council.orphans:  # the council is not asked the parent
        states[asked.id] = PARENT_CLOSED
        tallies[asked.theme].not_asked += 1
    for asked in council.follow_ups:
        tally = tallies[asked.theme]
        closed_by = _closed_by(asked, states, answers)
        if closed_by is not None:
            states[asked.id] = closed_by
            tally.not_asked += 1
            if closed_by == PARENT_NOT_APPLICABLE:
                tally.left_out.append(asked.weight)
            elif closed_by == PARENT_UNANSWERED:
                tally.waiting += 1
            continue
        value = get(asked.id)
        if value is None:
            states[asked.id] = UNANSWERED
            tally.unanswered += 1
        elif value == NOT_APPLICABLE:
            states[asked.id] = NA
            tally.not_applicable += 1
            tally.left_out.append(asked.weight)
        else:
            states[asked.id] = ANSWERED
            tally.answered += 1
            tally.earned.append(asked.points_for(value))


def _closed_by(asked: AskedQuestion, states: dict[str, str], answers: dict[str, Any]) -> str | None:
    """Why a follow-up is not asked (its parent's state or answer), or None when its parent opens it."""
    parent = asked.parent
    assert parent is not None  # a follow-up: for the type checker
    state = states.get(parent)  # a parent that is a follow-up too, read before this one
    if state is None:  # a parent without a parent: its status is its answer's
        value = answers.get(parent)
        if value is None:
            return PARENT_UNANSWERED
        if value == NOT_APPLICABLE:
            return PARENT_NOT_APPLICABLE
        return None if value in asked.opened_by else PARENT_CLOSED
    if state == ANSWERED:
        return None if answers[parent] in asked.opened_by else PARENT_CLOSED
    return CLOSED_BY_PARENT[state]


def _read_context(council: CouncilTables, answers: dict[str, Any], reading: Reading) -> None:
    """Context questions: counted in their own theme; an answer's exposure level feeds the themes it rates."""
    tallies, get = reading.tallies, answers.get
    for asked in council.context:
        value = get(asked.id)
        tally = tallies[asked.theme]
        if value is None:
            tally.context_unanswered += 1
        else:
            tally.context_answered += 1
            if value != NOT_APPLICABLE:
                tally.context_chosen += 1
                reading.exposure[asked.id] = asked.exposures[value]


def _read_gates(council: CouncilTables, answers: dict[str, Any], reading: Reading) -> None:
    """Each statutory gate the council's questions decide, in bank order (parents first), from its question's state."""
    states, tallies = reading.follow_ups, reading.tallies
    for asked in council.gated:
        gate = asked.gate
        assert gate is not None  # council.gated holds the questions with a gate: for the type checker
        value = answers.get(asked.id)
        state = states.get(asked.id) or _answer_status(value)
        if state == ANSWERED:
            gate_status = GATE_MET if value in gate.met else GATE_NOT_MET
        else:
            gate_status = GATE_BY_STATE[state]
        tally = tallies[asked.theme]
        tally.gates.append({"question": asked.id, "law": gate.law, "status": gate_status})
        if gate_status in FAILED:
            tally.gate_failed = True


def gate_failed(gates: list[dict[str, str]]) -> bool:
    return any(g["status"] in FAILED for g in gates)


def capped_tier(bank: Bank, score: float, gates_failed: bool) -> str:
    """The tier a score reaches, no higher than the gate cap while a legal duty is not met."""
    tiers = tier_table(bank)
    return tiers.capped(tiers.reached_by(score), gates_failed)


def context_still_needed(bank: Bank, theme: Theme, reading: Reading) -> list[dict[str, str]]:
    """The local-context questions, on any theme's page, still to answer before this theme's exposure is rated.

    A theme's exposure can rest on another theme's context question (licensed premises feed
    disruption as well as licensing), so the officer is told which, and where it is asked.
    """
    asked_questions, get = reading.council.by_id, reading.answers.get
    return [
        {"question": qid, "theme": asked_questions[qid].theme}
        for qid in reading.council.themes[theme.id].exposure_sources
        if get(qid) is None
    ]  # "not applicable" is an answer


def theme_exposure(bank: Bank, theme: Theme, reading: Reading) -> str | None:
    """The highest exposure among the context answers feeding this theme; None until all are answered."""
    sources = reading.council.themes[theme.id].exposure_sources
    if not sources or None in map(reading.answers.get, sources):  # "not applicable" counts as answered
        return None
    levels = [reading.exposure[qid] for qid in sources if qid in reading.exposure]
    if not levels:
        return None  # every factor answered "not applicable": nothing to rate exposure on
    return max(levels, key=bank.ranks["exposure"].__getitem__)


def score_theme(theme: Theme, reading: Reading, bank: Bank) -> dict[str, Any]:
    """A theme's score, tier, gates, exposure, residual risk and coverage."""
    tally = reading.tallies[theme.id]
    table = reading.council.themes[theme.id]
    covered = tally.answered + tally.not_applicable
    asked = covered + tally.unanswered
    weight_possible = tally.possible(table)
    complete = tally.unanswered == 0 and tally.waiting == 0
    exposure = theme_exposure(bank, theme, reading) if table.exposure_sources else None
    score = tier = uncapped_tier = risk = None
    if weight_possible and covered:
        score = round(100 * fsum(tally.earned) / weight_possible, 1)
        uncapped_tier = reading.council.tiers.reached_by(score)
        tier = reading.council.tiers.capped(uncapped_tier, tally.gate_failed)
        risk = None if exposure is None else bank.risk_matrix[exposure][tier]  # Bank.residual_risk
    return {
        "id": theme.id,
        "title": theme.title,
        "asked": asked,
        "answered": tally.answered,
        "not_applicable": tally.not_applicable,
        "unanswered": tally.unanswered,
        "not_asked": tally.not_asked,
        "not_for_council_type": table.maturity - asked - tally.not_asked,
        "coverage": share(covered / asked) if asked else None,
        "score": score,
        "tier": tier,
        "uncapped_tier": uncapped_tier,
        "exposure": exposure,
        "risk": risk,
        "provisional": score is not None and not complete,
        "complete": complete,
        "gates": tally.gates,
        "gate_failed": tally.gate_failed,
        "context_answered": tally.context_answered,
        "context_asked": tally.context_answered + tally.context_unanswered,
        "context_needed": context_still_needed(bank, theme, reading) if table.exposure_sources else [],
        "weight_possible": weight_possible,
    }


def question_entries(theme: Theme, reading: Reading) -> list[dict[str, Any]]:
    """Each of a theme's questions with its status, the reason when hidden, the nation's wording in use, and the fraction earned."""
    not_for_council = reading.council.themes[theme.id].not_for_council
    asked_questions = reading.council.by_id
    statuses, reasons, fractions, exposure = reading.statuses, reading.reasons, reading.fractions, reading.exposure
    entries = []
    for question in theme.questions:
        qid = question.id
        status = statuses.get(qid)
        if status is None:
            entries.append(dict(not_for_council[qid]))  # the same for every council of this nation and functions
            continue
        entry: dict[str, Any] = {"id": qid, "status": status}
        if status == NOT_ASKED:
            entry["reason"] = reasons[qid]
        variant = asked_questions[qid].variant
        if variant is not None:
            entry["variant"] = variant
        if status == ANSWERED:  # a scored question has a fraction, a context question an exposure level
            if qid in fractions:
                entry["fraction"] = share(fractions[qid])
            if qid in exposure:
                entry["exposure"] = exposure[qid]
        entries.append(entry)
    return entries


def overall(themes: list[dict[str, Any]], bank: Bank) -> dict[str, Any]:
    """Weighted mean of the themes for this council; never better than its worst theme with a failed gate.

    Not rated while any theme that applies has no answers at all: a missing theme must not be
    averaged away. Provisional while any question is unanswered. The residual risk is the highest
    of the themes', and likewise not rated while a theme is not started or still needs its local
    context: leaving a theme unanswered must never show a lower risk than answering it.
    """
    asked = covered = failed_gates = 0
    missing, rated_risks, scored = [], [], []
    context_needed = False
    for theme in themes:
        theme_asked = theme["asked"]
        asked += theme_asked
        covered += theme["answered"] + theme["not_applicable"]
        if theme["gate_failed"]:  # at least one of its gates failed
            failed_gates += sum(1 for gate in theme["gates"] if gate["status"] in FAILED)
        if not theme_asked and not theme["not_asked"]:
            continue  # no question of this theme is for this council
        if theme["score"] is not None:
            scored.append(theme)
        elif theme["weight_possible"]:
            missing.append(theme["id"])
        context_needed = context_needed or bool(theme["context_needed"])
        risk = theme["risk"]
        if risk is not None:
            rated_risks.append(risk)
    result: dict[str, Any] = {
        "score": None,
        "tier": None,
        # the highest residual risk of the themes, once none is still to be rated: a theme not
        # started, or waiting for its local context, could carry the highest risk of all
        "risk": max(rated_risks, key=bank.ranks["risks"].__getitem__)
        if rated_risks and not (missing or context_needed)
        else None,
        "risk_rated_themes": len(rated_risks),
        "coverage": share(covered / asked) if asked else None,
        "provisional": False,
        "themes_not_started": missing,
        "failed_gates": failed_gates,
    }
    if missing or not scored:
        return result
    weights = bank.compiled("theme weights", lambda: {t.id: t.weight for t in bank.themes})
    total_weight = fsum(weights[t["id"]] for t in scored)
    score = round(fsum(t["score"] * weights[t["id"]] for t in scored) / total_weight, 1)
    tier = tier_table(bank).reached_by(score)
    tier_ranks = bank.ranks["tiers"]
    for theme in scored:
        if theme["gate_failed"] and tier_ranks[theme["tier"]] < tier_ranks[tier]:
            tier = theme["tier"]
    result.update(score=score, tier=tier, provisional=any(not t["complete"] for t in scored))
    return result
