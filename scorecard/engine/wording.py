"""How figures are written for people: the same in the engine's notes, the reports and the CSV."""

from __future__ import annotations


def pct(value: float | None) -> str:
    """A coverage fraction as a whole percentage (0.625 -> "62%"); "-" when there is none."""
    return "-" if value is None else f"{round(100 * value)}%"
