"""Rules the site's JavaScript shares with the engine, checked against the one Python source (run in Node,
a batch at a time):

- what an evidence field saves (site/early/store.js, WEB_LINK and evidenceEntry) against engine/cycle.py:
  the web-link pattern agrees on every character (JavaScript's \\s is not Python's), and every entry the site
  saves is one the engine accepts;
- the assessment file's format and version, and the shape check (store.js, shapeProblem) against
  engine/assessment.py and its schema: the store never refuses a file the engine reads, and each file it
  refuses the engine refuses too;
- "gate failed" (site/assets/js/views.js, failedGates) against the engine's own gate_failed and failed_gates;
- what the engine's result depends on (store.js, scoringInput: the site asks for a new score only when it
  changes): two assessments with the same scoring input score the same, but for the plan and note text the
  result repeats, which the pages read from the store.

Long dates are compared in tests/test_format_js.py; plan status names come with the engine's result
(labels.plan_statuses).
"""

from __future__ import annotations

import copy
import json
import random
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from scorecard.engine import AssessmentError, load_assessment, score_assessment
from scorecard.engine import assessment as assessment_module
from scorecard.engine.cycle import STATUSES, WEB_LINK, check_action, read_cycle
from scorecard.engine.scoring import NOT_MET
from scorecard.testing import random_assessment, yearly_example

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "scorecard" / "schemas" / "assessment.schema.json").read_text(encoding="utf-8"))
LOAD = """
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { readFileSync } from "node:fs";
const root = pathToFileURL(process.argv[1] + "/");
const early = createRequire(root)("./site/early/store.js");
const views = await import(new URL("site/assets/js/views.js", root));
const input = JSON.parse(readFileSync(0, "utf8"));
"""


# A few batches of a few hundred cases, each one run of Node: no shrinking (each step would run Node again); a
# failing case is named in the failure.
BATCHES = (Phase.explicit, Phase.reuse, Phase.generate)


