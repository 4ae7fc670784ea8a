"""Putting a comparison together: read the files, group by council, the heatmap rows, the result.

See the package's docstring for what a comparison holds and why.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from ..assessment import Assessment, AssessmentError, assessment_text, load_assessment, read_assessment_json
from ..bank import Bank
from ..contribution import FORMAT as CONTRIBUTION_FORMAT
from ..contribution import Contribution, contribution_result, read_contribution
from ..cycle import is_iso_date
from ..evidence import strength_names
from ..indicators import share
from ..messages import Message
from ..result import score_assessment
from ..tables import share as fraction
from ..wording import comparison_notes, type_name
from .councils import assign_keys, by_council
from .entries import CONTRIBUTION, Entry, Scored
from .groups import GROUP_BY, GroupOf, grouping, hide_small_groups, make_groups, medians
from .like_with_like import coverage_view, like_with_like
from .position import position
from .shapes import (
    Comparison,
    HiddenFigures,
    IndicatorColumn,
    Outside,
    Row,
    RowEvidence,
    RowIndicator,
    Skipped,
    Trend,
)
from .stats import QUARTILE_METHOD, gap_to
from .trends import group_trends, trend

FORMAT = "scorecard-comparison"
FORMAT_VERSION = 2  # 2: groups (by nation and council type) instead of one set of regional stats
MIN_GROUP = 5  # a shared report hides group figures drawn from fewer councils than this


def compare_files(
    bank: Bank, files: Iterable[Sequence[Any]], skipped: list[Skipped] | None = None, **options: Any
) -> Comparison:
    """Parse ``[(file name, file text), ...]`` and compare the ones that are valid assessments or benchmark
    contributions (contribution.py: a signed-off assessment's figures; told apart by their "format").

    The browser calls exactly this (through Pyodide), so inputs and output are plain: names
    and texts are ``str`` (``bytes`` are read as UTF-8), the result is the ``compare`` dict.
    A file that cannot be read goes to ``result["skipped"]`` with its name and every reason;
    ``skipped`` lets a caller add files it could not even open (they are listed first).
    ``options`` are ``compare``'s: group_by, shareable, min_group.
    """
    parsed: list[tuple[str, Assessment | Contribution]] = []
    failed = list(skipped or [])
    with _collector_paused():
        for name, text in files:
            try:
                parsed.append((str(name), read_compared(bank, text)))
            except AssessmentError as error:
                failed.append(skipped_file(str(name), error.details))
        return compare(bank, parsed, skipped=failed, **options)


def read_compared(bank: Bank, text: Any) -> Assessment | Contribution:
    """A file's text read and checked as what it says it is: a benchmark contribution or a whole assessment."""
    data = read_assessment_json(assessment_text(text))
    if isinstance(data, dict) and data.get("format") == CONTRIBUTION_FORMAT:
        return read_contribution(data, bank)
    return load_assessment(data, bank)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while the files are read and compared, then as it was.

    Thousands of files make millions of objects that all live until the comparison is made, none of them in a
    cycle, and the collector walked them again and again as they grew: about a fifth of a comparison's time
    (bench/README.md). Nothing is lost: anything that does form a cycle is collected once it is back on.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def skipped_file(name: str, problems: list[Message]) -> Skipped:
    """How a file that could not be compared is reported: every reason in English, and as code and parameters."""
    return {
        "file": name,
        "reason": "; ".join(p.text for p in problems),
        "problems": [p.text for p in problems],
        "problem_details": [p.to_dict() for p in problems],
    }


def compare(
    bank: Bank,
    assessments: Iterable[Assessment | Contribution | tuple[str, Assessment | Contribution]],
    skipped: list[Skipped] | None = None,
    group_by: str = "type",
    shareable: bool = False,
    min_group: int = MIN_GROUP,
    custom: Sequence[dict[str, Any]] = (),
    focus: str = "",
) -> Comparison:
    """Compare checked assessments; items are ``Assessment`` or ``Contribution`` (contribution.py), alone or as
    ``(file name, item)``. Every figure of a whole file is score_assessment's (detail=False: the themes and overall,
    without each question's status); a contribution's are its own, as its bank scored them.

    ``group_by``: "type" (nation and council type, the default), "none" (all councils as one
    group) or "custom": the groups ``custom`` gives ([{"id", "title", "kind", "codes", "method"?}]: see
    groups_file.py and similar.py); a council in none of them is left out and listed in ``outside``.
    ``focus``: a council's register or GSS code: ``focus`` then says where it stands in its group (position.py).
    ``shareable``: a report to be shared, where group figures drawn from fewer than
    ``min_group`` councils are hidden. Returns a JSON-serialisable dict (``shapes.Comparison``;
    schemas/comparison.schema.json):

    - ``themes``: the columns, in bank order (``id``, ``title``);
    - ``rows``: the heatmap, the latest assessment of each council, sorted by council name,
      each naming its ``group``; ``earlier``: every other assessment, in the same form (their
      gaps are to the latest assessments' medians of their group);
    - ``groups``: id, title, nation, type, councils and ``stats`` (``overall`` and one entry
      per theme, see ``summary_stats``), in the bank's order of nations and types;
    - ``shareable``: whether figures were hidden for sharing, the threshold and what was hidden;
    - ``like_with_like`` (structured) and ``notes`` (the same, as sentences for the page);
    - ``trends``, ``skipped`` and ``counts``.
    """
    if group_by not in GROUP_BY:
        raise ValueError(f"group_by must be one of {', '.join(GROUP_BY)}, not {group_by!r}")
    if isinstance(min_group, bool) or not isinstance(min_group, int) or min_group < 1:
        raise ValueError(f"min_group must be a whole number of councils, at least 1, not {min_group!r}")
    if (group_by == "custom") != bool(custom):
        raise ValueError('custom groups are given with group_by="custom", and only then')
    entries = []
    for index, item in enumerate(assessments):
        name, assessment = item if isinstance(item, tuple) else ("", item)
        scored: Scored = (
            contribution_result(bank, assessment)
            if isinstance(assessment, Contribution)
            else score_assessment(bank, assessment, detail=False)
        )
        entries.append(Entry(index, name, assessment, scored))
    assign_keys(entries)

    groups: dict[str, list[Entry]] = {}
    for entry in sorted(entries, key=lambda e: (e.assessment.assessment_date, e.index)):
        groups.setdefault(entry.key, []).append(entry)
    group_of = grouping(group_by, custom)
    outside = [groups.pop(key) for key in [k for k, g in groups.items() if group_of(g[-1].result) is None]]
    entries = [e for e in entries if e.key in groups]
    latest = [group[-1] for group in groups.values()]
    earlier = [entry for group in groups.values() for entry in group[:-1]]

    council_groups = make_groups(bank, latest, group_of, custom)
    group_medians = {g["id"]: medians(g) for g in council_groups}
    rows = [_row(bank, e, group_medians, len(groups[e.key]), group_of) for e in sorted(latest, key=by_council)]
    earlier_rows = [_row(bank, e, group_medians, len(groups[e.key]), group_of) for e in sorted(earlier, key=by_council)]
    hidden = hide_small_groups(council_groups, rows + earlier_rows, min_group) if shareable else []

    like = like_with_like(bank, entries, latest, rows, groups)
    trends = [
        trend(bank, group)
        for group in sorted(groups.values(), key=lambda g: by_council(g[-1]))
        if len({e.assessment.assessment_date for e in group}) >= 2
    ]
    skipped = list(skipped or [])
    yearly = group_trends(bank, entries, council_groups, group_of, min_group if shareable else 0)
    contributions = sum(1 for e in entries if e.source == CONTRIBUTION)
    left_out: list[Outside] = [
        {"key": group[-1].key, "council": group[-1].assessment.council.name, "files": [e.file for e in group]}
        for group in sorted(outside, key=lambda g: by_council(g[-1]))
    ]
    if shareable:
        _for_sharing(rows + earlier_rows, trends, skipped, left_out, hidden)
    comparison: Comparison = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "bank_version": bank.version,
        "quartile_method": QUARTILE_METHOD,
        "themes": [{"id": t.id, "title": t.title} for t in bank.themes],
        "indicators": indicator_columns(bank),
        "labels": bank.labels(),
        "evidence_strengths": strength_names(bank),
        "counts": {
            "files": len(entries) + sum(map(len, outside)) + len(skipped),
            "assessments": len(entries),
            "councils": len(groups),
            "skipped": len(skipped),
            "contributions": contributions,
        },
        "group_by": group_by,
        "rows": rows,
        "earlier": earlier_rows,
        "groups": council_groups,
        "shareable": {"on": shareable, "min_group": min_group if shareable else None, "hidden": hidden},
        "like_with_like": like,
        "coverage": coverage_view(latest),
        "notes": comparison_notes(
            bank,
            like,
            trends,
            group_by=group_by,
            groups=council_groups,
            hidden=hidden,
            min_group=min_group,
            shareable=shareable,
            outside=[council["council"] for council in left_out],
            contributions=(contributions, len(entries)),
            group_trends=yearly,
        ),
        "trends": trends,
        "group_trends": yearly,
        "skipped": skipped,
        "outside": left_out,
        "focus": None,
    }
    if focus:
        comparison["focus"] = position(comparison, focus)
    return comparison


