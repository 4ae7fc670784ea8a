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

from .language import N_, _, ngettext

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
        return ", ".join(str(v) for v in value) or "none chosen"
    return str(value)


def set_aside_message(entry: Mapping[str, Any], bank_version: str) -> str:
    """What an officer is told about an answer set aside, and what to do about it."""
    qid = entry["question"]
    if entry["reason"] == "kept_aside":
        return (
            f"An answer to {qid} ({answer_ids(entry['answer'])}) is kept aside in the file, not scored, though {qid} "
            f"is a question of question bank {bank_version}. Answer {qid} (and remove the kept answer once you have)."
        )
    if entry["reason"] == "unknown_option":
        return (
            f"Your answer to {qid} ({answer_ids(entry['answer'])}) is not one of its options in question bank "
            f"{bank_version}, so it is set aside: kept in the file, not scored. Answer {qid} again."
        )
    kept = (
        "answer and note are"
        if entry["answer"] is not None and entry["note"]
        else "note is"
        if entry["note"]
        else "answer is"
    )
    answer = f" ({answer_ids(entry['answer'])})" if entry["answer"] is not None else ""
    return (
        f"{qid}{answer} is not a question in question bank {bank_version}, so its {kept} set aside: kept in "
        "the file, not scored. If the file came from a newer version of the scorecard, score it with that "
        "version; otherwise you can remove it."
    )


def entry_set_aside_message(key: str, problems: list[str]) -> str:
    """What an officer is told about an entry of the yearly cycle that cannot be used (engine/cycle.py)."""
    what = {
        "evidence": "The evidence for {}",
        "action_plan": "The action plan entry for {}",
        "assignments": "Who answers {}",
        "targets": "The target tier for {}",
        "sign_off": "The sign-off",
        "previous": "Last year's answers",
        "indicators": "The entry for outcome indicator {}",
    }
    section, _, rest = key.partition(".")
    return (
        what[section].format(rest)
        + " is set aside: kept in the file as it was, but not used until it is corrected ("
        + "; ".join(problems)
        + ")."
    )


def left_out_text(entry: dict[str, Any]) -> str:
    """What a merge left out of a file taken for some themes only (engine/merge.py)."""
    counts = [
        plural(entry["answers"], "answer"),
        plural(entry["notes"], "note"),
        plural(entry["evidence"], "piece of evidence", "pieces of evidence"),
        plural(entry["action_plan"], "action"),
        plural(entry.get("review_marks", 0), "peer review mark"),
    ]
    kept = [text for text in counts if not text.startswith("0 ")]
    return (
        f"{entry['file']}: only the themes chosen ({', '.join(entry['themes'])}) were taken: "
        f"{and_list(kept)} of other themes left out"
    )


def shown_time(at: str) -> str:
    """A provenance time as a person reads it: 2026-11-02T10:15:00.000Z -> 2026-11-02 10:15 UTC."""
    date, _, time = at.partition("T")
    zone = " UTC" if time.endswith("Z") else (" " + time[-6:] if time[-6:-5] in "+-" else "")
    return f"{date} {time[:5]}{zone}".strip()


def time_taken_as_now_message(key: str, at: str) -> str:
    """What an officer is told about a change time after now (engine/times.py)."""
    return (
        f"The time recorded for the last change to {key} ({shown_time(at)}) is after now: a computer's "
        "clock set wrong, or an edited file? It is taken as now, so it cannot win over changes made later."
    )


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


def evidence_text(entry: dict[str, str] | None) -> str:
    """One piece of evidence in a line: "Cabinet report 14; https://...; dated 2026-05-01; tested: 9 of 10 referred"."""
    if not entry:
        return ""
    parts = [entry[k] for k in ("reference", "link") if entry.get(k)]
    if entry.get("date"):
        parts.append(_("dated %(date)s") % {"date": entry["date"]})
    if entry.get("strength"):  # as the file says it (what it counts as is the engine's: evidence.py)
        parts.append(entry["strength"].replace("_", " "))
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
        parts.append(plural(len(changed), "action") + " added or changed (" + ", ".join(changed) + ")")
    if cleared:
        parts.append(plural(len(cleared), "action") + " cleared (" + ", ".join(cleared) + ")")
    text = f"Read {plural(rows, 'row')} of the action plan: " + ("; ".join(parts) if parts else "nothing changed") + "."
    if carried:
        moved = ", ".join(f"{old} into {new}" for old, new in carried.items())
        text += f" Rows of questions the bank has replaced were read into the new questions: {moved}."
    return text


# --- comparison notes ---------------------------------------------------------------------


def challenge_message(entry: Mapping[str, Any]) -> str:
    """One peer review challenge in a sentence: who challenged which answer, why, what they propose, and the
    lead's decision (engine/review.py)."""
    said = f"{entry['question']}: {entry['reviewer']} challenged the answer \u201c{entry['answer']}\u201d"
    if entry["proposed"]:
        said += f", proposing \u201c{entry['proposed']}\u201d"
    if entry["comment"]:
        said += f": {entry['comment']}"
    decision = {
        "open": " Open: not yet accepted or rejected.",
        "accepted": " Accepted.",
        "rejected": f" Rejected; the lead's reply: {entry['reply']}",
    }[entry["decision"]]
    return said.rstrip(".") + "." + decision


