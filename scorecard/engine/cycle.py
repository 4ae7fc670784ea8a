"""The yearly cycle's parts of an assessment file: evidence, the action plan, sign-off, who
answers what, questions to review, and last year's answers.

All optional. Each is checked here in plain words and kept by ``Assessment.to_dict`` exactly,
so a file read and written again loses nothing. Entries for a question the bank replaced move
to the new id (as answers do); entries for a question the bank does not know are kept as they
are and not used, so one stale id never blocks the rest of the file.

An entry that cannot be used (an evidence date of 20266-01-05, which a browser's date field
keeps; an owner or a sign-off name that is not one line of visible text, which could forge
report lines or reorder a name on screen) is *set aside* the same way: kept in the file exactly
as it was, left out of scores and reports, and reported with why (``Cycle.set_aside``). Only a
section of the wrong shape (evidence that is not an object, a key that is not a question id)
refuses the file: no officer types that.

    "evidence":    {"SPC-01": {"link": "https://...", "reference": "Cabinet report 14", "date": "2026-05-01",
                               "strength": "tested", "result": "...", "reviewer": "..."}}   (evidence.py)
    "action_plan": {"PRO-03": {"owner": "Head of Procurement", "due": "2027-03-31",
                               "status": "in_progress", "note": "..."}}   (status not_planned needs a reason)
    "sign_off":    {"name": "A. Lead", "role": "Modern slavery lead", "date": "2026-11-30"}
    "assignments": {"procurement": "P. Buyer", "HOU-04": "H. Officer"}   (theme id or question id)
    "targets":     {"procurement": "substantial"}   the council's own target tier for a theme
    "review":      ["SPC-01", ...]   answers carried from last year, not yet confirmed or changed
    "previous":    last year's answers {"assessment_date", "bank_version", "answers", "notes",
                   "evidence", "indicators"}, or a reference to last year's file {"file", "assessment_date"}
    "indicators":  the outcome indicators' counts and periods, read by indicators.py
    "review_marks": {"SPC-02": {"mark": "challenge", "comment": "...", "proposed": "no", "reviewer": "R. Peer",
                                "organisation": "Northvale Council", "date": "2026-12-01", "decision": "open"}}
                   a peer reviewer's marks (agree, or challenge with a comment and a proposed answer) and the
                   lead's decision on each challenge: open, accepted, or rejected with a reply (review.py)

Last year's answers are also read against the bank as the file is (assessment.load_assessment): the
Cycle holds them as a checked Assessment (``last_year``), or why they cannot be read
(``last_year_problems``), so scoring compares with them and never reads a file itself.

Run-time code: standard library only.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .characters import NOT_IN_TEXT, first_not_on_one_line
from .messages import Message, kind_of

if TYPE_CHECKING:
    from .assessment import Assessment
    from .bank import Bank

Check = Callable[[Any, str, list[Message]], "dict[str, str] | None"]  # an entry, its question id, the problems
SetAside = dict[str, tuple[Any, list[Message]]]  # an entry's key -> (the entry as the file gave it, why not used)

QUESTION_ID = re.compile(r"^[A-Z]{3}-[0-9]{2,3}$")
INDICATOR_ID = re.compile(r"^IND-[0-9]{2,3}$")
THEME_ID = re.compile(r"^[a-z][a-z_]*$")
ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
WEB_LINK = re.compile(r"^https?://[^\s]+$", re.IGNORECASE)
MAX_TEXT = 200
MAX_LINK = 2000
MAX_NOTE = 10_000

NOT_STARTED, IN_PROGRESS, DONE, NOT_PLANNED = "not_started", "in_progress", "done", "not_planned"
STATUSES = (NOT_STARTED, IN_PROGRESS, DONE, NOT_PLANNED)
PLANNED = (NOT_STARTED, IN_PROGRESS, DONE)  # the actions counted in "tier when planned actions are done"
SECTIONS = (
    "evidence",
    "action_plan",
    "sign_off",
    "assignments",
    "targets",
    "review",
    "previous",
    "indicators",
    "review_marks",
)


@dataclass
class Cycle:
    evidence: dict[str, dict[str, str]] = field(default_factory=dict)
    action_plan: dict[str, dict[str, str]] = field(default_factory=dict)
    sign_off: dict[str, Any] | None = None  # name, role, date; digest and parts once signed (signing.py)
    assignments: dict[str, str] = field(default_factory=dict)
    targets: dict[str, str] = field(default_factory=dict)  # theme id -> the tier the council aims for
    review: list[str] = field(default_factory=list)
    previous: dict[str, Any] | None = None
    indicators: dict[str, dict[str, Any]] = field(default_factory=dict)  # checked by indicators.read_indicators
    review_marks: dict[str, dict[str, Any]] = field(default_factory=dict)  # a peer review's marks (review.py)
    last_year: Assessment | None = None  # previous's answers, checked against the bank (not written back)
    last_year_problems: list[Message] = field(default_factory=list)  # why they could not be, if they could not
    # entries that cannot be used, kept as the file gave them: "evidence.SPC-05", "assignments.procurement",
    # "sign_off", "previous" -> (the entry, why)
    set_aside: SetAside = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The sections present, in the file's form (empty ones left out), entries set aside back in their places."""
        data: dict[str, Any] = {}
        if self.evidence:
            data["evidence"] = {q: dict(e) for q, e in self.evidence.items()}
        if self.action_plan:
            data["action_plan"] = {q: dict(e) for q, e in self.action_plan.items()}
        if self.sign_off:
            data["sign_off"] = dict(self.sign_off)
        if self.assignments:
            data["assignments"] = dict(self.assignments)
        if self.targets:
            data["targets"] = dict(self.targets)
        if self.review:
            data["review"] = list(self.review)
        if self.previous:
            data["previous"] = copy_json(self.previous)
        if self.indicators:
            data["indicators"] = copy_json(self.indicators)
        if self.review_marks:
            data["review_marks"] = copy_json(self.review_marks)
        for key, (entry, _why) in self.set_aside.items():
            section, _, rest = key.partition(".")
            if rest:
                data.setdefault(section, {})[rest] = copy_json(entry)
            else:
                data[section] = copy_json(entry)
        return data

    def has_previous_answers(self) -> bool:
        return self.previous is not None and isinstance(self.previous.get("answers"), dict)


