"""Properties of scoring that hold for every valid assessment, checked with hypothesis.

Run on the mini bank, the measure bank and the built-in bank (each must validate: a bank that does
not fails these tests rather than skipping them). Assessments are random: any council type; each question answered with an
option id (a list of them for multi), "n/a" where allowed, null, or left out.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from scorecard.bank_source.load import load_bank
from scorecard.engine import NOT_APPLICABLE, Bank, load_assessment, score_assessment
from tests.helpers import MINI, ROOT, make_assessment

# no deadline: these are behaviour tests, not timing tests
SETTINGS = settings(
    deadline=None, suppress_health_check=[HealthCheck.too_slow]
)  # how many examples: the profile (conftest.py)
ABSENT = object()


MEASURE = ROOT / "tests" / "fixtures" / "measure"


@pytest.fixture(scope="module", params=["mini", "measure", "built-in"])
def bank(request) -> Bank:
    folder = {"mini": MINI, "measure": MEASURE, "built-in": ROOT}[request.param] / "questions"
    compiled, problems = load_bank(folder)
    if problems:  # a failure, not a skip: the properties are promised over the real bank
        pytest.fail(
            f"the {request.param} question bank does not validate ({len(problems)} problem(s); first: {problems[0]})"
        )
    return Bank.from_dict(compiled)


def answer_values(question) -> st.SearchStrategy:
    """An option (a list of them for multi) about half the time, else left out, null or n/a where allowed."""
    options = [o.id for o in question.options]
    others = [ABSENT, None] + ([NOT_APPLICABLE] if question.allow_na else [])
    if question.type == "multi":
        alone = question.exclusive_options  # "None of these": given on its own, as the form gives it
        given_answer = st.lists(st.sampled_from(options), unique=True).map(
            lambda chosen: chosen if len(chosen) < 2 else [o for o in chosen if o not in alone]
        )
        return st.one_of([given_answer, given_answer, *map(st.just, others)])
    # one draw per question, not two: generating the built-in bank's files is most of these tests' time
    return st.sampled_from(options + others * max(1, len(options) // len(others)))


ANSWERS: dict[int, st.SearchStrategy] = {}  # per bank: strategies are built once, not for every example


@st.composite
def assessment_files(draw, bank: Bank) -> dict[str, Any]:
    council_type = draw(st.sampled_from(sorted(bank.council_types)))
    if id(bank) not in ANSWERS:
        ANSWERS[id(bank)] = st.fixed_dictionaries({q.id: answer_values(q) for q in bank.questions.values()})
    answers = {qid: value for qid, value in draw(ANSWERS[id(bank)]).items() if value is not ABSENT}
    return make_assessment(bank, council_type, answers)


def score(bank: Bank, data: dict[str, Any]) -> dict[str, Any]:
    return score_assessment(bank, load_assessment(data, bank))


def entries(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every question's entry (status, and fraction when answered), across all themes."""
    return {entry["id"]: entry for theme in result["themes"] for entry in theme["questions"]}


def theme_of(result: dict[str, Any], theme_id: str) -> dict[str, Any]:
    return next(theme for theme in result["themes"] if theme["id"] == theme_id)


def with_answer(data: dict[str, Any], qid: str, value: Any) -> dict[str, Any]:
    return {**data, "answers": {**data["answers"], qid: value}}


def dependents(bank: Bank, qid: str) -> set[str]:
    """Questions that (directly or through others) are only asked after qid."""
    found, frontier = set(), {qid}
    while frontier:
        frontier = {q.id for q in bank.questions.values() if q.depends_on in frontier} - found
        found |= frontier
    return found


def improvements(bank: Bank, qid: str, value: Any) -> list[Any]:
    """Answers that score higher than value: a better option, or one more positively scored option (which clears
    "None of these", as the form does)."""
    question = bank.questions[qid]
    if question.type == "multi":
        kept = [v for v in value if v not in question.exclusive_options]
        return [kept + [o.id] for o in question.options if o.score > 0 and o.id not in value]
    return [o.id for o in question.options if o.score > question.option_scores[value]]


