"""Plain-text rendering of a scored assessment, for the terminal.

Text from the file (the council's name and region) is kept on its one line (characters.one_line):
a line break in a name must not start a report line of its own. Its words are in the language the
engine writes in (engine/language.py: `scorecard score --lang`).
"""

from __future__ import annotations

from typing import Any

from ..engine import Bank
from ..engine.characters import one_line
from ..engine.indicators import indicators_recorded
from ..engine.language import _
from ..engine.wording import pct


def text_report(result: dict[str, Any], bank: Bank, max_actions: int = 10) -> str:
    labels = result["labels"]
    tiers, risks, exposure = labels["tiers"], labels["risks"], labels["exposure"]
    council = result["council"]
    lines = [
        f"{one_line(council['name']) or _('Council name not given')} ({labels['council_types'][council['type']]}, {labels['nations'][council['nation']]})"
        + (f", {one_line(council['region'])}" if council["region"] else ""),
        (
            _("Assessed %(date)s against question bank %(version)s (scored with %(scored_with)s)")
            if result["changes"]["version_changed"]
            else _("Assessed %(date)s against question bank %(version)s")
        )
        % {
            "date": result["assessment_date"],
            "version": result["assessment_bank_version"],
            "scored_with": result["bank_version"],
        },
    ]
    for key, said in (
        ("functions_added", _("Also runs (corrected from the defaults for its type): %(functions)s")),
        ("functions_removed", _("Does not run (corrected from the defaults for its type): %(functions)s")),
    ):
        if council[key]:
            lines.append(said % {"functions": ", ".join(labels["functions"][f] for f in council[key])})
    failed = [(t, g) for t in result["themes"] for g in t["gates"] if g["status"] in ("not_met", "contradicted")]
    if failed:
        lines += ["", _("Legal duties not met (each holds its theme at the lowest tier):")]
        gate_words = {"not_met": _("not met"), "contradicted": _("contradicted")}
        lines += [f"  [{g['question']}] {t['title']}: {g['law']} ({gate_words[g['status']]})" for t, g in failed]
    missing = [(t, e) for t in result["themes"] for e in t["essentials"] if e["status"] == "not_met"]
    if missing:
        lines += ["", _("Essential controls not in place (each holds its theme at the lowest tier):")]
        lines += [f"  [{e['question']}] {t['title']}: {e['control']}" for t, e in missing]
    w = max([36] + [len(t["title"]) for t in result["themes"]])  # the title column fits the longest title
    heads = [_("Theme"), _("Score"), _("Tier"), _("Exposure"), _("Residual risk"), _("Coverage")]
    lines += ["", "{:<{w}} {:>5}  {:<22} {:<16} {:<22} {}".format(*heads, w=w)]
    not_rated, not_scored = _("not rated"), _("not scored")  # (marked outside f-strings: Babel reads no _ in one)

    def row(title: str, part: dict[str, Any], exposure_id: str | None, risk_rated: bool = True) -> str:
        risk = risks[part["risk"]] if part.get("risk") else (not_rated if risk_rated else _("not risk-rated"))
        place = exposure[exposure_id] if exposure_id else (not_rated if risk_rated else _("none asked"))
        if part["score"] is None:
            return f"{title:<{w}} {'-':>5}  {not_scored:<22} {place:<16} {'':<22} {pct(part['coverage'])}"
        mark = " (" + _("provisional") + ")" if part["provisional"] else ""
        tier = tiers[part["tier"]] if part["tier"] else not_rated
        return f"{title:<{w}} {part['score']:>5.1f}  {tier:<22} {place:<16} {risk:<22} {pct(part['coverage'])}{mark}"

    notes = []
    for theme in result["themes"]:
        if theme["asked"] == 0 and theme["not_asked"] == 0:
            lines.append(f"{theme['title']:<{w}} {'-':>5}  " + _("not for this council"))
            continue
        lines.append(row(theme["title"], theme, theme["exposure"], theme["risk_rated"]))
        for note in (theme["tier_note"], theme["rating_note"]):
            if note and theme["score"] is not None:
                notes.append(f"  {theme['title']}: {note}")
    overall = result["overall"]
    lines.append(row(_("Overall"), overall, None))
    lines += [f"  {note}" for note in (overall["weakest_note"], overall["rating_note"]) if note]
    lines += notes
    lines.append(f"  {labels['tier_names_note']}")
    waiting = [
        f"{theme['title']}: " + ", ".join(n["question"] for n in theme["context_needed"])
        for theme in result["themes"]
        if theme["exposure"] is None and theme["context_needed"]
    ]
    if waiting:
        lines.append(
            _("Exposure not rated until these local context questions are answered: %(waiting)s")
            % {"waiting": "; ".join(waiting)}
        )
    for found in result.get("contradictions", []):
        lines.append(
            _("Contradiction (%(first)s and %(second)s): %(message)s")
            % {"first": found["when"]["question"], "second": found["claims"]["question"], "message": found["message"]}
        )
    for duty in result.get("duties_by_date", []):
        lines.append(_("Legal duty by date: %(message)s") % {"message": duty["message"]})
    lines.append("")

    changes = result["changes"]
    if changes["council_type_from"]:
        lines.append(f"Council type {changes['council_type_from']!r} of an older bank is now {council['type']!r}.")
    for carried in changes["carried_over"]:
        lines.append(f"Carried over: the answer to {carried['from']} now answers {carried['to']}.")
    for entry in changes["set_aside"]:
        lines.append(f"Set aside: {entry['message']}")
    if changes["set_aside_total"] > len(changes["set_aside"]):
        lines.append(f"Set aside: {changes['set_aside_total'] - len(changes['set_aside'])} more, all kept in the file.")
    for retired in changes["retired"]:
        lines.append(
            f"Retired question {retired['question']} kept with its answer {retired['answer']!r}. {retired['reason']}".rstrip()
        )

    lines += _indicator_lines(result.get("indicators", []))
    actions = result["actions"]
    lines.append(
        _("Top actions (%(shown)s of %(count)s):") % {"shown": min(len(actions), max_actions), "count": len(actions)}
        if actions
        else _("No actions: every question is answered, with the best answer.")
    )
    part = None
    for action in actions[:max_actions]:
        if action["part"] != part:
            part = action["part"]
            lines.append(f"  {labels['action_parts'][part]}")
        duty = " " + _("Legal duty: %(laws)s.") % {"laws": "; ".join(action["gates"])} if action["gates"] else ""
        control = (
            " " + _("Essential control: %(control)s.") % {"control": action["essential"]} if action["essential"] else ""
        )
        more = (
            " " + _("(its follow-up questions could add %(gain)s)") % {"gain": action["follow_up_gain"]}
            if action["follow_up_gain"]
            else ""
        )
        gain = _("+%(gain)s points to %(theme)s") % {"gain": action["gain"], "theme": action["theme_title"]}
        lines += [
            f"{action['priority']:>3}. [{action['question']}] {gain}{more}",
            f"     {action['text']}",
            "     "
            + _("Now: %(current)s. Aim for: %(best)s.") % {"current": action["current"], "best": action["best"]}
            + duty
            + control,
            "     " + _("Guidance: %(link)s") % {"link": f"guidance/{action['guidance'][0]}"},
        ]
    if result["unanswered"]:
        lines += [
            "",
            _("%(count)s question(s) still to answer: %(questions)s")
            % {"count": len(result["unanswered"]), "questions": ", ".join(u["question"] for u in result["unanswered"])},
        ]
    return "\n".join(lines)


def _indicator_lines(entries: list[dict[str, Any]]) -> list[str]:
    """Outcome indicators, beside the scores and never scored: each count as read, with the change since last year."""
    if not entries:
        return []
    lines = [_("Outcome indicators (%(recorded)s; not scored):") % {"recorded": indicators_recorded(entries)}]
    for entry in entries:
        if not (entry["recorded"] or entry["problems"] or entry["previous_period"]):
            lines.append(f"  {entry['id']} {entry['title']}: " + _("not recorded"))
            continue
        period = entry["period_text"] or _("period not given")
        lines.append(f"  {entry['id']} {entry['title']} ({period})")
        if entry["problems"]:
            lines.append("     " + _("Set aside, not used: %(problems)s") % {"problems": "; ".join(entry["problems"])})
        for count in entry["counts"]:
            lines.append(f"     {count['label']}: {count['text']}; {count['trend']}")
    return [*lines, ""]
