"""The measure, hand-worked on a small bank (tests/fixtures/measure): doing less never scores
more, a legal duty or an essential control not met caps the tier, a contradicted duty counts as
not met, a tier waits for evidence, unknown is not good, and risk is exposure x tier.

Weights: LED-01 (lead; an essential control) 5, LED-02 (time, follow-up) 3, LED-03 (remit,
follow-up) 3, LED-04 (legal duty in England from 1 November 2015, none in Scotland) 4: 15 in all.
LED-01's family (it and its follow-ups) weighs 11. LED-05 is local context, never scored. The bank
declares one contradiction: no lead (LED-01 "no") with every victim notified (LED-04 "yes").
Every cap is Basic first steps; a tier needs half the theme's weight answered.
"""

from __future__ import annotations

import pytest

from scorecard.engine import Bank, load_assessment, score_assessment
from tests.helpers import ROOT, compile_bank, make_assessment

LAW = "Test Act 2015, s52 (duty to notify)"
BEST = {"LED-01": "yes", "LED-02": "dedicated", "LED-03": ["adults", "children"], "LED-04": "yes"}
# documented, in-date evidence for the essential control and the duty: each counts as met only with it
DOCUMENTED = {"reference": "Lead's remit, cabinet report 12", "date": "2025-06-01", "strength": "documented"}
EVIDENCE = {"LED-01": DOCUMENTED, "LED-04": DOCUMENTED}


@pytest.fixture(scope="module")
def bank() -> Bank:
    return Bank.from_dict(compile_bank(ROOT / "tests" / "fixtures" / "measure" / "questions"))


def lead(bank, answers, council_type="unitary", evidence=None):
    data = make_assessment(bank, council_type, answers, evidence=EVIDENCE if evidence is None else evidence)
    result = score_assessment(bank, load_assessment(data, bank))
    return result, result["themes"][0]


def test_no_lead_scores_below_a_weak_lead_and_a_weak_lead_below_a_strong_one(bank):
    _, none = lead(bank, {"LED-01": "no", "LED-04": "yes"})  # follow-ups closed: not met, 4 of 15
    _, weak = lead(bank, {"LED-01": "yes", "LED-02": "none", "LED-03": ["none"], "LED-04": "yes"})  # 9 of 15
    _, strong = lead(bank, BEST)  # 15 of 15
    assert (none["score"], weak["score"], strong["score"]) == (26.7, 60.0, 100.0)
    assert (none["tier"], weak["tier"], strong["tier"]) == ("basic", "early", "mature")
    closed = {q["id"]: q.get("reason") for q in none["questions"]}
    assert closed["LED-02"] == closed["LED-03"] == "parent_closed"


def test_a_duty_not_met_holds_the_theme_at_basic_and_is_named(bank):
    result, theme = lead(bank, dict(BEST, **{"LED-04": "no"}))
    assert theme["score"] == 73.3  # 11 of 15: enough for substantial progress
    assert (theme["uncapped_tier"], theme["tier"], theme["caps"]) == ("substantial", "basic", ["duty_not_met"])
    assert theme["tier_note"] == "Legal duty not met"
    assert theme["gates"] == [{"question": "LED-04", "law": LAW, "status": "not_met", "in_force_from": "2015-11-01"}]
    assert result["overall"]["tier"] == "basic" and result["overall"]["failed_gates"] == 1
    assert result["overall"]["caps"] == ["duty_not_met"]
    first = result["actions"][0]
    assert (first["part"], first["question"], first["gates"], first["tier_after"]) == (
        "not_met",
        "LED-04",
        [LAW],
        "mature",
    )


def test_an_unanswered_duty_leaves_the_theme_unrated_and_comes_first_to_answer(bank):
    answers = dict(BEST)
    del answers["LED-04"]
    result, theme = lead(bank, answers)
    assert theme["gates"][0]["status"] == "not_evidenced"
    assert (theme["score"], theme["tier"], theme["risk"], theme["rated"]) == (73.3, None, None, False)
    assert theme["not_rated"] == "waiting" and theme["waiting_for"] == [{"question": "LED-04", "why": "duty"}]
    assert theme["rating_note"] == "Not rated until this is answered: LED-04 (a legal duty)."
    assert result["overall"]["tier"] is None and result["overall"]["score"] == 73.3
    first = result["actions"][0]
    assert (first["part"], first["question"], first["current"]) == ("to_answer", "LED-04", "Not answered")
    assert first["tier_after"] == "mature"  # answered yes, the theme is rated at its score's tier


def test_an_assessment_made_before_the_duty_came_into_force_is_not_marked_against_it(bank):
    data = make_assessment(
        bank, "unitary", dict(BEST, **{"LED-04": "no"}), assessment_date="2015-06-30", evidence=EVIDENCE
    )
    result = score_assessment(bank, load_assessment(data, bank))
    theme = result["themes"][0]
    assert theme["gates"] == [
        {"question": "LED-04", "law": LAW, "status": "not_in_force", "in_force_from": "2015-11-01"}
    ]
    assert (theme["tier"], theme["caps"]) == ("substantial", [])  # 73.3, no cap
    assert [a["part"] for a in result["actions"]] == ["gaps"]  # LED-04 is a gap, not a duty
    assert result["duties_by_date"] == [
        {
            "question": "LED-04",
            "theme": "lead",
            "law": LAW,
            "in_force_from": "2015-11-01",
            "status": "not_yet_in_force",
            "message": f"{LAW}: in force from 1 November 2015, after this assessment's date (30 June 2015), so this "
            "assessment is not marked against it. It applies to the next assessment.",
        }
    ]


