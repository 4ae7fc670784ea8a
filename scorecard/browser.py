"""The engine's interface for the browser's Web Worker (Pyodide).

JSON text in, JSON text out: one call per message, no Python objects cross into
JavaScript. Run-time code: standard library only. Comparison and CSV code is imported when
first used: ``statistics`` and ``csv`` would add about 70 ms to every page's engine start.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from .engine import AssessmentError, Bank, load_assessment, parse_assessment_text, score_assessment


class BrowserApi:
    """The operations the site's worker calls by name (``call(op, payload JSON)``), on one compiled bank."""

    def __init__(self, bank_json: str):
        self.bank = Bank.from_dict(json.loads(bank_json))
        self.ops: dict[str, Callable[[Any], dict[str, Any]]] = {
            "score": self.score,
            "live_score": self.live_score,
            "import": self.import_text,
            "actions_csv": self.actions_csv,
            "compare": self.compare,
            "compare_csv": self.compare_csv,
            "board_report": self.board_report,
            "merge": self.merge,
            "export_themes": self.export_themes,
            "next_year": self.next_year,
            "plan_import": self.plan_import,
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

    def live_score(self, assessment: dict[str, Any]) -> dict[str, Any]:
        """A theme page's score on every change: the result without the action list, the unanswered list and the
        action plan (score_assessment(actions=False)), which only the results page shows."""
        return {"result": score_assessment(self.bank, load_assessment(assessment, self.bank), actions=False)}

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
        """Score and compare many files at once: {"files": [{"name", "text"}], "options"?, "filter"?} -> the
        comparison of them all and, given a filter {"region", "type"}, the comparison of the councils it
        keeps ("shown", with their places in the list, "shown_files"): the medians then describe those
        councils only. Files are told apart by their place in the list, never by name (two may share one).

        options: group_by ("type" or "none"), shareable (bool), min_group (int), as the CLI's.
        """
        everything = self._comparison(payload)
        wanted = payload.get("filter") or {}
        region, ctype = wanted.get("region") or "", wanted.get("type") or ""
        if not (region or ctype):
            return {"comparison": everything, "shown": everything, "shown_files": list(range(len(payload["files"])))}
        keep = []
        for place, f in enumerate(payload["files"]):
            try:
                council = parse_assessment_text(f["text"], self.bank).council
            except AssessmentError:
                continue  # listed as skipped in the comparison of them all
            if (not region or council.region == region) and (not ctype or council.type == ctype):
                keep.append(place)
        chosen = {**payload, "files": [payload["files"][place] for place in keep]}
        return {"comparison": everything, "shown": self._comparison(chosen), "shown_files": keep}

    def compare_csv(self, payload: dict[str, Any]) -> dict[str, Any]:
        """The comparison's CSV: of a comparison already made, or of files compared here (for a shared export)."""
        from .engine.csv_export import comparison_csv

        comparison = payload["comparison"] if "comparison" in payload else self._comparison(payload)
        return {"csv": comparison_csv(comparison)}

    def _comparison(self, payload: dict[str, Any]) -> dict[str, Any]:
        from .engine.comparison import GROUP_BY, compare_files
        from .engine.messages import Message

        options = dict(payload.get("options") or {})
        unknown = set(options) - {"group_by", "shareable", "min_group"}
        problems = [Message("comparison_option_unknown", {"option": name}) for name in sorted(unknown)]
        if options.get("group_by", "type") not in GROUP_BY:
            problems.append(Message("comparison_group_by_bad", {"choices": list(GROUP_BY)}))
        min_group = options.get("min_group", 5)
        if isinstance(min_group, bool) or not isinstance(min_group, int) or min_group < 1:
            problems.append(Message("comparison_min_group_bad"))
        if problems:
            raise AssessmentError(problems)
        return compare_files(self.bank, [(f["name"], f["text"]) for f in payload["files"]], **options)

    def actions_csv(self, payload: dict[str, Any]) -> dict[str, Any]:
        """The action plan CSV; payload {"assessment", "site_url"} (or, as before, the assessment itself)."""
        from .engine.csv_export import actions_csv

        assessment, site_url = (
            (payload["assessment"], payload.get("site_url", "")) if "assessment" in payload else (payload, "")
        )
        checked = load_assessment(assessment, self.bank)
        return {"csv": actions_csv(score_assessment(self.bank, checked), checked.to_dict(), site_url=site_url)}

    def merge(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Merge officers' files: {"files": [{"name", "text"}], "themes"?: {name: [theme]}, "take"?: {key: name}, "prefer"?}.

        Returns the conflicts to choose (with who and when) and, once none is left, the merged file.
        """
        from .engine.merge import merge_assessments

        files = [(f["name"], f["text"]) for f in payload["files"]]
        return {
            "merge": merge_assessments(
                self.bank, files, themes=payload.get("themes"), take=payload.get("take"), prefer=payload.get("prefer")
            )
        }

    def next_year(self, payload: dict[str, Any]) -> dict[str, Any]:
        """This year's assessment from last year's: {"assessment", "today"} -> {"assessment"}."""
        from .engine.next_year import next_year

        return {"assessment": next_year(load_assessment(payload["assessment"], self.bank), payload["today"])}

    def plan_import(self, payload: dict[str, Any]) -> dict[str, Any]:
        """A filled-in action plan CSV into the assessment: {"assessment", "text"} -> {"assessment", "result"}."""
        from .engine.plan_csv import apply_plan, read_plan_csv

        current = load_assessment(payload["assessment"], self.bank)
        updated = load_assessment(apply_plan(current.to_dict(), read_plan_csv(payload["text"], self.bank)), self.bank)
        return {"assessment": updated.to_dict(), "result": score_assessment(self.bank, updated)}

    def board_report(self, assessment: dict[str, Any]) -> dict[str, Any]:
        """The board report's content, the same as `scorecard report` lays out."""
        from .engine.board import board_report

        checked = load_assessment(assessment, self.bank)
        return {"report": board_report(self.bank, checked, score_assessment(self.bank, checked))}

    def export_themes(self, payload: dict[str, Any]) -> dict[str, Any]:
        """A contributor's file: {"assessment", "themes"} (or "contributor", for the themes assigned to them) -> {"assessment", "themes"}."""
        from .engine.sharing import export_themes, themes_of

        data = payload["assessment"]
        themes = payload.get("themes") or themes_of(
            self.bank, payload.get("contributor", ""), data.get("assignments") or {}
        )
        return {"assessment": export_themes(self.bank, data, themes), "themes": themes}
