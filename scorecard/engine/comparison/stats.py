"""Regional statistics of the latest assessments: median, quartiles, range, and each gap to the median."""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from typing import Any, Final

from ..bank import Bank
from ..language import _
from .entries import Entry
from .shapes import Stat, Stats, SummaryStats

QUARTILE_METHOD: Final = "inclusive"


def summary_stats(scores: list[float]) -> SummaryStats:
    """Count, median, quartiles, lowest and highest of some scores (None when there are none).

    Quartiles use ``statistics.quantiles(method="inclusive")``: the scores are sorted and the
    lower quartile is the value at position (n - 1) / 4 (counting from 0), the upper at
    3 (n - 1) / 4, interpolating linearly between neighbours. This is Excel's QUARTILE.INC and
    NumPy's default, so a coordinator can check it in a spreadsheet; the quartiles always lie
    between the lowest and highest score. With one score every figure is that score.
    Figures are rounded to 4 decimal places (scores have one, so nothing real is lost).
    """
    data = sorted(scores)
    if not data:
        return {"n": 0, "median": None, "lower_quartile": None, "upper_quartile": None, "min": None, "max": None}
    if len(data) == 1:
        lower = upper = data[0]
    else:
        lower, _, upper = statistics.quantiles(data, n=4, method=QUARTILE_METHOD)
    return {
        "n": len(data),
        "median": round4(statistics.median(data)),
        "lower_quartile": round4(lower),
        "upper_quartile": round4(upper),
        "min": round4(data[0]),
        "max": round4(data[-1]),
    }


def round4(value: float) -> float:
    return round(value, 4)


def gap_to(score: float | None, median: float | None) -> float | None:
    return None if score is None or median is None else round4(score - median)


def counted(part: Mapping[str, Any]) -> bool:
    """Whether a score counts in its group's figures (medians, trends, open figures, a council's position): a rated
    score counts, provisional or not (and is flagged); a score without a tier (not rated: too little answered, or
    waiting for a legal duty or essential control) does not."""
    return part["score"] is not None and part["tier"] is not None


def not_rated(part: Mapping[str, Any]) -> bool:
    """A score without a tier: shown as "not rated", left out of every group figure."""
    return part["score"] is not None and part["tier"] is None


def regional_stats(bank: Bank, latest: list[Entry]) -> Stats:
    """``overall`` and one entry per theme: summary_stats of the counted scores, and what was left out."""

    def entry(id_: str, title: str, parts: Sequence[Mapping[str, Any]]) -> Stat:
        return {
            "id": id_,
            "title": title,
            **summary_stats([p["score"] for p in parts if counted(p)]),
            "provisional_counted": sum(1 for p in parts if counted(p) and p["provisional"]),
            "not_rated_left_out": sum(1 for p in parts if not_rated(p)),
            "not_asked": sum(1 for p in parts if p.get("asked", 1) == 0),
            "not_scored": sum(1 for p in parts if p["score"] is None and p.get("asked", 1) > 0),
            "hidden": False,  # a shared report hides figures drawn from too few councils (groups.hide_small_groups)
        }

    return {
        "overall": entry("overall", _("Overall"), [e.result["overall"] for e in latest]),
        "themes": [entry(t.id, t.title, [e.result["themes"][i] for e in latest]) for i, t in enumerate(bank.themes)],
    }
