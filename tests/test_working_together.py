"""Working together (issue 25): a sign-off that shows later changes, a contributor's file recognised, the assignee's
answer suggested, and an import that never offers first to drop answers."""

from __future__ import annotations

import copy
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from scorecard.browser import BrowserApi
from scorecard.engine import load_assessment
from scorecard.engine.import_plan import import_plan
from scorecard.engine.merge import merge_assessments
from scorecard.engine.sharing import contributor_of, export_themes
from scorecard.engine.signing import check, sign
from tests.helpers import MINI, compile_bank, make_assessment

LEAD = {"ALP-01": "yes", "ALP-02": "some", "BET-01": "no"}


def lead_file(bank, **extra):
    data = make_assessment(bank, "unitary", dict(LEAD), assignments={"beta": "Dan Evans"}, **extra)
    data["provenance"] = {"ALP-01": {"at": "2026-04-01T09:00:00Z", "by": "Ann Lead"}}
    return data


def signed(bank, data):
    data = copy.deepcopy(data)
    data["sign_off"] = {"name": "Ann Lead", "role": "Modern slavery lead", "date": "2026-04-02"}
    data["sign_off"] = sign(load_assessment(data, bank))
    return data


def test_a_sign_off_records_what_was_signed_and_says_when_it_changed(mini_bank):
    data = signed(mini_bank, lead_file(mini_bank))
    assert data["sign_off"]["digest"].startswith("sha256:") and len(data["sign_off"]["digest"]) == 71
    assert check(load_assessment(data, mini_bank))["matches"] is True
    # the record of who changed what when, and who answers which theme, are not what was signed
    same = copy.deepcopy(data)
    same["provenance"]["ALP-02"] = {"at": "2026-05-01T09:00:00Z"}
    same["assignments"] = {"alpha": "Ann Lead"}
    assert check(load_assessment(same, mini_bank))["matches"] is True
    for change in (
        lambda d: d["answers"].update({"ALP-01": "no"}),
        lambda d: d["notes"].update({"ALP-01": "added later"}),
        lambda d: d.update({"evidence": {"ALP-01": {"reference": "Policy 3"}}}),
        lambda d: d.update({"action_plan": {"ALP-02": {"status": "in_progress"}}}),
        lambda d: d["council"].update({"name": "Another Council"}),
        lambda d: d["sign_off"].update({"role": "Chief executive"}),
    ):
        changed = copy.deepcopy(data)
        change(changed)
        found = check(load_assessment(changed, mini_bank))
        assert found["matches"] is False and found["message"].startswith("Changed since sign-off")


@settings(max_examples=30, deadline=None)
@given(st.dictionaries(st.sampled_from(["ALP-01", "BET-01"]), st.sampled_from(["yes", "no"])))
def test_the_digest_depends_on_the_answers_alone_not_on_their_order(mini_bank, answers):
    entry = {"name": "A", "role": "B", "date": "2026-04-02"}
    data = make_assessment(mini_bank, "unitary", answers, sign_off=dict(entry))
    reordered = make_assessment(mini_bank, "unitary", dict(reversed(list(answers.items()))), sign_off=dict(entry))
    first = sign(load_assessment(data, mini_bank))
    assert first == sign(load_assessment(reordered, mini_bank))
    data["sign_off"] = first
    assert check(load_assessment(data, mini_bank))["matches"] is True


def test_a_sign_off_from_before_digests_still_reads(mini_bank):
    data = lead_file(mini_bank, sign_off={"name": "A", "role": "B", "date": "2026-04-02"})
    found = check(load_assessment(data, mini_bank))
    assert found["signed"] is True and found["matches"] is None
    assert found["message"] == "Signed off without a digest, so there is nothing to check."


