"""The yearly cycle in the engine, hand-worked on the small bank (tests/fixtures/mini).

Evidence completeness, the tier when planned actions are done, changes since last year, the
answers still to review, "start this year's assessment", and the file sections kept exactly.
Weights (alpha): ALP-01 yes_no 2, ALP-02 single 4 (none 0, some 0.5, all 1), ALP-03 multi 2
(front 0.5, managers 1, suppliers 1, none 0; asked when ALP-02 is some or all), ALP-04 yes_no 2
(licensing: districts and single tiers). Tiers: early from 40, substantial 65, mature 85.
"""

from __future__ import annotations

import json
import sys

import jsonschema
import pytest

from scorecard.bank_source.load import schema
from scorecard.engine import AssessmentError, load_assessment, score_assessment
from scorecard.engine.next_year import next_year
from tests.helpers import make_assessment

CYCLE = {
    "evidence": {
        "ALP-01": {"link": "https://intranet.example.gov.uk/msa-policy", "date": "2026-03-01"},
        "ALP-02": {"reference": "Training log 2026"},
    },
    "action_plan": {
        "ALP-01": {"owner": "Head of Legal", "due": "2027-03-31", "status": "in_progress", "note": "Drafted."},
        "ALP-04": {"status": "not_planned", "reason": "The county runs the checks."},
    },
    "sign_off": {"name": "Ann Lead", "role": "Modern slavery lead", "date": "2026-11-30"},
    "assignments": {"alpha": "Ann Lead", "ALP-04": "Lee Licensing"},
    "review": ["ALP-02"],
    "previous": {
        "assessment_date": "2025-11-01",
        "bank_version": "2000.1",
        "answers": {"ALP-01": "no", "ALP-02": "some", "ALP-03": ["front"]},
    },
}


def theme(result, theme_id):
    return next(t for t in result["themes"] if t["id"] == theme_id)


def district(mini_bank, answers, **sections):
    return load_assessment(make_assessment(mini_bank, "district", answers, **sections), mini_bank)


def test_every_section_is_kept_exactly_and_matches_the_schema(mini_bank):
    data = make_assessment(mini_bank, "district", {"ALP-01": "no", "ALP-02": "some"}, **json.loads(json.dumps(CYCLE)))
    jsonschema.Draft202012Validator(schema("assessment")).validate(data)
    written = load_assessment(data, mini_bank).to_dict()
    assert written == data
    assert load_assessment(written, mini_bank).to_dict() == data


def test_a_file_without_the_sections_is_written_without_them(mini_bank):
    data = make_assessment(mini_bank, "district", {"ALP-01": "yes"})
    assert set(load_assessment(data, mini_bank).to_dict()) == set(data)


def test_an_action_without_a_status_is_not_started(mini_bank):
    assessment = district(mini_bank, {}, action_plan={"ALP-01": {"owner": "Ann"}})
    assert assessment.to_dict()["action_plan"] == {"ALP-01": {"owner": "Ann", "status": "not_started"}}


def test_entries_for_a_replaced_question_move_with_its_answer(mini_bank):
    # ALP-03 replaces ALP-08 in the mini bank
    assessment = district(
        mini_bank,
        {"ALP-02": "some", "ALP-08": ["front"]},
        evidence={"ALP-08": {"reference": "Old log"}},
        review=["ALP-08"],
        action_plan={"ALP-08": {"owner": "Ann"}},
    )
    assert assessment.answers["ALP-03"] == ["front"]
    assert assessment.cycle.evidence == {"ALP-03": {"reference": "Old log"}}
    assert assessment.cycle.review == ["ALP-03"]
    assert "ALP-03" in assessment.cycle.action_plan


def test_entries_for_a_question_the_bank_does_not_know_are_kept_not_used(mini_bank):
    assessment = district(mini_bank, {"ALP-01": "yes"}, evidence={"ZZZ-01": {"reference": "Kept"}})
    assert assessment.to_dict()["evidence"] == {"ZZZ-01": {"reference": "Kept"}}
    assert score_assessment(mini_bank, assessment)["evidence"]["with_evidence"] == 0


