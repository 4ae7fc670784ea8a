#!/usr/bin/env python3
"""Write the example region (examples/region/*.json): real councils from the register, INVENTED answers.

The councils are real (names, types, region and codes come from the UK council register in
data/), but every answer, note, date and function correction in these files is made up at
random: they say nothing about those councils. Each file says so in its first note, and its
name starts with "invented-" (see examples/README.md). The files are built deterministically
with random.Random(SEED) from the bank in questions/, so when the bank changes, run this
again and commit the new files:

    python3 examples/make_region.py                      # questions/ -> examples/region/
    python3 examples/make_region.py --questions DIR --out DIR

The script owns the output folder: .json files in it that it did not write are removed.
Exit codes: 0 written; 1 the question bank has problems.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run from a checkout without installing

from scorecard.bank_source.load import load_bank  # noqa: E402
from scorecard.council_register import bank_types, find_council, load_register  # noqa: E402
from scorecard.engine import NOT_APPLICABLE, Bank, load_assessment  # noqa: E402

SEED = 20261101
OLDER_BANK_VERSION = "2025.1"  # an invented earlier version, to show version notes
INVENTED = (
    "INVENTED EXAMPLE: every answer, note and date in this file was made up at random by "
    "examples/make_region.py to show the Compare page. It is not {name}'s assessment and says nothing "
    "about that council."
)

# Real councils of one region (South East England), by register code; everything else is invented:
# maturity 0-1 (how good the random answers are), the assessment dates and what else to write.
COUNCILS: list[dict[str, Any]] = [
    {"code": "KEN", "maturity": 0.72, "date": "2026-06-18", "earlier": {"date": "2025-06-12", "maturity": 0.5}},
    {"code": "ESX", "maturity": 0.45, "date": "2026-05-07"},
    # renamed: the earlier file spells the name differently; the register code makes it the same council
    {
        "code": "TUN",
        "maturity": 0.58,
        "date": "2026-03-10",
        "earlier": {
            "date": "2025-03-14",
            "maturity": 0.32,
            "bank_version": OLDER_BANK_VERSION,
            "name": "Tunbridge Wells BC",
        },
    },
    {"code": "SEV", "maturity": 0.3, "date": "2026-04-22"},
    {"code": "MAI", "maturity": 0.66, "date": "2026-02-27"},
    {"code": "ASF", "maturity": 0.5, "date": "2026-09-03", "answer_rate": 0.3},  # half finished: provisional
    # a function correction (invented): its officers record that another council licenses its taxis
    {"code": "CAT", "maturity": 0.82, "date": "2026-07-15", "without": ["taxi_licensing"]},
    {"code": "DOV", "maturity": 0.55, "date": "2026-05-28", "name_only": True},  # an old-style file: name, no codes
    {"code": "SWL", "maturity": 0.4, "date": "2026-06-30"},
    {"code": "MDW", "maturity": 0.62, "date": "2026-01-29", "earlier": {"date": "2025-01-30", "maturity": 0.48}},
    {"code": "BNH", "maturity": 0.38, "date": "2026-08-20", "answer_rate": 0.95},  # a few left unanswered
    {"code": "SLG", "maturity": 0.9, "date": "2026-02-11"},
]


def slug(name: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in name.lower()).split())


def identities(compiled: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Register code -> the council fields from the register (name, type, region, ons_code, code)."""
    register, types = load_register(), bank_types(compiled)
    return {c["code"]: find_council(register, types, c["code"]).assessment_council() for c in COUNCILS}


def choose(question, maturity: float, rng: random.Random) -> Any:
    """A plausible answer for a council of this maturity (0 weak, 1 strong); local context at random."""
    if question.kind == "context":
        return rng.choice(question.options).id
    if question.allow_na and rng.random() < 0.05:
        return NOT_APPLICABLE
    if question.type == "multi":
        chosen = [o.id for o in question.options if o.score > 0 and rng.random() < maturity]
        if not chosen:
            zero = [o.id for o in question.options if o.score == 0]
            return zero[:1] if zero and rng.random() < 0.5 else []
        return chosen
    ranked = sorted(question.options, key=lambda o: o.score)
    position = maturity * (len(ranked) - 1) + rng.gauss(0, 0.6)
    return ranked[min(len(ranked) - 1, max(0, round(position)))].id


