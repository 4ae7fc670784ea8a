"""Helpers the tests share (fixtures are in conftest.py): paths, banks, assessment files, the CLI in process."""

from __future__ import annotations

import contextlib
import io
import os
from dataclasses import dataclass
from pathlib import Path

from scorecard.bank_source.load import load_bank
from scorecard.cli import main
from scorecard.engine import Bank

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "fixtures" / "mini"


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
