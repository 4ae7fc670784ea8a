"""The board report's content: a one-page summary and an annex of every answer, all worded here.

The command line renders it with Jinja2 (scorecard/reports/board.py) and the site's report page
renders the same content in the browser (it runs this module through the engine), so both say
exactly the same. Every figure and sentence is made here; the renderers only lay it out.

Run-time code: standard library only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from .assessment import Assessment
from .bank import Bank, Question
from .characters import one_line
from .evidence import read_evidence, strength_names
from .glossary import glossary
from .indicators import indicators_recorded
from .language import N_, _, counted, ngettext
from .statuses import ANSWERED, NA, NOT_ASKED, PARENT_CLOSED, PARENT_UNANSWERED, UNANSWERED
from .wording import STATUS_NAMES, and_list, evidence_text, long_date, num, pct, plan_text, signed
from .yearly import previous_differences

TOP_ACTIONS = 5
# Duties and controls listed one a line on the summary; those not answered yet are in one line (_not_answered_line).
GATE_WORDS = {"not_met": N_("not met"), "contradicted": N_("contradicted by another answer")}
CONTROL_WORDS = {"not_met": N_("not in place")}

# The UK council register's regions, as it writes them (England's nine regions, and Wales, Scotland and Northern
# Ireland, which it gives as their own region): written in the report's language (scorecard/council_register.py).
REGIONS = (
    N_("North East"),
    N_("North West"),
    N_("Yorkshire and The Humber"),
    N_("East Midlands"),
    N_("West Midlands"),
    N_("East of England"),
    N_("London"),
    N_("South East"),
    N_("South West"),
    N_("Wales"),
    N_("Scotland"),
    N_("Northern Ireland"),
)
# Each nation as a language writes it after "in", mutated where the language mutates it (Welsh: "yng Nghymru"): how
# the opening line knows that a council type's name ("... yng Nghymru") has said the nation already.
PLACES_IN = {
    N_("England"): N_("in England"),
    N_("Wales"): N_("in Wales"),
    N_("Scotland"): N_("in Scotland"),
    N_("Northern Ireland"): N_("in Northern Ireland"),
}


# The renderers' own words (headings, column names, the lines between figures): given with the report, so the
# command line's template (scorecard/reports/templates/board_body.html.j2) and the site's page (js/board.js) write
# them in the report's language, and a bilingual report has each half in its own.
WORDS = {
    "summary": N_("Summary"),
    "out_of_100": N_("out of 100"),
    "of_questions_answered": N_("of questions answered"),
    "overall_score": N_("Overall score %(change)s."),
    "evidence": N_("Evidence:"),
    "scores_by_theme": N_("Scores by theme"),
    "theme": N_("Theme"),
    "score": N_("Score (0–100)"),
    "tier": N_("Tier"),
    "residual_risk": N_("Residual risk"),
    "answered": N_("Answered"),
    "evidenced_score": N_("Evidenced score"),
    "since_last_year": N_("Since last year"),
    "when_planned": N_("When planned actions are done"),
    "provisional": N_("provisional"),
    "duties_and_controls": N_("Legal duties and essential controls"),
    "essential_control": N_("essential control"),
    "none_not_met": N_(
        "No legal duty or essential control tested by these questions is shown as not met or not answered."
    ),
    "contradictions": N_("Answers that contradict each other"),
    "duties_by_date": N_("Legal duties by date"),
    "top_actions": N_("Top actions"),
    "actions_owned": N_("(%(owned)s of %(total)s actions have an owner)"),
    "action": N_("Action"),
    "owner": N_("Owner"),
    "due": N_("Due"),
    "status": N_("Status"),
    "no_actions": N_("No actions: every answered question has the best answer."),
    "annex": N_("Annex: every answer, note and piece of evidence"),
    "terms": N_("Terms used in this report"),
    "challenges": N_("Peer review challenges"),
    "question": N_("Question"),
    "answer": N_("Answer"),
    "note_evidence_action": N_("Note, evidence and action"),
    "answered_by": N_("Answered by"),
    "evidence_label": N_("Evidence: "),
    "dated": N_("dated %(date)s"),
    "action_label": N_("Action: %(action)s"),
    "indicators": N_("Outcome indicators (recorded beside the scores, not scored)"),
    "indicators_table": N_("Outcome indicators"),
    "indicator_and_period": N_("Indicator and period"),
    "count": N_("Count"),
    "this_year": N_("This year"),
    "set_aside": N_("Set aside, not used: %(problems)s"),
    "retired": N_("Answers to retired questions (kept, not scored)"),
}


def words() -> dict[str, str]:
    """The board report's headings and the words between its figures, in the current language."""
    return {key: _(text) for key, text in WORDS.items()}


