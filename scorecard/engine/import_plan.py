"""What importing an assessment file would change, for the officer to see before choosing.

Question by question (answers and notes) and field by field (council details): the same in
both, only in the assessment saved here, only in the file, or different in each. The site shows
this before it replaces or merges anything, and lets the officer choose where the two differ.
Run-time code: standard library only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .assessment import Assessment, AssessmentError, load_assessment
from .bank import Bank, Question
from .wording import answer_ids

Label = Callable[[Question | None, Any], str]  # an answer as the officer reads it

SAME, ONLY_HERE, ONLY_FILE, DIFFER = "same", "only_here", "only_file", "differ"
COUNCIL_FIELDS = {
    "name": "Council name",
    "type": "Council type",
    "region": "Region",
    "ons_code": "ONS code",
    "code": "Council register code",
    "functions": "Functions the council runs",
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
                "label": label,
                "here": None if mine is None else _detail(bank, field, mine),
                "file": None if other is None else _detail(bank, field, other),
                "state": _state(mine, other),
            }
        )
    counts = {state: sum(1 for e in answers if e["state"] == state) for state in (SAME, ONLY_HERE, ONLY_FILE, DIFFER)}
    return {
        "answers": answers,
        "notes": notes,
        "council": council,
        "counts": counts,
        "here_has_content": bool(here["answers"] or here["notes"] or here["retired"] or here["council"].get("name")),
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
        return ", ".join(bank.functions.get(f, f) for f in value) or "none"
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