def test_evidence_completeness_counts_answered_questions_with_evidence(mini_bank):
    assessment = district(
        mini_bank,
        {"ALP-01": "yes", "ALP-02": "n/a", "ALP-04": "no"},
        evidence={"ALP-01": {"reference": "Policy"}, "ALP-02": {"reference": "Not applicable because..."}},
    )
    result = score_assessment(mini_bank, assessment)
    # answered: ALP-01 and ALP-04 (n/a is not an answer that needs evidence); ALP-01 has evidence: 1 of 2
    none = {"count": 0, "share": None}
    strengths = {"asserted": {"count": 1, "share": 1.0}, "documented": {"count": 0, "share": 0.0}}
    strengths.update(tested={"count": 0, "share": 0.0}, independently_verified={"count": 0, "share": 0.0})
    # an undated reference from before strengths: asserted, so it does not count
    alpha = {"answered": 2, "with_evidence": 1, "share": 0.5, "evidenced": 0, "evidenced_share": 0.0, "stale": 0}
    assert theme(result, "alpha")["evidence"] == {**alpha, "strengths": strengths}
    assert theme(result, "beta")["evidence"] == {
        **{"answered": 0, "with_evidence": 0, "share": None, "evidenced": 0, "evidenced_share": None, "stale": 0},
        "strengths": dict.fromkeys(strengths, none),
    }
    assert result["evidence"] == {**alpha, "strengths": strengths}


def test_tier_when_planned_actions_are_done(mini_bank):
    answers = {"ALP-01": "no", "ALP-02": "none", "ALP-04": "no"}
    plan = {
        "ALP-01": {"status": "in_progress"},
        "ALP-02": {"status": "not_started"},
        "ALP-04": {"status": "not_planned", "reason": "County"},
    }
    result = score_assessment(mini_bank, district(mini_bank, answers, action_plan=plan))
    alpha = theme(result, "alpha")
    # now: 0 of 10 (ALP-03 closed by "none" counts as not met)
    assert (alpha["score"], alpha["tier"]) == (0.0, "basic")
    # planned: ALP-01 yes (2) + ALP-02 all (4) + the follow-up it opens, ALP-03, best (2) = 8 of 10;
    # ALP-04 is not planned and stays at 0
    assert alpha["planned"] == {
        "actions": 2,
        "done": 0,
        "score": 80.0,
        "tier": "substantial",
        "risk": None,
        "raises_tier": True,
    }
    assert theme(result, "beta")["planned"] is None


def test_planned_tier_ignores_not_planned_and_counts_done(mini_bank):
    plan = {"ALP-01": {"status": "done"}, "ALP-04": {"status": "not_planned", "reason": "County"}}
    answers = {"ALP-01": "no", "ALP-02": "all", "ALP-03": ["managers", "suppliers", "front"], "ALP-04": "no"}
    alpha = theme(score_assessment(mini_bank, district(mini_bank, answers, action_plan=plan)), "alpha")
    # now: ALP-02 4 + ALP-03 (0.5+1+1)/2.5 x 2 = 2 -> 6 of 10
    assert (alpha["score"], alpha["tier"]) == (60.0, "early")
    # ALP-01 is marked done but its answer was not updated: counted as done (yes, +2); ALP-04 not planned
    assert alpha["planned"] == {
        "actions": 1,
        "done": 1,
        "score": 80.0,
        "tier": "substantial",
        "risk": None,
        "raises_tier": True,
    }


def test_plan_entries_follow_the_action_order_and_keep_finished_ones(mini_bank):
    plan = {
        "ALP-04": {"owner": "Lee", "status": "not_started"},
        "ALP-01": {"owner": "Ann", "status": "done"},
        "ALP-02": {"owner": "Bo", "status": "in_progress"},
    }
    result = score_assessment(
        mini_bank,
        district(mini_bank, {"ALP-01": "yes", "ALP-02": "some", "ALP-03": ["front"], "ALP-04": "no"}, action_plan=plan),
    )
    order = [a["question"] for a in result["actions"]]
    entries = result["action_plan"]
    # ALP-01 is answered best: no longer an action, listed last with no priority, its owner kept
    assert [e["question"] for e in entries] == [q for q in order if q in plan] + ["ALP-01"]
    assert entries[-1] == {
        "question": "ALP-01",
        "theme": "alpha",
        "theme_title": "Alpha theme",
        "text": "Is there a named lead for this?",
        "current": "Yes",
        "priority": None,
        "owner": "Ann",
        "status": "done",
    }
    assert next(a for a in result["actions"] if a["question"] == "ALP-04")["plan"] == {
        "owner": "Lee",
        "status": "not_started",
    }


