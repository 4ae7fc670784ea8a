"""Comparing councils' assessments across a region, and each council's progress over time.

For network coordinators: many assessment files in, one plain dictionary out (JSON-safe,
deterministically ordered), which the CLI renders as text, CSV or HTML and the browser
receives from Pyodide. Run-time code: standard library only.

Nothing here scores anything: every number comes from ``score_assessment``. This module only
groups, orders and summarises those results.

- **Heatmap rows**: the latest assessment of each council (by assessment date). Councils are
  the same council when they share an ONS code, or, without one, the same normalised name.
- **Regional statistics** per theme (and overall): count, median, quartiles, lowest and
  highest of the latest assessments' scores. Provisional scores (coverage below
  ``min_coverage_for_rating``) are left out: a half-finished assessment should move neither
  the median nor read as a weak council. The gap of each row is its score minus the median.
- **Like-with-like notes**: bank versions, themes asked of councils in different numbers
  (county against district, say), provisional councils, same-day duplicates, mixed regions.
- **Trends**: for each council with assessments on two or more dates, scores by date and the
  answers that changed between consecutive assessments.
- **Skipped** files, each with every reason it could not be read.
"""

from __future__ import annotations

import re
import statistics
from typing import Any, Iterable, Sequence

from . import score_assessment
from .assessment import Assessment, AssessmentError, parse_assessment_text
from .bank import Bank
from .wording import pct

FORMAT = "scorecard-comparison"
FORMAT_VERSION = 1
QUARTILE_METHOD = "inclusive"
NOT_ANSWERED = "Not answered"


def compare_files(bank: Bank, files: Iterable[Sequence[Any]], skipped: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Parse ``[(file name, file text), ...]`` and compare the ones that are valid assessments.

    The browser calls exactly this (through Pyodide), so inputs and output are plain: names
    and texts are ``str`` (``bytes`` are read as UTF-8), the result is the ``compare`` dict.
    A file that cannot be read goes to ``result["skipped"]`` with its name and every reason;
    ``skipped`` lets a caller add files it could not even open (they are listed first).
    """
    parsed: list[tuple[str, Assessment]] = []
    failed = list(skipped or [])
    for name, text in files:
        try:
            parsed.append((str(name), parse_assessment_text(_as_text(text), bank)))
        except AssessmentError as error:
            failed.append(skipped_file(str(name), error.problems))
    return compare(bank, parsed, skipped=failed)


def skipped_file(name: str, problems: list[str]) -> dict[str, Any]:
    """How a file that could not be compared is reported."""
    return {"file": name, "reason": "; ".join(problems), "problems": list(problems)}


def compare(bank: Bank, assessments: Iterable[Assessment | tuple[str, Assessment]],
            skipped: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Compare checked assessments; items are ``Assessment`` or ``(file name, Assessment)``.

    Returns a JSON-serialisable dict:

    - ``themes``: the columns, in bank order (``id``, ``title``);
    - ``rows``: the heatmap, the latest assessment of each council, sorted by council name;
      ``earlier``: every other assessment, in the same form (their gaps are also to the
      latest assessments' medians);
    - ``stats``: ``overall`` and one entry per theme (see ``summary_stats``);
    - ``like_with_like`` (structured) and ``notes`` (the same, as sentences for the page);
    - ``trends``, ``skipped`` and ``counts``.
    """
    entries = []
    for index, item in enumerate(assessments):
        name, assessment = item if isinstance(item, tuple) else ("", item)
        entries.append({"index": index, "file": name, "assessment": assessment,
                        "result": score_assessment(bank, assessment, detail=False)})
    _assign_keys(entries)

    groups: dict[str, list[dict[str, Any]]] = {}
    for entry in sorted(entries, key=lambda e: (e["assessment"].assessment_date, e["index"])):
        groups.setdefault(entry["key"], []).append(entry)
    latest = [group[-1] for group in groups.values()]
    earlier = [entry for group in groups.values() for entry in group[:-1]]

    stats = _stats(bank, latest)
    medians = {"overall": stats["overall"]["median"], **{s["id"]: s["median"] for s in stats["themes"]}}
    by_council = lambda e: (_normalise(e["assessment"].council.name), e["assessment"].assessment_date, e["index"])  # noqa: E731
    rows = [_row(bank, e, medians, len(groups[e["key"]])) for e in sorted(latest, key=by_council)]
    earlier_rows = [_row(bank, e, medians, len(groups[e["key"]])) for e in sorted(earlier, key=by_council)]

    like = {
        "bank_versions": _bank_versions(bank, entries),
        "asked_differs": _asked_differs(bank, latest),
        "provisional": _provisional(bank, rows),
        "same_day_duplicates": _duplicates(groups),
        "regions": _regions(latest),
    }
    trends = [_trend(bank, group) for group in sorted(groups.values(), key=lambda g: by_council(g[-1]))
              if len({e["assessment"].assessment_date for e in group}) >= 2]
    skipped = list(skipped or [])
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "bank_version": bank.version,
        "min_coverage_for_rating": bank.min_coverage_for_rating,
        "quartile_method": QUARTILE_METHOD,
        "themes": [{"id": t.id, "title": t.title} for t in bank.themes],
        "labels": bank.labels(),
        "counts": {"files": len(entries) + len(skipped), "assessments": len(entries),
                   "councils": len(groups), "skipped": len(skipped)},
        "rows": rows,
        "earlier": earlier_rows,
        "stats": stats,
        "like_with_like": like,
        "notes": _notes(bank, like, trends),
        "trends": trends,
        "skipped": skipped,
    }


