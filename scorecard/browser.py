"""The engine's interface for the browser's Web Worker (Pyodide): JSON in, JSON out.

One call per message, by the operation's name; no Python objects cross into JavaScript. The
operations themselves are engine/operations.py, which the command line shares. Each call says the
language of the page that made it: the engine writes its words in it, from the catalogues the build
compiled into the wheel (sitegen/wheel.py), read here once as the standard library's gettext reads
them; its numbers and ids are the same in every language. Run-time code: standard library only.
"""

from __future__ import annotations

import gettext
import io
import json

# gettext reads a catalogue with struct, importing it only then: imported here, the site's trimmed standard library
# (sitegen/stdlib.py keeps what the engine imports) has it.
import struct  # noqa: F401
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .engine import AssessmentError, Bank, operations
from .engine.language import speaking

# The engine's words in each language but English, one compiled catalogue a language (CODE.mo), in the wheel.
CATALOGUES = Path(__file__).resolve().parent / "messages"

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

    def __init__(self, bank_json: str, catalogues: Mapping[str, bytes] | None = None):
        """``catalogues``: {language code: compiled catalogue}; by default those in the wheel. They are read now,
        so a snapshot of the started engine (site/assets/worker.mjs) holds them."""
        self.bank = Bank.from_dict(json.loads(bank_json))
        self.banks: dict[str, Bank] = {}  # other languages' banks, by language (add_bank)
        self.ops = OPERATIONS
        if catalogues is None:
            catalogues = {path.stem: path.read_bytes() for path in sorted(CATALOGUES.glob("*.mo"))}
        self.words = {code: gettext.GNUTranslations(io.BytesIO(data)) for code, data in catalogues.items()}

    def add_bank(self, lang: str, bank_json: str) -> None:
        """Another language's compiled bank, which every call in ``lang`` reads from now on (a page's bilingual board
        report: each part's bank text in its own language, as ``scorecard report --lang cy,en`` writes it). It must
        be the same bank in that language: the same version, ids and rules, so it scores the same."""
        bank = Bank.from_dict(json.loads(bank_json))
        if bank.version != self.bank.version or bank.questions.keys() != self.bank.questions.keys():
            raise ValueError(f"the {lang} bank is not this bank in another language (version {bank.version})")
        self.banks[lang] = bank

    def call(self, op: str, payload_json: str, lang: str = "") -> str:
        """Run one operation, its words in ``lang`` (a language with no catalogue, English among them, is the
        sources' English) and its bank text too where that language's bank was added (else the bank's own), never
        raising for bad input: that comes back as {"ok": false, "problems": [text], "problem_details": [{"code",
        "params", "message"}]}."""
        with speaking(self.words.get(lang)):
            try:
                reply = {"ok": True, **self.ops[op](self.banks.get(lang, self.bank), _payload(payload_json))}
            except AssessmentError as error:
                reply = {
                    "ok": False,
                    "problems": error.problems,
                    "problem_details": [m.to_dict() for m in error.details],
                }
        return json.dumps(reply, ensure_ascii=False)


def _payload(payload_json: str) -> Any:
    """The site's JSON: what JSON.parse read may nest deeper than Python's parser goes (a file made to)."""
    try:
        return json.loads(payload_json)
    except RecursionError:
        from .engine.messages import Message

        raise AssessmentError([Message("nested_too_deeply")]) from None