def peer_review_message(summary: Mapping[str, Any]) -> str:
    """The peer review in one sentence: who reviewed, what they agreed and challenged, what is still open."""
    parts = [plural(summary["agreed"], "answer") + " agreed", plural(summary["challenged"], "answer") + " challenged"]
    if summary["verified"]:
        parts.append(plural(summary["verified"], "piece of evidence", "pieces of evidence") + " independently verified")
    said = f"Peer review by {and_list(summary['reviewers'])}: {and_list(parts)}."
    if summary["open"]:
        said += f" {plural(summary['open'], 'challenge')} still open: accept or reject each."
    elif summary["challenged"]:
        said += f" Every challenge decided ({summary['accepted']} accepted, {summary['rejected']} rejected)."
    return said


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word if n == 1 else (words or word + 's')}"


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
    """The like-with-like findings as plain-English sentences, most important first.

    ``contributions``: how many of how many assessments were benchmark contributions."""
    notes = []
    groups = groups or []
    if group_by == "custom":
        listed = and_list([f"{g['title']} ({plural(g['councils'], 'council')})" for g in groups] or ["none"])
        notes.append(
            f"Councils are compared within the groups given: {listed}. Each group has its own median and "
            "quartiles, and each council's gap is to its own group's median."
        )
        for group in groups:
            notes += group["method"]
        if outside:
            notes.append(
                f"{plural(len(outside), 'council')} in the files {'is' if len(outside) == 1 else 'are'} in none of "
                f"the groups given, so {'it is' if len(outside) == 1 else 'they are'} left out: {and_list(outside)}."
            )
    elif group_by == "type" and groups:
        listed = and_list([f"{g['title']} ({plural(g['councils'], 'council')})" for g in groups])
        notes.append(
            f"Councils are compared with councils of the same nation and type: {listed}. Each group has its "
            "own median and quartiles, and each council's gap is to its own group's median."
        )
    elif groups:
        notes.append(
            "All councils are compared together, whatever their nation and type: the median and quartiles "
            "mix councils that are asked different questions."
        )
    if hidden:
        listed = "; ".join(
            f"{h['title']} ({_figures(bank, h['figures'])}; {plural(h['most_counted'], 'council')} counted or fewer)"
            for h in hidden
        )
        notes.append(
            f"This report is for sharing, so group figures (median, quartiles, lowest and highest) drawn from "
            f"fewer than {plural(min_group, 'council')} are hidden, and so are the gaps to them and each of those "
            f"councils' own scores of them (their tiers are shown): {listed}."
        )
    if shareable:
        notes.append(
            "Files are named without their folders, and the answers each council changed are left out of its "
            "progress over time."
        )
    for council in like.get("functions_differ", []):
        changes = []
        if council["added"]:
            changes.append(f"also runs {and_list([_in_sentence(f) for f in council['added']])}")
        if council["removed"]:
            changes.append(f"does not run {and_list([_in_sentence(f) for f in council['removed']])}")
        notes.append(
            f"{council['council']} runs other functions than a {type_name(bank, council['type']).lower()} "
            f"usually does ({'; '.join(changes)}), as its officers recorded: it was asked other questions "
            "than councils of its type, so compare its scores with care."
        )
    named = like.get("identified_by_name", [])
    matched = [c for c in named if c["matched"]]
    only = [c for c in named if not c["matched"]]
    if only:
        listed = and_list(
            [
                f"{c['council']} ({and_list([f for f in c['files'] if f] or ['a file given without a name'])})"
                for c in only
            ]
        )
        notes.append(
            f"{plural(len(only), 'council')} {'gives' if len(only) == 1 else 'give'} no register or GSS code, so "
            f"{'it is' if len(only) == 1 else 'they are'} known by name only: {listed}. A file that spells a "
            "name differently would count as another council: pick the council from the register (on the "
            "site's home page, or scorecard template --council CODE) to add its codes."
        )
    for council in matched:
        files = and_list([f for f in council["files"] if f] or ["a file"])
        notes.append(
            f"{council['council']} ({files}) gives no register or GSS code: it was matched by name to the "
            f"council with {_key_text(council['key'])}."
        )
    versions = like["bank_versions"]
    if len(versions) == 1 and versions[0]["current"]:
        notes.append(
            f"All assessments were answered against question bank {bank.version}, the version used to score them."
        )
    elif versions:
        listed = and_list(
            [
                f"{v['version']} ({plural(v['councils'], 'council')}, {plural(v['assessments'], 'assessment')})"
                for v in versions
            ]
        )
        scored = (
            f"All are scored with the current bank, {bank.version}: questions added since an older version "
            "count as unanswered in it (lowering its coverage, not its score), and answers to replaced "
            "questions carry over."
            if not contributions[0]
            else f"Whole files are scored with the current bank, {bank.version}; a contribution keeps the figures "
            "of the bank that scored it, so where the bank changed what a theme measures they are not like for like."
        )
        notes.append(
            f"Assessments were answered against question bank version{'s' if len(versions) > 1 else ''} {listed}. "
            + scored
        )
    for theme in like["asked_differs"]:
        if not theme["by_type_differs"] or group_by == "type":  # grouped by type: each group is asked alike
            continue
        parts = [f"{type_name(bank, t['type'])}: {t['applicable'] or 'none, so not scored'}" for t in theme["by_type"]]
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
    for council in like["provisional"]:
        if not council["answered"]:
            notes.append(
                f"{council['council']} ({council['assessment_date']}) has not answered any of the questions "
                "that apply to it yet, so it has no scores to compare."
            )
        elif council["overall_note"]:
            notes.append(
                f"{council['council']} ({council['assessment_date']}) answered {plural(council['answered'], 'question')} "
                f"({pct(council['coverage'])} of those that apply to it). {council['overall_note']} Its rated themes "
                "count in its group's figures, marked provisional; a score without a tier does not."
            )
        else:
            notes.append(
                f"{council['council']} ({council['assessment_date']}): {and_list(council['theme_titles'])} "
                f"{'is' if len(council['themes']) == 1 else 'are'} provisional (not every question answered): "
                "counted in its group's figures where rated, and marked."
            )
    for dup in like["same_day_duplicates"]:
        notes.append(
            f"{dup['council']} has {len(dup['files'])} assessments dated {dup['assessment_date']} "
            f"({', '.join(dup['files'])}); the last one given ({dup['used']}) is used."
        )
    regions = like["regions"]
    if len(regions) > 1:
        listed = and_list([f"{r['region'] or 'no region given'} ({plural(r['councils'], 'council')})" for r in regions])
        notes.append(f"The councils are from more than one region: {listed}.")
    had, of = contributions
    if had:
        contributions_are = "is a benchmark contribution" if had == 1 else "are benchmark contributions"
        which = (
            "the one assessment is a benchmark contribution"
            if of == 1
            else f"all {of} assessments {contributions_are}"
            if had == of
            else f"{had} of the {of} assessments {contributions_are}"
        )
        rest = f"; the other {of - had} {'is a whole file' if of - had == 1 else 'are whole files'}" if had < of else ""
        notes.append(
            f"{which[0].upper()}{which[1:]}: each council's figures as the bank it names scored them, without "
            f"residual risk, and without answers unless the council sent them{rest}."
        )
    for trend in trends:
        for theme in trend["themes"]:
            for change in theme["measure_changes"]:
                notes.append(
                    f"{trend['council']}: the question bank changed what {theme['title']} measures between "
                    f"{change['from_version']} ({change['from_date']}) and {change['to_version']} "
                    f"({change['to_date']}), so its scores before and after are not like for like."
                )
        for change in trend["changes"]:
            if not change["known"]:
                notes.append(
                    f"{trend['council']}: which answers changed between {change['from_date']} and "
                    f"{change['to_date']} is not known: a contribution was sent without its answers."
                )
    for group in group_trends or []:
        for change in group["measure_changes"]:
            notes.append(
                f"{group['title']}: the question bank changed what {change['title']} measures between the "
                f"assessments of {change['from_year']} and of {change['to_year']}, so its medians before and after "
                "are not like for like."
            )
    for trend in trends:
        types = trend["council_types"]
        if len(set(types)) > 1:
            names = [type_name(bank, t) for t in dict.fromkeys(types)]
            notes.append(
                f"{trend['council']} changed council type over time ({' to '.join(names)}): "
                "its earlier scores were asked different questions."
            )
    return notes


