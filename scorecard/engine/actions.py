"""The prioritised action list: which answers, if improved, most raise a theme's score.

The gain of an action is exact: the points the theme score would rise if that one answer
moved to its best option, all else equal (100 x weight x (1 - fraction) / answered weight).
"""

from __future__ import annotations

from typing import Any

from .assessment import Assessment
from .bank import Bank
from .scoring import ANSWERED, UNANSWERED

TIER_ANCHOR = "tier-"


def action_list(themes: list[dict[str, Any]], assessment: Assessment, bank: Bank) -> list[dict[str, Any]]:
    """Improvable answers, largest score gain first (ties: higher-risk theme, then bank order)."""
    risk_rank = {band.id: i for i, band in enumerate(bank.risk_bands)}
    actions = []
    for order, (theme, result) in enumerate(zip(bank.themes, themes)):
        if result["score"] is None:
            continue
        next_steps = f"{theme.guidance}#{TIER_ANCHOR}{result['tier']}"
        for entry in result["questions"]:
            if entry["status"] != ANSWERED or entry["fraction"] >= 1:
                continue
            question = bank.questions[entry["id"]]
            gain = 100 * question.weight * (1 - entry["fraction"]) / result["weight_answered"]
            actions.append(
                {
                    "question": question.id,
                    "theme": theme.id,
                    "theme_title": theme.title,
                    "text": question.text,
                    "current": question.label_of(assessment.answers[question.id]),
                    "best": question.best_label,
                    "gain": round(gain, 1),
                    "theme_tier": result["tier"],
                    "guidance": list(question.guidance),
                    "next_tier_guidance": next_steps,
                    "_rank": (-round(gain, 6), risk_rank[result["risk"]], order),
                }
            )
    actions.sort(key=lambda a: a.pop("_rank"))
    for priority, action in enumerate(actions, start=1):
        action["priority"] = priority
    return actions


def unanswered_list(themes: list[dict[str, Any]], bank: Bank) -> list[dict[str, str]]:
    """Asked questions still without an answer, in bank order."""
    return [
        {"question": entry["id"], "theme": result["id"], "text": bank.questions[entry["id"]].text}
        for result in themes
        for entry in result["questions"]
        if entry["status"] == UNANSWERED
    ]
