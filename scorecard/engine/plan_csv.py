"""Reading the action plan back from the spreadsheet a council filled in.

The CSV is the one `actions_csv` writes (csv_export.py), and reading it back undoes exactly what
writing it did: export then import, with no edits, gives the file back unchanged, whatever the
cells hold (quotes, commas, line breaks, padding, formula-like text, any character). So only
what a council changed in the spreadsheet changes in the file: each plan cell (Owner, Due date,
Status, Progress notes, Reason not planned) is compared with what the export wrote for that
question, and read only when it differs. A column the spreadsheet no longer has, or a row cut
short, leaves those fields as they were; a row with every plan cell cleared removes the entry.

Columns are found by their headings, so a spreadsheet that moved or added columns still reads.
Rows are matched by question id; a row of a question the bank has since replaced (`replaces:`)
is read into its new question. Spreadsheet programs rewrite cells: dates come back as 31/03/2027
or "31 March 2027", the file may use semicolons or tabs for commas, and may be saved in another
encoding. The separator is the one that finds the "Question" heading (no guessing from the
text); the encoding is decided once for the whole file: a byte order mark says which, else
strict UTF-8, else Windows-1252 throughout (Excel's "CSV" on Windows); a file that mixes two is
refused naming the line. Anything unreadable is a problem naming the row and column, and nothing
is changed until every row reads.

Run-time code: standard library only.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .assessment import AssessmentError, load_assessment
from .bank import Bank
from .csv_export import PLAN_COLUMNS, needs_guard
from .cycle import MAX_NOTE, MAX_TEXT, NOT_PLANNED, NOT_STARTED, STATUSES
from .language import _
from .messages import Message
from .wording import STATUS_NAMES, plan_import_summary, status_names

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
SEPARATORS = (",", ";", "\t")  # as written; a spreadsheet set for another locale saves semicolons or tabs
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),  # Excel's "Unicode text"
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
BEYOND_ASCII = re.compile("[\x80-\udc7f\udd00-\U0010ffff]")  # a character decoded, not a byte kept aside
TEXT_LIMITS = {"owner": MAX_TEXT, "note": MAX_NOTE, "reason": MAX_NOTE}
MAX_LISTED = 50  # problems listed before the reading stops: a file of a million bad rows needs no million lines


@dataclass
class PlanImport:
    """An action plan read back: the assessment file with it, and what changed, for the officer to be told."""

    data: dict[str, Any]
    rows: int = 0
    changed: list[str] = field(default_factory=list)  # question ids whose entry was added or edited
    cleared: list[str] = field(default_factory=list)  # question ids whose entry every cell cleared
    carried: dict[str, str] = field(default_factory=dict)  # a replaced question's row -> the question read into

    def summary(self) -> str:
        return plan_import_summary(self.rows, self.changed, self.cleared, self.carried)


def import_plan_csv(bank: Bank, data: dict[str, Any], raw: bytes | str) -> PlanImport:
    """Read a plan CSV (its bytes, or text) into a copy of an assessment file; AssessmentError lists every problem."""
    current = load_assessment(data, bank)
    plan = current.cycle.action_plan
    read = read_plan_csv(csv_text(raw), bank, plan)
    updated = current.to_dict()
    entries = updated.get("action_plan", {})
    for qid in read.cleared:
        entries.pop(qid, None)
    for qid in read.changed:
        entries[qid] = read.data[qid]
    if entries:
        updated["action_plan"] = entries
    else:
        updated.pop("action_plan", None)
    read.data = load_assessment(updated, bank).to_dict()
    return read


def csv_text(raw: bytes | str) -> str:
    """A CSV file's text, its encoding decided once for the whole file (see the module's note)."""
    if isinstance(raw, str):
        return raw.removeprefix("\ufeff")
    for mark, codec, name in BYTE_ORDER_MARKS:
        if raw.startswith(mark):
            body = raw[len(mark) :]
            try:
                return body.decode(codec)
            except UnicodeDecodeError as error:
                raise _bad_bytes(body, error.start, codec, name) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        if BEYOND_ASCII.search(raw.decode("utf-8", errors="surrogateescape")):
            line = _line_of(raw, error.start, "utf-8")
            raise AssessmentError([Message("plan_csv_mixed_encoding", {"line": line})]) from None
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError as error:
        raise _bad_bytes(raw, error.start, "cp1252", "Windows-1252") from None


def _bad_bytes(raw: bytes, at: int, codec: str, name: str) -> AssessmentError:
    return AssessmentError([Message("plan_csv_bad_bytes", {"line": _line_of(raw, at, codec), "encoding": name})])


def _line_of(raw: bytes, at: int, codec: str) -> int:
    """The line (as a text editor counts them) that byte ``at`` is on."""
    return raw[:at].decode(codec, errors="replace").count("\n") + 1


def read_plan_csv(text: str, bank: Bank, plan: dict[str, dict[str, str]]) -> PlanImport:
    """The entries the CSV changes, against the file's plan: ``changed`` ids with their new entry in ``data``."""
    if not text.strip():
        raise AssessmentError([Message("plan_csv_empty")])
    found = _header_and_rows(text)
    if found is None:
        raise AssessmentError([Message("plan_csv_no_question_column")])
    header, rows = found
    columns = {
        key: header.index(heading) for key, name in PLAN_COLUMNS.items() for heading in _said(name) if heading in header
    }
    if not columns:
        raise AssessmentError([Message("plan_csv_no_plan_columns", {"columns": list(PLAN_COLUMNS.values())})])
    question_at = next(header.index(heading) for heading in _said("Question") if heading in header)
    problems: list[Message] = []
    read = PlanImport(data={})
    seen: dict[str, tuple[int, str]] = {}
    for number, row in enumerate(rows, start=2):
        if len(problems) >= MAX_LISTED:
            problems.append(Message("plan_csv_too_many_problems", {"row": number, "limit": MAX_LISTED}))
            break
        if not any(cell.strip() for cell in row):
            continue  # a blank line a spreadsheet left at the end
        qid = row[question_at].strip() if question_at < len(row) else ""
        at = {"row": number, "question": qid}
        if not qid:
            problems.append(Message("plan_row_no_question", {"row": number}))
            continue
        target = qid if qid in bank.questions else bank.replaced_by.get(qid)
        if target is None:
            problems.append(Message("plan_row_unknown_question", {**at, "version": bank.version}))
            continue
        if target in seen:
            first_row, first_id = seen[target]
            if first_id == target:
                problems.append(Message("plan_row_duplicate", {**at, "question": target, "first_row": first_row}))
            else:
                problems.append(
                    Message(
                        "plan_row_duplicate_replaced",
                        {**at, "question": target, "first_row": first_row, "first_question": first_id},
                    )
                )
            continue
        seen[target] = (number, qid)
        read.rows += 1
        if target != qid:
            read.carried[qid] = target
        cells = {key: row[i] for key, i in columns.items() if i < len(row)}  # a row cut short: those cells absent
        old = plan.get(target)
        entry = _entry(cells, old, {**at, "question": qid}, problems)
        if entry == old:
            continue
        if entry is None:
            read.cleared.append(target)
        else:
            read.changed.append(target)
            read.data[target] = entry
    if problems:
        raise AssessmentError(problems)
    return read


