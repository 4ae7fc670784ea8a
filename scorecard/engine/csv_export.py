"""The CSV files: the action plan (with the file's owners, due dates and status) and the comparison.

Shared by the CLI and the browser so both give the same files. Run-time code: standard library only.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any

from .characters import leading_ignorable
from .language import N_, _
from .wording import STATUS_NAMES, cell_state, evidence_text

ACTION_COLUMNS = [  # in English; written in the current language (_)
    N_("Priority"),
    N_("Theme"),
    N_("Question"),
    N_("Question text"),
    N_("Current answer"),
    N_("Aim for"),
    N_("Score gain (points)"),
    N_("Guidance"),
    N_("Owner"),
    N_("Due date"),
    N_("Status"),
    N_("Progress notes"),
    N_("Reason not planned"),
    N_("Answer note"),
    N_("Evidence"),
]
# The columns `scorecard plan import` reads back (plan_csv.py), in English or the current language; the rest
# are for reading.
PLAN_COLUMNS = {
    "owner": N_("Owner"),
    "due": N_("Due date"),
    "status": N_("Status"),
    "note": N_("Progress notes"),
    "reason": N_("Reason not planned"),
}
NOT_ASKED = N_("not asked")
BYTE_ORDER_MARK = "\ufeff"
NOT_ANSWERED = N_("not answered")


def actions_csv(
    result: Mapping[str, Any],
    assessment: dict[str, Any] | None = None,
    site_url: str = "",
    strengths: Mapping[str, str] | None = None,
) -> str:
    """The action plan: one row per action, then plan entries whose question is no longer an action.

    Owner, due date, status, progress notes and reason come from the file's action plan (blank
    where there is none yet), for the council to fill in and read back with `scorecard plan
    import`. Guidance links are absolute when ``site_url`` is given, so they work in a spreadsheet.
    The text starts with a byte order mark, so Excel reads it as UTF-8 (without, Siân opens as SiÃ¢n).
    """
    assessment = assessment or {}
    notes, evidence = assessment.get("notes", {}), assessment.get("evidence", {})
    base = site_url.rstrip("/") + "/guidance/" if site_url else "guidance/"
    out, writer = _writer()
    out.write(BYTE_ORDER_MARK)
    writer.writerow([_(column) for column in ACTION_COLUMNS])
    rows = [(a, a.get("plan") or {}) for a in result["actions"]]
    rows += [(None, entry) for entry in result.get("action_plan", []) if entry["priority"] is None]
    for action, plan in rows:
        if action is None:
            qid = plan["question"]
            cells = [
                "",
                plan["theme_title"],
                qid,
                spreadsheet_safe(plan["text"]),
                spreadsheet_safe(plan["current"]),
                "",
                "",
                "",
            ]
        else:
            qid = action["question"]
            links = [*action["guidance"], action["next_tier_guidance"]]
            cells = [
                action["priority"],
                action["theme_title"],
                qid,
                spreadsheet_safe(action["text"]),
                spreadsheet_safe(action["current"]),
                spreadsheet_safe(action["best"]),
                action["gain"],
                spreadsheet_safe(" ".join(base + link.replace(".md", ".html") for link in dict.fromkeys(links))),
            ]
        cells += [
            spreadsheet_safe(plan.get("owner", "")),
            plan.get("due", ""),
            _(STATUS_NAMES[plan["status"]]) if plan else "",
            spreadsheet_safe(plan.get("note", "")),
            spreadsheet_safe(plan.get("reason", "")),
            spreadsheet_safe(notes.get(qid, "")),
            spreadsheet_safe(evidence_text(evidence.get(qid), strengths)),
        ]
        writer.writerow(cells)
    return out.getvalue()


PART_COLUMNS = [  # a figure's columns (the overall's, or a theme's), in English; written in the current language (_)
    N_("%(figure)s score"),
    N_("%(figure)s tier"),
    N_("%(figure)s risk"),
    N_("%(figure)s coverage (%%)"),
    N_("%(figure)s provisional"),
    N_("%(figure)s gap to group median"),
]
COMPARISON_COLUMNS = [
    N_("Council"),
    N_("Council code"),
    N_("ONS code"),
    N_("Nation"),
    N_("Council type"),
    N_("Functions changed"),
    N_("Region"),
    N_("Comparison group"),
    N_("Assessment date"),
    N_("Bank version"),
    N_("File"),
    N_("Assessments"),
]


def comparison_csv(result: Mapping[str, Any]) -> str:
    """One row per council (its latest assessment); per theme: score, tier, risk, coverage, provisional, gap; then the
    share of answers with evidence and the share of that evidence at each strength (shares only, never its text).

    The gap is to the median of the council's group (nation and council type, by default); in a
    comparison made for sharing, gaps to figures hidden for small groups are blank.
    """
    tiers, risks = result["labels"]["tiers"], result["labels"]["risks"]
    groups = {g["id"]: g["title"] for g in result["groups"]}
    header = [_(column) for column in COMPARISON_COLUMNS]
    for title in [_("Overall")] + [t["title"] for t in result["themes"]]:
        header += [_(column) % {"figure": title} for column in PART_COLUMNS]
    strengths = result["evidence_strengths"]  # shares only: no evidence text leaves the files
    header += [_("Evidence share (%)")] + [
        _("Evidence %(strength)s (%% of evidence)") % {"strength": name.lower()} for name in strengths.values()
    ]

    def part(p: dict[str, Any]) -> list[Any]:
        if cell_state(p) in ("not_asked", "not_answered"):
            return [
                "",
                _(NOT_ASKED) if cell_state(p) == "not_asked" else _(NOT_ANSWERED),
                "",
                _figure(p["coverage"], 100),
                "",
                "",
            ]
        return [
            _figure(p["score"]),
            tiers[p["tier"]] if p["tier"] else _("not rated: %(why)s") % {"why": p["note"]},
            risks[p["risk"]] if p["risk"] else _("not rated"),
            _figure(p["coverage"], 100),
            _("yes") if p["provisional"] else _("no"),
            _figure(p["gap"]),
        ]

    out, writer = _writer()
    writer.writerow(header)
    for row in result["rows"]:
        council = row["council"]
        added, removed = council.get("functions_added", []), council.get("functions_removed", [])
        changed = [
            part
            for part in (
                _("added %(functions)s") % {"functions": ", ".join(added)} if added else "",
                _("removed %(functions)s") % {"functions": ", ".join(removed)} if removed else "",
            )
            if part
        ]
        cells = [
            spreadsheet_safe(council["name"]),
            council.get("code", ""),
            council["ons_code"],
            row["nation_name"],
            row["council_type_name"],
            "; ".join(changed),
            spreadsheet_safe(council["region"]),
            groups.get(row["group"], ""),
            row["assessment_date"],
            spreadsheet_safe(row["bank_version"]),
            spreadsheet_safe(row["file"]),
            row["assessments"],
        ]
        cells += part(row["overall"])
        for theme in row["themes"]:
            cells += part(theme)
        evidence = row["evidence"]
        cells += [_figure(evidence["share"], 100)] + [_figure(evidence["strengths"][s], 100) for s in strengths]
        writer.writerow(cells)
    return out.getvalue()


def open_figures_csv(release: dict[str, Any]) -> str:
    """Open figures (comparison/open_figures.py) as CSV: one row per group and figure, the columns of its data
    dictionary."""
    columns = [entry["column"] for entry in release["dictionary"]]
    out, writer = _writer()
    writer.writerow(columns)
    for cell in release["figures"]:
        values = {
            "group_id": cell["group"],
            "group": spreadsheet_safe(cell["group_title"]),
            "group_kind": cell["group_kind"],
            "figure_id": cell["figure"],
            "figure": cell["figure_title"],
            "councils_counted": cell["councils_counted"],
            "provisional_counted": "" if cell["provisional_counted"] is None else cell["provisional_counted"],
            "not_rated_left_out": cell["not_rated_left_out"],
            "published": "yes" if cell["published"] else "no",
            "hidden_because": cell["hidden_because"],
            "median": _figure(cell["median"]),
            "lower_quartile": _figure(cell["lower_quartile"]),
            "upper_quartile": _figure(cell["upper_quartile"]),
            "councils": " ".join(spreadsheet_safe(c) for c in cell["councils"]),
        }
        for tier, figures in cell["tiers"].items():
            values[f"{tier}_councils"] = "" if figures["councils"] is None else figures["councils"]
            values[f"{tier}_percent"] = "" if figures["percent"] is None else figures["percent"]
        writer.writerow([values[c] for c in columns])
    return out.getvalue()


SIMILAR_COLUMNS = ["group", "code", "name", "type", "population", "area_km2", "density_per_km2", "z_population",
                   "z_density", "distance"]  # fmt: skip


def similar_csv(similar: dict[str, Any], group: dict[str, Any]) -> str:
    """A council and its similar councils with their figures, the council first: a groups file as it stands
    (comparison/groups_file.py reads the group and code columns), for a coordinator to edit."""
    out, writer = _writer()
    writer.writerow(SIMILAR_COLUMNS)
    for council in [{**similar["council"], "distance": 0.0}, *similar["neighbours"]]:
        writer.writerow(
            [spreadsheet_safe(group["title"]), council["code"], spreadsheet_safe(council["name"]), council["type"],
             council["population"], council["area"], council["density"], council["z_population"],
             council["z_density"], council["distance"]]
        )  # fmt: skip
    return out.getvalue()


def dictionary_csv(release: dict[str, Any]) -> str:
    """The open figures' data dictionary as CSV: column, type, meaning."""
    out, writer = _writer()
    writer.writerow(["column", "type", "meaning"])
    for entry in release["dictionary"]:
        writer.writerow([entry["column"], entry["type"], entry["meaning"]])
    return out.getvalue()