@SETTINGS
@given(data=st.data())
def test_scores_and_coverage_are_in_range(bank, data):
    result = score(bank, data.draw(assessment_files(bank)))
    for part in [*result["themes"], result["overall"]]:
        assert part["score"] is None or 0 <= part["score"] <= 100
        assert part["coverage"] is None or 0 <= part["coverage"] <= 1
    for theme in result["themes"]:
        # a theme is scored exactly when something in it was answered (or answered not applicable)
        assert (theme["score"] is None) == (
            theme["answered"] + theme["not_applicable"] == 0 or not theme["weight_possible"]
        )
        assert theme["asked"] == theme["answered"] + theme["not_applicable"] + theme["unanswered"]
        assert all(0 <= entry["fraction"] <= 1 for entry in theme["questions"] if "fraction" in entry)
    assert all(0 < action["gain"] <= 100 for action in result["actions"])
    parts = ["not_met", "gaps", "to_answer"]
    order = [parts.index(a["part"]) for a in result["actions"]]
    assert order == sorted(order)  # duties and controls not met, then gaps, then questions to answer


@SETTINGS
@given(data=st.data())
def test_no_unanswered_question_ranks_above_an_answered_one(bank, data):
    """The action list's third part holds exactly the unanswered questions, and comes last; within it the
    legal duties, essential controls and checks on a duty's answer come first."""
    result = score(bank, data.draw(assessment_files(bank)))
    status = entries(result)
    answered_seen_after_unanswered = False
    unanswered_seen = False
    for action in result["actions"]:
        answered = status[action["question"]]["status"] == "answered"
        assert (action["part"] == "to_answer") == (not answered), action
        if answered and unanswered_seen:
            answered_seen_after_unanswered = True
        unanswered_seen = unanswered_seen or not answered
    assert not answered_seen_after_unanswered
    waits = {w["question"] for t in result["themes"] for w in t["waiting_for"]}
    firsts = [a["question"] in waits for a in result["actions"] if a["part"] == "to_answer"]
    assert firsts == sorted(firsts, reverse=True)


@SETTINGS
@given(data=st.data())
def test_the_overall_tier_is_never_more_than_one_above_the_weakest_theme(bank, data):
    """The weakest link: the overall tier exists only when every theme that applies is rated, and is never
    more than rules.weakest_link tiers above the weakest of them, which is named."""
    result = score(bank, data.draw(assessment_files(bank)))
    tiers = [t.id for t in bank.tiers]
    overall = result["overall"]
    applying = [t for t in result["themes"] if (t["asked"] or t["not_asked"]) and t["weight_possible"]]
    rated = [t for t in applying if t["rated"]]
    if overall["tier"] is None:
        assert not applying or len(rated) < len(applying) or overall["score"] is None
        return
    assert len(rated) == len(applying)
    weakest = min(tiers.index(t["tier"]) for t in rated)
    assert tiers.index(overall["tier"]) <= weakest + bank.weakest_link
    assert tiers.index(overall["weakest"]["tier"]) == weakest


@SETTINGS
@given(data=st.data())
def test_under_the_evidence_threshold_a_theme_has_no_tier_and_no_risk(bank, data):
    """Evidence before a tier: less than the threshold of a theme's weight answered, or a duty, an essential
    control or a check on a duty still unanswered, and the theme has no tier and no residual risk."""
    result = score(bank, data.draw(assessment_files(bank)))
    for theme in result["themes"]:
        short = theme["answered_weight"] is not None and theme["answered_weight"] < bank.min_answered_weight
        if short or theme["waiting_for"] or theme["score"] is None:
            assert theme["tier"] is None and theme["risk"] is None and not theme["rated"], theme
            assert theme["rating_note"] or not theme["weight_possible"]
        unanswered = [g for g in theme["gates"] if g["status"] == "not_evidenced"]
        unanswered += [e for e in theme["essentials"] if e["status"] == "not_evidenced"]
        if unanswered:
            assert not theme["rated"]


def best_of(question) -> Any:
    return (
        [o.id for o in question.options if o.score > 0]
        if question.type == "multi"
        else question.options[max(range(len(question.options)), key=lambda i: question.options[i].score)].id
    )