def board_report(
    bank: Bank,
    assessment: Assessment,
    result: Mapping[str, Any],
    top: int = TOP_ACTIONS,
    last_year: Assessment | None = None,
    last_year_file: str = "",
) -> dict[str, Any]:
    """The report as plain data: strings and numbers, ready to lay out.

    "Since last year" is worked out from last year's answers recorded in this file; given last year's own
    file (``last_year``, named ``last_year_file``), the report says whether the two agree.
    """
    labels = result["labels"]
    council = result["council"]
    since = result.get("since_last_year") or {}
    changes = {t["id"]: t for t in since.get("themes", [])} if since.get("available") else {}
    assessed = {
        "date": long_date(result["assessment_date"]),
        "version": result["assessment_bank_version"],
        "scored_with": result["bank_version"],
    }
    return {
        "words": words(),
        "title": _("Modern slavery self-assessment"),
        "council": council["name"] or _("Council name not given"),
        "subtitle": _where(labels, council),
        "assessed": (
            _("Assessed %(date)s against question bank %(version)s (scored with %(scored_with)s)")
            if result["changes"]["version_changed"]
            else _("Assessed %(date)s against question bank %(version)s")
        )
        % assessed,
        "headline": _headline(bank, result, labels),
        "themes": [_theme_row(t, labels, changes.get(t["id"])) for t in result["themes"]],
        "gates": [
            {"question": g["question"], "theme": t["title"], "law": g["law"], "status": _(GATE_WORDS[g["status"]])}
            for t in result["themes"]
            for g in t["gates"]
            if g["status"] in GATE_WORDS
        ],
        "essentials": [
            {
                "question": e["question"],
                "theme": t["title"],
                "control": e["control"],
                "status": _(CONTROL_WORDS[e["status"]]),
            }
            for t in result["themes"]
            for e in t["essentials"]
            if e["status"] in CONTROL_WORDS
        ],
        "not_answered": _not_answered_line(result),
        "not_evidenced": _not_evidenced_line(bank, result),
        "contradictions": _contradictions_line(result.get("contradictions", [])),
        "duties_by_date": [d["message"] for d in result.get("duties_by_date", [])],
        "table_note": _table_note(result, labels, bank.min_answered_weight),
        "since": _since(
            since,
            previous_differences(bank, assessment, last_year) if last_year is not None else None,
            last_year_file,
        ),
        "actions": [_action(a, labels) for a in result["actions"][:top]],
        "actions_total": len(result["actions"]),
        "actions_owned": sum(1 for a in result["actions"] if (a.get("plan") or {}).get("owner")),
        "evidence": _evidence_line(bank, result["evidence"]),
        "sign_off": _sign_off(result.get("sign_off")),
        **_digest_lines(result.get("sign_off_check")),
        "review": (
            counted(
                len(result["review"]),
                "%(count)s answer carried from last year still to review.",
                "%(count)s answers carried from last year still to review.",
            )
            if result.get("review")
            else ""
        ),
        "peer_review": (result.get("peer_review") or {}).get("message", ""),
        "indicators_line": _indicators_line(result.get("indicators", [])),
        "annex": _annex(bank, assessment, result, labels),
        "annex_indicators": [_indicator(i) for i in result.get("indicators", [])],
        "annex_challenges": [
            {"question": c["question"], "decision": c["decision"], "message": c["message"]}
            for c in (result.get("peer_review") or {}).get("challenges", [])
        ],
        "annex_contradictions": [_pair(c) + f": {c['message']}" for c in result.get("contradictions", [])],
        "glossary": glossary(bank),
        "retired": [
            _("%(question)s: %(text)s (answer kept: %(answer)s)")
            % {"question": r["question"], "text": r["text"] or _("a retired question"), "answer": r["answer"]}
            for r in result["changes"]["retired"]
        ],
    }


