"""The yearly cycle's parts of an assessment file: evidence, the action plan, sign-off, who
answers what, questions to review, and last year's answers.

All optional. Each is checked here in plain words and kept by ``Assessment.to_dict`` exactly,
so a file read and written again loses nothing. Entries for a question the bank replaced move
to the new id (as answers do); entries for a question the bank does not know are kept as they
are and not used, so one stale id never blocks the rest of the file.

    "evidence":    {"SPC-01": {"link": "https://...", "reference": "Cabinet report 14", "date": "2026-05-01"}}
    "action_plan": {"PRO-03": {"owner": "Head of Procurement", "due": "2027-03-31",
                               "status": "in_progress", "note": "..."}}   (status not_planned needs a reason)
    "sign_off":    {"name": "A. Lead", "role": "Modern slavery lead", "date": "2026-11-30"}
    "assignments": {"procurement": "P. Buyer", "HOU-04": "H. Officer"}   (theme id or question id)
    "review":      ["SPC-01", ...]   answers carried from last year, not yet confirmed or changed
    "previous":    last year's answers {"assessment_date", "bank_version", "answers", "notes",
                   "evidence"}, or a reference to last year's file {"file", "assessment_date"}

Run-time code: standard library only.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

QUESTION_ID = re.compile(r"^[A-Z]{3}-[0-9]{2,3}$")
THEME_ID = re.compile(r"^[a-z][a-z_]*$")
ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
WEB_LINK = re.compile(r"^https?://[^\s]+$", re.IGNORECASE)
MAX_TEXT = 200
MAX_LINK = 2000
MAX_NOTE = 10_000

NOT_STARTED, IN_PROGRESS, DONE, NOT_PLANNED = "not_started", "in_progress", "done", "not_planned"
STATUSES = (NOT_STARTED, IN_PROGRESS, DONE, NOT_PLANNED)
PLANNED = (NOT_STARTED, IN_PROGRESS, DONE)  # the actions counted in "tier when planned actions are done"
SECTIONS = ("evidence", "action_plan", "sign_off", "assignments", "review", "previous")


@dataclass
class Cycle:
    evidence: dict[str, dict[str, str]] = field(default_factory=dict)
    action_plan: dict[str, dict[str, str]] = field(default_factory=dict)
    sign_off: dict[str, str] | None = None
    assignments: dict[str, str] = field(default_factory=dict)
    review: list[str] = field(default_factory=list)
    previous: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        """The sections present, in the file's form (empty ones left out)."""
        data: dict[str, Any] = {}
        if self.evidence:
            data["evidence"] = {q: dict(e) for q, e in self.evidence.items()}
        if self.action_plan:
            data["action_plan"] = {q: dict(e) for q, e in self.action_plan.items()}
        if self.sign_off:
            data["sign_off"] = dict(self.sign_off)
        if self.assignments:
            data["assignments"] = dict(self.assignments)
        if self.review:
            data["review"] = list(self.review)
        if self.previous:
            data["previous"] = copy_json(self.previous)
        return data

    def has_previous_answers(self) -> bool:
        return bool(self.previous) and isinstance(self.previous.get("answers"), dict)


def read_cycle(data: dict[str, Any], bank, problems: list[str]) -> Cycle:
    """Check the optional yearly-cycle sections of a file; every problem is added to ``problems``."""
    moved = bank.replaced_by
    cycle = Cycle()
    cycle.evidence = _per_question(data.get("evidence", {}), "evidence", _evidence, moved, problems)
    cycle.action_plan = _per_question(data.get("action_plan", {}), "action_plan", check_action, moved, problems)
    if data.get("sign_off") is not None:
        cycle.sign_off = _sign_off(data["sign_off"], problems)
    cycle.assignments = _assignments(data.get("assignments", {}), bank, problems)
    cycle.review = _review(data.get("review", []), moved, problems)
    if data.get("previous") is not None:
        cycle.previous = _previous(data["previous"], problems)
    return cycle


def _per_question(raw: Any, section: str, check, moved, problems: list[str]) -> dict[str, dict[str, str]]:
    if not isinstance(raw, dict):
        problems.append(f"{section} must be an object mapping question ids to entries")
        return {}
    entries: dict[str, dict[str, str]] = {}
    for qid, entry in raw.items():
        if not QUESTION_ID.fullmatch(qid):
            problems.append(f"{section}: {_short(qid)!r} is not a question id like SPC-01")
            continue
        checked = check(entry, f"{section}: {qid}", problems)
        if checked is None:
            continue
        target = moved.get(qid, qid)
        if target != qid and target in raw:
            target = qid  # the new question has its own entry: keep the old one beside it
        entries[target] = checked
    return entries


