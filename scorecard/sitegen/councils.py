"""The council register as the site uses it: a small JSON asset and the home page's council list.

Built from ``scorecard.council_register`` at build time: the browser gets only what the picker
needs (code, name, nation, type, region, GSS code, parent county) and what the Compare page finds
similar councils by (population and area), never the register file.
A bank whose council types name no ``register_types`` (a test bank, say) gets no picker: the
officer chooses a council type by hand, as before.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..council_register import load_placed


def site_register(compiled: dict[str, Any]) -> dict[str, Any]:
    """{"source": version, attribution..., "councils": [...]} for the councils the bank's types place."""
    register, placed = load_placed(compiled)
    meta = register.meta
    councils = [{**c.figures(), "region": c.entry.region, "county": c.county_name} for c in placed.councils]
    return {
        "source": {
            key: meta.get(key, "")
            for key in ("title", "publisher", "version", "as_of", "source", "licence", "licence_url", "attribution")
        },
        "councils": councils,
    }


def write_register_asset(register: dict[str, Any], assets: Path) -> Path:
    path = assets / "councils.json"
    path.write_text(json.dumps(register, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path