@st.composite
def nearly_best_files(draw, bank: Bank) -> dict[str, Any]:
    """Every question the council is asked answered: most with their best option, one theme's with their worst.
    Every theme is then rated and one lags behind, so the weakest-link rule has something to hold."""
    council_type = draw(st.sampled_from(sorted(bank.council_types)))
    ctype = bank.council_types[council_type]
    asked = bank.asked_of(ctype.nation, ctype.functions)
    weak = draw(st.sampled_from(sorted({q.theme for q in asked if q.kind != "context"})))
    answers = {}
    for question in asked:
        options = [o.id for o in question.options]
        if question.kind == "context":
            answers[question.id] = draw(st.sampled_from(options))
        elif question.theme == weak:
            answers[question.id] = worst(question)
        elif question.type == "multi":
            answers[question.id] = best_of(question)
        else:
            answers[question.id] = draw(st.sampled_from([best_of(question)] * 3 + options))
    return make_assessment(bank, council_type, answers)


@SETTINGS
@given(data=st.data())
def test_with_every_theme_rated_the_weakest_one_holds_the_overall(bank, data):
    """Every theme rated: the overall tier is the score's, held at one above the weakest theme's and at any
    theme with a legal duty not met, and never above either."""
    result = score(bank, data.draw(nearly_best_files(bank)))
    tiers = [t.id for t in bank.tiers]
    overall = result["overall"]
    applying = [t for t in result["themes"] if (t["asked"] or t["not_asked"]) and t["weight_possible"]]
    assert all(t["rated"] for t in applying), [t["rating_note"] for t in applying if not t["rated"]]
    expected = min(
        tiers.index(overall["tier_from_score"]),
        min(tiers.index(t["tier"]) for t in applying) + bank.weakest_link,
        *(tiers.index(t["tier"]) for t in applying if any(c.startswith("duty_") for c in t["caps"])),
    )
    assert tiers.index(overall["tier"]) == expected


def worst(question) -> Any:
    return [] if question.type == "multi" else min(question.options, key=lambda o: o.score).id


@SETTINGS
@given(data=st.data())
def test_an_essential_control_or_a_duty_at_its_worst_caps_the_theme(bank, data):
    """Any rated theme with a legal duty (in force) or an essential control answered at its worst is at or
    below the cap, whatever else is answered; and the overall is never above it for a duty."""
    if not any(q.essential or q.gate or any(w.gate for w in q.variants.values()) for q in bank.questions.values()):
        pytest.skip("no legal duty or essential control in this bank")
    # a random file, or one with every question answered (mostly best), where the theme is rated and scores high
    file = data.draw(st.one_of(nearly_best_files(bank), nearly_best_files(bank), assessment_files(bank)))
    ctype = bank.council_types[file["council"]["type"]]
    asked = bank.asked_of(ctype.nation, ctype.functions)
    controls = sorted(q.id for q in asked if q.essential is not None)
    duties = sorted(q.id for q in asked if q.wording(ctype.nation).gate is not None)
    assume(controls or duties)
    qid = data.draw(
        st.sampled_from(controls or duties)
        if not (controls and duties)
        else st.sampled_from(controls) | st.sampled_from(duties)
    )
    question = bank.questions[qid]
    result = score(bank, with_answer(file, qid, worst(question)))
    theme = theme_of(result, question.theme)
    tiers = [t.id for t in bank.tiers]
    gate = question.wording(ctype.nation).gate
    in_force = gate is not None and (gate.in_force.get(ctype.nation) or "") <= file["assessment_date"]
    cap = bank.gate_tier_cap.id if in_force else bank.essential_tier_cap.id
    if gate is not None and not in_force and question.essential is None:
        return  # a duty not yet in force at the assessment's date decides nothing
    if theme["tier"] is not None:
        assert tiers.index(theme["tier"]) <= tiers.index(cap), theme
        assert theme["tier_note"]
    if in_force and result["overall"]["tier"] is not None:
        assert tiers.index(result["overall"]["tier"]) <= tiers.index(theme["tier"])


@SETTINGS
@given(data=st.data())
def test_scoring_is_deterministic_and_round_trips(bank, data):
    file = data.draw(assessment_files(bank))
    result = score(bank, file)
    assert score(bank, file) == result
    assert json.loads(json.dumps(result)) == result
    # the order answers are written in does not matter
    shuffled = dict(data.draw(st.permutations(list(file["answers"].items()))))
    assert score(bank, {**file, "answers": shuffled}) == result
    # saving and loading the assessment again gives the same result
    saved = json.loads(json.dumps(load_assessment(file, bank).to_dict()))
    assert score(bank, saved) == result