def _in_sentence(name: str) -> str:
    """'Adult social care' -> 'adult social care'; 'HMO licensing' and 'NRM first responder' stay as they are."""
    return name if name[:2].isupper() else name[:1].lower() + name[1:]


def _figures(bank: Bank, figures: list[str]) -> str:
    """'overall and 3 themes', 'every figure' when all of a group's are hidden."""
    themes = [f for f in figures if f != "overall"]
    if "overall" in figures and len(themes) == len(bank.themes):
        return "every figure"
    parts = (["overall"] if "overall" in figures else []) + ([plural(len(themes), "theme")] if themes else [])
    return " and ".join(parts)


def _key_text(key: str) -> str:
    kind, _, value = key.partition(":")
    return {"code": f"register code {value}", "ons": f"GSS code {value}"}.get(kind, f"the name {value!r}")


def similar_method(bank: Bank, similar: Mapping[str, Any]) -> list[str]:
    """How a council's similar councils were chosen (comparison/similar.py), as sentences a coordinator can check."""
    me = similar["council"]
    nation = next((t.nation for t in bank.council_types.values() if t.id == me["type"]), "")
    nation_name = bank.nations.get(nation, nation) or "its nation"
    kinds = "; ".join(type_name(bank, t) for t in similar["types"])
    sentences = [
        f"Councils like {me['name']} ({me['code']}): the {plural(similar['found'], 'nearest council', 'nearest')} "
        f"of {plural(similar['candidates'], 'other council')} in {nation_name} of the same "
        f"{'types' if similar['basis'] == 'functions' else 'type'} ({kinds}), by "
        "population and population density: the population (2020) and area of each council in the UK council "
        "register (mySociety, UK local authority names and codes, CC BY 4.0)."
    ]
    if similar["basis"] == "functions":
        sentences.append(
            f"Fewer than {similar['count']} other councils in {nation_name} are of its type, so the councils of "
            f"every type that runs the same functions by default ({kinds}) are included: they are asked the same "
            "questions."
        )
    scale = similar["scale"]
    sentences.append(
        "Each council is placed by the natural logarithm of its population and of its density (people per square "
        f"kilometre), each standardised across these {similar['candidates'] + 1} councils (log population: mean "
        f"{scale['log_population']['mean']}, standard deviation {scale['log_population']['sd']}; log density: mean "
        f"{scale['log_density']['mean']}, standard deviation {scale['log_density']['sd']}), so size and density "
        "weigh the same. The distance between two councils is the straight-line distance between them on those two "
        "measures; the nearest come first, and equal distances are ordered by register code."
    )
    if similar["found"] < similar["count"]:
        sentences.append(
            f"Only {plural(similar['found'], 'council')} could be compared with it, not {similar['count']}."
        )
    if similar["left_out"]:
        listed = and_list([f"{c['name']} ({c['code']})" for c in similar["left_out"]])
        sentences.append(f"Left out, having no population or area in the register: {listed}.")
    return sentences


