"""What importing an assessment file would change, for the officer to see before choosing.

Question by question (answers and notes), field by field (council details) and entry by entry
(evidence, actions, who answers which theme, the sign-off, last year's record: ``parts``): the
same in both, only in the assessment saved here, only in the file, or different in each. The
site shows this before it replaces or merges anything, and lets the officer choose where the
two differ, so a merge drops nothing unseen. A file of another council is named
(``other_council``), as the merge of officers' files refuses it until the lead confirms.
Run-time code: standard library only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .assessment import Assessment, AssessmentError, Council, load_assessment
from .bank import Bank, Question
from .evidence import strength_names
from .language import N_, _
from .merge import council_label, told_apart
from .sharing import contributor_of, themes_of
from .wording import answer_ids, evidence_text, long_date, plan_text

Label = Callable[[Question | None, Any], str]  # an answer as the officer reads it

SAME, ONLY_HERE, ONLY_FILE, DIFFER = "same", "only_here", "only_file", "differ"
COUNCIL_FIELDS = {  # in English, written in the current language (_) where used
    "name": N_("Council name"),
    "type": N_("Council type"),
    "region": N_("Region"),
    "ons_code": N_("ONS code"),
    "code": N_("Council register code"),
    "functions": N_("Functions the council runs"),
}


def import_plan(bank: Bank, here_data: Any, incoming: Assessment) -> dict[str, Any]:
    """Compare the saved assessment (as stored, possibly unfinished) with a checked file."""
    here = _readable(bank, here_data)
    order = {qid: i for i, qid in enumerate(bank.questions)}
    ids = sorted(set(here["answers"]) | set(incoming.answers), key=lambda q: (order.get(q, len(order)), q))
    answers = [_entry(bank, qid, here["answers"].get(qid), incoming.answers.get(qid), _label) for qid in ids]
    note_ids = sorted(set(here["notes"]) | set(incoming.notes), key=lambda q: (order.get(q, len(order)), q))
    notes = [
        _entry(bank, qid, here["notes"].get(qid) or None, incoming.notes.get(qid) or None, lambda _q, v: v)
        for qid in note_ids
    ]
    theirs = _council(incoming)
    council = []
    for field, label in COUNCIL_FIELDS.items():
        mine, other = here["council"].get(field) or None, theirs[field] or None
        council.append(
            {
                "field": field,
                "label": _(label),
                "here": None if mine is None else _detail(bank, field, mine),
                "file": None if other is None else _detail(bank, field, other),
                "state": _state(mine, other),
            }
        )
    counts = {state: sum(1 for e in answers if e["state"] == state) for state in (SAME, ONLY_HERE, ONLY_FILE, DIFFER)}
    contributor = contributor_of(bank, incoming.to_dict())
    theirs_themes = set(themes_of(bank, contributor, incoming.cycle.assignments)) if contributor else set()
    for entry in (*answers, *notes):
        # where the two differ, the side kept until the officer chooses: a contributor's, for the themes they answer
        entry["suggested"] = "file" if entry["theme"] in theirs_themes else "here"
    return {
        "answers": answers,
        "notes": notes,
        "council": council,
        "parts": _parts(bank, here["file"], incoming.to_dict()),
        "counts": counts,
        "here_has_content": bool(here["answers"] or here["notes"] or here["retired"] or here["council"].get("name")),
        "other_council": _other_council(here["council"], incoming.council),
        "contributor": contributor,
        # Merge whenever replacing would drop an answer saved here (a colleague's file of their themes, say): the
        # choice offered first never loses work, even with Undo to hand.
        "suggested_mode": "merge" if contributor or counts[ONLY_HERE] else "replace",
    }


PART_SECTIONS = ("evidence", "action_plan", "assignments", "targets", "review_marks")


def _parts(bank: Bank, mine: dict[str, Any], theirs: dict[str, Any]) -> list[dict[str, Any]]:
    """Every entry of evidence, the action plan, assignments, targets and peer review marks, the sign-off and last
    year's record, compared."""
    order = {qid: i for i, qid in enumerate(bank.questions)}
    order.update({t.id: -len(bank.themes) + i for i, t in enumerate(bank.themes)})  # themes first, in bank order
    titles = {t.id: t.title for t in bank.themes}
    tiers = {t.id: t.name for t in bank.tiers}
    strengths = strength_names(bank)
    parts = []
    for section in PART_SECTIONS:
        here, there = _section(mine, section), _section(theirs, section)
        for key in sorted(set(here) | set(there), key=lambda k: (order.get(k, len(order)), k)):
            parts.append(
                _part(
                    section,
                    f"{section}.{key}",
                    _label_of(section, key, titles),
                    here.get(key),
                    there.get(key),
                    strengths,
                )
            )
            if section == "targets":  # a tier by its name; one the bank does not know (set aside) as it is
                for side in ("here", "file"):
                    parts[-1][side] = tiers.get(parts[-1][side], parts[-1][side])
    for section in ("sign_off", "previous"):
        if mine.get(section) or theirs.get(section):
            parts.append(_part(section, section, _(PART_LABELS[section]), mine.get(section), theirs.get(section)))
    return parts


PART_LABELS = {"sign_off": N_("Sign-off"), "previous": N_("Last year's answers")}
PART_WORDS = {  # an entry of a part by its key ("%(key)s": a question id, or a theme's title)
    "evidence": N_("Evidence for %(key)s"),
    "action_plan": N_("Action for %(key)s"),
    "targets": N_("Target tier for %(key)s"),
    "review_marks": N_("Peer review mark on %(key)s"),
    "assignments": N_("Who answers %(key)s"),
}
MARK_WORDS = {"agree": N_("Agree"), "challenge": N_("Challenge")}
DECISION_WORDS = {"open": N_("open"), "accepted": N_("accepted"), "rejected": N_("rejected")}


