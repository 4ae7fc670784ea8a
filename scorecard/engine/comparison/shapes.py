"""The comparison's shape, as TypedDicts: what compare() returns and the Compare page reads.

Written down twice, on purpose, like the result's (engine/result.py): here and in
``scorecard/schemas/comparison.schema.json``; tests/test_result_schema.py keeps them in step.
"""

from typing import TypedDict  # no "from __future__ import annotations": TypedDict reads its keys at run time

from ..messages import ProblemDetail
from ..result import CouncilSummary, Labels


class ThemeColumn(TypedDict):
    id: str
    title: str


class Counts(TypedDict):
    files: int
    assessments: int
    councils: int
    skipped: int
    contributions: int  # of the assessments, how many were benchmark contributions (figures only)


class RowFigures(TypedDict):
    score: float | None
    tier: str | None  # None while not rated (a provisional score with too little answered, or a duty unanswered)
    rated: bool
    note: str  # why it is not rated, or what holds its tier ("" when neither)
    risk: str | None
    coverage: float | None
    provisional: bool
    gap: float | None  # score minus its group's median (None when a shareable report hides it)
    hidden: bool  # a shareable report hides the score (a figure of too few councils); the tier stays


class RowTheme(RowFigures):
    id: str
    asked: int
    answered: int


RowIndicatorPeriod = TypedDict("RowIndicatorPeriod", {"from": str, "to": str})


class RowIndicatorCount(TypedDict):
    id: str
    value: int | None
    share: float | None  # of the count it is part of, one decimal


class RowIndicator(TypedDict):
    id: str
    period: RowIndicatorPeriod | None
    counts: list[RowIndicatorCount]


class IndicatorCountColumn(TypedDict):
    id: str
    label: str
    within: str


class IndicatorColumn(TypedDict):
    id: str
    title: str
    theme: str
    counts: list[IndicatorCountColumn]


class RowEvidence(TypedDict):
    """A council's evidence in shares only, never its text: of the questions answered, how many have evidence, and
    of the evidence given, the share at each strength (engine/evidence.py)."""

    answered: int
    with_evidence: int
    share: float | None  # None when nothing is answered
    # strength id -> its share of the evidence given; None when none is given, or from a contribution (which carries
    # no strengths)
    strengths: dict[str, float | None]


class Row(TypedDict):
    key: str  # which council: code:REGISTER CODE, ons:CODE, name:normalised name, or file:N for an unnamed one
    identified_by: str  # code, ons, name_matched, name or file
    file: str
    source: str  # assessment (the whole file) or contribution (its figures only)
    council: CouncilSummary
    council_type_name: str
    nation_name: str
    group: str  # the id of the group it is compared within
    assessment_date: str
    bank_version: str  # the bank the answers were given against
    version_changed: bool
    assessments: int  # of this council in the comparison
    overall: RowFigures
    themes: list[RowTheme]
    indicators: list[RowIndicator]  # the outcome indicators shown to the council, as it recorded them
    evidence: RowEvidence


class SummaryStats(TypedDict):
    """Count, median, quartiles, lowest and highest of some scores (stats.summary_stats)."""

    n: int
    median: float | None
    lower_quartile: float | None
    upper_quartile: float | None
    min: float | None
    max: float | None


class Stat(SummaryStats):
    id: str
    title: str
    provisional_counted: int  # rated, but not every question answered: counted, and flagged
    not_rated_left_out: int  # a score without a tier (too little answered): left out of the figures
    not_asked: int
    not_scored: int
    hidden: bool  # a shareable report hid the figures: drawn from fewer than min_group councils


class Stats(TypedDict):
    overall: Stat
    themes: list[Stat]


class Group(TypedDict):
    id: str  # nation/type, "all", or a custom group's id (custom/N, similar/CODE)
    title: str
    kind: str  # type, all, custom (a groups file) or similar (a council and its similar councils)
    nation: str | None
    type: str | None
    councils: int
    method: list[str]  # how a similar-councils group was chosen, as sentences
    stats: Stats


class HiddenFigures(TypedDict):
    group: str
    title: str
    figures: list[str]  # "overall" or theme ids
    most_counted: int


class Shareable(TypedDict):
    on: bool
    min_group: int | None
    hidden: list[HiddenFigures]


class BankVersionCount(TypedDict):
    version: str
    councils: int
    assessments: int
    current: bool


class TypeCount(TypedDict):
    type: str
    applicable: int
    min: int
    max: int


class AskedDiffers(TypedDict):
    id: str
    title: str
    by_type: list[TypeCount]
    by_type_differs: bool


class ProvisionalCouncil(TypedDict):
    key: str
    council: str
    assessment_date: str
    coverage: float | None
    answered: int  # questions answered (or not applicable), across the themes
    overall: bool
    scored: bool  # any theme has a score
    overall_note: str  # why the overall has no tier (or no score), when it has none
    themes: list[str]
    theme_titles: list[str]


