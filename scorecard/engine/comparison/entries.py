"""One assessment as a comparison carries it: where it came from, the checked file, its figures."""

from __future__ import annotations

from dataclasses import dataclass

from ..assessment import Assessment
from ..result import Result


@dataclass
class Entry:
    index: int  # the order the files were given in: the last of a day wins
    file: str
    assessment: Assessment
    result: Result  # score_assessment(detail=False): the theme and overall figures, without each question's
    key: str = ""  # which council (councils.assign_keys)
    identified_by: str = ""  # how: "code" (register), "ons" (GSS), "name_matched", "name" or "file" (nothing to go on)
