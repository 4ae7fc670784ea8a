"""One assessment as a comparison carries it: where it came from, the checked file or contribution, its figures."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..assessment import Assessment
from ..contribution import Contribution, ContributionResult
from ..result import Result

ASSESSMENT, CONTRIBUTION = "assessment", "contribution"
Scored = Result | ContributionResult  # what a comparison reads of each: score_assessment's, or a contribution's


@dataclass
class Entry:
    index: int  # the order the files were given in: the last of a day wins
    file: str
    assessment: Assessment | Contribution  # a whole file, or a benchmark contribution (contribution.py)
    result: Scored  # score_assessment(detail=False), or a contribution's figures in its shape (contribution_result)
    key: str = ""  # which council (councils.assign_keys)
    identified_by: str = ""  # how: "code" (register), "ons" (GSS), "name_matched", "name" or "file" (nothing to go on)

    @property
    def source(self) -> str:
        """What the comparison had of this assessment: the whole file, or a contribution (its figures only)."""
        return CONTRIBUTION if isinstance(self.assessment, Contribution) else ASSESSMENT

    @property
    def has_answers(self) -> bool:
        """Whether its answers are known: a contribution carries them only when the council included them."""
        return self.assessment.has_answers if isinstance(self.assessment, Contribution) else True

    @property
    def indicators(self) -> dict[str, dict[str, Any]]:
        """The outcome indicators' periods and counts the council recorded (a contribution carries them all)."""
        return (
            self.assessment.indicators
            if isinstance(self.assessment, Contribution)
            else self.assessment.cycle.indicators
        )

    @property
    def targets(self) -> dict[str, str]:
        """The council's own target tier per theme, where it set them (and, in a contribution, sent them)."""
        return self.assessment.targets if isinstance(self.assessment, Contribution) else self.assessment.cycle.targets