def test_changes_since_last_year(mini_bank):
    result = score_assessment(
        mini_bank, district(mini_bank, {"ALP-01": "yes", "ALP-02": "some", "ALP-03": ["front", "managers"]}, **CYCLE)
    )
    since = result["since_last_year"]
    assert since["available"] and since["assessment_date"] == "2025-11-01"
    # last year: ALP-01 no 0 + ALP-02 some 2 + ALP-03 front 0.4 = 2.4 of 10 = 24.0
    # now: 2 + 2 + (1.5/2.5)x2 = 1.2 -> 5.2 of 10 = 52.0
    alpha = next(t for t in since["themes"] if t["id"] == "alpha")
    assert (alpha["score_before"], alpha["score_now"], alpha["change"]) == (24.0, 52.0, 28.0)
    assert (alpha["tier_before"], alpha["tier_now"]) == ("basic", "early")
    assert [t["id"] for t in since["themes"]] == ["alpha"]  # beta is not asked of a district
    assert since["overall"]["change"] == 28.0
    changed = {q["question"]: (q["before"], q["after"], q["direction"]) for q in since["questions"]}
    assert changed == {"ALP-01": ("No", "Yes", "better"), "ALP-03": ("Front line", "Front line; Managers", "better")}


def test_an_answer_cleared_since_last_year_is_a_change(mini_bank):
    previous = {"answers": {"ALP-01": "yes", "ALP-04": "yes"}}
    result = score_assessment(mini_bank, district(mini_bank, {"ALP-01": "yes"}, previous=previous))
    assert [
        (q["question"], q["before"], q["after"], q["direction"]) for q in result["since_last_year"]["questions"]
    ] == [("ALP-04", "Yes", "Not answered", "changed")]


def test_last_year_named_by_file_only(mini_bank):
    result = score_assessment(
        mini_bank,
        district(
            mini_bank, {"ALP-01": "yes"}, previous={"file": "testshire-2025.json", "assessment_date": "2025-11-01"}
        ),
    )
    since = result["since_last_year"]
    assert since["available"] is False and since["file"] == "testshire-2025.json"


def test_last_year_answers_the_bank_no_longer_knows_are_shown_not_fatal(mini_bank):
    previous = {"answers": {"ALP-01": "perhaps", "ZZZ-01": "yes"}}
    since = score_assessment(mini_bank, district(mini_bank, {"ALP-01": "yes"}, previous=previous))["since_last_year"]
    assert since["available"] is True
    assert [(q["question"], q["before"], q["after"]) for q in since["questions"]] == [
        ("ALP-01", "perhaps (an answer this question no longer offers)", "Yes")
    ]
    assert since["set_aside"] == [{"question": "ZZZ-01", "answer": "yes"}]


def test_last_year_answers_that_cannot_be_read_are_reported_not_fatal(mini_bank):
    since = score_assessment(
        mini_bank, district(mini_bank, {"ALP-01": "yes"}, previous={"answers": {"ALP-01": {"a": 1}}})
    )["since_last_year"]
    assert since["available"] is False
    assert any(p.startswith("last year's answers: answers: ALP-01:") for p in since["problems"])


def test_last_years_answers_are_read_once_with_the_file(mini_bank, monkeypatch):
    """Read and checked as the file is (Cycle.last_year, or why not); scoring then only compares with them."""
    assessment_now = district(mini_bank, {"ALP-01": "yes"}, **CYCLE)
    last_year = assessment_now.cycle.last_year
    assert last_year.answers == CYCLE["previous"]["answers"] and last_year.assessment_date == "2025-11-01"
    assert (last_year.council.name, last_year.council.type) == ("Testshire", "district")
    assert assessment_now.cycle.last_year_problems == []
    assert "last_year" not in json.dumps(assessment_now.to_dict())  # read from "previous", never written
    unreadable = district(mini_bank, {}, previous={"answers": {"ALP-01": {"a": 1}}})
    assert (
        unreadable.cycle.last_year is None and unreadable.cycle.last_year_problems[0].code == "answer_not_an_option_id"
    )

    def read_again(*args):
        raise AssertionError("scoring read a file")

    for name, module in list(sys.modules.items()):  # however a module imported it
        if name.startswith("scorecard.engine") and hasattr(module, "load_assessment"):
            monkeypatch.setattr(module, "load_assessment", read_again)
    for detail in (True, False):
        score_assessment(mini_bank, assessment_now, detail=detail)
        score_assessment(mini_bank, unreadable, detail=detail)