def assert_no_worse(bank: Bank, before: dict[str, Any], after: dict[str, Any]) -> None:
    """Every score, tier and residual risk in after is at least as good as in before."""
    tier = {t.id: i for i, t in enumerate(bank.tiers)}
    risk = {r.id: i for i, r in enumerate(bank.risk_levels)}
    for old, new in [*zip(before["themes"], after["themes"], strict=True), (before["overall"], after["overall"])]:
        if old["score"] is not None:
            assert new["score"] is not None and new["score"] >= old["score"], (old, new)
        if old["tier"] is not None:
            assert new["tier"] is not None and tier[new["tier"]] >= tier[old["tier"]], (old, new)
        if old["risk"] is not None and new["risk"] is not None:
            assert risk[new["risk"]] <= risk[old["risk"]], (old, new)


@SETTINGS
@given(data=st.data())
def test_a_better_answer_never_lowers_any_score_tier_or_risk(bank, data):
    """Monotonic by construction: follow-ups a better answer opens or closes count either way."""
    file = data.draw(assessment_files(bank))
    before = score(bank, file)
    answered = [qid for qid, entry in entries(before).items() if entry["status"] == "answered"]
    choices = [(qid, better) for qid in answered for better in improvements(bank, qid, file["answers"][qid])]
    assume(choices)
    qid, better = data.draw(st.sampled_from(choices))
    after = score(bank, with_answer(file, qid, better))
    assert entries(after)[qid]["fraction"] > entries(before)[qid]["fraction"]
    assert_no_worse(bank, before, after)


@SETTINGS
@given(data=st.data())
def test_answering_a_question_never_scores_below_leaving_it_unanswered(bank, data):
    """Unknown is not good: an unanswered question cannot raise a score, a tier or lower a risk."""
    file = data.draw(assessment_files(bank))
    answered = sorted(
        qid
        for qid, v in file["answers"].items()
        if v is not None and v != NOT_APPLICABLE and bank.questions[qid].kind != "context"
    )
    assume(answered)
    qid = data.draw(st.sampled_from(answered))
    blank = {**file, "answers": {k: v for k, v in file["answers"].items() if k != qid}}
    assert_no_worse(bank, score(bank, blank), score(bank, file))


@SETTINGS
@given(data=st.data())
def test_a_closing_answer_never_beats_an_opening_one_with_the_weakest_follow_ups(bank, data):
    """No parent-"no" inversion: "no lead" never outscores "a lead" with the weakest details."""
    parents = sorted({q.depends_on for q in bank.questions.values() if q.depends_on})
    assume(parents)
    file = data.draw(assessment_files(bank))
    parent = bank.questions[data.draw(st.sampled_from(parents))]
    children = [q for q in bank.questions.values() if q.depends_on == parent.id]
    opening = [o for o in parent.options if o.id in children[0].depends_answer_in]
    closing = [o for o in parent.options if o.id not in children[0].depends_answer_in]
    assume(closing)
    closed = with_answer(file, parent.id, data.draw(st.sampled_from(closing)).id)
    opened = with_answer(file, parent.id, min(opening, key=lambda o: o.score).id)
    for child in children:
        weakest = [] if child.type == "multi" else min(child.options, key=lambda o: o.score).id
        opened = with_answer(opened, child.id, weakest)
    assert_no_worse(bank, score(bank, closed), score(bank, opened))


@SETTINGS
@given(data=st.data())
def test_a_duty_not_met_caps_the_tier(bank, data):
    result = score(bank, data.draw(assessment_files(bank)))
    cap = [t.id for t in bank.tiers].index(bank.gate_tier_cap.id)
    tiers = [t.id for t in bank.tiers]
    for theme in result["themes"]:
        if any(g["status"] in ("not_met", "contradicted") for g in theme["gates"]) and theme["tier"] is not None:
            assert tiers.index(theme["tier"]) <= cap
            assert tiers.index(result["overall"]["tier"] or tiers[0]) <= tiers.index(theme["tier"])