def summary_stats(scores: list[float]) -> dict[str, Any]:
    """Count, median, quartiles, lowest and highest of some scores (None when there are none).

    Quartiles use ``statistics.quantiles(method="inclusive")``: the scores are sorted and the
    lower quartile is the value at position (n - 1) / 4 (counting from 0), the upper at
    3 (n - 1) / 4, interpolating linearly between neighbours. This is Excel's QUARTILE.INC and
    NumPy's default, so a coordinator can check it in a spreadsheet; the quartiles always lie
    between the lowest and highest score. With one score every figure is that score.
    Figures are rounded to 4 decimal places (scores have one, so nothing real is lost).
    """
    data = sorted(scores)
    if not data:
        return {"n": 0, "median": None, "lower_quartile": None, "upper_quartile": None, "min": None, "max": None}
    if len(data) == 1:
        lower = upper = data[0]
    else:
        lower, _, upper = statistics.quantiles(data, n=4, method=QUARTILE_METHOD)
    return {
        "n": len(data),
        "median": _round(statistics.median(data)),
        "lower_quartile": _round(lower),
        "upper_quartile": _round(upper),
        "min": _round(data[0]),
        "max": _round(data[-1]),
    }


def council_key(assessment: Assessment) -> str:
    """Which council an assessment is of: its ONS code, else its normalised name."""
    code = assessment.council.ons_code
    return f"ons:{code}" if code else f"name:{_normalise(assessment.council.name)}"


def _unnamed(assessment: Assessment) -> bool:
    return not assessment.council.ons_code and not assessment.council.name.strip()


# --- grouping ---------------------------------------------------------------------------

def _normalise(name: str) -> str:
    """'Example  Northvale District Council.' and 'example northvale district council' match."""
    return " ".join(re.sub(r"[^\w]+", " ", name.casefold()).split())


def _assign_keys(entries: list[dict[str, Any]]) -> None:
    """ONS code when given; a file without one joins the council with that name and a code."""
    codes: dict[str, set[str]] = {}
    for entry in entries:
        council = entry["assessment"].council
        if council.ons_code:
            codes.setdefault(_normalise(council.name), set()).add(council.ons_code)
    for entry in entries:
        assessment = entry["assessment"]
        known = codes.get(_normalise(assessment.council.name), set())
        if _unnamed(assessment):
            entry["key"] = f"file:{entry['index']}"  # nothing says two unnamed files are one council
        elif not assessment.council.ons_code and len(known) == 1:
            entry["key"] = f"ons:{next(iter(known))}"
        else:
            entry["key"] = council_key(assessment)


# --- rows and statistics ----------------------------------------------------------------

def _round(value: float) -> float:
    return round(value, 4)


