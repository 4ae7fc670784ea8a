"""Where councils in a comparison are not like with like, as structured facts.

Bank versions, themes asked of councils in different numbers (county against district, or
follow-up questions), provisional councils, same-day duplicates and mixed regions. The
sentences for people are written from these facts in ``engine/wording.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..bank import Bank, Question
from .councils import normalise
from .entries import Entry
from .shapes import (
    AskedDiffers,
    BankVersionCount,
    CoverageRow,
    FunctionsDiffer,
    KnownByName,
    LikeWithLike,
    ProvisionalCouncil,
    RegionCount,
    Row,
    SameDayDuplicate,
    TypeCount,
)


def like_with_like(
    bank: Bank, entries: list[Entry], latest: list[Entry], rows: list[Row], groups: dict[str, list[Entry]]
) -> LikeWithLike:
    return {
        "bank_versions": _bank_versions(bank, entries),
        "asked_differs": _asked_differs(bank, latest),
        "provisional": _provisional(bank, rows, latest),
        "functions_differ": _functions_differ(bank, rows),
        "identified_by_name": _by_name(entries),
        "same_day_duplicates": _duplicates(groups),
        "regions": _regions(latest),
    }


def _version_key(version: str) -> tuple[tuple[int, int, str], ...]:
    """'2026.10' after '2026.9': compare the numeric parts as numbers."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", version) if part)


def _bank_versions(bank: Bank, entries: list[Entry]) -> list[BankVersionCount]:
    versions: dict[str, dict[str, Any]] = {}
    for entry in entries:
        seen = versions.setdefault(entry.assessment.bank_version, {"councils": set(), "assessments": 0})
        seen["councils"].add(entry.key)
        seen["assessments"] += 1
    return [
        {
            "version": version,
            "councils": len(seen["councils"]),
            "assessments": seen["assessments"],
            "current": version == bank.version,
        }
        for version, seen in sorted(versions.items(), key=lambda item: _version_key(item[0]))
    ]


def _asked_differs(bank: Bank, latest: list[Entry]) -> list[AskedDiffers]:
    """Themes whose latest assessments were asked different numbers of questions.

    ``by_type`` gives, for each council type present, how many of the theme's questions apply
    to it (``applicable``) and how many its councils were asked (``min``-``max``: follow-up
    questions are asked only after some answers). ``by_type_differs`` is true when the types
    themselves differ (county against district); otherwise only follow-up questions differ.
    """
    types = sorted({e.assessment.council.type for e in latest}, key=_type_order(bank))
    differs: list[AskedDiffers] = []
    for index, theme in enumerate(bank.themes):
        asked: dict[str, list[int]] = {}
        for entry in latest:
            asked.setdefault(entry.assessment.council.type, []).append(entry.result["themes"][index]["asked"])
        if len({n for counts in asked.values() for n in counts}) <= 1:
            continue
        by_type: list[TypeCount] = [
            {
                "type": t,
                "applicable": sum(1 for q in theme.questions if _asked_of_type(bank, q, t)),
                "min": min(asked[t]),
                "max": max(asked[t]),
            }
            for t in types
        ]
        differs.append(
            {
                "id": theme.id,
                "title": theme.title,
                "by_type": by_type,
                "by_type_differs": len({b["applicable"] for b in by_type}) > 1,
            }
        )
    return differs


def _asked_of_type(bank: Bank, question: Question, type_id: str) -> bool:
    ctype = bank.council_types[type_id]
    return question.kind != "context" and question.asked_of(ctype.nation, ctype.functions)


def _type_order(bank: Bank) -> Callable[[str], tuple[int, str]]:
    order = {type_id: i for i, type_id in enumerate(bank.council_types)}
    return lambda type_id: (order.get(type_id, len(order)), type_id)


