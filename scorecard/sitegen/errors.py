"""Why a site build stopped: raised by every step of site generation, reported by the CLI."""

from __future__ import annotations

from ..bank_source.problems import Problem


class BuildError(Exception):
    """The site could not be built; the message says what to do."""


class BankProblems(BuildError):
    """The question banks have problems: the site is not built from a broken bank."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))
