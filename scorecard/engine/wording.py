"""Every sentence and figure the engine writes for people: the same in the notes, the reports, the CSV
and the site (site/assets/js/format.js writes figures and dates exactly as pct, score, num, gap and long_date do:
tests/test_format_js.py pins it).

One place for the English: the sentences other languages are given are marked for gettext (language.py) and
translated as they are written, in the language the caller chose; the figures are written the same in every
language.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .language import N_, _, counted, ngettext

if TYPE_CHECKING:
    from .bank import Bank


def pct(value: float | None) -> str:
    """A coverage fraction as a whole percentage (0.625 -> "62%"); "-" when there is none."""
    return "-" if value is None else f"{round(100 * value)}%"


def score(value: float | None) -> str:
    """A score, to one decimal place (54.6, 100.0); "-" when there is none."""
    return "-" if value is None else f"{value:.1f}"


def answer_ids(value: Any) -> str:
    """An answer as written in the file: an option id, or the ids of a multi-select answer."""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or _("none chosen")
    return str(value)


def set_aside_message(entry: Mapping[str, Any], bank_version: str) -> str:
    """What an officer is told about an answer set aside, and what to do about it."""
    values = {"question": entry["question"], "version": bank_version}
    if entry["answer"] is not None:
        values["answer"] = answer_ids(entry["answer"])
    if entry["reason"] == "kept_aside":
        return (
            _(
                "An answer to %(question)s (%(answer)s) is kept aside in the file, not scored, though %(question)s is a "
                "question of question bank %(version)s. Answer %(question)s (and remove the kept answer once you have)."
            )
            % values
        )
    if entry["reason"] == "unknown_option":
        return (
            _(
                "Your answer to %(question)s (%(answer)s) is not one of its options in question bank %(version)s, so it is "
                "set aside: kept in the file, not scored. Answer %(question)s again."
            )
            % values
        )
    if entry["answer"] is not None and entry["note"]:
        said = _(
            "%(question)s (%(answer)s) is not a question in question bank %(version)s, so its answer and note are set "
            "aside: kept in the file, not scored."
        )
    elif entry["note"]:
        said = _(
            "%(question)s is not a question in question bank %(version)s, so its note is set aside: kept in the file, "
            "not scored."
        )
    elif entry["answer"] is not None:
        said = _(
            "%(question)s (%(answer)s) is not a question in question bank %(version)s, so its answer is set aside: "
            "kept in the file, not scored."
        )
    else:
        said = _(
            "%(question)s is not a question in question bank %(version)s, so its answer is set aside: kept in the "
            "file, not scored."
        )
    return (
        said % values
        + " "
        + _(
            "If the file came from a newer version of the scorecard, score it with that version; otherwise you can "
            "remove it."
        )
    )


ENTRY_WORDS = {  # the yearly cycle's entries by section, "%(key)s" the rest of the entry's key
    "evidence": N_("The evidence for %(key)s"),
    "action_plan": N_("The action plan entry for %(key)s"),
    "assignments": N_("Who answers %(key)s"),
    "targets": N_("The target tier for %(key)s"),
    "sign_off": N_("The sign-off"),
    "previous": N_("Last year's answers"),
    "indicators": N_("The entry for outcome indicator %(key)s"),
}


def entry_set_aside_message(key: str, problems: list[str]) -> str:
    """What an officer is told about an entry of the yearly cycle that cannot be used (engine/cycle.py)."""
    section, _dot, rest = key.partition(".")
    return _(
        "%(entry)s is set aside: kept in the file as it was, but not used until it is corrected (%(problems)s)."
    ) % {
        "entry": _(ENTRY_WORDS[section]) % {"key": rest},
        "problems": "; ".join(problems),
    }


def left_out_text(entry: dict[str, Any]) -> str:
    """What a merge left out of a file taken for some themes only (engine/merge.py)."""
    counts = [
        (entry["answers"], counted(entry["answers"], "%(count)s answer", "%(count)s answers")),
        (entry["notes"], counted(entry["notes"], "%(count)s note", "%(count)s notes")),
        (entry["evidence"], counted(entry["evidence"], "%(count)s piece of evidence", "%(count)s pieces of evidence")),
        (entry["action_plan"], counted(entry["action_plan"], "%(count)s action", "%(count)s actions")),
        (
            entry.get("review_marks", 0),
            counted(entry.get("review_marks", 0), "%(count)s peer review mark", "%(count)s peer review marks"),
        ),
    ]
    kept = [text for n, text in counts if n]
    return _("%(file)s: only the themes chosen (%(themes)s) were taken: %(counts)s of other themes left out") % {
        "file": entry["file"],
        "themes": ", ".join(entry["themes"]),
        "counts": and_list(kept),
    }


def shown_time(at: str) -> str:
    """A provenance time as a person reads it: 2026-11-02T10:15:00.000Z -> 2026-11-02 10:15 UTC."""
    date, _t, time = at.partition("T")
    zone = " UTC" if time.endswith("Z") else (" " + time[-6:] if time[-6:-5] in "+-" else "")
    return f"{date} {time[:5]}{zone}".strip()


def time_taken_as_now_message(key: str, at: str) -> str:
    """What an officer is told about a change time after now (engine/times.py)."""
    return _(
        "The time recorded for the last change to %(key)s (%(time)s) is after now: a computer's clock set wrong, or "
        "an edited file? It is taken as now, so it cannot win over changes made later."
    ) % {"key": key, "time": shown_time(at)}


def num(value: float | None) -> str:
    """A score or statistic: one decimal place, two when the value has them (a median of 52.35)."""
    if value is None:
        return "-"
    text = f"{value:.2f}"
    return text[:-1] if text.endswith("0") else text


def gap(value: float | None) -> str:
    """A signed gap to the median: +3.5, -12.0, 0.0."""
    if value is None:
        return "-"
    text = num(abs(value))
    return "0.0" if text in ("0.0", "0.00") else ("+" if value > 0 else "-") + text


def signed(value: float) -> str:
    """A change in score: +4.2, -3.0, 0.0."""
    return gap(value)


MONTHS = (  # the site's JavaScript translates the same names (js/format.js): one catalogue entry each
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)


ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def iso_day(text: str) -> datetime.date | None:
    """The day a YYYY-MM-DD text names; None for any other text, a date that does not exist (2026-04-31) among it."""
    if not ISO_DAY.fullmatch(text):
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def long_date(iso: str) -> str:
    """2026-12-01 -> 1 December 2026 (as GOV.UK writes dates), 1 Rhagfyr 2026 in Welsh (the CLDR's long date for
    cy, which the site's Welsh pages write through Babel); any text that is not a day (iso_day) is returned as it
    is. site/assets/js/format.js longDate writes the same, with the same month names from the same catalogue."""
    date = iso_day(iso)
    return iso if date is None else f"{date.day} {_(MONTHS[date.month - 1])} {date.year}"


def cell_state(part: dict[str, Any]) -> str:
    """How a comparison cell is written: 'scored' (a score and a tier), 'not_rated' (a provisional score without a
    tier), 'hidden' (a shared report hides the score, not the tier or why there is none), 'not_asked' (nothing
    applies to this council) or 'not_answered'."""
    if part.get("hidden"):
        return "hidden"
    if part["score"] is not None:
        return "scored" if part["tier"] is not None else "not_rated"
    return "not_asked" if part.get("asked", 1) == 0 else "not_answered"


# --- why a theme or the overall has the tier it has, or none ---------------------------------

# English names, translated where they are used (_)
WAITS_WORDS = {
    "duty": N_("a legal duty"),
    "essential": N_("an essential control"),
    "check": N_("it checks a legal duty's answer"),
}
CAP_WORDS = {
    "duty_not_met": N_("Legal duty not met"),
    "duty_contradicted": N_("Legal duty contradicted by another answer"),
    "essential_not_met": N_("Essential control not in place"),
    "not_evidenced": N_("Met, not evidenced"),
}
NOT_RATED_WORDS = {
    "not_started": N_("%(theme)s has no answers"),
    "not_enough_answered": N_("%(theme)s has not enough answered to rate"),
    "waiting": N_("%(theme)s waits for a legal duty, an essential control or a check to be answered"),
}


def rating_note(theme: dict[str, Any], min_share: float) -> str:
    """Why a theme with questions for this council has no tier yet; "" when it is rated or has nothing to rate."""
    why = theme["not_rated"]
    if why == "not_started":
        return _("Not rated: no question answered yet.")
    if why == "not_enough_answered":
        answered = theme["answered"] + theme["not_applicable"]
        return _(
            "Not enough answered to rate: %(answered)s of %(asked)s questions answered (%(share)s of the theme's "
            "weight; a tier needs %(needed)s)."
        ) % {
            "answered": answered,
            "asked": theme["asked"],
            "share": pct(theme["answered_weight"]),
            "needed": pct(min_share),
        }
    if why == "waiting":
        listed = and_list([f"{w['question']} ({_(WAITS_WORDS[w['why']])})" for w in theme["waiting_for"]])
        if len(theme["waiting_for"]) == 1:
            return _("Not rated until this is answered: %(listed)s.") % {"listed": listed}
        return _("Not rated until these are answered: %(listed)s.") % {"listed": listed}
    return ""


def tier_note(theme: dict[str, Any]) -> str:
    """What holds a theme's tier down whatever its score, to show beside the tier: "Legal duty not met". A duty or
    control not met holds it lower than one met without evidence (rules.evidence.cap), so only that is named then."""
    caps = theme["caps"]
    if len(caps) > 1 and "not_evidenced" in caps:
        caps = [cap for cap in caps if cap != "not_evidenced"]
    return "; ".join(_(CAP_WORDS[cap]) for cap in caps)


def overall_note(overall: dict[str, Any], tier_names: dict[str, str], tiers_above: int) -> str:
    """Why the overall has no tier, or what holds it where it is; "" when the score alone decides it."""
    if overall["tier"] is None:
        reasons = [_(NOT_RATED_WORDS[t["why"]]) % {"theme": t["title"]} for t in overall["not_rated"]]
        return (
            _("Overall not rated until every theme is: %(reasons)s.") % {"reasons": "; ".join(reasons)}
            if reasons
            else _("Overall not rated: no answers yet.")
        )
    weakest = overall["weakest"]
    if "duty_not_met" in overall["caps"]:
        return _(
            "Held at %(tier)s: a legal duty is not met, and the overall is never above a theme with a duty not met."
        ) % {"tier": tier_names[overall["tier"]]}
    if "weakest_link" in overall["caps"]:
        return ngettext(
            "Held at %(tier)s by the weakest theme, %(theme)s (%(theme_tier)s): the overall is never more than "
            "%(count)s tier above it (the score alone reaches %(score_tier)s).",
            "Held at %(tier)s by the weakest theme, %(theme)s (%(theme_tier)s): the overall is never more than "
            "%(count)s tiers above it (the score alone reaches %(score_tier)s).",
            tiers_above,
        ) % {
            "tier": tier_names[overall["tier"]],
            "theme": weakest["title"],
            "theme_tier": tier_names[weakest["tier"]],
            "count": tiers_above,
            "score_tier": tier_names[overall["tier_from_score"]],
        }
    return ""


def weakest_note(overall: dict[str, Any], tier_names: dict[str, str]) -> str:
    """The weakest rated theme, to show beside the overall."""
    weakest = overall["weakest"]
    if not weakest:
        return ""
    return _("Weakest theme: %(theme)s (%(tier)s)") % {"theme": weakest["title"], "tier": tier_names[weakest["tier"]]}


def duty_date_message(status: str, law: str, start: str, date: str, last: str) -> str:
    """A legal duty not yet in force at the assessment's date, or new since last year's assessment."""
    if status == "not_yet_in_force":
        return _(
            "%(law)s: in force from %(start)s, after this assessment's date (%(date)s), so this assessment is not "
            "marked against it. It applies to the next assessment."
        ) % {"law": law, "start": long_date(start), "date": long_date(date)}
    return _(
        "%(law)s: new since last year's assessment (%(last)s); in force from %(start)s, so it applies to this "
        "assessment for the first time."
    ) % {"law": law, "last": long_date(last), "start": long_date(start)}


# --- the action plan and evidence -----------------------------------------------------------

STATUS_NAMES = {  # in English: status_names() gives them in the current language
    "not_started": N_("Not started"),
    "in_progress": N_("In progress"),
    "done": N_("Done"),
    "not_planned": N_("Not planned"),
}


def status_names() -> dict[str, str]:
    """The action plan's statuses by name, in the current language."""
    return {status: _(name) for status, name in STATUS_NAMES.items()}


def evidence_text(entry: dict[str, str] | None, strengths: Mapping[str, str] | None = None) -> str:
    """One piece of evidence in a line: "Cabinet report 14; https://...; dated 2026-05-01; tested: 9 of 10 referred".
    ``strengths``: the bank's names of the strengths (evidence.strength_names), in its language."""
    if not entry:
        return ""
    parts = [entry[k] for k in ("reference", "link") if entry.get(k)]
    if entry.get("date"):
        parts.append(_("dated %(date)s") % {"date": entry["date"]})
    if said := entry.get("strength"):  # the strength the file claims (what it counts as is the engine's: evidence.py)
        parts.append(strengths[said].lower() if strengths and said in strengths else said.replace("_", " "))
    if entry.get("result"):
        parts.append(_("result: %(result)s") % {"result": entry["result"]})
    if entry.get("reviewer"):
        parts.append(_("verified by %(name)s") % {"name": entry["reviewer"]})
    return "; ".join(parts)


def plan_text(entry: dict[str, str] | None) -> str:
    """An action plan entry in a line: "In progress, owner Head of Legal, due 31 March 2027. A note"."""
    if not entry:
        return ""
    parts = [_(STATUS_NAMES[entry["status"]])]
    if entry.get("owner"):
        parts.append(_("owner %(name)s") % {"name": entry["owner"]})
    if entry.get("due"):
        parts.append(_("due %(date)s") % {"date": long_date(entry["due"])})
    text = ", ".join(parts)
    if entry.get("reason"):
        text += ". " + _("Reason: %(reason)s") % {"reason": entry["reason"]}
    if entry.get("note"):
        text += f". {entry['note']}"
    return text


def plan_import_summary(rows: int, changed: list[str], cleared: list[str], carried: dict[str, str]) -> str:
    """What reading an action plan CSV back did, in one sentence or two (engine/plan_csv.py)."""
    parts = []
    if changed:
        parts.append(
            ngettext(
                "%(count)s action added or changed (%(ids)s)",
                "%(count)s actions added or changed (%(ids)s)",
                len(changed),
            )
            % {"count": len(changed), "ids": ", ".join(changed)}
        )
    if cleared:
        parts.append(
            ngettext("%(count)s action cleared (%(ids)s)", "%(count)s actions cleared (%(ids)s)", len(cleared))
            % {"count": len(cleared), "ids": ", ".join(cleared)}
        )
    text = ngettext(
        "Read %(count)s row of the action plan: %(done)s.", "Read %(count)s rows of the action plan: %(done)s.", rows
    ) % {
        "count": rows,
        "done": "; ".join(parts) if parts else _("nothing changed"),
    }
    if carried:
        moved = ", ".join(_("%(old)s into %(new)s") % {"old": old, "new": new} for old, new in carried.items())
        text += " " + _("Rows of questions the bank has replaced were read into the new questions: %(moved)s.") % {
            "moved": moved
        }
    return text


# --- comparison notes ---------------------------------------------------------------------


def challenge_message(entry: Mapping[str, Any]) -> str:
    """One peer review challenge in a sentence: who challenged which answer, why, what they propose, and the
    lead's decision (engine/review.py)."""
    values = {k: entry[k] for k in ("question", "reviewer", "answer", "proposed", "comment", "reply")}
    if entry["proposed"]:
        said = _(
            "%(question)s: %(reviewer)s challenged the answer \u201c%(answer)s\u201d, proposing \u201c%(proposed)s\u201d"
        )
    else:
        said = _("%(question)s: %(reviewer)s challenged the answer \u201c%(answer)s\u201d")
    said %= values
    if entry["comment"]:
        said += f": {entry['comment']}"
    decision = {
        "open": _("Open: not yet accepted or rejected."),
        "accepted": _("Accepted."),
        "rejected": _("Rejected; the lead's reply: %(reply)s") % values,
    }[entry["decision"]]
    return said.rstrip(".") + ". " + decision


def peer_review_message(summary: Mapping[str, Any]) -> str:
    """The peer review in one sentence: who reviewed, what they agreed and challenged, what is still open."""
    parts = [
        counted(summary["agreed"], "%(count)s answer agreed", "%(count)s answers agreed"),
        counted(summary["challenged"], "%(count)s answer challenged", "%(count)s answers challenged"),
    ]
    if summary["verified"]:
        parts.append(
            counted(
                summary["verified"],
                "%(count)s piece of evidence independently verified",
                "%(count)s pieces of evidence independently verified",
            )
        )
    said = _("Peer review by %(reviewers)s: %(parts)s.") % {
        "reviewers": and_list(summary["reviewers"]),
        "parts": and_list(parts),
    }
    if summary["open"]:
        said += " " + counted(
            summary["open"],
            "%(count)s challenge still open: accept or reject each.",
            "%(count)s challenges still open: accept or reject each.",
        )
    elif summary["challenged"]:
        said += " " + _("Every challenge decided (%(accepted)s accepted, %(rejected)s rejected).") % {
            "accepted": summary["accepted"],
            "rejected": summary["rejected"],
        }
    return said


def and_list(items: list[str]) -> str:
    """The items as "a, b and c", the last joined with the current language's "and"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " " + _("and") + " " + items[-1]


def comparison_notes(
    bank: Bank,
    like: Mapping[str, Any],
    trends: Sequence[Mapping[str, Any]],
    group_by: str = "type",
    groups: Sequence[Mapping[str, Any]] | None = None,
    hidden: Sequence[Mapping[str, Any]] | None = None,
    min_group: int = 5,
    shareable: bool = False,
    outside: list[str] | None = None,
    contributions: tuple[int, int] = (0, 0),
    group_trends: Sequence[Mapping[str, Any]] | None = None,
) -> list[str]:
    """The like-with-like findings as plain sentences in the current language, most important first.

    ``contributions``: how many of how many assessments were benchmark contributions."""
    notes = []
    groups = groups or []
    if group_by == "custom":
        listed = and_list([f"{g['title']} ({councils(g['councils'])})" for g in groups] or [_("none")])
        notes.append(
            _(
                "Councils are compared within the groups given: %(groups)s. Each group has its own median and "
                "quartiles, and each council's gap is to its own group's median."
            )
            % {"groups": listed}
        )
        for group in groups:
            notes += group["method"]
        if outside:
            notes.append(
                ngettext(
                    "%(count)s council in the files is in none of the groups given, so it is left out: %(councils)s.",
                    "%(count)s councils in the files are in none of the groups given, so they are left out: "
                    "%(councils)s.",
                    len(outside),
                )
                % {"count": len(outside), "councils": and_list(outside)}
            )
    elif group_by == "type" and groups:
        listed = and_list([f"{g['title']} ({councils(g['councils'])})" for g in groups])
        notes.append(
            _(
                "Councils are compared with councils of the same nation and type: %(groups)s. Each group has its "
                "own median and quartiles, and each council's gap is to its own group's median."
            )
            % {"groups": listed}
        )
    elif groups:
        notes.append(
            _(
                "All councils are compared together, whatever their nation and type: the median and quartiles "
                "mix councils that are asked different questions."
            )
        )
    if hidden:
        listed = "; ".join(
            _("%(group)s (%(figures)s; %(councils)s counted or fewer)")
            % {"group": h["title"], "figures": _figures(bank, h["figures"]), "councils": councils(h["most_counted"])}
            for h in hidden
        )
        notes.append(
            ngettext(
                "This report is for sharing, so group figures (median, quartiles, lowest and highest) drawn from "
                "fewer than %(count)s council are hidden, and so are the gaps to them and each of those councils' own "
                "scores of them (their tiers are shown): %(listed)s.",
                "This report is for sharing, so group figures (median, quartiles, lowest and highest) drawn from "
                "fewer than %(count)s councils are hidden, and so are the gaps to them and each of those councils' "
                "own scores of them (their tiers are shown): %(listed)s.",
                min_group,
            )
            % {"count": min_group, "listed": listed}
        )
    if shareable:
        notes.append(
            _(
                "Files are named without their folders, and the answers each council changed are left out of its "
                "progress over time."
            )
        )
    for council in like.get("functions_differ", []):
        changes = []
        if council["added"]:
            changes.append(
                _("also runs %(functions)s") % {"functions": and_list([_in_sentence(f) for f in council["added"]])}
            )
        if council["removed"]:
            changes.append(
                _("does not run %(functions)s") % {"functions": and_list([_in_sentence(f) for f in council["removed"]])}
            )
        notes.append(
            _(
                "%(council)s runs other functions than a %(type)s usually does (%(changes)s), as its officers "
                "recorded: it was asked other questions than councils of its type, so compare its scores with care."
            )
            % {
                "council": council["council"],
                "type": type_name(bank, council["type"]).lower(),
                "changes": "; ".join(changes),
            }
        )
    named = like.get("identified_by_name", [])
    matched = [c for c in named if c["matched"]]
    only = [c for c in named if not c["matched"]]
    if only:
        unnamed = _("a file given without a name")
        listed = and_list([f"{c['council']} ({and_list([f for f in c['files'] if f] or [unnamed])})" for c in only])
        notes.append(
            ngettext(
                "%(count)s council gives no register or GSS code, so it is known by name only: %(councils)s. A file "
                "that spells a name differently would count as another council: pick the council from the register "
                "(on the site's home page, or scorecard template --council CODE) to add its codes.",
                "%(count)s councils give no register or GSS code, so they are known by name only: %(councils)s. A "
                "file that spells a name differently would count as another council: pick the council from the "
                "register (on the site's home page, or scorecard template --council CODE) to add its codes.",
                len(only),
            )
            % {"count": len(only), "councils": listed}
        )
    for council in matched:
        notes.append(
            _(
                "%(council)s (%(files)s) gives no register or GSS code: it was matched by name to the council with "
                "%(key)s."
            )
            % {
                "council": council["council"],
                "files": and_list([f for f in council["files"] if f] or [_("a file")]),
                "key": _key_text(council["key"]),
            }
        )
    versions = like["bank_versions"]
    if len(versions) == 1 and versions[0]["current"]:
        notes.append(
            _("All assessments were answered against question bank %(version)s, the version used to score them.")
            % {"version": bank.version}
        )
    elif versions:
        assessments = [counted(v["assessments"], "%(count)s assessment", "%(count)s assessments") for v in versions]
        listed = and_list(
            [f"{v['version']} ({councils(v['councils'])}, {n})" for v, n in zip(versions, assessments, strict=True)]
        )
        scored = (
            _(
                "All are scored with the current bank, %(version)s: questions added since an older version count as "
                "unanswered in it (lowering its coverage, not its score), and answers to replaced questions carry over."
            )
            if not contributions[0]
            else _(
                "Whole files are scored with the current bank, %(version)s; a contribution keeps the figures of the "
                "bank that scored it, so where the bank changed what a theme measures they are not like for like."
            )
        )
        notes.append(
            ngettext(
                "Assessments were answered against question bank version %(versions)s.",
                "Assessments were answered against question bank versions %(versions)s.",
                len(versions),
            )
            % {"versions": listed}
            + " "
            + scored % {"version": bank.version}
        )
    for theme in like["asked_differs"]:
        if not theme["by_type_differs"] or group_by == "type":  # grouped by type: each group is asked alike
            continue
        parts = [
            f"{type_name(bank, t['type'])}: {t['applicable'] or _('none, so not scored')}" for t in theme["by_type"]
        ]
        notes.append(
            _(
                "%(theme)s: the number of questions that apply differs by council type (%(types)s). Compare councils "
                "of the same type where you can."
            )
            % {"theme": theme["title"], "types": "; ".join(parts)}
        )
    follow_ups = [t["title"] for t in like["asked_differs"] if any(b["min"] != b["max"] for b in t["by_type"])]
    if len(follow_ups) == len(bank.themes):
        notes.append(
            _(
                "Some questions are asked only after a particular answer (a follow-up), so councils of the same type "
                "were asked different numbers of questions in every theme. A follow-up not asked is left out of the "
                "score; the answer that led to it still counts."
            )
        )
    elif follow_ups:
        notes.append(
            _(
                "Some questions are asked only after a particular answer (a follow-up), so councils of the same type "
                "were asked different numbers of questions in these themes: %(themes)s. A follow-up not asked is "
                "left out of the score; the answer that led to it still counts."
            )
            % {"themes": "; ".join(follow_ups)}
        )
    for council in like["provisional"]:
        values = {"council": council["council"], "date": council["assessment_date"]}
        if not council["answered"]:
            notes.append(
                _(
                    "%(council)s (%(date)s) has not answered any of the questions that apply to it yet, so it has "
                    "no scores to compare."
                )
                % values
            )
        elif council["overall_note"]:
            notes.append(
                ngettext(
                    "%(council)s (%(date)s) answered %(count)s question (%(share)s of those that apply to it). "
                    "%(note)s Its rated themes count in its group's figures, marked provisional; a score without a "
                    "tier does not.",
                    "%(council)s (%(date)s) answered %(count)s questions (%(share)s of those that apply to it). "
                    "%(note)s Its rated themes count in its group's figures, marked provisional; a score without a "
                    "tier does not.",
                    council["answered"],
                )
                % {
                    **values,
                    "count": council["answered"],
                    "share": pct(council["coverage"]),
                    "note": council["overall_note"],
                }
            )
        else:
            notes.append(
                ngettext(
                    "%(council)s (%(date)s): %(themes)s is provisional (not every question answered): counted in "
                    "its group's figures where rated, and marked.",
                    "%(council)s (%(date)s): %(themes)s are provisional (not every question answered): counted in "
                    "its group's figures where rated, and marked.",
                    len(council["themes"]),
                )
                % {**values, "themes": and_list(council["theme_titles"])}
            )
    for dup in like["same_day_duplicates"]:
        notes.append(
            ngettext(  # two or more, always
                "%(council)s has %(count)s assessment dated %(date)s (%(files)s); the last one given (%(used)s) is "
                "used.",
                "%(council)s has %(count)s assessments dated %(date)s (%(files)s); the last one given (%(used)s) is "
                "used.",
                len(dup["files"]),
            )
            % {
                "council": dup["council"],
                "count": len(dup["files"]),
                "date": dup["assessment_date"],
                "files": ", ".join(dup["files"]),
                "used": dup["used"],
            }
        )
    regions = like["regions"]
    if len(regions) > 1:
        listed = and_list([f"{r['region'] or _('no region given')} ({councils(r['councils'])})" for r in regions])
        notes.append(_("The councils are from more than one region: %(regions)s.") % {"regions": listed})
    had, of = contributions
    if had:
        if of == 1:
            which = _("The one assessment is a benchmark contribution")
        elif had == of:
            which = _("All %(count)s assessments are benchmark contributions") % {"count": of}
        else:
            which = ngettext(
                "%(count)s of the %(of)s assessments is a benchmark contribution",
                "%(count)s of the %(of)s assessments are benchmark contributions",
                had,
            ) % {"count": had, "of": of}
        if had < of:
            rest = ngettext("the other %(count)s is a whole file", "the other %(count)s are whole files", of - had) % {
                "count": of - had
            }
            notes.append(
                _(
                    "%(which)s: each council's figures as the bank it names scored them, without residual risk, and "
                    "without answers unless the council sent them; %(rest)s."
                )
                % {"which": which, "rest": rest}
            )
        else:
            notes.append(
                _(
                    "%(which)s: each council's figures as the bank it names scored them, without residual risk, and "
                    "without answers unless the council sent them."
                )
                % {"which": which}
            )
    for trend in trends:
        for theme in trend["themes"]:
            for change in theme["measure_changes"]:
                notes.append(
                    _(
                        "%(council)s: the question bank changed what %(theme)s measures between %(from_version)s "
                        "(%(from_date)s) and %(to_version)s (%(to_date)s), so its scores before and after are not "
                        "like for like."
                    )
                    % {"council": trend["council"], "theme": theme["title"], **change}
                )
        for change in trend["changes"]:
            if not change["known"]:
                notes.append(
                    _(
                        "%(council)s: which answers changed between %(from_date)s and %(to_date)s is not known: a "
                        "contribution was sent without its answers."
                    )
                    % {"council": trend["council"], "from_date": change["from_date"], "to_date": change["to_date"]}
                )
    for group in group_trends or []:
        for change in group["measure_changes"]:
            notes.append(
                _(
                    "%(group)s: the question bank changed what %(theme)s measures between the assessments of "
                    "%(from_year)s and of %(to_year)s, so its medians before and after are not like for like."
                )
                % {
                    "group": group["title"],
                    "theme": change["title"],
                    "from_year": change["from_year"],
                    "to_year": change["to_year"],
                }
            )
    for trend in trends:
        types = trend["council_types"]
        if len(set(types)) > 1:
            names = [type_name(bank, t) for t in dict.fromkeys(types)]
            changed = names[0]
            for name in names[1:]:
                changed = _("%(type)s to %(next_type)s") % {"type": changed, "next_type": name}
            notes.append(
                _(
                    "%(council)s changed council type over time (%(types)s): its earlier scores were asked different "
                    "questions."
                )
                % {"council": trend["council"], "types": changed}
            )
    return notes


def councils(n: int) -> str:
    """A number of councils in the current language: "1 council", "5 councils"."""
    return counted(n, "%(count)s council", "%(count)s councils")


def _in_sentence(name: str) -> str:
    """'Adult social care' -> 'adult social care'; 'HMO licensing' and 'NRM first responder' stay as they are."""
    return name if name[:2].isupper() else name[:1].lower() + name[1:]


def _figures(bank: Bank, figures: list[str]) -> str:
    """'overall and 3 themes', 'every figure' when all of a group's are hidden."""
    themes = [f for f in figures if f != "overall"]
    if "overall" in figures and len(themes) == len(bank.themes):
        return _("every figure")
    parts = ([_("overall")] if "overall" in figures else []) + (
        [counted(len(themes), "%(count)s theme", "%(count)s themes")] if themes else []
    )
    return and_list(parts)


def _key_text(key: str) -> str:
    kind, _colon, value = key.partition(":")
    if kind == "code":
        return _("register code %(code)s") % {"code": value}
    if kind == "ons":
        return _("GSS code %(code)s") % {"code": value}
    return _("the name %(name)s") % {"name": repr(value)}


def similar_method(bank: Bank, similar: Mapping[str, Any]) -> list[str]:
    """How a council's similar councils were chosen (comparison/similar.py), as sentences a coordinator can check."""
    me = similar["council"]
    nation = next((t.nation for t in bank.council_types.values() if t.id == me["type"]), "")
    values = {
        "name": me["name"],
        "code": me["code"],
        "nearest": counted(similar["found"], "%(count)s nearest council", "%(count)s nearest"),
        "candidates": counted(similar["candidates"], "%(count)s other council", "%(count)s other councils"),
        "nation": bank.nations.get(nation, nation) or _("its nation"),
        "types": "; ".join(type_name(bank, t) for t in similar["types"]),
        "count": similar["count"],
    }
    chosen_by = (
        _(
            "Councils like %(name)s (%(code)s): the %(nearest)s of %(candidates)s in %(nation)s of the same types "
            "(%(types)s), by population and population density: the population (2020) and area of each council in "
            "the UK council register (mySociety, UK local authority names and codes, CC BY 4.0)."
        )
        if similar["basis"] == "functions"
        else _(
            "Councils like %(name)s (%(code)s): the %(nearest)s of %(candidates)s in %(nation)s of the same type "
            "(%(types)s), by population and population density: the population (2020) and area of each council in "
            "the UK council register (mySociety, UK local authority names and codes, CC BY 4.0)."
        )
    )
    sentences = [chosen_by % values]
    if similar["basis"] == "functions":
        sentences.append(
            _(
                "Fewer than %(count)s other councils in %(nation)s are of its type, so the councils of every type that "
                "runs the same functions by default (%(types)s) are included: they are asked the same questions."
            )
            % values
        )
    scale = similar["scale"]
    sentences.append(
        _(
            "Each council is placed by the natural logarithm of its population and of its density (people per square "
            "kilometre), each standardised across these %(count)s councils (log population: mean %(population_mean)s, "
            "standard deviation %(population_sd)s; log density: mean %(density_mean)s, standard deviation "
            "%(density_sd)s), so size and density weigh the same. The distance between two councils is the "
            "straight-line distance between them on those two measures; the nearest come first, and equal distances "
            "are ordered by register code."
        )
        % {
            "count": similar["candidates"] + 1,
            "population_mean": scale["log_population"]["mean"],
            "population_sd": scale["log_population"]["sd"],
            "density_mean": scale["log_density"]["mean"],
            "density_sd": scale["log_density"]["sd"],
        }
    )
    if similar["found"] < similar["count"]:
        sentences.append(
            ngettext(
                "Only %(found)s council could be compared with it, not %(count)s.",
                "Only %(found)s councils could be compared with it, not %(count)s.",
                similar["found"],
            )
            % {"found": similar["found"], "count": similar["count"]}
        )
    if similar["left_out"]:
        listed = and_list([f"{c['name']} ({c['code']})" for c in similar["left_out"]])
        sentences.append(
            _("Left out, having no population or area in the register: %(councils)s.") % {"councils": listed}
        )
    return sentences


def similar_chosen(similar: Mapping[str, Any], codes: list[str]) -> list[str]:
    """What a coordinator's own list of similar councils changes from the computed one, in words."""
    me = similar["council"]
    computed = [n["code"] for n in similar["neighbours"]]
    added = [c for c in codes if c not in computed]
    dropped = [c for c in computed if c not in codes]
    changes = []
    if added:
        changes.append(_("added %(codes)s") % {"codes": and_list(added)})
    if dropped:
        changes.append(_("left out %(codes)s") % {"codes": and_list(dropped)})
    values = {"name": me["name"], "code": me["code"], "changes": "; ".join(changes)}
    if changes:
        return [
            _(
                "The councils similar to %(name)s (%(code)s) are the coordinator's own list, not the computed one: "
                "%(changes)s."
            )
            % values
        ]
    return [
        _(
            "The councils similar to %(name)s (%(code)s) are the coordinator's own list, not the computed one (the "
            "same councils)."
        )
        % values
    ]


BANDS = {
    "above_upper_quartile": N_("above the upper quartile, in the top quarter"),
    "upper_middle": N_("between the median and the upper quartile"),
    "at_median": N_("at the median"),
    "lower_middle": N_("between the lower quartile and the median"),
    "below_lower_quartile": N_("below the lower quartile, in the bottom quarter"),
}


def position_sentence(figure: Mapping[str, Any], tiers: Mapping[str, str]) -> str:
    """Where one of a council's figures stands in its group (comparison/position.py), in words."""
    title, value = figure["title"], figure["score"]
    tier = tiers.get(figure["tier"], figure["tier"]) if figure["tier"] else _("not rated")
    target = ""
    if figure["target"]:
        short = figure["tiers_to_target"]
        reached = (
            _("reached")
            if short == 0
            else _("no tier yet")
            if short is None
            else counted(short, "%(count)s tier to go", "%(count)s tiers to go")
        )
        target = " " + _("Its own target: %(target)s, %(reached)s.") % {
            "target": tiers.get(figure["target"], figure["target"]),
            "reached": reached,
        }
    if not figure["asked"]:
        return _("%(title)s: not asked of this council.") % {"title": title}
    if figure["score_hidden"]:
        return (
            _(
                "%(title)s: %(tier)s; its score and the group's figures are hidden in a report for sharing (too few "
                "councils counted)."
            )
            % {"title": title, "tier": tier}
            + target
        )
    if value is None:
        return _("%(title)s: not scored yet.") % {"title": title} + target
    if figure["provisional"] and figure["tier"]:  # counted, and flagged
        head = _("%(title)s: %(score)s (%(tier)s, provisional)") % {"title": title, "score": score(value), "tier": tier}
    else:
        head = f"{title}: {score(value)} ({tier})"
    if not figure["counted"]:  # a score without a tier
        why = f" {figure['note']}" if figure["note"] else ""
        return f"{head}.{why} " + _("Left out of the group's figures until it is rated.") + target
    if figure["hidden"]:
        return (
            _("%(head)s; the group's figures are hidden in a report for sharing (too few councils counted).")
            % {"head": head}
            + target
        )
    if figure["n"] == 1:
        return _("%(head)s; the only council counted in its group.") % {"head": head} + target
    difference = value - figure["median"]
    gap_words = {"points": num(abs(difference)), "median": num(figure["median"])}
    side = (
        _("at the group's median")
        if not difference
        else _("%(points)s above the group's median of %(median)s") % gap_words
        if difference > 0
        else _("%(points)s below the group's median of %(median)s") % gap_words
    )
    where = "" if figure["band"] == "at_median" else ", " + _(BANDS[figure["band"]])
    higher = figure["higher"]
    return (
        ngettext(
            "%(head)s, %(side)s%(where)s; %(higher)s of the %(count)s councils counted scores higher.",
            "%(head)s, %(side)s%(where)s; %(higher)s of the %(count)s councils counted score higher.",
            higher,
        )
        % {"head": head, "side": side, "where": where, "higher": higher or _("none"), "count": figure["n"]}
        + target
    )


def open_figures_method(min_group: int, earlier: bool) -> list[str]:
    """How open figures were made and hidden (comparison/open_figures.py, disclosure.py), for their readers."""
    hidden = (
        ngettext(
            "A figure drawn from fewer than %(count)s council is not published. Neither is any other figure that "
            "would let a hidden one, or the figures of fewer than %(count)s council, be worked out by adding and "
            "subtracting published figures of this release and the earlier releases it was checked against. Totals "
            "across groups give counts only: no median across councils of different kinds.",
            "A figure drawn from fewer than %(count)s councils is not published. Neither is any other figure that "
            "would let a hidden one, or the figures of fewer than %(count)s councils, be worked out by adding and "
            "subtracting published figures of this release and the earlier releases it was checked against. Totals "
            "across groups give counts only: no median across councils of different kinds.",
            min_group,
        )
        if earlier
        else ngettext(
            "A figure drawn from fewer than %(count)s council is not published. Neither is any other figure that "
            "would let a hidden one, or the figures of fewer than %(count)s council, be worked out by adding and "
            "subtracting published figures of this release. Totals across groups give counts only: no median across "
            "councils of different kinds.",
            "A figure drawn from fewer than %(count)s councils is not published. Neither is any other figure that "
            "would let a hidden one, or the figures of fewer than %(count)s councils, be worked out by adding and "
            "subtracting published figures of this release. Totals across groups give counts only: no median across "
            "councils of different kinds.",
            min_group,
        )
    )
    return [
        _(
            "Each figure is drawn from the latest self-assessment of each council in the group, scored with the "
            "question bank named. A council's score is counted when it is rated (it has a tier): a provisional one "
            "(not every question answered) is counted, and how many of the councils counted are provisional is given "
            "(provisional_counted); a score without a tier (not rated: too little answered to rate, or waiting for a "
            "legal duty or an essential control to be answered) is left out of every figure, and how many were left "
            "out is given (not_rated_left_out)."
        ),
        _(
            "Median and quartiles: Python's statistics.quantiles(method='inclusive'), Excel's QUARTILE.INC, to one "
            "decimal place, halves rounded up. Tier percentages are whole numbers rounded by largest remainder, so "
            "each set adds up to 100; counts are whole numbers, so a total is the sum of its groups' counts."
        ),
        hidden % {"count": min_group},
    ]


def open_figures_readme(release: dict[str, Any]) -> str:
    """The open figures' README: what they are, how they were made and hidden, the licence and attribution."""
    groups = and_list([f"{g['title']} ({councils(g['councils'])})" for g in release["groups"]] or [_("none")])
    lines = [
        release["title"],
        "",
        ngettext(
            "Groups: %(groups)s. Question bank %(version)s; figures drawn from fewer than %(count)s council are not "
            "published.",
            "Groups: %(groups)s. Question bank %(version)s; figures drawn from fewer than %(count)s councils are not "
            "published.",
            release["min_group"],
        )
        % {"groups": groups, "version": release["bank_version"], "count": release["min_group"]},
        "",
        _(
            "Files: figures.csv (one row per group and figure), figures.json (the same, with this text), "
            "dictionary.csv (what each column means)."
        ),
        "",
        _("How the figures were made:"),
        *(f"- {sentence}" for sentence in release["method"]),
        "",
        _("Licence: %(licence)s.") % {"licence": release["licence"]},
        *(f"{line}." for line in release["attribution"]),
    ]
    return "\n".join(lines) + "\n"


def open_figures_dictionary(tiers: dict[str, str]) -> list[dict[str, str]]:
    """The columns of the open figures CSV: name, type and meaning (the data dictionary); the names are the CSV's
    own, the types and meanings in the current language."""
    columns = [
        (
            "group_id",
            N_("text"),
            N_("The group's identifier: nation/type, all, custom/N, similar/CODE, or total."),
        ),
        ("group", N_("text"), N_("The group's name.")),
        (
            "group_kind",
            N_("text"),
            N_(
                "type (nation and council type), all, custom (a coordinator's list), similar "
                "(a council and its similar councils), or total (all groups together)."
            ),
        ),
        ("figure_id", N_("text"), N_("overall, or the theme's identifier.")),
        ("figure", N_("text"), N_("Overall, or the theme's title.")),
        (
            "councils_counted",
            N_("whole number"),
            N_(
                "Councils whose score for this figure is counted: rated (a score with a tier), provisional ones "
                "included. Always published."
            ),
        ),
        (
            "provisional_counted",
            N_("whole number"),
            N_(
                "Of the councils counted, those whose score is provisional (not every question answered): rated, "
                "counted, and flagged here. Blank when hidden."
            ),
        ),
        (
            "not_rated_left_out",
            N_("whole number"),
            N_(
                "Councils with a score but no tier for this figure (not rated: too little answered, or waiting for a "
                "legal duty or an essential control to be answered): left out of every figure of the row. Always "
                "published."
            ),
        ),
        ("published", N_("yes/no"), N_("no when the figures of this row are hidden.")),
        (
            "hidden_because",
            N_("text"),
            N_(
                "fewer_than_min_group (drawn from too few councils), complementary (hidden "
                "so that another hidden figure cannot be worked out from it), or blank."
            ),
        ),
        (
            "median",
            N_("number, 0 to 100"),
            N_("The median score, one decimal place; blank when hidden or for a total."),
        ),
        ("lower_quartile", N_("number, 0 to 100"), N_("The lower quartile of the scores (QUARTILE.INC).")),
        ("upper_quartile", N_("number, 0 to 100"), N_("The upper quartile of the scores (QUARTILE.INC).")),
    ]
    rows = [{"column": c, "type": _(t), "meaning": _(m)} for c, t, m in columns]
    for tier, name in tiers.items():
        rows.append(
            {
                "column": f"{tier}_councils",
                "type": _("whole number"),
                "meaning": _("Councils counted whose tier is %(tier)s.") % {"tier": name},
            }
        )
        rows.append(
            {
                "column": f"{tier}_percent",
                "type": _("whole number, 0 to 100"),
                "meaning": _(
                    "The same as a percentage of the councils counted; the percentages of a row add up to 100."
                ),
            }
        )
    rows.append(
        {
            "column": "councils",
            "type": _("text"),
            "meaning": _(
                "The councils counted: their register codes (code:TUN), GSS codes "
                "(ons:E07000116) or, for a council given by name only, its name (name:...), separated by spaces."
            ),
        }
    )
    return rows


def type_name(bank: Bank, type_id: str) -> str:
    """A council type's display name; the id itself for a type the bank does not know."""
    ctype = bank.council_types.get(type_id)
    return ctype.name if ctype else type_id


# --- problems with an assessment file ------------------------------------------------------
# One English sentence per problem code (engine/messages.py), marked for the catalogue (N_) and translated as it is
# written (problem_text); the parameters are ids, numbers and values from the file, written as they are ({name}
# placeholders, str.format: a translation keeps every one). A parameter
# named "kind" is a kind of JSON value (KINDS), "character" a kind of character (CHARACTERS),
# "provenance_key" is quoted when short, and the LISTED ones are written comma-separated.

KINDS = {
    "object": N_("an object"),
    "list": N_("a list"),
    "text": N_("text"),
    "boolean": N_("true/false"),
    "null": N_("null"),
    "number": N_("a number"),
}

PROBLEMS = {
    "file_unreadable": N_("cannot read the file: {reason}"),
    "file_not_utf8": N_("the file is not UTF-8 text (is it a JSON assessment file?)"),
    "file_not_text": N_("expected the file's text, got {type}"),
    "file_too_large": N_("the file is larger than {limit_mb} MB, the most an assessment file can be"),
    "file_empty": N_("the file is empty"),
    "duplicate_key": N_("{key!r} appears twice in the same object; keep one (which answer is meant?)"),
    "nested_too_deeply": N_(
        "the file is nested too deeply to be an assessment (lists or objects inside each other hundreds of times)"
    ),
    "invalid_json": N_("the file is not valid JSON: {detail}"),
    "invalid_json_at_line": N_("the file is not valid JSON (line {line}): {detail}"),
    "lone_surrogate": N_(
        "the file contains an invalid character: a \\u escape for half of a character pair (a lone surrogate such as \\ud800)"
    ),
    "not_an_object": N_("the file must contain a JSON object (an assessment), not {kind}"),
    "not_an_assessment": N_('this is not a scorecard assessment file (expected "format": "{format}")'),
    "unsupported_format_version": N_("unsupported format_version {found}; this version reads {supported}"),
    "unknown_council_type": N_("unknown council type {council_type!r}; expected one of {council_types}"),
    "bad_assessment_date": N_("assessment_date must be a date written YYYY-MM-DD"),
    "assessment_date_too_early": N_(
        "assessment_date {date} is before 2015, the year of the Modern Slavery Act 2015, "
        "so it cannot be the date of this assessment: check the year"
    ),
    "assessment_date_in_future": N_(
        "assessment_date {date} is after today ({today}): a date still to come would stay "
        "this council's latest assessment in every comparison; check the year"
    ),
    "not_one_line": N_(
        "{field} contains {character} ({code_point}) at character {position}; "
        "it must be one line of visible text: retype it without that character"
    ),
    "bad_bank_version": N_("bank_version must name the question bank version the answers were given against"),
    "council_not_an_object": N_("council must be an object with name and type"),
    "council_name_not_text": N_("council.name must be text"),
    "council_name_too_long": N_("council.name is longer than {limit} characters"),
    "council_type_not_known": N_("council.type {value!r} is not one of: {council_types}"),
    "council_region_bad": N_("council.region must be text of at most {limit} characters"),
    "council_ons_code_bad": N_("council.ons_code {value!r} is not an ONS code like E07000234"),
    "council_code_bad": N_("council.code {value!r} is not a council register code like ADU"),
    "council_functions_not_a_list": N_("council.functions must be a list of function ids"),
    "council_function_unknown": N_("council.functions: {value!r} is not one of: {functions}"),
    "council_function_twice": N_("council.functions names a function twice"),
    "answers_not_an_object": N_("answers must be an object mapping question ids to answers"),
    "retired_answers_not_an_object": N_("retired_answers must be an object mapping question ids to answers"),
    "not_a_question_id": N_("{field}: {value!r} is not a question id (like ABC-01)"),
    "kept_answer_bad": N_("{field}: {question}: expected an option id or a list of option ids, got {kind}"),
    "kept_answer_list_bad_item": N_(
        "{field}: {question}: expected an option id or a list of option ids, got a list with {kind} in it"
    ),
    "kept_answer_list_too_long": N_("{field}: {question}: expected a list of at most {limit} option ids, got {count}"),
    "kept_answer_too_long": N_("{field}: {question}: an option id is at most {limit} characters"),
    "answer_not_applicable_not_allowed": N_(
        "answers: {question}: 'not applicable' is not an allowed answer to this question"
    ),
    "answer_not_a_list": N_("answers: {question}: expected a list of option ids, got {kind}"),
    "answer_not_an_option_id": N_("answers: {question}: expected one option id, got {kind}"),
    "answer_unknown_option": N_("answers: {question}: unknown option {option!r}; options are {options}"),
    "answer_option_twice": N_("answers: {question}: an option is chosen twice"),
    "answer_exclusive_option_with_others": N_(
        "answers: {question}: '{label}' ({option}) is an answer on its own; it cannot be chosen with other options"
    ),
    "notes_not_an_object": N_("notes must be an object mapping question ids to text"),
    "note_not_text": N_("notes: {question}: a note must be text, got {kind}"),
    "note_too_long": N_("notes: {question}: a note is at most {limit} characters"),
    "provenance_not_an_object": N_(
        "provenance must be an object mapping question ids (and notes.ID, council.FIELD, assessment) to {{at, by}}"
    ),
    "provenance_bad_key": N_(
        "{provenance_key} is not a question id, notes.ID, evidence.ID, action_plan.ID, review.ID, indicators.ID, council.FIELD, assignments.KEY, sign_off or assessment"
    ),
    "provenance_entry_bad": N_(
        '{provenance_key} must be an object with "at" (a date and time) and, optionally, "by" (a name)'
    ),
    "provenance_at_bad": N_("{provenance_key}: at must be a date and time like 2026-11-01T10:15:00Z"),
    "provenance_by_bad": N_("{provenance_key}: by must be text of at most {limit} characters"),
    "comparison_option_unknown": N_("unknown comparison option {option!r}"),
    "comparison_group_by_bad": N_("group_by must be one of {choices}"),
    "statement_summary_not_in_bank": N_(
        "this question bank has no statement_summary.yaml, so it cannot summarise the statement for the registry"
    ),
    "comparison_min_group_bad": N_("min_group must be a whole number of councils, at least 1"),
    "comparison_focus_bad": N_("focus must be a council's register or GSS code"),
    "comparison_custom_bad": N_(
        'custom groups are a list of {{"id", "title", "kind", "codes"}}, given with group_by "custom" (and only then)'
    ),
    "similar_unknown_council": N_(
        "{code!r} is not a current council in the UK council register: give its register "
        "code (such as TUN) or GSS code (such as E07000116)"
    ),
    "targets_not_an_object": N_("targets must be an object mapping theme ids to tier ids, not {kind}"),
    "target_key_bad": N_("targets: {key!r} is not a theme id (one of: {themes})"),
    "target_tier_bad": N_("targets: {theme}: {value!r} is not a tier (one of: {tiers})"),
    "not_a_contribution": N_('this is not a benchmark contribution (expected "format": "{format}")'),
    "contribution_not_signed_off": N_(
        "only a signed-off assessment can be contributed: sign it off first (results "
        "page, Sign-off), so the figures a coordinator compares are ones the council stands by"
    ),
    "contribution_include_unknown": N_("{value!r} is not something a contribution can include (one of: {choices})"),
    "contribution_included_bad": N_(
        "included must list what the council chose to send besides the figures, from: {choices}"
    ),
    "contribution_unexpected": N_(
        "{key!r} is not part of a contribution unless the council included it: a "
        "contribution holds only its figures and what its included list names"
    ),
    "contribution_missing": N_("included names {key} but the contribution does not hold it"),
    "contribution_figures_bad": N_("{where}: expected an object with exactly {fields}"),
    "contribution_figure_bad": N_(
        "{where}: {figure} {value} is not a figure this scorecard writes (a score is 0 to "
        "100, coverage and shares 0 to 1, provisional true or false, counts whole numbers, notes one line of text)"
    ),
    "contribution_tier_bad": N_("{where}: {value!r} is not a tier (one of: {tiers})"),
    "contribution_not_rated_bad": N_(
        "{where}: not_rated {value} is not a reason a theme is not rated (one of: "
        "{choices}; null when it is rated or has nothing to rate)"
    ),
    "contribution_rating_bad": N_(
        "{where}: a theme with a score has a tier or says why it is not rated (not_rated), never both and never neither"
    ),
    "contribution_themes_bad": N_("themes must be a list of the themes' figures, not {kind}"),
    "contribution_theme_id_bad": N_("themes: {value!r} is not a theme id, or is given twice"),
    "groups_file_empty": N_(
        "{file}: the groups file is empty; it needs a header row with a code column "
        "(and, optionally, group) and a row for each council"
    ),
    "groups_file_no_code": N_(
        "{file}: the groups file has no code column: its first row must name the columns, such as group,code"
    ),
    "groups_file_code_bad": N_(
        "{file}, line {line}: {value!r} is not a council register code (such as TUN) or GSS code (such as E07000116)"
    ),
    "groups_file_too_many": N_("{file}: more than {limit} groups; a comparison shows each group as its own table"),
    "groups_council_twice": N_(
        "{council} is in more than one group ({groups}): each council is compared within one group; give it in one"
    ),
    "open_figures_earlier_bad": N_(
        'earlier release {place} is not an open figures file (figures.json, with "format": "{format}")'
    ),
    "similar_no_figures": N_(
        "{council} ({code}) has no population or area in the UK council register, so similar "
        "councils cannot be found for it"
    ),
    # the yearly cycle (engine/cycle.py)
    "section_not_an_object": N_("{section} must be an object mapping question ids to entries, not {kind}"),
    "section_key_not_a_question": N_("{section}: {key!r} is not a question id like SPC-01"),
    "evidence_bad_shape": N_(
        'evidence: {question}: evidence must be an object with "link" and/or "reference", and optionally '
        '"date", "strength", "result" and "reviewer"'
    ),
    "evidence_missing": N_(
        'evidence: {question}: evidence needs a "link" (a web address), a "reference" (a document\'s name or '
        'number) or a "strength"'
    ),
    "evidence_link_bad": N_(
        "evidence: {question}: link must be a web address starting https:// or http://, at most {limit} characters "
        '(put a file path or document number in "reference")'
    ),
    "evidence_reference_bad": N_("evidence: {question}: reference must be text of 1 to {limit} characters"),
    "evidence_date_bad": N_("evidence: {question}: date must be a date written YYYY-MM-DD"),
    "evidence_strength_bad": N_("evidence: {question}: strength must be one of {strengths}"),
    "evidence_text_bad": N_("evidence: {question}: {field} must be text of 1 to {limit} characters"),
    "action_bad_shape": N_("action_plan: {question}: an action must be an object with some of {fields}"),
    "action_status_bad": N_("action_plan: {question}: status {value!r} is not one of: {statuses}"),
    "action_text_bad": N_("action_plan: {question}: {field} must be text of at most {limit} characters"),
    "action_due_bad": N_("action_plan: {question}: due must be a date written YYYY-MM-DD"),
    "action_reason_missing": N_("action_plan: {question}: an action that is not planned needs a reason"),
    "sign_off_bad_shape": N_(
        "sign_off must be an object with name, role and date (and, once signed, digest and parts)"
    ),
    "sign_off_text_bad": N_("sign_off: {field} must be text of 1 to {limit} characters"),
    "sign_off_date_bad": N_("sign_off: date must be a date written YYYY-MM-DD"),
    "sign_off_digest_bad": N_(
        'sign_off: "digest" and each of "parts" must be "sha256:" and 64 lowercase hexadecimal '
        "digits, as the scorecard writes them"
    ),
    "assignments_not_an_object": N_(
        "assignments must be an object mapping theme ids or question ids to a contributor's name, not {kind}"
    ),
    "assignment_key_bad": N_("assignments: {key!r} is not a theme ({themes}) or a question id"),
    "assignment_name_bad": N_("assignments: {key}: the contributor's name must be text of 1 to {limit} characters"),
    "review_not_a_list": N_("review must be a list of question ids, not {kind}"),
    "previous_not_an_object": N_(
        "previous must be an object: last year's answers, or {{\"file\": ...}} naming last year's file; not {kind}"
    ),
    "previous_unexpected": N_("previous: unexpected {key!r}; expected some of {fields}"),
    "previous_missing_answers": N_('previous needs last year\'s "answers", or the "file" they are in'),
    "previous_date_bad": N_("previous: assessment_date must be a date written YYYY-MM-DD"),
    "previous_bank_version_bad": N_("previous: bank_version must name a question bank version"),
    "previous_file_bad": N_("previous: file must be the name of last year's assessment file"),
    "previous_part_bad": N_("previous: {part} must be an object keyed by question ids"),
    "previous_indicators_bad": N_("previous: indicators must be an object keyed by indicator ids (IND-01 ...)"),
    # outcome indicators (engine/indicators.py)
    "indicator_key_bad": N_("{section}: {key!r} is not an indicator id (IND-01 ...)"),
    "indicator_bad_shape": N_(
        "{section}: {indicator}: an indicator's figures must be an object with from, to and counts (and perhaps a note); allowed: {fields}"
    ),
    "indicator_period_bad": N_("{section}: {indicator}: from and to must be dates written YYYY-MM-DD"),
    "indicator_period_backwards": N_("{section}: {indicator}: the period ends ({end}) before it starts ({start})"),
    "indicator_note_bad": N_("{section}: {indicator}: note must be text of at most {limit} characters"),
    "indicator_counts_not_an_object": N_(
        "{section}: {indicator}: counts must be an object of count ids and whole numbers, not {kind}"
    ),
    "indicator_count_bad": N_("{section}: {indicator}: {count} must be a whole number from 0 to {limit}"),
    "indicator_count_unknown": N_("{section}: {indicator}: {count!r} is not one of its counts: {choices}"),
    "indicator_count_exceeds": N_(
        "{section}: {indicator}: {count} ({part_value}) cannot be more than {whole} ({whole_value}), which it is part of"
    ),
    # starting this year's assessment (engine/next_year.py)
    "next_year_date_bad": N_("today must be a date written YYYY-MM-DD"),
    "next_year_before_last": N_("this year's assessment cannot start ({today}) before last year's was made ({last})"),
    "next_year_date_in_future": N_(
        "{today} is after today ({now}): this year's assessment cannot start on a date still to come"
    ),
    "next_year_same_day": N_("this year's assessment cannot start on the day last year's was made ({last})"),
    "next_year_already_started": N_(
        "it was started on {started} from the assessment of {last_year}: it is this year's "
        "assessment already, so carry on with it (starting again would replace last year's record with this one). "
        "If this really starts a new year, confirm it"
    ),
    "next_year_too_large": N_(
        "this year's file would be larger than {limit_mb} MB, the most a file can be: last year's "
        "answers, notes and evidence are copied into it twice (this year's, and last year's record). Remove notes or "
        "evidence no longer needed from last year's file first"
    ),
    # merging officers' files (engine/merge.py); "file_problem" is that file's own problem, written out
    "merge_needs_two": N_("give at least two assessment files to merge"),
    "merge_same_name": N_("{file}: the same file name is given twice"),
    "merge_file_problem": N_("{file}: {file_problem}"),
    "merge_unknown_theme": N_("{file}: {theme!r} is not a theme; themes are {themes}"),
    "merge_themes_for_unknown_file": N_("themes chosen for {file!r}, which is not one of the files"),
    "merge_take_unknown_file": N_("--take {key}={file}: no file is called {file!r} (files: {files})"),
    "merge_prefer_unknown_file": N_("--prefer {file}: no file is called {file!r} (files: {files})"),
    "merge_take_blank": N_("{key}: {file} has nothing there to take; choose one of {files}"),
    "merge_take_no_conflict": N_("--take {key}=...: nothing to settle for {key} (no conflict there)"),
    "merge_other_council": N_(
        "{file} is the assessment of {council}, not of {lead_council} like {lead_file}: "
        "nothing was merged. If it is meant to be merged all the same, confirm that council ({confirm})"
    ),
    "merge_other_council_unknown": N_("--other-council {given}: none of the files is that council's"),
    "merge_not_a_file": N_("{given!r} is not one of the files being merged ({files})"),
    "merge_option_form": N_("{item!r}: write it as {form}"),
    "export_themes_bad": N_("choose the themes to export from: {themes} (not {theme!r})"),
    # a peer review's marks, in an assessment (engine/cycle.py) and in a review file (engine/review.py)
    "review_mark_bad_shape": N_("{question}: a review mark must be an object with only these fields: {fields}"),
    "review_mark_kind_bad": N_("{field}: a mark is one of {choices}"),
    "review_text_bad": N_("{field} must be text of at most {limit} characters (and not blank where it names someone)"),
    "review_text_control": N_(
        "{field} holds a control character ({code_point}) at character {position}: comments and replies are plain text"
    ),
    "review_text_markup": N_(
        "{field} holds markup ({found!r}): comments and replies are plain text, shown as "
        "written; write it without angle brackets"
    ),
    "review_proposed_bad_shape": N_("{field}: only a challenge proposes an answer, as an option id or a list of them"),
    "review_answer_bad_shape": N_(
        "{field}: the answer challenged is kept on a challenge only, as an option id or a list of them"
    ),
    "review_proposed_bad": N_("marks.{question}: the proposed answer is not one that {question} offers"),
    "review_date_bad": N_("{field} is not a date (YYYY-MM-DD)"),
    "review_decision_bad": N_("{field}: a challenge is {choices}; an agreement has no decision"),
    "review_reply_missing": N_("{question}: rejecting a challenge needs the lead's reply (a right of reply)"),
    "review_not_an_object": N_("the review file must contain a JSON object (a review), not {kind}"),
    "review_not_a_review": N_(
        "this is not a review file (its format is not {format}); a review file is started "
        "from the assessment with 'Start a review' or scorecard review start"
    ),
    "review_format_version": N_(
        "this review file is of a format version this scorecard does not read (it reads version {supported})"
    ),
    "review_unexpected": N_("the review file holds {key!r}, which a review does not; it holds only {fields}"),
    "review_subject_bad": N_("the review file does not say which assessment it reviews: 'assessment' needs {fields}"),
    "review_other_council": N_("this review is of {council}, not of {lead_council}: nothing was changed"),
    "review_other_bank": N_(
        "this review is of an assessment answered against question bank {version}, not "
        "{assessment_version} like this one: nothing was changed"
    ),
    "review_other_answers": N_(
        "this review is of other answers than this assessment's: they changed after the review "
        "was started, or it is another file's review. Nothing was changed. If this review was merged already, its "
        "challenges are in the assessment: decide them there"
    ),
    "review_unknown_question": N_("marks: {question!r} is not a question in bank version {version}"),
    "review_verified_bad": N_("verified must be a list of question ids"),
    "review_verified_no_evidence": N_("verified: {question} has no evidence recorded in the assessment to verify"),
    "review_not_signed": N_("the review is not signed: the reviewer gives their name, organisation and the date"),
    "review_sign_off_bad": N_("the review's sign_off must be an object with {fields}"),
    "review_date_in_future": N_(
        "the review is signed on {date}, a date still to come (today is {today}): nothing was changed"
    ),
    "review_date_before_assessment": N_(
        "the review is signed on {date}, before the assessment's own date ({assessment_date}): nothing was changed"
    ),
    "review_no_challenge": N_("{question}: the review does not challenge that answer"),
    "review_decided_already": N_("{question}: that challenge is {decision} already"),
    "review_decisions_bad": N_(
        "decisions are the question ids to accept, and each question id to reject with its reply"
    ),
    "review_accept_and_reject": N_("{question}: a challenge is accepted or rejected, not both"),
    # reading the action plan back from a spreadsheet (engine/plan_csv.py)
    "plan_csv_empty": N_("the action plan file is empty"),
    "plan_csv_no_question_column": N_(
        'the action plan has no "Question" column (is this the action plan CSV the scorecard wrote?)'
    ),
    "plan_csv_no_plan_columns": N_("the action plan has none of the columns {columns}"),
    "plan_row_no_question": N_("row {row}: the Question cell is empty"),
    "plan_row_unknown_question": N_("row {row} ({question}): {question!r} is not a question in bank version {version}"),
    "plan_row_duplicate": N_(
        "row {row} ({question}): {question} is also on row {first_row}; keep one row per question"
    ),
    "plan_row_duplicate_replaced": N_(
        "row {row} ({question}): {question} is also on row {first_row} (as {first_question}); keep one row per question"
    ),
    "plan_csv_mixed_encoding": N_(
        "line {line} is not UTF-8 though the rest of the file is: a character typed or pasted "
        'in another program? Save the spreadsheet as "CSV UTF-8" and import it again, or retype that line\'s accented '
        "letters and symbols"
    ),
    "plan_csv_bad_bytes": N_(
        "line {line} holds bytes that are not {encoding} text: is this the action plan CSV? "
        'Save the spreadsheet as "CSV UTF-8" and import it again'
    ),
    "plan_csv_too_many_problems": N_("stopped reading at row {row} after {limit} problems: fix these first"),
    "plan_csv_too_large": N_("the file is larger than {limit_mb} MB, far more than an action plan"),
    "plan_row_status_bad": N_("row {row} ({question}): Status {value!r} is not one of: {names}"),
    "plan_row_date_bad": N_(
        "row {row} ({question}): Due date {value!r} is not a date (write it 2027-03-31 or 31/03/2027)"
    ),
    "plan_row_reason_missing": N_("row {row} ({question}): an action that is not planned needs a reason"),
    "plan_row_too_long": N_("row {row} ({question}): {column} is longer than {limit} characters"),
}


LISTED = {
    "options",
    "council_types",
    "functions",
    "fields",
    "statuses",
    "themes",
    "files",
    "columns",
    "names",
    "choices",
    "tiers",
    "strengths",
}  # parameters that are lists of ids

# what a character that does not belong on one line is (engine/characters.py)
CHARACTERS = {
    "line_break": N_("a line break"),
    "control": N_("a control character"),
    "direction": N_("an invisible direction control"),
    "zero_width": N_("an invisible zero-width character"),
}


def _provenance_key(key: str) -> str:
    """Where in provenance: the key itself unless it is too long to quote ("provenance" is the file's own name)."""
    return f"provenance: {key!r}" if len(key) <= 40 else _("provenance: a key")


def problem_text(code: str, params: dict[str, Any]) -> str:
    """A problem's sentence from its code and parameters, in the current language (English by default)."""
    shown = {}
    for name, value in params.items():
        if name == "kind":
            value = _(KINDS[value]) if value in KINDS else value
        elif name == "character":
            value = _(CHARACTERS[value]) if value in CHARACTERS else value
        elif name == "provenance_key":
            value = _provenance_key(value)
        elif name in LISTED:
            value = ", ".join(value)
        elif name == "file_problem":  # another problem, {"code", "params"}, written out in its own words
            value = problem_text(value["code"], value["params"])
        shown[name] = value
    return _(PROBLEMS[code]).format(**shown)
