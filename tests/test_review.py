"""Review by a peer, by file (issue 28): a review file started from an assessment, marked and signed by a reviewer,
merged back by the lead, each challenge accepted (the answer changes, the reviewer named) or rejected (the lead's
reply kept); a review of another assessment, or a hostile one, is refused with a clear message and changes
nothing. Through the engine's operations and the command line, on a real council's file and the built-in bank."""

from __future__ import annotations

import copy
import csv
import datetime
import io
import json

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scorecard.bank_source.load import schema
from scorecard.engine import AssessmentError, load_assessment
from scorecard.engine.assessment import file_text
from scorecard.engine.merge import merge_assessments
from scorecard.engine.next_year import next_year
from scorecard.engine.operations import (
    board_report,
    review_decide,
    review_merge,
    review_start,
    review_status,
    score,
    sign_off,
    verify,
)
from tests.helpers import ROOT, check_result, run_cli

MEDWAY = ROOT / "examples" / "region" / "invented-medway-council-2026.json"
REVIEWER = {"name": "Rita Peer", "organisation": "Kent County Council", "date": "2026-02-10"}
TODAY = datetime.date.today().isoformat()


@pytest.fixture
def lead(real_bank):
    """Medway's invented answers, with dated evidence on its first two answers."""
    data = json.loads(MEDWAY.read_text(encoding="utf-8"))
    first, second = list(data["answers"])[:2]
    data["evidence"] = {
        first: {"reference": "Safeguarding policy v3", "date": "2025-09-01", "strength": "documented"},
        second: {"reference": "NRM referral audit", "date": "2025-10-01"},
    }
    return load_assessment(data, real_bank).to_dict()


def another_answer(bank, qid, value):
    """An answer to ``qid`` that the question offers and differs from ``value``."""
    question = bank.questions[qid]
    option = next(o.id for o in question.options if o.id != value and [o.id] != value)
    return [option] if question.type == "multi" else option


def marked(bank, lead_data, verified=True):
    """A signed review of the lead's file: agree with the first answer, challenge the second and the third."""
    review = review_start(bank, lead_data)["review"]
    first, second, third = list(lead_data["answers"])[:3]
    review["marks"] = {
        first: {"mark": "agree"},
        second: {
            "mark": "challenge",
            "comment": "The audit sampled 5 referrals; the policy says all.",
            "proposed": another_answer(bank, second, lead_data["answers"][second]),
        },
        third: {"mark": "challenge", "comment": "No record of this was shown to me."},
    }
    review["verified"] = [first] if verified else []
    review["sign_off"] = dict(REVIEWER)
    return review


def test_a_review_file_names_its_assessment_and_holds_only_the_marks(real_bank, lead):
    review = marked(real_bank, lead)
    jsonschema.Draft202012Validator(schema("review")).validate(review)
    assert review["assessment"]["council"] == {"name": "Medway Council", "code": "MDW", "ons_code": "E06000035"}
    assert set(review) == {"format", "format_version", "assessment", "marks", "verified", "sign_off"}


def test_merging_keeps_every_mark_opens_each_challenge_and_verifies_the_evidence_seen(real_bank, lead):
    review = marked(real_bank, lead)
    first, second, third = list(lead["answers"])[:3]
    merged = review_merge(real_bank, {"assessment": lead, "text": json.dumps(review)})
    data = merged["assessment"]
    assert data["answers"] == lead["answers"]  # nothing decided: no answer changes
    assert data["review_marks"][first] == {"mark": "agree", "reviewer": "Rita Peer", **_org_date()}
    assert data["review_marks"][second]["decision"] == "open"
    assert data["evidence"][first]["strength"] == "independently_verified"
    assert data["evidence"][first]["reviewer"] == "Rita Peer, Kent County Council"
    found = merged["peer_review"]
    assert (found["agreed"], found["challenged"], found["open"], found["verified"]) == (1, 2, 2, 1)
    assert [c["question"] for c in found["challenges"]] == [second, third]
    assert "2 challenges still open" in found["message"]
    check_result(score(real_bank, data)["result"])


