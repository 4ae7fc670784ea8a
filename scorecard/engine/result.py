"""Scoring one checked assessment: the result the CLI, the reports, the CSV and the browser read.

The result's shape is written down twice, on purpose: as TypedDicts here (for Python readers
and type checkers) and as ``scorecard/schemas/result.schema.json`` (for the site, exports and
other tools). tests/test_result_schema.py checks real results against the schema and the
schema against these TypedDicts.
"""

from collections.abc import Mapping
from typing import (  # no "from __future__ import annotations": TypedDict must see NotRequired
    Any,
    NotRequired,
    TypedDict,
    cast,
)

from .actions import action_list, unanswered_list
from .assessment import Assessment
from .bank import Bank
from .findings import contradictions_found, duties_by_date
from .indicators import indicator_results
from .review import peer_review
from .scoring import Reading, overall, question_entries, read_answers, score_theme
from .signing import check as check_sign_off
from .wording import entry_set_aside_message, set_aside_message, status_names, time_taken_as_now_message
from .yearly import (
    add_evidence_shares,
    evidence_completeness,
    plan_entries,
    planned_outcome,
    since_last_year,
    still_to_review,
)

MAX_LISTED = 100  # set-aside answers listed in a result; the rest are counted (set_aside_total), and kept in the file


class CouncilSummary(TypedDict):
    name: str
    type: str
    nation: str
    region: str
    ons_code: str
    code: str  # the UK council register's code, when picked from the register
    functions: list[str]  # the functions assessed: the type's defaults, as changed by the council
    functions_added: list[str]
    functions_removed: list[str]


class WeakestTheme(TypedDict):
    theme: str
    title: str
    tier: str
    score: float


class NotRatedTheme(TypedDict):
    theme: str
    title: str
    why: str  # not_started, not_enough_answered, waiting


class Overall(TypedDict):
    """No score while any theme that applies has no answers at all; no tier until every one is rated."""

    score: float | None  # the themes' scores weighted by theme weight x the share of each that applies
    tier: str | None  # no more than rules.weakest_link tiers above the weakest theme's
    tier_from_score: str | None  # the tier the score alone reaches
    caps: list[str]  # what holds the tier below it: weakest_link, duty_not_met
    weakest: WeakestTheme | None  # the weakest rated theme, named beside the overall
    weakest_note: str
    rating_note: str  # why there is no tier, or what holds it where it is
    risk: str | None  # the highest residual risk of any rated theme
    risk_rated_themes: int
    not_risk_rated: list[str]  # themes that apply but have no local context question for this council
    coverage: float | None
    provisional: bool
    themes_not_started: list[str]
    not_rated: list[NotRatedTheme]
    failed_gates: int  # legal duties not met or contradicted


class Gate(TypedDict):
    question: str
    law: str
    status: str  # met, not_met, contradicted, not_evidenced, not_applicable, not_in_force
    in_force_from: str | None  # the date the duty came into force in the council's nation (None: not verified)


class EssentialControl(TypedDict):
    question: str
    control: str
    status: str  # met, not_met, not_evidenced (not answered), not_applicable


class WaitingFor(TypedDict):
    question: str
    why: str  # duty, essential, check (it could contradict a duty's answer)


class QuestionEntry(TypedDict):
    id: str
    status: str  # answered, not_applicable, unanswered, not_asked, not_for_council_type
    reason: NotRequired[str]  # why not asked or not for this council: parent_*, nation, function
    variant: NotRequired[str]  # the nation whose wording is in use
    fraction: NotRequired[float]  # of the question's weight earned, when answered
    exposure: NotRequired[str]  # a context question's exposure level
    exposure_note: NotRequired[
        str
    ]  # why the level is higher than the answer reads ("none known" without a dated source)
    evidence_note: NotRequired[str]  # why a duty or control met is not evidenced, or evidence counts for less


class ContextNeeded(TypedDict):
    question: str  # a local-context question id
    theme: str  # the theme whose page asks it


class StrengthShare(TypedDict):
    count: int  # answers whose evidence counts as this strength
    share: float | None  # of the answers with evidence; None when none has any


class EvidenceShare(TypedDict):
    """Of the questions answered (not "not applicable"), how many have evidence, how many count (documented or better,
    in date), how many are stale, and how many count as each strength (engine/evidence.py)."""

    answered: int
    with_evidence: int
    share: float | None  # None when nothing is answered
    evidenced: int
    evidenced_share: float | None
    stale: int
    strengths: dict[str, StrengthShare]


