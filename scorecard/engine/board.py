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
from .statuses import ANSWERED, NA, NOT_ASKED, PARENT_CLOSED, PARENT_UNANSWERED, UNANSWERED
from .wording import STATUS_NAMES, and_list, evidence_text, long_date, num, pct, plan_text, plural, signed
from .yearly import previous_differences

TOP_ACTIONS = 5
# Duties and controls listed one a line on the summary; those not answered yet are in one line (_not_answered_line).
GATE_WORDS = {"not_met": "not met", "contradicted": "contradicted by another answer"}
CONTROL_WORDS = {"not_met": "not in place"}


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
    return {
        "title": "Modern slavery self-assessment",
        "council": council["name"] or "Council name not given",
        "subtitle": _where(labels, council),
        "assessed": f"Assessed {long_date(result['assessment_date'])} against question bank {result['assessment_bank_version']}"
        + (f" (scored with {result['bank_version']})" if result["changes"]["version_changed"] else ""),
        "headline": _headline(bank, result, labels),
        "themes": [_theme_row(t, labels, changes.get(t["id"])) for t in result["themes"]],
        "gates": [
            {"question": g["question"], "theme": t["title"], "law": g["law"], "status": GATE_WORDS[g["status"]]}
            for t in result["themes"]
            for g in t["gates"]
            if g["status"] in GATE_WORDS
        ],
        "essentials": [
            {
                "question": e["question"],
                "theme": t["title"],
                "control": e["control"],
                "status": CONTROL_WORDS[e["status"]],
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
            f"{plural(len(result['review']), 'answer')} carried from last year still to review."
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
        "annex_contradictions": [
            f"{c['when']['question']} and {c['claims']['question']}: {c['message']}"
            for c in result.get("contradictions", [])
        ],
        "glossary": glossary(bank),
        "retired": [
            f"{r['question']}: {r['text'] or 'a retired question'} (answer kept: {r['answer']})"
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
    return f"Met, not evidenced (each holds its theme at {cap}): {and_list(list(dict.fromkeys(held)))}."


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
    parts = [f"{'legal duty' if len(duties) == 1 else 'legal duties'} {and_list(duties)}"] if duties else []
    parts += (
        [f"{'essential control' if len(controls) == 1 else 'essential controls'} {and_list(controls)}"]
        if controls
        else []
    )
    return f"Not answered yet: {'; '.join(parts)}." if parts else ""


NOT_RATED_COUNTED = {
    "not_started": "with no answers",
    "not_enough_answered": "with not enough answered",
    "waiting": "waiting for a duty, control or check to be answered",
}


def _overall_not_rated(overall: Mapping[str, Any]) -> str:
    """Why the overall has no tier, short enough for the summary page: the engine's sentence names each theme,
    which for more than three themes is counted instead (the table beneath names them)."""
    if len(overall["not_rated"]) <= 3:
        return str(overall["rating_note"])
    counts = Counter(t["why"] for t in overall["not_rated"])
    listed = [
        f"{plural(n, 'theme') if i == 0 else n} {NOT_RATED_COUNTED[why]}"
        for i, (why, n) in enumerate(counts.most_common())
    ]
    return f"Overall not rated until every theme is rated: {and_list(listed)} (the table says which)."


def _where(labels: dict[str, Any], council: Mapping[str, Any]) -> str:
    """The type, its nation and region, each once: "District council, England, South East"; "Scottish council,
    Scotland", not "Scotland, Scotland" where the region is the nation; not "(England), England"."""
    parts = [labels["council_types"][council["type"]]]
    for part in (labels["nations"][council["nation"]], council["region"]):
        if part and not any(part in said for said in parts):
            parts.append(part)
    return ", ".join(parts)


def _headline(bank: Bank, result: Mapping[str, Any], labels: dict[str, Any]) -> dict[str, str]:
    overall = result["overall"]
    risk = labels["risks"][overall["risk"]] if overall["risk"] else "Residual risk not rated"
    if overall["score"] is None:
        return {
            "score": "–",
            "tier": "Not yet rated",
            "risk": risk,
            "coverage": pct(overall["coverage"]),
            "status": _overall_not_rated(overall),
            "weakest": overall["weakest_note"],
        }
    unanswered = len(result["unanswered"])
    status = (
        f"Provisional: {plural(unanswered, 'question')} not yet answered, counted as not evidenced."
        if overall["provisional"]
        else "Every question that applies is answered."
    )
    if overall["failed_gates"]:
        status += f" {plural(overall['failed_gates'], 'legal duty', 'legal duties')} not met: each holds its theme at the lowest tier."
    if overall["rating_note"]:
        status += " " + overall["rating_note"]
    return {
        "score": num(overall["score"]),
        "tier": labels["tiers"][overall["tier"]] if overall["tier"] else "Not yet rated",
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
        tier = ("Not rated" if theme["score"] is not None else "Not started") if applies else "Not for this council"
    if theme["risk"]:
        risk = labels["risks"][theme["risk"]]
    else:
        risk = ("Not rated" if theme["risk_rated"] else "Not risk-rated") if applies else ""
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
        return "Waits for " + ", ".join(w["question"] for w in theme["waiting_for"])
    if theme["not_rated"] == "not_enough_answered":
        return f"Too little answered: {pct(theme['answered_weight'])} of its weight"
    return ""


def _table_note(result: Mapping[str, Any], labels: dict[str, Any], min_share: float) -> str:
    """The footnote under the scores by theme: what the tiers are, when a theme is rated, and what "Not risk-rated"
    means when shown."""
    note: str = labels["tier_names_note"]
    if any(t["not_rated"] == "not_enough_answered" for t in result["themes"]):
        note += f" A theme is rated once {pct(min_share)} of its weight is answered."
    if any((t["asked"] or t["not_asked"]) and not t["risk_rated"] for t in result["themes"]):
        note += f" {labels['not_risk_rated']}."
    return note


def _contradictions_line(found: list[dict[str, Any]]) -> str:
    """The summary's one line on contradictory answers; the annex gives each in full."""
    if not found:
        return ""
    pairs = "; ".join(f"{c['when']['question']} and {c['claims']['question']}" for c in found)
    return (
        f"{pairs}. Each pair is explained in the annex; a legal duty contradicted counts as not evidenced until the "
        "answers are checked."
    )


def _change_text(change: dict[str, Any] | None) -> str:
    if not change:
        return ""
    if change["change"] is not None:
        return signed(change["change"])
    if change["score_now"] is not None:
        return "new"
    return ""


def _since(since: dict[str, Any], check: dict[str, Any] | None, file: str) -> dict[str, Any] | None:
    """The change since last year, where it comes from (the file's own record of last year's answers), and,
    given last year's file, whether that record matches it."""
    if not since:
        return None
    when = long_date(since["assessment_date"]) if since.get("assessment_date") else "last year"
    if not since.get("available"):
        return {
            "date": when,
            "overall": "",
            "summary": "Last year's answers are not in this file, so changes are not shown"
            + (f" (last year's file: {since['file']})." if since.get("file") else "."),
            "source": "",
            "warning": "",
        }
    source, warning = _since_source(when, check, file)
    counts = {"better": 0, "worse": 0}
    for question in since["questions"]:
        counts[question["direction"]] = counts.get(question["direction"], 0) + 1
    parts = [plural(counts["better"], "answer") + " better", plural(counts["worse"], "answer") + " worse"]
    other = len(since["questions"]) - counts["better"] - counts["worse"]
    if other:
        parts.append(plural(other, "other change"))
    overall = since["overall"]
    return {
        "date": when,
        "overall": signed(overall["change"]) if overall["change"] is not None else "",
        "summary": f"Since {when}: " + ", ".join(parts) + ".",
        "source": source,
        "warning": warning,
    }


def _since_source(when: str, check: dict[str, Any] | None, file: str) -> tuple[str, str]:
    recorded = "Changes are worked out from last year's answers as recorded in this file"
    if check is None:
        return f"{recorded} (assessed {when}), not checked against last year's own file.", ""
    file_date = long_date(check["file_date"])
    dates_differ = check["recorded_date"] != check["file_date"]
    if not check["questions"] and not dates_differ:
        return f"{recorded}, which match last year's file ({file}, assessed {file_date}).", ""
    parts = []
    if check["questions"]:
        shown = ", ".join(check["questions"][:10]) + (", …" if len(check["questions"]) > 10 else "")
        verb = "differs" if len(check["questions"]) == 1 else "differ"
        parts.append(f"{plural(len(check['questions']), 'answer')} {verb} ({shown})")
    if dates_differ:
        recorded_date = long_date(check["recorded_date"]) if check["recorded_date"] else "no date"
        parts.append(f"it was assessed on {file_date}, not {recorded_date}")
    return (
        f"{recorded} (assessed {when}).",
        f"Last year's answers recorded in this file do not match last year's file ({file}): "
        + ", and ".join(parts)
        + ". The changes shown are this file's record, not last year's file.",
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
        "detail": f"{action['theme_title']}; raises its score by {num(action['gain'])} points"
        + ("; a legal duty (above)" if action["gates"] and action["part"] != "not_met" else ""),
        "owner": plan.get("owner") or "No owner yet",
        "due": long_date(plan["due"]) if plan.get("due") else "",
        "status": STATUS_NAMES[plan["status"]] if plan else "Not in the plan yet",
    }


def _evidence_short(theme: dict[str, Any]) -> str:
    """'20.0 (1 of 4)': the score the evidence supports, and how many answers have evidence (short: one A4 page)."""
    evidence = theme["evidence"]
    if not evidence["answered"]:
        return ""
    shown = f"{evidence['with_evidence']} of {evidence['answered']}"
    return f"{num(theme['evidenced_score'])} ({shown})" if theme["evidenced_score"] is not None else shown


def _evidence_line(bank: Bank, evidence: dict[str, Any]) -> str:
    if not evidence["answered"]:
        return "No answers yet, so no evidence to count."
    line = (
        f"{evidence['with_evidence']} of {plural(evidence['answered'], 'answered question')} ({pct(evidence['share'])})"
    )
    if not evidence["with_evidence"]:
        return f"{line} have evidence recorded."
    names = strength_names(bank)
    shares = ", ".join(
        f"{names[s].lower()} {pct(share['share'])}" for s, share in evidence["strengths"].items() if share["share"]
    )  # the strengths the evidence has: a share of 0% is not printed
    stale = f", {evidence['stale']} stale" if evidence["stale"] else ""
    return f"{line} have evidence ({shares}); {evidence['evidenced']} count towards the evidenced score{stale}."


def _digest_lines(found: Mapping[str, Any] | None) -> dict[str, str]:
    """The sign-off's digest, for anyone to check the file against (`scorecard verify`), and whether it still
    matches: a report printed from a file changed since its sign-off says so."""
    if not found or not found["digest"]:
        return {"sign_off_digest": "", "sign_off_changed": ""}
    return {
        "sign_off_digest": f"Sign-off digest (SHA-256): {found['digest'].removeprefix('sha256:')}",
        "sign_off_changed": "" if found["matches"] else found["message"],
    }


def _sign_off(sign_off: dict[str, str] | None) -> str:
    if not sign_off:
        return "Not yet signed off."
    return f"Signed off by {sign_off['name']}, {sign_off['role']}, on {long_date(sign_off['date'])}."


def _indicators_line(entries: list[dict[str, Any]]) -> str:
    """The annex's line on outcome indicators (the one-page summary has no room); "" when none is shown."""
    if not entries:
        return ""
    return f"{indicators_recorded(entries)}. Each count with its share and last year's figure."


def _indicator(entry: dict[str, Any]) -> dict[str, Any]:
    """An outcome indicator in the annex: its period, each count as read with last year's and the change."""
    period = entry["period_text"] or "period not given"
    before = f"; last year {entry['previous_period_text']}" if entry["previous_period_text"] else ""
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
                    "evidence_text": evidence_text(assessment.cycle.evidence.get(question.id)),
                    "by": _who(provenance.get(question.id)),
                    "change": f"Last year: {before[question.id]['before']}" if question.id in before else "",
                    "review": "Carried from last year; not yet reviewed" if question.id in review else "",
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
            return f"Not asked, because of the answer to {parent} (counts as not met)"
        if entry.get("reason") == PARENT_UNANSWERED:
            return f"Not asked until {parent} is answered (counts as not evidenced)"
    if value is None:
        return "Not answered"
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
        strength += f" by {entry['reviewer']}"
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
