"""Hand-worked scoring examples on the small test bank (tests/fixtures/mini).

Each expected number is worked out in the comment beside it from the weights and option
scores in the fixture, so a change to the rules shows up as a failing sum, not a mystery.
"""

from __future__ import annotations

import random

import pytest

from scorecard.engine import Bank, load_assessment, score_assessment
from scorecard.testing import random_assessment

FULL = {"ALP-01": "yes", "ALP-02": "some", "ALP-03": ["front", "suppliers"], "ALP-04": "no"}


def theme(result, theme_id):
    return next(t for t in result["themes"] if t["id"] == theme_id)


def test_district_worked_example(mini_bank, assess):
    result = score_assessment(mini_bank, assess("district", FULL))
    alpha = theme(result, "alpha")
    # yes_no 2x1 + single 4x0.5 + multi 2x((0.5+1)/2.5) + yes_no 2x0 = 5.2 of 10
    assert alpha["score"] == 52.0
    # no local context questions in this bank: residual risk is not rated
    assert (alpha["tier"], alpha["risk"], alpha["provisional"]) == ("early", None, False)
    assert (alpha["asked"], alpha["answered"], alpha["coverage"]) == (4, 4, 1.0)
    beta = theme(result, "beta")
    # district councils are asked nothing in beta: not scored, not a zero
    assert (beta["asked"], beta["not_for_council_type"], beta["score"], beta["coverage"]) == (0, 2, None, None)
    assert result["overall"]["score"] == 52.0


def test_county_worked_example(mini_bank, assess):
    answers = dict(FULL, **{"BET-01": "yes", "BET-02": "never"})
    result = score_assessment(mini_bank, assess("county", answers))
    alpha, beta = theme(result, "alpha"), theme(result, "beta")
    # ALP-04 is not for counties: 5.2 of 8
    assert alpha["score"] == 65.0 and alpha["tier"] == "substantial"
    assert alpha["not_for_council_type"] == 1
    # 1x1 + 3x0 = 1 of 4
    assert beta["score"] == 25.0 and beta["tier"] == "basic"
    # theme weights alpha 1, beta 3, each times the share of the theme a county is asked: alpha 8 of the 10 a
    # district or unitary is asked (0.8), beta all of it (3): (65 x 0.8 + 25 x 3) / 3.8 = 33.4
    assert (alpha["overall_weight"], beta["overall_weight"]) == (0.8, 3.0)
    assert result["overall"]["score"] == 33.4 and result["overall"]["tier"] == "basic"


@pytest.mark.parametrize(
    "council_type,asked", [("county", 5), ("district", 4), ("unitary", 6), ("metropolitan", 6), ("london", 6)]
)
def test_each_council_type_asks_its_own_questions(mini_bank, assess, council_type, asked):
    answers = dict(FULL, **{"BET-01": "yes", "BET-02": "yearly"})
    result = score_assessment(mini_bank, assess(council_type, answers))
    assert sum(t["asked"] for t in result["themes"]) == asked


def test_not_applicable_leaves_the_denominator(mini_bank, assess):
    result = score_assessment(mini_bank, assess("district", {"ALP-01": "yes", "ALP-02": "n/a", "ALP-04": "yes"}))
    alpha = theme(result, "alpha")
    # ALP-02 n/a leaves the sum, and ALP-03 (depends on ALP-02) is not asked: 4 of 4
    assert alpha["score"] == 100.0
    assert (alpha["not_applicable"], alpha["not_asked"], alpha["asked"], alpha["coverage"]) == (1, 1, 3, 1.0)


def test_no_counts_against_the_score(mini_bank, assess):
    alpha = theme(
        score_assessment(mini_bank, assess("district", {"ALP-01": "no", "ALP-02": "none", "ALP-04": "no"})), "alpha"
    )
    assert alpha["score"] == 0.0 and alpha["tier"] == "basic"


def test_a_theme_with_less_than_half_its_weight_answered_is_not_rated(mini_bank, assess):
    alpha = theme(score_assessment(mini_bank, assess("district", {"ALP-01": "no"})), "alpha")
    # ALP-01 (2 of 10) answered; ALP-02 and its follow-up (6) and ALP-04 (2) not: 20 % of the weight
    assert (alpha["score"], alpha["answered_weight"], alpha["tier"], alpha["not_rated"]) == (
        0.0,
        0.2,
        None,
        "not_enough_answered",
    )
    assert alpha["rating_note"] == (
        "Not enough answered to rate: 1 of 3 questions answered (20% of the theme's weight; a tier needs 50%)."
    )