def test_the_browser_signs_off_through_the_engine(mini_bank):
    api = BrowserApi(json.dumps(compile_bank(MINI / "questions")))
    data = lead_file(mini_bank)
    entry = {"name": "A", "role": "B", "date": "2026-04-02"}
    reply = json.loads(api.call("sign_off", json.dumps({"assessment": data, "sign_off": entry})))
    data["sign_off"] = reply["sign_off"]
    result = json.loads(api.call("score", json.dumps(data)))["result"]
    assert result["sign_off_check"]["matches"] is True
    data["sign_off"]["digest"] = "sha256:nothex"
    # a malformed digest sets the sign-off aside (cycle.py: one bad entry never blocks the rest), and says why
    result = json.loads(api.call("score", json.dumps(data)))["result"]
    assert result["sign_off_check"]["signed"] is False
    aside = result["changes"]["entries_set_aside"]
    assert [e["key"] for e in aside] == ["sign_off"] and "digest" in aside[0]["problems"][0]


def dans_file(bank):
    """What Dan exports: the themes assigned to him, answered in his browser."""
    his = lead_file(bank)
    his["answers"]["BET-01"] = "yes"
    his["provenance"]["BET-01"] = {"at": "2026-04-03T10:00:00Z"}  # his name was never set: no "by"
    return export_themes(bank, his, ["beta"])


def test_a_contributors_file_is_recognised(mini_bank):
    assert contributor_of(mini_bank, dans_file(mini_bank)) == "Dan Evans"
    assert contributor_of(mini_bank, lead_file(mini_bank)) == ""  # answers beyond Dan's theme: the whole assessment
    assert contributor_of(mini_bank, make_assessment(mini_bank, "unitary", {"BET-01": "yes"})) == ""  # no assignments


def test_importing_a_contributors_file_suggests_merging_and_their_answers(mini_bank):
    here = lead_file(mini_bank)
    plan = import_plan(mini_bank, here, load_assessment(dans_file(mini_bank), mini_bank))
    assert plan["contributor"] == "Dan Evans" and plan["suggested_mode"] == "merge"
    suggested = {e["question"]: (e["state"], e["suggested"]) for e in plan["answers"]}
    assert suggested["BET-01"] == ("differ", "file")
    assert suggested["ALP-01"] == ("only_here", "here")
    # the lead's own full copy, nothing lost by replacing it: replace is offered first
    newer = lead_file(mini_bank)
    newer["answers"]["BET-02"] = "yearly"
    newer["assignments"] = {"alpha": "Ann Lead", "beta": "Dan Evans"}
    plan = import_plan(mini_bank, here, load_assessment(newer, mini_bank))
    assert plan["contributor"] == "" and plan["suggested_mode"] == "replace"
    # a file that lacks answers saved here: merge is offered first
    fewer = make_assessment(mini_bank, "unitary", {"ALP-01": "yes"})
    assert import_plan(mini_bank, here, load_assessment(fewer, mini_bank))["suggested_mode"] == "merge"


def test_a_merge_conflict_suggests_the_assignees_answer(mini_bank):
    files = [("This browser", json.dumps(lead_file(mini_bank))), ("dan.json", json.dumps(dans_file(mini_bank)))]
    merged = merge_assessments(mini_bank, files)
    (conflict,) = merged["conflicts"]
    assert conflict["key"] == "answers.BET-01" and conflict["assigned_to"] == "Dan Evans"
    assert conflict["suggested"] == "dan.json"
    files_summary = {f["name"]: f for f in merged["files"]}
    assert files_summary["dan.json"]["answered_themes"] == ["beta"]
    assert files_summary["dan.json"]["contributor"] == "Dan Evans"
    # with no assignment for the question, the first file (the lead's own) is suggested
    lead = lead_file(mini_bank)
    lead["answers"]["ALP-02"] = "all"
    other = lead_file(mini_bank)
    other.pop("assignments")
    conflicts = merge_assessments(mini_bank, [("mine", json.dumps(lead)), ("theirs", json.dumps(other))])["conflicts"]
    assert [(c["key"], c["suggested"]) for c in conflicts] == [("answers.ALP-02", "mine")]
