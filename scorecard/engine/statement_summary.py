"""The statement answers in the Modern Slavery Statement Registry's words: a summary ready for the registry.

questions/statement_summary.yaml says which answers choose which of the registry's summary values,
which add sentences to its free-text ("Other...") fields, and where the mapping is an approximation;
this applies it to one assessment, so a council that submits its statement types nothing twice. The
command line (`scorecard statement-summary`) and the results page's download give the same files.

Run-time code: standard library only.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any

from .assessment import Assessment, AssessmentError
from .bank import Bank
from .csv_export import spreadsheet_safe
from .language import N_, _
from .messages import Message
from .scoring import council_profile

# The CSV's own words, in English, written in the current language (_); the registry's field names, values and
# wording stay as the (English-only) registry has them.
CSV_COLUMNS = [N_("Registry field"), N_("Value"), N_("Registry wording"), N_("From the answers to"), N_("Note")]
NOT_RECORDED = N_("Nothing recorded in this assessment: complete this on the registry.")


def statement_summary(bank: Bank, assessment: Assessment) -> dict[str, Any]:
    """The summary as plain data: each field with what the answers choose and why, the registry-shaped summary
    (field name -> values or text, as the registry's statement summary names them), the questions it reads that
    are not answered, and the citation of the registry."""
    mapping = bank.statement_summary
    if mapping is None:
        raise AssessmentError([Message("statement_summary_not_in_bank")])
    nation, _functions = council_profile(bank, assessment)
    answers = assessment.answers
    fields = [_field(entry, answers, bank) for entry in mapping["fields"]]
    registry: dict[str, Any] = {}
    for field in fields:
        if field["id"] == "Risks":
            registry["Risks"] = []
            registry["NoRisks"] = field["no_risks"]
        elif field["other_field"] or field["values"]:
            registry[field["id"]] = [v["id"] for v in field["values"]]
            if field["other_field"]:
                registry[field["other_field"]] = field["other"]
        else:
            registry[field["id"]] = field["other"]  # a text field of its own (ProgressMeasures)
    read = _in_bank_order(bank, {w.partition("=")[0] for entry in mapping["fields"] for w in _whens(entry)})
    return {
        "registry": dict(mapping["registry"]),
        "council": assessment.council.name,
        "assessment_date": assessment.assessment_date,
        "bank_version": bank.version,
        "fields": fields,
        "summary": registry,
        "not_answered": [qid for qid in read if qid not in answers],
        "welsh_code": mapping["welsh_code"] if nation == "wales" else "",
    }


def _in_bank_order(bank: Bank, question_ids: set[str]) -> list[str]:
    return sorted(question_ids, key=lambda qid: bank.order[qid])


def _whens(entry: Mapping[str, Any]) -> list[str]:
    return [
        *(w for v in entry["values"] for w in v["when"]),
        *(w for t in entry["texts"] for w in t["when"]),
        *entry["no_risks_when"],
    ]


def _given(whens: list[str], answers: Mapping[str, Any]) -> list[str]:
    """The questions among ``whens`` ("QID=option") whose answer is, or includes, that option."""
    found = []
    for when in whens:
        qid, _eq, option = when.partition("=")
        answer = answers.get(qid)
        if (answer == option or (isinstance(answer, list) and option in answer)) and qid not in found:
            found.append(qid)
    return found


def _field(entry: Mapping[str, Any], answers: Mapping[str, Any], bank: Bank) -> dict[str, Any]:
    values = []
    for value in entry["values"]:
        if found := _given(value["when"], answers):
            values.append({"id": value["id"], "label": value["label"], "from": found})
    texts = [(t["text"], _given(t["when"], answers)) for t in entry["texts"]]
    texts = [(text, found) for text, found in texts if found]
    return {
        "id": entry["id"],
        "title": entry["title"],
        "values": values,
        "other_field": entry["other"],
        "other": " ".join(text for text, _found in texts),
        "other_from": _in_bank_order(bank, {q for _text, found in texts for q in found}),
        "no_risks": bool(_given(entry["no_risks_when"], answers)),
        "no_risks_from": _given(entry["no_risks_when"], answers),
        "note": entry["note"],
    }


def statement_summary_csv(summary: Mapping[str, Any]) -> str:
    """The summary as a spreadsheet: a row for each value chosen or text given, a row saying so for each field
    with nothing recorded, then the questions not answered, the Welsh Code note and the registry's citation."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_(column) for column in CSV_COLUMNS])
    for field in summary["fields"]:
        rows = [[field["id"], v["id"], v["label"], ", ".join(v["from"]), ""] for v in field["values"]]
        if field["other"]:
            name = field["other_field"] or field["id"]
            rows.append([name, field["other"], "", ", ".join(field["other_from"]), ""])
        if field["id"] == "Risks" and field["no_risks"]:
            rows.append(["NoRisks", "true", "", ", ".join(field["no_risks_from"]), ""])
        if not rows:
            rows.append([field["id"], "", _(NOT_RECORDED), "", ""])
        rows[0][4] = field["note"]
        for row in rows:
            writer.writerow([spreadsheet_safe(str(cell)) for cell in row])
    if summary["not_answered"]:
        writer.writerow(
            [_("Not answered"), ", ".join(summary["not_answered"]), _("Answer these to complete the summary."), "", ""]
        )
    if summary["welsh_code"]:
        writer.writerow([_("Welsh Code of Practice"), "", spreadsheet_safe(summary["welsh_code"]), "", ""])
    registry = summary["registry"]
    cite = f"{registry['publisher']}, {registry['title']}, {registry['address']}"
    writer.writerow([_("Registry"), cite, spreadsheet_safe(registry["fields_source"]), "", ""])
    return out.getvalue()
