"""Similar councils: for one council, the councils most like it by size and density, from open data.

Regional coordinators compare a council with councils like it, never with a national average
(docs: peers.md, section 2). Paid nearest-neighbour sets are not open; the UK council register the
project ships (mySociety, CC BY 4.0) gives every current council's population (2020) and area, which
is enough for a method anyone can check by hand:

1. **Candidates:** the councils of the same nation and council type (a district with districts, a
   Scottish council with Scottish councils). Where a type has fewer than ``SIMILAR_COUNT`` other
   councils (the City of London is the only one of its type), the candidates widen to the councils of
   the same nation whose type runs the same functions by default (the London boroughs), so they are
   asked the same questions. A candidate without a population or area is left out, and listed.
2. **Measures:** for each candidate, the natural logarithm of its population and of its population
   density (people per square kilometre). Logarithms, because a council twice the size of another is
   as different from it at 50,000 people as at 500,000.
3. **Scale:** each measure is standardised across the candidates and the council itself: minus its
   mean, divided by its (population) standard deviation, so that size and density weigh the same.
4. **Distance:** the straight-line (Euclidean) distance between two councils on the two standardised
   measures.
5. **The list:** the ``SIMILAR_COUNT`` nearest, nearest first; distances equal to the four decimal
   places shown are ordered by register code (so the list reads in the order its figures say), and
   every sum runs over the candidates in code order, so the list is the same whatever order the
   register lists them in.

``similar_councils`` returns the council's own figures, the candidates, the scale and each neighbour's
figures and distance: enough to redo the sums in a spreadsheet. A coordinator who knows better (two
councils that share a service, say) overrides the list with a CSV of register codes (groups_file.py).

Run-time code: standard library only (the Compare page runs it in the browser, on the register's
figures the site ships).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any, TypeGuard

from ..assessment import AssessmentError
from ..bank import Bank
from ..language import _
from ..messages import Message
from ..wording import similar_chosen, similar_method

# How many similar councils each council has. 10 neighbours and the council itself make a group of 11:
# its median and quartiles stay above the smallest group a shared report shows (MIN_GROUP, 5) even when
# half of the neighbours have not sent an assessment; Northern Ireland, the smallest nation (11
# councils), is then every council of the nation; and no more, so that the neighbours stay close (for
# half of the 164 English districts, the tenth nearest is less than half a standard deviation away).
SIMILAR_COUNT = 10
ROUNDED = 4  # decimal places of the standardised measures and distances shown (the sums use every digit)
SCALE_ROUNDED = 6  # decimal places of the means and standard deviations shown, enough to redo the sums


def council_figures(council: Mapping[str, Any]) -> dict[str, Any]:
    """A register council as this method reads it: code, name, nation, type, population, area, density."""
    population, area = council.get("population"), council.get("area")
    figures: dict[str, Any] = {"population": None, "area": None, "density": None}
    if _positive(population) and _positive(area):
        figures = {"population": population, "area": area, "density": round(population / area, 1)}
    return {
        "code": str(council["code"]),
        "gss": str(council.get("gss", "")),
        "name": str(council.get("name", "")),
        "nation": str(council.get("nation", "")),
        "type": str(council.get("type", "")),
        **figures,
    }


def _positive(value: object) -> TypeGuard[float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value > 0


def similar_councils(
    bank: Bank, councils: Iterable[Mapping[str, Any]], code: str, count: int = SIMILAR_COUNT
) -> dict[str, Any]:
    """The ``count`` councils most like the council with register code ``code`` (see the module's docstring).

    ``councils`` are the register's current councils: {code, gss, name, nation, type (a bank council type id),
    population, area (km2)}; ``code`` is a register code or a GSS code. Raises AssessmentError when the code is not among them or the council has no
    figures to place it by.
    """
    everyone = {c["code"]: c for c in map(council_figures, councils)}
    wanted = code.strip().upper()
    me = everyone.get(wanted) or next((c for c in everyone.values() if c["gss"] == wanted), None)
    if me is None:
        raise AssessmentError([Message("similar_unknown_council", {"code": code.strip()[:40]})])
    if me["population"] is None:
        raise AssessmentError([Message("similar_no_figures", {"council": me["name"], "code": me["code"]})])
    same_type = [c for c in everyone.values() if c["nation"] == me["nation"] and c["type"] == me["type"]]
    basis, types = "type", [me["type"]]
    if len(same_type) - 1 < count and me["type"] in bank.council_types:
        functions = bank.council_types[me["type"]].functions
        types = [t.id for t in bank.council_types.values() if t.nation == me["nation"] and t.functions == functions]
        basis = "functions" if len(types) > 1 else "type"
    pool = sorted((c for c in everyone.values() if c["nation"] == me["nation"] and c["type"] in types), key=_code)
    left_out = [{"code": c["code"], "name": c["name"]} for c in pool if c["population"] is None]
    pool = [c for c in pool if c["population"] is not None]
    scale = {
        "log_population": _mean_sd([math.log(c["population"]) for c in pool]),
        "log_density": _mean_sd([math.log(c["population"] / c["area"]) for c in pool]),
    }
    placed = {c["code"]: _place(c, scale) for c in pool}
    here = placed[me["code"]]
    ranked = sorted(
        (
            {**c, **placed[c["code"]], "distance": math.dist(here["_z"], placed[c["code"]]["_z"])}
            for c in pool
            if c["code"] != me["code"]
        ),
        key=lambda c: (round(c["distance"], ROUNDED), c["code"]),
    )[:count]
    result = {
        "council": _shown({**me, **here}),
        "count": count,
        "found": len(ranked),
        "basis": basis,
        "types": types,
        "candidates": len(pool) - 1,
        "left_out": left_out,
        "scale": {k: {"mean": round(v[0], SCALE_ROUNDED), "sd": round(v[1], SCALE_ROUNDED)} for k, v in scale.items()},
        "neighbours": [
            {"rank": rank, **_shown(c), "distance": round(c["distance"], ROUNDED)}
            for rank, c in enumerate(ranked, start=1)
        ],
    }
    result["method"] = similar_method(bank, result)
    return result


def _code(council: Mapping[str, Any]) -> str:
    return str(council["code"])


def _mean_sd(values: list[float]) -> tuple[float, float]:
    """Mean and population standard deviation, summed exactly (math.fsum) so the order of the values is no matter."""
    if min(values) == max(values):  # all alike: no spread (not the rounding noise of an exact sum divided)
        return values[0], 0.0
    mean = math.fsum(values) / len(values)
    return mean, math.sqrt(math.fsum((v - mean) ** 2 for v in values) / len(values))


def _place(council: Mapping[str, Any], scale: Mapping[str, tuple[float, float]]) -> dict[str, Any]:
    """A council's standardised log population and log density (0 where every candidate has the same)."""
    logs = {
        "log_population": math.log(council["population"]),
        "log_density": math.log(council["population"] / council["area"]),
    }
    z = tuple((logs[k] - scale[k][0]) / scale[k][1] if scale[k][1] else 0.0 for k in ("log_population", "log_density"))
    return {"_z": z}


def _shown(council: Mapping[str, Any]) -> dict[str, Any]:
    z_population, z_density = council["_z"]
    return {
        "code": council["code"],
        "name": council["name"],
        "type": council["type"],
        "population": council["population"],
        "area": council["area"],
        "density": council["density"],
        "z_population": round(z_population, ROUNDED),
        "z_density": round(z_density, ROUNDED),
    }


def similar_group(similar: Mapping[str, Any], chosen: Iterable[str] | None = None) -> dict[str, Any]:
    """A council and its similar councils as a custom group for compare (groups.py): the computed list, or the
    register codes a coordinator ``chosen`` instead (their own list, or the computed one edited)."""
    me = similar["council"]
    computed = [n["code"] for n in similar["neighbours"]]
    codes = [me["code"], *(c for c in dict.fromkeys(chosen) if c != me["code"])] if chosen is not None else None
    return {
        "id": f"similar/{me['code']}",
        "title": _("%(council)s and similar councils") % {"council": me["name"]},
        "kind": "similar",
        "codes": codes or [me["code"], *computed],
        "method": similar["method"] if codes is None else similar_chosen(similar, codes[1:]),
    }
