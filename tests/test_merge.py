"""The merge-conflict corpus (tests/data/merge_cases.yaml), run through `scorecard merge`.

Each case writes its files, merges them in process, and checks the exit code, the conflicts
listed, the merged file (written only on exit 0) and the messages. Properties of the merge that
hold for any files are checked at the end with generated assessments.
"""

from __future__ import annotations

import copy
import json
import random

import pytest
import yaml

from scorecard.engine import load_assessment
from scorecard.engine.merge import merge_assessments
from scorecard.testing import random_assessment
from tests.helpers import MINI, ROOT, run_cli

CASES = yaml.safe_load((ROOT / "tests" / "data" / "merge_cases.yaml").read_text(encoding="utf-8"))

BASE = {
    "format": "scorecard-assessment",
    "format_version": 1,
    "council": {"name": "Testshire Council", "type": "unitary"},
    "assessment_date": "2026-11-01",
    "bank_version": "2000.1",
    "answers": {},
    "notes": {},
}
MISSING = object()


def file_text(changes: dict) -> str:
    if "raw" in changes:
        return changes["raw"]
    data = copy.deepcopy(BASE)
    for key, value in changes.items():
        if key == "council_type":
            data["council"]["type"] = value
        elif key == "council_name":
            data["council"]["name"] = value
        else:
            data[key] = value
    return json.dumps(data, indent=2)


def dig(data, dotted: str):
    """A value by a dotted path whose last parts may be question ids (ALP-01 holds no dots)."""
    for step in dotted.split("."):
        if not isinstance(data, dict) or step not in data:
            return MISSING
        data = data[step]
    return data


def test_corpus_is_well_formed():
    names = [case["name"] for case in CASES]
    assert len(names) == len(set(names)) and len(names) >= 30
    for case in CASES:
        assert case["exit"] in (0, 2, 3), case["name"]
        assert ("conflicts" in case) == (case["exit"] == 3), case["name"]
        assert case["exit"] != 0 or case.get("merged"), f"{case['name']}: a merge that succeeds must say what it gives"


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_merge_case(case, tmp_path, mini_bank):
    for name, changes in case["files"].items():
        (tmp_path / name).write_text(file_text(changes), encoding="utf-8")
    ran = run_cli(
        "--questions",
        str(MINI / "questions"),
        "merge",
        *case["files"],
        "-o",
        "merged.json",
        *case.get("options", []),
        cwd=tmp_path,
    )
    output = ran.stdout + ran.stderr
    assert "Traceback" not in output
    assert ran.returncode == case["exit"], output
    for text in case.get("stderr", []):
        assert text in ran.stderr, f"{text!r} not in:\n{ran.stderr}"
    merged_file = tmp_path / "merged.json"
    if case["exit"] != 0:
        assert not merged_file.exists(), "nothing may be written while conflicts or problems remain"
    if case["exit"] == 3:
        listed = [
            line.split()[0] for line in ran.stderr.splitlines() if line.startswith("  ") and not line.startswith("   ")
        ]
        assert listed == [_listed(c) for c in case["conflicts"]], ran.stderr
        return
    if case["exit"] == 0:
        merged = json.loads(merged_file.read_text(encoding="utf-8"))
        load_assessment(merged, mini_bank)  # reads back
        for dotted, value in case["merged"].items():
            assert dig(merged, dotted) == (MISSING if value is None else value), dotted


def _listed(key: str) -> str:
    """How a conflict's first word reads in the listing: the question id, or the section."""
    section, _, rest = key.partition(".")
    if section in ("answers", "notes", "evidence", "action_plan"):
        return rest
    return {"council": "council", "sign_off": "sign-off", "previous": "last", "assignments": "assignment"}[section]


# --- properties over generated files ---------------------------------------------------------


def _pair(mini_bank, seed):
    rng = random.Random(seed)
    a = random_assessment(mini_bank, rng, council_type="unitary")
    b = random_assessment(mini_bank, rng, council_type="unitary")
    return a, b


@pytest.mark.parametrize("seed", range(12))
def test_merging_a_file_with_itself_changes_nothing(mini_bank, seed):
    a, _ = _pair(mini_bank, seed)
    merged = merge_assessments(mini_bank, [("a", a), ("a2", copy.deepcopy(a))])
    assert merged["conflicts"] == []
    assert merged["assessment"]["answers"] == load_assessment(a, mini_bank).answers


