"""The council register as the site uses it: a small JSON asset and the home page's council list.

Built from ``scorecard.council_register`` at build time: the browser gets only what the picker
needs (code, name, nation, type, region, GSS code, parent county, other names, its place name in a language
of the interface) and what the Compare page finds similar councils by (population and area), never the register file.
A bank whose council types name no ``register_types`` (a test bank, say) gets no picker: the
officer chooses a council type by hand, as before.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..council_register import load_placed
from ..i18n import languages


def site_register(compiled: dict[str, Any]) -> dict[str, Any]:
    """{"source": version, attribution..., "councils": [...]} for the councils the bank's types place."""
    register, placed = load_placed(compiled)
    meta = register.meta
    councils = [
        {
            **c.figures(),
            "region": c.entry.region,
            "county": c.county_name,
            "alt": other_names(c.entry.code, c.entry.name, (c.entry.nice_name, *c.entry.alt_names)),
            # the council's place name in a language of the interface spoken in its nation (CRF: {"cy": "Caerdydd"})
            "names": {
                language.code: c.entry.other_name
                for language in languages()
                if c.nation in language.nations and c.entry.other_name
            },
        }
        for c in placed.councils
    ]
    return {
        "source": {
            key: meta.get(key, "")
            for key in ("title", "publisher", "version", "as_of", "source", "licence", "licence_url", "attribution")
        },
        "councils": councils,
    }


# Names people search by that the register's alternative names do not hold (register code -> names).
EXTRA_NAMES = {
    "DRS": ("Londonderry",),  # the city and county's legal name; the council is Derry City and Strabane
}


def other_names(code: str, name: str, names: tuple[str, ...]) -> list[str]:
    """The council's other names for the picker's search (Caerdydd, Wrecsam, Sir Ynys Môn), each once, in the
    register's spelling (a name given in lower case only is kept as written), the official name left out."""
    seen = {name.casefold()}
    kept = []
    for other in (*names, *EXTRA_NAMES.get(code, ())):
        other = other.strip()
        if other and other.casefold() not in seen:
            seen.add(other.casefold())
            kept.append(other)
    return kept


def write_register_asset(register: dict[str, Any], assets: Path) -> Path:
    path = assets / "councils.json"
    path.write_text(json.dumps(register, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path
