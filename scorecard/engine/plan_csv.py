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
from .csv_export import PLAN_COLUMNS
from .cycle import NOT_STARTED, STATUSES, check_action, copy_json
from .wording import STATUS_NAMES

MONTHS = {m.lower(): i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"], start=1)}
MONTHS.update({name[:3]: number for name, number in list(MONTHS.items())})
UK_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
WORDS_DATE = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$")
ISO_WITH_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})([ T]\d{2}:\d{2}(:\d{2})?)?$")
FORMULA_GUARD = re.compile(r"^'[=+\-@\t\r]")


def read_plan_csv(text: str, bank) -> dict[str, dict[str, str] | None]:
    """question id -> its plan entry (None: remove it); AssessmentError lists every problem by row."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise AssessmentError(["the action plan file is empty"])
    rows = list(csv.reader(io.StringIO(text, newline=""), dialect=_dialect(text)))
    header = [h.strip().lower() for h in rows[0]]
    columns = {key: header.index(name.lower()) for key, name in PLAN_COLUMNS.items() if name.lower() in header}
    if "question" not in header:
        raise AssessmentError(["the action plan has no \"Question\" column (is this the action plan CSV the scorecard wrote?)"])
    if not columns:
        raise AssessmentError([f"the action plan has none of the columns {', '.join(PLAN_COLUMNS.values())}"])
    question_at = header.index("question")
    problems: list[str] = []
    updates: dict[str, dict[str, str] | None] = {}
    seen: dict[str, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue  # a blank line a spreadsheet left at the end
        qid = _cell(row, question_at)
        where = f"row {number}" + (f" ({qid})" if qid else "")
        if qid not in bank.questions:
            problems.append(f"{where}: {qid!r} is not a question in bank version {bank.version}" if qid else f"{where}: the Question cell is empty")
            continue
        if qid in seen:
            problems.append(f"{where}: {qid} is also on row {seen[qid]}; keep one row per question")
            continue
        seen[qid] = number
        entry = {key: _cell(row, at) for key, at in columns.items()}
        entry = {key: value for key, value in entry.items() if value}
        if not entry:
            updates[qid] = None
            continue
        before = len(problems)
        if "status" in entry:
            entry["status"] = _status(entry["status"], where, problems)
        if "due" in entry:
            entry["due"] = _date(entry["due"], where, problems)
        if len(problems) == before:
            checked = check_action(entry, where, problems)
            if checked is not None:
                updates[qid] = checked
    if problems:
        raise AssessmentError(problems)
    return updates


def apply_plan(data: dict[str, Any], updates: dict[str, dict[str, str] | None]) -> dict[str, Any]:
    """A copy of an assessment file (dict) with the plan entries replaced or removed."""
    result = copy_json(data)
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


def _dialect(text: str):
    """Commas as written; a spreadsheet set for another locale may save semicolons or tabs."""
    first = text.splitlines()[0]
    try:
        return csv.Sniffer().sniff(first, delimiters=",;\t")
    except csv.Error:
        return csv.excel


def _cell(row: list[str], at: int) -> str:
    value = row[at].strip() if at < len(row) else ""
    return value[1:] if FORMULA_GUARD.match(value) else value


def _status(value: str, where: str, problems: list[str]) -> str:
    wanted = value.strip().lower().replace("_", " ")
    for status in STATUSES:
        if wanted in (STATUS_NAMES[status].lower(), status.replace("_", " ")):
            return status
    problems.append(f"{where}: Status {value!r} is not one of: {', '.join(STATUS_NAMES.values())}")
    return NOT_STARTED


def _date(value: str, where: str, problems: list[str]) -> str:
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
    problems.append(f"{where}: Due date {value!r} is not a date (write it 2027-03-31 or 31/03/2027)")
    return text
