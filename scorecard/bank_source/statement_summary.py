"""Reading and checking questions/statement_summary.yaml: the statement answers in the registry's words.

The file is optional (a bank without it has no registry summary). It is checked against
``schemas/statement_summary.schema.json`` and then against the themes: each ``when`` names a
question of the bank and one of its options, field and value names are unique, and only the
Risks field says when there are none. Every problem is reported as ``path:line: -: message``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .yaml_source import YamlSource

STATEMENT_SUMMARY_FILE = "statement_summary.yaml"
YES_NO = ("yes", "no")


def check_statement_summary(source: YamlSource, path: Path, themes: list[tuple[Path, YamlSource]], check) -> None:
    """Cross-checks beyond the schema; ``check`` is load.BankCheck, which collects the problems."""
    options: dict[str, tuple[str, ...]] = {}
    for _theme_path, theme in themes:
        for q in theme.data.get("questions", []):
            ids = tuple(o["id"] for o in q.get("options", []))
            options[q["id"]] = YES_NO if q.get("type") == "yes_no" else ids
    seen_fields: set[str] = set()
    for fi, entry in enumerate(source.data["fields"]):
        for name in (entry["id"], entry.get("other")):
            if name in seen_fields:
                check.add(path, source.line_of(["fields", fi, "id"]), f"fields: {name!r} is named twice")
            if name:
                seen_fields.add(name)
        values = [v["id"] for v in entry.get("values", [])]
        for vi, value in enumerate(values):
            if value in values[:vi]:
                check.add(path, source.line_of(["fields", fi, "values", vi, "id"]), f"{entry['id']}: {value!r} twice")
        if "no_risks_when" in entry and entry["id"] != "Risks":
            check.add(path, source.line_of(["fields", fi, "no_risks_when"]), "no_risks_when belongs to Risks only")
        wheres = [(["values", vi], v["when"]) for vi, v in enumerate(entry.get("values", []))]
        wheres += [(["texts", ti], t["when"]) for ti, t in enumerate(entry.get("texts", []))]
        wheres += [([], entry["no_risks_when"])] if "no_risks_when" in entry else []
        for where, whens in wheres:
            for wi, when in enumerate(whens):
                qid, _, option = when.partition("=")
                line = source.line_of(
                    ["fields", fi, *where, "when", wi] if where else ["fields", fi, "no_risks_when", wi]
                )
                if qid not in options:
                    check.add(path, line, f"{entry['id']}: {qid} is not a question of this bank")
                elif option not in options[qid]:
                    choices = ", ".join(options[qid])
                    check.add(path, line, f"{entry['id']}: {option!r} is not an option of {qid} (options: {choices})")


def compile_statement_summary(data: dict[str, Any] | None) -> dict[str, Any] | None:
    """The compiled form the engine reads: every list present; None when the bank has no such file."""
    if data is None:
        return None
    return {
        "registry": dict(data["registry"]),
        "welsh_code": data["welsh_code"],
        "fields": [
            {
                "id": f["id"],
                "title": f["title"],
                "other": f.get("other", ""),
                "values": [dict(v) for v in f.get("values", [])],
                "texts": [dict(t) for t in f.get("texts", [])],
                "no_risks_when": f.get("no_risks_when", []),
                "note": f.get("note", ""),
            }
            for f in data["fields"]
        ],
    }
