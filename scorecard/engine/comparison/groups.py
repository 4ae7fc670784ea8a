"""Like with like: councils grouped by nation and council type, each group with its own figures.

A county council and a district council are asked different questions, and a Scottish council
answers to other law than an English one: by default each group (nation and council type) has
its own median and quartiles, and each council's gap is to its own group's median.
``group_by="none"`` compares every council together, as one group. ``group_by="custom"`` compares
councils within groups a coordinator gives by register or GSS code (groups_file.py: a partnership,
a police force area; similar.py: a council and the councils most like it); a council in none of
them is left out of the comparison, and listed.

A report meant to be shared hides any group figure (median, quartiles, lowest, highest) drawn
from fewer than ``min_group`` councils, and each gap to such a figure: a median of two councils
is one of them, near enough.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

from ..assessment import AssessmentError
from ..bank import Bank
from ..language import _
from ..messages import Message
from .entries import Entry
from .shapes import Group, HiddenFigures, Row, RowFigures
from .stats import regional_stats

GROUP_BY = ("type", "none", "custom")  # nation and council type (the default), every council together, or given
ALL = "all"
FIGURES: Final = ("median", "lower_quartile", "upper_quartile", "min", "max")


GroupOf = Callable[[Mapping[str, Any]], str | None]  # a result's group id (None: in none of the custom groups)


def grouping(group_by: str, custom: Sequence[Mapping[str, Any]] = ()) -> GroupOf:
    """Which group a result's council is in: its group's id, or None for a council in none of the custom groups.

    Custom groups name councils by register or GSS code; a council in two of them is refused (AssessmentError),
    since each council's gap is to its one group's median.
    """
    if group_by != "custom":
        return lambda result: group_id(result, group_by)
    by_code: dict[str, list[Mapping[str, Any]]] = {}
    for group in custom:
        for code in group["codes"]:
            by_code.setdefault(code, []).append(group)

    def find(result: Mapping[str, Any]) -> str | None:
        council = result["council"]
        found = {g["id"]: g for code in (council["code"], council["ons_code"]) if code for g in by_code.get(code, ())}
        if len(found) > 1:
            titles = ", ".join(g["title"] for g in found.values())
            raise AssessmentError([Message("groups_council_twice", {"council": council["name"], "groups": titles})])
        return next(iter(found), None)

    return find


def group_id(result: Mapping[str, Any], group_by: str) -> str:
    council = result["council"]
    return ALL if group_by == "none" else f"{council['nation']}/{council['type']}"


def make_groups(
    bank: Bank, latest: list[Entry], group_of: GroupOf, custom: Sequence[Mapping[str, Any]] = ()
) -> list[Group]:
    """The groups of the latest assessments: in the bank's order of nations and council types, or as given."""
    members: dict[str, list[Entry]] = {}
    for entry in latest:
        gid = group_of(entry.result)
        if gid is not None:
            members.setdefault(gid, []).append(entry)
    nation_order = {n: i for i, n in enumerate(bank.nations)}
    type_order = {t: i for i, t in enumerate(bank.council_types)}
    given = {g["id"]: (i, g) for i, g in enumerate(custom)}
    groups: list[tuple[tuple[int, int], Group]] = []  # each with its place in that order
    for gid, entries in members.items():
        council = entries[0].result["council"]
        nation: str | None
        ctype: str | None
        if gid in given:
            place, chosen = given[gid]
            nation, ctype, title, order = None, None, chosen["title"], (place, 0)
        elif gid == ALL:
            nation, ctype, title, order = None, None, _("All councils"), (0, 0)
        else:
            nation, ctype = council["nation"], council["type"]
            known = bank.council_types.get(ctype)
            title = f"{bank.nations.get(nation, nation)}: {known.name if known else ctype}"
            order = (nation_order.get(nation, len(nation_order)), type_order.get(ctype, len(type_order)))
        group: Group = {
            "id": gid,
            "title": title,
            "kind": given[gid][1]["kind"] if gid in given else ("all" if gid == ALL else "type"),
            "nation": nation,
            "type": ctype,
            "councils": len(entries),
            "method": list(given[gid][1].get("method", ())) if gid in given else [],
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
