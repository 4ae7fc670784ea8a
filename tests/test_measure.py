"""The measure, hand-worked on a small bank (tests/fixtures/measure): doing less never scores
more, a legal duty not met caps the tier, unknown is not good, and risk is exposure x tier.

Weights: LED-01 (lead) 5, LED-02 (time, follow-up) 3, LED-03 (remit, follow-up) 3, LED-04 (legal
duty in England, none in Scotland) 4: 15 in all. LED-05 is local context, never scored.
"""

from __future__ import annotations

import pytest

from scorecard.engine import Bank, load_assessment, score_assessment
from tests.helpers import ROOT, compile_bank, make_assessment

BEST = {"LED-01": "yes", "LED-02": "dedicated", "LED-03": ["adults", "children"], "LED-04": "yes"}


@pytest.fixture(scope="module")
def bank() -> Bank:
    return Bank.from_dict(compile_bank(ROOT / "tests" / "fixtures" / "measure" / "questions"))


def lead(bank, answers, council_type="unitary"):
    result = score_assessment(bank, load_assessment(make_assessment(bank, council_type, answers), bank))
    return result, result["themes"][0]


def test_no_lead_scores_below_a_weak_lead_and_a_weak_lead_below_a_strong_one(bank):
    _, none = lead(bank, {"LED-01": "no", "LED-04": "yes"})  # follow-ups closed: not met, 4 of 15
    _, weak = lead(bank, {"LED-01": "yes", "LED-02": "none", "LED-03": ["none"], "LED-04": "yes"})  # 9 of 15
    _, strong = lead(bank, BEST)  # 15 of 15
    assert (none["score"], weak["score"], strong["score"]) == (26.7, 60.0, 100.0)
    assert (none["tier"], weak["tier"], strong["tier"]) == ("basic", "early", "mature")
    closed = {q["id"]: q.get("reason") for q in none["questions"]}
    assert closed["LED-02"] == closed["LED-03"] == "parent_closed"


def test_a_duty_not_met_caps_the_tier_and_is_named(bank):
    result, theme = lead(bank, dict(BEST, **{"LED-04": "no"}))
    assert theme["score"] == 73.3  # 11 of 15
    assert (theme["uncapped_tier"], theme["tier"], theme["gate_failed"]) == ("substantial", "early", True)
    assert theme["gates"] == [{"question": "LED-04", "law": "Test Act 2015, s52 (duty to notify)", "status": "not_met"}]
    assert result["overall"]["tier"] == "early" and result["overall"]["failed_gates"] == 1
    first = result["actions"][0]
    assert (first["question"], first["gates"], first["tier_after"]) == (
        "LED-04",
        ["Test Act 2015, s52 (duty to notify)"],
        "mature",
    )


def test_an_unanswered_duty_is_not_evidenced_and_caps_the_tier(bank):
    answers = dict(BEST)
    del answers["LED-04"]
    result, theme = lead(bank, answers)
    assert theme["gates"][0]["status"] == "not_evidenced" and theme["tier"] == "early" and theme["provisional"]
    assert result["actions"][0]["question"] == "LED-04" and result["actions"][0]["current"] == "Not answered"


def test_a_nation_without_the_duty_is_not_capped_and_reads_its_own_wording(bank):
    result, theme = lead(bank, dict(BEST, **{"LED-04": "no"}), council_type="scottish")
    assert theme["gates"] == [] and theme["tier"] == "substantial"
    assert result["council"]["nation"] == "scotland"
    assert {q["id"]: q.get("variant") for q in theme["questions"]}["LED-04"] == "scotland"
    assert bank.questions["LED-04"].wording("scotland").help == "Scotland has no such duty in force."


def test_unanswered_questions_cannot_raise_a_tier(bank):
    _, partial = lead(bank, {"LED-01": "yes", "LED-02": "dedicated", "LED-04": "yes"})
    _, full = lead(bank, dict(BEST, **{"LED-03": ["none"]}))
    # partial: 5 + 3 + 4 = 12 of 15, LED-03 not evidenced; answering it "none" gives the same
    assert partial["score"] == full["score"] == 80.0
    assert partial["provisional"] and not full["provisional"]


def test_risk_is_exposure_by_tier_and_not_rated_without_context(bank):
    weak = {"LED-01": "no", "LED-04": "yes"}  # basic
    _, unknown = lead(bank, weak)
    _, many = lead(bank, dict(weak, **{"LED-05": "many"}))
    _, none_known = lead(bank, dict(weak, **{"LED-05": "none"}))
    _, strong_many = lead(bank, dict(BEST, **{"LED-05": "many"}))
    assert (unknown["exposure"], unknown["risk"]) == (None, None)
    assert (many["exposure"], many["tier"], many["risk"]) == ("high", "basic", "high")
    assert (none_known["exposure"], none_known["risk"]) == ("low", "medium")
    assert (strong_many["tier"], strong_many["risk"]) == ("mature", "medium")
    assert many["score"] == unknown["score"]  # context never scores
    assert (
        unknown["context_needed"] == [{"question": "LED-05", "theme": unknown["id"]}] and many["context_needed"] == []
    )


def test_exposure_waits_for_context_asked_on_another_themes_page(real_bank):
    """Disruption's exposure also rests on licensing's premises and safeguarding's migration routes: which, and where."""

    def disruption(answers):
        result = score_assessment(
            real_bank, load_assessment(make_assessment(real_bank, "wales_principal", answers), real_bank)
        )
        return next(t for t in result["themes"] if t["id"] == "disruption")

    own = {"DIS-01": "about_average", "DIS-43": "minor_hub", "DIS-42": "occasional"}
    waiting = disruption(own)
    assert waiting["context_answered"] == waiting["context_asked"] == 2  # its own page's context is done
    assert (waiting["exposure"], waiting["context_needed"]) == (
        None,
        [{"question": "SAF-52", "theme": "safeguarding"}, {"question": "LIC-22", "theme": "licensing"}],
    )  # bank order
    rated = disruption(dict(own, **{"LIC-22": "some", "SAF-52": "one"}))
    assert rated["exposure"] is not None and rated["context_needed"] == []


def test_a_parents_gain_includes_the_follow_ups_it_opens(bank):
    result, theme = lead(bank, {"LED-01": "no", "LED-02": "dedicated", "LED-04": "yes", "LED-05": "many"})
    action = next(a for a in result["actions"] if a["question"] == "LED-01")
    # 5 + 3 + 3 of 15 = 73.3 points: basic -> mature, high -> medium risk
    assert action["gain"] == 73.3 and action["tier_after"] == "mature" and action["risk_after"] == "medium"
    assert action["guidance"][0] == "lead.md#name-a-lead"
    assert theme["score"] + action["gain"] == pytest.approx(100.0, abs=0.1)
