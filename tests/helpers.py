"""Helpers the tests share (fixtures are in conftest.py): paths, banks, assessment files good and bad, the CLI in
process, the result schema check."""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from scorecard.bank_source.load import load_bank, schema
from scorecard.cli import main
from scorecard.engine import Bank

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "fixtures" / "mini"

# Assessment files `scorecard score` must refuse (tests/data/bad_assessments.yaml), each with its message.
CASES = yaml.safe_load((ROOT / "tests" / "data" / "bad_assessments.yaml").read_text(encoding="utf-8"))

VALID = {
    "format": "scorecard-assessment",
    "format_version": 1,
    "council": {
        "name": "Testshire District Council",
        "type": "district",
        "region": "Test Region",
        "ons_code": "E07000234",
    },
    "assessment_date": "2026-04-01",
    "bank_version": "2000.1",
    "answers": {"ALP-01": "yes", "ALP-02": "some", "ALP-03": ["front", "suppliers"], "ALP-04": "no"},
    "notes": {"ALP-01": "Evidence held by the lead officer."},
}
"""A valid assessment of the mini bank (tests/fixtures/mini): a district council's answers and a note."""


def checkout_env() -> dict[str, str]:
    """This process's environment with this checkout first on PYTHONPATH: `python -m scorecard` run from another
    folder then runs the code under test, not whichever copy is installed."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def compile_bank(questions: Path) -> dict:
    compiled, problems = load_bank(questions)
    assert not problems, "\n".join(map(str, problems))
    return compiled


def make_assessment(bank: Bank, council_type: str, answers: dict, notes: dict | None = None, **extra) -> dict:
    data = {
        "format": "scorecard-assessment",
        "format_version": 1,
        "council": {"name": "Testshire", "type": council_type, "region": "Test Region"},
        "assessment_date": "2026-04-01",
        "bank_version": bank.version,
        "answers": answers,
        "notes": notes or {},
    }
    data.update(extra)
    return data


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str, cwd: Path) -> Ran:
    """`scorecard ARGS` run in this process from ``cwd``, as the corpora need it: exit code and output.

    In process because a subprocess per case cost about 0.2 s each; an exception escaping
    main() fails the test, as a traceback would (tests/test_cli.py keeps one real subprocess).
    """
    stdout, stderr = io.StringIO(), io.StringIO()
    before = Path.cwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            try:
                code = main(list(args))
            except SystemExit as exit_:  # argparse refusing the arguments
                code = exit_.code if isinstance(exit_.code, int) else 2
    finally:
        os.chdir(before)
    return Ran(code, stdout.getvalue(), stderr.getvalue())


def _value(value):
    if isinstance(value, dict) and set(value) == {"repeat", "times"}:
        return value["repeat"] * value["times"]
    return value


def _parent(data: dict, dotted: str) -> tuple[dict, str]:
    *steps, last = dotted.split(".")
    for step in steps:
        data = data.setdefault(step, {})  # retired_answers.ALP-09: VALID has no retired answers
    return data, last


def file_bytes(case: dict) -> bytes:
    """The file a case describes: raw text, generated parts, or a change to VALID."""
    if "text" in case:
        return case["text"].encode(case.get("encoding", "utf-8"))
    if "parts" in case:
        return "".join(part["text"] * part.get("times", 1) for part in case["parts"]).encode("utf-8")
    data = copy.deepcopy(VALID)
    for dotted in case.get("delete", []):
        parent, key = _parent(data, dotted)
        del parent[key]
    for dotted, value in case.get("set", {}).items():
        parent, key = _parent(data, dotted)
        parent[key] = _value(value)
    return json.dumps(data, indent=2).encode("utf-8")


RESULT_SCHEMA = schema("result")
RESULT_VALIDATOR = jsonschema.Draft202012Validator(
    RESULT_SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def check_result(result: Any) -> None:
    """A result must match scorecard/schemas/result.schema.json; the first five mismatches say where it does not."""
    errors = sorted(RESULT_VALIDATOR.iter_errors(json.loads(json.dumps(result))), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:5])


class Quiet:
    """A bank shown briefly when hypothesis prints a failing case (a Bank's own repr runs to pages)."""

    def __init__(self, bank: Bank):
        self.__dict__["_bank"] = bank

    def __getattr__(self, name: str):
        return getattr(self._bank, name)

    def __repr__(self) -> str:
        return f"<bank {self._bank.version}>"


def without_translations(text: str) -> str:
    """A theme file as it was before any translation: each `translations:` block (and what is under it) left out."""
    kept, block = [], None
    for line in text.splitlines(True):
        indent = len(line) - len(line.lstrip(" "))
        if block is not None and (not line.strip() or indent > block):
            continue
        block = indent if line.strip() == "translations:" else None
        if block is None:
            kept.append(line)
    return "".join(kept)
