"""The prioritised action list: what to change first, and what each change would bring.

Order: duties not met (statutory gates) first; then the largest fall in residual risk; then
the largest rise in tier; then the largest score gain. The gain of an action is exact: the
points the theme score would rise if that answer moved to its best option and every
follow-up it opens were answered best too (100 x weights gained / the theme's possible weight).
Each action links first to the guidance section that closes that gap.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from .assessment import Assessment
from .bank import Bank, Question, Theme
from .scoring import Reading
from .statuses import ANSWERED, GATE_MET, GATE_NOT_APPLICABLE, PARENT_CLOSED, UNANSWERED

TIER_ANCHOR = "tier-"


def action_list(
    themes: list[dict[str, Any]], assessment: Assessment, bank: Bank, reading: Reading
) -> list[dict[str, Any]]:
    """Answers that fall short (and duties not evidenced), most important first."""
    actions: list[dict[str, Any]] = []
    for order, (theme, result) in enumerate(zip(bank.themes, themes, strict=True)):
        if result["weight_possible"]:
            actions += _theme_actions(order, theme, result, assessment.answers, bank, reading)
    actions.sort(key=lambda a: a.pop("_rank"))
    for priority, action in enumerate(actions, start=1):
        action["priority"] = priority
    return actions


def _theme_actions(
    order: int, theme: Theme, result: dict[str, Any], answers: dict[str, Any], bank: Bank, reading: Reading
) -> list[dict[str, Any]]:
    """One theme's actions, each with its rank: its answers that fall short, and its duties not evidenced."""
    asked_questions, tiers, follow_ups = reading.council.by_id, reading.council.tiers, bank.follow_ups
    tier_ranks, risk_ranks = bank.ranks["tiers"], bank.ranks["risks"]
    # the laws whose gates are not met or not evidenced, by the question deciding each
    failing = {g["question"]: g["law"] for g in result["gates"] if g["status"] not in (GATE_MET, GATE_NOT_APPLICABLE)}
    risk_by_tier = None if result["exposure"] is None else bank.risk_matrix[result["exposure"]]  # Bank.residual_risk
    risk_now = risk_ranks[result["risk"]] if result["risk"] else None
    tier_now = tier_ranks[result["tier"]] if result["tier"] else 0
    next_tier_guidance = f"{theme.guidance}#{TIER_ANCHOR}{result['tier'] or bank.tiers[0].id}"
    actions = []
    for entry in result["questions"]:
        status = entry["status"]
        if status == ANSWERED:
            if not entry.get("fraction", 1) < 1:
                continue  # answered best, or a context question: nothing to gain
        elif status != UNANSWERED or not failing:
            continue  # not asked, not applicable (no walk: a long closed chain made this quadratic), or no duty to evidence
        qid = entry["id"]
        asked = asked_questions[qid]
        closed = _closed_follow_ups(asked.question, follow_ups, reading) if qid in follow_ups else []
        gate_laws = [failing[q] for q in [qid, *(c.id for c in closed)] if q in failing] if failing else []
        if status == UNANSWERED and not gate_laws:
            continue  # unanswered, but no duty hangs on it
        points = asked.weight * (1 - entry.get("fraction", 0)) + (sum(c.weight for c in closed) if closed else 0)
        gain = 100 * points / result["weight_possible"]
        new_score = min(100.0, round((result["score"] or 0) + gain, 1))
        still_failing = bool(failing.keys() - {qid} - {c.id for c in closed}) if failing else False
        new_tier = tiers.capped(tiers.reached_by(new_score), still_failing)
        new_risk = None if risk_by_tier is None else risk_by_tier[new_tier]
        risk_fall = risk_now - risk_ranks[new_risk] if risk_now is not None and new_risk else 0
        tier_rise = tier_ranks[new_tier] - tier_now
        value = answers.get(qid)
        shown, ranked = (
            rounded_gain(gain) if gain else (round(gain, 1), round(gain, 6))
        )  # the cache would not tell -0.0
        actions.append(
            {
                "question": qid,
                "theme": theme.id,
                "theme_title": theme.title,
                "text": asked.text,
                "current": asked.question.label_of(value) if value is not None else "Not answered",
                "best": asked.question.best_label,
                "gain": shown,
                "gates": gate_laws,
                "risk_after": new_risk,
                "tier_after": new_tier,
                "theme_tier": result["tier"],
                "guidance": list(asked.question.guidance),
                "next_tier_guidance": next_tier_guidance,
                "_rank": (not gate_laws, -risk_fall, -tier_rise, -ranked, order),
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


def _closed_follow_ups(
    question: Question, follow_ups: Mapping[str, tuple[Question, ...]], reading: Reading
) -> list[Question]:
    """The follow-ups this answer keeps closed, which its best answer would open (answer_in is upward-closed).

    Each closed follow-up belongs to the one asked question closing it, so all the walks together
    visit each question at most once.
    """
    closed = []
    pending = list(follow_ups.get(question.id, ()))
    while pending:
        child = pending.pop()
        if reading.reasons.get(child.id) == PARENT_CLOSED:
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
