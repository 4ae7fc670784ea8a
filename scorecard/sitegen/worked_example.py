"""Worked examples for the "How scoring works" page, computed by the engine itself.

The numbers on that page are never typed by hand: they come from scoring sample assessments
of the real bank, so the explanation cannot drift from what the engine does. The examples: a
theme score (with a "not applicable", an unanswered question and a follow-up closed by its
question's answer), a statutory gate capping a tier, a cell of the risk matrix, and one for each
rule of the scoring model: too little answered to rate, an essential control missing, a
contradiction, a duty not yet in force, "none known" without a dated source, the weakest link,
and each theme's weight in the overall.
"""

from __future__ import annotations

from typing import Any

from ..engine import NOT_APPLICABLE, Bank, load_assessment, score_assessment
from ..engine.assessment import FORMAT, FORMAT_VERSION
from ..engine.bank import CONTEXT, Question
from ..engine.language import _
from ..engine.result import Result

COUNCIL_TYPE = "unitary"


def _assessment(bank: Bank, answers: dict[str, Any]):
    return load_assessment(
        {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "council": {"name": "Example council", "type": COUNCIL_TYPE},
            "assessment_date": "2026-01-01",
            "bank_version": bank.version,
            "answers": answers,
            "notes": {},
        },
        bank,
    )


def _ranked(question: Question) -> list[str]:
    return [o.id for o in sorted(question.options, key=lambda o: o.score)]