@SETTINGS
@given(data=st.data())
def test_the_top_action_gains_what_it_says(bank, data):
    """Its answer alone made best raises the theme by its gain, to the tier it says (what its follow-ups could add
    is its follow_up_gain, apart)."""
    file = data.draw(assessment_files(bank))
    before = score(bank, file)
    assume(before["actions"])
    action = before["actions"][0]
    question = bank.questions[action["question"]]
    best = (
        [o.id for o in question.options if o.score > 0]
        if question.type == "multi"
        else max(question.options, key=lambda o: o.score).id
    )
    # that answer alone: the follow-ups it opens are left unanswered (count 0), whatever the file kept for them
    kept = {q for q in dependents(bank, question.id) if entries(before)[q]["status"] == "not_asked"}
    alone = {**file, "answers": {k: v for k, v in file["answers"].items() if k not in kept}}
    after = score(bank, with_answer(alone, question.id, best))
    gained = theme_of(after, action["theme"])["score"] - (theme_of(before, action["theme"])["score"] or 0)
    assert abs(gained - action["gain"]) <= 0.15  # each of the three figures is rounded to one decimal
    theme_after = theme_of(after, action["theme"])
    if action["tier_after"] is not None:
        assert theme_after["tier"] == action["tier_after"], (action, theme_after)


@SETTINGS
@given(data=st.data())
def test_not_applicable_changes_only_that_question_and_its_follow_ups(bank, data):
    nas = sorted(q.id for q in bank.questions.values() if q.allow_na)
    assume(nas)
    file = data.draw(assessment_files(bank))
    qid = data.draw(st.sampled_from(nas))
    before, after = entries(score(bank, file)), entries(score(bank, with_answer(file, qid, NOT_APPLICABLE)))
    followers = dependents(bank, qid)
    for other in before:
        if other != qid and other not in followers:
            assert after[other] == before[other], other
    ctype = bank.council_types[file["council"]["type"]]
    if bank.questions[qid].asked_of(ctype.nation, ctype.functions) and after[qid]["status"] == "not_applicable":
        for follower in followers:
            assert after[follower]["status"] in ("not_asked", "not_for_council_type")


@SETTINGS
@given(data=st.data())
def test_the_bulk_path_gives_the_same_figures(bank, data):
    """score_assessment(detail=False), used for comparisons, drops only the per-question detail."""
    assessment = load_assessment(data.draw(assessment_files(bank)), bank)
    full, lean = score_assessment(bank, assessment), score_assessment(bank, assessment, detail=False)
    assert lean["overall"] == full["overall"]
    assert lean["themes"] == [{k: v for k, v in theme.items() if k != "questions"} for theme in full["themes"]]
    detail_only = (
        "themes",
        "actions",
        "unanswered",
        "contradictions",
        "duties_by_date",
        "labels",
        "evidence",
        "action_plan",
        "sign_off",
        "sign_off_check",
        "since_last_year",
        "review",
        "peer_review",
        "indicators",
    )
    assert {k: v for k, v in full.items() if k not in detail_only} == {k: v for k, v in lean.items() if k != "themes"}


@SETTINGS
@given(data=st.data())
def test_the_bulk_path_gives_the_same_figures_with_the_yearly_parts(bank, data):
    """The same, for files with evidence, an action plan and corrected functions: the summary takes
    shortcuts when a file has none of them (engine/tables.py, cycle.py), so both kinds are checked."""
    file = data.draw(assessment_files(bank))
    ids = sorted(bank.questions)
    if data.draw(st.booleans()):
        file["council"]["functions"] = data.draw(st.lists(st.sampled_from(sorted(bank.functions)), unique=True))
    file["evidence"] = {
        q: {"reference": "Cabinet report 14"}
        for q in data.draw(st.lists(st.sampled_from(ids), unique=True, max_size=8))
    }
    statuses = st.sampled_from(["not_started", "in_progress", "done", "not_planned"])
    file["action_plan"] = {
        q: (lambda s: {"status": s, "reason": "Covered by the county."} if s == "not_planned" else {"status": s})(
            data.draw(statuses)
        )
        for q in data.draw(st.lists(st.sampled_from(ids), unique=True, max_size=6))
    }
    assessment = load_assessment(file, bank)
    full, lean = score_assessment(bank, assessment), score_assessment(bank, assessment, detail=False)
    assert lean["overall"] == full["overall"] and lean["council"] == full["council"]
    assert lean["themes"] == [{k: v for k, v in theme.items() if k != "questions"} for theme in full["themes"]]