def test_no_last_year_no_changes(mini_bank):
    assert score_assessment(mini_bank, district(mini_bank, {"ALP-01": "yes"}))["since_last_year"] is None


def test_review_lists_only_answers_neither_confirmed_nor_changed(mini_bank):
    previous = {"answers": {"ALP-01": "yes", "ALP-02": "some", "ALP-03": ["front", "managers"]}}
    # ALP-01 unchanged and still marked; ALP-02 changed (settled though still marked);
    # ALP-03 the same options in another order: unchanged
    assessment = district(
        mini_bank,
        {"ALP-01": "yes", "ALP-02": "all", "ALP-03": ["managers", "front"]},
        previous=previous,
        review=["ALP-01", "ALP-02", "ALP-03"],
    )
    review = score_assessment(mini_bank, assessment)["review"]
    assert [(r["question"], r["answer"]) for r in review] == [("ALP-01", "Yes"), ("ALP-03", "Managers; Front line")]


def test_next_year_copies_answers_marks_them_and_keeps_last_year(mini_bank):
    answers = {"ALP-01": "yes", "ALP-02": "some", "ALP-03": ["front"]}
    plan = {"ALP-02": {"owner": "Bo", "status": "in_progress"}, "ALP-04": {"owner": "Lee", "status": "done"}}
    last = district(
        mini_bank,
        answers,
        notes={"ALP-01": "In the policy."},
        action_plan=plan,
        evidence={"ALP-01": {"reference": "Policy"}},
        sign_off={"name": "Ann Lead", "role": "Lead", "date": "2026-04-02"},
        assignments={"alpha": "Ann Lead"},
        previous={"answers": {"ALP-01": "no"}},
        review=["ALP-01"],
    )
    data = next_year(last, "2026-11-30")
    assert data["assessment_date"] == "2026-11-30"
    assert data["answers"] == answers and data["notes"] == {"ALP-01": "In the policy."}
    assert data["evidence"] == {"ALP-01": {"reference": "Policy"}}
    assert data["review"] == ["ALP-01", "ALP-02", "ALP-03"]
    assert data["previous"] == {
        "assessment_date": "2026-04-01",
        "bank_version": "2000.1",
        "answers": answers,
        "notes": {"ALP-01": "In the policy."},
        "evidence": {"ALP-01": {"reference": "Policy"}},
    }
    assert data["action_plan"] == {
        "ALP-02": {"owner": "Bo", "status": "in_progress"}
    }  # the done action stays in last year's record
    assert "sign_off" not in data and data["assignments"] == {"alpha": "Ann Lead"}
    jsonschema.Draft202012Validator(schema("assessment")).validate(data)

    this_year = load_assessment(data, mini_bank)
    result = score_assessment(mini_bank, this_year)
    assert [r["question"] for r in result["review"]] == ["ALP-01", "ALP-02", "ALP-03"]
    assert result["since_last_year"]["questions"] == []
    assert [t["change"] for t in result["since_last_year"]["themes"]] == [0.0]
    # changing an answer settles its review and shows as a change
    data["answers"]["ALP-02"] = "all"
    result = score_assessment(mini_bank, load_assessment(data, mini_bank))
    assert [r["question"] for r in result["review"]] == ["ALP-01", "ALP-03"]
    assert [q["question"] for q in result["since_last_year"]["questions"]] == ["ALP-02"]