def read_cycle(data: dict[str, Any], bank: Bank, problems: list[Message]) -> Cycle:
    """Check the optional yearly-cycle sections of a file; every problem is added to ``problems``."""
    if data.keys().isdisjoint(SECTIONS):
        return Cycle()  # a file without any: most files compared in bulk
    moved = bank.replaced_by
    cycle = Cycle()
    aside = cycle.set_aside
    cycle.evidence = _per_question(data.get("evidence", {}), "evidence", _evidence, moved, problems, aside)
    cycle.action_plan = _per_question(data.get("action_plan", {}), "action_plan", check_action, moved, problems, aside)
    if isinstance(data.get("sign_off"), dict):  # name, role or date wrong: set aside; not an object: refused
        cycle.sign_off = _usable("sign_off", data["sign_off"], lambda entry, why: _sign_off(entry, why), aside)
    elif data.get("sign_off") is not None:
        problems.append(Message("sign_off_bad_shape"))
    cycle.assignments = _assignments(data.get("assignments", {}), bank, problems, aside)
    cycle.targets = read_targets(data.get("targets", {}), bank, problems, aside)
    cycle.review = _review(data.get("review", []), moved, problems)
    if data.get("previous") is not None:
        cycle.previous = _usable("previous", data["previous"], _previous, aside)
    cycle.review_marks = _per_question(data.get("review_marks", {}), "review_marks", check_mark, moved, problems, aside)
    return cycle


def _usable(key: str, entry: Any, check: Callable[[Any, list[Message]], Any], aside: SetAside) -> Any:
    """The entry as ``check`` accepts it, or None with the entry set aside and why."""
    why: list[Message] = []
    checked = check(entry, why)
    if why:
        aside[key] = (entry, why)
        return None
    return checked


