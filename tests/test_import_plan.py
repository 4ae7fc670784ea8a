"""What importing a file would change, question by question, as the site shows it before the
officer chooses to replace or merge (scorecard.engine.import_plan, through the browser adapter)."""

from __future__ import annotations

import json

from scorecard.browser import BrowserApi
from scorecard.engine import load_assessment
from scorecard.engine.import_plan import import_plan
from tests.helpers import MINI, compile_bank, make_assessment


def test_each_answer_note_and_council_detail_is_compared(mini_bank):
    here = make_assessment(
        mini_bank,
        "unitary",
        {"ALP-01": "yes", "ALP-02": "some", "BET-01": "no"},
        notes={"ALP-01": "Ours.", "ALP-02": "Same note."},
    )
    theirs = make_assessment(
        mini_bank,
        "district",
        {"ALP-01": "no", "ALP-02": "some", "ALP-04": "yes", "ALP-03": ["front", "managers"]},
        notes={"ALP-02": "Same note.", "ALP-04": "Theirs."},
    )
    plan = import_plan(mini_bank, here, load_assessment(theirs, mini_bank))
    states = {e["question"]: (e["state"], e["here"], e["file"]) for e in plan["answers"]}
    assert states == {
        "ALP-01": ("differ", "Yes", "No"),
        "ALP-02": ("same", "Some staff", "Some staff"),
        "ALP-03": ("only_file", None, "Front line; Managers"),
        "ALP-04": ("only_file", None, "Yes"),
        "BET-01": ("only_here", "No", None),
    }
    assert [e["question"] for e in plan["answers"]] == ["ALP-01", "ALP-02", "ALP-03", "ALP-04", "BET-01"]  # bank order
    assert plan["counts"] == {"same": 1, "only_here": 1, "only_file": 2, "differ": 1}
    assert {e["question"]: e["state"] for e in plan["notes"]} == {
        "ALP-01": "only_here",
        "ALP-02": "same",
        "ALP-04": "only_file",
    }
    council = {e["field"]: (e["state"], e["here"], e["file"]) for e in plan["council"]}
    assert council["type"] == ("differ", "Unitary authority", "District council")
    assert council["name"][0] == "same" and council["functions"] == ("same", None, None)
    assert plan["here_has_content"] is True


def test_a_saved_assessment_the_engine_cannot_read_is_compared_as_it_is(mini_bank):
    half_typed = make_assessment(mini_bank, "unitary", {"ALP-01": "yes", "ALP-77": "no"})
    half_typed["council"]["ons_code"] = "E07"  # typing in progress: not yet an ONS code
    plan = import_plan(
        mini_bank, half_typed, load_assessment(make_assessment(mini_bank, "unitary", {"ALP-01": "yes"}), mini_bank)
    )
    assert {e["question"]: e["state"] for e in plan["answers"]} == {"ALP-01": "same", "ALP-77": "only_here"}
    assert (
        next(e for e in plan["answers"] if e["question"] == "ALP-77")["here"] == "no"
    )  # ids as written: the bank has no label


def test_nothing_saved_yet_needs_no_choice(mini_bank):
    blank = {
        "format": "scorecard-assessment",
        "format_version": 1,
        "council": {"name": "", "type": "unitary"},
        "assessment_date": "2026-04-01",
        "bank_version": "2000.1",
        "answers": {},
        "notes": {},
    }
    assert (
        import_plan(
            mini_bank, blank, load_assessment(make_assessment(mini_bank, "unitary", {"ALP-01": "yes"}), mini_bank)
        )["here_has_content"]
        is False
    )


def test_the_browser_adapter_sends_the_plan_with_the_import():
    api = BrowserApi(json.dumps(compile_bank(MINI / "questions")))
    bank = api.bank
    text = json.dumps(make_assessment(bank, "unitary", {"ALP-01": "no"}))
    reply = json.loads(
        api.call("import", json.dumps({"text": text, "here": make_assessment(bank, "unitary", {"ALP-01": "yes"})}))
    )
    assert reply["ok"] and reply["plan"]["counts"]["differ"] == 1 and reply["assessment"]["answers"] == {"ALP-01": "no"}
    assert "plan" not in json.loads(api.call("import", json.dumps({"text": text})))