def answers_for(
    bank: Bank,
    council_type: str,
    maturity: float,
    rng: random.Random,
    answer_rate: float = 1.0,
    previous: dict[str, Any] | None = None,
    functions: frozenset[str] | None = None,
) -> dict[str, Any]:
    """Answers in bank order; dependent questions only when their condition holds.

    With ``previous`` (the same council a year earlier) most answers stay as they were, some
    are reviewed and improve, and a few are answered afresh (which can slip back).
    """
    answers: dict[str, Any] = {}
    ctype = bank.council_types[council_type]
    for question in _in_dependency_order(bank):
        if not question.asked_of(ctype.nation, ctype.functions if functions is None else functions):
            continue
        if question.depends_on is not None and answers.get(question.depends_on) not in question.depends_answer_in:
            continue
        if (previous is None or question.id not in previous) and rng.random() >= answer_rate:
            continue  # left unanswered (answers given last time are always given again)
        fresh = choose(question, maturity, rng)
        before = previous.get(question.id) if previous is not None else None
        if before is None or rng.random() < 0.15:
            answers[question.id] = fresh  # new, or answered afresh (may slip back)
        elif rng.random() < 0.6:
            answers[question.id] = before  # unchanged since last year
        else:  # reviewed: keep the better of last year's answer and a fresh one
            answers[question.id] = max(before, fresh, key=lambda value: _fraction(question, value))
    return {q.id: answers[q.id] for q in bank.questions.values() if q.id in answers}


def _fraction(question, value: Any) -> float:
    return 1.0 if value == NOT_APPLICABLE else question.fraction(value)


def _in_dependency_order(bank: Bank):
    done: set[str] = set()
    order = []

    def visit(question):
        if question.id in done:
            return
        done.add(question.id)
        if question.depends_on is not None:
            visit(bank.questions[question.depends_on])
        order.append(question)

    for question in bank.questions.values():
        visit(question)
    return order


def assessment(
    bank: Bank,
    council: dict[str, Any],
    identity: dict[str, str],
    date: str,
    bank_version: str,
    answers: dict[str, Any],
    rng: random.Random,
    name: str = "",
) -> dict[str, Any]:
    meta = dict(identity)
    meta["name"] = name or identity["name"]
    if council.get("name_only"):
        meta = {"name": meta["name"], "type": meta["type"], "region": meta["region"]}
    if council.get("without"):
        meta["functions"] = [f for f in bank.functions if f in _functions(bank, council)]
    noted = [qid for qid in answers if rng.random() < 0.08][:3]
    notes = {qid: "Invented example note: evidence held by the lead officer." for qid in noted}
    first = next(iter(answers))
    notes[first] = INVENTED.format(name=identity["name"])  # the first note read in the file and on the site
    return {
        "format": "scorecard-assessment",
        "format_version": 1,
        "council": meta,
        "assessment_date": date,
        "bank_version": bank_version,
        "answers": answers,
        "notes": {qid: notes[qid] for qid in answers if qid in notes},
    }


def _functions(bank: Bank, council: dict[str, Any]) -> frozenset[str] | None:
    """The council's functions when its (invented) file corrects its type's defaults, else None."""
    if not council.get("without"):
        return None
    return bank.council_types[council["type"]].functions - set(council["without"])


def build(bank: Bank, people: dict[str, dict[str, str]], seed: int = SEED) -> dict[str, dict[str, Any]]:
    """File name -> assessment, for every council (and its earlier assessment, if any).

    ``people`` is ``identities()``: each council's fields from the register.
    """
    rng = random.Random(seed)
    files: dict[str, dict[str, Any]] = {}
    for spec in COUNCILS:
        identity = people[spec["code"]]
        council = {**spec, "type": identity["type"]}
        functions = _functions(bank, council)
        stem = "invented-" + slug(identity["name"])
        previous = None
        earlier = council.get("earlier")
        if earlier:
            previous = answers_for(bank, council["type"], earlier["maturity"], rng, functions=functions)
            version = earlier.get("bank_version", bank.version)
            files[f"{stem}-{earlier['date'][:4]}.json"] = assessment(
                bank, council, identity, earlier["date"], version, previous, rng, name=earlier.get("name", "")
            )
        answers = answers_for(
            bank,
            council["type"],
            council["maturity"],
            rng,
            answer_rate=council.get("answer_rate", 1.0),
            previous=previous,
            functions=functions,
        )
        files[f"{stem}-{council['date'][:4]}.json"] = assessment(
            bank, council, identity, council["date"], bank.version, answers, rng
        )
    for data in files.values():
        load_assessment(data, bank)  # every example must be a valid assessment
    return dict(sorted(files.items()))


def write(files: dict[str, dict[str, Any]], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for stale in sorted(out.glob("*.json")):
        if stale.name not in files:
            print(f"removing {stale}")
            stale.unlink()
    for name, data in files.items():
        (out / name).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, help="question bank folder (default: questions/)")
    parser.add_argument("--out", type=Path, default=HERE / "region", help="output folder (default: examples/region)")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    compiled, problems = load_bank(args.questions)
    if problems or compiled is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        print("The question bank has problems; fix them (scorecard validate) and run this again.", file=sys.stderr)
        return 1
    files = build(Bank.from_dict(compiled), identities(compiled), args.seed)
    write(files, args.out)
    print(f"Wrote {len(files)} assessments with invented answers to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