def _checked_as(check: Check, qid: str, entry: Any, problems: list[Message]) -> dict[str, str] | None:
    """``check`` of a question's entry, in the form _usable calls it."""
    return check(entry, qid, problems)


def _per_question(
    raw: Any, section: str, check: Check, moved: Mapping[str, str], problems: list[Message], aside: SetAside
) -> dict[str, dict[str, str]]:
    if not isinstance(raw, dict):
        problems.append(Message("section_not_an_object", {"section": section, "kind": kind_of(raw)}))
        return {}
    entries: dict[str, dict[str, str]] = {}
    for qid, entry in raw.items():
        if not QUESTION_ID.fullmatch(qid):
            problems.append(Message("section_key_not_a_question", {"section": section, "key": _short(qid)}))
            continue
        checked = _usable(f"{section}.{qid}", entry, functools.partial(_checked_as, check, qid), aside)
        if checked is None:
            continue
        target = moved.get(qid, qid)
        if target != qid and target in raw:
            target = qid  # the new question has its own entry: keep the old one beside it
        entries[target] = checked
    return entries


EVIDENCE_FIELDS = ("link", "reference", "date", "strength", "result", "reviewer")
STRENGTHS = ("asserted", "documented", "tested", "independently_verified")  # scoring.schema.json's rules.evidence


def _evidence(entry: Any, qid: str, problems: list[Message]) -> dict[str, str] | None:
    if not isinstance(entry, dict) or set(entry) - set(EVIDENCE_FIELDS):
        problems.append(Message("evidence_bad_shape", {"question": qid}))
        return None
    before = len(problems)
    if "link" not in entry and "reference" not in entry and "strength" not in entry:
        problems.append(Message("evidence_missing", {"question": qid}))
    if "link" in entry:
        link = entry["link"]
        if not isinstance(link, str) or len(link) > MAX_LINK or not WEB_LINK.fullmatch(link):
            problems.append(Message("evidence_link_bad", {"question": qid, "limit": MAX_LINK}))
    if "reference" in entry and not _text(entry["reference"], MAX_TEXT * 5, blank=False):
        problems.append(Message("evidence_reference_bad", {"question": qid, "limit": MAX_TEXT * 5}))
    if "date" in entry and not is_iso_date(entry["date"]):
        problems.append(Message("evidence_date_bad", {"question": qid}))
    if "strength" in entry and entry["strength"] not in STRENGTHS:
        problems.append(Message("evidence_strength_bad", {"question": qid, "strengths": list(STRENGTHS)}))
    if "result" in entry and not _text(entry["result"], MAX_TEXT * 5, blank=False):
        problems.append(Message("evidence_text_bad", {"question": qid, "field": "result", "limit": MAX_TEXT * 5}))
    if "reviewer" in entry and not _text(entry["reviewer"], MAX_TEXT, blank=False):
        problems.append(Message("evidence_text_bad", {"question": qid, "field": "reviewer", "limit": MAX_TEXT}))
    elif "reviewer" in entry:
        _one_line(f"evidence.{qid}.reviewer", entry["reviewer"], problems)
    return dict(entry) if len(problems) == before else None


ACTION_FIELDS = ("due", "note", "owner", "reason", "status")


