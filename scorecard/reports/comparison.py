"""Rendering a regional comparison (``scorecard.engine.comparison``) as text or HTML, for the CLI.

Every renderer reads only the comparison dict, so what the CLI prints and what the browser
shows come from the same numbers. In text, names from the files stay on their one line
(characters.one_line), so no file can add lines of its own to the report. The text's words are in the language the
engine writes in (engine/language.py: `scorecard compare --lang`). The CSV, which the browser writes too, is in
``engine/csv_export.py``.
"""

from __future__ import annotations

import textwrap
from typing import Any

from ..engine.characters import one_line
from ..engine.language import _
from ..engine.wording import cell_state, councils, gap, num, pct
from .html import render

# Light backgrounds, lowest tier first, all readable with near-black text (WCAG AA). The tier
# name is always written in the cell as well: the colour is never the only signal.
TIER_COLOURS = ["#f6c8c3", "#fbe3a7", "#d3eac4", "#a9d8b9"]


def tier_abbreviations(result: dict[str, Any]) -> dict[str, str]:
    """One letter per tier (B, E, S, M) when the first letters differ, else the first letter of each word when those
    differ (Welsh: CCS, CC, CS, AA), else the tier ids."""
    names = result["labels"]["tiers"]
    for letters in (
        {tier_id: name[:1].upper() for tier_id, name in names.items()},
        {tier_id: "".join(word[:1].upper() for word in name.split()) for tier_id, name in names.items()},
    ):
        if len(set(letters.values())) == len(letters):
            return letters
    return {t: t for t in names}


# --- text ---------------------------------------------------------------------------------


def comparison_text(result: dict[str, Any], width: int = 100) -> str:
    """The heatmap as a fixed-width table, then gaps, notes, trends and skipped files."""
    counts = result["counts"]
    themes = result["themes"]
    abbr = tier_abbreviations(result)
    names = result["labels"]["tiers"]
    had = counts["contributions"]
    said = {
        "councils": counts["councils"],
        "assessments": counts["assessments"],
        "contributions": had,
        "whole": counts["assessments"] - had,
        "version": result["bank_version"],
    }
    lines = [
        (
            _(
                "Regional comparison: %(councils)s council(s), %(assessments)s assessment(s) (%(contributions)s "
                "benchmark contribution(s), %(whole)s whole file(s)), scored with question bank %(version)s."
            )
            if had
            else _(
                "Regional comparison: %(councils)s council(s), %(assessments)s assessment(s), scored with question "
                "bank %(version)s."
            )
        )
        % said
    ]

    def wrap(text: str, indent: str = "") -> list[str]:
        return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent and " " * len(indent))

    if not result["rows"]:
        lines.append(_("No assessments could be compared."))
    else:
        legend = _(
            "Latest assessment of each council. Each cell: score and tier (%(tiers)s); * provisional (not every "
            "question answered; counted in the medians); ? a score without a tier (not enough answered to rate, left "
            "out of the medians); n/a not asked of this council; - not answered."
        ) % {"tiers": ", ".join(f"{abbr[t]} = {n}" for t, n in names.items())}
        grouped = {
            "type": _("Grouped by nation and council type: each group has its own median and quartiles."),
            "custom": _("Grouped as given: each group has its own median and quartiles."),
        }.get(result["group_by"]) or _("All councils in one group.")
        sharing = (
            " "
            + _(
                "For sharing: group figures drawn from fewer than %(count)s councils are hidden, and each council's "
                "own score of them (~: the tier is shown)."
            )
            % {"count": result["shareable"]["min_group"]}
            if result["shareable"]["on"]
            else ""
        )
        lines += wrap(f"{legend} {grouped}{sharing}")
        lines += wrap(_("Themes: %(themes)s.") % {"themes": "; ".join(f"{t['id']} = {t['title']}" for t in themes)})
        lines.append("")
        lines += _text_table(result, abbr)
    lines += _text_focus(result, wrap)
    lines += _text_notes(result, wrap)
    lines += _text_coverage(result, wrap)
    lines += _text_trends(result, abbr, wrap)
    lines += _text_group_trends(result)
    if result["skipped"]:
        lines += ["", _("Skipped files (%(count)s):") % {"count": len(result["skipped"])}]
        for skipped in result["skipped"]:
            lines.append(f"  {one_line(skipped['file'])}:")
            for problem in skipped["problems"]:
                lines += wrap(problem, "    - ")
    return "\n".join(lines)


def _fit(text: str, size: int) -> str:
    text = " ".join(one_line(text).split())  # a line break in a council's name must not break the table
    return text if len(text) <= size else text[: size - 1] + "…"