@pytest.mark.parametrize("seed", range(12))
def test_every_answer_is_either_merged_or_in_a_conflict(mini_bank, seed):
    a, b = _pair(mini_bank, seed)
    merged = merge_assessments(mini_bank, [("a", a), ("b", b)])
    conflicted = {c["question"] for c in merged["conflicts"] if c["what"] == "answer"}
    if merged["assessment"] is None:
        assert conflicted
        settled = merge_assessments(mini_bank, [("a", a), ("b", b)], prefer="b")
        answers = settled["assessment"]["answers"]
        assert {q: answers[q] for q in conflicted} == {q: b["answers"][q] for q in conflicted}
    else:
        answers = merged["assessment"]["answers"]
    for qid in set(a["answers"]) | set(b["answers"]):
        if qid in conflicted:
            continue
        assert answers[qid] in (a["answers"].get(qid), b["answers"].get(qid))  # nothing invented, nothing dropped


@pytest.mark.parametrize("seed", range(6))
def test_the_order_of_the_files_does_not_change_the_conflicts(mini_bank, seed):
    a, b = _pair(mini_bank, seed)
    one = merge_assessments(mini_bank, [("a", a), ("b", b)])
    two = merge_assessments(mini_bank, [("b", b), ("a", a)])
    assert sorted(c["key"] for c in one["conflicts"]) == sorted(c["key"] for c in two["conflicts"])


# --- contributors' files: only their themes ----------------------------------------------------


def test_a_contributor_exports_only_their_themes_and_the_lead_merges_without_conflict(mini_bank):
    from scorecard.engine import AssessmentError
    from scorecard.engine.sharing import export_themes, themes_of

    lead = dict(copy.deepcopy(BASE), assignments={"alpha": "Ann Lead", "beta": "Bo Buyer"})
    assert themes_of(mini_bank, "Bo Buyer", lead["assignments"]) == ["beta"]
    assert themes_of(mini_bank, "Cy Nobody", {"ALP-04": "Cy Nobody"}) == ["alpha"]  # one question of a theme
    # Bo works in a copy of the lead's file; he also clicked an alpha question by mistake
    bo = dict(
        copy.deepcopy(lead),
        answers={"BET-01": "yes", "BET-02": "yearly", "ALP-01": "no"},
        notes={"BET-01": "Board minutes.", "ALP-01": "stray"},
        evidence={"BET-01": {"reference": "Minutes 3 May"}},
        provenance={
            "BET-01": {"at": "2026-11-03T09:00:00Z", "by": "Bo Buyer"},
            "ALP-01": {"at": "2026-11-03T09:01:00Z", "by": "Bo Buyer"},
        },
    )
    exported = export_themes(mini_bank, bo, ["beta"])
    assert exported["answers"] == {"BET-01": "yes", "BET-02": "yearly"}
    assert exported["notes"] == {"BET-01": "Board minutes."} and exported["evidence"] == {
        "BET-01": {"reference": "Minutes 3 May"}
    }
    assert set(exported["provenance"]) == {"BET-01"} and exported["assignments"] == lead["assignments"]
    ann = dict(copy.deepcopy(lead), answers={"ALP-01": "yes"})
    merged = merge_assessments(mini_bank, [("ann.json", ann), ("bo.json", exported)])
    assert merged["conflicts"] == []
    assert merged["assessment"]["answers"] == {"ALP-01": "yes", "BET-01": "yes", "BET-02": "yearly"}
    assert merged["assessment"]["provenance"]["BET-01"]["by"] == "Bo Buyer"
    with pytest.raises(AssessmentError) as raised:
        export_themes(mini_bank, bo, ["gamma"])
    assert raised.value.problems == ["choose the themes to export from: alpha, beta (not 'gamma')"]


def test_target_tiers_are_merged_theme_by_theme(mini_bank):
    """A target tier (issue 31) is an entry like an assignment: taken where one file has it, a conflict where two
    differ, and from a contributor's file only for the themes taken from it."""
    lead = dict(copy.deepcopy(BASE), targets={"alpha": "mature"})
    colleague = dict(copy.deepcopy(BASE), targets={"alpha": "early", "beta": "substantial"})
    merged = merge_assessments(mini_bank, [("lead.json", lead), ("colleague.json", colleague)])
    (conflict,) = merged["conflicts"]
    assert (conflict["key"], conflict["label"]) == ("targets.alpha", "target tier alpha")
    assert [c["value"] for c in conflict["choices"]] == ["mature", "early"]
    merged = merge_assessments(
        mini_bank, [("lead.json", lead), ("colleague.json", colleague)], take={"targets.alpha": "colleague.json"}
    )
    assert merged["assessment"]["targets"] == {"alpha": "early", "beta": "substantial"}
    beta_only = merge_assessments(
        mini_bank, [("lead.json", lead), ("colleague.json", colleague)], themes={"colleague.json": ["beta"]}
    )
    assert beta_only["assessment"]["targets"] == {"alpha": "mature", "beta": "substantial"}
    assert not [c for c in beta_only["conflicts"] if c["key"].startswith("targets.")]
