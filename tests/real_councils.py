"""The real-councils corpus (tests/data/real_councils/): real councils assessed from their published sources.

Each ``<name>.json`` is one council's assessment file, answered only where its statement or
committee paper clearly evidences an answer; ``ratings.yaml`` holds the expert rating of each,
written before the files were scored. README.md in that folder gives the sources and the method.
Tests of the scoring model over real data load the corpus with ``real_councils()``.
"""

from __future__ import annotations

import json
from typing import Any, NamedTuple

import yaml

from tests.helpers import ROOT

CORPUS = ROOT / "tests" / "data" / "real_councils"
NOT_RATED = "not_enough_evidence"  # the expert's level where the source says too little to rate
# Themes split from a rated theme since the ratings were written (they are never rewritten): bank 2026.4 moved
# the council's own workforce out of the statement theme, which the ratings rate as one ("statement").
RATED_WITH = {"operations": "statement"}


class RealCouncil(NamedTuple):
    """One council of the corpus; unpacks as (name, assessment, rating)."""

    name: str  # the file name without ".json", and its key in ratings.yaml
    assessment: dict[str, Any]  # the assessment file as read, to load against a bank with load_assessment
    rating: dict[str, Any] | None  # {"themes": {theme id: {"level", "reason"}}, "overall": {...}}; None if not rated


def ratings() -> dict[str, Any]:
    """ratings.yaml as read: ``levels`` and ``councils`` (name -> rating)."""
    return yaml.safe_load((CORPUS / "ratings.yaml").read_text(encoding="utf-8"))


def real_councils() -> list[RealCouncil]:
    """Every assessment file of the corpus, in name order, with its expert rating."""
    rated = ratings()["councils"]
    return [
        RealCouncil(path.stem, json.loads(path.read_text(encoding="utf-8")), rated.get(path.stem))
        for path in sorted(CORPUS.glob("*.json"))
    ]
