"""Shared fixtures: the small hand-worked bank and the real built-in bank; hypothesis profiles.

Helpers the tests import (paths, make_assessment, run_cli) are in tests/helpers.py.
HYPOTHESIS_PROFILE=ci (scripts/test and CI set it) runs 150 examples per property; the default
"dev" profile runs 30, for a quick inner loop.
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
