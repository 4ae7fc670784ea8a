"""A problem found in a question bank, printed the way editors and CI logs understand."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    question: str  # question id, or "-" when the problem is not about one question
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.question}: {self.message}"