def _not_evidenced_line(bank: Bank, result: Mapping[str, Any]) -> str:
    """The legal duties and essential controls answered as met without evidence that counts, in one line (each is in
    the annex with its evidence): many can be, and the summary is one page."""
    held = [
        g["question"]
        for t in result["themes"]
        for g in [*t["gates"], *t["essentials"]]
        if g["status"] == "met_not_evidenced"
    ]
    if not held:
        return ""
    cap = bank.tiers[bank.ranks["tiers"][bank.rules["evidence"]["cap"]]].name
    return _("Met, not evidenced (each holds its theme at %(tier)s): %(questions)s.") % {
        "tier": cap,
        "questions": and_list(list(dict.fromkeys(held))),
    }


def _not_answered_line(result: Mapping[str, Any]) -> str:
    """The legal duties and essential controls not answered yet, in one line: on the summary page those not met
    are listed in full, these by question and law (each is in the annex with its answer)."""
    duties = [
        f"{g['question']} ({g['law'].split(':')[0]})"
        for t in result["themes"]
        for g in t["gates"]
        if g["status"] == "not_evidenced"
    ]
    controls = [e["question"] for t in result["themes"] for e in t["essentials"] if e["status"] == "not_evidenced"]
    parts = (
        [ngettext("legal duty %(listed)s", "legal duties %(listed)s", len(duties)) % {"listed": and_list(duties)}]
        if duties
        else []
    )
    parts += (
        [
            ngettext("essential control %(listed)s", "essential controls %(listed)s", len(controls))
            % {"listed": and_list(controls)}
        ]
        if controls
        else []
    )
    return _("Not answered yet: %(parts)s.") % {"parts": "; ".join(parts)} if parts else ""


def _not_rated_count(why: str, n: int, first: bool) -> str:
    """How many themes are not rated for one reason: the first of the list names its noun ("3 themes with no
    answers"), the rest only count ("2 with not enough answered")."""
    if why == "not_started":
        return (
            counted(n, "%(count)s theme with no answers", "%(count)s themes with no answers")
            if first
            else _("%(count)s with no answers") % {"count": n}
        )
    if why == "not_enough_answered":
        return (
            counted(n, "%(count)s theme with not enough answered", "%(count)s themes with not enough answered")
            if first
            else _("%(count)s with not enough answered") % {"count": n}
        )
    return (
        counted(
            n,
            "%(count)s theme waiting for a duty, control or check to be answered",
            "%(count)s themes waiting for a duty, control or check to be answered",
        )
        if first
        else _("%(count)s waiting for a duty, control or check to be answered") % {"count": n}
    )


def _overall_not_rated(overall: Mapping[str, Any]) -> str:
    """Why the overall has no tier, short enough for the summary page: the engine's sentence names each theme,
    which for more than three themes is counted instead (the table beneath names them)."""
    if len(overall["not_rated"]) <= 3:
        return str(overall["rating_note"])
    counts = Counter(t["why"] for t in overall["not_rated"])
    listed = [_not_rated_count(why, n, i == 0) for i, (why, n) in enumerate(counts.most_common())]
    return _("Overall not rated until every theme is rated: %(listed)s (the table says which).") % {
        "listed": and_list(listed)
    }


def _where(labels: dict[str, Any], council: Mapping[str, Any]) -> str:
    """The type, its nation and region, each said once, in the current language: "District council, England, South
    East"; "Scottish council, Scotland", not "Scotland, Scotland" where the region is the nation; not "(England),
    England"; "County council, East of England". A place is said already where another part names it, or says it
    as the language writes it after "in" ("yng Nghymru", PLACES_IN), so "Cyngor ... yng Nghymru", not "..., Cymru".
    A region the register does not write (typed by hand) is kept as typed."""
    region = _(council["region"]) if council["region"] in REGIONS else council["region"]
    parts = [labels["council_types"][council["type"]]]
    for part, later in ((labels["nations"][council["nation"]], region), (region, "")):
        if part and not _said(part, [*parts, later]):
            parts.append(part)
    return ", ".join(parts)


