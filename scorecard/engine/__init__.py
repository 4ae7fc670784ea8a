"""The run-time scoring engine: standard library only, the same code in CPython and Pyodide.

This is the package's face: it re-exports what callers use and holds no logic.
"""

from __future__ import annotations

from .assessment import (
    Assessment,
    AssessmentError,
    blank_assessment,
    load_assessment,
    parse_assessment_text,
)
from .bank import NOT_APPLICABLE, Bank
from .result import bank_changes, score_assessment

__all__ = [
    "NOT_APPLICABLE",
    "Assessment",
    "AssessmentError",
    "Bank",
    "bank_changes",
    "blank_assessment",
    "load_assessment",
    "parse_assessment_text",
    "score_assessment",
]
