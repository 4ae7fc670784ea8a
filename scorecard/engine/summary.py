"""An assessment's summary for comparisons: only the figures a comparison reads, worked out fast.

A comparison (engine/comparison/) scores every file it is given, often thousands, and reads
from each result only the council, the date, whether the bank version changed, and each
theme's and the overall score, tier, residual risk, coverage and whether it is provisional
(with each theme's asked and answered counts). ``summarise`` gives exactly those, equal to
``score_assessment``'s (tests/test_summary.py checks every figure against it), from the
council context's generated function (summary_code.py) rather than the full reading.
``score_assessment`` (result.py) stays the one result for everything else.
"""

from typing import Any, TypedDict  # no "from __future__ import annotations": TypedDict reads its keys at run time

from .assessment import Assessment, load_assessment, plain_parts
from .bank import Bank, CouncilType
from .result import ScoredAssessment
from .summary_code import figures_for
from .tables import council_tables


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
    functions = ctype.functions if council.functions is None else frozenset(council.functions)
    figures = figures_for(bank, ctype.nation, functions)
    answers = assessment.answers
    result = figures(answers)
    if result is None:  # answers kept for questions this council is not asked (not scored), or nulls
        asked = council_tables(bank, ctype.nation, functions).by_id
        result = figures({qid: value for qid, value in answers.items() if qid in asked and value is not None})
        if result is None:
            raise ValueError(
                "summarise: an answer is not one the bank accepts; check the assessment first (load_assessment)"
            )
    return _summary(bank, assessment, ctype, functions, result)


def check_and_summarise(bank: Bank, data: Any) -> tuple[Assessment, Summary]:
    """load_assessment and summarise in one, for comparing many files: the same Assessment, the same Summary,
    the same refusals (AssessmentError).

    A plain file (assessment.plain_parts) has its answers checked while the council context's generated
    function reads them (summary_code.py), rather than once to check and again to score; anything that
    function is not sure of (an answer not accepted as it is, a question the council is not asked, a null)
    goes through load_assessment, which says why it is refused, if it is.
    """
    plain = plain_parts(data, bank)
    if plain is not None:
        ctype = bank.council_types[plain.council.type]
        result = figures_for(bank, ctype.nation, ctype.functions)(plain.answers)
        if result is not None:
            assessment = plain.assessment()
            return assessment, _summary(bank, assessment, ctype, ctype.functions, result)
    assessment = load_assessment(data, bank)
    return assessment, summarise(bank, assessment)


def _summary(
    bank: Bank,
    assessment: Assessment,
    ctype: CouncilType,
    functions: frozenset[str],
    figures: tuple[list[ThemeFigures], Figures],
) -> Summary:
    council = assessment.council
    corrected = council.functions is not None
    themes, overall = figures
    return {
        "council": {
            "name": council.name,
            "type": council.type,
            "nation": ctype.nation,
            "region": council.region,
            "ons_code": council.ons_code,
            "code": council.code,
            "functions": sorted(functions)
            if corrected
            else list(council_tables(bank, ctype.nation, functions).function_list),
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