@SETTINGS
@given(data=st.data())
def test_answers_checked_in_one_step_are_those_the_full_check_accepts(bank, data):
    """tables.all_accepted (every answer of a file at once, the common case) says yes exactly when
    each answer is one its question accepts; a no sends the file through the checks that say why."""
    from scorecard.engine.tables import all_accepted

    questions = sorted(bank.questions.values(), key=lambda q: q.id)
    raw = {}
    for question in data.draw(st.lists(st.sampled_from(questions), unique_by=lambda q: q.id, max_size=12)):
        options = [o.id for o in question.options]
        raw[question.id] = data.draw(
            st.one_of(
                answer_values(question).filter(lambda v: v is not ABSENT),
                st.lists(st.sampled_from(options + [NOT_APPLICABLE, "x"]), max_size=4),
                st.just(NOT_APPLICABLE),
                JSON_VALUES,
            )
        )
    if data.draw(st.booleans()):
        raw[data.draw(st.sampled_from(["ZZZ-99", "not a question", ""]))] = "yes"  # a question the bank does not have
    for qid, value in raw.items():
        assert all_accepted({qid: value}, bank) == (qid in bank.questions and bank.questions[qid].accepts(value)), (
            qid,
            value,
        )
    assert all_accepted(raw, bank) == all(
        qid in bank.questions and bank.questions[qid].accepts(v) for qid, v in raw.items()
    )


def test_answers_checked_in_one_step_every_kind_of_refusal(bank):
    """The same, question by question, for each way an answer can be refused (which random files rarely hit)."""
    from scorecard.engine.tables import all_accepted

    for question in bank.questions.values():
        options = [o.id for o in question.options]
        together = [o for o in options if o not in question.exclusive_options]  # "None of these" only on its own
        valid = (
            [[options[0]], together, *([o] for o in question.exclusive_options)]
            if question.type == "multi"
            else list(options)
        )
        refused = [options[0] + "-unknown", [options[0] + "-unknown"], {"id": options[0]}, 1, True]
        if question.type == "multi":
            refused += [[options[0], options[0]], options[0], [options[0], ["nested"]]]
            refused += [[together[0], o] for o in question.exclusive_options]
        else:
            refused += [[options[0]]]
        (valid if question.allow_na else refused).append(NOT_APPLICABLE)
        for value in valid:
            assert all_accepted({question.id: value}, bank), (question.id, value)
        for value in refused:
            assert not all_accepted({question.id: value}, bank), (question.id, value)
            assert not question.accepts(value), (question.id, value)  # the guard: these really are refused
    assert not all_accepted({"ZZZ-99": "yes"}, bank)  # a question the bank does not have


WEIGHTS = st.floats(min_value=0.001, max_value=10, allow_nan=False, allow_infinity=False) | st.sampled_from(
    [0.1, 0.2, 0.3, 1 / 3, 1.5, 2.0, 2.5]
)


@SETTINGS
@given(weights=st.lists(WEIGHTS, min_size=1, max_size=40), data=st.data())
def test_a_theme_s_possible_weight_is_the_same_float_however_it_is_summed(weights, data):
    """Tally.possible sums every weight and the negatives of the questions taken out (fsum is
    exactly rounded), rather than the questions left: the same float, bit for bit."""
    from math import fsum
    from types import SimpleNamespace

    from scorecard.engine.scoring import Tally

    taken_out = data.draw(st.lists(st.sampled_from(range(len(weights))), unique=True))
    tally = Tally()
    tally.left_out = [weights[i] for i in taken_out]
    theme = SimpleNamespace(weights=tuple(weights), possible=fsum(weights))  # the two fields of ThemeTables it reads
    left = [w for i, w in enumerate(weights) if i not in taken_out]
    assert tally.possible(theme).hex() == fsum(left).hex()


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=8,
)


@SETTINGS
@given(data=st.data())
def test_the_quick_answer_check_agrees_with_the_full_one(bank, data):
    """Question.accepts (the common case, one step) says yes exactly when the full check finds no problem."""
    from scorecard.engine.assessment import _answer_problem

    question = data.draw(st.sampled_from(sorted(bank.questions.values(), key=lambda q: q.id)))
    options = [o.id for o in question.options]
    value = data.draw(
        st.one_of(
            answer_values(question).filter(lambda v: v is not ABSENT),
            st.lists(
                st.sampled_from(options + [NOT_APPLICABLE, "x"]), max_size=4
            ),  # repeats, n/a and unknown ids in a list
            st.just(NOT_APPLICABLE),
            JSON_VALUES,
        )
    )
    assume(value is not None)  # null means unanswered, before either check
    assert question.accepts(value) == (_answer_problem(question, value) is None)


