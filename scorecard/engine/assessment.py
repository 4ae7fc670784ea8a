"""Reading a council's assessment file and checking it against the bank.

An assessment is the JSON file an officer exports from the site and the CLI scores. Every
problem is collected and reported in plain words; nothing is silently dropped: answers to
questions that were replaced carry over, answers to retired questions are kept aside, and so
are answers the bank no longer knows (a question id it has never had, an option it no longer
offers): those are *set aside*, reported, kept in the file, and never block scoring the rest.

``provenance`` (optional) says when each answer, note and council detail was last changed and,
optionally, by whom: ``{"SPC-01": {"at": "2026-11-01T10:15:00.000Z", "by": "A. Officer"},
"notes.SPC-01": {...}, "council.name": {...}, "assessment": {...}}``. An entry without its
answer records when the answer was cleared. ``"assessment"`` is when the assessment was started
(or replaced by an import). The site merges tabs by it; the engine checks and keeps it.

Refused, each with its reason (issue 13): a council name or region that is not one line of
visible text (a line break would forge report lines, a direction control reorders the text, a
zero-width character hides in it); an assessment date after tomorrow (a date to come would stay a
council's latest for ever) or before 2015, the year of the Modern Slavery Act; answers kept
aside (retired_answers, and answers set aside) that are not a question id with an option id or
a list of them, so that what the engine keeps it can always read again.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass, field
from typing import Any

from .bank import NOT_APPLICABLE, Bank, Question
from .characters import first_not_on_one_line
from .cycle import Cycle, is_iso_date, one_line_problem, read_cycle
from .indicators import read_indicators
from .messages import Message, kind_of
from .tables import all_accepted
from .times import now, settled

FORMAT = "scorecard-assessment"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 5_000_000
MAX_TEXT = 200
MAX_NOTE = 10_000
ONS_CODE = re.compile(r"^[EWSN][0-9]{8}$")
REGISTER_CODE = re.compile(r"^[A-Z]{3}$")
QUESTION_ID = re.compile(r"[A-Z]{3}-[0-9]{2,3}")
EARLIEST_DATE = datetime.date(2015, 1, 1)  # the Modern Slavery Act 2015
DATE_SLACK = datetime.timedelta(days=1)  # the officer's clock may be a time zone ahead of the one scoring
MAX_KEPT_OPTIONS = 100  # option ids in one answer kept aside (a question offers at most 20)
MAX_DEPTH = 16  # objects and lists inside each other: a file nests at most 5 (previous.evidence.ID.field)
ISO_DATETIME = re.compile(
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?(Z|[+-][0-9]{2}:[0-9]{2})$"
)
# the yearly cycle's parts too (engine/cycle.py): evidence.ID, action_plan.ID, review.ID, review_marks.ID, assignments.KEY,
# targets.THEME, sign_off, and outcome indicators' figures (engine/indicators.py): indicators.IND-01
PROVENANCE_KEY = re.compile(
    r"^((notes|evidence|action_plan|review|indicators|review_marks)\.)?[A-Z]{2,5}-[0-9]{2,3}$|^council\.(name|type|region|ons_code|code|functions)$"
    r"|^assignments\.([a-z][a-z_]*|[A-Z]{2,5}-[0-9]{2,3})$|^targets\.[a-z][a-z_]*$|^assessment$|^sign_off$"
)

# Why an answer is set aside (Assessment.set_aside): the code, and what the officer is told.
UNKNOWN_QUESTION = "unknown_question"
UNKNOWN_OPTION = "unknown_option"
KEPT_ASIDE = "kept_aside"  # in retired_answers, though the bank asks the question (an edited file; a question back)


class AssessmentError(ValueError):
    """An assessment file that cannot be scored: ``details`` lists every reason as a Message
    (code, parameters), ``problems`` the same in English."""

    def __init__(self, details: list[Message]):
        self.details = list(details)
        self.problems = [message.text for message in self.details]
        super().__init__("; ".join(self.problems))


@dataclass(frozen=True)
class Council:
    name: str
    type: str
    region: str = ""
    ons_code: str = ""
    code: str = ""  # the UK council register's three-letter code, when picked from the register
    functions: tuple[str, ...] | None = None  # None: the council type's default functions


@dataclass
class Assessment:
    council: Council
    assessment_date: str
    bank_version: str
    answers: dict[str, Any]
    notes: dict[str, str]
    retired_answers: dict[str, Any] = field(default_factory=dict)
    carried_over: dict[str, str] = field(default_factory=dict)  # old id -> new id
    set_aside: dict[str, str] = field(
        default_factory=dict
    )  # id -> UNKNOWN_QUESTION or UNKNOWN_OPTION; values in retired_answers (or notes)
    provenance: dict[str, dict[str, str]] = field(default_factory=dict)
    council_type_from: str = ""  # the council type id of an older bank this file used, now mapped
    times_taken_as_now: dict[str, str] = field(default_factory=dict)  # provenance key -> the time after now it gave
    cycle: Cycle = field(
        default_factory=Cycle
    )  # evidence, action plan, sign-off, assignments, review, last year (cycle.py)

    def to_dict(self) -> dict[str, Any]:
        """The file form, as exported; retired answers are kept so nothing is lost."""
        council: dict[str, Any] = {"name": self.council.name, "type": self.council.type}
        if self.council.region:
            council["region"] = self.council.region
        if self.council.ons_code:
            council["ons_code"] = self.council.ons_code
        if self.council.code:
            council["code"] = self.council.code
        if self.council.functions is not None:
            council["functions"] = list(self.council.functions)
        data = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "council": council,
            "assessment_date": self.assessment_date,
            "bank_version": self.bank_version,
            "answers": dict(self.answers),
            "notes": dict(self.notes),
        }
        if self.retired_answers:
            data["retired_answers"] = dict(self.retired_answers)
        if self.provenance:
            data["provenance"] = {key: dict(entry) for key, entry in self.provenance.items()}
        data.update(self.cycle.to_dict())
        return data


def blank_assessment(
    bank: Bank, council_type: str, name: str = "", region: str = "", ons_code: str = "", code: str = ""
) -> dict[str, Any]:
    """A new, empty assessment file for a council type (and, from the register, a named council)."""
    if council_type not in bank.council_types:
        raise AssessmentError(
            [Message("unknown_council_type", {"council_type": council_type, "council_types": list(bank.council_types)})]
        )
    return Assessment(
        council=Council(name=name, type=council_type, region=region, ons_code=ons_code, code=code),
        assessment_date=datetime.date.today().isoformat(),
        bank_version=bank.version,
        answers={},
        notes={},
    ).to_dict()


def file_text(data: dict[str, Any]) -> str:
    """An assessment file's text as written: indented for people to read, or without indents when those would
    take it over the size every reader accepts (a file of many long lists, say)."""
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if len(text.encode("utf-8")) <= MAX_FILE_BYTES:
        return text
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def assessment_text(raw: Any) -> str:
    """A file's contents as text: UTF-8 with or without a byte-order mark (Excel and Notepad add one).

    The one place an assessment's bytes are decoded, for the CLI, the Compare page and merging.
    """
    if isinstance(raw, (bytes, bytearray, memoryview)):
        try:
            return bytes(raw).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise AssessmentError([Message("file_not_utf8")]) from None
    if not isinstance(raw, str):
        raise AssessmentError([Message("file_not_text", {"type": type(raw).__name__})])
    return raw.removeprefix("\ufeff")


def parse_assessment_text(text: str | bytes, bank: Bank) -> Assessment:
    """Parse and check an assessment file's contents."""
    return load_assessment(read_assessment_json(text), bank)


