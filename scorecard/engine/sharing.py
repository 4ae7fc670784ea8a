"""A contributor's file: only the themes they answer, so the lead's merge takes nothing else from it.

The lead assigns themes (``assignments``) and each contributor answers in their own browser,
then exports their themes: the answers, notes, evidence, actions and review marks of those
themes' questions, who gave them and when, and the council, so the file merges cleanly. Answers
to other themes stay out, so a colleague's stray click elsewhere cannot become a conflict.

Run-time code: standard library only.
"""

from __future__ import annotations

from typing import Any

from .assessment import AssessmentError, load_assessment
from .bank import Bank
from .messages import Message

PER_QUESTION = ("answers", "notes", "evidence", "action_plan")


def themes_of(bank: Bank, contributor: str, assignments: dict[str, str]) -> list[str]:
    """The themes assigned to a contributor, whole or through one of their questions, in bank order."""
    chosen = {key for key, name in assignments.items() if name == contributor}
    return [t.id for t in bank.themes if t.id in chosen or any(q.id in chosen for q in t.questions)]


def contributor_of(bank: Bank, data: dict[str, Any]) -> str:
    """Whose file this is, when it is a contributor's: every answer in it is to a theme (or question) its assignments
    give one person, and it has at least one. "" for a file of the whole assessment, or one that cannot tell."""
    assignments = data.get("assignments") or {}
    answered = [qid for qid, value in (data.get("answers") or {}).items() if value not in (None, "", [])]
    if not assignments or not answered:
        return ""
    owners = set()
    for qid in answered:
        question = bank.questions.get(qid)
        owner = assignments.get(qid) or (assignments.get(question.theme) if question else None)
        if not owner:
            return ""
        owners.add(owner)
    return owners.pop() if len(owners) == 1 else ""


def export_themes(bank: Bank, data: dict[str, Any], themes: list[str]) -> dict[str, Any]:
    """A copy of a checked assessment file keeping only these themes' questions."""
    known = [t.id for t in bank.themes]
    unknown = [t for t in themes if t not in known]
    if unknown or not themes:
        raise AssessmentError([Message("export_themes_bad", {"theme": unknown[0] if unknown else "", "themes": known})])
    assessment = load_assessment(data, bank)
    full = assessment.to_dict()
    keep = {q.id for t in bank.themes if t.id in themes for q in t.questions}
    out = {
        key: value
        for key, value in full.items()
        if key not in (*PER_QUESTION, "review", "provenance", "retired_answers", "sign_off")
    }
    for section in PER_QUESTION:
        part = {qid: value for qid, value in full.get(section, {}).items() if qid in keep}
        if part or section in ("answers", "notes"):
            out[section] = part
    review = [qid for qid in full.get("review", []) if qid in keep]
    if review:
        out["review"] = review
    provenance = {
        key: entry
        for key, entry in full.get("provenance", {}).items()
        if key.split(".", 1)[-1] in keep or key.startswith("council.") or key == "assessment"
    }
    if provenance:
        out["provenance"] = provenance
    return out


def without_names(full: dict[str, Any]) -> dict[str, Any]:
    """A checked assessment file for people outside the team (issue 26, F27): without the record of who
    changed each answer and when (``provenance``: names and times to the millisecond) and without who was given
    which theme (``assignments``). The sign-off's name and role stay (the board relies on them), as do action
    owners (roles in the plan). The copy cannot be merged by time with the team's files."""
    return {key: value for key, value in full.items() if key not in ("provenance", "assignments")}