def _for_sharing(
    rows: list[Row], trends: list[Trend], skipped: list[Skipped], outside: list[Outside], hidden: list[HiddenFigures]
) -> None:
    """A report to share names files by their base names (a path names the coordinator's folders, often their
    user name), gives trends without the answers each council changed, and hides each council's scores over
    time of a figure hidden for its group, as hide_small_groups does its latest and earlier scores, and the evidence
    shares of a council in a group whose figures are hidden."""
    for item in (*rows, *skipped):
        item["file"] = base_name(item["file"])
    for council in outside:
        council["files"] = [base_name(name) for name in council["files"]]
    group_of = {row["key"]: row["group"] for row in rows}
    hidden_figures = {h["group"]: set(h["figures"]) for h in hidden}
    for row in rows:
        if hidden_figures.get(row["group"]):
            evidence = row["evidence"]
            evidence["share"] = None
            evidence["strengths"] = dict.fromkeys(evidence["strengths"])
    for council in trends:
        council["files"] = [base_name(name) for name in council["files"]]
        council["changes"] = []
        figures = hidden_figures.get(group_of.get(council["key"], ""), set())
        for figure_id, series in [("overall", council["overall"]), *((t["id"], t) for t in council["themes"])]:
            if figure_id in figures:
                for point in series["points"]:
                    if point["score"] is not None:
                        point["score"], point["hidden"] = None, True
                series["change"] = None