@pytest.mark.parametrize(
    "today,message",
    [
        ("2027/04/01", "today must be a date written YYYY-MM-DD"),
        ("2026-03-01", "cannot start (2026-03-01) before last year's was made (2026-04-01)"),
    ],
)
def test_next_year_refuses_a_bad_date(mini_bank, today, message):
    with pytest.raises(AssessmentError) as raised:
        next_year(district(mini_bank, {"ALP-01": "yes"}), today)
    assert message in raised.value.problems[0]


def test_next_year_from_the_command_line(tmp_path, mini_bank):
    from tests.helpers import MINI, run_cli

    (tmp_path / "2026.json").write_text(
        json.dumps(make_assessment(mini_bank, "district", {"ALP-01": "yes"})), encoding="utf-8"
    )
    ran = run_cli(
        "--questions",
        str(MINI / "questions"),
        "next-year",
        "2026.json",
        "--date",
        "2026-11-30",
        "-o",
        "2026-11.json",
        cwd=tmp_path,
    )
    assert ran.returncode == 0, ran.stderr
    data = json.loads((tmp_path / "2026-11.json").read_text(encoding="utf-8"))
    assert (data["assessment_date"], data["review"], data["previous"]["answers"]) == (
        "2026-11-30",
        ["ALP-01"],
        {"ALP-01": "yes"},
    )
    scored = run_cli("--questions", str(MINI / "questions"), "score", "2026-11.json", "--format", "json", cwd=tmp_path)
    assert json.loads(scored.stdout)["since_last_year"]["available"] is True


def test_results_with_every_yearly_part_match_the_result_schema(mini_bank, real_bank):
    import random

    from scorecard.testing import yearly_example
    from tests.helpers import check_result as check

    full = district(mini_bank, {"ALP-01": "no", "ALP-02": "some", "ALP-03": ["front"]}, **json.loads(json.dumps(CYCLE)))
    check(score_assessment(mini_bank, full))
    by_file = district(mini_bank, {"ALP-01": "yes"}, previous={"file": "last-year.json"})
    check(score_assessment(mini_bank, by_file))
    odd = district(mini_bank, {"ALP-01": "yes"}, previous={"answers": {"ALP-01": "perhaps", "ZZZ-01": "yes"}})
    check(score_assessment(mini_bank, odd))
    check(score_assessment(real_bank, load_assessment(yearly_example(real_bank, random.Random(3)), real_bank)))


def test_who_changed_the_yearly_parts_and_when_is_kept(mini_bank):
    at = {"at": "2026-11-02T10:15:00.000Z", "by": "Ann Lead"}
    provenance = {
        "ALP-01": at,
        "evidence.ALP-01": at,
        "action_plan.ALP-01": at,
        "review.ALP-02": at,
        "assignments.alpha": at,
        "assignments.ALP-04": at,
        "sign_off": at,
    }
    data = make_assessment(
        mini_bank,
        "district",
        {"ALP-01": "no", "ALP-02": "some"},
        **json.loads(json.dumps(CYCLE)),
        provenance=provenance,
    )
    jsonschema.Draft202012Validator(schema("assessment")).validate(data)
    assert load_assessment(data, mini_bank).to_dict()["provenance"] == provenance
    with pytest.raises(AssessmentError):
        load_assessment(dict(data, provenance={"previous": at}), mini_bank)  # last year's record is not edited here


def test_a_theme_pages_live_score_is_the_full_result_without_the_action_list(mini_bank, real_bank):
    """A theme page re-scores with score_assessment(actions=False) (browser.py's live_score): everything the full
    result holds, in the same order, but the action list, the unanswered list and the action plan."""
    import random

    from scorecard.testing import yearly_example

    with_plan = district(
        mini_bank, {"ALP-01": "no", "ALP-02": "some", "ALP-03": ["front"]}, **json.loads(json.dumps(CYCLE))
    )
    second_year = load_assessment(yearly_example(real_bank, random.Random(3)), real_bank)
    for bank, assessment in [(mini_bank, with_plan), (real_bank, second_year)]:
        full, live = score_assessment(bank, assessment), score_assessment(bank, assessment, actions=False)
        assert full["action_plan"] and full["actions"] and full["unanswered"] is not None
        assert list(live.items()) == [
            (k, v) for k, v in full.items() if k not in ("actions", "unanswered", "action_plan")
        ]
