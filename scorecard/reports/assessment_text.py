"""Plain-text rendering of a scored assessment, for the terminal."""

from __future__ import annotations

from typing import Any

from ..engine import Bank
from ..engine.wording import pct


def text_report(result: dict[str, Any], bank: Bank, max_actions: int = 10) -> str:
    tiers, risks = result["labels"]["tiers"], result["labels"]["risks"]
    council = result["council"]
    lines = [
        f"{council['name'] or 'Council name not given'} ({bank.council_types[council['type']]})"
        + (f", {council['region']}" if council["region"] else ""),
        f"Assessed {result['assessment_date']} against question bank {result['assessment_bank_version']}"
        + (f" (scored with {result['bank_version']})" if result["changes"]["version_changed"] else ""),
        "",
        f"{'Theme':<36} {'Score':>5}  {'Tier':<22} {'Risk':<12} Coverage",
    ]

    def row(title: str, part: dict[str, Any]) -> str:
        if part["score"] is None:
            return f"{title:<36} {'-':>5}  {'not scored':<22} {'':<12} {pct(part['coverage'])}"
        mark = " (provisional)" if part["provisional"] else ""
        return f"{title:<36} {part['score']:>5.1f}  {tiers[part['tier']]:<22} {risks[part['risk']]:<12} {pct(part['coverage'])}{mark}"

    for theme in result["themes"]:
        if theme["asked"] == 0:
            lines.append(f"{theme['title']:<36} {'-':>5}  not applicable to this council type")
        else:
            lines.append(row(theme["title"], theme))
    lines += [row("Overall", result["overall"]), ""]

    changes = result["changes"]
    for carried in changes["carried_over"]:
        lines.append(f"Carried over: the answer to {carried['from']} now answers {carried['to']}.")
    for entry in changes["set_aside"]:
        lines.append(f"Set aside: {entry['message']}")
    for retired in changes["retired"]:
        lines.append(f"Retired question {retired['question']} kept with its answer {retired['answer']!r}. {retired['reason']}".rstrip())

    actions = result["actions"]
    lines.append(f"Top actions ({min(len(actions), max_actions)} of {len(actions)}):" if actions else "No actions: every answered question has the best answer.")
    for action in actions[:max_actions]:
        lines += [
            f"{action['priority']:>3}. [{action['question']}] +{action['gain']} points to {action['theme_title']}",
            f"     {action['text']}",
            f"     Now: {action['current']}. Aim for: {action['best']}.",
            f"     Guidance: guidance/{action['next_tier_guidance']}",
        ]
    if result["unanswered"]:
        lines += ["", f"{len(result['unanswered'])} question(s) still to answer: " + ", ".join(u["question"] for u in result["unanswered"])]
    return "\n".join(lines)
