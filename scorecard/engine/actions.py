"""The prioritised action list, in three parts: what to change first, and what each change would bring.

The parts (``rules.actions`` in scoring.yaml, with their names and reasons):

1. ``not_met``: answered questions whose answer says a legal duty or an essential control is not
   met, or that contradicts a duty (changing it resolves the contradiction);
2. ``gaps``: the other answered questions short of their best answer;
3. ``to_answer``: questions not answered yet: legal duties, essential controls and the questions
   that check a duty's answer first, then the rest by weight.

Within parts 1 and 2: the largest fall in residual risk first, then the largest rise in tier,
then the largest gain (part 1 puts duties before essential controls). An unanswered question
never ranks above an answered one. An action's ``gain`` is exact: the points the theme score
rises when that answer alone moves to its best option (100 x the weight gained / the theme's
possible weight); ``follow_up_gain`` is what the follow-up questions that answer opens could add
on top, answered best. Its tier and risk after are the theme's with that answer alone changed.
Each action links first to the guidance section that closes that gap.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from .assessment import Assessment
from .bank import Bank, Question, Theme
from .language import _
from .scoring import Reading, contradiction_holds
from .statuses import (
    ANSWERED,
    GATE_CONTRADICTED,
    GATE_MET_NOT_EVIDENCED,
    GATE_NOT_EVIDENCED,
    GATE_NOT_IN_FORCE,
    GATE_NOT_MET,
    PARENT_CLOSED,
    PARENT_UNANSWERED,
    UNANSWERED,
)

TIER_ANCHOR = "tier-"
NOT_MET, GAPS, TO_ANSWER = "not_met", "gaps", "to_answer"
PARTS = (NOT_MET, GAPS, TO_ANSWER)


def action_list(
    themes: list[dict[str, Any]], assessment: Assessment, bank: Bank, reading: Reading
) -> list[dict[str, Any]]:
    """Answers that fall short, then questions still to answer, most important first, in three parts."""
    actions: list[dict[str, Any]] = []
    # the questions some theme's rating waits for (its duties, essential controls, checks on a duty's answer):
    # the first to answer, wherever they are asked
    first = {w["question"] for result in themes for w in result["waiting_for"]}
    for order, (theme, result) in enumerate(zip(bank.themes, themes, strict=True)):
        if result["weight_possible"]:
            actions += _theme_actions(order, theme, result, assessment.answers, bank, reading, first)
    actions.sort(key=lambda a: a.pop("_rank"))
    for priority, action in enumerate(actions, start=1):
        action["priority"] = priority
    return actions


def _contradicted_after(reading: Reading, answers: dict[str, Any], question: Question, qid: str) -> set[str]:
    """The questions a contradiction would put in doubt with ``qid`` answered at its best, the rest as given (the
    scoring's own test of a contradiction: both answered, each in its set)."""
    best = None if question.type == "multi" else max(question.options, key=lambda o: o.score).id
    after = {**answers, qid: best}
    return {
        c.claims
        for c in reading.council.contradictions
        if contradiction_holds(c, after, lambda other: other == qid or reading.state(other) == ANSWERED)
    }


def _theme_actions(
    order: int,
    theme: Theme,
    result: dict[str, Any],
    answers: dict[str, Any],
    bank: Bank,
    reading: Reading,
    first: set[str],
) -> list[dict[str, Any]]:
    """One theme's actions, each with its rank: its answers that fall short, and its questions still to answer."""
    asked_questions, tiers, follow_ups = reading.council.by_id, reading.council.tiers, bank.follow_ups
    tier_ranks, risk_ranks = bank.ranks["tiers"], bank.ranks["risks"]
    # the laws whose gates are not met, contradicted or not answered, by the question deciding each
    failing = {
        g["question"]: g["law"]
        for g in result["gates"]
        if g["status"] in (GATE_NOT_MET, GATE_CONTRADICTED, GATE_NOT_EVIDENCED)
    }
    missing = {e["question"]: e["control"] for e in result["essentials"] if e["status"] == GATE_NOT_MET}
    unanswered_controls = {
        e["question"]: e["control"] for e in result["essentials"] if e["status"] == GATE_NOT_EVIDENCED
    }
    # a question whose answer puts a duty in doubt (a contradiction found) -> the contradicted duties' laws
    resolves: dict[str, list[str]] = {}
    for contradiction in reading.contradictions:
        if contradiction.claims in failing and result["id"] == asked_questions[contradiction.claims].theme:
            resolves.setdefault(contradiction.when, []).append(failing[contradiction.claims])
    waits = {w["question"] for w in result["waiting_for"]}
    risk_by_tier = None if result["exposure"] is None else bank.risk_matrix[result["exposure"]]  # Bank.residual_risk
    risk_now = risk_ranks[result["risk"]] if result["risk"] else None
    tier_now = tier_ranks[result["tier"]] if result["tier"] else 0
    next_tier_guidance = f"{theme.guidance}#{TIER_ANCHOR}{result['tier'] or bank.tiers[0].id}"
    not_met = {g["question"] for g in result["gates"] if g["status"] == GATE_NOT_MET}
    in_force = {g["question"] for g in result["gates"] if g["status"] != GATE_NOT_IN_FORCE}
    # duties and essential controls met without evidence that counts; a question made best without it joins them
    unevidenced = {g["question"] for g in result["gates"] if g["status"] == GATE_MET_NOT_EVIDENCED}
    unevidenced |= {e["question"] for e in result["essentials"] if e["status"] == GATE_MET_NOT_EVIDENCED}
    controls = in_force | {e["question"] for e in result["essentials"]}
    actions = []
    for entry in result["questions"]:
        status = entry["status"]
        if status == ANSWERED:
            if not entry.get("fraction", 1) < 1:
                continue  # answered best, or a context question: nothing to gain
        elif status != UNANSWERED or asked_questions[entry["id"]].is_context:
            continue  # not asked, not applicable, or local context (it rates exposure, not maturity)
        qid = entry["id"]
        asked = asked_questions[qid]
        own = asked.weight * (1 - entry.get("fraction", 0))
        follow = _follow_up_weight(asked.question, follow_ups, reading) if qid in follow_ups else 0.0
        gain = 100 * own / result["weight_possible"]
        # the theme with this answer alone made best: its caps (a best answer can end a contradiction, or start one:
        # "every victim notified" beside "no records") and what it waits for
        after_duties = (not_met - {qid}) | (_contradicted_after(reading, answers, asked.question, qid) & in_force)
        after_essential = bool(set(missing) - {qid})
        after_unevidenced = bool(unevidenced - {qid}) or (qid in controls and qid not in reading.evidenced)
        laws = [failing[qid]] if qid in failing else []
        laws += [law for law in resolves.get(qid, []) if law not in laws]
        if status == ANSWERED:
            part = NOT_MET if (laws or qid in missing) else GAPS
            rated_after = result["rated"]
        else:
            part = TO_ANSWER
            family = asked.weight + follow
            share_after = (result["answered_weight"] or 0) + (
                family / result["weight_possible"] if asked.parent is None else 0
            )
            rated_after = share_after >= bank.min_answered_weight and not (waits - {qid})
        new_score = min(100.0, round((result["score"] or 0) + gain, 1))
        new_tier = (
            tiers.capped(tiers.reached_by(new_score), bool(after_duties), after_essential, after_unevidenced)
            if rated_after
            else None
        )
        new_risk = None if risk_by_tier is None or new_tier is None else risk_by_tier[new_tier]
        risk_fall = risk_now - risk_ranks[new_risk] if risk_now is not None and new_risk else 0
        tier_rise = tier_ranks[new_tier] - tier_now if new_tier is not None else 0
        value = answers.get(qid)
        shown, ranked = (
            rounded_gain(gain) if gain else (round(gain, 1), round(gain, 6))
        )  # the cache would not tell -0.0
        if part == TO_ANSWER:
            rank: tuple[Any, ...] = (2, qid not in first, -asked.weight, order, bank.order[qid])
        else:
            duty_first = not laws if part == NOT_MET else False
            rank = (PARTS.index(part), duty_first, -risk_fall, -tier_rise, -ranked, order, bank.order[qid])
        actions.append(
            {
                "part": part,
                "question": qid,
                "theme": theme.id,
                "theme_title": theme.title,
                "text": asked.text,
                "current": asked.question.label_of(value) if value is not None else _("Not answered"),
                "best": asked.question.best_label,
                "gain": shown,
                "follow_up_gain": rounded_gain(100 * follow / result["weight_possible"])[0] if follow else 0.0,
                "gates": laws,
                "essential": missing.get(qid) or unanswered_controls.get(qid, ""),
                "risk_after": new_risk,
                "tier_after": new_tier,
                "theme_tier": result["tier"],
                "guidance": list(asked.question.guidance),
                "next_tier_guidance": next_tier_guidance,
                "_rank": rank,
            }
        )
    return actions


@lru_cache(maxsize=4096)
def rounded_gain(gain: float) -> tuple[float, float]:
    """An action's gain as shown (one decimal) and as ranked (six decimals).

    Kept once worked out: the same few hundred gains recur across assessments (a question's
    weight over its theme's), and round() to a number of digits is slow (CPython goes through
    the decimal digits).
    """
    return round(gain, 1), round(gain, 6)


FOLLOW_UP_REASONS = frozenset((PARENT_CLOSED, PARENT_UNANSWERED))


def _follow_up_weight(question: Question, follow_ups: Mapping[str, tuple[Question, ...]], reading: Reading) -> float:
    """The weight of the follow-ups this question's answer (or its lack) keeps closed, which its best answer opens."""
    return sum(c.weight for c in _closed_follow_ups(question, follow_ups, reading, FOLLOW_UP_REASONS))


def _closed_follow_ups(
    question: Question,
    follow_ups: Mapping[str, tuple[Question, ...]],
    reading: Reading,
    reasons: frozenset[str] = frozenset((PARENT_CLOSED,)),
) -> list[Question]:
    """The follow-ups this answer keeps closed (or, with PARENT_UNANSWERED, waiting), which its best answer
    would open (answer_in is upward-closed).

    Each closed follow-up belongs to the one asked question closing it, so all the walks together
    visit each question at most once.
    """
    closed = []
    pending = list(follow_ups.get(question.id, ()))
    while pending:
        child = pending.pop()
        if reading.reasons.get(child.id) in reasons:
            closed.append(child)
            pending.extend(follow_ups.get(child.id, ()))
    return closed


def unanswered_list(themes: list[dict[str, Any]], bank: Bank, reading: Reading) -> list[dict[str, str]]:
    """Questions for this council still without an answer, in bank order."""
    asked_questions = reading.council.by_id
    return [
        {"question": entry["id"], "theme": result["id"], "text": asked_questions[entry["id"]].text}
        for result in themes
        for entry in result["questions"]
        if entry["status"] == UNANSWERED
    ]
