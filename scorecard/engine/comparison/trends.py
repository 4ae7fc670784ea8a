"""Each council's progress over time: scores by date and the answers changed between dates."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import Any

from ..assessment import Assessment
from ..bank import Bank, Question
from .entries import Entry
from .shapes import AnswerChange, AnswerChanges, Series, ThemeSeries, Trend
from .stats import round4

NOT_ANSWERED = "Not answered"


def trend(bank: Bank, group: list[Entry]) -> Trend:
    """Scores by date (oldest first) and the answers changed between consecutive dates."""
    by_date: dict[str, Entry] = {}
    for entry in group:  # sorted by date, then order given: the last of a day wins
        by_date[entry.assessment.assessment_date] = entry
    points = list(by_date.values())
    results = [e.result for e in points]

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

    themes: list[ThemeSeries] = [
        {"id": theme.id, "title": theme.title, **series([r["themes"][i] for r in results])}
        for i, theme in enumerate(bank.themes)
    ]
    changes: list[AnswerChanges] = [
        {
            "from_date": a.assessment.assessment_date,
            "to_date": b.assessment.assessment_date,
            "answers": answer_changes(bank, a.assessment, b.assessment),
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
        "bank_versions": [e.assessment.bank_version for e in points],
        "overall": series([r["overall"] for r in results]),
        "themes": themes,
        "changes": changes,
    }


def answer_changes(bank: Bank, before: Assessment, after: Assessment) -> list[AnswerChange]:
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
    return NOT_ANSWERED if value is None else question.label_of(value)