def _provisional(bank: Bank, rows: list[Row], latest: list[Entry]) -> list[ProvisionalCouncil]:
    titles = {t.id: t.title for t in bank.themes}
    results = {entry.key: entry.result for entry in latest}
    found: list[ProvisionalCouncil] = []
    for row in rows:
        themes = [t["id"] for t in row["themes"] if t["provisional"]]
        coverage = row["overall"]["coverage"]
        low = row["overall"]["provisional"] or row["overall"]["tier"] is None  # also when nothing is rated yet
        if themes or low:
            result = results[row["key"]]
            found.append(
                {
                    "key": row["key"],
                    "council": row["council"]["name"],
                    "assessment_date": row["assessment_date"],
                    "coverage": coverage,
                    "answered": sum(t["answered"] + t["not_applicable"] for t in result["themes"]),
                    "overall": low,
                    "scored": any(t["score"] is not None for t in row["themes"]),
                    "overall_note": result["overall"]["rating_note"] if row["overall"]["tier"] is None else "",
                    "themes": themes,
                    "theme_titles": [titles[t] for t in themes],
                }
            )
    return found


def coverage_view(latest: list[Entry]) -> list[CoverageRow]:
    """For coordinators, each council's latest assessment: how much is answered and, theme by theme, what is
    missing before it can be rated (not started, not enough answered, or waiting for a duty or control)."""
    view: list[CoverageRow] = []
    for entry in sorted(latest, key=lambda e: (e.result["council"]["name"].casefold(), e.key)):
        result = entry.result
        # a theme with scored questions for the council is rated or says why not (scoring.score_theme), in a
        # whole file's result and a contribution's alike (a contribution does not carry the weights)
        applying = [t for t in result["themes"] if (t["asked"] or t["not_asked"]) and (t["rated"] or t["not_rated"])]
        view.append(
            {
                "key": entry.key,
                "council": result["council"]["name"],
                "assessment_date": result["assessment_date"],
                "coverage": result["overall"]["coverage"],
                "rated_themes": sum(1 for t in applying if t["rated"]),
                "themes": len(applying),
                "missing": [
                    {
                        "theme": t["id"],
                        "title": t["title"],
                        "why": t["not_rated"] or "",
                        "answered": t["answered"] + t["not_applicable"],
                        "asked": t["asked"],
                        "note": t["rating_note"],
                    }
                    for t in applying
                    if not t["rated"]
                ],
            }
        )
    return view


def _functions_differ(bank: Bank, rows: list[Row]) -> list[FunctionsDiffer]:
    """Councils whose officers corrected their type's default functions: they were asked other questions."""
    found: list[FunctionsDiffer] = []
    for row in rows:
        council = row["council"]
        if council["functions_added"] or council["functions_removed"]:
            found.append(
                {
                    "key": row["key"],
                    "council": council["name"],
                    "type": council["type"],
                    "group": row["group"],
                    "added": [bank.functions.get(f, f) for f in council["functions_added"]],
                    "removed": [bank.functions.get(f, f) for f in council["functions_removed"]],
                }
            )
    return found


def _by_name(entries: list[Entry]) -> list[KnownByName]:
    """Files that give neither a register code nor a GSS code: the council is known by its name only."""
    found: dict[str, KnownByName] = {}
    for entry in sorted(entries, key=lambda e: e.index):
        if entry.identified_by in ("name", "name_matched"):
            seen = found.setdefault(
                entry.key,
                {
                    "key": entry.key,
                    "council": entry.assessment.council.name,
                    "matched": entry.identified_by == "name_matched",
                    "files": [],
                },
            )
            seen["files"].append(entry.file)
    return sorted(found.values(), key=lambda f: normalise(f["council"]))


def _duplicates(groups: dict[str, list[Entry]]) -> list[SameDayDuplicate]:
    """Two files of one council with the same date: the one given last is used."""
    found: list[SameDayDuplicate] = []
    for group in groups.values():
        by_date: dict[str, list[Entry]] = {}
        for entry in group:
            by_date.setdefault(entry.assessment.assessment_date, []).append(entry)
        for date, same in by_date.items():
            if len(same) > 1:
                found.append(
                    {
                        "council": same[-1].assessment.council.name,
                        "assessment_date": date,
                        "files": [e.file for e in same],
                        "used": same[-1].file,
                    }
                )
    return sorted(found, key=lambda d: (normalise(d["council"]), d["assessment_date"]))


def _regions(latest: list[Entry]) -> list[RegionCount]:
    counts: dict[str, int] = {}
    for entry in latest:
        region = entry.assessment.council.region
        counts[region] = counts.get(region, 0) + 1
    return [
        {"region": region, "councils": n}
        for region, n in sorted(counts.items(), key=lambda i: (i[0] == "", i[0].casefold()))
    ]