def test_the_overall_is_never_more_than_one_tier_above_the_weakest_theme(mini_bank, assess):
    answers = {"ALP-01": "no", "ALP-02": "none", "ALP-04": "no", "BET-01": "yes", "BET-02": "yearly"}
    result = score_assessment(mini_bank, assess("unitary", answers))
    # alpha 0 (basic), beta 100 (mature): (0 x 1 + 100 x 3) / 4 = 75, substantial by the score alone
    overall = result["overall"]
    assert (overall["score"], overall["tier_from_score"], overall["tier"], overall["caps"]) == (
        75.0,
        "substantial",
        "early",
        ["weakest_link"],
    )
    assert overall["weakest"] == {"theme": "alpha", "title": "Alpha theme", "tier": "basic", "score": 0.0}
    assert overall["weakest_note"] == "Weakest theme: Alpha theme (Basic first steps)"
    assert overall["rating_note"] == (
        "Held at Early progress by the weakest theme, Alpha theme (Basic first steps): the overall is never more "
        "than 1 tier above it (the score alone reaches Substantial progress)."
    )


def test_no_overall_tier_until_every_theme_is_rated(mini_bank, assess):
    result = score_assessment(mini_bank, assess("unitary", {"ALP-01": "yes", "BET-01": "yes", "BET-02": "yearly"}))
    overall = result["overall"]
    # alpha: 2 of 10 answered, not rated; the overall has a provisional score but no tier
    assert overall["score"] is not None and overall["tier"] is None and overall["provisional"]
    assert overall["not_rated"] == [{"theme": "alpha", "title": "Alpha theme", "why": "not_enough_answered"}]
    assert (
        overall["rating_note"] == "Overall not rated until every theme is: Alpha theme has not enough answered to rate."
    )


def test_unanswered_counts_as_not_evidenced(mini_bank, assess):
    alpha = theme(score_assessment(mini_bank, assess("district", {"ALP-01": "yes"})), "alpha")
    # asked: ALP-01, ALP-02, ALP-04, and ALP-03 waits for ALP-02; one answered: 2 of 10
    assert alpha["score"] == 20.0
    assert (alpha["answered"], alpha["unanswered"], alpha["coverage"]) == (1, 2, 0.3333)
    assert alpha["provisional"] is True and alpha["complete"] is False
    follow_up = next(q for q in alpha["questions"] if q["id"] == "ALP-03")
    assert (follow_up["status"], follow_up["reason"]) == ("not_asked", "parent_unanswered")


def test_leaving_weak_answers_out_does_not_pay(mini_bank, assess):
    """Answering only the strong questions cannot beat answering all of them honestly."""
    strong_only = theme(score_assessment(mini_bank, assess("district", {"ALP-01": "yes", "ALP-02": "all"})), "alpha")
    honest = theme(
        score_assessment(
            mini_bank, assess("district", {"ALP-01": "yes", "ALP-02": "all", "ALP-03": ["front"], "ALP-04": "no"})
        ),
        "alpha",
    )
    # strong only: 2 + 4 = 6 of 10; honest: 2 + 4 + 2x0.2 + 0 = 6.4 of 10
    assert (strong_only["score"], honest["score"]) == (60.0, 64.0)
    assert strong_only["provisional"] and not honest["provisional"]


def test_nothing_answered_is_not_scored(mini_bank, assess):
    result = score_assessment(mini_bank, assess("county", {}))
    assert all(t["score"] is None for t in result["themes"])
    assert result["overall"]["score"] is None and result["overall"]["coverage"] == 0.0
    assert result["overall"]["rating_note"] == (
        "Overall not rated until every theme is: Alpha theme has no answers; Beta theme has no answers."
    )
    # every question is still to answer: the heaviest first
    assert [(a["part"], a["question"]) for a in result["actions"]] == [
        ("to_answer", "ALP-02"),
        ("to_answer", "BET-02"),
        ("to_answer", "ALP-01"),
        ("to_answer", "BET-01"),
    ]
    assert [u["question"] for u in result["unanswered"]] == ["ALP-01", "ALP-02", "BET-01", "BET-02"]


@pytest.mark.parametrize(
    "choice,fraction",
    [
        ([], 0.0),
        (["none"], 0.0),
        (["front"], 0.2),
        (["managers", "suppliers"], 0.8),
        (["front", "managers", "suppliers"], 1.0),
    ],
)
def test_multi_select_fraction(mini_bank, assess, choice, fraction):
    result = score_assessment(mini_bank, assess("district", {"ALP-02": "all", "ALP-03": choice}))
    entry = next(q for q in theme(result, "alpha")["questions"] if q["id"] == "ALP-03")
    assert entry["fraction"] == fraction