def _org_date():
    return {"organisation": REVIEWER["organisation"], "date": REVIEWER["date"]}


def test_an_accepted_challenge_changes_the_answer_and_names_the_reviewer(real_bank, lead):
    review = marked(real_bank, lead)
    second = list(lead["answers"])[1]
    data = review_merge(real_bank, {"assessment": lead, "text": json.dumps(review), "accept": [second]})["assessment"]
    assert data["answers"][second] == review["marks"][second]["proposed"]
    assert data["provenance"][second]["by"] == "Rita Peer, Kent County Council (peer review)"
    assert data["review_marks"][second]["decision"] == "accepted"
    result = score(real_bank, data)["result"]
    assert result["peer_review"]["open"] == 1 and result["peer_review"]["accepted"] == 1
    # the challenge still says which answer it challenged, not the one that replaced it
    question = real_bank.questions[second]
    challenge = next(c for c in result["peer_review"]["challenges"] if c["question"] == second)
    assert (
        challenge["answer"] == question.label_of(lead["answers"][second]) != question.label_of(data["answers"][second])
    )
    assert f"challenged the answer \u201c{question.label_of(lead['answers'][second])}\u201d" in challenge["message"]


def test_a_rejected_challenge_keeps_the_lead_s_reply_and_the_answer(real_bank, lead):
    review = marked(real_bank, lead)
    second, third = list(lead["answers"])[1:3]
    merged = review_merge(real_bank, {"assessment": lead, "text": json.dumps(review)})["assessment"]
    reply = "The policy was changed in January; the audit predates it."
    decided = review_decide(real_bank, {"assessment": merged, "reject": {second: reply}, "by": "Ann Lead"})
    data = decided["assessment"]
    assert data["answers"][second] == lead["answers"][second]
    assert data["review_marks"][second] | {} == {**review["marks"][second], "reviewer": "Rita Peer", **_org_date()} | {
        "answer": lead["answers"][second],
        "decision": "rejected",
        "reply": reply,
    }
    assert data["provenance"][f"review_marks.{second}"]["by"] == "Ann Lead"
    challenge = next(c for c in decided["peer_review"]["challenges"] if c["question"] == second)
    assert challenge["message"].endswith(f"Rejected; the lead's reply: {reply}")
    with pytest.raises(AssessmentError, match="rejected already"):
        review_decide(real_bank, {"assessment": data, "accept": [second]})
    with pytest.raises(AssessmentError, match="needs the lead's reply"):
        review_decide(real_bank, {"assessment": data, "reject": {third: "  "}})


