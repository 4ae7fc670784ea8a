"""Which council an assessment is of: ONS code first, else the normalised name."""

from __future__ import annotations

import re

from ..assessment import Assessment
from ..characters import fold
from .entries import Entry


def council_key(assessment: Assessment) -> str:
    """Which council an assessment is of: its ONS code, else its normalised name."""
    code = assessment.council.ons_code
    return f"ons:{code}" if code else f"name:{normalise(assessment.council.name)}"


def normalise(name: str) -> str:
    """'Example  Northvale District Council.' and 'example northvale district council' match.

    Folded first (characters.fold): invisible characters dropped, accents composed, case and
    full-width letters folded, so one council is not split in two by how its name was typed.
    """
    return " ".join(re.sub(r"[^\w]+", " ", fold(name)).split())


def unnamed(assessment: Assessment) -> bool:
    return not assessment.council.ons_code and not assessment.council.name.strip()


def assign_keys(entries: list[Entry]) -> None:
    """ONS code when given; a file without one joins the council with that name and a code."""
    codes: dict[str, set[str]] = {}
    for entry in entries:
        council = entry.assessment.council
        if council.ons_code:
            codes.setdefault(normalise(council.name), set()).add(council.ons_code)
    for entry in entries:
        assessment = entry.assessment
        known = codes.get(normalise(assessment.council.name), set())
        if unnamed(assessment):
            entry.key = f"file:{entry.index}"  # nothing says two unnamed files are one council
        elif not assessment.council.ons_code and len(known) == 1:
            entry.key = f"ons:{next(iter(known))}"
        else:
            entry.key = council_key(assessment)


def by_council(entry: Entry) -> tuple:
    """Rows in council-name order, then by date, then in the order the files were given."""
    return normalise(entry.assessment.council.name), entry.assessment.assessment_date, entry.index
