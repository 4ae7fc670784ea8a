"""What the yearly cycle adds to a scored assessment: evidence completeness, the living action
plan and the tier each theme reaches when its planned actions are done, changes since last
year, and answers carried from last year still to review.

- Evidence completeness: of the questions answered (not "not applicable"), the share with a
  link or a document reference.
- Tier when planned actions are done: the assessment scored again with each planned action's
  answer (status not started, in progress or done) moved to its best option, and the follow-ups
  that answer opens answered best too, as an action's gain assumes. "Not planned" actions stay.
- Changes since last year: last year's answers (``previous``, read and checked with the file:
  ``Cycle.last_year``) scored with today's bank for the same council, theme by theme, and every
  question whose answer differs.
- Still to review: questions in ``review`` whose answer is the same as last year's (changing an
  answer settles it; the site removes a question from ``review`` when it is confirmed).

Run-time code: standard library only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from .actions import _closed_follow_ups
from .assessment import Assessment
from .bank import CONTEXT, NOT_APPLICABLE, Bank, Question
from .cycle import PLANNED
from .evidence import read_evidence, strength_names
from .language import _
from .scoring import Reading, overall, read_answers, score_theme
from .statuses import ANSWERED
from .tables import share


def best_answer(question: Question) -> Any:
    """The answer that earns the whole weight: the top option, or every scoring option of a multi."""
    if question.type == "multi":
        return [o.id for o in question.options if o.score > 0]
    return max(question.options, key=lambda o: o.score).id


def evidence_completeness(bank: Bank, assessment: Assessment, reading: Reading) -> dict[str, dict[str, Any]]:
    """Per theme: questions answered, how many have evidence, how many of those by the strength each counts as, how
    many are stale and how many count (evidence.py), and the shares."""
    ids = list(strength_names(bank))
    counts = {theme_id: {"with": 0, "counts": 0, "stale": 0, **dict.fromkeys(ids, 0)} for theme_id in reading.tallies}
    asked = reading.council.by_id
    for qid, entry in assessment.cycle.evidence.items():  # usually none or a few: not a walk over every question
        if qid in asked and reading.status(qid) == ANSWERED:
            tally = counts[asked[qid].theme]
            read = read_evidence(bank, entry, reading.date)
            tally["with"] += 1
            tally[read["strength"]] += 1
            tally["stale"] += read["stale"]
            tally["counts"] += read["counts"]
    return {
        theme_id: evidence_share(tally.answered + tally.context_chosen, counts[theme_id]["with"], counts[theme_id], ids)
        for theme_id, tally in reading.tallies.items()
    }


def evidence_share(
    answered: int, with_evidence: int, counts: Mapping[str, int] | None = None, strengths: Sequence[str] = ()
) -> dict[str, Any]:
    """How many answered questions, how many with evidence, and the share (None when nothing is answered); how many
    of those count (documented or better, in date: ``evidenced``) and are stale, and how many count as each strength,
    each with its share of the evidence given."""
    counts = counts or {}
    return {
        "answered": answered,
        "with_evidence": with_evidence,
        "share": share(with_evidence / answered) if answered else None,
        "evidenced": counts.get("counts", 0),
        "evidenced_share": share(counts.get("counts", 0) / answered) if answered else None,
        "stale": counts.get("stale", 0),
        "strengths": {
            s: {"count": counts.get(s, 0), "share": share(counts.get(s, 0) / with_evidence) if with_evidence else None}
            for s in strengths
        },
    }


def add_evidence_shares(bank: Bank, themes: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The whole assessment's evidence share: the themes' counts added up."""
    ids = list(strength_names(bank))
    evidence = [t["evidence"] for t in themes]
    counts = {s: sum(e["strengths"][s]["count"] for e in evidence) for s in ids}
    counts["counts"] = sum(e["evidenced"] for e in evidence)
    counts["stale"] = sum(e["stale"] for e in evidence)
    return evidence_share(sum(e["answered"] for e in evidence), sum(e["with_evidence"] for e in evidence), counts, ids)