def _gap(score: float | None, median: float | None) -> float | None:
    return None if score is None or median is None else _round(score - median)


def _row(bank: Bank, entry: dict[str, Any], medians: dict[str, float | None], in_group: int) -> dict[str, Any]:
    result, assessment = entry["result"], entry["assessment"]
    council = result["council"]
    overall = result["overall"]
    return {
        "key": entry["key"],
        "file": entry["file"],
        "council": dict(council),
        "council_type_name": bank.council_types.get(council["type"], council["type"]),
        "assessment_date": result["assessment_date"],
        "bank_version": assessment.bank_version,
        "version_changed": result["changes"]["version_changed"],
        "assessments": in_group,
        "overall": {
            "score": overall["score"], "tier": overall["tier"], "risk": overall["risk"],
            "coverage": overall["coverage"], "provisional": overall["provisional"],
            "gap": _gap(overall["score"], medians["overall"]),
        },
        "themes": [
            {
                "id": theme["id"], "score": theme["score"], "tier": theme["tier"], "risk": theme["risk"],
                "coverage": theme["coverage"], "provisional": theme["provisional"],
                "asked": theme["asked"], "answered": theme["answered"],
                "gap": _gap(theme["score"], medians[theme["id"]]),
            }
            for theme in result["themes"]
        ],
    }


def _counted(part: dict[str, Any]) -> bool:
    return part["score"] is not None and not part["provisional"]


def _stats(bank: Bank, latest: list[dict[str, Any]]) -> dict[str, Any]:
    def entry(parts: list[dict[str, Any]]) -> dict[str, Any]:
        stats = summary_stats([p["score"] for p in parts if _counted(p)])
        stats["provisional_left_out"] = sum(1 for p in parts if p["score"] is not None and p["provisional"])
        stats["not_asked"] = sum(1 for p in parts if p.get("asked", 1) == 0)
        stats["not_scored"] = sum(1 for p in parts if p["score"] is None and p.get("asked", 1) > 0)
        return stats

    themes = []
    for index, theme in enumerate(bank.themes):
        themes.append({"id": theme.id, "title": theme.title, **entry([e["result"]["themes"][index] for e in latest])})
    return {"overall": {"id": "overall", "title": "Overall", **entry([e["result"]["overall"] for e in latest])},
            "themes": themes}


# --- like with like -----------------------------------------------------------------------

def _version_key(version: str) -> tuple:
    """'2026.10' after '2026.9': compare the numeric parts as numbers."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", version) if part)


def _bank_versions(bank: Bank, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    versions: dict[str, dict[str, Any]] = {}
    for entry in entries:
        seen = versions.setdefault(entry["assessment"].bank_version, {"councils": set(), "assessments": 0})
        seen["councils"].add(entry["key"])
        seen["assessments"] += 1
    return [
        {"version": version, "councils": len(seen["councils"]), "assessments": seen["assessments"],
         "current": version == bank.version}
        for version, seen in sorted(versions.items(), key=lambda item: _version_key(item[0]))
    ]


def _asked_differs(bank: Bank, latest: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Themes whose latest assessments were asked different numbers of questions.

    ``by_type`` gives, for each council type present, how many of the theme's questions apply
    to it (``applicable``) and how many its councils were asked (``min``-``max``: follow-up
    questions are asked only after some answers). ``by_type_differs`` is true when the types
    themselves differ (county against district); otherwise only follow-up questions differ.
    """
    types = sorted({e["assessment"].council.type for e in latest}, key=_type_order(bank))
    differs = []
    for index, theme in enumerate(bank.themes):
        asked: dict[str, list[int]] = {}
        for entry in latest:
            asked.setdefault(entry["assessment"].council.type, []).append(entry["result"]["themes"][index]["asked"])
        if len({n for counts in asked.values() for n in counts}) <= 1:
            continue
        by_type = [{"type": t, "applicable": sum(1 for q in theme.questions if t in q.applies_to),
                    "min": min(asked[t]), "max": max(asked[t])} for t in types]
        differs.append({"id": theme.id, "title": theme.title, "by_type": by_type,
                        "by_type_differs": len({b["applicable"] for b in by_type}) > 1})
    return differs


