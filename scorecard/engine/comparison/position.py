"""One council's position in its group, figure by figure, in words as well as numbers.

For the Compare page and the text report: a coordinator picks a council (its register or GSS code) and reads,
for its overall figure and each theme, where its latest score stands against its group's median and quartiles
and how many councils counted score higher, so that the position never rests on colour alone. As the group's
figures (stats.counted): a rated score is counted, a provisional one flagged; a score without a tier is not
rated, and its sentence says why and that it is left out. The sentences are written in engine/wording.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..wording import position_sentence
from .shapes import Position, PositionFigure
from .stats import counted

ABOVE, UPPER, AT, LOWER, BELOW = (
    "above_upper_quartile",
    "upper_middle",
    "at_median",
    "lower_middle",
    "below_lower_quartile",
)


def find_row(rows: Sequence[Mapping[str, Any]], wanted: str) -> Mapping[str, Any] | None:
    """The row of the council a register code, GSS code or comparison key names."""
    text = wanted.strip()
    for row in rows:
        council = row["council"]
        if text in (row["key"], council["code"], council["ons_code"]) or text.upper() in (
            council["code"],
            council["ons_code"],
        ):
            return row
    return None


def position(comparison: Mapping[str, Any], wanted: str) -> Position | None:
    """Where the council ``wanted`` names stands in its group (None when it is not among the latest rows)."""
    row = find_row(comparison["rows"], wanted)
    if row is None:
        return None
    group = next(g for g in comparison["groups"] if g["id"] == row["group"])
    peers = [r for r in comparison["rows"] if r["group"] == row["group"]]
    labels = comparison["labels"]["tiers"]
    targets = next((t for t in comparison["trends"] if t["key"] == row["key"]), None)
    figures = []
    for place, (stats, part) in enumerate(
        [(group["stats"]["overall"], row["overall"])] + list(zip(group["stats"]["themes"], row["themes"], strict=True))
    ):
        others = [r["overall"] if place == 0 else r["themes"][place - 1] for r in peers]
        scores = sorted((p["score"] for p in others if counted(p)), reverse=True)
        mine = counted(part)
        figure: PositionFigure = {
            "id": stats["id"],
            "title": stats["title"],
            "score": part["score"],
            "tier": part["tier"],
            "asked": part.get("asked", 1) > 0,
            "counted": mine,
            "provisional": part["provisional"],
            "note": part["note"],
            "score_hidden": part["hidden"],
            "n": stats["n"],
            "hidden": stats["hidden"],
            "median": stats["median"],
            "lower_quartile": stats["lower_quartile"],
            "upper_quartile": stats["upper_quartile"],
            "higher": sum(1 for s in scores if s > part["score"]) if mine else None,
            "band": _band(part["score"], stats) if mine and not stats["hidden"] else None,
            "target": None,
            "tiers_to_target": None,
            "words": "",
        }
        if targets and place:
            series = targets["themes"][place - 1]
            figure["target"], figure["tiers_to_target"] = series["target"], series["tiers_to_target"]
        figure["words"] = position_sentence(figure, labels)
        figures.append(figure)
    return {
        "key": row["key"],
        "council": row["council"]["name"],
        "group": group["id"],
        "group_title": group["title"],
        "figures": figures,
    }


def _band(score: float, stats: Mapping[str, Any]) -> str | None:
    if stats["median"] is None:
        return None
    if score == stats["median"]:
        return AT
    if score > stats["median"]:
        return ABOVE if score > stats["upper_quartile"] else UPPER
    return BELOW if score < stats["lower_quartile"] else LOWER
