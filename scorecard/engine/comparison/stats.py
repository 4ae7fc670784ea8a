"""Regional statistics of the latest assessments: median, quartiles, range, and each gap to the median."""

from __future__ import annotations

import statistics
from typing import Any

from ..bank import Bank
from .entries import Entry

QUARTILE_METHOD = "inclusive"


def summary_stats(scores: list[float]) -> dict[str, Any]:
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


def _counted(part: dict[str, Any]) -> bool:
    return part["score"] is not None and not part["provisional"]


def regional_stats(bank: Bank, latest: list[Entry]) -> dict[str, Any]:
    """``overall`` and one entry per theme: summary_stats of the counted scores, and what was left out."""

    def entry(parts: list[dict[str, Any]]) -> dict[str, Any]:
        stats = summary_stats([p["score"] for p in parts if _counted(p)])
        stats["provisional_left_out"] = sum(1 for p in parts if p["score"] is not None and p["provisional"])
        stats["not_asked"] = sum(1 for p in parts if p.get("asked", 1) == 0)
        stats["not_scored"] = sum(1 for p in parts if p["score"] is None and p.get("asked", 1) > 0)
        stats["hidden"] = False  # a shared report hides figures drawn from too few councils (groups.hide_small_groups)
        return stats

    themes = []
    for index, theme in enumerate(bank.themes):
        themes.append({"id": theme.id, "title": theme.title, **entry([e.result["themes"][index] for e in latest])})
    return {
        "overall": {"id": "overall", "title": "Overall", **entry([e.result["overall"] for e in latest])},
        "themes": themes,
    }
