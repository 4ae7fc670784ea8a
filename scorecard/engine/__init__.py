"""The run-time scoring engine: standard library only, the same code in CPython and Pyodide.

This is the package's face: it re-exports what callers use and holds no logic. The operations the command
line and the browser share are ``operations``; the rest is what they are made of.
"""

from __future__ import annotations

from . import operations
from .assessment import (
    Assessment,
    AssessmentError,
    blank_assessment,
    load_assessment,
    parse_assessment_text,
)
from .bank import NOT_APPLICABLE, Bank
from .result import score_assessment

__all__ = [
    "NOT_APPLICABLE",
    "Assessment",
    "AssessmentError",
    "Bank",
    "blank_assessment",
    "load_assessment",
    "operations",
    "parse_assessment_text",
    "score_assessment",
]
