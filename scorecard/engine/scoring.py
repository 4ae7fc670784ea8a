"""Turning answers into theme scores, tiers, statutory gates, exposure and residual risk.

Rules (every threshold, cap, weight and the risk matrix live in questions/scoring.yaml, each with
its reason, under ``rules``):
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
- Evidence before a tier: a theme is *rated* (a tier and a residual risk) only when at least
  ``min_answered_weight`` of its weight is answered (a question's follow-ups count with it: they wait
  for it) and every legal duty, essential control and question that checks a duty's answer in it is
  answered. Otherwise it has a provisional score and its coverage, and says what it waits for.
- A statutory gate (a legal duty of the council's nation, in force at the assessment's date)
  answered as not met, or contradicted by another answer, caps the theme at the duty cap; an
  essential control answered as not in place caps it at the essential cap. A duty or an essential
  control answered as met counts as met only with evidence that counts (``rules.evidence``: at least
  documented, in date at the assessment's date; evidence.py); otherwise it is *met, not evidenced*
  and caps the theme at the evidence cap (above the duty cap: admitting a duty is not met is no better).
- Contradictions (scoring.yaml) are pairs of answers that cannot both be true; each found is
  listed, and a duty claimed met against one counts as contradicted (not evidenced).
- Exposure is the highest level among the theme's context answers (a "none known" answer counts
  higher without a dated source: not knowing is not safe); residual risk is read from the risk
  matrix by exposure and tier, and is "not rated" until the context is answered and the theme rated.
- Overall: the themes' scores weighted by theme weight x the share of the theme that applies to
  the council; its tier no more than ``weakest_link`` tiers above the weakest theme's, never above
  a theme with a duty not met, and only once every theme that applies is rated.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from math import fsum  # exact: sum() of floats differs between CPython 3.11 and 3.12+
from typing import Any

from .assessment import Assessment
from .bank import NOT_APPLICABLE, Bank, Contradiction, Theme
from .evidence import not_evidenced_note, read_evidence
from .language import _
from .statuses import (  # noqa: F401 (re-exported: the status words have always been read from here)
    ANSWERED,
    FUNCTION_NOT_RUN,
    GATE_CONTRADICTED,
    GATE_MET,
    GATE_MET_NOT_EVIDENCED,
    GATE_NOT_APPLICABLE,
    GATE_NOT_EVIDENCED,
    GATE_NOT_IN_FORCE,
    GATE_NOT_MET,
    NA,
    NOT_ASKED,
    NOT_ENOUGH_ANSWERED,
    NOT_FOR_COUNCIL,
    NOT_IN_NATION,
    NOT_STARTED,
    PARENT_CLOSED,
    PARENT_NOT_APPLICABLE,
    PARENT_UNANSWERED,
    UNANSWERED,
    WAITING,
    WAITS_CHECK,
    WAITS_DUTY,
    WAITS_ESSENTIAL,
)
from .tables import AskedQuestion, CouncilTables, ThemeTables, council_tables, share, tier_table
from .wording import overall_note, rating_note, tier_note, weakest_note


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
        "uncovered",
        "gates",
        "gate_failed",
        "essentials",
        "essential_failed",
        "not_evidenced",
        "waiting_for",
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
        self.uncovered: list[float] = []  # the family weight (its own and its follow-ups') of each unanswered root
        self.gates: list[dict[str, Any]] = []
        self.gate_failed = False  # a statutory gate not met or contradicted: caps the tier
        self.essentials: list[dict[str, str]] = []
        self.essential_failed = False  # an essential control answered as not in place: caps the tier
        self.not_evidenced = False  # a duty or essential control met, not evidenced: caps the tier (rules.evidence)
        self.waiting_for: dict[str, str] = {}  # question -> why the theme waits for it before it is rated (WAITS_)
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
        "date",
        "evidence",
        "evidenced",
        "evidence_notes",
        "follow_ups",
        "tallies",
        "exposure",
        "exposure_notes",
        "contradictions",
        "contradicted",
        "_statuses",
        "_reasons",
        "_fractions",
    )

    def __init__(
        self, council: CouncilTables, answers: dict[str, Any], date: str = "", evidence: dict[str, Any] | None = None
    ) -> None:
        self.council = council  # the bank's tables for this council's nation and functions
        self.nation, self.functions = council.nation, council.functions
        self.answers = answers
        self.date = date  # the assessment's date (YYYY-MM-DD): which legal duties were in force
        self.evidence = evidence or {}  # question id -> its evidence (link or reference, date, strength...)
        self.evidenced: set[str] = set()  # questions whose evidence counts (evidence.py): read_answers fills it
        self.evidence_notes: dict[str, str] = {}  # question id -> why its evidence does not count as it says
        self.follow_ups: dict[str, str] = {}  # follow-up id -> its status, or why it is not asked (a PARENT_ reason)
        self.tallies = {theme_id: Tally() for theme_id in council.themes}  # in bank order
        self.exposure: dict[str, str] = {}  # context question id -> exposure level of its answer
        self.exposure_notes: dict[str, str] = {}  # context question id -> why its answer counts higher than it reads
        self.contradictions: list[Contradiction] = []  # found in the answers, in the bank's order
        self.contradicted: set[str] = set()  # questions deciding a duty that a contradiction found puts in doubt
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

NOT_MET = (GATE_NOT_MET, GATE_CONTRADICTED)  # a duty not met: caps the tier (not evidenced holds the rating back)
CAPS = {GATE_NOT_MET: "duty_not_met", GATE_CONTRADICTED: "duty_contradicted"}  # a theme's "caps", by gate status

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


def read_answers(bank: Bank, assessment: Assessment, assume_evidenced: frozenset[str] = frozenset()) -> Reading:
    """One pass over the questions for this council, group by group (tables.py sorts them once per council context).

    ``assume_evidenced``: questions whose evidence counts whatever the file holds (an action planned to close a
    duty's gap brings its evidence: yearly.planned_outcome).

    Questions without a parent theme by theme; then follow-ups, parents first; then context
    questions; then the statutory gates, once every status is known.
    """
    answers = assessment.answers
    council = council_tables(bank, *council_profile(bank, assessment))
    reading = Reading(council, answers, assessment.assessment_date, assessment.cycle.evidence)
    for qid, entry in reading.evidence.items():  # usually none or a few
        read = read_evidence(bank, entry, reading.date)
        if read["counts"]:
            reading.evidenced.add(qid)
        if read["note"]:
            reading.evidence_notes[qid] = read["note"]
    reading.evidenced.update(assume_evidenced)
    for table, tally in zip(council.themes.values(), reading.tallies.values(), strict=True):
        _read_roots(table, answers, tally)
    _read_follow_ups(council, answers, reading)
    _read_context(council, answers, reading)
    _find_contradictions(council, answers, reading)
    _read_essentials(council, answers, reading)
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
    if unanswered:
        tally.uncovered.extend(w for w, value in zip(table.single_families, values, strict=True) if value is None)
    for asked, family in zip(table.multi, table.multi_families, strict=True):
        value = get(asked.id)
        if value is None:
            unanswered += 1
            tally.uncovered.append(family)
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
    """Context questions: counted in their own theme; an answer's exposure level feeds the themes it rates.

    An answer such as "none known" counts at a higher level (its ``without_dated_evidence``) unless its
    evidence has a date: not knowing is not safe, and the officer is told why (``exposure_notes``).
    """
    tallies, get, evidence = reading.tallies, answers.get, reading.evidence
    for asked in council.context:
        value = get(asked.id)
        tally = tallies[asked.theme]
        if value is None:
            tally.context_unanswered += 1
        else:
            tally.context_answered += 1
            if value != NOT_APPLICABLE:
                tally.context_chosen += 1
                level = asked.exposures[value]
                unevidenced = asked.unevidenced.get(value)
                if unevidenced is not None and not (evidence.get(asked.id) or {}).get("date"):
                    level, reading.exposure_notes[asked.id] = unevidenced
                reading.exposure[asked.id] = level


def contradiction_holds(
    contradiction: Contradiction, answers: Mapping[str, Any], answered: Callable[[str], bool]
) -> bool:
    """Whether a contradiction is found in these answers: both its questions answered, each in its set."""
    when, claims = contradiction.when, contradiction.claims
    return (
        answered(when)
        and answered(claims)
        and answers[when] in contradiction.when_in
        and answers[claims] in contradiction.claims_in
    )


def _find_contradictions(council: CouncilTables, answers: dict[str, Any], reading: Reading) -> None:
    """The bank's contradictions both of whose answers are given; a duty claimed met against one is put in doubt."""
    for contradiction in council.contradictions:
        if contradiction_holds(contradiction, answers, lambda qid: reading.state(qid) == ANSWERED):
            reading.contradictions.append(contradiction)
            reading.contradicted.add(contradiction.claims)


def in_force(asked: AskedQuestion, date: str) -> bool:
    """Whether the question's legal duty was in force in the council's nation on the assessment's date."""
    return asked.gate_from is None or not date or date >= asked.gate_from  # ISO dates compare as text


def _read_gates(council: CouncilTables, answers: dict[str, Any], reading: Reading) -> None:
    """Each statutory gate the council's questions decide, in bank order (parents first), from its question's state.

    A duty not in force at the assessment's date is listed as such and decides nothing. One answered as
    met that a contradiction puts in doubt is *contradicted*: it caps the tier as a duty not met does.
    A duty not answered holds the theme's rating back, as does a question that could contradict it.
    """
    states, tallies, date = reading.follow_ups, reading.tallies, reading.date
    for asked in council.gated:
        gate = asked.gate
        assert gate is not None  # council.gated holds the questions with a gate: for the type checker
        tally = tallies[asked.theme]
        if not in_force(asked, date):
            tally.gates.append(
                {
                    "question": asked.id,
                    "law": gate.law,
                    "status": GATE_NOT_IN_FORCE,
                    "in_force_from": asked.gate_from,
                }
            )
            continue
        value = answers.get(asked.id)
        state = states.get(asked.id) or _answer_status(value)
        if state == ANSWERED:
            if value not in gate.met:
                gate_status = GATE_NOT_MET
            elif asked.id in reading.contradicted:
                gate_status = GATE_CONTRADICTED
            else:
                gate_status = GATE_MET if asked.id in reading.evidenced else GATE_MET_NOT_EVIDENCED
        else:
            gate_status = GATE_BY_STATE[state]
        tally.gates.append(
            {"question": asked.id, "law": gate.law, "status": gate_status, "in_force_from": asked.gate_from}
        )
        if gate_status == GATE_NOT_EVIDENCED:
            tally.waiting_for.setdefault(asked.id, WAITS_DUTY)
        elif gate_status == GATE_MET_NOT_EVIDENCED:
            tally.not_evidenced = True
        elif gate_status in NOT_MET:
            tally.gate_failed = True
    by_id = council.by_id
    for contradiction in council.contradictions:  # a duty's theme waits for the answers that could contradict it
        claims = by_id[contradiction.claims]
        if claims.gate is None or not in_force(claims, date) or answers.get(claims.id) == NOT_APPLICABLE:
            continue
        if answers.get(contradiction.when) is None:
            tallies[claims.theme].waiting_for.setdefault(contradiction.when, WAITS_CHECK)


def _read_essentials(council: CouncilTables, answers: dict[str, Any], reading: Reading) -> None:
    """Each essential control the council is asked: in place, in place but not evidenced or not in place (each caps
    the tier), or not answered (waits)."""
    tallies = reading.tallies
    for asked in council.essential:
        essential = asked.essential
        assert essential is not None  # council.essential holds the essential controls: for the type checker
        value = answers.get(asked.id)
        tally = tallies[asked.theme]
        if value is None:
            status = GATE_NOT_EVIDENCED
            tally.waiting_for.setdefault(asked.id, WAITS_ESSENTIAL)
        elif value == NOT_APPLICABLE:
            status = GATE_NOT_APPLICABLE
        elif value in essential.met and asked.id in reading.evidenced:
            status = GATE_MET
        elif value in essential.met:
            status = GATE_MET_NOT_EVIDENCED
            tally.not_evidenced = True
        else:
            status = GATE_NOT_MET
            tally.essential_failed = True
        tally.essentials.append({"question": asked.id, "control": essential.control, "status": status})


def capped_tier(
    bank: Bank, score: float, duty_failed: bool, essential_failed: bool = False, not_evidenced: bool = False
) -> str:
    """The tier a score reaches, no higher than the caps of a legal duty or an essential control not met, or met
    without evidence that counts."""
    tiers = tier_table(bank)
    return tiers.capped(tiers.reached_by(score), duty_failed, essential_failed, not_evidenced)


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


def full_theme_weights(bank: Bank) -> dict[str, float]:
    """Each theme's possible weight for the council type asked the most of it: a theme counts in full in the
    overall only for a council asked all of it (rules.applicable_weight)."""

    def build() -> dict[str, float]:
        full = dict.fromkeys((t.id for t in bank.themes), 0.0)
        for ctype in bank.council_types.values():
            for theme_id, table in council_tables(bank, ctype.nation, ctype.functions).themes.items():
                full[theme_id] = max(full[theme_id], table.possible)
        return full

    return bank.compiled("full theme weights", build)


def score_theme(theme: Theme, reading: Reading, bank: Bank) -> dict[str, Any]:
    """A theme's score, rating, tier, caps, gates, essential controls, exposure, residual risk and coverage."""
    tally = reading.tallies[theme.id]
    table = reading.council.themes[theme.id]
    covered = tally.answered + tally.not_applicable
    asked = covered + tally.unanswered
    weight_possible = tally.possible(table)
    complete = tally.unanswered == 0 and tally.waiting == 0
    exposure = theme_exposure(bank, theme, reading) if table.exposure_sources else None
    score = tier = uncapped_tier = risk = answered_weight = not_rated = None
    if weight_possible:  # the share answered: the theme's weight less the families of its unanswered questions
        answered_weight = share(max(0.0, fsum([weight_possible, *(-w for w in tally.uncovered)])) / weight_possible)
        not_rated = NOT_STARTED
    evidenced_score = None
    if weight_possible and covered:
        score = round(100 * fsum(tally.earned) / weight_possible, 1)
        evidenced_score = round(100 * fsum(evidenced_points(theme.id, reading)) / weight_possible, 1)
        uncapped_tier = reading.council.tiers.reached_by(score)
        assert answered_weight is not None  # set above whenever the theme has weight: for the type checker
        if answered_weight < bank.min_answered_weight:
            not_rated = NOT_ENOUGH_ANSWERED
        elif tally.waiting_for:
            not_rated = WAITING
        else:
            not_rated = None
            tier = reading.council.tiers.capped(
                uncapped_tier, tally.gate_failed, tally.essential_failed, tally.not_evidenced
            )
            risk = None if exposure is None else bank.risk_matrix[exposure][tier]  # Bank.residual_risk
    full = full_theme_weights(bank)[theme.id]
    result = {
        "id": theme.id,
        "title": theme.title,
        "asked": asked,
        "answered": tally.answered,
        "not_applicable": tally.not_applicable,
        "unanswered": tally.unanswered,
        "not_asked": tally.not_asked,
        "not_for_council_type": table.maturity - asked - tally.not_asked,
        "coverage": share(covered / asked) if asked else None,
        "answered_weight": answered_weight,
        "score": score,
        "evidenced_score": evidenced_score,
        "rated": tier is not None,
        "not_rated": not_rated,
        "waiting_for": [{"question": qid, "why": why} for qid, why in tally.waiting_for.items()],
        "tier": tier,
        "uncapped_tier": uncapped_tier,
        "caps": _caps(tally),
        "exposure": exposure,
        "risk": risk,
        "risk_rated": bool(table.exposure_sources),
        "provisional": score is not None and not complete,
        "complete": complete,
        "gates": tally.gates,
        "gate_failed": tally.gate_failed,
        "essentials": tally.essentials,
        "context_answered": tally.context_answered,
        "context_asked": tally.context_answered + tally.context_unanswered,
        "context_needed": context_still_needed(bank, theme, reading) if table.exposure_sources else [],
        "weight_possible": weight_possible,
        "overall_weight": round(theme.weight * min(1.0, table.possible / full), 4) if full else 0.0,
    }
    result["rating_note"] = rating_note(result, bank.min_answered_weight)
    result["tier_note"] = tier_note(result)
    return result


def evidenced_points(theme_id: str, reading: Reading) -> list[float]:
    """What each answered scored question of the theme whose evidence counts (evidence.py) earns: the evidenced score's
    points, a part of the theme's (``Tally.earned``), so the evidenced score is never above the score."""
    by_id, get = reading.council.by_id, reading.answers.get
    points = []
    for qid in reading.evidenced:  # usually none or a few: not a walk over every question
        asked = by_id.get(qid)
        if asked is None or asked.theme != theme_id or asked.is_context or reading.state(qid) != ANSWERED:
            continue
        value = get(qid)
        if value is not None and value != NOT_APPLICABLE:
            points.append(asked.points_for(value))
    return points


def _caps(tally: Tally) -> list[str]:
    """What holds the tier down whatever the score: a legal duty not met, one contradicted, an essential control missing,
    a duty or control met without evidence that counts."""
    statuses = {g["status"] for g in tally.gates}
    caps = [CAPS[status] for status in NOT_MET if status in statuses]
    if tally.essential_failed:
        caps.append("essential_not_met")
    if tally.not_evidenced:
        caps.append("not_evidenced")
    return caps


def question_entries(theme: Theme, reading: Reading, bank: Bank) -> list[dict[str, Any]]:
    """Each of a theme's questions with its status, the reason when hidden, the nation's wording in use, the fraction
    earned, and why its evidence does not count as it says (or why a duty or control met is not evidenced)."""
    not_for_council = reading.council.themes[theme.id].not_for_council
    tally = reading.tallies[theme.id]
    unevidenced = {g["question"]: _("a legal duty") for g in tally.gates if g["status"] == GATE_MET_NOT_EVIDENCED}
    unevidenced.update(
        (e["question"], _("an essential control")) for e in tally.essentials if e["status"] == GATE_MET_NOT_EVIDENCED
    )
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
                if qid in reading.exposure_notes:
                    entry["exposure_note"] = reading.exposure_notes[qid]
            if qid in unevidenced:
                entry["evidence_note"] = not_evidenced_note(
                    bank, unevidenced[qid], reading.evidence.get(qid), reading.date
                )
            elif qid in reading.evidence_notes:
                entry["evidence_note"] = reading.evidence_notes[qid]
        entries.append(entry)
    return entries


def overall(themes: list[dict[str, Any]], bank: Bank) -> dict[str, Any]:
    """The themes' scores weighted by how much of each applies; a tier no more than one above the weakest theme's.

    No score while any theme that applies has no answers at all: a missing theme must not be
    averaged away. No tier until every theme that applies is rated, and then: the tier the score
    reaches, no more than ``rules.weakest_link`` tiers above the weakest theme's, and never above
    a theme with a legal duty not met. Provisional while any question is unanswered. The residual
    risk is the highest of the themes', and likewise not rated while a theme is not rated or still
    needs its local context: leaving a theme unanswered must never show a lower risk than answering it.
    """
    asked = covered = failed_gates = 0
    missing, unrated, rated_risks, scored, not_risk_rated = [], [], [], [], []
    context_needed = False
    for theme in themes:
        theme_asked = theme["asked"]
        asked += theme_asked
        covered += theme["answered"] + theme["not_applicable"]
        if theme["gate_failed"]:  # at least one of its gates failed
            failed_gates += sum(1 for gate in theme["gates"] if gate["status"] in NOT_MET)
        if not theme_asked and not theme["not_asked"]:
            continue  # no question of this theme is for this council
        if theme["score"] is not None:
            scored.append(theme)
        elif theme["weight_possible"]:
            missing.append(theme["id"])
        if theme["not_rated"] is not None:
            unrated.append(theme)
        if not theme["risk_rated"] and theme["weight_possible"]:
            not_risk_rated.append(theme["id"])
        context_needed = context_needed or bool(theme["context_needed"])
        risk = theme["risk"]
        if risk is not None:
            rated_risks.append(risk)
    tier_ranks = bank.ranks["tiers"]
    rated = [t for t in scored if t["rated"]]
    weakest = min(rated, key=lambda t: (tier_ranks[t["tier"]], t["score"]), default=None)
    result: dict[str, Any] = {
        "score": None,
        "tier": None,
        "tier_from_score": None,
        "caps": [],
        "weakest": {
            "theme": weakest["id"],
            "title": weakest["title"],
            "tier": weakest["tier"],
            "score": weakest["score"],
        }
        if weakest
        else None,
        # the highest residual risk of the themes, once none is still to be rated: a theme not
        # started or not rated, or waiting for its local context, could carry the highest risk of all
        "risk": max(rated_risks, key=bank.ranks["risks"].__getitem__)
        if rated_risks and not (unrated or context_needed)
        else None,
        "risk_rated_themes": len(rated_risks),
        "not_risk_rated": not_risk_rated,
        "coverage": share(covered / asked) if asked else None,
        "provisional": False,
        "themes_not_started": missing,
        "not_rated": [{"theme": t["id"], "title": t["title"], "why": t["not_rated"]} for t in unrated],
        "failed_gates": failed_gates,
    }
    names = bank.compiled("tier names", lambda: {t.id: t.name for t in bank.tiers})
    result["weakest_note"] = weakest_note(result, names)
    if missing or not scored:
        result["rating_note"] = overall_note(result, names, bank.weakest_link)
        return result
    weighted = [t for t in scored if t["overall_weight"]]
    total_weight = fsum(t["overall_weight"] for t in weighted)
    score = round(fsum(t["score"] * t["overall_weight"] for t in weighted) / total_weight, 1) if total_weight else None
    result.update(score=score, provisional=any(not t["complete"] for t in scored))
    if unrated or score is None:
        result["rating_note"] = overall_note(result, names, bank.weakest_link)
        return result
    assert weakest is not None  # every theme that applies is rated, and one has a score
    tier_ids = tier_table(bank).ids
    from_score = tier_table(bank).reached_by(score)
    rank, caps = tier_ranks[from_score], []
    limit = tier_ranks[weakest["tier"]] + bank.weakest_link
    if limit < rank:
        rank, caps = limit, ["weakest_link"]
    for theme in scored:
        if any(cap.startswith("duty_") for cap in theme["caps"]) and tier_ranks[theme["tier"]] < rank:
            rank, caps = tier_ranks[theme["tier"]], ["duty_not_met"]
    result.update(tier=tier_ids[rank], tier_from_score=from_score, caps=caps)
    result["rating_note"] = overall_note(result, names, bank.weakest_link)
    return result