def test_next_years_results_say_a_duty_is_new_since_last_year(bank):
    previous = {"assessment_date": "2015-06-30", "bank_version": bank.version, "answers": dict(BEST)}
    data = make_assessment(bank, "unitary", BEST, assessment_date="2016-06-30", previous=previous)
    duties = score_assessment(bank, load_assessment(data, bank))["duties_by_date"]
    assert [(d["status"], d["in_force_from"]) for d in duties] == [("new_since_last_year", "2015-11-01")]
    assert "new since last year's assessment (30 June 2015)" in duties[0]["message"]


def test_an_essential_control_missing_holds_the_theme_at_basic_and_comes_first(bank):
    # Scotland: no duty, so only the essential control (and the contradiction, listed without a duty)
    result, theme = lead(bank, {"LED-01": "no", "LED-04": "yes", "LED-05": "many"}, council_type="scottish")
    assert theme["essentials"] == [{"question": "LED-01", "control": "A named lead", "status": "not_met"}]
    assert (theme["tier"], theme["caps"], theme["tier_note"]) == (
        "basic",
        ["essential_not_met"],
        "Essential control not in place",
    )
    first = result["actions"][0]
    assert (first["part"], first["question"], first["essential"]) == ("not_met", "LED-01", "A named lead")
    assert result["contradictions"][0]["duty"] == ""  # no duty to put in doubt in Scotland


def test_a_contradicted_duty_counts_as_not_met_and_both_answers_are_shown(bank):
    result, theme = lead(bank, {"LED-01": "no", "LED-04": "yes"})
    assert theme["gates"][0]["status"] == "contradicted"
    assert theme["caps"] == ["duty_contradicted", "essential_not_met"]
    assert theme["tier_note"] == "Legal duty contradicted by another answer; Essential control not in place"
    assert result["contradictions"] == [
        {
            "id": "no-lead-but-notifies",
            "when": {"question": "LED-01", "theme": "lead", "answer": "No"},
            "claims": {"question": "LED-04", "theme": "lead", "answer": "Yes"},
            "themes": ["lead"],
            "message": "The council says it has no named lead (LED-01) yet that it notifies the authorities of every "
            "potential victim (LED-04); test content.",
            "duty": LAW,
        }
    ]
    # changing LED-01 resolves both: it comes first, as a duty's action, and names the law it puts in doubt
    first = result["actions"][0]
    assert (first["part"], first["question"], first["gates"]) == ("not_met", "LED-01", [LAW])


def test_a_theme_waits_for_the_answer_that_could_contradict_its_duty(bank):
    """In Scotland LED-01 is only an essential control; in England it also checks the duty's answer (named once)."""
    _, england = lead(bank, {"LED-04": "yes"})
    _, scotland = lead(bank, {"LED-04": "yes"}, council_type="scottish")
    assert england["waiting_for"] == scotland["waiting_for"] == [{"question": "LED-01", "why": "essential"}]
    answers = {"LED-01": "yes", "LED-02": "dedicated", "LED-03": ["adults"], "LED-04": "yes"}
    _, rated = lead(bank, answers)
    assert rated["waiting_for"] == [] and rated["rated"]


def test_a_theme_with_less_than_half_its_weight_answered_has_no_tier_and_no_risk(bank):
    result, theme = lead(bank, {"LED-04": "yes", "LED-05": "many"})
    # LED-01's family (11 of 15) is unanswered: 4 of 15 answered, 27 %
    assert (theme["score"], theme["answered_weight"], theme["tier"], theme["risk"]) == (26.7, 0.2667, None, None)
    assert theme["exposure"] == "high" and theme["provisional"]
    assert theme["rating_note"] == (
        "Not enough answered to rate: 1 of 2 questions answered (27% of the theme's weight; a tier needs 50%)."
    )
    assert (
        result["overall"]["rating_note"]
        == "Overall not rated until every theme is: Lead theme has not enough answered to rate."
    )


def test_follow_ups_count_with_their_question_towards_the_evidence_threshold(bank):
    # LED-01 answered yes, its follow-ups not: the family is answered (they wait on nothing), so the theme is rated
    _, theme = lead(bank, {"LED-01": "yes", "LED-04": "yes"})
    assert (theme["answered_weight"], theme["score"], theme["tier"]) == (1.0, 60.0, "early")


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


def test_a_parents_gain_is_its_own_and_its_follow_ups_are_shown_apart(bank):
    result, theme = lead(bank, {"LED-01": "no", "LED-02": "dedicated", "LED-04": "yes", "LED-05": "many"})
    action = next(a for a in result["actions"] if a["question"] == "LED-01")
    # LED-01 alone: 5 of 15 = 33.3 points, 26.7 -> 60.0: basic -> early (no cap left: the control is in place and the
    # contradiction resolved), high exposure at early: still high. Its follow-ups could add 3 + 3 of 15 = 40.0.
    assert (action["gain"], action["follow_up_gain"]) == (33.3, 40.0)
    assert (action["tier_after"], action["risk_after"]) == ("early", "high")
    assert action["guidance"][0] == "lead.md#name-a-lead"
    assert theme["score"] + action["gain"] + action["follow_up_gain"] == pytest.approx(100.0, abs=0.1)