def _text_table(result: dict[str, Any], abbr: dict[str, str]) -> list[str]:
    """One table per group (nation and council type, or all councils): rows, the group's figures, gaps."""
    council, kind, assessed, hidden = _("Council"), _("Type"), _("Assessed"), _("hidden")
    name_w = min(max([len(council)] + [len(r["council"]["name"]) for r in result["rows"]]), 36)
    keys = ["overall"] + [t["id"] for t in result["themes"]]
    col_w = {key: max(len(key), 9) for key in keys}

    def cell(part: dict[str, Any]) -> str:
        state = cell_state(part)
        if state == "not_asked":
            return "   n/a"
        if state == "not_answered":
            return "     -"
        if state == "not_rated":
            return f"{part['score']:6.1f} ?"
        if state == "hidden":
            return f"{'~':>6} {abbr[part['tier']] if part['tier'] is not None else '?'}{'*' if part['provisional'] else ''}"
        return f"{part['score']:6.1f} {abbr[part['tier']]}{'*' if part['provisional'] else ''}"

    def line(first: str, kind: str, date: str, values: list[str]) -> str:
        head = f"{_fit(first, name_w):<{name_w}}  {kind:<14}  {date:<10}"
        return (head + "  " + "  ".join(f"{v:<{col_w[k]}}" for k, v in zip(keys, values, strict=True))).rstrip()

    def figure(stats: dict[str, Any], field: str) -> str:
        return hidden if stats.get("hidden") else f"{num(stats[field]):>6}"

    headings = [_("Overall")] + keys[1:]
    out: list[str] = []
    for group in result["groups"]:
        rows = [row for row in result["rows"] if row["group"] == group["id"]]
        out += [
            f"{group['title']} ({councils(group['councils'])}):",
            "",
        ]
        out.append(line(council, kind, assessed, headings))
        for row in rows:
            out.append(
                line(
                    row["council"]["name"],
                    row["council"]["type"],
                    row["assessment_date"],
                    [cell(row["overall"])] + [cell(t) for t in row["themes"]],
                )
            )
        stats = [group["stats"]["overall"]] + group["stats"]["themes"]
        out.append("")
        for label, field in [
            (_("Median"), "median"),
            (_("Lower quartile"), "lower_quartile"),
            (_("Upper quartile"), "upper_quartile"),
            (_("Lowest"), "min"),
            (_("Highest"), "max"),
        ]:
            out.append(line(label, "", "", [figure(s, field) for s in stats]))
        out.append(line(_("Councils counted (n)"), "", "", [f"{s['n']:>6}" for s in stats]))
        out += [
            "",
            _("Gap to the group's median (score minus median, points):"),
            line(council, kind, assessed, headings),
        ]
        for row in rows:
            out.append(
                line(
                    row["council"]["name"],
                    row["council"]["type"],
                    row["assessment_date"],
                    [f"{gap(row['overall']['gap']):>6}"] + [f"{gap(t['gap']):>6}" for t in row["themes"]],
                )
            )
        out.append("")
    return out[:-1]


def _text_focus(result: dict[str, Any], wrap) -> list[str]:
    """Where the council compared with its similar councils stands, figure by figure, in words."""
    focus = result["focus"]
    if not focus:
        return []
    out = [
        "",
        _("Where %(council)s stands in %(group)s:")
        % {"council": one_line(focus["council"]), "group": one_line(focus["group_title"])},
    ]
    for figure in focus["figures"]:
        out += wrap(figure["words"], "  - ")
    return out


def _text_notes(result: dict[str, Any], wrap) -> list[str]:
    if not result["notes"]:
        return []
    out = ["", _("Like with like:")]
    for note in result["notes"]:
        out += wrap(note, "  - ")
    return out


def _text_coverage(result: dict[str, Any], wrap) -> list[str]:
    """For coordinators: what each council still lacks before its themes, and so its overall, can be rated."""
    lacking = [c for c in result["coverage"] if c["missing"]]
    if not lacking:
        return []
    out = ["", _("What is missing before each council can be rated:")]
    for council in lacking:
        out += wrap(
            _("%(council)s (%(date)s): %(rated)s of %(count)s themes rated, %(share)s of the questions answered.")
            % {
                "council": one_line(council["council"]) or _("Council name not given"),
                "date": council["assessment_date"],
                "rated": council["rated_themes"],
                "count": council["themes"],
                "share": pct(council["coverage"]),
            },
            "  ",
        )
        for missing in council["missing"]:
            out += wrap(f"{missing['title']}: {missing['note']}", "    - ")
    return out