class Planned(TypedDict):
    """A theme once its planned actions (not started, in progress or done) are done."""

    actions: int
    done: int
    score: float | None
    tier: str | None
    risk: str | None
    raises_tier: bool


class ThemeResult(TypedDict):
    id: str
    title: str
    asked: int
    answered: int
    not_applicable: int
    unanswered: int
    not_asked: int
    not_for_council_type: int
    coverage: float | None
    answered_weight: float | None  # the share of the theme's weight answered (a question's follow-ups count with it)
    score: float | None
    evidenced_score: float | None  # the score of the answers whose evidence counts: never above score
    rated: bool  # has a tier and (with its context) a residual risk
    not_rated: str | None  # why not: not_started, not_enough_answered, waiting; None when rated or nothing to rate
    rating_note: str  # the same, as a sentence
    waiting_for: list[WaitingFor]  # the questions the rating waits for
    tier: str | None  # held down by caps
    uncapped_tier: str | None  # the tier the score reaches
    caps: list[str]  # duty_not_met, duty_contradicted, essential_not_met
    tier_note: str  # the caps as words, beside the tier: "Legal duty not met"
    exposure: str | None
    risk: str | None  # residual risk: exposure against tier
    risk_rated: bool  # False: no local context question applies, so the theme is not risk-rated
    provisional: bool
    complete: bool
    gates: list[Gate]
    gate_failed: bool
    essentials: list[EssentialControl]
    context_answered: int
    context_asked: int
    context_needed: list[ContextNeeded]  # context questions still to answer before exposure is rated
    weight_possible: float
    overall_weight: float  # its weight in the overall: theme weight x the share of the theme that applies
    evidence: EvidenceShare
    planned: Planned | None  # None when no action in this theme is planned
    questions: NotRequired[list[QuestionEntry]]  # with detail only


CarriedOver = TypedDict("CarriedOver", {"from": str, "to": str})


class RetiredAnswer(TypedDict):
    question: str
    answer: Any
    text: str
    reason: str
    replaced_by: str  # a reworded question whose old answer did not carry over to it: the question now asked
    theme: str  # replaced_by's theme


class SetAside(TypedDict):
    """An answer or note the bank does not know (a question or option it no longer has): kept, reported, not scored."""

    question: str
    reason: str  # unknown_question, unknown_option, or kept_aside (a current question's answer in retired_answers)
    answer: Any
    note: str
    text: str
    theme: str
    message: str


class TimeTakenAsNow(TypedDict):
    """A provenance time after now (a clock set wrong, an edited file), taken as now when the file was read."""

    key: str  # the provenance key: SPC-01, notes.SPC-01, council.name, ...
    at: str  # the time the file gave
    message: str


class EntrySetAside(TypedDict):
    """An entry of the yearly cycle that cannot be used (a date of 20266-01-05, a name that is not one line):
    kept in the file as it was, not used, reported (engine/cycle.py)."""

    key: str  # evidence.SPC-05, action_plan.SPC-05, assignments.procurement, sign_off, previous
    problems: list[str]
    message: str


class Changes(TypedDict):
    version_changed: bool
    council_type_from: str  # an older bank's council type id, now mapped; "" when unchanged
    carried_over: list[CarriedOver]
    retired: list[RetiredAnswer]
    set_aside: list[SetAside]  # the first MAX_LISTED, in id order
    set_aside_total: int  # how many answers and notes are set aside in all
    times_taken_as_now: list[TimeTakenAsNow]
    entries_set_aside: list[EntrySetAside]


class PlanFields(TypedDict):
    """An action plan entry as the file holds it (engine/cycle.py)."""

    status: str  # not_started, in_progress, done, not_planned
    owner: NotRequired[str]
    due: NotRequired[str]
    reason: NotRequired[str]  # why not planned
    note: NotRequired[str]


class Action(TypedDict):
    priority: int
    part: str  # not_met, gaps, to_answer (rules.actions.parts)
    question: str
    theme: str
    theme_title: str
    text: str
    current: str
    best: str
    gain: float  # what this answer alone, made best, adds to the theme score
    follow_up_gain: float  # what the follow-up questions it opens could add on top, answered best
    gates: list[str]  # the laws whose statutory gate this answer decides, or puts in doubt
    essential: str  # the essential control this question is, when not in place or not answered
    risk_after: str | None
    tier_after: str | None
    theme_tier: str | None
    guidance: list[str]
    next_tier_guidance: str
    plan: PlanFields | None  # the file's action plan entry for this question


