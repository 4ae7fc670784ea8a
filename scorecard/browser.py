"""The engine's interface for the browser's Web Worker (Pyodide): JSON in, JSON out.

One call per message, by the operation's name; no Python objects cross into JavaScript. The
operations themselves are engine/operations.py, which the command line shares. Run-time code:
standard library only.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from .engine import AssessmentError, Bank, operations

# The operations the site's worker calls (site/assets/js), each given the bank and the message's payload.
OPERATIONS: dict[str, Callable[[Bank, Any], dict[str, Any]]] = {
    "score": operations.score,
    "live_score": operations.live_score,
    "import": operations.import_file,
    "set_aside": operations.set_aside,
    "actions_csv": operations.plan_export,
    "compare": operations.compare,
    "compare_csv": operations.compare_csv,
    "board_report": operations.board_report,
    "statement_summary": operations.statement_summary,
    "merge": operations.merge,
    "export_themes": operations.export_themes,
    "export_without_names": operations.export_without_names,
    "next_year": operations.next_year,
    "contribute": operations.contribute,
    "similar": operations.similar,
    "groups_csv": operations.groups_csv,
    "open_figures": operations.open_figures,
    "sign_off": operations.sign_off,
    "review_start": operations.review_start,
    "review_sign": operations.review_sign,
    "review_merge": operations.review_merge,
    "review_decide": operations.review_decide,
}


class BrowserApi:
    """The operations the site's worker calls by name (``call(op, payload JSON)``), on one compiled bank."""

    def __init__(self, bank_json: str):
        self.bank = Bank.from_dict(json.loads(bank_json))
        self.ops = OPERATIONS

    def call(self, op: str, payload_json: str) -> str:
        """Run one operation, never raising for bad input: that comes back as {"ok": false,
        "problems": [English text], "problem_details": [{"code", "params", "message"}]}."""
        try:
            reply = {"ok": True, **self.ops[op](self.bank, _payload(payload_json))}
        except AssessmentError as error:
            reply = {"ok": False, "problems": error.problems, "problem_details": [m.to_dict() for m in error.details]}
        return json.dumps(reply, ensure_ascii=False)


def _payload(payload_json: str) -> Any:
    """The site's JSON: what JSON.parse read may nest deeper than Python's parser goes (a file made to)."""
    try:
        return json.loads(payload_json)
    except RecursionError:
        from .engine.messages import Message

        raise AssessmentError([Message("nested_too_deeply")]) from None