def check_action(entry: Any, qid: str, problems: list[Message]) -> dict[str, str] | None:
    if not isinstance(entry, dict) or set(entry) - set(ACTION_FIELDS):
        problems.append(Message("action_bad_shape", {"question": qid, "fields": list(ACTION_FIELDS)}))
        return None
    before = len(problems)
    checked = dict(entry)
    checked.setdefault("status", NOT_STARTED)
    if not isinstance(checked["status"], str) or checked["status"] not in STATUSES:
        problems.append(
            Message(
                "action_status_bad",
                {
                    "question": qid,
                    "value": _short(checked["status"])
                    if isinstance(checked["status"], str)
                    else kind_of(checked["status"]),
                    "statuses": list(STATUSES),
                },
            )
        )
    if "owner" in entry and not _text(entry["owner"], MAX_TEXT):
        problems.append(Message("action_text_bad", {"question": qid, "field": "owner", "limit": MAX_TEXT}))
    elif "owner" in entry:
        _one_line(f"action_plan.{qid}.owner", entry["owner"], problems)
    if "due" in entry and not is_iso_date(entry["due"]):
        problems.append(Message("action_due_bad", {"question": qid}))
    for key in ("reason", "note"):
        if key in entry and not _text(entry[key], MAX_NOTE):
            problems.append(Message("action_text_bad", {"question": qid, "field": key, "limit": MAX_NOTE}))
    if checked["status"] == NOT_PLANNED and not (isinstance(entry.get("reason"), str) and entry["reason"].strip()):
        problems.append(Message("action_reason_missing", {"question": qid}))
    return checked if len(problems) == before else None


def _sign_off(raw: Any, problems: list[Message]) -> dict[str, Any] | None:
    if not isinstance(raw, dict) or not {"name", "role", "date"} <= set(raw) <= {"name", "role", "date", *SIGNATURE}:
        problems.append(Message("sign_off_bad_shape"))
        return None
    before = len(problems)
    for key in ("name", "role"):
        if not _text(raw[key], MAX_TEXT, blank=False):
            problems.append(Message("sign_off_text_bad", {"field": key, "limit": MAX_TEXT}))
        else:
            _one_line(f"sign_off.{key}", raw[key], problems)
    if not is_iso_date(raw["date"]):
        problems.append(Message("sign_off_date_bad"))
    parts = raw.get("parts", {})
    if ("digest" in raw and not _is_digest(raw["digest"])) or not (
        isinstance(parts, dict) and all(isinstance(k, str) and _is_digest(v) for k, v in parts.items())
    ):
        problems.append(Message("sign_off_digest_bad"))
    return dict(raw) if len(problems) == before else None


SIGNATURE = ("digest", "parts")  # the sign-off's digests (signing.py)
DIGEST = re.compile(r"^sha256:[0-9a-f]{64}$")


def _is_digest(value: Any) -> bool:
    return isinstance(value, str) and bool(DIGEST.fullmatch(value))


def _assignments(raw: Any, bank: Bank, problems: list[Message], aside: SetAside) -> dict[str, str]:
    if not isinstance(raw, dict):
        problems.append(Message("assignments_not_an_object", {"kind": kind_of(raw)}))
        return {}
    themes = [t.id for t in bank.themes]
    assignments = {}
    for key, name in raw.items():
        if not (key in themes or QUESTION_ID.fullmatch(key)):
            problems.append(Message("assignment_key_bad", {"key": _short(key), "themes": sorted(themes)}))
            continue
        why: list[Message] = []
        if not _text(name, MAX_TEXT, blank=False):
            why.append(Message("assignment_name_bad", {"key": key, "limit": MAX_TEXT}))
        else:
            _one_line(f"assignments.{key}", name, why)
        if why:
            aside[f"assignments.{key}"] = (name, why)
        else:
            assignments[bank.replaced_by.get(key, key)] = name
    return assignments


def read_targets(raw: Any, bank: Bank, problems: list[Message], aside: SetAside | None = None) -> dict[str, str]:
    """The council's target tier per theme: a theme id (kept when the bank does not know it, and not used) and a
    tier id of the bank. A target that is not a tier of the bank (another bank's, an edited file) is set aside in
    a file (``aside``), refused in a contribution (no ``aside``); a key that is not a theme id refuses either."""
    if not isinstance(raw, dict):
        problems.append(Message("targets_not_an_object", {"kind": kind_of(raw)}))
        return {}
    tiers = [t.id for t in bank.tiers]
    targets: dict[str, str] = {}
    for key, tier in raw.items():
        if not isinstance(key, str) or not THEME_ID.fullmatch(key):
            problems.append(Message("target_key_bad", {"key": _short(key), "themes": [t.id for t in bank.themes]}))
        elif tier not in tiers:
            why = Message("target_tier_bad", {"theme": key, "value": _short(str(tier)), "tiers": tiers})
            if aside is None:
                problems.append(why)
            else:
                aside[f"targets.{key}"] = (tier, [why])
        else:
            targets[key] = tier
    return targets