def similar_chosen(similar: Mapping[str, Any], codes: list[str]) -> list[str]:
    """What a coordinator's own list of similar councils changes from the computed one, in words."""
    me = similar["council"]
    computed = [n["code"] for n in similar["neighbours"]]
    added = [c for c in codes if c not in computed]
    dropped = [c for c in computed if c not in codes]
    changes = []
    if added:
        changes.append(f"added {and_list(added)}")
    if dropped:
        changes.append(f"left out {and_list(dropped)}")
    return [
        f"The councils similar to {me['name']} ({me['code']}) are the coordinator's own list, not the computed one"
        + (f": {'; '.join(changes)}." if changes else " (the same councils).")
    ]


BANDS = {
    "above_upper_quartile": "above the upper quartile, in the top quarter",
    "upper_middle": "between the median and the upper quartile",
    "at_median": "at the median",
    "lower_middle": "between the lower quartile and the median",
    "below_lower_quartile": "below the lower quartile, in the bottom quarter",
}


def position_sentence(figure: Mapping[str, Any], tiers: Mapping[str, str]) -> str:
    """Where one of a council's figures stands in its group (comparison/position.py), in words."""
    title, value = figure["title"], figure["score"]
    tier = tiers.get(figure["tier"], figure["tier"]) if figure["tier"] else "not rated"
    target = ""
    if figure["target"]:
        short = figure["tiers_to_target"]
        reached = "reached" if short == 0 else "no tier yet" if short is None else f"{plural(short, 'tier')} to go"
        target = f" Its own target: {tiers.get(figure['target'], figure['target'])}, {reached}."
    if not figure["asked"]:
        return f"{title}: not asked of this council."
    if figure["score_hidden"]:
        return (
            f"{title}: {tier}; its score and the group's figures are hidden in a report for sharing (too few "
            f"councils counted).{target}"
        )
    if value is None:
        return f"{title}: not scored yet.{target}"
    flag = ", provisional" if figure["provisional"] and figure["tier"] else ""  # counted, and flagged
    head = f"{title}: {score(value)} ({tier}{flag})"
    if not figure["counted"]:  # a score without a tier
        why = f" {figure['note']}" if figure["note"] else ""
        return f"{head}.{why} Left out of the group's figures until it is rated.{target}"
    if figure["hidden"]:
        return f"{head}; the group's figures are hidden in a report for sharing (too few councils counted).{target}"
    if figure["n"] == 1:
        return f"{head}; the only council counted in its group.{target}"
    difference = value - figure["median"]
    side = (
        "at the group's median"
        if not difference
        else (
            f"{num(abs(difference))} {'above' if difference > 0 else 'below'} the group's median of {num(figure['median'])}"
        )
    )
    where = "" if figure["band"] == "at_median" else f", {BANDS[figure['band']]}"
    higher = figure["higher"]
    return (
        f"{head}, {side}{where}; {'none' if not higher else higher} of the {figure['n']} councils counted "
        f"{'scores' if higher == 1 else 'score'} higher.{target}"
    )


def open_figures_method(min_group: int, earlier: bool) -> list[str]:
    """How open figures were made and hidden (comparison/open_figures.py, disclosure.py), for their readers."""
    return [
        "Each figure is drawn from the latest self-assessment of each council in the group, scored with the "
        "question bank named. A council's score is counted when it is rated (it has a tier): a provisional one "
        "(not every question answered) is counted, and how many of the councils counted are provisional is given "
        "(provisional_counted); a score without a tier (not rated: too little answered to rate, or waiting for a "
        "legal duty or an essential control to be answered) is left out of every figure, and how many were left "
        "out is given (not_rated_left_out).",
        "Median and quartiles: Python's statistics.quantiles(method='inclusive'), Excel's QUARTILE.INC, to one "
        "decimal place, halves rounded up. Tier percentages are whole numbers rounded by largest remainder, so "
        "each set adds up to 100; counts are whole numbers, so a total is the sum of its groups' counts.",
        f"A figure drawn from fewer than {plural(min_group, 'council')} is not published. Neither is any other "
        "figure that would let a hidden one, or the figures of fewer than "
        f"{plural(min_group, 'council')}, be worked out by adding and subtracting published figures"
        + (" of this release and the earlier releases it was checked against." if earlier else " of this release.")
        + " Totals across groups give counts only: no median across councils of different kinds.",
    ]


def open_figures_readme(release: dict[str, Any]) -> str:
    """The open figures' README: what they are, how they were made and hidden, the licence and attribution."""
    groups = and_list([f"{g['title']} ({plural(g['councils'], 'council')})" for g in release["groups"]] or ["none"])
    lines = [
        release["title"],
        "",
        f"Groups: {groups}. Question bank {release['bank_version']}; figures drawn from fewer than "
        f"{plural(release['min_group'], 'council')} are not published.",
        "",
        "Files: figures.csv (one row per group and figure), figures.json (the same, with this text), "
        "dictionary.csv (what each column means).",
        "",
        "How the figures were made:",
        *(f"- {sentence}" for sentence in release["method"]),
        "",
        f"Licence: {release['licence']}.",
        *(f"{line}." for line in release["attribution"]),
    ]
    return "\n".join(lines) + "\n"


