"""Open figures: a comparison's group figures as a file anyone may use, with nothing in it that names a score.

For coordinators who publish (peers.md, section 2: "a CSV of all the data for journalists and researchers,
rounded so totals agree"). From a comparison (compare.py), for each group and each figure (overall and
each theme):

- how many councils are counted, and which: as in the group's medians (stats.counted), a council's score is
  counted when it is rated (it has a tier), provisional or not; how many of them are provisional (not every
  question answered: counted, and flagged); and how many have a score without a tier (not rated: too little
  answered, or waiting for a legal duty or an essential control), left out of every figure and counted apart;
- the median and quartiles of their scores (one decimal place, halves rounded up, as a spreadsheet does);
- how many are at each tier, and that as a whole percentage of the councils counted, rounded by largest
  remainder so that every set of percentages adds up to 100;
- and, where there are two groups or more, a total across them: councils counted and at each tier (never a
  median or quartiles across councils of different types: like is compared with like).

Figures drawn from fewer than ``min_group`` councils are hidden, and so is any other figure that would let
a hidden one, or the figures of fewer than ``min_group`` councils, be worked out by adding and subtracting
published ones: in this release, or with the earlier releases given (disclosure.py says how). The count
of councils and which councils they are is published for every figure: it says who took part, not how
they did. Counts are whole numbers, so a total is always the sum of its groups' counts, hidden ones
included.

Run-time code: standard library only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ..assessment import AssessmentError
from ..language import N_, _
from ..messages import Message
from ..wording import open_figures_dictionary, open_figures_method
from .disclosure import Cell, choose_published
from .stats import QUARTILE_METHOD, counted, not_rated, summary_stats

FORMAT = "scorecard-open-figures"
FORMAT_VERSION = 1
TOTAL = "total"
DEFAULT_LICENCE = (
    "Creative Commons Attribution 4.0 International (CC BY 4.0), https://creativecommons.org/licenses/by/4.0/"
)
REGISTER_ATTRIBUTION = N_("Council codes: mySociety, UK local authority names and codes, CC BY 4.0")


def open_figures(
    comparison: Mapping[str, Any],
    min_group: int,
    earlier: Sequence[Mapping[str, Any]] = (),
    licence: str = DEFAULT_LICENCE,
    title: str = "",
) -> dict[str, Any]:
    """The open figures of a comparison (see the module's docstring); ``earlier``: releases published before
    (this function's results, as read back from their JSON), whose figures this release must not undo."""
    tiers = list(comparison["labels"]["tiers"])
    figures = [("overall", _("Overall")), *((t["id"], t["title"]) for t in comparison["themes"])]
    groups = comparison["groups"]
    rows_of: dict[str, list[Mapping[str, Any]]] = {g["id"]: [] for g in groups}
    for row in comparison["rows"]:
        rows_of[row["group"]].append(row)
    before = earlier_sets(earlier)
    cells: list[dict[str, Any]] = []
    for place, (figure, figure_title) in enumerate(figures):
        parts = {
            g["id"]: [
                (row["key"], row["overall"] if place == 0 else row["themes"][place - 1]) for row in rows_of[g["id"]]
            ]
            for g in groups
        }
        these = [_cell(g["id"], g["title"], g["kind"], figure, figure_title, parts[g["id"]], tiers) for g in groups]
        if len(groups) > 1:
            everyone = [p for g in groups for p in parts[g["id"]]]
            these.append(_cell(TOTAL, _("All groups"), TOTAL, figure, figure_title, everyone, tiers, stats=False))
        hidden = choose_published(
            [Cell(c["group"], frozenset(c["councils"]), total=c["group"] == TOTAL) for c in these],
            min_group,
            before.get(figure, ()),
        )
        for cell in these:
            _hide(cell, hidden.get(cell["group"], ""))
        cells += these
    order = {g["id"]: i for i, g in enumerate(groups)} | {TOTAL: len(groups)}
    cells.sort(key=lambda c: (order[c["group"]], [f for f, _ in figures].index(c["figure"])))
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "title": title or _("Modern slavery self-assessment scores: group figures"),
        "bank_version": comparison["bank_version"],
        "min_group": min_group,
        "quartile_method": QUARTILE_METHOD,
        "tiers": [{"id": t, "name": comparison["labels"]["tiers"][t]} for t in tiers],
        "licence": licence,
        "attribution": [_(REGISTER_ATTRIBUTION)],
        "method": open_figures_method(min_group, bool(earlier)),
        "dictionary": open_figures_dictionary(comparison["labels"]["tiers"]),
        "groups": [{"id": g["id"], "title": g["title"], "kind": g["kind"], "councils": g["councils"]} for g in groups],
        "figures": cells,
    }


def _cell(
    group: str,
    group_title: str,
    kind: str,
    figure: str,
    figure_title: str,
    parts: Iterable[tuple[str, Mapping[str, Any]]],
    tiers: list[str],
    stats: bool = True,
) -> dict[str, Any]:
    parts = list(parts)  # read twice: the councils counted, and those not rated
    kept = sorted((key, part) for key, part in parts if counted(part))
    scores = [part["score"] for _, part in kept]
    figures: Mapping[str, Any] = summary_stats(scores) if stats else {}
    counts = {tier: sum(1 for _, part in kept if part["tier"] == tier) for tier in tiers}
    return {
        "group": group,
        "group_title": group_title,
        "group_kind": kind,
        "figure": figure,
        "figure_title": figure_title,
        "councils_counted": len(kept),
        "councils": [key for key, _ in kept],
        "provisional_counted": sum(1 for _, part in kept if part["provisional"]),
        "not_rated_left_out": sum(1 for _, part in parts if not_rated(part)),
        "published": True,
        "hidden_because": "",
        "median": one_place(figures.get("median")),
        "lower_quartile": one_place(figures.get("lower_quartile")),
        "upper_quartile": one_place(figures.get("upper_quartile")),
        "tiers": {
            tier: {"councils": n, "percent": p}
            for (tier, n), p in zip(counts.items(), shares(list(counts.values())), strict=True)
        },
    }


def _hide(cell: dict[str, Any], why: str) -> None:
    if not why:
        return
    cell.update(
        {
            "published": False,
            "hidden_because": why,
            "median": None,
            "lower_quartile": None,
            "upper_quartile": None,
            "provisional_counted": None,  # a count of the councils counted, as the tiers' counts: hidden with them
        }
    )
    cell["tiers"] = {tier: {"councils": None, "percent": None} for tier in cell["tiers"]}


def one_place(value: float | None) -> float | None:
    """To one decimal place, halves rounded up (54.25 -> 54.3), as a spreadsheet's ROUND does."""
    return None if value is None else float(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def shares(counts: list[int]) -> list[int | None]:
    """Whole percentages of the total that add up to 100 (largest remainder: the parts rounded down, then one more
    to those that lost most, the first of equals first); None for each when the total is 0."""
    total = sum(counts)
    if not total:
        return [None] * len(counts)
    exact = [Decimal(100 * n) / total for n in counts]
    floors = [int(e) for e in exact]
    short = 100 - sum(floors)
    for place in sorted(range(len(counts)), key=lambda i: (-(exact[i] - floors[i]), i))[:short]:
        floors[place] += 1
    whole: list[int | None] = list(floors)
    return whole


def earlier_sets(releases: Sequence[Mapping[str, Any]]) -> dict[str, list[frozenset[str]]]:
    """The councils behind each published figure of earlier releases, by figure id; AssessmentError if one is not
    an open figures file."""
    found: dict[str, list[frozenset[str]]] = {}
    for place, release in enumerate(releases, start=1):
        try:
            if release.get("format") != FORMAT:
                raise TypeError
            for cell in release["figures"]:
                if cell["published"]:
                    members = cell["councils"]
                    if not isinstance(members, list) or not all(isinstance(m, str) for m in members):
                        raise TypeError
                    found.setdefault(str(cell["figure"]), []).append(frozenset(members))
        except (AttributeError, KeyError, TypeError):
            raise AssessmentError([Message("open_figures_earlier_bad", {"place": place, "format": FORMAT})]) from None
    return found