class PlanEntry(TypedDict):
    """An action plan entry with its question: in the action list's order, then those no longer actions."""

    question: str
    theme: str
    theme_title: str
    text: str
    current: str  # the answer now
    priority: int | None  # None: no longer an action (answered best since)
    status: str
    owner: NotRequired[str]
    due: NotRequired[str]
    reason: NotRequired[str]
    note: NotRequired[str]


class SignOff(TypedDict):
    name: str
    role: str
    date: str
    digest: NotRequired[str]  # SHA-256 of what was signed (signing.py)
    parts: NotRequired[dict[str, str]]  # each signed part's own


class SignOffCheck(TypedDict):
    signed: bool
    digest: str  # stored at sign-off; "" when none
    matches: bool | None  # None: no digest to check
    changed: list[str]  # the signed parts that changed
    entries: list[str]  # entries the record of changes shows changed after the sign-off
    message: str


class ScoreChange(TypedDict):
    score_before: float | None
    score_now: float | None
    change: float | None  # None unless both years are scored
    tier_before: str | None
    tier_now: str | None
    risk_before: str | None
    risk_now: str | None


class ThemeChange(ScoreChange):
    id: str
    title: str


class QuestionChange(TypedDict):
    question: str
    theme: str
    text: str
    before: str  # last year's answer, as read
    after: str
    before_value: Any
    after_value: Any
    direction: str  # better, worse, same, changed (not comparable: unanswered, n/a, context)


class LastYearSetAside(TypedDict):
    question: str
    answer: Any


class SinceLastYear(TypedDict):
    """Changes since last year's answers (the file's "previous"); available False when they cannot be compared."""

    assessment_date: str
    file: str
    available: bool
    problems: NotRequired[list[str]]  # when not available
    bank_version: NotRequired[str]  # the rest when available
    set_aside: NotRequired[list[LastYearSetAside]]
    overall: NotRequired[ScoreChange]
    themes: NotRequired[list[ThemeChange]]
    questions: NotRequired[list[QuestionChange]]


class IndicatorCountEntry(TypedDict):
    id: str
    label: str
    within: str  # the count this one is part of ("" for none)
    value: int | None  # this year's figure; None when not given
    share: float | None  # value as a % of the count it is part of, one decimal
    previous: int | None  # last year's figure (the file's "previous")
    previous_share: float | None
    change: int | None  # value less previous; None when either is missing
    text: str  # this year's figure in words, with its share
    trend: str  # last year's figure and the change since, in words


class IndicatorEntry(TypedDict):
    """An outcome indicator shown to this council: recorded beside the scores, never scored (engine/indicators.py)."""

    id: str
    title: str
    help: str  # in the council's nation's wording
    theme: str
    outcome: str  # the outcome's name ("" when tied to a duty only)
    duty: str  # the duty in the council's nation ("" for none)
    guidance: str
    period: dict[str, str] | None  # {"from", "to"}; None when not given
    previous_period: dict[str, str] | None
    suggested_period: dict[str, str]  # what a new entry covers unless the officer says otherwise
    period_text: str
    previous_period_text: str
    note: str
    recorded: int  # counts with a figure this year
    problems: list[str]  # why this year's entry is set aside; [] when usable
    counts: list[IndicatorCountEntry]


class ReviewEntry(TypedDict):
    """An answer carried from last year that nobody has confirmed or changed yet."""

    question: str
    theme: str
    text: str
    answer: str


class ChallengeEntry(TypedDict):
    """A peer reviewer's challenge to an answer, and the lead's decision on it (engine/review.py)."""

    question: str
    theme: str
    text: str
    answer: str  # the answer now, in words
    proposed: str  # the answer the reviewer proposes, in words; "" when none
    comment: str
    reviewer: str  # "R. Peer, Northvale Council"
    date: str  # the review's date
    decision: str  # open, accepted, rejected
    reply: str  # the lead's reply to a rejected challenge; "" otherwise
    message: str  # one sentence for the officer


class PeerReview(TypedDict):
    """The peer review marks the assessment holds: how many answers were agreed and challenged, and each challenge."""

    reviewers: list[str]
    agreed: int
    challenged: int
    open: int
    accepted: int
    rejected: int
    verified: int  # evidence items a reviewer marked independently verified
    challenges: list[ChallengeEntry]  # open ones first, then the rest, bank order within each
    message: str