def _type_order(bank: Bank):
    order = {type_id: i for i, type_id in enumerate(bank.council_types)}
    return lambda type_id: (order.get(type_id, len(order)), type_id)


def _provisional(bank: Bank, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    titles = {t.id: t.title for t in bank.themes}
    found = []
    for row in rows:
        themes = [t["id"] for t in row["themes"] if t["provisional"]]
        coverage = row["overall"]["coverage"]
        low = coverage is not None and coverage < bank.min_coverage_for_rating  # also when nothing is scored yet
        if themes or low:
            found.append({
                "key": row["key"], "council": row["council"]["name"], "assessment_date": row["assessment_date"],
                "coverage": coverage, "overall": low, "scored": row["overall"]["score"] is not None,
                "themes": themes, "theme_titles": [titles[t] for t in themes],
            })
    return found


def _duplicates(groups: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Two files of one council with the same date: the one given last is used."""
    found = []
    for group in groups.values():
        by_date: dict[str, list[dict[str, Any]]] = {}
        for entry in group:
            by_date.setdefault(entry["assessment"].assessment_date, []).append(entry)
        for date, same in by_date.items():
            if len(same) > 1:
                found.append({"council": same[-1]["assessment"].council.name, "assessment_date": date,
                              "files": [e["file"] for e in same], "used": same[-1]["file"]})
    return sorted(found, key=lambda d: (_normalise(d["council"]), d["assessment_date"]))


def _regions(latest: list[dict[str, Any]]) -> list[dict[str, Any]]:
    counts: dict[str, int] = {}
    for entry in latest:
        region = entry["assessment"].council.region
        counts[region] = counts.get(region, 0) + 1
    return [{"region": region, "councils": n} for region, n in sorted(counts.items(), key=lambda i: (i[0] == "", i[0].casefold()))]


def _plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word if n == 1 else (words or word + 's')}"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _notes(bank: Bank, like: dict[str, Any], trends: list[dict[str, Any]]) -> list[str]:
    """The like-with-like findings as plain-English sentences, most important first."""
    notes = []
    versions = like["bank_versions"]
    if len(versions) == 1 and versions[0]["current"]:
        notes.append(f"All assessments were answered against question bank {bank.version}, the version used to score them.")
    elif versions:
        listed = _and([f"{v['version']} ({_plural(v['councils'], 'council')}, {_plural(v['assessments'], 'assessment')})"
                       for v in versions])
        notes.append(
            f"Assessments were answered against question bank version{'s' if len(versions) > 1 else ''} {listed}. "
            f"All are scored with the current bank, {bank.version}: questions added since an older version "
            "count as unanswered in it (lowering its coverage, not its score), and answers to replaced "
            "questions carry over."
        )
    for theme in like["asked_differs"]:
        if not theme["by_type_differs"]:
            continue
        parts = [f"{bank.council_types.get(t['type'], t['type'])}: {t['applicable'] or 'none, so not scored'}"
                 for t in theme["by_type"]]
        notes.append(
            f"{theme['title']}: the number of questions that apply differs by council type "
            f"({'; '.join(parts)}). Compare councils of the same type where you can."
        )
    follow_ups = [t["title"] for t in like["asked_differs"] if any(b["min"] != b["max"] for b in t["by_type"])]
    if follow_ups:
        where = "every theme" if len(follow_ups) == len(bank.themes) else "these themes: " + "; ".join(follow_ups)
        notes.append(
            "Some questions are asked only after a particular answer (a follow-up), so councils of the same "
            f"type were asked different numbers of questions in {where}. A follow-up not asked is left out "
            "of the score; the answer that led to it still counts."
        )
    threshold = f"{round(100 * bank.min_coverage_for_rating)}%"
    for council in like["provisional"]:
        if not council["scored"]:
            notes.append(f"{council['council']} ({council['assessment_date']}) has not answered any of the questions "
                         "that apply to it yet, so it has no scores to compare.")
        elif council["overall"]:
            notes.append(
                f"{council['council']} ({council['assessment_date']}) answered {pct(council['coverage'])} of the "
                f"questions that apply to it, under {threshold}: its tiers are provisional, and its provisional "
                "scores are left out of the regional medians and quartiles."
            )
        else:
            notes.append(
                f"{council['council']} ({council['assessment_date']}): {_and(council['theme_titles'])} "
                f"{'is' if len(council['themes']) == 1 else 'are'} provisional (under {threshold} of the questions "
                "answered) and left out of the regional medians and quartiles."
            )
    for dup in like["same_day_duplicates"]:
        notes.append(
            f"{dup['council']} has {len(dup['files'])} assessments dated {dup['assessment_date']} "
            f"({', '.join(dup['files'])}); the last one given ({dup['used']}) is used."
        )
    regions = like["regions"]
    if len(regions) > 1:
        listed = _and([f"{r['region'] or 'no region given'} ({_plural(r['councils'], 'council')})" for r in regions])
        notes.append(f"The councils are from more than one region: {listed}.")
    for trend in trends:
        types = trend["council_types"]
        if len(set(types)) > 1:
            names = [bank.council_types.get(t, t) for t in dict.fromkeys(types)]
            notes.append(f"{trend['council']} changed council type over time ({' to '.join(names)}): "
                         "its earlier scores were asked different questions.")
    return notes


# --- trends -------------------------------------------------------------------------------

def _trend(bank: Bank, group: list[dict[str, Any]]) -> dict[str, Any]:
    """Scores by date (oldest first) and the answers changed between consecutive dates."""
    by_date: dict[str, dict[str, Any]] = {}
    for entry in group:  # sorted by date, then order given: the last of a day wins
        by_date[entry["assessment"].assessment_date] = entry
    points = list(by_date.values())
    results = [e["result"] for e in points]

    def series(parts: list[dict[str, Any]]) -> dict[str, Any]:
        scores = [p["score"] for p in parts]
        return {
            "points": [{"date": r["assessment_date"], "score": p["score"], "tier": p["tier"],
                        "coverage": p["coverage"], "provisional": p["provisional"]} for r, p in zip(results, parts)],
            "change": _round(scores[-1] - scores[0]) if scores[0] is not None and scores[-1] is not None else None,
        }

    themes = [{"id": theme.id, "title": theme.title, **series([r["themes"][i] for r in results])}
              for i, theme in enumerate(bank.themes)]
    changes = [
        {"from_date": a["assessment"].assessment_date, "to_date": b["assessment"].assessment_date,
         "answers": answer_changes(bank, a["assessment"], b["assessment"])}
        for a, b in zip(points, points[1:])
    ]
    latest = points[-1]["assessment"]
    return {
        "key": points[-1]["key"],
        "council": latest.council.name,
        "council_type": latest.council.type,
        "council_types": [e["assessment"].council.type for e in points],
        "dates": list(by_date),
        "files": [e["file"] for e in points],
        "bank_versions": [e["assessment"].bank_version for e in points],
        "overall": series([r["overall"] for r in results]),
        "themes": themes,
        "changes": changes,
    }


def answer_changes(bank: Bank, before: Assessment, after: Assessment) -> list[dict[str, str]]:
    """Answers that differ between two assessments, in bank order, with readable labels."""
    changed = []
    for qid, question in bank.questions.items():
        old, new = before.answers.get(qid), after.answers.get(qid)
        if _same_answer(old, new):
            continue
        changed.append({"question": qid, "theme": question.theme, "text": question.text,
                        "from": _label(question, old), "to": _label(question, new)})
    return changed


def _same_answer(old: Any, new: Any) -> bool:
    if isinstance(old, list) and isinstance(new, list):
        return sorted(old) == sorted(new)  # the order options were ticked in does not matter
    return old == new


def _label(question, value: Any) -> str:
    return NOT_ANSWERED if value is None else question.label_of(value)


def _as_text(text: Any) -> str:
    if isinstance(text, (bytes, bytearray, memoryview)):
        try:
            return bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise AssessmentError(["the file is not UTF-8 text (is it a JSON assessment file?)"]) from None
    if not isinstance(text, str):
        raise AssessmentError([f"expected the file's text, got {type(text).__name__}"])
    return text[1:] if text.startswith("\ufeff") else text