class MissingTheme(TypedDict):
    theme: str
    title: str
    why: str  # not_started, not_enough_answered, waiting
    answered: int
    asked: int
    note: str  # the theme's rating note


class CoverageRow(TypedDict):
    """For coordinators: what each council's latest assessment still lacks before it can be rated."""

    key: str
    council: str
    assessment_date: str
    coverage: float | None
    rated_themes: int
    themes: int  # that apply to the council
    missing: list[MissingTheme]


class FunctionsDiffer(TypedDict):
    key: str
    council: str
    type: str
    group: str
    added: list[str]  # function names beyond the type's defaults
    removed: list[str]


class KnownByName(TypedDict):
    key: str
    council: str
    matched: bool  # matched by name to a council with a code
    files: list[str]


class SameDayDuplicate(TypedDict):
    council: str
    assessment_date: str
    files: list[str]
    used: str


class RegionCount(TypedDict):
    region: str
    councils: int


class LikeWithLike(TypedDict):
    bank_versions: list[BankVersionCount]
    asked_differs: list[AskedDiffers]
    provisional: list[ProvisionalCouncil]
    functions_differ: list[FunctionsDiffer]
    identified_by_name: list[KnownByName]
    same_day_duplicates: list[SameDayDuplicate]
    regions: list[RegionCount]


class Point(TypedDict):
    date: str
    score: float | None
    tier: str | None
    coverage: float | None
    provisional: bool
    hidden: bool  # as RowFigures.hidden


class Series(TypedDict):
    points: list[Point]
    change: float | None


class MeasureChange(TypedDict):
    from_date: str
    to_date: str
    from_version: str
    to_version: str


class ThemeSeries(Series):
    id: str
    title: str
    measure_changes: list[MeasureChange]  # where the bank changed what the theme measures between two points
    target: str | None  # the council's own target tier
    tiers_to_target: int | None  # 0: reached


AnswerChange = TypedDict("AnswerChange", {"question": str, "theme": str, "text": str, "from": str, "to": str})


class AnswerChanges(TypedDict):
    from_date: str
    to_date: str
    known: bool  # False when a contribution was sent without its answers
    answers: list[AnswerChange]


class Trend(TypedDict):
    key: str
    council: str
    council_type: str
    council_types: list[str]
    dates: list[str]
    files: list[str]
    sources: list[str]  # assessment or contribution, for each date
    bank_versions: list[str]
    overall: Series
    themes: list[ThemeSeries]
    changes: list[AnswerChanges]


class GroupYearFigure(TypedDict):
    n: int
    median: float | None
    hidden: bool


class GroupYearTheme(GroupYearFigure):
    id: str


class GroupYear(TypedDict):
    year: str
    councils: int
    overall: GroupYearFigure
    themes: list[GroupYearTheme]


class GroupMeasureChange(TypedDict):
    theme: str
    title: str
    from_year: str
    to_year: str


class GroupTrend(TypedDict):
    group: str
    title: str
    years: list[GroupYear]
    measure_changes: list[GroupMeasureChange]


class Skipped(TypedDict):
    file: str
    reason: str  # every problem, joined with "; "
    problems: list[str]
    problem_details: list[ProblemDetail]


class Outside(TypedDict):
    key: str
    council: str
    files: list[str]


class PositionFigure(TypedDict):
    id: str
    title: str
    score: float | None
    tier: str | None
    asked: bool  # False for a theme not asked of this council
    counted: bool  # rated (stats.counted): a score without a tier is not
    provisional: bool  # not every question answered: counted when rated, and flagged
    note: str  # why it is not rated, or what holds its tier (the row's note)
    score_hidden: bool  # a report for sharing hides the council's own score of a hidden group figure
    n: int
    hidden: bool
    median: float | None
    lower_quartile: float | None
    upper_quartile: float | None
    higher: int | None  # councils counted with a higher score
    band: str | None  # above_upper_quartile, upper_middle, at_median, lower_middle, below_lower_quartile
    target: str | None
    tiers_to_target: int | None
    words: str


class Position(TypedDict):
    key: str
    council: str
    group: str
    group_title: str
    figures: list[PositionFigure]


class Comparison(TypedDict):
    format: str
    format_version: int
    bank_version: str  # the bank that scored every file
    quartile_method: str
    themes: list[ThemeColumn]
    indicators: list[IndicatorColumn]  # the outcome indicators rows may carry
    labels: Labels
    evidence_strengths: dict[str, str]  # each evidence strength's name, weakest first
    counts: Counts
    group_by: str  # "type" (nation and council type), "none" or "custom"
    rows: list[Row]  # the latest assessment of each council
    earlier: list[Row]
    groups: list[Group]
    shareable: Shareable
    like_with_like: LikeWithLike
    coverage: list[CoverageRow]
    notes: list[str]
    trends: list[Trend]
    group_trends: list[GroupTrend]
    skipped: list[Skipped]
    outside: list[Outside]  # councils in none of the custom groups given: left out
    focus: Position | None  # with the focus option: where that council stands in its group