def test_the_mini_bank_has_what_the_properties_need(mini_bank):
    """Guard: the properties above would pass vacuously without these in the bank."""
    questions = mini_bank.questions.values()
    assert {q.type for q in questions} == {"yes_no", "single", "multi"}
    assert any(q.allow_na and dependents(mini_bank, q.id) for q in questions)
    assert any(q.requires for q in questions)


def test_a_theme_left_unanswered_never_shows_a_lower_overall_risk(bank):
    """Hand-worked, from a counterexample hypothesis found: answering a theme's only answered question
    with its worst option rated the theme high, while leaving it blank had kept the theme out of the
    overall risk, which then read lower. The overall risk now waits for every theme that applies."""
    council_type = sorted(bank.council_types)[0]
    ctype = bank.council_types[council_type]
    answers = {
        q.id: ([q.options[0].id] if q.type == "multi" else q.options[-1].id)
        for q in bank.asked_of(ctype.nation, ctype.functions)
        if not q.depends_on
    }
    file = {
        "format": "scorecard-assessment",
        "format_version": 1,
        "council": {"name": "", "type": council_type},
        "assessment_date": "2026-12-01",
        "bank_version": bank.version,
        "answers": answers,
    }
    # rated once every theme is answered, in a bank with local context questions (the mini bank has none)
    assert (score(bank, file)["overall"]["risk"] is not None) == any(bank.exposure_sources.values())
    for theme in bank.themes:
        blank = {**file, "answers": {q: v for q, v in answers.items() if bank.questions[q].theme != theme.id}}
        result = score(bank, blank)
        started = next(t for t in result["themes"] if t["id"] == theme.id)
        if started["asked"] or started["not_asked"]:  # the theme applies to this council
            assert result["overall"]["risk"] is None, theme.id


EVIDENCE_ITEMS = [  # one of each strength, complete or short of what it needs, in date or stale at 2026-04-01
    {"strength": "asserted"},
    {"reference": "Policy"},
    {"reference": "Policy", "date": "2025-09-01"},
    {"reference": "Policy", "date": "2019-09-01", "strength": "documented"},
    {"date": "2026-02-01", "strength": "tested", "result": "All referred"},
    {"reference": "Audit", "date": "2026-02-01", "strength": "tested"},
    {"date": "2026-03-01", "strength": "independently_verified", "reviewer": "A. Peer"},
]


@st.composite
def files_with_evidence(draw, bank: Bank) -> dict[str, Any]:
    """A random assessment with evidence of every kind on a random set of its questions."""
    data = draw(assessment_files(bank))
    ids = draw(st.lists(st.sampled_from(sorted(bank.questions)), unique=True, max_size=40))
    data["evidence"] = {qid: dict(draw(st.sampled_from(EVIDENCE_ITEMS))) for qid in ids}
    return data


@SETTINGS
@given(data=st.data())
def test_the_evidenced_score_never_exceeds_the_score(bank, data):
    """Issue 28: the score a council can evidence counts only some of the answers the score counts."""
    result = score(bank, data.draw(files_with_evidence(bank)))
    for theme in result["themes"]:
        if theme["score"] is None:
            assert theme["evidenced_score"] is None
        else:
            assert 0 <= theme["evidenced_score"] <= theme["score"]
        evidence = theme["evidence"]
        assert evidence["evidenced"] <= evidence["with_evidence"] <= evidence["answered"]
        assert sum(s["count"] for s in evidence["strengths"].values()) == evidence["with_evidence"]


@SETTINGS
@given(data=st.data())
def test_evidence_that_counts_never_lowers_a_tier(bank, data):
    """Giving every duty and essential control documented, in-date evidence only lifts caps."""
    file = data.draw(files_with_evidence(bank))
    before = score(bank, file)
    documented = {"reference": "Procedure", "date": "2026-01-01", "strength": "documented"}
    controls = {
        q.id for q in bank.questions.values() if q.essential or q.gate or any(v.gate for v in q.variants.values())
    }
    after = score(bank, {**file, "evidence": {**file["evidence"], **dict.fromkeys(controls, documented)}})
    ranks = bank.ranks["tiers"]
    for was, now in zip(before["themes"], after["themes"], strict=True):
        assert "not_evidenced" not in now["caps"]
        if was["tier"] is not None:
            assert ranks[now["tier"]] >= ranks[was["tier"]]