def _review(raw: Any, moved: Mapping[str, str], problems: list[Message]) -> list[str]:
    if not isinstance(raw, list) or not all(isinstance(q, str) for q in raw):
        problems.append(Message("review_not_a_list", {"kind": kind_of(raw)}))
        return []
    bad = [q for q in raw if not QUESTION_ID.fullmatch(q)]
    if bad:
        problems.append(Message("section_key_not_a_question", {"section": "review", "key": _short(bad[0])}))
        return []
    return list(dict.fromkeys(moved.get(q, q) for q in raw))


MARKS = ("agree", "challenge")
DECISIONS = ("open", "accepted", "rejected")
MARK_FIELDS = ("mark", "comment", "proposed", "answer", "reviewer", "organisation", "date", "decision", "reply")
MARKUP = re.compile(r"<\s*[A-Za-z!/?]")  # the start of an HTML tag, comment or declaration


def check_mark(entry: Any, qid: str, problems: list[Message]) -> dict[str, Any] | None:
    """A peer reviewer's mark on one answer as the assessment keeps it, with the lead's decision on a challenge."""
    if (
        not isinstance(entry, dict)
        or set(entry) - set(MARK_FIELDS)
        or not {"mark", "reviewer", "organisation", "date"} <= set(entry)
    ):
        problems.append(Message("review_mark_bad_shape", {"question": qid, "fields": list(MARK_FIELDS)}))
        return None
    before = len(problems)
    where = f"review_marks.{qid}"
    check_mark_content(entry, where, problems)
    for key in ("reviewer", "organisation"):
        if key in entry:
            check_name(f"{where}.{key}", entry[key], problems)
    if not is_iso_date(entry["date"]):
        problems.append(Message("review_date_bad", {"field": f"{where}.date"}))
    decision = entry.get("decision")
    if (entry["mark"] == "challenge") != (decision is not None) or (decision is not None and decision not in DECISIONS):
        problems.append(Message("review_decision_bad", {"field": f"{where}.decision", "choices": list(DECISIONS)}))
    if "answer" in entry and not (entry["mark"] == "challenge" and _option_ids(entry["answer"])):
        problems.append(Message("review_answer_bad_shape", {"field": f"{where}.answer"}))
    if "reply" in entry:
        check_plain_text(f"{where}.reply", entry["reply"], problems)
    if decision == "rejected" and not (isinstance(entry.get("reply"), str) and entry["reply"].strip()):
        problems.append(Message("review_reply_missing", {"question": qid}))
    return dict(entry) if len(problems) == before else None


def check_mark_content(entry: dict[str, Any], where: str, problems: list[Message]) -> None:
    """What a reviewer writes on an answer: agree, or challenge with an optional comment and proposed answer (its
    shape here; whether the question accepts it is for review.py, which knows the bank)."""
    if entry.get("mark") not in MARKS:
        problems.append(Message("review_mark_kind_bad", {"field": f"{where}.mark", "choices": list(MARKS)}))
    if "comment" in entry:
        check_plain_text(f"{where}.comment", entry["comment"], problems)
    if "proposed" in entry and not (entry.get("mark") == "challenge" and _option_ids(entry["proposed"])):
        problems.append(Message("review_proposed_bad_shape", {"field": f"{where}.proposed"}))


def _option_ids(value: Any) -> bool:
    """An answer's shape: an option id, or a non-empty list of them."""
    options = value if isinstance(value, list) else [value]
    return bool(options) and all(isinstance(v, str) and 0 < len(v) <= MAX_TEXT for v in options)


MAX_REVIEWER = 90  # a reviewer's name and organisation, each: both, with "(peer review)", name who changed an answer