class Unanswered(TypedDict):
    question: str
    theme: str
    text: str


class ContradictionSide(TypedDict):
    question: str
    theme: str
    answer: str


class ContradictionFound(TypedDict):
    """Two answers that cannot both be true (scoring.yaml contradictions), found in this assessment."""

    id: str
    when: ContradictionSide
    claims: ContradictionSide
    themes: list[str]
    message: str
    duty: str  # the law of the duty it puts in doubt; "" when the claim is not a legal duty


class DutyByDate(TypedDict):
    """A legal duty not yet in force at the assessment's date, or new since last year's assessment."""

    question: str
    theme: str
    law: str
    in_force_from: str
    status: str  # not_yet_in_force, new_since_last_year
    message: str


class Labels(TypedDict):
    tiers: dict[str, str]
    exposure: dict[str, str]
    risks: dict[str, str]
    nations: dict[str, str]
    functions: dict[str, str]
    council_types: dict[str, str]
    provisional: str  # what "provisional" means, for a footnote
    action_parts: dict[str, str]  # part id -> its name (rules.actions.parts)
    action_part_descriptions: dict[str, str]
    tier_names_note: str  # the tiers are the scorecard's own, named after the LGA's levels
    not_risk_rated: str  # what a theme without local context questions shows for its residual risk


class ResultLabels(Labels):
    """A result's labels: the bank's, and the action plan's statuses by name (wording.status_names, in the language the engine writes), so the site
    writes them as the reports do."""

    plan_statuses: dict[str, str]


class ScoredAssessment(TypedDict):
    """What every scoring of an assessment starts with."""

    council: CouncilSummary
    assessment_date: str
    bank_version: str  # the bank that scored it
    assessment_bank_version: str  # the bank it was answered against


class Result(ScoredAssessment):
    overall: Overall
    themes: list[ThemeResult]
    changes: Changes
    actions: NotRequired[list[Action]]  # with detail only, as are the unanswered list and the labels
    unanswered: NotRequired[list[Unanswered]]
    contradictions: NotRequired[list[ContradictionFound]]
    duties_by_date: NotRequired[list[DutyByDate]]
    evidence: NotRequired[EvidenceShare]  # the yearly cycle (engine/yearly.py), with detail only
    action_plan: NotRequired[list[PlanEntry]]
    sign_off: NotRequired[SignOff | None]
    sign_off_check: NotRequired[SignOffCheck]
    since_last_year: NotRequired[SinceLastYear | None]
    review: NotRequired[list[ReviewEntry]]
    peer_review: NotRequired[PeerReview | None]  # None: no peer review marks
    indicators: NotRequired[list[IndicatorEntry]]  # with detail only
    labels: NotRequired[ResultLabels]


def score_assessment(bank: Bank, assessment: Assessment, detail: bool = True, actions: bool = True) -> Result:
    """Score a checked assessment: themes, gates, risk, overall, actions, and what changed since its bank version.

    ``detail=False`` is for scoring many councils at once (comparisons): the same theme and overall
    figures, without each question's status, the action list, the unanswered list or the labels.
    ``actions=False`` is for a theme page's live score: all the rest, without the action list, the
    unanswered list and the action plan, which only the results page shows (they were about a third
    of a re-score's time in the engine and 70 % of its reply's bytes; bench/README.md, re-score).
    """
    reading = read_answers(bank, assessment)
    themes = [score_theme(theme, reading, bank) for theme in bank.themes]
    add_theme_cycle(bank, assessment, reading, themes)
    council = assessment.council
    ctype = bank.council_types[council.type]
    # built from score_theme's and overall's dicts, whose keys are ThemeResult's and Overall's (the schema test)
    summary = cast(
        Result,
        {
            "council": {
                "name": council.name,
                "type": council.type,
                "nation": reading.nation,
                "region": council.region,
                "ons_code": council.ons_code,
                "code": council.code,
                "functions": list(reading.council.function_list),
                "functions_added": sorted(reading.functions - ctype.functions) if council.functions is not None else [],
                "functions_removed": sorted(ctype.functions - reading.functions)
                if council.functions is not None
                else [],
            },
            "assessment_date": assessment.assessment_date,
            "bank_version": bank.version,
            "assessment_bank_version": assessment.bank_version,
            "overall": overall(themes, bank),
            "themes": themes,
            "changes": bank_changes(bank, assessment),
        },
    )
    if not detail:
        return summary
    for theme, result in zip(bank.themes, themes, strict=True):
        result["questions"] = question_entries(theme, reading, bank)
    listed = action_list(themes, assessment, bank, reading) if actions else None
    return cast(
        Result,
        {
            **summary,
            **({"actions": listed, "unanswered": unanswered_list(themes, bank, reading)} if actions else {}),
            "contradictions": contradictions_found(reading),
            "duties_by_date": duties_by_date(assessment, reading),
            **yearly_parts(bank, assessment, reading, themes, summary["overall"], listed),
            "labels": {**bank.labels(), "plan_statuses": status_names()},
        },
    )