def node(script: str, payload: Any = None) -> Any:
    """Run `script` (after LOAD: `early`, `views` and `input` in hand) in Node; what it prints, as JSON."""
    if shutil.which("node") is None:
        pytest.fail("Node.js is needed (it is installed with the site's front-end packages)")
    done = subprocess.run(
        ["node", "--no-warnings", "--input-type=module", "-e", LOAD + script, str(ROOT)],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


# --- the evidence web-link pattern -------------------------------------------------------------------------

# (before, after) around the character tried; which characters match there, on both sides
TEMPLATES = [
    ("https://a", "b"),
    ("", "ttps://a"),
    ("h", "tps://a"),
    ("ht", "ps://a"),
    ("htt", "s://a"),
    ("http", "://a"),
    ("https", "//a"),
    ("https:", "/a"),
    ("https:/", "a"),
    ("https://", ""),
]
WHOLE = 0x110000  # every code point where the pattern's \s decides; the BMP elsewhere (case folding is there)


def changes(matches) -> list[int]:
    """The code points where the answer changes, from False at -1: a short picture of a long list."""
    out, last = [], False
    for code, value in enumerate(matches):
        if value != last:
            out.append(code)
            last = value
    return out


def test_the_web_link_pattern_agrees_with_the_engine_on_every_character():
    limits = [WHOLE if before == "https://a" else 0x10000 for before, _ in TEMPLATES]
    javascript = node(
        """
const out = [];
for (const [[before, after], limit] of input) {
  const changes = [];
  let last = false;
  for (let code = 0; code < limit; code += 1) {
    const value = early.WEB_LINK.test(before + String.fromCodePoint(code) + after);
    if (value !== last) { changes.push(code); last = value; }
  }
  out.push(changes);
}
process.stdout.write(JSON.stringify(out));
""",
        [[list(t), limit] for t, limit in zip(TEMPLATES, limits, strict=True)],
    )
    for (before, after), limit, js in zip(TEMPLATES, limits, javascript, strict=True):
        python = changes(WEB_LINK.fullmatch(before + chr(code) + after) is not None for code in range(limit))
        assert js == python, f"{before!r} + character + {after!r}: the site and the engine disagree"


PIECES = list("https://example.org/aB ") + ["ftp", "HTTP://", "https://", "http://"]
PIECES += ["\t", "\n", "\x0b", "\x1c", "\x1f", "\x85", "\xa0", "\u2003", "\u2028", "\u3000", "\ufeff", "\u200b", "ſ"]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


@settings(max_examples=3, deadline=None, phases=BATCHES)
@given(st.lists(TEXTS, min_size=500, max_size=500))
def test_every_evidence_entry_the_site_saves_is_one_the_engine_accepts(mini_bank, texts):
    entries = node(
        "process.stdout.write(JSON.stringify(input.map((t) => early.evidenceEntry(t, '2026-04-01') ?? null)));",
        texts,
    )
    for text, entry in zip(texts, entries, strict=True):
        if entry is None:
            assert all(c.isspace() or c == "\ufeff" for c in text), f"{text!r}: nothing saved"
            continue
        problems: list = []
        read_cycle({"evidence": {"ALP-01": entry}}, mini_bank, problems)
        assert problems == [], f"{text!r} saved as {entry}: the engine refuses it: {problems}"
        saved = entry.get("link", entry.get("reference"))
        assert ("link" in entry) == (WEB_LINK.fullmatch(saved) is not None), f"{text!r} saved as {entry}"


FIELD = st.sampled_from(["", " ", "Head of Procurement", "  trimmed  "])


@settings(max_examples=3, deadline=None, phases=BATCHES)
@given(
    st.lists(
        st.tuples(
            st.fixed_dictionaries(
                {
                    "status": st.sampled_from([*STATUSES, ""]),
                    "owner": FIELD,
                    "due": st.sampled_from(["", "2027-03-31"]),  # a date field: a date or nothing
                    "note": FIELD,
                    "reason": FIELD,
                }
            ),
            st.sampled_from([*STATUSES, None]),
        ),
        min_size=200,
        max_size=200,
    )
)
def test_every_action_plan_entry_the_site_saves_is_one_the_engine_accepts(cases):
    """ "Not planned" needs a reason (engine/cycle.py refuses it without): the site keeps the saved status until one is given."""
    entries = node(
        "process.stdout.write(JSON.stringify(input.map(([f, saved]) => early.planEntry(f, saved ?? undefined) ?? null)));",
        cases,
    )
    for (fields, _), entry in zip(cases, entries, strict=True):
        if entry is None:
            assert not any(v.strip() for k, v in fields.items() if k != "status"), fields
            continue
        problems: list = []
        assert check_action(entry, "ALP-01", problems) is not None and problems == [], f"{fields} saved as {entry}"
        chosen = fields["status"] or "not_started"
        held_back = chosen == "not_planned" and not fields["reason"].strip()  # kept as saved until a reason is given
        assert entry["status"] == chosen or held_back, f"{fields} saved as {entry}"


def test_every_indicator_entry_the_site_saves_the_engine_reads_or_sets_aside_as_typed(real_bank):
    """What the officer types into an indicator's fields is saved as typed (a number as a number, anything else as
    its text) and the engine either uses the entry or sets it aside saying why: the file is never refused for it,
    and nothing typed is dropped (site/early/store.js indicatorEntry; engine/indicators.py)."""
    from scorecard.engine.indicators import read_indicators

    rng = random.Random(27)
    typed = ["", " 7 ", "2.5", "-1", "x", "1e2", "12", "0", "３", "10000001"]
    cases = [
        {"needed": rng.choice(typed), "same_day": rng.choice(typed), "note": rng.choice(["", "  ", "From the records"])}
        for _ in range(200)
    ]
    fields = [
        {
            "from": "2025-04-01",
            "to": "2026-03-31",
            "note": c["note"],
            "counts": {"needed": c["needed"], "same_day": c["same_day"]},
        }
        for c in cases
    ]
    entries = node(
        "process.stdout.write(JSON.stringify(input.map((f) => early.indicatorEntry(f) ?? null)));",
        fields,
    )
    for given_fields, entry in zip(fields, entries, strict=True):
        given_counts = {k: v.strip() for k, v in given_fields["counts"].items() if v.strip()}
        if entry is None:
            assert not given_counts and not given_fields["note"].strip(), given_fields
            continue
        assert entry["counts"].keys() == given_counts.keys(), (given_fields, entry)  # nothing typed is dropped
        for k, v in entry["counts"].items():
            assert v == given_counts[k] or float(given_counts[k]) == v, (given_fields, entry)
        problems: list = []
        aside: dict = {}
        kept = read_indicators({"IND-01": entry}, real_bank, problems, aside)
        assert problems == [], f"{given_fields} saved as {entry}: the file would be refused"
        assert ("IND-01" in kept) != ("indicators.IND-01" in aside)


# --- the file's format, version and shape ------------------------------------------------------------------


def test_the_format_and_version_are_the_engines():
    constants = node("process.stdout.write(JSON.stringify([early.FORMAT, early.FORMAT_VERSION]));")
    assert constants == [assessment_module.FORMAT, assessment_module.FORMAT_VERSION]
    assert constants == [SCHEMA["properties"]["format"]["const"], SCHEMA["properties"]["format_version"]["const"]]


def good_files(bank) -> list[dict]:
    rng = random.Random(29)
    files = [random_assessment(bank, rng) for _ in range(20)] + [yearly_example(bank, rng) for _ in range(4)]
    files += [json.loads(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples" / "region").glob("*.json"))]
    for data in files[:6]:  # as the site keeps them: who changed what, and when
        data["provenance"] = {
            "assessment": {"at": "2026-04-01T09:00:00Z"},
            **{q: {"at": "2026-04-01T10:00:00Z", "by": "A"} for q in data["answers"]},
        }
    return files


# Each part of a file set to something of another shape.
WRONG = {
    "format": ["scorecard", None],
    "format_version": [2, "1", True, None],
    "answers": [[], "yes", {"SPC-01": 3}, {"SPC-01": {"a": 1}}, {"SPC-01": [1]}],
    "notes": [[], {"SPC-01": 1}, {"SPC-01": ["x"]}],
    "council": ["Kent", [], {"name": 1, "type": "district"}, {"name": "A", "type": ["district"]}],
    "retired_answers": [[], {"OLD-01": 1}],
    "provenance": [[], {"SPC-01": 1}, {"SPC-01": {"at": 1}}, {"SPC-01": {}}],
    "evidence": [[], "x", {"SPC-01": 3}],
    "action_plan": [[], "x"],
    "assignments": [[], "x"],
    "indicators": [[], "x"],
    "review": ["SPC-01", [1], {}],
    "sign_off": ["me", 1, []],
    "bank_version": [1, None],
    "assessment_date": [20260401, None],
}


def wrong_files(good: dict) -> list[tuple[str, dict]]:
    out = [("not an object", []), ("not an object", "x")]
    for part, values in WRONG.items():
        for value in values:
            data = copy.deepcopy(good)
            if value is None:
                data.pop(part, None)
            else:
                data[part] = value
            out.append((f"{part}={json.dumps(value)}", data))
    return out


def engine_reads(bank, data) -> bool:
    try:
        load_assessment(data, bank)
    except AssessmentError:
        return False
    return True


def test_the_store_never_refuses_a_file_the_engine_reads_and_what_it_refuses_the_engine_refuses(real_bank):
    good = good_files(real_bank)
    wrong = [case for data in good[:3] for case in wrong_files(data)]
    problems = node(
        "process.stdout.write(JSON.stringify(input.map((d) => early.shapeProblem(d))));",
        good + [data for _, data in wrong],
    )
    for data, problem in zip(good, problems[: len(good)], strict=True):
        assert engine_reads(real_bank, data), "a file meant to be good is not"
        assert problem == "", f"the store refuses a file the engine reads: {problem}"
    refused = 0
    for (what, data), problem in zip(wrong, problems[len(good) :], strict=True):
        if problem:
            refused += 1
            assert not engine_reads(real_bank, data), f"{what}: the store refuses it ({problem}), the engine reads it"
    assert refused >= 0.8 * len(wrong), f"the store refused only {refused} of {len(wrong)} files of another shape"


# --- legal duties not met ----------------------------------------------------------------------------------


def test_failed_gates_are_the_engines(real_bank):
    rng = random.Random(7)
    results = []
    for i in range(30):
        data = random_assessment(real_bank, rng, answer_rate=[0.2, 0.6, 0.95][i % 3])
        results.append(score_assessment(real_bank, load_assessment(data, real_bank)))
    shown = node(
        "process.stdout.write(JSON.stringify(input.map((r) => r.themes.map((t) => views.failedGates(t).map((g) => g.question)))));",
        results,
    )
    failing = 0
    for result, themes in zip(results, shown, strict=True):
        for theme, questions in zip(result["themes"], themes, strict=True):
            assert questions == [g["question"] for g in theme["gates"] if g["status"] in NOT_MET]
            assert bool(questions) == theme["gate_failed"]
            failing += len(questions)
        assert sum(map(len, themes)) == result["overall"]["failed_gates"]
    assert failing > 0, "no result with a legal duty not met: the comparison checked nothing"


# --- what the result depends on --------------------------------------------------------------------------


def inert_edit(data: dict, rng: random.Random) -> None:
    """A change the site does not ask for a new score for: the text of a note, evidence or a plan, who answers
    what, when something was changed."""
    kind = rng.choice(["note", "evidence", "plan", "assignment", "provenance"])
    notes, evidence, plan = data["notes"], data.get("evidence", {}), data.get("action_plan", {})
    if kind == "note" and notes:
        notes[rng.choice(sorted(notes))] = f"Reworded {rng.randint(1, 999)}"
    elif kind == "evidence" and evidence:
        entry = evidence[rng.choice(sorted(evidence))]
        entry.pop("link", None)
        entry["reference"] = f"Cabinet report {rng.randint(1, 99)}"
        if entry.get("result"):  # a result's or a reviewer's words, not whether there is one (engine/evidence.py)
            entry["result"] = f"{rng.randint(1, 9)} of 10 cases"
    elif kind == "plan" and plan:
        entry = plan[rng.choice(sorted(plan))]
        entry.update(owner=f"Officer {rng.randint(1, 9)}", due="2027-01-31", note="Tender drafted")
    elif kind == "assignment":
        data["assignments"] = {"spoc": f"Colleague {rng.randint(1, 9)}"}
    else:
        data["provenance"] = {"assessment": {"at": f"2026-0{rng.randint(1, 9)}-01T09:00:00Z"}}


def scoring_edit(data: dict, rng: random.Random, bank) -> None:
    """A change the result may depend on: an answer, a note or evidence given or taken away, a plan's status."""
    kind = rng.choice(["answer", "note", "old note", "evidence", "status"])
    answered = sorted(data["answers"])
    qid = rng.choice(answered)
    if kind == "answer":
        data["answers"][qid] = rng.choice(bank.questions[qid].options).id if bank.questions[qid].type != "multi" else []
    elif kind == "note":
        data["notes"].pop(qid, None) if qid in data["notes"] else data["notes"].update({qid: "New note"})
    elif kind == "old note":
        data["notes"].pop("OLD-99", None)
    elif kind == "evidence":
        evidence = data.setdefault("evidence", {})
        if qid in evidence and rng.random() < 0.5:  # its strength or date: what it counts as, whether it is stale
            evidence[qid].update(rng.choice([{"strength": "asserted"}, {"date": "2019-01-01"}]))
        else:
            evidence.pop(qid, None) if qid in evidence else evidence.update({qid: {"reference": "Minutes"}})
    elif data.get("action_plan"):
        entry = data["action_plan"][rng.choice(sorted(data["action_plan"]))]
        entry["status"] = rng.choice(["not_started", "in_progress", "done"])
        entry.pop("reason", None)


ECHOED = ("owner", "due", "note", "reason")  # the plan's text, which the results page reads from the store


def without_echoes(result: dict) -> dict:
    """The result but for the plan and note text it repeats from the file."""
    result = copy.deepcopy(result)
    for action in result["actions"]:
        action.pop("plan", None)
    for entry in result["action_plan"]:
        for name in ECHOED:
            entry.pop(name, None)
    for entry in result["changes"]["set_aside"]:
        entry.pop("note", None)
    return result


def test_assessments_with_the_same_scoring_input_score_the_same(real_bank):
    rng = random.Random(2029)
    pairs = []
    for i in range(90):
        data = yearly_example(real_bank, rng)
        data.setdefault("notes", {})
        data["notes"].update({q: "Agreed at cabinet" for q in sorted(data["answers"])[:3]})
        data["notes"]["OLD-99"] = "A note for a question the bank no longer has"  # set aside: its note counts
        other = copy.deepcopy(data)
        for _ in range(rng.randint(1, 3)):
            inert_edit(other, rng)
        if i % 2 == 0:
            scoring_edit(other, rng, real_bank)
        pairs.append((data, other))
    same = node(
        "process.stdout.write(JSON.stringify(input.map(([a, b]) => "
        "JSON.stringify(early.scoringInput(early.normalise(a))) === JSON.stringify(early.scoringInput(early.normalise(b))))));",
        pairs,
    )
    equal = 0
    for (a, b), js_same in zip(pairs, same, strict=True):
        scored = [score_assessment(real_bank, load_assessment(d, real_bank)) for d in (a, b)]
        if js_same:
            equal += 1
            assert without_echoes(scored[0]) == without_echoes(scored[1]), "the site would keep a result that changed"
    assert 40 <= equal < len(pairs), (
        f"{equal} of {len(pairs)} pairs had the same scoring input: the check checked little"
    )


def test_dating_an_evidence_item_asks_for_a_new_score(real_bank):
    """A "none known" answer counts as higher exposure without a dated source (rules.unknown_is_not_safe), so giving
    an evidence item a date can change the result: the site's scoring input must change with it."""
    undated = make_example(real_bank, {"SPC-20": {"reference": "NRM statistics for the force area"}})
    dated = make_example(
        real_bank, {"SPC-20": {"reference": "NRM statistics for the force area", "date": "2026-07-31"}}
    )
    exposures = [
        next(
            q
            for t in score_assessment(real_bank, load_assessment(d, real_bank))["themes"]
            for q in t["questions"]
            if q["id"] == "SPC-20"
        )["exposure"]
        for d in (undated, dated)
    ]
    assert exposures == ["medium", "low"]
    same = node(
        "process.stdout.write(JSON.stringify(JSON.stringify(early.scoringInput(early.normalise(input[0]))) "
        "=== JSON.stringify(early.scoringInput(early.normalise(input[1])))));",
        [undated, dated],
    )
    assert same is False


def make_example(bank, evidence: dict) -> dict:
    data = random_assessment(bank, random.Random(5), council_type="unitary", answer_rate=0.0)
    data["answers"] = {"SPC-20": "none_known"}
    data["evidence"] = evidence
    return data


@pytest.mark.parametrize(
    "change",
    [{"strength": "asserted"}, {"date": "2019-01-01"}, {"result": None}],
    ids=["weaker", "stale", "no result"],
)
def test_an_evidence_items_strength_or_age_asks_for_a_new_score(real_bank, change):
    """A legal duty counts as met only with documented, in-date evidence (rules.evidence): its strength, its date
    and whether it has what its strength needs change the result, so the site's scoring input must change too."""
    tested = {"reference": "Dip-sample", "date": "2026-01-10", "strength": "tested", "result": "All notified"}
    weaker = {k: v for k, v in {**tested, **change}.items() if v is not None}
    if "result" in change:
        weaker["strength"] = "independently_verified"  # needs a reviewer: counts as documented, says why
    files = []
    for evidence in (tested, weaker):
        data = make_example(real_bank, {"SAF-03": evidence})
        data["answers"] = {"SAF-03": "yes"}
        files.append(data)
    results = [score_assessment(real_bank, load_assessment(d, real_bank)) for d in files]
    assert without_echoes(results[0]) != without_echoes(results[1])
    same = node(
        "process.stdout.write(JSON.stringify(JSON.stringify(early.scoringInput(early.normalise(input[0]))) "
        "=== JSON.stringify(early.scoringInput(early.normalise(input[1])))));",
        files,
    )
    assert same is False