def _header_and_rows(text: str) -> tuple[list[str], Iterator[list[str]]] | None:
    """The header (headings folded to lower case) and the rows after it, read with the separator that finds
    the "Question" heading; None when none does. Quotes are read as the export writes them ("" is
    one "), never guessed from the text."""
    for separator in SEPARATORS:
        rows = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
        header = [heading.strip().lower() for heading in next(rows, [])]
        if any(heading in header for heading in _said("Question")):
            return header, rows
    return None


def _said(english: str) -> tuple[str, ...]:
    """A heading or status name as the export may have written it, folded to lower case: in English, or in the
    language the engine now writes (a CSV written on a Welsh page is read back on one)."""
    return tuple(dict.fromkeys((english.lower(), _(english).lower())))


def _entry(
    cells: dict[str, str], old: dict[str, str] | None, at: dict[str, Any], problems: list[Message]
) -> dict[str, str] | None:
    """A row's plan entry: the file's, with each cell that differs from what the export wrote there read in."""
    entry = dict(old or {})
    before = len(problems)
    status_cleared = False
    for key, cell in cells.items():
        value = cell[1:] if cell.startswith("'") and needs_guard(cell[1:]) else cell  # the export's guard undone
        written = _(STATUS_NAMES[old["status"]]) if key == "status" and old else (old or {}).get(key, "")
        if value == written:
            continue  # as exported: kept exactly as the file has it
        value = value.strip()
        if not value:
            entry.pop(key, None)
            status_cleared = status_cleared or key == "status"
        elif key == "status":
            entry[key] = _status(value, at, problems)
        elif key == "due":
            entry[key] = _date(value, at, problems)
        elif len(value) > TEXT_LIMITS[key]:
            problems.append(
                Message("plan_row_too_long", {**at, "column": PLAN_COLUMNS[key], "limit": TEXT_LIMITS[key]})
            )
        else:
            entry[key] = value
    if status_cleared or "status" not in entry:
        if not any(entry.get(key) for key in ("owner", "due", "note", "reason")):
            return None  # every plan cell blank: no entry
        entry["status"] = NOT_STARTED
    if entry != old and entry["status"] == NOT_PLANNED and not entry.get("reason", "").strip():
        problems.append(Message("plan_row_reason_missing", at))
    return entry if len(problems) == before else old


def _status(value: str, at: dict[str, Any], problems: list[Message]) -> str:
    wanted = value.strip().lower().replace("_", " ")
    for status in STATUSES:
        if wanted in (*_said(STATUS_NAMES[status]), status.replace("_", " ")):
            return status
    problems.append(Message("plan_row_status_bad", {**at, "value": value, "names": list(status_names().values())}))
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
