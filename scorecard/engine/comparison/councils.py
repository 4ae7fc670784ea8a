"""Which council an assessment is of: its register code, else its GSS (ONS) code, else its name.

The register code (council.code, from the UK council register) is the same however the name is
spelt. A file with only a GSS code joins the council whose other files give both codes. A file
with neither joins the one identified council that has its normalised name, and is noted: a
name spelt differently would be another council.
"""

from __future__ import annotations

from ..assessment import Assessment
from ..characters import name_key
from ..contribution import Contribution
from .entries import Entry

CODE, ONS, NAME_MATCHED, NAME, FILE = "code", "ons", "name_matched", "name", "file"


def council_key(assessment: Assessment | Contribution) -> str:
    """Which council an assessment is of, from the file alone: register code, GSS code, else normalised name."""
    council = assessment.council
    if council.code:
        return f"code:{council.code}"
    return f"ons:{council.ons_code}" if council.ons_code else f"name:{normalise(council.name)}"


def normalise(name: str) -> str:
    """'Example  Northvale District Council.' and 'example northvale district council' match.

    Folded first (characters.fold): invisible characters dropped, accents composed, case and
    full-width letters folded, so one council is not split in two by how its name was typed.
    """
    return name_key(name)


def unnamed(assessment: Assessment | Contribution) -> bool:
    council = assessment.council
    return not council.code and not council.ons_code and not council.name.strip()


def assign_keys(entries: list[Entry]) -> None:
    """Set each entry's key and how it was identified (see the module's docstring)."""
    codes_of_ons: dict[str, set[str]] = {}
    for entry in entries:
        council = entry.assessment.council
        if council.code and council.ons_code:
            codes_of_ons.setdefault(council.ons_code, set()).add(council.code)
    for entry in entries:
        council = entry.assessment.council
        if council.code:
            entry.key, entry.identified_by = f"code:{council.code}", CODE
        elif council.ons_code:
            codes = codes_of_ons.get(council.ons_code, set())
            entry.key = f"code:{next(iter(codes))}" if len(codes) == 1 else f"ons:{council.ons_code}"
            entry.identified_by = ONS
    by_name: dict[str, set[str]] = {}
    for entry in entries:
        if entry.key:
            by_name.setdefault(normalise(entry.assessment.council.name), set()).add(entry.key)
    for entry in entries:
        if entry.key:
            continue
        if unnamed(entry.assessment):
            entry.key, entry.identified_by = (
                f"file:{entry.index}",
                FILE,
            )  # nothing says two unnamed files are one council
            continue
        known = by_name.get(normalise(entry.assessment.council.name), set())
        if len(known) == 1:
            entry.key, entry.identified_by = next(iter(known)), NAME_MATCHED
        else:
            entry.key, entry.identified_by = council_key(entry.assessment), NAME


def by_council(entry: Entry) -> tuple[str, str, int]:
    """Rows in council-name order, then by date, then in the order the files were given."""
    return normalise(entry.assessment.council.name), entry.assessment.assessment_date, entry.index