@pytest.mark.parametrize("choice,score", [("none", 0.0), ("some", 25.0), ("all", 50.0)])
def test_single_choice_fraction(mini_bank, assess, choice, score):
    alpha = theme(score_assessment(mini_bank, assess("county", {"ALP-02": choice})), "alpha")
    # county: ALP-01 (2, unanswered), ALP-02 (4 x share), ALP-03 (2, closed or unanswered): 4 x share of 8
    assert alpha["score"] == score


def test_dependent_question_only_counts_when_condition_holds(mini_bank, assess):
    # ALP-03 answered, but ALP-02 is "none": ALP-03 is not asked and its answer is kept, unscored
    assessment = assess("district", {"ALP-02": "none", "ALP-03": ["front"]})
    alpha = theme(score_assessment(mini_bank, assessment), "alpha")
    assert {q["id"]: q["status"] for q in alpha["questions"]}["ALP-03"] == "not_asked"
    assert alpha["score"] == 0.0
    assert assessment.answers["ALP-03"] == ["front"]


def test_tier_and_risk_boundaries_come_from_the_rules(mini_bank):
    assert [mini_bank.tier_for(s).id for s in (0, 39.9, 40, 64.9, 65, 84.9, 85, 100)] == [
        "basic",
        "basic",
        "early",
        "early",
        "substantial",
        "substantial",
        "mature",
        "mature",
    ]
    assert [mini_bank.residual_risk("high", t.id) for t in mini_bank.tiers] == ["high", "high", "medium", "medium"]
    assert [mini_bank.residual_risk(e.id, "basic") for e in mini_bank.exposure_levels] == ["medium", "high", "high"]
    assert mini_bank.residual_risk(None, "mature") is None and mini_bank.residual_risk("low", None) is None


def test_action_list_is_prioritised_by_exact_gain(mini_bank, assess):
    result = score_assessment(mini_bank, assess("district", FULL))
    # gains over 10 points of weight: ALP-02 4x0.5 -> 20, ALP-04 2x1 -> 20, ALP-03 2x0.4 -> 8
    assert [(a["question"], a["gain"]) for a in result["actions"]] == [
        ("ALP-02", 20.0),
        ("ALP-04", 20.0),
        ("ALP-03", 8.0),
    ]
    first = result["actions"][0]
    assert first["priority"] == 1 and first["current"] == "Some staff" and first["best"] == "All staff"
    # the guidance for moving on from the theme's current tier (early)
    assert first["next_tier_guidance"] == "alpha.md#tier-early"
    assert first["guidance"] == ["alpha.md#training"]


def test_action_gain_is_what_the_score_really_gains(mini_bank, assess):
    before = theme(score_assessment(mini_bank, assess("district", FULL)), "alpha")["score"]
    after = theme(score_assessment(mini_bank, assess("district", dict(FULL, **{"ALP-02": "all"}))), "alpha")["score"]
    assert after - before == 20.0


def test_actions_across_themes_put_the_largest_gain_first(mini_bank, assess):
    answers = dict(FULL, **{"BET-01": "yes", "BET-02": "never"})
    result = score_assessment(mini_bank, assess("county", answers))
    # BET-02: 3 of 4 -> 75; ALP-02: 4x0.5 of 8 -> 25; ALP-03: 2x0.4 of 8 -> 10
    assert [(a["question"], a["gain"]) for a in result["actions"]] == [
        ("BET-02", 75.0),
        ("ALP-02", 25.0),
        ("ALP-03", 10.0),
    ]
    assert result["actions"][0]["next_tier_guidance"] == "beta.md#tier-basic"


def test_scoring_is_deterministic(mini_bank, assess):
    assessment = assess("london", FULL)
    assert score_assessment(mini_bank, assessment) == score_assessment(mini_bank, assessment)


def test_a_follow_up_written_before_its_question_is_scored_the_same(real_compiled):
    """The engine reads a question's parent first whatever the order of the bank file."""
    reordered = {**real_compiled, "themes": [{**t, "questions": t["questions"][::-1]} for t in real_compiled["themes"]]}
    in_order, reversed_bank = Bank.from_dict(real_compiled), Bank.from_dict(reordered)
    assert any(q.depends_on for q in reversed_bank.themes[0].questions[:-1])  # a follow-up now comes first
    rng = random.Random(7)
    for _ in range(50):
        data = random_assessment(in_order, rng)

        def statuses(bank, data=data):
            result = score_assessment(bank, load_assessment(data, bank))
            return {e["id"]: e for t in result["themes"] for e in t["questions"]}, [
                t["score"] for t in result["themes"]
            ]

        assert statuses(reversed_bank) == statuses(in_order)