def _said(place: str, texts: list[str]) -> bool:
    """Whether any of ``texts`` names ``place`` (in the current language), or says it as written after "in"."""
    forms = {place.casefold()} | {
        _(within).casefold() for name, within in PLACES_IN.items() if _(name).casefold() == place.casefold()
    }
    return any(form in text.casefold() for form in forms for text in texts if text)


def _headline(bank: Bank, result: Mapping[str, Any], labels: dict[str, Any]) -> dict[str, str]:
    overall = result["overall"]
    risk = labels["risks"][overall["risk"]] if overall["risk"] else _("Residual risk not rated")
    if overall["score"] is None:
        return {
            "score": "–",
            "tier": _("Not yet rated"),
            "risk": risk,
            "coverage": pct(overall["coverage"]),
            "status": _overall_not_rated(overall),
            "weakest": overall["weakest_note"],
        }
    unanswered = len(result["unanswered"])
    status = (
        counted(
            unanswered,
            "Provisional: %(count)s question not yet answered, counted as not evidenced.",
            "Provisional: %(count)s questions not yet answered, counted as not evidenced.",
        )
        if overall["provisional"]
        else _("Every question that applies is answered.")
    )
    if overall["failed_gates"]:
        status += " " + counted(
            overall["failed_gates"],
            "%(count)s legal duty not met: each holds its theme at the lowest tier.",
            "%(count)s legal duties not met: each holds its theme at the lowest tier.",
        )
    if overall["rating_note"]:
        status += " " + overall["rating_note"]
    return {
        "score": num(overall["score"]),
        "tier": labels["tiers"][overall["tier"]] if overall["tier"] else _("Not yet rated"),
        "risk": risk,
        "coverage": pct(overall["coverage"]),
        "status": status,
        "weakest": overall["weakest_note"],
    }


def _theme_row(theme: dict[str, Any], labels: dict[str, Any], change: dict[str, Any] | None) -> dict[str, Any]:
    applies = theme["asked"] or theme["not_asked"]
    state = "scored" if theme["score"] is not None else ("not_started" if applies else "not_for_council")
    planned = theme.get("planned")
    if theme["tier"]:
        tier = labels["tiers"][theme["tier"]]
    else:
        tier = (
            (_("Not rated") if theme["score"] is not None else _("Not started"))
            if applies
            else _("Not for this council")
        )
    if theme["risk"]:
        risk = labels["risks"][theme["risk"]]
    else:
        risk = (_("Not rated") if theme["risk_rated"] else _("Not risk-rated")) if applies else ""
    return {
        "id": theme["id"],
        "title": theme["title"],
        "state": state,
        "score": num(theme["score"]) if theme["score"] is not None else "",
        # the score of the answers with documented-or-better, in-date evidence, beside the score claimed
        "evidenced": num(theme["evidenced_score"]) if theme["evidenced_score"] is not None else "",
        "bar": theme["score"] or 0,
        "tier": tier,
        # a theme without a tier shows why in a few words; what would hold its tier is listed under the table
        "tier_note": theme["tier_note"] if theme["tier"] else "",
        "note": _short_note(theme) if theme["score"] is not None else "",
        "provisional": bool(theme["provisional"] and theme["tier"]),
        "risk": risk,
        "coverage": pct(theme["coverage"]) if applies else "",
        "evidence": _evidence_short(theme) if applies else "",
        "change": _change_text(change),
        "planned": (
            f"{labels['tiers'][planned['tier']]} ({num(planned['score'])})" if planned and planned["tier"] else ""
        ),
        "planned_actions": planned["actions"] if planned else 0,
    }


def _short_note(theme: dict[str, Any]) -> str:
    """Why a scored theme has no tier, in a few words for the table (the results page says it in full)."""
    if theme["not_rated"] == "waiting":
        return _("Waits for %(questions)s") % {"questions": ", ".join(w["question"] for w in theme["waiting_for"])}
    if theme["not_rated"] == "not_enough_answered":
        return _("Too little answered: %(share)s of its weight") % {"share": pct(theme["answered_weight"])}
    return ""