def _text_trends(result: dict[str, Any], abbr: dict[str, str], wrap) -> list[str]:
    if not result["trends"]:
        return []
    out = ["", _("Progress over time:")]
    titles = [(_("Overall"), None)] + [(t["title"], i) for i, t in enumerate(result["themes"])]
    title_w = min(max(len(title) for title, _ in titles), 34)
    for trend in result["trends"]:
        versions = list(dict.fromkeys(trend["bank_versions"]))
        out += [
            "",
            f"{one_line(trend['council'])}: "
            + " -> ".join(trend["dates"])
            + (
                " " + _("(question bank %(versions)s)") % {"versions": " -> ".join(trend["bank_versions"])}
                if len(versions) > 1
                else ""
            ),
        ]
        for title, index in titles:
            series = trend["overall"] if index is None else trend["themes"][index]
            points = []
            for point in series["points"]:
                if point["hidden"]:  # a report for sharing hides the score, not the tier
                    points.append(f"~ {abbr[point['tier']] if point['tier'] is not None else '?'}")
                elif point["score"] is None:
                    points.append("-")
                elif point["tier"] is None:
                    points.append(f"{num(point['score'])} ?")
                else:
                    points.append(f"{num(point['score'])} {abbr[point['tier']]}{'*' if point['provisional'] else ''}")
            change = f"  ({gap(series['change'])})" if series["change"] is not None else ""
            target = ""
            if series.get("target"):
                short = series["tiers_to_target"]
                reached = (
                    _("reached")
                    if short == 0
                    else _("no tier yet")
                    if short is None
                    else _("%(count)s tier(s) to go") % {"count": short}
                )
                target = "  " + _("target %(tier)s: %(reached)s") % {"tier": abbr[series["target"]], "reached": reached}
            if any(p != "-" for p in points):
                out.append(f"  {_fit(title, title_w):<{title_w}}  " + " -> ".join(points) + change + target)
        for change in trend["changes"]:
            answers = change["answers"]
            dates = {"from": change["from_date"], "to": change["to_date"]}
            if not change["known"]:
                out.append("  " + _("Answers changed %(from)s -> %(to)s: not known (no answers sent)") % dates)
                continue
            out.append(
                "  "
                + _("Answers changed %(from)s -> %(to)s: %(count)s") % {**dates, "count": len(answers) or _("none")}
            )
            for answer in answers:
                out += wrap(f"{answer['question']} {answer['text']}", "    ")
                out += wrap(_("was: %(answer)s") % {"answer": answer["from"]}, "        ")
                out += wrap(_("now: %(answer)s") % {"answer": answer["to"]}, "        ")
    return out


def _text_group_trends(result: dict[str, Any]) -> list[str]:
    """Each group's median by year, overall and per theme."""
    if not result["group_trends"]:
        return []
    out = [
        "",
        _(
            "Groups over time (median of the latest assessment of each council in the year; n councils counted: rated "
            "ones, provisional included; a score without a tier is left out):"
        ),
    ]
    titles = {t["id"]: t["title"] for t in result["themes"]}
    for group in result["group_trends"]:
        out += ["", f"{one_line(group['title'])}: " + " -> ".join(y["year"] for y in group["years"])]
        rows = [(_("Overall"), [y["overall"] for y in group["years"]])] + [
            (titles[theme["id"]], [y["themes"][i] for y in group["years"]])
            for i, theme in enumerate(group["years"][0]["themes"])
        ]
        for title, figures in rows:
            shown = [_("hidden") if f["hidden"] else f"{num(f['median'])} (n {f['n']})" for f in figures]
            out.append(f"  {_fit(title, 34):<34}  " + " -> ".join(shown))
    return out


# --- HTML ---------------------------------------------------------------------------------


def comparison_html(result: dict[str, Any], lang: str = "en-GB") -> str:
    """A standalone page: inline CSS, no scripts, no external addresses; every value escaped. ``lang``: the language
    the engine writes in (its words are), for <html lang>."""
    tier_ids = list(result["labels"]["tiers"])
    colours = tier_colours(len(tier_ids))
    context = {
        "r": result,
        "lang": lang,
        "tiers": [
            {"id": t, "name": result["labels"]["tiers"][t], "index": i, "colour": colours[i]}
            for i, t in enumerate(tier_ids)
        ],
        "tier_index": {t: i for i, t in enumerate(tier_ids)},
        "state": cell_state,
        "trend_rows": lambda trend: (
            [(_("Overall"), trend["overall"])]
            + [(t["title"], t) for t in trend["themes"] if any(p["score"] is not None for p in t["points"])]
        ),
    }
    return render("compare.html.j2", {"num": num, "gap": gap, "pct": pct}, **context)


def tier_colours(count: int) -> list[str]:
    """Each tier's background, lowest first: in this report and on the site's Compare page."""
    return _spread(TIER_COLOURS, count)


def _spread(palette: list[str], n: int) -> list[str]:
    """n colours from the palette, lowest and highest tier always at its two ends."""
    if n <= 1:
        return palette[-1:] * n
    return [palette[round(i * (len(palette) - 1) / (n - 1))] for i in range(n)]
