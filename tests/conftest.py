"""Shared fixtures: the small hand-worked bank and the real built-in bank."""

from __future__ import annotations

from pathlib import Path

import pytest

from scorecard.bank_source.load import load_bank
from scorecard.engine import Bank, load_assessment

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "fixtures" / "mini"


def compile_bank(questions: Path) -> dict:
    compiled, problems = load_bank(questions)
    assert not problems, "\n".join(map(str, problems))
    return compiled


@pytest.fixture(scope="session")
def mini_bank() -> Bank:
    return Bank.from_dict(compile_bank(MINI / "questions"))


@pytest.fixture(scope="session")
def real_compiled() -> dict:
    return compile_bank(ROOT / "questions")


@pytest.fixture(scope="session")
def real_bank(real_compiled) -> Bank:
    return Bank.from_dict(real_compiled)


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


@pytest.fixture
def assess(mini_bank):
    """Build and check an assessment against the mini bank."""

    def build(council_type: str, answers: dict, **extra):
        return load_assessment(make_assessment(mini_bank, council_type, answers, **extra), mini_bank)

    return build