def test_the_compare_filter_keeps_councils_not_file_names():
    api = BrowserApi(json.dumps(compile_bank(MINI / "questions")))
    files = []
    for name, region in [("Example North", "North"), ("Example South", "South")]:
        data = make_assessment(api.bank, "unitary", {"ALP-01": "yes"})
        data["council"].update(name=name, region=region)
        files.append({"name": "assessment.json", "text": json.dumps(data)})  # the same file name twice
    files.append({"name": "assessment.json", "text": "{not json"})
    reply = json.loads(api.call("compare", json.dumps({"files": files, "filter": {"region": "North"}})))
    assert [r["council"]["name"] for r in reply["comparison"]["rows"]] == ["Example North", "Example South"]
    assert [r["council"]["name"] for r in reply["shown"]["rows"]] == ["Example North"]
    assert [s["file"] for s in reply["comparison"]["skipped"]] == ["assessment.json"]
    assert reply["comparison"]["skipped"][0]["problem_details"][0]["code"]
    reply = json.loads(api.call("compare", json.dumps({"files": files})))
    assert reply["shown"] == reply["comparison"]


def test_evidence_actions_assignments_targets_sign_off_and_last_year_are_compared_too(mini_bank):
    """Issue 26, F8: Import -> Merge dropped the file's evidence, action plan, assignments and sign-off, and the
    preview said nothing of them (and of target tiers, once they came). The plan lists each entry of them, as it
    does answers and notes."""
    here = make_assessment(
        mini_bank,
        "unitary",
        {"ALP-01": "yes"},
        evidence={"ALP-01": {"reference": "Policy"}},
        action_plan={"ALP-02": {"owner": "Ann", "status": "in_progress"}},
        targets={"alpha": "early"},
    )
    theirs = make_assessment(
        mini_bank,
        "unitary",
        {"ALP-01": "yes"},
        evidence={"ALP-01": {"reference": "Policy v2"}, "ALP-02": {"link": "https://example.gov.uk/t"}},
        action_plan={"ALP-02": {"owner": "Ann", "status": "in_progress"}, "ALP-03": {"owner": "Bo", "status": "done"}},
        assignments={"beta": "Priya"},
        targets={"alpha": "mature", "beta": "substantial"},
        sign_off={"name": "A. Lead", "role": "Lead", "date": "2026-05-01"},
        previous={"assessment_date": "2025-05-01", "answers": {"ALP-01": "no"}},
    )
    plan = import_plan(mini_bank, here, load_assessment(theirs, mini_bank))
    parts = {e["key"]: (e["part"], e["state"], e["here"], e["file"]) for e in plan["parts"]}
    assert parts == {
        "evidence.ALP-01": ("evidence", "differ", "Policy", "Policy v2"),
        "evidence.ALP-02": ("evidence", "only_file", None, "https://example.gov.uk/t"),
        "action_plan.ALP-02": ("action_plan", "same", "In progress, owner Ann", "In progress, owner Ann"),
        "action_plan.ALP-03": ("action_plan", "only_file", None, "Done, owner Bo"),
        "assignments.beta": ("assignments", "only_file", None, "Priya"),
        "targets.alpha": ("targets", "differ", "Early progress", "Mature practice"),  # a tier by its name
        "targets.beta": ("targets", "only_file", None, "Substantial progress"),
        "sign_off": ("sign_off", "only_file", None, "A. Lead, Lead, 1 May 2026"),
        "previous": ("previous", "only_file", None, "Last year's answers, assessed 1 May 2025"),
    }
    labels = {e["key"]: e["label"] for e in plan["parts"]}
    assert labels["evidence.ALP-01"] == "Evidence for ALP-01" and labels["assignments.beta"] == "Who answers Beta theme"
    assert labels["targets.alpha"] == "Target tier for Alpha theme"


def test_a_file_of_another_council_is_named_before_anything_is_merged(mini_bank):
    """Issue 26, F6 (Import -> Merge): the plan says when the file is another council's, as the merge does."""
    here = make_assessment(
        mini_bank,
        "unitary",
        {"ALP-01": "yes"},
        council={"name": "Kent County Council", "type": "unitary", "code": "KEN"},
    )
    theirs = make_assessment(
        mini_bank,
        "unitary",
        {"BET-01": "no"},
        council={"name": "Tunbridge Wells Borough Council", "type": "unitary", "code": "TUN"},
    )
    plan = import_plan(mini_bank, here, load_assessment(theirs, mini_bank))
    assert plan["other_council"] == {
        "here": "Kent County Council (register code KEN)",
        "file": "Tunbridge Wells Borough Council (register code TUN)",
        "confirm": "TUN",
    }
    same = import_plan(mini_bank, here, load_assessment(here, mini_bank))
    assert same["other_council"] is None