def _table_note(result: Mapping[str, Any], labels: dict[str, Any], min_share: float) -> str:
    """The footnote under the scores by theme: what the tiers are, when a theme is rated, and what "Not risk-rated"
    means when shown."""
    note: str = labels["tier_names_note"]
    if any(t["not_rated"] == "not_enough_answered" for t in result["themes"]):
        note += " " + _("A theme is rated once %(share)s of its weight is answered.") % {"share": pct(min_share)}
    if any((t["asked"] or t["not_asked"]) and not t["risk_rated"] for t in result["themes"]):
        note += f" {labels['not_risk_rated']}."
    return note


def _pair(contradiction: dict[str, Any]) -> str:
    """The two questions whose answers contradict each other: "LIC-01 and LIC-04"."""
    return _("%(first)s and %(second)s") % {
        "first": contradiction["when"]["question"],
        "second": contradiction["claims"]["question"],
    }


def _contradictions_line(found: list[dict[str, Any]]) -> str:
    """The summary's one line on contradictory answers; the annex gives each in full."""
    if not found:
        return ""
    pairs = "; ".join(_pair(c) for c in found)
    return _(
        "%(pairs)s. Each pair is explained in the annex; a legal duty contradicted counts as not evidenced until the "
        "answers are checked."
    ) % {"pairs": pairs}


def _change_text(change: dict[str, Any] | None) -> str:
    if not change:
        return ""
    if change["change"] is not None:
        return signed(change["change"])
    if change["score_now"] is not None:
        return _("new")
    return ""


def _since(since: dict[str, Any], check: dict[str, Any] | None, file: str) -> dict[str, Any] | None:
    """The change since last year, where it comes from (the file's own record of last year's answers), and,
    given last year's file, whether that record matches it."""
    if not since:
        return None
    when = long_date(since["assessment_date"]) if since.get("assessment_date") else _("last year")
    if not since.get("available"):
        return {
            "date": when,
            "overall": "",
            "summary": (
                _("Last year's answers are not in this file, so changes are not shown (last year's file: %(file)s).")
                % {"file": since["file"]}
                if since.get("file")
                else _("Last year's answers are not in this file, so changes are not shown.")
            ),
            "source": "",
            "warning": "",
        }
    source, warning = _since_source(when, check, file)
    counts = {"better": 0, "worse": 0}
    for question in since["questions"]:
        counts[question["direction"]] = counts.get(question["direction"], 0) + 1
    parts = [
        counted(counts["better"], "%(count)s answer better", "%(count)s answers better"),
        counted(counts["worse"], "%(count)s answer worse", "%(count)s answers worse"),
    ]
    other = len(since["questions"]) - counts["better"] - counts["worse"]
    if other:
        parts.append(counted(other, "%(count)s other change", "%(count)s other changes"))
    overall = since["overall"]
    return {
        "date": when,
        "overall": signed(overall["change"]) if overall["change"] is not None else "",
        "summary": _("Since %(date)s: %(changes)s.") % {"date": when, "changes": ", ".join(parts)},
        "source": source,
        "warning": warning,
    }


def _since_source(when: str, check: dict[str, Any] | None, file: str) -> tuple[str, str]:
    recorded = _("Changes are worked out from last year's answers as recorded in this file (assessed %(date)s).")
    if check is None:
        return (
            _(
                "Changes are worked out from last year's answers as recorded in this file (assessed %(date)s), not "
                "checked against last year's own file."
            )
            % {"date": when},
            "",
        )
    file_date = long_date(check["file_date"])
    dates_differ = check["recorded_date"] != check["file_date"]
    if not check["questions"] and not dates_differ:
        return (
            _(
                "Changes are worked out from last year's answers as recorded in this file, which match last year's "
                "file (%(file)s, assessed %(date)s)."
            )
            % {"file": file, "date": file_date},
            "",
        )
    parts = []
    if check["questions"]:
        shown = ", ".join(check["questions"][:10]) + (", …" if len(check["questions"]) > 10 else "")
        parts.append(
            counted(len(check["questions"]), "%(count)s answer differs", "%(count)s answers differ") + f" ({shown})"
        )
    if dates_differ:
        recorded_date = long_date(check["recorded_date"]) if check["recorded_date"] else _("no date")
        parts.append(
            _("it was assessed on %(date)s, not %(recorded)s") % {"date": file_date, "recorded": recorded_date}
        )
    return (
        recorded % {"date": when},
        _(
            "Last year's answers recorded in this file do not match last year's file (%(file)s): %(parts)s. The "
            "changes shown are this file's record, not last year's file."
        )
        % {"file": file, "parts": (", " + _("and") + " ").join(parts)},
    )


