"""Progress over time: each council's scores by date, the answers changed between dates and its own targets,
and each group's medians by year.

Where the question bank changed what a theme measures between two points (a benchmark contribution keeps
the figures of the bank that scored it; contribution.theme_measures), the theme's series says so: its scores
before and after are not like for like. Whole files are all scored with the current bank, so between them the
measure never changes (the comparison's notes say which bank each was answered against).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import Any

from ..assessment import Assessment
from ..bank import Bank, Question
from ..contribution import Contribution, theme_measures
from ..language import N_, _
from .entries import Entry
from .groups import GroupOf
from .shapes import (
    AnswerChange,
    AnswerChanges,
    Group,
    GroupMeasureChange,
    GroupTrend,
    GroupYear,
    GroupYearFigure,
    MeasureChange,
    Series,
    ThemeSeries,
    Trend,
)
from .stats import counted, round4, summary_stats

NOT_ANSWERED = N_("Not answered")  # in English, written in the current language (_) where used


def trend(bank: Bank, group: list[Entry]) -> Trend:
    """Scores by date (oldest first) and the answers changed between consecutive dates."""
    by_date: dict[str, Entry] = {}
    for entry in group:  # sorted by date, then order given: the last of a day wins
        by_date[entry.assessment.assessment_date] = entry
    points = list(by_date.values())
    results = [e.result for e in points]
    measures = theme_measures(bank)
    targets = points[-1].targets

    def series(parts: Sequence[Mapping[str, Any]]) -> Series:
        scores = [p["score"] for p in parts]
        return {
            "points": [
                {
                    "date": r["assessment_date"],
                    "score": p["score"],
                    "tier": p["tier"],
                    "coverage": p["coverage"],
                    "provisional": p["provisional"],
                    "hidden": False,  # a shared report hides a score of a figure hidden for the group (compare.py)
                }
                for r, p in zip(results, parts, strict=True)
            ],
            "change": round4(scores[-1] - scores[0]) if scores[0] is not None and scores[-1] is not None else None,
        }

    def theme_series(index: int, theme_id: str, title: str) -> ThemeSeries:
        parts = [r["themes"][index] for r in results]
        marks = [p.get("measure") or measures[theme_id] for p in parts]
        changed: list[MeasureChange] = [
            {
                "from_date": a["assessment_date"],
                "to_date": b["assessment_date"],
                "from_version": a["bank_version"],
                "to_version": b["bank_version"],
            }
            for (a, b), (m, n) in zip(pairwise(results), pairwise(marks), strict=True)
            if m != n
        ]
        target, short = _target(bank, targets.get(theme_id), parts[-1]["tier"])
        return {
            "id": theme_id,
            "title": title,
            **series(parts),
            "measure_changes": changed,
            "target": target,
            "tiers_to_target": short,
        }

    themes = [theme_series(i, theme.id, theme.title) for i, theme in enumerate(bank.themes)]
    changes: list[AnswerChanges] = [
        {
            "from_date": a.assessment.assessment_date,
            "to_date": b.assessment.assessment_date,
            "known": a.has_answers and b.has_answers,  # a contribution sent without its answers: not known
            "answers": answer_changes(bank, a.assessment, b.assessment) if a.has_answers and b.has_answers else [],
        }
        for a, b in pairwise(points)
    ]
    latest = points[-1].assessment
    return {
        "key": points[-1].key,
        "council": latest.council.name,
        "council_type": latest.council.type,
        "council_types": [e.assessment.council.type for e in points],
        "dates": list(by_date),
        "files": [e.file for e in points],
        "sources": [e.source for e in points],
        "bank_versions": [e.assessment.bank_version for e in points],
        "overall": series([r["overall"] for r in results]),
        "themes": themes,
        "changes": changes,
    }


def _target(bank: Bank, target: str | None, tier: str | None) -> tuple[str | None, int | None]:
    """A theme's own target tier and how many tiers its latest tier is short of it (0: reached; None: no target,
    or no tier yet)."""
    if target is None or target not in bank.ranks["tiers"]:
        return None, None
    return target, None if tier is None else max(0, bank.tier_rank(target) - bank.tier_rank(tier))


def answer_changes(
    bank: Bank, before: Assessment | Contribution, after: Assessment | Contribution
) -> list[AnswerChange]:
    """Answers that differ between two assessments, in bank order, with readable labels."""
    changed: list[AnswerChange] = []
    for qid, question in bank.questions.items():
        old, new = before.answers.get(qid), after.answers.get(qid)
        if _same_answer(old, new):
            continue
        changed.append(
            {
                "question": qid,
                "theme": question.theme,
                "text": question.text,
                "from": _label(question, old),
                "to": _label(question, new),
            }
        )
    return changed


def _same_answer(old: Any, new: Any) -> bool:
    if isinstance(old, list) and isinstance(new, list):
        return sorted(old) == sorted(new)  # the order options were ticked in does not matter
    return bool(old == new)


def _label(question: Question, value: Any) -> str:
    return _(NOT_ANSWERED) if value is None else question.label_of(value)


def group_trends(
    bank: Bank, entries: list[Entry], groups: Sequence[Group], group_of: GroupOf, hide_below: int = 0
) -> list[GroupTrend]:
    """Each group's median by year, for groups with assessments in two years or more.

    A year's figures are drawn from the latest assessment of each council of the group that year (by assessment
    date), counted as the group's own medians are (stats.counted). ``hide_below``: a report for sharing hides a
    median drawn from fewer councils. Where the bank's measure of a theme differs between one year's assessments
    and the next year's, ``measure_changes`` says so.
    """
    measures = theme_measures(bank)
    found: list[GroupTrend] = []
    for group in groups:
        yearly: dict[str, dict[str, Entry]] = {}
        for entry in sorted(entries, key=lambda e: (e.assessment.assessment_date, e.index)):
            if group_of(entry.result) == group["id"]:
                yearly.setdefault(entry.assessment.assessment_date[:4], {})[entry.key] = entry
        if len(yearly) < 2:
            continue
        years: list[GroupYear] = []
        marks: list[list[set[str]]] = []  # each year's measures of each theme
        for year, latest in sorted(yearly.items()):
            results = [e.result for e in latest.values()]
            years.append(
                {
                    "year": year,
                    "councils": len(results),
                    "overall": _median([r["overall"] for r in results], hide_below),
                    "themes": [
                        {"id": theme.id, **_median([r["themes"][i] for r in results], hide_below)}
                        for i, theme in enumerate(bank.themes)
                    ],
                }
            )
            marks.append(
                [
                    {str(r["themes"][i].get("measure") or measures[t.id]) for r in results}
                    for i, t in enumerate(bank.themes)
                ]
            )
        changes: list[GroupMeasureChange] = [
            {"theme": theme.id, "title": theme.title, "from_year": a["year"], "to_year": b["year"]}
            for (a, b), (m, n) in zip(pairwise(years), pairwise(marks), strict=True)
            for i, theme in enumerate(bank.themes)
            if m[i] != n[i]
        ]
        found.append({"group": group["id"], "title": group["title"], "years": years, "measure_changes": changes})
    return found


def _median(parts: Sequence[Mapping[str, Any]], hide_below: int) -> GroupYearFigure:
    scores = [p["score"] for p in parts if counted(p)]
    hidden = 0 < len(scores) < hide_below
    return {"n": len(scores), "median": None if hidden else summary_stats(scores)["median"], "hidden": hidden}