def add_theme_cycle(bank: Bank, assessment: Assessment, reading: Reading, themes: list[dict[str, Any]]) -> None:
    """Each theme's evidence completeness and, where actions are planned, its tier once they are done."""
    evidence = evidence_completeness(bank, assessment, reading)
    outcome = planned_outcome(bank, assessment, reading, themes) if assessment.cycle.action_plan else {}
    for theme in themes:
        theme["evidence"] = evidence[theme["id"]]
        theme["planned"] = outcome.get(theme["id"])


def yearly_parts(
    bank: Bank,
    assessment: Assessment,
    reading: Reading,
    themes: list[dict[str, Any]],
    overall_now: Mapping[str, Any],
    actions: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Evidence, the action plan (given the action list), sign-off, last year's changes, answers to review (yearly.py)."""
    cycle = assessment.cycle
    parts: dict[str, Any] = {
        "evidence": add_evidence_shares(bank, themes),
    }
    if actions is not None:
        for action in actions:
            action["plan"] = cycle.action_plan.get(action["question"])
        parts["action_plan"] = plan_entries(bank, assessment, actions, reading.nation)
    return {
        **parts,
        "sign_off": cycle.sign_off,
        "sign_off_check": check_sign_off(assessment),
        "since_last_year": since_last_year(bank, assessment, themes, overall_now, reading.nation),
        "review": still_to_review(bank, assessment, reading.nation),
        "peer_review": peer_review(bank, assessment, reading.nation),
        "indicators": indicator_results(bank, cycle, reading.nation, reading.functions, assessment.assessment_date),
    }


def bank_changes(bank: Bank, assessment: Assessment) -> Changes:
    """What an officer is told when an assessment was made against another bank version."""
    retired: list[RetiredAnswer] = [
        {
            "question": qid,
            "answer": value,
            "text": bank.retired.get(qid, {}).get("text", ""),
            "reason": bank.retired.get(qid, {}).get("reason", ""),
            # a reworded question whose old answer did not fit the new one (or it was answered anew)
            "replaced_by": bank.replaced_by.get(qid, "") if qid not in bank.retired else "",
            "theme": bank.questions[bank.replaced_by[qid]].theme
            if qid not in bank.retired and qid in bank.replaced_by
            else "",
        }
        for qid, value in sorted(assessment.retired_answers.items())
        if qid not in assessment.set_aside
    ]
    set_aside: list[SetAside] = []
    for qid, reason in sorted(assessment.set_aside.items())[:MAX_LISTED]:  # 150,000 would make every score slow
        entry: SetAside = {
            "question": qid,
            "reason": reason,
            "answer": assessment.retired_answers.get(qid),
            "note": assessment.notes.get(qid, "") if qid not in bank.questions else "",
            "text": bank.questions[qid].text if qid in bank.questions else "",
            "theme": bank.questions[qid].theme if qid in bank.questions else "",
            "message": "",  # worded from the rest, next
        }
        entry["message"] = set_aside_message(entry, bank.version)
        set_aside.append(entry)
    return {
        "version_changed": assessment.bank_version != bank.version,
        "council_type_from": assessment.council_type_from,
        "carried_over": [{"from": old, "to": new} for old, new in sorted(assessment.carried_over.items())],
        "retired": retired,
        "set_aside": set_aside,
        "set_aside_total": len(assessment.set_aside),
        "entries_set_aside": [
            {
                "key": key,
                "problems": [m.text for m in why],
                "message": entry_set_aside_message(key, [m.text for m in why]),
            }
            for key, (_entry, why) in assessment.cycle.set_aside.items()
        ],
        "times_taken_as_now": [
            {"key": key, "at": at, "message": time_taken_as_now_message(key, at)}
            for key, at in assessment.times_taken_as_now.items()
        ],
    }