def open_figures_dictionary(tiers: dict[str, str]) -> list[dict[str, str]]:
    """The columns of the open figures CSV: name, type and meaning (the data dictionary)."""
    columns = [
        ("group_id", "text", "The group's identifier: nation/type, all, custom/N, similar/CODE, or total."),
        ("group", "text", "The group's name."),
        (
            "group_kind",
            "text",
            "type (nation and council type), all, custom (a coordinator's list), similar "
            "(a council and its similar councils), or total (all groups together).",
        ),
        ("figure_id", "text", "overall, or the theme's identifier."),
        ("figure", "text", "Overall, or the theme's title."),
        (
            "councils_counted",
            "whole number",
            "Councils whose score for this figure is counted: rated (a score with a tier), provisional ones "
            "included. Always published.",
        ),
        (
            "provisional_counted",
            "whole number",
            "Of the councils counted, those whose score is provisional (not every question answered): rated, "
            "counted, and flagged here. Blank when hidden.",
        ),
        (
            "not_rated_left_out",
            "whole number",
            "Councils with a score but no tier for this figure (not rated: too little answered, or waiting for a "
            "legal duty or an essential control to be answered): left out of every figure of the row. Always "
            "published.",
        ),
        ("published", "yes/no", "no when the figures of this row are hidden."),
        (
            "hidden_because",
            "text",
            "fewer_than_min_group (drawn from too few councils), complementary (hidden "
            "so that another hidden figure cannot be worked out from it), or blank.",
        ),
        ("median", "number, 0 to 100", "The median score, one decimal place; blank when hidden or for a total."),
        ("lower_quartile", "number, 0 to 100", "The lower quartile of the scores (QUARTILE.INC)."),
        ("upper_quartile", "number, 0 to 100", "The upper quartile of the scores (QUARTILE.INC)."),
    ]
    for tier, name in tiers.items():
        columns.append((f"{tier}_councils", "whole number", f"Councils counted whose tier is {name}."))
        columns.append(
            (
                f"{tier}_percent",
                "whole number, 0 to 100",
                "The same as a percentage of the councils counted; the percentages of a row add up to 100.",
            )
        )
    columns.append(
        (
            "councils",
            "text",
            "The councils counted: their register codes (code:TUN), GSS codes "
            "(ons:E07000116) or, for a council given by name only, its name (name:...), separated by spaces.",
        )
    )
    return [{"column": c, "type": t, "meaning": m} for c, t, m in columns]


def type_name(bank: Bank, type_id: str) -> str:
    """A council type's display name; the id itself for a type the bank does not know."""
    ctype = bank.council_types.get(type_id)
    return ctype.name if ctype else type_id


# --- problems with an assessment file ------------------------------------------------------
# One English sentence per problem code (engine/messages.py); the parameters are ids, numbers
# and values from the file, so a second language is a second table like this one. A parameter
# named "kind" is a kind of JSON value (KINDS), "character" a kind of character (CHARACTERS),
# "provenance_key" is quoted when short, and the LISTED ones are written comma-separated.

KINDS = {
    "object": "an object",
    "list": "a list",
    "text": "text",
    "boolean": "true/false",
    "null": "null",
    "number": "a number",
}