def _action(action: dict[str, Any], labels: dict[str, Any]) -> dict[str, Any]:
    plan = action.get("plan") or {}
    return {
        "priority": action["priority"],
        "part": labels["action_parts"][action["part"]],
        "question": action["question"],
        "theme": action["theme_title"],
        "text": action["text"],
        "gates": "; ".join(action["gates"]),
        "gain": num(action["gain"]),
        "detail": _("%(theme)s; raises its score by %(gain)s points")
        % {"theme": action["theme_title"], "gain": num(action["gain"])}
        + ("; " + _("a legal duty (above)") if action["gates"] and action["part"] != "not_met" else ""),
        "owner": plan.get("owner") or _("No owner yet"),
        "due": long_date(plan["due"]) if plan.get("due") else "",
        "status": _(STATUS_NAMES[plan["status"]]) if plan else _("Not in the plan yet"),
    }


def _evidence_short(theme: dict[str, Any]) -> str:
    """'20.0 (1 of 4)': the score the evidence supports, and how many answers have evidence (short: one A4 page)."""
    evidence = theme["evidence"]
    if not evidence["answered"]:
        return ""
    shown = _("%(with_evidence)s of %(answered)s") % evidence
    return f"{num(theme['evidenced_score'])} ({shown})" if theme["evidenced_score"] is not None else shown


def _evidence_line(bank: Bank, evidence: dict[str, Any]) -> str:
    if not evidence["answered"]:
        return _("No answers yet, so no evidence to count.")
    figures = {**evidence, "share": pct(evidence["share"])}
    if not evidence["with_evidence"]:
        return (
            ngettext(
                "%(with_evidence)s of %(answered)s answered question (%(share)s) have evidence recorded.",
                "%(with_evidence)s of %(answered)s answered questions (%(share)s) have evidence recorded.",
                evidence["answered"],
            )
            % figures
        )
    names = strength_names(bank)
    shares = ", ".join(
        f"{names[s].lower()} {pct(share['share'])}" for s, share in evidence["strengths"].items() if share["share"]
    )  # the strengths the evidence has: a share of 0% is not printed
    stale = ", " + _("%(stale)s stale") % evidence if evidence["stale"] else ""
    return ngettext(
        "%(with_evidence)s of %(answered)s answered question (%(share)s) have evidence (%(shares)s); "
        "%(evidenced)s count towards the evidenced score%(stale)s.",
        "%(with_evidence)s of %(answered)s answered questions (%(share)s) have evidence (%(shares)s); "
        "%(evidenced)s count towards the evidenced score%(stale)s.",
        evidence["answered"],
    ) % {**figures, "shares": shares, "stale": stale}


def _digest_lines(found: Mapping[str, Any] | None) -> dict[str, str]:
    """The sign-off's digest, for anyone to check the file against (`scorecard verify`), and whether it still
    matches: a report printed from a file changed since its sign-off says so."""
    if not found or not found["digest"]:
        return {"sign_off_digest": "", "sign_off_changed": ""}
    return {
        "sign_off_digest": _("Sign-off digest (SHA-256): %(digest)s")
        % {"digest": found["digest"].removeprefix("sha256:")},
        "sign_off_changed": "" if found["matches"] else found["message"],
    }


def _sign_off(sign_off: dict[str, str] | None) -> str:
    if not sign_off:
        return _("Not yet signed off.")
    return _("Signed off by %(name)s, %(role)s, on %(date)s.") % {**sign_off, "date": long_date(sign_off["date"])}


def _indicators_line(entries: list[dict[str, Any]]) -> str:
    """The annex's line on outcome indicators (the one-page summary has no room); "" when none is shown."""
    if not entries:
        return ""
    return _("%(recorded)s. Each count with its share and last year's figure.") % {
        "recorded": indicators_recorded(entries)
    }