def _evidence(entry: Any, where: str, problems: list[str]) -> dict[str, str] | None:
    if not isinstance(entry, dict) or set(entry) - {"link", "reference", "date"}:
        problems.append(f"{where}: evidence must be an object with \"link\" and/or \"reference\", and optionally \"date\"")
        return None
    before = len(problems)
    if "link" not in entry and "reference" not in entry:
        problems.append(f"{where}: evidence needs a \"link\" (a web address) or a \"reference\" (a document's name or number)")
    if "link" in entry:
        link = entry["link"]
        if not isinstance(link, str) or len(link) > MAX_LINK or not WEB_LINK.fullmatch(link):
            problems.append(f"{where}: link must be a web address starting https:// or http:// "
                            "(put a file path or document number in \"reference\")")
    if "reference" in entry and not _text(entry["reference"], MAX_TEXT * 5, blank=False):
        problems.append(f"{where}: reference must be text of 1 to {MAX_TEXT * 5} characters")
    if "date" in entry and not is_iso_date(entry["date"]):
        problems.append(f"{where}: date must be a date written YYYY-MM-DD")
    return dict(entry) if len(problems) == before else None


def check_action(entry: Any, where: str, problems: list[str]) -> dict[str, str] | None:
    allowed = {"owner", "due", "status", "reason", "note"}
    if not isinstance(entry, dict) or set(entry) - allowed:
        problems.append(f"{where}: an action must be an object with some of {', '.join(sorted(allowed))}")
        return None
    before = len(problems)
    checked = dict(entry)
    checked.setdefault("status", NOT_STARTED)
    if checked["status"] not in STATUSES:
        problems.append(f"{where}: status {_short(checked['status'])!r} is not one of: {', '.join(STATUSES)}")
    if "owner" in entry and not _text(entry["owner"], MAX_TEXT):
        problems.append(f"{where}: owner must be text of at most {MAX_TEXT} characters")
    if "due" in entry and not is_iso_date(entry["due"]):
        problems.append(f"{where}: due must be a date written YYYY-MM-DD")
    for key, most in (("reason", MAX_NOTE), ("note", MAX_NOTE)):
        if key in entry and not _text(entry[key], most):
            problems.append(f"{where}: {key} must be text of at most {most} characters")
    if checked["status"] == NOT_PLANNED and not (isinstance(entry.get("reason"), str) and entry["reason"].strip()):
        problems.append(f"{where}: an action that is not planned needs a reason")
    return checked if len(problems) == before else None


def _sign_off(raw: Any, problems: list[str]) -> dict[str, str] | None:
    if not isinstance(raw, dict) or set(raw) != {"name", "role", "date"}:
        problems.append("sign_off must be an object with name, role and date")
        return None
    before = len(problems)
    for key in ("name", "role"):
        if not _text(raw[key], MAX_TEXT, blank=False):
            problems.append(f"sign_off: {key} must be text of 1 to {MAX_TEXT} characters")
    if not is_iso_date(raw["date"]):
        problems.append("sign_off: date must be a date written YYYY-MM-DD")
    return dict(raw) if len(problems) == before else None


def _assignments(raw: Any, bank, problems: list[str]) -> dict[str, str]:
    if not isinstance(raw, dict):
        problems.append("assignments must be an object mapping theme ids or question ids to a contributor's name")
        return {}
    themes = {t.id for t in bank.themes}
    assignments = {}
    for key, name in raw.items():
        if not (key in themes or QUESTION_ID.fullmatch(key)):
            problems.append(f"assignments: {_short(key)!r} is not a theme ({', '.join(sorted(themes))}) or a question id")
        elif not _text(name, MAX_TEXT, blank=False):
            problems.append(f"assignments: {key}: the contributor's name must be text of 1 to {MAX_TEXT} characters")
        else:
            assignments[bank.replaced_by.get(key, key)] = name
    return assignments


def _review(raw: Any, moved, problems: list[str]) -> list[str]:
    if not isinstance(raw, list) or not all(isinstance(q, str) for q in raw):
        problems.append("review must be a list of question ids")
        return []
    bad = [q for q in raw if not QUESTION_ID.fullmatch(q)]
    if bad:
        problems.append(f"review: {_short(bad[0])!r} is not a question id like SPC-01")
        return []
    return list(dict.fromkeys(moved.get(q, q) for q in raw))


def _previous(raw: Any, problems: list[str]) -> dict[str, Any] | None:
    """Last year's answers (checked against the bank when compared) or a reference to its file."""
    if not isinstance(raw, dict):
        problems.append("previous must be an object: last year's answers, or {\"file\": ...} naming last year's file")
        return None
    allowed = {"assessment_date", "bank_version", "answers", "notes", "evidence", "file"}
    before = len(problems)
    if set(raw) - allowed:
        problems.append(f"previous: unexpected {sorted(set(raw) - allowed)[0]!r}; expected some of {', '.join(sorted(allowed))}")
    if "answers" not in raw and "file" not in raw:
        problems.append("previous needs last year's \"answers\", or the \"file\" they are in")
    if "assessment_date" in raw and not is_iso_date(raw["assessment_date"]):
        problems.append("previous: assessment_date must be a date written YYYY-MM-DD")
    if "bank_version" in raw and not _text(raw["bank_version"], MAX_TEXT, blank=False):
        problems.append("previous: bank_version must name a question bank version")
    if "file" in raw and not _text(raw["file"], MAX_TEXT * 5, blank=False):
        problems.append("previous: file must be the name of last year's assessment file")
    for key in ("answers", "notes", "evidence"):
        if key in raw and (not isinstance(raw[key], dict) or not all(QUESTION_ID.fullmatch(q) for q in raw[key])):
            problems.append(f"previous: {key} must be an object keyed by question ids")
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
