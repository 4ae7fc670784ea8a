"""Scoring one checked assessment: the result the CLI, the reports, the CSV and the browser read."""

from __future__ import annotations

from typing import Any

from .actions import action_list, unanswered_list
from .assessment import Assessment
from .wording import set_aside_message
from .bank import Bank
from .scoring import overall, question_entries, read_answers, score_theme


def score_assessment(bank: Bank, assessment: Assessment, detail: bool = True) -> dict[str, Any]:
    """Score a checked assessment: themes, gates, risk, overall, actions, and what changed since its bank version.

    ``detail=False`` is for scoring many councils at once (comparisons): the same theme and overall
    figures, without each question's status, the action list, the unanswered list or the labels.
    """
    reading = read_answers(bank, assessment)
    themes = [score_theme(theme, reading, bank) for theme in bank.themes]
    council = assessment.council
    ctype = bank.council_types[council.type]
    summary = {
        "council": {
            "name": council.name,
            "type": council.type,
            "nation": reading.nation,
            "region": council.region,
            "ons_code": council.ons_code,
            "code": council.code,
            "functions": sorted(reading.functions),
            "functions_added": sorted(reading.functions - ctype.functions),
            "functions_removed": sorted(ctype.functions - reading.functions),
        },
        "assessment_date": assessment.assessment_date,
        "bank_version": bank.version,
        "assessment_bank_version": assessment.bank_version,
        "overall": overall(themes, bank),
        "themes": themes,
        "changes": bank_changes(bank, assessment),
    }
    if not detail:
        return summary
    for theme, result in zip(bank.themes, themes):
        result["questions"] = question_entries(theme, reading)
    return {
        **summary,
        "actions": action_list(themes, assessment, bank, reading),
        "unanswered": unanswered_list(themes, bank, reading),
        "labels": bank.labels(),
    }


def bank_changes(bank: Bank, assessment: Assessment) -> dict[str, Any]:
    """What an officer is told when an assessment was made against another bank version."""
    retired = [
        {
            "question": qid,
            "answer": value,
            "text": bank.retired.get(qid, {}).get("text", ""),
            "reason": bank.retired.get(qid, {}).get("reason", ""),
        }
        for qid, value in sorted(assessment.retired_answers.items())
        if qid not in assessment.set_aside
    ]
    set_aside = []
    for qid, reason in sorted(assessment.set_aside.items()):
        entry = {
            "question": qid,
            "reason": reason,
            "answer": assessment.retired_answers.get(qid),
            "note": assessment.notes.get(qid, "") if qid not in bank.questions else "",
            "text": bank.questions[qid].text if qid in bank.questions else "",
            "theme": bank.questions[qid].theme if qid in bank.questions else "",
        }
        entry["message"] = set_aside_message(entry, bank.version)
        set_aside.append(entry)
    return {
        "version_changed": assessment.bank_version != bank.version,
        "council_type_from": assessment.council_type_from,
        "carried_over": [{"from": old, "to": new} for old, new in sorted(assessment.carried_over.items())],
        "retired": retired,
        "set_aside": set_aside,
    }