def _section(data: dict[str, Any], section: str) -> dict[str, Any]:
    value = data.get(section)
    return value if isinstance(value, dict) else {}


def _label_of(section: str, key: str, titles: dict[str, str]) -> str:
    return _(PART_WORDS[section]) % {"key": titles.get(key, key) if section in ("targets", "assignments") else key}


def _part(
    section: str, key: str, label: str, mine: Any, theirs: Any, strengths: dict[str, str] | None = None
) -> dict[str, Any]:
    return {
        "key": key,
        "part": section,
        "label": label,
        "here": _shown(mine or None, lambda v: _part_text(section, v, strengths)),
        "file": _shown(theirs or None, lambda v: _part_text(section, v, strengths)),
        "state": _state(mine or None, theirs or None),
    }


def _part_text(section: str, value: Any, strengths: dict[str, str] | None = None) -> str:
    """An entry as the officer reads it; one the engine set aside (not the shape it writes) as its text."""
    try:
        if section == "evidence":
            return evidence_text(value, strengths)
        if section == "action_plan":
            return plan_text(value)
        if section == "sign_off":
            return f"{value['name']}, {value['role']}, {long_date(value['date'])}"
        if section == "review_marks":
            mark, decision = value["mark"], value.get("decision")
            said = _("%(mark)s by %(reviewer)s, %(organisation)s, %(date)s") % {
                "mark": _(MARK_WORDS[mark]) if mark in MARK_WORDS else mark.capitalize(),
                "reviewer": value["reviewer"],
                "organisation": value["organisation"],
                "date": long_date(value["date"]),
            }
            if decision:
                said += f" ({_(DECISION_WORDS[decision]) if decision in DECISION_WORDS else decision})"
            return said
        if section == "previous":
            if "answers" in value:
                if value.get("assessment_date"):
                    return _("Last year's answers, assessed %(date)s") % {"date": long_date(value["assessment_date"])}
                return _("Last year's answers")
            return _("Last year's file: %(file)s") % {"file": value["file"]}
    except (KeyError, TypeError, AttributeError):
        pass
    return value if isinstance(value, str) else str(value)[:200]


def _other_council(mine: dict[str, Any], theirs: Council) -> dict[str, str] | None:
    """When the file is another council's (register code, else GSS code, else name): both councils as named."""
    text = {f: value if isinstance(value := mine.get(f), str) else "" for f in ("name", "code", "ons_code")}
    here = Council(text["name"], "", ons_code=text["ons_code"], code=text["code"])
    how = told_apart(here, theirs)
    if how is None:
        return None
    return {
        "here": council_label(here, how),
        "file": council_label(theirs, how),
        "confirm": theirs.code or theirs.ons_code or theirs.name,
    }


def _readable(bank: Bank, data: Any) -> dict[str, Any]:
    """The saved assessment in this bank's form if the engine can read it, else as it is."""
    try:
        here = load_assessment(data, bank)
        return {
            "answers": here.answers,
            "notes": here.notes,
            "retired": here.retired_answers,
            "council": _council(here),
            "file": here.to_dict(),
        }
    except AssessmentError:
        data = data if isinstance(data, dict) else {}

        def part(key: str) -> dict[str, Any]:
            value = data.get(key)
            return value if isinstance(value, dict) else {}

        return {
            "answers": {k: v for k, v in part("answers").items() if v is not None},
            "notes": part("notes"),
            "retired": part("retired_answers"),
            "council": part("council"),
            "file": data,
        }


def _council(assessment: Assessment) -> dict[str, Any]:
    c = assessment.council
    return {
        "name": c.name,
        "type": c.type,
        "region": c.region,
        "ons_code": c.ons_code,
        "code": c.code,
        "functions": list(c.functions) if c.functions is not None else None,
    }


def _detail(bank: Bank, field: str, value: Any) -> str:
    """A council detail as the officer reads it: the type's and functions' names, not their ids."""
    if field == "type":
        return bank.council_types[value].name if value in bank.council_types else str(value)
    if field == "functions":
        return ", ".join(bank.functions.get(f, f) for f in value) or _("none")
    return str(value)


def _entry(bank: Bank, qid: str, mine: Any, theirs: Any, label: Label) -> dict[str, Any]:
    question = bank.questions.get(qid)
    return {
        "question": qid,
        "theme": question.theme if question else "",
        "text": question.text if question else "",
        "here": _shown(mine, lambda v: label(question, v)),
        "file": _shown(theirs, lambda v: label(question, v)),
        "state": _state(mine, theirs),
    }


def _state(mine: Any, theirs: Any) -> str:
    if _same(mine, theirs):
        return SAME
    return ONLY_HERE if theirs is None else ONLY_FILE if mine is None else DIFFER


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return sorted(a) == sorted(b)  # the order options were ticked in does not matter
    return bool(a == b)


def _shown(value: Any, label: Callable[[Any], str]) -> str | None:
    return None if value is None else label(value)


def _label(question: Question | None, value: Any) -> str:
    """An answer as the officer chose it; the ids as written when the bank does not know them."""
    try:
        return question.label_of(value) if question else answer_ids(value)
    except (KeyError, TypeError):
        return answer_ids(value)
