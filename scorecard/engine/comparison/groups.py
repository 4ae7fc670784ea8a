"""Like with like: councils grouped by nation and council type, each group with its own figures.

A county council and a district council are asked different questions, and a Scottish council
answers to other law than an English one: by default each group (nation and council type) has
its own median and quartiles, and each council's gap is to its own group's median.
``group_by="none"`` compares every council together, as one group.

A report meant to be shared hides any group figure (median, quartiles, lowest, highest) drawn
from fewer than ``min_group`` councils, and each gap to such a figure: a median of two councils
is one of them, near enough.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from ..bank import Bank
from .entries import Entry
from .shapes import Group, HiddenFigures, Row, RowFigures
from .stats import regional_stats

GROUP_BY = ("type", "none")  # nation and council type (the default), or every council together
ALL = "all"
FIGURES: Final = ("median", "lower_quartile", "upper_quartile", "min", "max")


def group_id(result: Mapping[str, Any], group_by: str) -> str:
    council = result["council"]
    return ALL if group_by == "none" else f"{council['nation']}/{council['type']}"


def make_groups(bank: Bank, latest: list[Entry], group_by: str) -> list[Group]:
    """The groups of the latest assessments, in the bank's order of nations and council types."""
    members: dict[str, list[Entry]] = {}
    for entry in latest:
        members.setdefault(group_id(entry.result, group_by), []).append(entry)
    nation_order = {n: i for i, n in enumerate(bank.nations)}
    type_order = {t: i for i, t in enumerate(bank.council_types)}
    groups: list[tuple[tuple[int, int], Group]] = []  # each with its place in that order
    for gid, entries in members.items():
        council = entries[0].result["council"]
        if gid == ALL:
            nation, ctype, title, order = None, None, "All councils", (0, 0)
        else:
            nation, ctype = council["nation"], council["type"]
            known = bank.council_types.get(ctype)
            title = f"{bank.nations.get(nation, nation)}: {known.name if known else ctype}"
            order = (nation_order.get(nation, len(nation_order)), type_order.get(ctype, len(type_order)))
        group: Group = {
            "id": gid,
            "title": title,
            "nation": nation,
            "type": ctype,
            "councils": len(entries),
            "stats": regional_stats(bank, entries),
        }
        groups.append((order, group))
    return [group for _, group in sorted(groups, key=lambda placed: placed[0])]


def medians(group: Group) -> dict[str, float | None]:
    stats = group["stats"]
    return {"overall": stats["overall"]["median"], **{s["id"]: s["median"] for s in stats["themes"]}}


def hide_small_groups(groups: list[Group], rows: list[Row], min_group: int) -> list[HiddenFigures]:
    """For a shared report: blank every group figure drawn from 1 to min_group - 1 councils, the gaps to it, and
    each council's own score of it (the median of two councils is their mean): the council's tier, a band, stays
    (``hidden`` marks the cell).

    Returns what was hidden, one entry per group: its id and title, the figures (``overall`` or a
    theme id) and the most councils any of them was drawn from.
    """
    hidden: list[HiddenFigures] = []
    by_group: dict[str, list[Row]] = {}
    for row in rows:
        by_group.setdefault(row["group"], []).append(row)
    for group in groups:
        figures = []
        for stats in [group["stats"]["overall"], *group["stats"]["themes"]]:
            stats["hidden"] = 0 < stats["n"] < min_group
            if not stats["hidden"]:
                continue
            figures.append((stats["id"], stats["n"]))
            for figure in FIGURES:
                stats[figure] = None
            for row in by_group.get(group["id"], []):
                part: RowFigures = (
                    row["overall"]
                    if stats["id"] == "overall"
                    else next(t for t in row["themes"] if t["id"] == stats["id"])
                )
                part["gap"] = None
                if part["score"] is not None:
                    part["score"], part["hidden"] = None, True
        if figures:
            hidden.append(
                {
                    "group": group["id"],
                    "title": group["title"],
                    "figures": [f for f, _ in figures],
                    "most_counted": max(n for _, n in figures),
                }
            )
    return hidden
