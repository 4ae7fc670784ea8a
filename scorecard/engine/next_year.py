"""Starting this year's assessment from last year's: nothing retyped, nothing taken on trust.

Every answer, note and piece of evidence is copied, and every answer is marked for review
until someone confirms or changes it. Last year's answers are kept in ``previous`` so the
results can show what changed; so are last year's outcome indicator figures, which this year
starts without (they count a new period). Actions not yet done carry into this year's plan;
finished ones stay in last year's record. The sign-off is last year's, so it is not copied.

Run-time code: standard library only.
"""

from __future__ import annotations

from typing import Any

from .assessment import Assessment, AssessmentError
from .cycle import DONE, copy_json, is_iso_date
from .messages import Message


def next_year(assessment: Assessment, today: str) -> dict[str, Any]:
    """This year's assessment file (a dict), started on ``today`` (YYYY-MM-DD) from last year's."""
    if not is_iso_date(today):
        raise AssessmentError([Message("next_year_date_bad")])
    if today < assessment.assessment_date:
        raise AssessmentError([Message("next_year_before_last", {"today": today, "last": assessment.assessment_date})])
    last = assessment.to_dict()
    previous = {
        "assessment_date": last["assessment_date"],
        "bank_version": last["bank_version"],
        "answers": copy_json(last["answers"]),
    }
    for key in ("notes", "evidence", "indicators"):
        if last.get(key):
            previous[key] = copy_json(last[key])
    data = {  # this year's indicators start empty: last year's figures are kept in previous, for the trend
        key: copy_json(value)
        for key, value in last.items()
        if key not in ("sign_off", "previous", "review", "action_plan", "indicators")
    }
    data["assessment_date"] = today
    plan = {
        qid: copy_json(entry)
        for qid, entry in last.get("action_plan", {}).items()
        if not (isinstance(entry, dict) and entry.get("status") == DONE)  # one set aside may be anything
    }
    if plan:
        data["action_plan"] = plan
    review = [qid for qid, value in last["answers"].items() if value is not None]
    if review:
        data["review"] = review
    data["previous"] = previous
    return data
