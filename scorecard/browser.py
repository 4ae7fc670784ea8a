"""The engine's interface for the browser's Web Worker (Pyodide).

JSON text in, JSON text out: one call per message, no Python objects cross into
JavaScript. Run-time code: standard library only. Comparison and CSV code is imported when
first used: ``statistics`` and ``csv`` would add about 70 ms to every page's engine start.
"""

from __future__ import annotations

import json
from typing import Any, Callable

from .engine import AssessmentError, Bank, load_assessment, parse_assessment_text, score_assessment


class BrowserApi:
    """The operations the site's worker calls by name (``call(op, payload JSON)``), on one compiled bank."""

    def __init__(self, bank_json: str):
        self.bank = Bank.from_dict(json.loads(bank_json))
        self.ops: dict[str, Callable[[Any], dict[str, Any]]] = {
            "score": self.score,
            "import": self.import_text,
            "actions_csv": self.actions_csv,
            "compare": self.compare,
            "compare_csv": self.compare_csv,
        }

    def call(self, op: str, payload_json: str) -> str:
        """Run one operation, never raising for bad input: that comes back as {"ok": false,
        "problems": [English text], "problem_details": [{"code", "params", "message"}]}."""
        try:
            reply = {"ok": True, **self.ops[op](json.loads(payload_json))}
        except AssessmentError as error:
            reply = {"ok": False, "problems": error.problems, "problem_details": [m.to_dict() for m in error.details]}
        return json.dumps(reply, ensure_ascii=False)

    def score(self, assessment: dict[str, Any]) -> dict[str, Any]:
        return {"result": score_assessment(self.bank, load_assessment(assessment, self.bank))}

    def import_text(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Check an imported file; return it in the current bank's form (carried-over answers moved,
        unknown ones set aside) and, given the assessment saved here, what importing it would change."""
        assessment = parse_assessment_text(payload["text"], self.bank)
        reply = {"assessment": assessment.to_dict(), "result": score_assessment(self.bank, assessment)}
        if "here" in payload:
            from .engine.import_plan import import_plan

            reply["plan"] = import_plan(self.bank, payload["here"], assessment)
        return reply

    def compare(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Score and compare many files at once: [{"name", "text"}] -> the comparison of them all and,
        given a filter {"region", "type"}, the comparison of the councils it keeps ("shown"): the
        medians then describe those councils only. Files are told apart by their place in the
        list, never by name (two files may share one)."""
        from .engine.comparison import compare, skipped_file

        parsed, skipped = [], []
        for f in payload["files"]:
            try:
                parsed.append((str(f["name"]), parse_assessment_text(f["text"], self.bank)))
            except AssessmentError as error:
                skipped.append(skipped_file(str(f["name"]), error.details))
        everything = compare(self.bank, parsed, skipped=skipped)
        wanted = payload.get("filter") or {}
        region, ctype = wanted.get("region") or "", wanted.get("type") or ""
        if not (region or ctype):
            return {"comparison": everything, "shown": everything}
        chosen = [(name, a) for name, a in parsed
                  if (not region or a.council.region == region) and (not ctype or a.council.type == ctype)]
        return {"comparison": everything, "shown": compare(self.bank, chosen)}

    def compare_csv(self, payload: dict[str, Any]) -> dict[str, Any]:
        from .engine.csv_export import comparison_csv

        return {"csv": comparison_csv(payload["comparison"])}

    def actions_csv(self, assessment: dict[str, Any]) -> dict[str, Any]:
        from .engine.csv_export import actions_csv

        result = score_assessment(self.bank, load_assessment(assessment, self.bank))
        return {"csv": actions_csv(result)}
