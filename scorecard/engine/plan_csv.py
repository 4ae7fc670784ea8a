"""Reading the action plan back from the spreadsheet a council filled in.

The CSV is the one `actions_csv` writes (csv_export.py). Columns are found by their headings,
so a spreadsheet that moved or added columns still reads. For each question row, Owner, Due
date, Status, Progress notes and Reason not planned replace the file's plan entry for that
question; a row with all five blank removes the entry. Questions not in the CSV keep theirs.

Spreadsheet programs rewrite cells: dates come back as 31/03/2027 or "31 March 2027", a
leading apostrophe guards a cell against formulas, the file may start with a byte order mark
or use semicolons. All are read; anything else is a problem naming the row and column, and
nothing is changed until every row reads.

Run-time code: standard library only.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from typing import Any

from .assessment import AssessmentError
from .bank import Bank
from .csv_export import PLAN_COLUMNS
from .cycle import MAX_NOTE, MAX_TEXT, NOT_PLANNED, NOT_STARTED, STATUSES, copy_json
from .messages import Message
from .wording import STATUS_NAMES

MONTHS = {
    m.lower(): i
    for i, m in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        start=1,
    )
}
MONTHS.update({name[:3]: number for name, number in list(MONTHS.items())})
UK_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
WORDS_DATE = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$")
ISO_WITH_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})([ T]\d{2}:\d{2}(:\d{2})?)?$")
FORMULA_GUARD = re.compile(r"^'[=+\-@\t\r]")


def read_plan_csv(text: str, bank: Bank) -> dict[str, dict[str, str] | None]:
    """question id -> its plan entry (None: remove it); AssessmentError lists every problem by row."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise AssessmentError([Message("plan_csv_empty")])
    rows = list(csv.reader(io.StringIO(text, newline=""), dialect=_dialect(text)))
    header = [h.strip().lower() for h in rows[0]]
    columns = {key: header.index(name.lower()) for key, name in PLAN_COLUMNS.items() if name.lower() in header}
    if "question" not in header:
        raise AssessmentError([Message("plan_csv_no_question_column")])
    if not columns:
        raise AssessmentError([Message("plan_csv_no_plan_columns", {"columns": list(PLAN_COLUMNS.values())})])
    question_at = header.index("question")
    problems: list[Message] = []
    updates: dict[str, dict[str, str] | None] = {}
    seen: dict[str, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue  # a blank line a spreadsheet left at the end
        qid = _cell(row, question_at)
        at = {"row": number, "question": qid}
        if not qid:
            problems.append(Message("plan_row_no_question", {"row": number}))
            continue
        if qid not in bank.questions:
            problems.append(Message("plan_row_unknown_question", {**at, "version": bank.version}))
            continue
        if qid in seen:
            problems.append(Message("plan_row_duplicate", {**at, "first_row": seen[qid]}))
            continue
        seen[qid] = number
        entry = {key: value for key, value in ((key, _cell(row, i)) for key, i in columns.items()) if value}
        if not entry:
            updates[qid] = None
            continue
        before = len(problems)
        entry["status"] = _status(entry["status"], at, problems) if "status" in entry else NOT_STARTED
        if "due" in entry:
            entry["due"] = _date(entry["due"], at, problems)
        for key, limit in (("owner", MAX_TEXT), ("note", MAX_NOTE), ("reason", MAX_NOTE)):
            if len(entry.get(key, "")) > limit:
                problems.append(Message("plan_row_too_long", {**at, "column": PLAN_COLUMNS[key], "limit": limit}))
        if entry["status"] == NOT_PLANNED and not entry.get("reason"):
            problems.append(Message("plan_row_reason_missing", at))
        if len(problems) == before:
            updates[qid] = entry
    if problems:
        raise AssessmentError(problems)
    return updates


def apply_plan(data: dict[str, Any], updates: dict[str, dict[str, str] | None]) -> dict[str, Any]:
    """A copy of an assessment file (dict) with the plan entries replaced or removed."""
    result: dict[str, Any] = copy_json(data)
    plan = result.get("action_plan", {})
    for qid, entry in updates.items():
        if entry is None:
            plan.pop(qid, None)
        else:
            plan[qid] = entry
    if plan:
        result["action_plan"] = plan
    else:
        result.pop("action_plan", None)
    return result


def _dialect(text: str) -> type[csv.Dialect]:
    """Commas as written; a spreadsheet set for another locale may save semicolons or tabs."""
    first = text.splitlines()[0]
    try:
        return csv.Sniffer().sniff(first, delimiters=",;\t")
    except csv.Error:
        return csv.excel


def _cell(row: list[str], at: int) -> str:
    value = row[at].strip() if at < len(row) else ""
    return value[1:] if FORMULA_GUARD.match(value) else value


def _status(value: str, at: dict[str, Any], problems: list[Message]) -> str:
    wanted = value.strip().lower().replace("_", " ")
    for status in STATUSES:
        if wanted in (STATUS_NAMES[status].lower(), status.replace("_", " ")):
            return status
    problems.append(Message("plan_row_status_bad", {**at, "value": value, "names": list(STATUS_NAMES.values())}))
    return NOT_STARTED


def _date(value: str, at: dict[str, Any], problems: list[Message]) -> str:
    """A due date as YYYY-MM-DD, from the forms spreadsheets write (UK day-first order)."""
    text = value.strip()
    try:
        if match := ISO_WITH_TIME.fullmatch(text):
            return datetime.date.fromisoformat(match.group(1)).isoformat()
        if match := UK_DATE.fullmatch(text):
            day, month, year = (int(g) for g in match.groups())
            return datetime.date(year, month, day).isoformat()
        if (match := WORDS_DATE.fullmatch(text)) and match.group(2).lower() in MONTHS:
            return datetime.date(int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1))).isoformat()
    except ValueError:
        pass
    problems.append(Message("plan_row_date_bad", {**at, "value": value}))
    return text