def test_an_open_challenge_appears_in_the_board_report(real_bank, lead, tmp_path):
    review = marked(real_bank, lead)
    third = list(lead["answers"])[2]
    data = review_merge(real_bank, {"assessment": lead, "text": json.dumps(review)})["assessment"]
    report = board_report(real_bank, data)["report"]
    assert "2 challenges still open" in report["peer_review"]
    line = next(c for c in report["annex_challenges"] if c["question"] == third)
    assert line["decision"] == "open"
    assert "No record of this was shown to me. Open: not yet accepted or rejected." in line["message"]
    (tmp_path / "merged.json").write_text(file_text(data), encoding="utf-8")
    ran = run_cli("report", "merged.json", "-o", "board.html", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    html = (tmp_path / "board.html").read_text(encoding="utf-8")
    assert "Peer review challenges" in html and "No record of this was shown to me. Open:" in html


def test_the_sign_off_digest_covers_the_review_marks(real_bank, lead):
    data = review_merge(real_bank, {"assessment": lead, "text": json.dumps(marked(real_bank, lead))})["assessment"]
    signer = {"name": "Ann Lead", "role": "Modern slavery lead", "date": TODAY}
    data["sign_off"] = sign_off(real_bank, {"assessment": data, "sign_off": signer})["sign_off"]
    assert verify(real_bank, data)["check"]["matches"] is True
    changed = copy.deepcopy(data)
    third = list(lead["answers"])[2]
    changed["review_marks"][third]["comment"] = "Seen after all."
    found = verify(real_bank, changed)["check"]
    assert found["matches"] is False and found["changed"] == ["review_marks"]
    assert "peer review marks" in found["message"]


def test_review_marks_merge_question_by_question_and_are_not_carried_into_next_year(real_bank, lead):
    review = marked(real_bank, lead)
    second = list(lead["answers"])[1]
    merged = review_merge(real_bank, {"assessment": lead, "text": json.dumps(review)})["assessment"]
    decided = review_decide(real_bank, {"assessment": merged, "reject": {second: "Disagree."}})["assessment"]
    outcome = merge_assessments(real_bank, [("lead.json", merged), ("copy.json", decided)])
    assert [c["key"] for c in outcome["conflicts"]] == [f"review_marks.{second}"]
    assert outcome["conflicts"][0]["label"] == f"{second} peer review mark"
    taken = merge_assessments(real_bank, [("lead.json", merged), ("copy.json", decided)], take={second: "copy.json"})
    assert taken["assessment"]["review_marks"][second]["reply"] == "Disagree."
    later = next_year(load_assessment(decided, real_bank), "2026-12-01")
    assert "review_marks" not in later


def test_the_cli_starts_merges_decides_and_reports_the_status(real_bank, lead, tmp_path):
    (tmp_path / "lead.json").write_text(file_text(lead), encoding="utf-8")
    ran = run_cli("review", "start", "lead.json", "-o", "review.json", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    started = json.loads((tmp_path / "review.json").read_text(encoding="utf-8"))
    review = marked(real_bank, lead)
    assert started == {**{k: v for k, v in review.items() if k != "sign_off"}, "marks": {}, "verified": []}
    (tmp_path / "review.json").write_text(json.dumps(review), encoding="utf-8")
    second, third = list(lead["answers"])[1:3]
    ran = run_cli("review", "merge", "lead.json", "review.json", "--accept", second, "-o", "merged.json", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert "1 challenge still open" in ran.stderr
    merged = json.loads((tmp_path / "merged.json").read_text(encoding="utf-8"))
    assert merged["answers"][second] == review["marks"][second]["proposed"]
    ran = run_cli("review", "status", "merged.json", cwd=tmp_path)
    assert ran.returncode == 3
    assert f"{third}: Rita Peer, Kent County Council challenged" in ran.stdout
    ran = run_cli("review", "decide", "merged.json", "--reject", third, "-o", "decided.json", cwd=tmp_path)
    assert ran.returncode == 2 and "--reply" in ran.stderr and not (tmp_path / "decided.json").exists()
    ran = run_cli(
        "review", "decide", "merged.json", "--reject", third, "--reply", "Shown on 3 March.", "-o", "decided.json",
        cwd=tmp_path,
    )  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    assert run_cli("review", "status", "decided.json", cwd=tmp_path).returncode == 0
    assert run_cli("review", "status", "lead.json", cwd=tmp_path).stdout.endswith("no peer review marks.\n")


def _changed(review, change):
    review = copy.deepcopy(review)
    change(review)
    return review


def _set(path, value):
    def change(review):
        *steps, last = path
        node = review
        for step in steps:
            node = node[step]
        node[last] = value

    return change


HOSTILE = {
    "wrong council": (_set(("assessment", "council"), {"name": "Kent County Council", "code": "KEC"}), "not of Medway"),
    "other bank version": (_set(("assessment", "bank_version"), "2019.1"), "question bank 2019.1"),
    "other answers": (_set(("assessment", "answers_digest"), "sha256:" + "0" * 64), "other answers"),
    "signed in the future": (_set(("sign_off", "date"), "2999-01-01"), "a date still to come"),
    "signed before the assessment": (_set(("sign_off", "date"), "2025-01-01"), "before the assessment's own date"),
    "forged date": (_set(("sign_off", "date"), "2026-02-30"), "sign_off.date is not a date"),
    "HTML in a comment": (_set(("marks", "SPC-02", "comment"), "<script>alert(1)</script>"), "holds markup"),
    "a control character in a comment": (_set(("marks", "SPC-02", "comment"), "ok\x1b[2J"), "control character"),
    "a line break in the reviewer's name": (_set(("sign_off", "name"), "Rita\nSigned: Chief Executive"), "line break"),
    "an answer the question does not offer": (_set(("marks", "SPC-02", "proposed"), "maybe"), "not one that SPC-02"),
    "an unknown question": (_set(("marks", "ZZZ-99"), {"mark": "agree"}), "'ZZZ-99' is not a question"),
    "evidence not recorded": (_set(("verified",), ["SPC-05"]), "SPC-05 has no evidence"),
    "not signed": (lambda r: r.pop("sign_off"), "the review is not signed"),
    "an assessment given as a review": (_set(("format",), "scorecard-assessment"), "this is not a review file"),
    "an extra part": (_set(("answers",), {"SPC-01": "yes"}), "which a review does not"),
}


@pytest.mark.parametrize("case", list(HOSTILE), ids=list(HOSTILE))
def test_a_hostile_review_is_refused_with_a_clear_message_and_changes_nothing(real_bank, lead, tmp_path, case):
    change, said = HOSTILE[case]
    assert list(lead["answers"])[1] == "SPC-02"  # the cases above name Medway's second answer
    review = _changed(marked(real_bank, lead), change)
    with pytest.raises(AssessmentError, match=said.replace("(", r"\(")):
        review_merge(real_bank, {"assessment": lead, "text": json.dumps(review), "accept": ["SPC-02"]})
    (tmp_path / "lead.json").write_text(file_text(lead), encoding="utf-8")
    (tmp_path / "review.json").write_text(json.dumps(review), encoding="utf-8")
    ran = run_cli("review", "merge", "lead.json", "review.json", "-o", "lead.json", cwd=tmp_path)
    assert ran.returncode == 2 and said in ran.stderr and "nothing was written" in ran.stderr
    assert json.loads((tmp_path / "lead.json").read_text(encoding="utf-8")) == lead


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)
PLACES = [("marks",), ("marks", "SPC-02"), ("marks", "SPC-02", "comment"), ("marks", "SPC-02", "proposed"),
          ("verified",), ("sign_off",), ("sign_off", "date"), ("assessment",), ("assessment", "council"),
          ("format_version",)]  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(junk=JSON, place=st.sampled_from(PLACES))
def test_junk_anywhere_in_a_review_is_refused_or_read_never_a_traceback(real_bank, lead, junk, place):
    """Any JSON in any part of a review file: refused with messages (and the assessment as it was), or read."""
    review = _changed(marked(real_bank, lead), _set(place, junk))
    before = copy.deepcopy(lead)
    try:
        merged = review_merge(real_bank, {"assessment": lead, "text": json.dumps(review)})
    except AssessmentError as error:
        assert error.problems and all(isinstance(p, str) and p for p in error.problems)
    else:
        assert load_assessment(merged["assessment"], real_bank)
    assert lead == before


@pytest.mark.parametrize(
    "decisions",
    [{"accept": [["SPC-02"]]}, {"accept": "SPC-02"}, {"reject": ["SPC-02"]}, {"accept": ["SPC-01"]}],
    ids=["a list in accept", "accept as text", "reject as a list", "an agreement accepted"],
)
def test_decisions_of_the_wrong_shape_are_refused_in_words(real_bank, lead, decisions):
    merged = review_merge(real_bank, {"assessment": lead, "text": json.dumps(marked(real_bank, lead))})["assessment"]
    with pytest.raises(AssessmentError) as refused:
        review_decide(real_bank, {"assessment": merged, **decisions})
    assert refused.value.problems[0].startswith(("decisions are the question ids", "SPC-01: the review does not"))


def test_review_status_of_a_file_without_marks(real_bank, lead):
    assert review_status(real_bank, lead) == {"peer_review": None}


def test_the_comparison_shows_each_council_s_evidence_in_shares_only(real_bank, lead):
    """Issue 28: the comparison carries evidence shares per council, and never the evidence's text."""
    from scorecard.engine.comparison import compare_files
    from scorecard.engine.contribution import make_contribution
    from scorecard.engine.csv_export import comparison_csv

    first, second, third = list(lead["answers"])[:3]
    data = copy.deepcopy(lead)
    data["evidence"][third] = {"reference": "Secret dip-sample", "date": "2025-11-01", "strength": "tested",
                               "result": "9 of 10 referred within 24 hours"}  # fmt: skip
    answered = sum(1 for v in data["answers"].values() if v != "n/a")
    comparison = compare_files(real_bank, [("medway.json", json.dumps(data))])
    evidence = comparison["rows"][0]["evidence"]
    assert evidence["with_evidence"] == 3 and evidence["answered"] == answered
    assert evidence["share"] == round(3 / answered, 4)
    # SPC-01 documented; SPC-02 has a reference and a date, so documented; SPC-03 tested
    assert evidence["strengths"] == {
        "asserted": 0.0,
        "documented": round(2 / 3, 4),
        "tested": round(1 / 3, 4),
        "independently_verified": 0.0,
    }
    assert comparison["evidence_strengths"]["independently_verified"] == "Independently verified"
    text = json.dumps(comparison) + comparison_csv(comparison)
    assert "Secret dip-sample" not in text and "9 of 10" not in text and "Safeguarding policy" not in text
    csv_rows = list(csv.DictReader(io.StringIO(comparison_csv(comparison).lstrip("\ufeff"))))
    assert csv_rows[0]["Evidence tested (% of evidence)"] == "33.3"
    data["sign_off"] = sign_off(
        real_bank, {"assessment": data, "sign_off": {"name": "A. Lead", "role": "Lead", "date": TODAY}}
    )["sign_off"]
    checked = load_assessment(data, real_bank)
    sent = make_contribution(real_bank, checked, score(real_bank, checked)["result"], [])
    from_contribution = compare_files(real_bank, [("c.json", json.dumps(sent))])["rows"][0]["evidence"]
    assert from_contribution["share"] == evidence["share"]
    assert set(from_contribution["strengths"].values()) == {None}  # a contribution carries no strengths


def test_the_comparison_report_tables_evidence_shares_and_hides_them_for_a_small_group(real_bank, lead, tmp_path):
    (tmp_path / "medway.json").write_text(file_text(lead), encoding="utf-8")
    ran = run_cli("compare", "medway.json", "--format", "html", "-o", "report.html", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    section = html[html.index("Evidence behind the answers") :]
    assert '<th scope="row">Medway Council</th><td>' in section and "Independently verified" in section
    from scorecard.engine.comparison import compare_files

    shared = compare_files(real_bank, [("medway.json", json.dumps(lead))], shareable=True)
    assert shared["rows"][0]["evidence"]["share"] is None  # a group of one: its figures are hidden
    assert set(shared["rows"][0]["evidence"]["strengths"].values()) == {None}


def test_importing_a_file_with_review_marks_lists_each_mark_to_choose(real_bank, lead):
    """The site's import says what would change, peer review marks included, so merging a file never drops one."""
    from scorecard.engine.operations import import_file

    merged = review_merge(real_bank, {"assessment": lead, "text": json.dumps(marked(real_bank, lead))})["assessment"]
    second = list(lead["answers"])[1]
    plan = import_file(real_bank, {"text": json.dumps(merged), "here": lead})["plan"]
    mark = next(p for p in plan["parts"] if p["key"] == f"review_marks.{second}")
    assert mark["label"] == f"Peer review mark on {second}" and mark["state"] == "only_file"
    assert mark["file"] == "Challenge by Rita Peer, Kent County Council, 10 February 2026 (open)"