PROBLEMS = {
    "file_unreadable": "cannot read the file: {reason}",
    "file_not_utf8": "the file is not UTF-8 text (is it a JSON assessment file?)",
    "file_not_text": "expected the file's text, got {type}",
    "file_too_large": "the file is larger than {limit_mb} MB, the most an assessment file can be",
    "file_empty": "the file is empty",
    "duplicate_key": "{key!r} appears twice in the same object; keep one (which answer is meant?)",
    "nested_too_deeply": "the file is nested too deeply to be an assessment (lists or objects inside each other hundreds of times)",
    "invalid_json": "the file is not valid JSON: {detail}",
    "invalid_json_at_line": "the file is not valid JSON (line {line}): {detail}",
    "lone_surrogate": "the file contains an invalid character: a \\u escape for half of a character pair (a lone surrogate such as \\ud800)",
    "not_an_object": "the file must contain a JSON object (an assessment), not {kind}",
    "not_an_assessment": 'this is not a scorecard assessment file (expected "format": "{format}")',
    "unsupported_format_version": "unsupported format_version {found}; this version reads {supported}",
    "unknown_council_type": "unknown council type {council_type!r}; expected one of {council_types}",
    "bad_assessment_date": "assessment_date must be a date written YYYY-MM-DD",
    "assessment_date_too_early": "assessment_date {date} is before 2015, the year of the Modern Slavery Act 2015, "
    "so it cannot be the date of this assessment: check the year",
    "assessment_date_in_future": "assessment_date {date} is after today ({today}): a date still to come would stay "
    "this council's latest assessment in every comparison; check the year",
    "not_one_line": "{field} contains {character} ({code_point}) at character {position}; "
    "it must be one line of visible text: retype it without that character",
    "bad_bank_version": "bank_version must name the question bank version the answers were given against",
    "council_not_an_object": "council must be an object with name and type",
    "council_name_not_text": "council.name must be text",
    "council_name_too_long": "council.name is longer than {limit} characters",
    "council_type_not_known": "council.type {value!r} is not one of: {council_types}",
    "council_region_bad": "council.region must be text of at most {limit} characters",
    "council_ons_code_bad": "council.ons_code {value!r} is not an ONS code like E07000234",
    "council_code_bad": "council.code {value!r} is not a council register code like ADU",
    "council_functions_not_a_list": "council.functions must be a list of function ids",
    "council_function_unknown": "council.functions: {value!r} is not one of: {functions}",
    "council_function_twice": "council.functions names a function twice",
    "answers_not_an_object": "answers must be an object mapping question ids to answers",
    "retired_answers_not_an_object": "retired_answers must be an object mapping question ids to answers",
    "not_a_question_id": "{field}: {value!r} is not a question id (like ABC-01)",
    "kept_answer_bad": "{field}: {question}: expected an option id or a list of option ids, got {kind}",
    "kept_answer_list_bad_item": "{field}: {question}: expected an option id or a list of option ids, got a list with {kind} in it",
    "kept_answer_list_too_long": "{field}: {question}: expected a list of at most {limit} option ids, got {count}",
    "kept_answer_too_long": "{field}: {question}: an option id is at most {limit} characters",
    "answer_not_applicable_not_allowed": "answers: {question}: 'not applicable' is not an allowed answer to this question",
    "answer_not_a_list": "answers: {question}: expected a list of option ids, got {kind}",
    "answer_not_an_option_id": "answers: {question}: expected one option id, got {kind}",
    "answer_unknown_option": "answers: {question}: unknown option {option!r}; options are {options}",
    "answer_option_twice": "answers: {question}: an option is chosen twice",
    "answer_exclusive_option_with_others": "answers: {question}: '{label}' ({option}) is an answer on its own; it cannot be chosen with other options",
    "notes_not_an_object": "notes must be an object mapping question ids to text",
    "note_not_text": "notes: {question}: a note must be text, got {kind}",
    "note_too_long": "notes: {question}: a note is at most {limit} characters",
    "provenance_not_an_object": "provenance must be an object mapping question ids (and notes.ID, council.FIELD, assessment) to {{at, by}}",
    "provenance_bad_key": "{provenance_key} is not a question id, notes.ID, evidence.ID, action_plan.ID, review.ID, indicators.ID, council.FIELD, assignments.KEY, sign_off or assessment",
    "provenance_entry_bad": '{provenance_key} must be an object with "at" (a date and time) and, optionally, "by" (a name)',
    "provenance_at_bad": "{provenance_key}: at must be a date and time like 2026-11-01T10:15:00Z",
    "provenance_by_bad": "{provenance_key}: by must be text of at most {limit} characters",
    "comparison_option_unknown": "unknown comparison option {option!r}",
    "comparison_group_by_bad": "group_by must be one of {choices}",
    "statement_summary_not_in_bank": "this question bank has no statement_summary.yaml, so it cannot summarise the statement for the registry",
    "comparison_min_group_bad": "min_group must be a whole number of councils, at least 1",
    "comparison_focus_bad": "focus must be a council's register or GSS code",
    "comparison_custom_bad": 'custom groups are a list of {{"id", "title", "kind", "codes"}}, given with group_by '
    '"custom" (and only then)',
    "similar_unknown_council": "{code!r} is not a current council in the UK council register: give its register "
    "code (such as TUN) or GSS code (such as E07000116)",
    "targets_not_an_object": "targets must be an object mapping theme ids to tier ids, not {kind}",
    "target_key_bad": "targets: {key!r} is not a theme id (one of: {themes})",
    "target_tier_bad": "targets: {theme}: {value!r} is not a tier (one of: {tiers})",
    "not_a_contribution": 'this is not a benchmark contribution (expected "format": "{format}")',
    "contribution_not_signed_off": "only a signed-off assessment can be contributed: sign it off first (results "
    "page, Sign-off), so the figures a coordinator compares are ones the council stands by",
    "contribution_include_unknown": "{value!r} is not something a contribution can include (one of: {choices})",
    "contribution_included_bad": "included must list what the council chose to send besides the figures, from: "
    "{choices}",
    "contribution_unexpected": "{key!r} is not part of a contribution unless the council included it: a "
    "contribution holds only its figures and what its included list names",
    "contribution_missing": "included names {key} but the contribution does not hold it",
    "contribution_figures_bad": "{where}: expected an object with exactly {fields}",
    "contribution_figure_bad": "{where}: {figure} {value} is not a figure this scorecard writes (a score is 0 to "
    "100, coverage and shares 0 to 1, provisional true or false, counts whole numbers, notes one line of text)",
    "contribution_tier_bad": "{where}: {value!r} is not a tier (one of: {tiers})",
    "contribution_not_rated_bad": "{where}: not_rated {value} is not a reason a theme is not rated (one of: "
    "{choices}; null when it is rated or has nothing to rate)",
    "contribution_rating_bad": "{where}: a theme with a score has a tier or says why it is not rated (not_rated), "
    "never both and never neither",
    "contribution_themes_bad": "themes must be a list of the themes' figures, not {kind}",
    "contribution_theme_id_bad": "themes: {value!r} is not a theme id, or is given twice",
    "groups_file_empty": "{file}: the groups file is empty; it needs a header row with a code column "
    "(and, optionally, group) and a row for each council",
    "groups_file_no_code": "{file}: the groups file has no code column: its first row must name the columns, "
    "such as group,code",
    "groups_file_code_bad": "{file}, line {line}: {value!r} is not a council register code (such as TUN) or GSS "
    "code (such as E07000116)",
    "groups_file_too_many": "{file}: more than {limit} groups; a comparison shows each group as its own table",
    "groups_council_twice": "{council} is in more than one group ({groups}): each council is compared within one "
    "group; give it in one",
    "open_figures_earlier_bad": "earlier release {place} is not an open figures file (figures.json, with "
    '"format": "{format}")',
    "similar_no_figures": "{council} ({code}) has no population or area in the UK council register, so similar "
    "councils cannot be found for it",
    # the yearly cycle (engine/cycle.py)
    "section_not_an_object": "{section} must be an object mapping question ids to entries, not {kind}",
    "section_key_not_a_question": "{section}: {key!r} is not a question id like SPC-01",
    "evidence_bad_shape": 'evidence: {question}: evidence must be an object with "link" and/or "reference", and optionally '
    '"date", "strength", "result" and "reviewer"',
    "evidence_missing": 'evidence: {question}: evidence needs a "link" (a web address), a "reference" (a document\'s name or '
    'number) or a "strength"',
    "evidence_link_bad": "evidence: {question}: link must be a web address starting https:// or http://, at most {limit} characters "
    '(put a file path or document number in "reference")',
    "evidence_reference_bad": "evidence: {question}: reference must be text of 1 to {limit} characters",
    "evidence_date_bad": "evidence: {question}: date must be a date written YYYY-MM-DD",
    "evidence_strength_bad": "evidence: {question}: strength must be one of {strengths}",
    "evidence_text_bad": "evidence: {question}: {field} must be text of 1 to {limit} characters",
    "action_bad_shape": "action_plan: {question}: an action must be an object with some of {fields}",
    "action_status_bad": "action_plan: {question}: status {value!r} is not one of: {statuses}",
    "action_text_bad": "action_plan: {question}: {field} must be text of at most {limit} characters",
    "action_due_bad": "action_plan: {question}: due must be a date written YYYY-MM-DD",
    "action_reason_missing": "action_plan: {question}: an action that is not planned needs a reason",
    "sign_off_bad_shape": "sign_off must be an object with name, role and date (and, once signed, digest and parts)",
    "sign_off_text_bad": "sign_off: {field} must be text of 1 to {limit} characters",
    "sign_off_date_bad": "sign_off: date must be a date written YYYY-MM-DD",
    "sign_off_digest_bad": 'sign_off: "digest" and each of "parts" must be "sha256:" and 64 lowercase hexadecimal '
    "digits, as the scorecard writes them",
    "assignments_not_an_object": "assignments must be an object mapping theme ids or question ids to a contributor's name, not {kind}",
    "assignment_key_bad": "assignments: {key!r} is not a theme ({themes}) or a question id",
    "assignment_name_bad": "assignments: {key}: the contributor's name must be text of 1 to {limit} characters",
    "review_not_a_list": "review must be a list of question ids, not {kind}",
    "previous_not_an_object": "previous must be an object: last year's answers, or {{\"file\": ...}} naming last year's file; not {kind}",
    "previous_unexpected": "previous: unexpected {key!r}; expected some of {fields}",
    "previous_missing_answers": 'previous needs last year\'s "answers", or the "file" they are in',
    "previous_date_bad": "previous: assessment_date must be a date written YYYY-MM-DD",
    "previous_bank_version_bad": "previous: bank_version must name a question bank version",
    "previous_file_bad": "previous: file must be the name of last year's assessment file",
    "previous_part_bad": "previous: {part} must be an object keyed by question ids",
    "previous_indicators_bad": "previous: indicators must be an object keyed by indicator ids (IND-01 ...)",
    # outcome indicators (engine/indicators.py)
    "indicator_key_bad": "{section}: {key!r} is not an indicator id (IND-01 ...)",
    "indicator_bad_shape": "{section}: {indicator}: an indicator's figures must be an object with from, to and counts (and perhaps a note); allowed: {fields}",
    "indicator_period_bad": "{section}: {indicator}: from and to must be dates written YYYY-MM-DD",
    "indicator_period_backwards": "{section}: {indicator}: the period ends ({end}) before it starts ({start})",
    "indicator_note_bad": "{section}: {indicator}: note must be text of at most {limit} characters",
    "indicator_counts_not_an_object": "{section}: {indicator}: counts must be an object of count ids and whole numbers, not {kind}",
    "indicator_count_bad": "{section}: {indicator}: {count} must be a whole number from 0 to {limit}",
    "indicator_count_unknown": "{section}: {indicator}: {count!r} is not one of its counts: {choices}",
    "indicator_count_exceeds": "{section}: {indicator}: {count} ({part_value}) cannot be more than {whole} ({whole_value}), which it is part of",
    # starting this year's assessment (engine/next_year.py)
    "next_year_date_bad": "today must be a date written YYYY-MM-DD",
    "next_year_before_last": "this year's assessment cannot start ({today}) before last year's was made ({last})",
    "next_year_date_in_future": "{today} is after today ({now}): this year's assessment cannot start on a date "
    "still to come",
    "next_year_same_day": "this year's assessment cannot start on the day last year's was made ({last})",
    "next_year_already_started": "it was started on {started} from the assessment of {last_year}: it is this year's "
    "assessment already, so carry on with it (starting again would replace last year's record with this one). "
    "If this really starts a new year, confirm it",
    "next_year_too_large": "this year's file would be larger than {limit_mb} MB, the most a file can be: last year's "
    "answers, notes and evidence are copied into it twice (this year's, and last year's record). Remove notes or "
    "evidence no longer needed from last year's file first",
    # merging officers' files (engine/merge.py); "file_problem" is that file's own problem, written out
    "merge_needs_two": "give at least two assessment files to merge",
    "merge_same_name": "{file}: the same file name is given twice",
    "merge_file_problem": "{file}: {file_problem}",
    "merge_unknown_theme": "{file}: {theme!r} is not a theme; themes are {themes}",
    "merge_themes_for_unknown_file": "themes chosen for {file!r}, which is not one of the files",
    "merge_take_unknown_file": "--take {key}={file}: no file is called {file!r} (files: {files})",
    "merge_prefer_unknown_file": "--prefer {file}: no file is called {file!r} (files: {files})",
    "merge_take_blank": "{key}: {file} has nothing there to take; choose one of {files}",
    "merge_take_no_conflict": "--take {key}=...: nothing to settle for {key} (no conflict there)",
    "merge_other_council": "{file} is the assessment of {council}, not of {lead_council} like {lead_file}: "
    "nothing was merged. If it is meant to be merged all the same, confirm that council ({confirm})",
    "merge_other_council_unknown": "--other-council {given}: none of the files is that council's",
    "merge_not_a_file": "{given!r} is not one of the files being merged ({files})",
    "merge_option_form": "{item!r}: write it as {form}",
    "export_themes_bad": "choose the themes to export from: {themes} (not {theme!r})",
    # a peer review's marks, in an assessment (engine/cycle.py) and in a review file (engine/review.py)
    "review_mark_bad_shape": "{question}: a review mark must be an object with only these fields: {fields}",
    "review_mark_kind_bad": "{field}: a mark is one of {choices}",
    "review_text_bad": "{field} must be text of at most {limit} characters (and not blank where it names someone)",
    "review_text_control": "{field} holds a control character ({code_point}) at character {position}: comments "
    "and replies are plain text",
    "review_text_markup": "{field} holds markup ({found!r}): comments and replies are plain text, shown as "
    "written; write it without angle brackets",
    "review_proposed_bad_shape": "{field}: only a challenge proposes an answer, as an option id or a list of them",
    "review_answer_bad_shape": "{field}: the answer challenged is kept on a challenge only, as an option id or a list of them",
    "review_proposed_bad": "marks.{question}: the proposed answer is not one that {question} offers",
    "review_date_bad": "{field} is not a date (YYYY-MM-DD)",
    "review_decision_bad": "{field}: a challenge is {choices}; an agreement has no decision",
    "review_reply_missing": "{question}: rejecting a challenge needs the lead's reply (a right of reply)",
    "review_not_an_object": "the review file must contain a JSON object (a review), not {kind}",
    "review_not_a_review": "this is not a review file (its format is not {format}); a review file is started "
    "from the assessment with 'Start a review' or scorecard review start",
    "review_format_version": "this review file is of a format version this scorecard does not read "
    "(it reads version {supported})",
    "review_unexpected": "the review file holds {key!r}, which a review does not; it holds only {fields}",
    "review_subject_bad": "the review file does not say which assessment it reviews: 'assessment' needs {fields}",
    "review_other_council": "this review is of {council}, not of {lead_council}: nothing was changed",
    "review_other_bank": "this review is of an assessment answered against question bank {version}, not "
    "{assessment_version} like this one: nothing was changed",
    "review_other_answers": "this review is of other answers than this assessment's: they changed after the review "
    "was started, or it is another file's review. Nothing was changed. If this review was merged already, its "
    "challenges are in the assessment: decide them there",
    "review_unknown_question": "marks: {question!r} is not a question in bank version {version}",
    "review_verified_bad": "verified must be a list of question ids",
    "review_verified_no_evidence": "verified: {question} has no evidence recorded in the assessment to verify",
    "review_not_signed": "the review is not signed: the reviewer gives their name, organisation and the date",
    "review_sign_off_bad": "the review's sign_off must be an object with {fields}",
    "review_date_in_future": "the review is signed on {date}, a date still to come (today is {today}): nothing "
    "was changed",
    "review_date_before_assessment": "the review is signed on {date}, before the assessment's own date "
    "({assessment_date}): nothing was changed",
    "review_no_challenge": "{question}: the review does not challenge that answer",
    "review_decided_already": "{question}: that challenge is {decision} already",
    "review_decisions_bad": "decisions are the question ids to accept, and each question id to reject with its reply",
    "review_accept_and_reject": "{question}: a challenge is accepted or rejected, not both",
    # reading the action plan back from a spreadsheet (engine/plan_csv.py)
    "plan_csv_empty": "the action plan file is empty",
    "plan_csv_no_question_column": 'the action plan has no "Question" column (is this the action plan CSV the scorecard wrote?)',
    "plan_csv_no_plan_columns": "the action plan has none of the columns {columns}",
    "plan_row_no_question": "row {row}: the Question cell is empty",
    "plan_row_unknown_question": "row {row} ({question}): {question!r} is not a question in bank version {version}",
    "plan_row_duplicate": "row {row} ({question}): {question} is also on row {first_row}; keep one row per question",
    "plan_row_duplicate_replaced": "row {row} ({question}): {question} is also on row {first_row} (as {first_question}); "
    "keep one row per question",
    "plan_csv_mixed_encoding": "line {line} is not UTF-8 though the rest of the file is: a character typed or pasted "
    'in another program? Save the spreadsheet as "CSV UTF-8" and import it again, or retype that line\'s accented '
    "letters and symbols",
    "plan_csv_bad_bytes": "line {line} holds bytes that are not {encoding} text: is this the action plan CSV? "
    'Save the spreadsheet as "CSV UTF-8" and import it again',
    "plan_csv_too_many_problems": "stopped reading at row {row} after {limit} problems: fix these first",
    "plan_csv_too_large": "the file is larger than {limit_mb} MB, far more than an action plan",
    "plan_row_status_bad": "row {row} ({question}): Status {value!r} is not one of: {names}",
    "plan_row_date_bad": "row {row} ({question}): Due date {value!r} is not a date (write it 2027-03-31 or 31/03/2027)",
    "plan_row_reason_missing": "row {row} ({question}): an action that is not planned needs a reason",
    "plan_row_too_long": "row {row} ({question}): {column} is longer than {limit} characters",
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
    "line_break": "a line break",
    "control": "a control character",
    "direction": "an invisible direction control",
    "zero_width": "an invisible zero-width character",
}


def _provenance_key(key: str) -> str:
    """Where in provenance: the key itself unless it is too long to quote."""
    return f"provenance: {key!r}" if len(key) <= 40 else "provenance: a key"


def problem_text(code: str, params: dict[str, Any]) -> str:
    """A problem's English sentence from its code and parameters."""
    shown = {}
    for name, value in params.items():
        if name == "kind":
            value = KINDS.get(value, value)
        elif name == "character":
            value = CHARACTERS.get(value, value)
        elif name == "provenance_key":
            value = _provenance_key(value)
        elif name in LISTED:
            value = ", ".join(value)
        elif name == "file_problem":  # another problem, {"code", "params"}, written out in its own words
            value = problem_text(value["code"], value["params"])
        shown[name] = value
    return PROBLEMS[code].format(**shown)
