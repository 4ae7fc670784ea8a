"""The words a newcomer meets beside the scores, each in one plain sentence.

One home for them: the theme pages' "What do these mean?", the results page and the board report's glossary all
read this list (the site at build time, the board report through the engine), and How scoring works gives the
rules in full. Run-time code: standard library only.
"""

from __future__ import annotations

from .bank import Bank
from .language import _
from .wording import pct


def glossary(bank: Bank) -> list[dict[str, str]]:
    """[{"term", "meaning"}] in the order a reader meets them on a theme page; each rule's figures from the bank."""
    tiers = [t.name for t in bank.tiers]
    return [
        {
            "term": _("Score"),
            "meaning": _(
                "How much of what the questions ask your council does, from 0 to 100. "
                "An unanswered question counts as 0 until it is answered."
            ),
        },
        {
            "term": _("Maturity tier"),
            "meaning": _(
                "The level a theme has reached, from %(lowest)s to %(highest)s "
                "(the four levels of the Local Government Association's council guide), set by its score."
            )
            % {"lowest": tiers[0], "highest": tiers[-1]},
        },
        {
            "term": _("Provisional"),
            "meaning": _(
                "Some questions are not answered yet, so the score and tier can still go up as you answer them."
            ),
        },
        {
            "term": _("Not rated"),
            "meaning": _(
                "A theme gets a tier only once at least %(share)s of it is answered "
                "(by the questions' weight) and its legal duties and essential controls are answered; until then it "
                "shows a provisional score and what it waits for."
            )
            % {"share": pct(bank.min_answered_weight)},
        },
        {
            "term": _("Legal duty not met"),
            "meaning": _(
                "A question that tests a duty in your nation's law is answered no, or another answer "
                "contradicts a yes. Until it is met, the theme cannot be rated above %(tier)s."
            )
            % {"tier": bank.gate_tier_cap.name},
        },
        {
            "term": _("Essential control"),
            "meaning": _(
                "A control that is not a legal duty but without which the rest of its theme does not work. "
                "Until it is in place, the theme cannot be rated above %(tier)s."
            )
            % {"tier": bank.essential_tier_cap.name},
        },
        {
            "term": _("Not evidenced (to answer)"),
            "meaning": _(
                "A legal duty's question is not answered yet, so the scorecard cannot count the duty as met, "
                "and the theme is not rated until it is."
            ),
        },
        {
            "term": _("Answers that contradict each other"),
            "meaning": _(
                "Two answers that cannot both be true (each pair is listed with why); one of them needs changing."
            ),
        },
        {
            "term": _("Local exposure"),
            "meaning": _(
                "How much your area meets this kind of exploitation (from the local context questions, "
                "which describe the area and do not score the council)."
            ),
        },
        {
            "term": _("Residual risk"),
            "meaning": _(
                "The risk left once your council's controls (its tier) meet its local exposure: "
                "high exposure with basic controls is the highest risk. It is not rated until the theme is."
            ),
        },
        {
            "term": _("Coverage"),
            "meaning": _(
                "The share of the questions asked of your council that have an answer (or are not applicable)."
            ),
        },
    ]
