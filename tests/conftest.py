"""Shared fixtures: the small hand-worked bank and the real built-in bank; hypothesis profiles.

Helpers the tests import (paths, make_assessment, run_cli) are in tests/helpers.py.
HYPOTHESIS_PROFILE=ci (scripts/test and CI set it) runs 150 examples per property; the default
"dev" profile runs 30, for a quick inner loop. Tests marked slow run with --run-slow or -m slow
(scripts/test's slow stage).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from scorecard.engine import Bank, load_assessment

from .helpers import MINI, ROOT, compile_bank, make_assessment

# no deadline: these are behaviour tests, not timing tests
settings.register_profile("ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def pytest_addoption(parser):
    parser.addoption(
        "--run-slow",
        action="store_true",
        help="also run the tests marked slow (-m slow does too: scripts/test's slow stage)",
    )


def pytest_collection_modifyitems(config, items):
    """Quick tests first; Pyodide's run last, so it can start while the others run (tests/pyodide/conftest.py).

    Slow tests (a fresh venv and install) run only with --run-slow or -m slow, so the inner loop stays quick.
    """

    def order(item) -> int:
        return (
            3
            if "browser" in item.keywords
            else 2
            if "slow" in item.keywords
            else 1
            if "pyodide" in item.fixturenames
            else 0
        )

    items.sort(key=order)
    if config.getoption("--run-slow") or "slow" in (config.getoption("markexpr") or "").replace("not slow", ""):
        return
    skip = pytest.mark.skip(reason="slow: run with --run-slow or -m slow (scripts/test --stage slow)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter):
    """Why each retried test failed the first time (pytest-rerunfailures' -rR names it only), so a timing
    fault seen once on CI can be chased from its log (CONTRIBUTING.md: a pass on a retry is a fault to fix)."""
    reruns = terminalreporter.stats.get("rerun", [])
    if reruns:
        terminalreporter.section("why each retried test failed first")
        for report in reruns:
            crash = getattr(report.longrepr, "reprcrash", None)
            where = f"{crash.path}:{crash.lineno}: " if crash else ""
            message = crash.message if crash else str(report.longrepr)
            terminalreporter.write_line(f"{report.nodeid} ({report.when}): {where}{message[:1500]}")


@pytest.fixture(scope="session")
def mini_bank() -> Bank:
    return Bank.from_dict(compile_bank(MINI / "questions"))


@pytest.fixture(scope="session")
def real_compiled() -> dict:
    return compile_bank(ROOT / "questions")


@pytest.fixture(scope="session")
def real_bank(real_compiled) -> Bank:
    return Bank.from_dict(real_compiled)


@pytest.fixture
def assess(mini_bank):
    """Build and check an assessment against the mini bank."""

    def build(council_type: str, answers: dict, **extra):
        return load_assessment(make_assessment(mini_bank, council_type, answers, **extra), mini_bank)

    return build
