"""The words a newcomer meets beside the scores, each in one plain sentence.

One home for them: the theme pages' "What do these mean?", the results page and the board report's glossary all
read this list (the site at build time, the board report through the engine), and How scoring works gives the
rules in full. Run-time code: standard library only.
"""

from __future__ import annotations

from .bank import Bank


def glossary(bank: Bank) -> list[dict[str, str]]:
    """[{"term", "meaning"}] in the order a reader meets them on a theme page."""
    tiers = [t.name for t in bank.tiers]
    return [
        {
            "term": "Score",
            "meaning": "How much of what the questions ask your council does, from 0 to 100. "
            "An unanswered question counts as 0 until it is answered.",
        },
        {
            "term": "Maturity tier",
            "meaning": f"The level a theme has reached, from {tiers[0]} to {tiers[-1]} "
            "(the four levels of the Local Government Association's council guide), set by its score.",
        },
        {
            "term": "Provisional",
            "meaning": "Some questions are not answered yet, so the score and tier can still go up as you answer them.",
        },
        {
            "term": "Legal duty not met",
            "meaning": "A question that tests a duty in your nation's law is answered no. "
            f"Until it is met, the theme cannot be rated above {bank.gate_tier_cap.name}.",
        },
        {
            "term": "Not evidenced",
            "meaning": "A legal duty's question is not answered yet, so the scorecard cannot count the duty as met.",
        },
        {
            "term": "Local exposure",
            "meaning": "How much your area meets this kind of exploitation (from the local context questions, "
            "which describe the area and do not score the council).",
        },
        {
            "term": "Residual risk",
            "meaning": "The risk left once your council's controls (its tier) meet its local exposure: "
            "high exposure with basic controls is the highest risk.",
        },
        {
            "term": "Coverage",
            "meaning": "The share of the questions asked of your council that have an answer (or are not applicable).",
        },
    ]