def planned_outcome(
    bank: Bank, assessment: Assessment, reading: Reading, themes: list[dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """Per theme with planned actions: how many, and the score, tier and risk once they are done."""
    plan = assessment.cycle.action_plan
    planned = [
        qid
        for qid, entry in plan.items()
        if entry.get("status") in PLANNED
        and qid in bank.questions
        and bank.questions[qid].kind != CONTEXT
        and qid in reading.statuses
    ]
    if not planned:
        return {}
    answers = dict(assessment.answers)
    for qid in planned:
        question = bank.questions[qid]
        answers[qid] = best_answer(question)
        for child in _closed_follow_ups(question, bank.follow_ups, reading):
            answers[child.id] = best_answer(child)
    # a planned action brings the evidence that the answer it changes needs (a duty met, with its record)
    after_reading = read_answers(bank, replace(assessment, answers=answers), frozenset(planned))
    outcome = {}
    for theme, now in zip(bank.themes, themes, strict=True):
        mine = [q for q in planned if bank.questions[q].theme == theme.id]
        if not mine:
            continue
        after = score_theme(theme, after_reading, bank)
        outcome[theme.id] = {
            "actions": len(mine),
            "done": sum(1 for q in mine if plan[q]["status"] == "done"),
            "score": after["score"],
            "tier": after["tier"],
            "risk": after["risk"],
            "raises_tier": after["tier"] is not None
            and (now["tier"] is None or bank.tier_rank(after["tier"]) > bank.tier_rank(now["tier"])),
        }
    return outcome


def plan_entries(
    bank: Bank, assessment: Assessment, actions: Sequence[Mapping[str, Any]], nation: str
) -> list[dict[str, Any]]:
    """Every action-plan entry with its question, in the action list's order, then the rest in bank order.

    An entry whose question is no longer an action (answered best since) is kept and marked, so a
    finished action is still on the record.
    """
    plan = assessment.cycle.action_plan
    if not plan:
        return []
    priority = {a["question"]: a["priority"] for a in actions}
    order = bank.order
    entries: list[dict[str, Any]] = []
    for qid, entry in plan.items():
        question = bank.questions.get(qid)
        if question is None:
            continue  # kept in the file, but the bank does not know the question
        theme = next(t for t in bank.themes if t.id == question.theme)
        entries.append(
            {
                "question": qid,
                "theme": theme.id,
                "theme_title": theme.title,
                "text": question.wording(nation).text,
                "current": _label(question, assessment.answers.get(qid)),
                "priority": priority.get(qid),
                **entry,
            }
        )
    entries.sort(key=lambda e: (e["priority"] is None, e["priority"] or 0, order[e["question"]]))
    return entries


def since_last_year(
    bank: Bank, assessment: Assessment, themes: list[dict[str, Any]], overall_now: Mapping[str, Any], nation: str
) -> dict[str, Any] | None:
    """Theme by theme and question by question, what changed since last year's answers; None without them."""
    previous = assessment.cycle.previous
    if not previous:
        return None
    base = {"assessment_date": previous.get("assessment_date", ""), "file": previous.get("file", "")}
    if not assessment.cycle.has_previous_answers():
        return {
            **base,
            "available": False,
            "problems": [_("last year's answers are not in this file, only the name of last year's file")],
        }
    before = assessment.cycle.last_year
    if before is None:  # read, and refused, with the file (assessment.load_assessment)
        problems = assessment.cycle.last_year_problems
        return {
            **base,
            "available": False,
            "problems": [_("last year's answers: %(problem)s") % {"problem": p.text} for p in problems],
        }
    reading = read_answers(bank, before)
    before_themes = [score_theme(t, reading, bank) for t in bank.themes]
    theme_changes = [
        {"id": now["id"], "title": now["title"], **_change(was, now)}
        for was, now in zip(before_themes, themes, strict=True)
        if now["asked"] or now["not_asked"]
    ]
    questions: list[dict[str, Any]] = []
    for qid in dict.fromkeys(
        [*before.answers, *(q for q in before.set_aside if q in bank.questions), *assessment.answers]
    ):
        old, new = before.answers.get(qid), assessment.answers.get(qid)
        if same_answer(old, new):
            continue
        question = bank.questions[qid]
        before_label = _label(question, old)
        if old is None and qid in before.set_aside:  # an option this bank no longer offers
            before_label = _("%(answer)s (an answer this question no longer offers)") % {
                "answer": _shown(before.retired_answers.get(qid))
            }
        questions.append(
            {
                "question": qid,
                "theme": question.theme,
                "text": question.wording(nation).text,
                "before": before_label,
                "after": _label(question, new),
                "before_value": old,
                "after_value": new,
                "direction": _direction(question, old, new),
            }
        )
    order = bank.order
    questions.sort(key=lambda q: order[q["question"]])
    set_aside = [
        {"question": q, "answer": before.retired_answers.get(q)} for q in before.set_aside if q not in bank.questions
    ]
    return {
        **base,
        "available": True,
        "bank_version": previous.get("bank_version", ""),
        "set_aside": set_aside,
        "overall": _change(overall(before_themes, bank), overall_now),
        "themes": theme_changes,
        "questions": questions,
    }


def previous_differences(bank: Bank, assessment: Assessment, last_year: Assessment) -> dict[str, Any] | None:
    """How last year's answers recorded in this file (``previous``) differ from last year's own file: the questions
    answered differently (bank order) and both dates. None when the file records no answers to compare."""
    if not assessment.cycle.has_previous_answers():
        return None
    recorded = assessment.cycle.last_year.answers if assessment.cycle.last_year else {}  # unreadable: matches nothing
    order = bank.order
    ids = sorted(set(recorded) | set(last_year.answers), key=lambda q: (order.get(q, len(order)), q))
    return {
        "questions": [q for q in ids if not same_answer(recorded.get(q), last_year.answers.get(q))],
        "recorded_date": (assessment.cycle.previous or {}).get("assessment_date", ""),
        "file_date": last_year.assessment_date,
    }


def _change(was: Mapping[str, Any], now: Mapping[str, Any]) -> dict[str, Any]:
    change = None
    if was["score"] is not None and now["score"] is not None:
        change = round(now["score"] - was["score"], 1)
    return {
        "score_before": was["score"],
        "score_now": now["score"],
        "change": change,
        "tier_before": was["tier"],
        "tier_now": now["tier"],
        "risk_before": was["risk"],
        "risk_now": now["risk"],
    }


def _shown(value: Any) -> str:
    return "; ".join(map(str, value)) if isinstance(value, list) else str(value)


def same_answer(a: Any, b: Any) -> bool:
    """Two answers alike: the same option, or the same options of a multi in any order."""
    if isinstance(a, list) and isinstance(b, list):
        return sorted(a) == sorted(b)
    return bool(a == b)


def _label(question: Question, value: Any) -> str:
    return _("Not answered") if value is None else question.label_of(value)


def _direction(question: Question, old: Any, new: Any) -> str:
    """better, worse or same (by the share of the weight earned), or changed when it cannot be compared."""
    if old is None or new is None or NOT_APPLICABLE in (old, new) or question.kind == CONTEXT:
        return "changed"
    a, b = question.fraction(old), question.fraction(new)
    return "better" if b > a else "worse" if b < a else "same"


def still_to_review(bank: Bank, assessment: Assessment, nation: str) -> list[dict[str, Any]]:
    """Answers carried from last year that nobody has confirmed or changed yet, in bank order."""
    previous = (assessment.cycle.previous or {}).get("answers") or {}
    order = bank.order
    entries: list[dict[str, Any]] = []
    for qid in assessment.cycle.review:
        question = bank.questions.get(qid)
        if question is None:
            continue
        value = assessment.answers.get(qid)
        if previous and not same_answer(previous.get(qid), value):
            continue  # changed since last year: settled
        entries.append(
            {
                "question": qid,
                "theme": question.theme,
                "text": question.wording(nation).text,
                "answer": _label(question, value),
            }
        )
    entries.sort(key=lambda e: order[e["question"]])
    return entries