def base_name(path: str) -> str:
    """A file's name without its folders, however the system wrote them."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _row(
    bank: Bank,
    entry: Entry,
    group_medians: dict[str, dict[str, float | None]],
    in_group: int,
    group_of: GroupOf,
) -> Row:
    result, assessment = entry.result, entry.assessment
    council = result["council"]
    overall = result["overall"]
    group = group_of(result) or ""
    medians = group_medians.get(group) or {}  # an earlier assessment of a type no latest one has: no gaps
    return {
        "key": entry.key,
        "identified_by": entry.identified_by,
        "file": entry.file,
        "source": entry.source,
        "council": council.copy(),
        "council_type_name": type_name(bank, council["type"]),
        "nation_name": bank.nations.get(council["nation"], council["nation"]),
        "group": group,
        "assessment_date": result["assessment_date"],
        "bank_version": assessment.bank_version,
        "version_changed": result["changes"]["version_changed"],
        "assessments": in_group,
        "overall": {
            "score": overall["score"],
            "tier": overall["tier"],
            "rated": overall["tier"] is not None,
            "note": overall["rating_note"],
            "risk": overall["risk"],
            "coverage": overall["coverage"],
            "provisional": overall["provisional"],
            "gap": gap_to(overall["score"], medians.get("overall")),
            "hidden": False,
        },
        "themes": [
            {
                "id": theme["id"],
                "score": theme["score"],
                "tier": theme["tier"],
                "rated": theme["rated"],
                "note": theme["rating_note"] or theme["tier_note"],
                "risk": theme["risk"],
                "coverage": theme["coverage"],
                "provisional": theme["provisional"],
                "asked": theme["asked"],
                "answered": theme["answered"],
                "gap": gap_to(theme["score"], medians.get(theme["id"])),
                "hidden": False,
            }
            for theme in result["themes"]
        ],
        "indicators": indicator_figures(bank, entry.indicators, council["nation"], frozenset(council["functions"])),
        "evidence": _evidence_shares(bank, result["themes"]),
    }


def _evidence_shares(bank: Bank, themes: list[Any]) -> RowEvidence:
    """A council's evidence as shares (no text): the themes' counts added up, as the results page does
    (yearly.add_evidence_shares); a contribution's themes carry no strengths, so those shares are unknown (None)."""
    evidence = [theme["evidence"] for theme in themes]
    answered, given = sum(e["answered"] for e in evidence), sum(e["with_evidence"] for e in evidence)
    known = all("strengths" in e for e in evidence)
    return {
        "answered": answered,
        "with_evidence": given,
        "share": fraction(given / answered) if answered else None,
        "strengths": {
            s: fraction(sum(e["strengths"][s]["count"] for e in evidence) / given) if known and given else None
            for s in strength_names(bank)
        },
    }


def indicator_columns(bank: Bank) -> list[IndicatorColumn]:
    """The indicators a comparison's rows may carry, bank order: id, title, theme and counts (id, label, within)."""
    return [
        {
            "id": i.id,
            "title": i.title,
            "theme": i.theme,
            "counts": [{"id": c.id, "label": c.label, "within": c.within} for c in i.counts],
        }
        for i in bank.indicators.values()
    ]


def indicator_figures(
    bank: Bank, raw: Mapping[str, Mapping[str, Any]], nation: str, functions: frozenset[str]
) -> list[RowIndicator]:
    """A council's outcome indicators as a comparison carries them: each indicator shown to it (bank order) with
    the period and each count's value and its share of the count it is part of (indicators.share; None where not
    given)."""
    found: list[RowIndicator] = []
    for indicator in bank.indicators.values():
        if not indicator.shown_to(nation, functions):
            continue
        entry = raw.get(indicator.id) or {}
        values = entry.get("counts", {})
        dated = is_iso_date(entry.get("from")) and is_iso_date(entry.get("to"))
        found.append(
            {
                "id": indicator.id,
                "period": {"from": entry["from"], "to": entry["to"]} if dated else None,
                "counts": [
                    {"id": c.id, "value": values.get(c.id), "share": share(values.get(c.id), values.get(c.within))}
                    for c in indicator.counts
                ],
            }
        )
    return found
