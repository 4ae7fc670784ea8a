"""The prioritised action list: what to change first, and what each change would bring.

Order: duties not met (statutory gates) first; then the largest fall in residual risk; then
the largest rise in tier; then the largest score gain. The gain of an action is exact: the
points the theme score would rise if that answer moved to its best option and every
follow-up it opens were answered best too (100 x weights gained / the theme's possible weight).
Each action links first to the guidance section that closes that gap.
"""

from __future__ import annotations

from typing import Any

from .assessment import Assessment
from .bank import Bank, Question
from .scoring import ANSWERED, GATE_MET, GATE_NOT_APPLICABLE, PARENT_CLOSED, UNANSWERED, Reading, capped_tier

TIER_ANCHOR = "tier-"


def action_list(themes: list[dict[str, Any]], assessment: Assessment, bank: Bank, reading: Reading) -> list[dict[str, Any]]:
    """Answers that fall short (and duties not evidenced), most important first."""
    children = _children(bank)
    actions = []
    for order, (theme, result) in enumerate(zip(bank.themes, themes)):
        if not result["weight_possible"]:
            continue
        gates = {g["question"]: g for g in result["gates"]}
        failing = {q for q, g in gates.items() if g["status"] not in (GATE_MET, GATE_NOT_APPLICABLE)}
        for entry in result["questions"]:
            if entry["status"] not in (ANSWERED, UNANSWERED):
                continue  # not asked, not applicable: no action (and no walk: a long closed chain made this quadratic)
            qid = entry["id"]
            question = bank.questions[qid]
            closed = _closed_follow_ups(question, children, reading)
            gate_laws = [gates[q]["law"] for q in [qid, *(c.id for c in closed)] if q in failing]
            improvable = entry["status"] == ANSWERED and entry.get("fraction", 1) < 1
            if not (improvable or (gate_laws and entry["status"] == UNANSWERED)):
                continue
            points = question.weight * (1 - entry.get("fraction", 0)) + sum(c.weight for c in closed)
            gain = 100 * points / result["weight_possible"]
            new_score = min(100.0, round((result["score"] or 0) + gain, 1))
            new_tier = capped_tier(bank, new_score, bool(failing - {qid} - {c.id for c in closed}))
            new_risk = bank.residual_risk(result["exposure"], new_tier)
            risk_fall = bank.risk_rank(result["risk"]) - bank.risk_rank(new_risk) if result["risk"] and new_risk else 0
            tier_rise = bank.tier_rank(new_tier) - (bank.tier_rank(result["tier"]) if result["tier"] else 0)
            wording = question.wording(reading.nation)
            value = assessment.answers.get(qid)
            actions.append(
                {
                    "question": qid,
                    "theme": theme.id,
                    "theme_title": theme.title,
                    "text": wording.text,
                    "current": question.label_of(value) if value is not None else "Not answered",
                    "best": question.best_label,
                    "gain": round(gain, 1),
                    "gates": gate_laws,
                    "risk_after": new_risk,
                    "tier_after": new_tier,
                    "theme_tier": result["tier"],
                    "guidance": list(question.guidance),
                    "next_tier_guidance": f"{theme.guidance}#{TIER_ANCHOR}{result['tier'] or bank.tiers[0].id}",
                    "_rank": (not gate_laws, -risk_fall, -tier_rise, -round(gain, 6), order),
                }
            )
    actions.sort(key=lambda a: a.pop("_rank"))
    for priority, action in enumerate(actions, start=1):
        action["priority"] = priority
    return actions


def _children(bank: Bank) -> dict[str, list[Question]]:
    children: dict[str, list[Question]] = {}
    for question in bank.questions.values():
        if question.depends_on:
            children.setdefault(question.depends_on, []).append(question)
    return children


def _closed_follow_ups(question: Question, children: dict[str, list[Question]], reading: Reading) -> list[Question]:
    """The follow-ups this answer keeps closed, which its best answer would open (answer_in is upward-closed).

    Each closed follow-up belongs to the one asked question closing it, so all the walks together
    visit each question at most once.
    """
    closed = []
    pending = list(children.get(question.id, ()))
    while pending:
        child = pending.pop()
        if reading.reasons.get(child.id) == PARENT_CLOSED:
            closed.append(child)
            pending.extend(children.get(child.id, ()))
    return closed


def unanswered_list(themes: list[dict[str, Any]], bank: Bank, reading: Reading) -> list[dict[str, str]]:
    """Questions for this council still without an answer, in bank order."""
    return [
        {"question": entry["id"], "theme": result["id"], "text": bank.questions[entry["id"]].wording(reading.nation).text}
        for result in themes
        for entry in result["questions"]
        if entry["status"] == UNANSWERED
    ]