def check_name(where: str, value: Any, problems: list[Message]) -> None:
    """A reviewer's name or organisation: one line of visible text, 1 to MAX_REVIEWER characters."""
    if not _text(value, MAX_REVIEWER, blank=False):
        problems.append(Message("review_text_bad", {"field": where, "limit": MAX_REVIEWER}))
    else:
        _one_line(where, value, problems)


def check_plain_text(where: str, value: Any, problems: list[Message]) -> None:
    """A comment or a reply: plain text (line breaks kept) of at most MAX_NOTE characters, without markup or
    control characters: it is shown as it is written, and a tag in it would only ever be shown as text."""
    if not _text(value, MAX_NOTE):
        problems.append(Message("review_text_bad", {"field": where, "limit": MAX_NOTE}))
        return
    control = NOT_IN_TEXT.search(value)
    markup = MARKUP.search(value)
    if control:
        problems.append(
            Message(
                "review_text_control",
                {"field": where, "code_point": f"U+{ord(control.group()):04X}", "position": control.start() + 1},
            )
        )
    elif markup:
        problems.append(Message("review_text_markup", {"field": where, "found": value[markup.start() :][:12]}))


PREVIOUS_FIELDS = ("answers", "assessment_date", "bank_version", "evidence", "file", "indicators", "notes")


def _previous(raw: Any, problems: list[Message]) -> dict[str, Any] | None:
    """Last year's answers (checked against the bank when compared) or a reference to its file."""
    if not isinstance(raw, dict):
        problems.append(Message("previous_not_an_object", {"kind": kind_of(raw)}))
        return None
    before = len(problems)
    unexpected = sorted(set(raw) - set(PREVIOUS_FIELDS))
    if unexpected:
        problems.append(Message("previous_unexpected", {"key": _short(unexpected[0]), "fields": list(PREVIOUS_FIELDS)}))
    if "answers" not in raw and "file" not in raw:
        problems.append(Message("previous_missing_answers"))
    if "assessment_date" in raw and not is_iso_date(raw["assessment_date"]):
        problems.append(Message("previous_date_bad"))
    if "bank_version" in raw and not _text(raw["bank_version"], MAX_TEXT, blank=False):
        problems.append(Message("previous_bank_version_bad"))
    if "file" in raw and not _text(raw["file"], MAX_TEXT * 5, blank=False):
        problems.append(Message("previous_file_bad"))
    for key in ("answers", "notes", "evidence"):
        if key in raw and (not isinstance(raw[key], dict) or not all(QUESTION_ID.fullmatch(q) for q in raw[key])):
            problems.append(Message("previous_part_bad", {"part": key}))
    indicators = raw.get("indicators", {})
    if not isinstance(indicators, dict) or not all(INDICATOR_ID.fullmatch(i) for i in indicators):
        problems.append(Message("previous_indicators_bad"))
    return copy_json(raw) if len(problems) == before else None


def is_iso_date(value: Any) -> bool:
    """YYYY-MM-DD and a real date (fromisoformat alone also takes 20260401 and week dates)."""
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def one_line_problem(where: str, text: str) -> Message | None:
    """Why a name is not one line of visible text (a line break forges report lines, a direction control
    reorders it on screen, a zero-width character hides in it), or None."""
    found = first_not_on_one_line(text)
    if found is None:
        return None
    character, code_point, position = found
    return Message(
        "not_one_line", {"field": where, "character": character, "code_point": code_point, "position": position}
    )


def _one_line(where: str, text: str, problems: list[Message]) -> None:
    problem = one_line_problem(where, text)
    if problem:
        problems.append(problem)


def _text(value: Any, most: int, blank: bool = True) -> bool:
    return isinstance(value, str) and len(value) <= most and (blank or bool(value.strip()))


def _short(value: Any) -> Any:
    return value[:40] + "…" if isinstance(value, str) and len(value) > 40 else value


def copy_json(value: Any) -> Any:
    """A deep copy of JSON data (no copy module: a plain walk is enough and clear)."""
    if isinstance(value, dict):
        return {k: copy_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [copy_json(v) for v in value]
    return value
