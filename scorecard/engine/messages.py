"""Problems with an assessment file as data: a stable code and its parameters, beside the English.

The code and parameters are what a program (or a second language) reads; ``text`` is the
English sentence the CLI prints and the site shows, written from them in ``engine/wording.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypedDict

from .wording import problem_text


class ProblemDetail(TypedDict):
    """A problem as the browser and the comparison's skipped files give it."""

    code: str
    params: dict[str, Any]
    message: str


@dataclass(frozen=True)
class Message:
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return problem_text(self.code, self.params)

    def to_dict(self) -> ProblemDetail:
        """The JSON form the browser receives: {"code", "params", "message"}."""
        return {"code": self.code, "params": dict(self.params), "message": self.text}

    def __str__(self) -> str:
        return self.text


def kind_of(value: Any) -> str:
    """Which kind of JSON value this is, as a code (engine/wording.py KINDS gives the words)."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return {dict: "object", list: "list", str: "text", type(None): "null"}.get(type(value), type(value).__name__)