def _figure(value: float | None, scale: int = 1) -> float | str:
    """A score, gap or percentage as a float (rounded to 0.1 when scaled), blank when there is none.

    The browser passes the comparison back through JavaScript, where 100.0 arrives as 100: the
    float() keeps the site's CSV the same as the command line's ("100.0", not "100").
    """
    if value is None:
        return ""
    return float(round(scale * value, 1)) if scale != 1 else float(value)


FORMULA_START = ("=", "+", "-", "@")


def spreadsheet_safe(text: str) -> str:
    """Stop spreadsheet programs reading a cell as a formula (CSV injection): an apostrophe first.

    `scorecard plan import` takes the apostrophe off again exactly when ``needs_guard`` says the
    rest needed it, so a cell comes back as it was written, an officer's own leading apostrophe too.
    """
    return "'" + text if needs_guard(text) else text


def needs_guard(text: str) -> bool:
    """Whether a cell needs the apostrophe: it starts like a formula, even after spaces, control characters
    (a NUL) or invisible ones a spreadsheet may skip, or after apostrophes of the text's own (which the
    guard's removal would otherwise take for the guard)."""
    rest = text.lstrip("'")
    start = leading_ignorable(rest)
    return rest[:1] in ("\t", "\r") or rest[start : start + 1] in FORMULA_START


def _writer() -> tuple[io.StringIO, Any]:
    """A CSV writer with the line ends spreadsheet programs expect."""
    out = io.StringIO()
    return out, csv.writer(out, lineterminator="\r\n")
