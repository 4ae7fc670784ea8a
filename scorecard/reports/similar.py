"""A council's similar councils (engine/comparison/similar.py) as text for the command line: how they were
found, then each with its figures and distance, so a coordinator can check the list and redo the sums."""

from __future__ import annotations

import textwrap
from typing import Any

from ..engine.characters import one_line


def similar_text(similar: dict[str, Any], width: int = 100) -> str:
    me = similar["council"]
    lines = [
        f"{one_line(me['name'])} ({me['code']}): population {me['population']:,} (2020), area {me['area']:,} km2, "
        f"{me['density']:,} people per km2 (log population {me['z_population']:+.4f}, log density "
        f"{me['z_density']:+.4f} standardised).",
        "",
    ]
    for sentence in similar["method"]:
        lines += textwrap.wrap(sentence, width) + [""]
    header = f"{'#':>3}  {'Code':<5} {'Council':<44} {'Population':>10} {'Density':>8} {'z pop':>8} {'z dens':>8} {'Distance':>8}"
    lines += [header, "-" * len(header)]
    for n in similar["neighbours"]:
        name = one_line(n["name"])
        name = name if len(name) <= 44 else name[:43] + "…"
        lines.append(
            f"{n['rank']:>3}  {n['code']:<5} {name:<44} {n['population']:>10,} {n['density']:>8,.1f} "
            f"{n['z_population']:>+8.4f} {n['z_density']:>+8.4f} {n['distance']:>8.4f}"
        )
    return "\n".join(lines) + "\n"
