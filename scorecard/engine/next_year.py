"""Starting this year's assessment from last year's: nothing retyped, nothing taken on trust.

Every answer, note and piece of evidence is copied, and every answer is marked for review
until someone confirms or changes it. Last year's answers are kept in ``previous`` so the
results can show what changed; so are last year's outcome indicator figures, which this year
starts without (they count a new period). Actions not yet done carry into this year's plan;
finished ones stay in last year's record. The sign-off is last year's, so it is not copied; nor are last year's
peer review marks, which reviewed last year's answers (every answer is to review again anyway).

Started twice, ``previous`` would become this morning's copy: every confirmation undone, and
"Changes since last year" empty. So a file that was itself started from last year's less than
half a year ago is this year's assessment already, and is refused unless the officer says it
really starts a new year (``again``). A date still to come, or last year's own, is refused too;
and so is a file that would be too large to read back (last year's answers, notes and evidence
are in it twice: this year's, and last year's record).

Run-time code: standard library only.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

from .assessment import DATE_SLACK, MAX_FILE_BYTES, Assessment, AssessmentError
from .cycle import DONE, copy_json, is_iso_date
from .language import _
from .messages import Message

STARTED_WITHIN = datetime.timedelta(days=183)  # a next year started sooner after this one was: the same year


def next_year(assessment: Assessment, today: str, bank_version: str = "", again: bool = False) -> dict[str, Any]:
    """This year's assessment file (a dict), started on ``today`` (YYYY-MM-DD) from last year's.

    ``bank_version`` is the bank the assessment was read with (its answers are in that bank's form);
    ``again`` starts a new year from a file that was itself started less than half a year ago.
    """
    if not is_iso_date(today):
        raise AssessmentError([Message("next_year_date_bad")])
    day, made = datetime.date.fromisoformat(today), datetime.date.fromisoformat(assessment.assessment_date)
    now = datetime.date.today()
    if day > now + DATE_SLACK:
        raise AssessmentError([Message("next_year_date_in_future", {"today": today, "now": now.isoformat()})])
    if day < made:
        raise AssessmentError([Message("next_year_before_last", {"today": today, "last": assessment.assessment_date})])
    started_from = (assessment.cycle.previous or {}).get("assessment_date")
    if assessment.cycle.previous is not None and not again and day - made < STARTED_WITHIN:
        raise AssessmentError(
            [
                Message(
                    "next_year_already_started",
                    {"started": assessment.assessment_date, "last_year": started_from or _("last year")},
                )
            ]
        )
    if day == made:
        raise AssessmentError([Message("next_year_same_day", {"last": assessment.assessment_date})])
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
        if key not in ("sign_off", "previous", "review", "action_plan", "indicators", "review_marks")
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
    if bank_version:
        data["bank_version"] = bank_version  # the answers were read into this bank's form
    if len(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")) > MAX_FILE_BYTES:
        raise AssessmentError([Message("next_year_too_large", {"limit_mb": MAX_FILE_BYTES // 1_000_000})])
    return data