def _sample_answers(bank: Bank, theme) -> dict[str, Any]:
    """Answers in turn best, middle, worst; one "not applicable" where allowed, one left blank.

    Follow-ups are answered only where their question's answer opens them, so one is closed.
    """
    answers: dict[str, Any] = {}
    na_given = blank_left = False
    for index, question in enumerate(q for q in theme.questions if q.kind != CONTEXT):
        if question.depends_on and answers.get(question.depends_on) not in question.depends_answer_in:
            continue
        ranked = _ranked(question)
        if question.allow_na and not na_given:
            answers[question.id], na_given = NOT_APPLICABLE, True
        elif index == 4 and not blank_left:
            blank_left = True  # left unanswered on purpose
        elif question.type == "multi":
            answers[question.id] = [o.id for o in question.options if o.score > 0][: 1 + index % 2]
        else:
            answers[question.id] = [ranked[-1], ranked[len(ranked) // 2], ranked[0]][index % 3]
    return answers


def _score_example(bank: Bank) -> dict[str, Any]:
    theme = bank.themes[0]
    answers = _sample_answers(bank, theme)
    result = score_assessment(bank, _assessment(bank, answers))["themes"][0]
    rows: list[dict[str, Any]] = []
    for entry in result["questions"]:
        question = bank.questions[entry["id"]]
        if question.kind == CONTEXT or entry["status"] == "not_for_council_type":
            continue
        value = answers.get(question.id)
        fraction = entry.get("fraction", 0.0 if entry["status"] in ("unanswered", "not_asked") else None)
        counts = entry["status"] != "not_applicable" and entry.get("reason") != "parent_not_applicable"
        rows.append(
            {
                "id": question.id,
                "text": question.text,
                "weight": question.weight,
                "answer": question.label_of(value)
                if value is not None
                else (
                    _("Not asked: closed by the answer above")
                    if entry["status"] == "not_asked"
                    else _("Not answered yet")
                ),
                "fraction": fraction if counts else None,
                "points": round(question.weight * fraction, 2) if counts and fraction is not None else None,
            }
        )
    earned = round(sum(r["points"] for r in rows if r["points"] is not None), 2)
    return {
        "theme": theme,
        "rows": rows,
        "earned": earned,
        "possible": result["weight_possible"],
        "result": result,
        "tier": _tier(bank, result["tier"]),
    }


def _gate_example(bank: Bank) -> dict[str, Any] | None:
    """The first theme with a legal duty for this council: everything best except the duty not met."""
    unitary = bank.council_types[COUNCIL_TYPE]
    for theme in bank.themes:
        gates = [
            q
            for q in theme.questions
            if q.asked_of(unitary.nation, unitary.functions) and q.wording(unitary.nation).gate
        ]
        if not gates:
            continue
        gate_question = gates[0]
        gate = gate_question.wording(unitary.nation).gate
        assert gate is not None  # chosen for having one
        answers = {
            q.id: (_best(q))
            for q in theme.questions
            if q.kind != CONTEXT and q.asked_of(unitary.nation, unitary.functions)
        }
        failing = [o for o in _ranked(gate_question) if o not in gate.met]
        answers[gate_question.id] = failing[-1]
        result = score_assessment(bank, _assessment(bank, answers))["themes"][bank.themes.index(theme)]
        return {
            "theme": theme,
            "question": gate_question,
            "law": gate.law,
            "answer": gate_question.label_of(failing[-1]),
            "result": result,
            "uncapped": _tier(bank, result["uncapped_tier"]),
            "tier": _tier(bank, result["tier"]),
        }
    return None


def _risk_example(bank: Bank) -> dict[str, Any] | None:
    """A theme with local context: exposure from its context answers, tier from its score, risk from the matrix."""
    unitary = bank.council_types[COUNCIL_TYPE]
    for index, theme in enumerate(bank.themes):
        context = [q for q in bank.exposure_sources[theme.id] if q.asked_of(unitary.nation, unitary.functions)]
        if not context:
            continue
        answers: dict[str, Any] = {
            q.id: max(q.options, key=lambda o: bank.exposure_rank(o.exposure or "")).id for q in context
        }
        answers.update(_sample_answers(bank, theme))
        result = score_assessment(bank, _assessment(bank, answers))["themes"][index]
        if result["risk"] is None:
            continue
        return {
            "theme": theme,
            "context": [(q, q.label_of(answers[q.id])) for q in context],
            "result": result,
            "exposure": next(e for e in bank.exposure_levels if e.id == result["exposure"]),
            "tier": _tier(bank, result["tier"]),
            "risk": next(r for r in bank.risk_levels if r.id == result["risk"]),
        }
    return None


def _best(question: Question) -> Any:
    if question.type == "multi":
        return [o.id for o in question.options if o.score > 0]
    return _ranked(question)[-1]


def _tier(bank: Bank, tier_id: str | None):
    return next((t for t in bank.tiers if t.id == tier_id), None)


def _asked(bank: Bank) -> list[Question]:
    unitary = bank.council_types[COUNCIL_TYPE]
    return list(bank.asked_of(unitary.nation, unitary.functions))


def _all_best(bank: Bank) -> dict[str, Any]:
    """Every question the example council is asked answered best; context questions their middle option."""
    return {q.id: q.options[len(q.options) // 2].id if q.kind == CONTEXT else _best(q) for q in _asked(bank)}


def _scored(bank: Bank, answers: dict[str, Any], date: str = "2026-01-01", evidence: dict | None = None):
    data = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "council": {"name": "Example council", "type": COUNCIL_TYPE},
        "assessment_date": date,
        "bank_version": bank.version,
        "answers": answers,
        "notes": {},
    }
    if evidence:
        data["evidence"] = evidence
    return score_assessment(bank, load_assessment(data, bank))


def _theme_of(bank: Bank, result: dict[str, Any], theme_id: str) -> dict[str, Any]:
    return next(t for t in result["themes"] if t["id"] == theme_id)


def _threshold_example(bank: Bank) -> dict[str, Any] | None:
    """The first theme's questions all unanswered but its heaviest question without follow-ups: no tier, a note."""
    theme = bank.themes[0]
    roots = [q for q in _asked(bank) if q.theme == theme.id and q.kind != CONTEXT and not q.depends_on]
    if not roots:
        return None
    question = max(roots, key=lambda q: q.weight)
    result = _theme_of(bank, _scored(bank, {question.id: _best(question)}), theme.id)
    return {"theme": theme, "question": question, "result": result}


def _essential_example(bank: Bank) -> dict[str, Any] | None:
    """Everything best but the first essential control the example council is asked, answered at its worst."""
    checks = {c.when for c in bank.contradictions}  # a control that would also contradict a duty shows two rules
    controls = sorted((q for q in _asked(bank) if q.essential), key=lambda q: q.id in checks)
    if not controls:
        return None
    question = controls[0]
    worst = _ranked(question)[0]
    result = _theme_of(bank, _scored(bank, {**_all_best(bank), question.id: worst}), question.theme)
    return {"question": question, "answer": question.label_of(worst), "result": result, "theme": result["title"],
            "uncapped": _tier(bank, result["uncapped_tier"]), "tier": _tier(bank, result["tier"])}  # fmt: skip


def _contradiction_example(bank: Bank) -> dict[str, Any] | None:
    """The first contradiction the example council can make, on otherwise best answers."""
    asked = {q.id for q in _asked(bank)}
    plain = [c for c in bank.contradictions if not bank.questions[c.when].essential]  # one rule at a time
    for contradiction in plain + [c for c in bank.contradictions if c not in plain]:
        if contradiction.when in asked and contradiction.claims in asked:
            when = next(o for o in _ranked(bank.questions[contradiction.when]) if o in contradiction.when_in)
            claims = _best(bank.questions[contradiction.claims])
            result = _scored(bank, {**_all_best(bank), contradiction.when: when, contradiction.claims: claims})
            found = next(c for c in result["contradictions"] if c["id"] == contradiction.id)
            theme = _theme_of(bank, result, bank.questions[contradiction.claims].theme)
            return {"found": found, "theme": theme, "tier": _tier(bank, theme["tier"])}
    return None


def _by_date_example(bank: Bank) -> dict[str, Any] | None:
    """The most recent duty the example council is asked, for an assessment dated a year before it came into force."""
    nation = bank.council_types[COUNCIL_TYPE].nation
    dated = sorted(
        (gate.in_force[nation], q.id)
        for q in _asked(bank)
        if (gate := q.wording(nation).gate) is not None and gate.in_force.get(nation)
    )
    if not dated:
        return None
    start, qid = dated[-1]
    year, month, day = (int(x) for x in start.split("-"))
    before = f"{year - 1}-{month:02d}-{min(day, 28):02d}"
    result = _scored(bank, _all_best(bank), date=before)
    duty = next(d for d in result["duties_by_date"] if d["question"] == qid)
    return {"duty": duty, "date": before}


def _unknown_example(bank: Bank) -> dict[str, Any] | None:
    """The first "none known" answer that counts higher without a dated source, with and without one."""
    for question in _asked(bank):
        option = next((o for o in question.options if o.unevidenced_exposure), None)
        if question.kind != CONTEXT or option is None:
            continue
        dated = {question.id: {"reference": "NRM statistics for the police force area", "date": "2025-12-01"}}
        plain, sourced = (
            next(
                e
                for t in _scored(bank, {question.id: option.id}, evidence=evidence)["themes"]
                for e in t["questions"]
                if e["id"] == question.id
            )
            for evidence in (None, dated)
        )
        levels = {e.id: e.name for e in bank.exposure_levels}
        return {"question": question, "option": option, "without": plain, "with": sourced, "levels": levels}
    return None


def _weakest_example(bank: Bank) -> dict[str, Any] | None:
    """Everything best, but one theme without legal duties or essential controls answered at its worst."""
    asked = _asked(bank)
    plain = [t for t in bank.themes if any(q.theme == t.id for q in asked)
             and not any(q.theme == t.id and (q.essential or q.wording("england").gate) for q in asked)]  # fmt: skip
    if not plain:
        return None
    theme = plain[0]
    answers = _all_best(bank)
    answers.update(
        {q.id: ([] if q.type == "multi" else _ranked(q)[0]) for q in asked if q.theme == theme.id and q.kind != CONTEXT}
    )
    result = _scored(bank, answers)
    overall = result["overall"]
    return {"theme": theme, "overall": overall, "from_score": _tier(bank, overall["tier_from_score"]), "tier": _tier(bank, overall["tier"])}  # fmt: skip


def _weights(bank: Bank) -> list[dict[str, Any]]:
    """Each theme's weight, its reason and its weight in the overall for a county council and a unitary authority."""
    county = _scored_blank(bank, "county")
    unitary = _scored_blank(bank, COUNCIL_TYPE)
    return [
        {"theme": theme, "county": c["overall_weight"], "unitary": u["overall_weight"]}
        for theme, c, u in zip(bank.themes, county["themes"], unitary["themes"], strict=True)
    ]


def _scored_blank(bank: Bank, council_type: str) -> Result:
    data = {"format": FORMAT, "format_version": FORMAT_VERSION, "council": {"name": "", "type": council_type},
            "assessment_date": "2026-01-01", "bank_version": bank.version, "answers": {}}  # fmt: skip
    return score_assessment(bank, load_assessment(data, bank), detail=False)


def worked_example(bank: Bank) -> dict[str, Any]:
    """Every example, from ``bank`` (the bank in the page's language), worded in the engine's current language."""
    return {
        "council_type": bank.council_types[COUNCIL_TYPE].name,
        "score": _score_example(bank),
        "gate": _gate_example(bank),
        "risk": _risk_example(bank),
        "threshold": _threshold_example(bank),
        "essential": _essential_example(bank),
        "contradiction": _contradiction_example(bank),
        "by_date": _by_date_example(bank),
        "unknown": _unknown_example(bank),
        "weakest": _weakest_example(bank),
        "weights": _weights(bank) if "county" in bank.council_types else [],
    }
