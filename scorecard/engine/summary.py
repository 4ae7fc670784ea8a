"""An assessment's summary for comparisons: only the figures a comparison reads, worked out fast.

A comparison (engine/comparison/) scores every file it is given, often thousands, and reads
from each result only the council, the date, whether the bank version changed, and each
theme's and the overall score, tier, residual risk, coverage and whether it is provisional
(with each theme's asked and answered counts). ``summarise`` gives exactly those, equal to
``score_assessment``'s (tests/test_summary.py checks every figure against it), from the
council context's generated function (summary_code.py) rather than the full reading.
``score_assessment`` (result.py) stays the one result for everything else.
"""

from typing import TypedDict  # no "from __future__ import annotations": TypedDict reads its keys at run time

from .assessment import Assessment
from .bank import Bank
from .result import ScoredAssessment
from .summary_code import figures_for


class Figures(TypedDict):
    score: float | None
    tier: str | None  # a theme's is capped by a failed statutory gate
    risk: str | None
    coverage: float | None
    provisional: bool


class ThemeFigures(Figures):
    id: str
    asked: int
    answered: int


class Summary(ScoredAssessment):
    version_changed: bool
    overall: Figures  # as score_assessment's "overall"
    themes: list[ThemeFigures]  # as score_assessment's "themes", in bank order


def summarise(bank: Bank, assessment: Assessment) -> Summary:
    """The figures a comparison shows for one checked assessment, equal to score_assessment's."""
    council = assessment.council
    ctype = bank.council_types[council.type]
    corrected = council.functions is not None
    functions = frozenset(council.functions) if corrected else ctype.functions
    themes, overall = figures_for(bank, ctype.nation, functions)(assessment.answers)
    return {
        "council": {
            "name": council.name,
            "type": council.type,
            "nation": ctype.nation,
            "region": council.region,
            "ons_code": council.ons_code,
            "code": council.code,
            "functions": sorted(functions),
            "functions_added": sorted(functions - ctype.functions) if corrected else [],
            "functions_removed": sorted(ctype.functions - functions) if corrected else [],
        },
        "assessment_date": assessment.assessment_date,
        "bank_version": bank.version,
        "assessment_bank_version": assessment.bank_version,
        "version_changed": assessment.bank_version != bank.version,
        "overall": overall,
        "themes": themes,
    }