def read_assessment_json(text: str | bytes) -> Any:
    """An assessment file's contents as data, not yet checked against the bank: refused here if it is too
    large, empty, not JSON, holds a key twice, nests too deeply or holds half a character."""
    if len(text) > MAX_FILE_BYTES:
        raise AssessmentError([Message("file_too_large", {"limit_mb": MAX_FILE_BYTES // 1_000_000})])
    if not text.strip():
        raise AssessmentError([Message("file_empty")])  # rather than "not valid JSON: Expecting value"
    try:
        data = json.loads(text, object_pairs_hook=_unique_keys)
    except DuplicateKey as error:
        raise AssessmentError([Message("duplicate_key", {"key": error.key})]) from None
    except RecursionError:
        raise AssessmentError([Message("nested_too_deeply")]) from None
    except ValueError as error:
        line, detail = getattr(error, "lineno", None), str(getattr(error, "msg", error))
        raise AssessmentError(
            [
                Message("invalid_json_at_line", {"line": line, "detail": detail})
                if line
                else Message("invalid_json", {"detail": detail})
            ]
        ) from None
    if not _whole_characters_only(text):
        _check_encodable(data)
    return data


class DuplicateKey(Exception):
    def __init__(self, key: str):
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """JSON allows a key twice and keeps the last; for an answer that would silently drop one."""
    data = dict(pairs)
    if len(data) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DuplicateKey(key)
            seen.add(key)
    return data


def _whole_characters_only(text: str | bytes) -> bool:
    """True when the text cannot hold half a character: no \\u escape, and strict UTF-8 as it is. Checking the
    text is much quicker than writing the data out again (_check_encodable), which comparing thousands of files
    did for each; anything else still goes through that."""
    try:
        if isinstance(text, str):
            text.encode("utf-8")
            return "\\u" not in text
        text.decode("utf-8")
    except UnicodeError:
        return False
    return b"\\u" not in text


def _check_encodable(data: Any) -> None:
    r"""JSON may spell half a character (\ud800); such text cannot be printed or saved as UTF-8."""
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise AssessmentError([Message("lone_surrogate")]) from None
    except RecursionError:
        raise AssessmentError([Message("nested_too_deeply")]) from None


def load_assessment(data: Any, bank: Bank) -> Assessment:
    """Check an assessment's data against the bank; raise AssessmentError listing every problem."""
    problems: list[Message] = []
    if not isinstance(data, dict):
        raise AssessmentError([Message("not_an_object", {"kind": kind_of(data)})])
    if nested_too_deeply(data):
        raise AssessmentError([Message("nested_too_deeply")])
    if data.get("format") != FORMAT:
        problems.append(Message("not_an_assessment", {"format": FORMAT}))
    elif (
        type(data.get("format_version")) is not int or data.get("format_version") != FORMAT_VERSION
    ):  # true == 1 in Python
        problems.append(
            Message(
                "unsupported_format_version",
                {"found": json.dumps(data.get("format_version")), "supported": FORMAT_VERSION},
            )
        )
    if problems:
        raise AssessmentError(problems)

    council, type_from = _council(data.get("council"), bank, problems)
    date = data.get("assessment_date")
    date_problem = _date_problem(date)
    if date_problem:
        problems.append(date_problem)
    version = data.get("bank_version")
    if not names_a_version(version):
        problems.append(Message("bad_bank_version"))
    set_aside: dict[str, str] = {}
    answers, retired, carried = _answers(
        data.get("answers", {}), data.get("retired_answers", {}), bank, set_aside, problems
    )
    notes = _notes(data.get("notes", {}), bank, answers, retired, set_aside, problems)
    later: dict[str, str] = {}
    provenance = _provenance(data.get("provenance", {}), carried, notes, problems, later)
    cycle = read_cycle(data, bank, problems)
    if "indicators" in data:
        cycle.indicators = read_indicators(data["indicators"], bank, problems, cycle.set_aside)
    if problems:
        raise AssessmentError(problems)
    assert isinstance(date, str) and isinstance(version, str)  # as checked above: for the type checker
    assessment = Assessment(
        council, date, version, answers, notes, retired, carried, set_aside, provenance, type_from, later, cycle=cycle
    )
    if cycle.has_previous_answers():
        cycle.last_year, cycle.last_year_problems = _last_year(assessment, bank)
    return assessment


def _last_year(assessment: Assessment, bank: Bank) -> tuple[Assessment | None, list[Message]]:
    """Last year's answers (the file's "previous") as an assessment of the same council, read against this bank
    as the file is read; or, when they cannot be, why not. The file itself is read either way: the changes
    since last year are then not shown, and the results say why."""
    previous = assessment.cycle.previous or {}
    council: dict[str, Any] = {"name": assessment.council.name, "type": assessment.council.type}
    if assessment.council.functions is not None:
        council["functions"] = list(assessment.council.functions)
    data = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "council": council,
        "assessment_date": previous.get("assessment_date") or assessment.assessment_date,
        "bank_version": previous.get("bank_version") or assessment.bank_version,
        "answers": previous["answers"],
    }
    if previous.get("evidence"):  # last year's duties were met with last year's evidence, read at last year's date
        data["evidence"] = previous["evidence"]
    try:
        return load_assessment(data, bank), []
    except AssessmentError as error:
        return None, error.details


def nested_too_deeply(data: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether objects and lists nest more than ``limit`` deep, found without recursion: the engine's own walks
    (copying, writing out) recurse, and a 5 KB file nested 500 deep would overflow them, in CPython and in
    Pyodide at different depths. Checked when a file is read, so both refuse the same files."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        children = value.values() if isinstance(value, dict) else value
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def names_a_version(value: Any) -> bool:
    """A bank version as a file gives it: visible text on one line (spaces alone, or a line break that would
    forge a line of a report, name no bank)."""
    return type(value) is str and bool(value.strip()) and len(value) <= MAX_TEXT and not first_not_on_one_line(value)


def _council(raw: Any, bank: Bank, problems: list[Message]) -> tuple[Council, str]:
    """The council, with a council type of an older bank mapped to today's (returned second)."""
    if not isinstance(raw, dict):
        problems.append(Message("council_not_an_object"))
        return Council("", ""), ""
    # The name may be blank: an officer's own assessment needs none (the site scores as you go);
    # comparisons keep unnamed councils apart.
    name, ctype = raw.get("name", ""), raw.get("type")
    region, ons, code = raw.get("region", ""), raw.get("ons_code", ""), raw.get("code", "")
    functions = raw.get("functions")
    type_from = ""
    if isinstance(ctype, str) and ctype in bank.type_replaced_by:
        type_from, ctype = ctype, bank.type_replaced_by[ctype]
    if not isinstance(name, str):
        problems.append(Message("council_name_not_text"))
    elif len(name) > MAX_TEXT:
        problems.append(Message("council_name_too_long", {"limit": MAX_TEXT}))
    else:
        _check_one_line("council.name", name, problems)
    if not isinstance(ctype, str) or ctype not in bank.council_types:  # a list would not even hash
        problems.append(Message("council_type_not_known", {"value": ctype, "council_types": list(bank.council_types)}))
    if not isinstance(region, str) or len(region) > MAX_TEXT:
        problems.append(Message("council_region_bad", {"limit": MAX_TEXT}))
    else:
        _check_one_line("council.region", region, problems)
    if not isinstance(ons, str) or (ons and not ONS_CODE.fullmatch(ons)):
        problems.append(Message("council_ons_code_bad", {"value": ons}))
    if not isinstance(code, str) or (code and not REGISTER_CODE.fullmatch(code)):
        problems.append(Message("council_code_bad", {"value": code}))
    if functions is not None:
        if not isinstance(functions, list) or not all(isinstance(f, str) for f in functions):
            problems.append(Message("council_functions_not_a_list"))
        else:
            unknown = [f for f in functions if f not in bank.functions]
            if unknown:
                problems.append(
                    Message("council_function_unknown", {"value": unknown[0], "functions": list(bank.functions)})
                )
            elif len(set(functions)) != len(functions):
                problems.append(Message("council_function_twice"))
    if problems or not isinstance(ctype, str):
        return Council("", ""), ""
    return Council(
        name.strip(), ctype, region.strip(), ons, code, None if functions is None else tuple(functions)
    ), type_from


def _answers(
    raw: Any, raw_retired: Any, bank: Bank, set_aside: dict[str, str], problems: list[Message]
) -> tuple[dict[str, Any], dict[str, Any], dict[str, str]]:
    answers: dict[str, Any] = {}
    retired: dict[str, Any] = {}
    carried: dict[str, str] = {}
    if not isinstance(raw, dict):
        problems.append(Message("answers_not_an_object"))
        return answers, retired, carried
    if not isinstance(raw_retired, dict):
        problems.append(Message("retired_answers_not_an_object"))
        raw_retired = {}
    for qid, value in raw_retired.items():
        if not _keep_aside("retired_answers", qid, value, retired, problems):
            continue
        reason = _set_aside_reason(qid, value, bank)  # set aside by an earlier read: still reported
        if reason:
            set_aside[qid] = reason
    if all_accepted(raw, bank):
        return dict(raw), retired, carried  # the common case, checked in one step
    questions = bank.questions
    for qid, value in raw.items():
        question = questions.get(qid)
        if question is not None and question.accepts(value):
            answers[qid] = value
            continue
        if value is None:
            continue  # explicitly unanswered
        target = qid if qid in bank.questions else bank.replaced_by.get(qid)
        if target is None:
            if _keep_aside("answers", qid, value, retired, problems) and qid not in bank.retired:
                set_aside[qid] = UNKNOWN_QUESTION  # never in this bank, or removed without being retired
            continue
        if target != qid and (raw.get(target) is not None or target in answers):
            _keep_aside("answers", qid, value, retired, problems)  # the new id (or another old id) already answered
            continue
        question = bank.questions[target]
        problem = _answer_problem(question, value)
        if problem is None:
            answers[target] = value
            if target != qid:
                carried[qid] = target  # only once the answer really carried
        elif target != qid:
            _keep_aside("answers", qid, value, retired, problems)  # replaced question's old answer no longer fits
        elif _unknown_options(question, value):
            retired[qid] = value  # an option the bank no longer offers: set aside, answer again
            set_aside[qid] = UNKNOWN_OPTION
        else:
            problems.append(problem)
    return answers, retired, carried


def _keep_aside(where: str, qid: str, value: Any, retired: dict[str, Any], problems: list[Message]) -> bool:
    """Keep an answer aside in retired_answers if it has an answer's shape (a question id, an
    option id or a list of them), so the file the engine writes it can read again; else say why."""
    problem = None
    if not isinstance(qid, str) or not QUESTION_ID.fullmatch(qid):
        problem = Message("not_a_question_id", {"field": where, "value": str(qid)[:40]})
    elif isinstance(value, list):
        odd = [v for v in value if not isinstance(v, str)]
        if odd:
            problem = Message("kept_answer_list_bad_item", {"field": where, "question": qid, "kind": kind_of(odd[0])})
        elif len(value) > MAX_KEPT_OPTIONS:
            problem = Message(
                "kept_answer_list_too_long",
                {"field": where, "question": qid, "limit": MAX_KEPT_OPTIONS, "count": len(value)},
            )
    elif not isinstance(value, str):
        problem = Message("kept_answer_bad", {"field": where, "question": qid, "kind": kind_of(value)})
    if problem is None and any(len(v) > MAX_TEXT for v in (value if isinstance(value, list) else [value])):
        problem = Message("kept_answer_too_long", {"field": where, "question": qid, "limit": MAX_TEXT})
    if problem is not None:
        problems.append(problem)
        return False
    retired[qid] = value
    return True


def _check_one_line(field_name: str, text: str, problems: list[Message]) -> None:
    problem = one_line_problem(field_name, text)
    if problem:
        problems.append(problem)


def _unknown_options(question: Question, value: Any) -> list[str]:
    """The option ids in a well-formed answer that the question does not offer ('n/a' where it is not allowed)."""
    if question.type == "multi":
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return [v for v in value if v not in question.option_scores]
        return (
            [value] if value == NOT_APPLICABLE and not question.allow_na else []
        )  # other text: the wrong kind of answer
    if isinstance(value, str) and value not in question.text_answers:
        return [value]
    return []


def _set_aside_reason(qid: str, value: Any, bank: Bank) -> str | None:
    """Why a kept-aside answer is not scored, when it is because the bank does not know it."""
    if qid in bank.retired:
        return None
    if qid not in bank.questions and qid not in bank.replaced_by:
        return UNKNOWN_QUESTION
    question = bank.questions.get(qid)
    if question is not None and _unknown_options(question, value):
        return UNKNOWN_OPTION
    return KEPT_ASIDE if question is not None else None


def _answer_problem(question: Question, value: Any) -> Message | None:
    qid = question.id
    if value == NOT_APPLICABLE:
        return None if question.allow_na else Message("answer_not_applicable_not_allowed", {"question": qid})
    options = question.option_scores
    if question.type == "multi":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return Message("answer_not_a_list", {"question": qid, "kind": kind_of(value)})
        unknown = [v for v in value if v not in options]
        if unknown:
            return Message("answer_unknown_option", {"question": qid, "option": unknown[0], "options": list(options)})
        if len(set(value)) != len(value):
            return Message("answer_option_twice", {"question": qid})
        alone = [v for v in value if v in question.exclusive_options]
        if alone and len(value) > 1:
            return Message(
                "answer_exclusive_option_with_others",
                {"question": qid, "option": alone[0], "label": question.labels[alone[0]]},
            )
        return None
    if not isinstance(value, str):
        return Message("answer_not_an_option_id", {"question": qid, "kind": kind_of(value)})
    if value not in options:
        return Message("answer_unknown_option", {"question": qid, "option": value, "options": list(options)})
    return None


def _notes(
    raw: Any,
    bank: Bank,
    answers: dict[str, Any],
    retired: dict[str, Any],
    set_aside: dict[str, str],
    problems: list[Message],
) -> dict[str, str]:
    if not isinstance(raw, dict):
        problems.append(Message("notes_not_an_object"))
        return {}
    notes = {}
    for qid, text in raw.items():
        target = qid if qid in bank.questions or qid in retired else bank.replaced_by.get(qid)
        if not isinstance(text, str):
            problems.append(Message("note_not_text", {"question": qid, "kind": kind_of(text)}))
        elif len(text) > MAX_NOTE:
            problems.append(Message("note_too_long", {"question": qid, "limit": MAX_NOTE}))
        elif text:
            if target is None and qid not in bank.retired:
                set_aside.setdefault(qid, UNKNOWN_QUESTION)  # kept with the answers set aside
            if target and target != qid and raw.get(target):
                target = qid  # the new question has its own note: keep the old one beside it
            notes[target or qid] = text
    return notes


def _provenance(
    raw: Any, carried: dict[str, str], notes: dict[str, str], problems: list[Message], later: dict[str, str]
) -> dict[str, dict[str, str]]:
    """Check who-changed-what-when; entries of carried-over answers and notes move with them.

    Times are kept as the site writes them (UTC, "...Z", engine/times.py); a time after now is taken
    as now, and ``later`` records what it was, for the officer to be told.
    """
    if not isinstance(raw, dict):
        problems.append(Message("provenance_not_an_object"))
        return {}
    provenance: dict[str, dict[str, str]] = {}
    today = now()
    for key, entry in raw.items():
        if not PROVENANCE_KEY.fullmatch(key):
            problems.append(Message("provenance_bad_key", {"provenance_key": key}))
        elif not isinstance(entry, dict) or "at" not in entry or set(entry) - {"at", "by"}:
            problems.append(Message("provenance_entry_bad", {"provenance_key": key}))
        elif not _is_iso_datetime(entry["at"]):
            problems.append(Message("provenance_at_bad", {"provenance_key": key}))
        elif "by" in entry and (not isinstance(entry["by"], str) or len(entry["by"]) > MAX_TEXT):
            problems.append(Message("provenance_by_bad", {"provenance_key": key, "limit": MAX_TEXT}))
        else:
            at, after_now = settled(entry["at"], today)
            if after_now:
                later[key] = entry["at"]
            provenance[key] = {**entry, "at": at}
    for old, new in carried.items():
        if old in provenance and new not in provenance:
            provenance[new] = provenance.pop(old)
        note_old, note_new = f"notes.{old}", f"notes.{new}"
        if note_old in provenance and note_new not in provenance and new in notes and old not in notes:
            provenance[note_new] = provenance.pop(note_old)
    return provenance


def _date_problem(value: Any) -> Message | None:
    """Why an assessment date cannot be used: not a date, before 2015, or after tomorrow."""
    if not is_iso_date(value):
        return Message("bad_assessment_date")
    if datetime.date.fromisoformat(value) < EARLIEST_DATE:
        return Message("assessment_date_too_early", {"date": value, "earliest": EARLIEST_DATE.isoformat()})
    today = datetime.date.today()
    if datetime.date.fromisoformat(value) > today + DATE_SLACK:
        return Message("assessment_date_in_future", {"date": value, "today": today.isoformat()})
    return None


def _is_iso_datetime(value: Any) -> bool:
    if not isinstance(value, str) or not ISO_DATETIME.fullmatch(value):
        return False
    try:
        datetime.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True