def _indicator(entry: dict[str, Any]) -> dict[str, Any]:
    """An outcome indicator in the annex: its period, each count as read with last year's and the change."""
    period = entry["period_text"] or _("period not given")
    before = (
        "; " + _("last year %(period)s") % {"period": entry["previous_period_text"]}
        if entry["previous_period_text"]
        else ""
    )
    return {
        "id": entry["id"],
        "title": entry["title"],
        "period": f"{period}{before}",
        "counts": [{"label": c["label"], "text": c["text"], "trend": c["trend"]} for c in entry["counts"]],
        "note": entry["note"],
        "problems": "; ".join(entry["problems"]),
    }


def _annex(
    bank: Bank, assessment: Assessment, result: Mapping[str, Any], labels: dict[str, Any]
) -> list[dict[str, Any]]:
    """Every question this council is asked, theme by theme: answer, note, evidence, who and when, plan, change."""
    provenance = assessment.provenance
    since = result.get("since_last_year") or {}
    before = {q["question"]: q for q in since.get("questions", [])} if since.get("available") else {}
    review = {r["question"] for r in result.get("review", [])}
    plan = assessment.cycle.action_plan
    themes = []
    for theme, scored in zip(bank.themes, result["themes"], strict=True):
        rows = []
        for entry in scored["questions"]:
            status = entry["status"]
            if status not in (ANSWERED, NA, UNANSWERED, NOT_ASKED) or entry.get("reason") == "parent_not_applicable":
                continue
            question = bank.questions[entry["id"]]
            value = assessment.answers.get(question.id)
            rows.append(
                {
                    "id": question.id,
                    "text": question.wording(result["council"]["nation"]).text,
                    "answer": _answer_text(question, value, entry),
                    "state": status,
                    "note": assessment.notes.get(question.id, ""),
                    "evidence": _evidence(bank, assessment.cycle.evidence.get(question.id), result["assessment_date"]),
                    "evidence_text": evidence_text(assessment.cycle.evidence.get(question.id), strength_names(bank)),
                    "by": _who(provenance.get(question.id)),
                    "change": (
                        _("Last year: %(answer)s") % {"answer": before[question.id]["before"]}
                        if question.id in before
                        else ""
                    ),
                    "review": _("Carried from last year; not yet reviewed") if question.id in review else "",
                    "action": plan_text(plan.get(question.id)),
                }
            )
        if rows:
            themes.append({"id": theme.id, "title": theme.title, "questions": rows})
    return themes


def _answer_text(question: Question, value: Any, entry: dict[str, Any]) -> str:
    if entry["status"] == NOT_ASKED:
        parent = question.depends_on
        if entry.get("reason") == PARENT_CLOSED:
            return _("Not asked, because of the answer to %(question)s (counts as not met)") % {"question": parent}
        if entry.get("reason") == PARENT_UNANSWERED:
            return _("Not asked until %(question)s is answered (counts as not evidenced)") % {"question": parent}
    if value is None:
        return _("Not answered")
    return question.label_of(value)


def _evidence(bank: Bank, entry: dict[str, str] | None, assessment_date: str) -> dict[str, str] | None:
    """Every field present (blank when not given), so both renderers read the same shape; ``strength`` says what the
    item counts as (with a test's result and the reviewer), and why it counts for less than it says, if it does."""
    if not entry:
        return None
    date = entry.get("date", "")
    read = read_evidence(bank, entry, assessment_date)
    strength = strength_names(bank)[read["strength"]]
    if read["strength"] == "tested" and entry.get("result"):
        strength += f": {entry['result']}"
    if read["strength"] == "independently_verified":
        strength += " " + _("by %(name)s") % {"name": entry["reviewer"]}
    return {
        "reference": entry.get("reference", ""),
        "link": entry.get("link", ""),
        "date": date,
        "date_long": long_date(date) if date else "",
        "strength": f"{strength}. {read['note']}" if read["note"] else strength,
    }


def _who(entry: dict[str, str] | None) -> str:
    """Who last changed an answer and when; the name on one line of visible text (a line break or a direction
    control in a file's "by" would forge or reorder the report's words)."""
    if not entry:
        return ""
    when = long_date(entry["at"][:10])
    return f"{one_line(entry['by'])}, {when}" if entry.get("by") else when
