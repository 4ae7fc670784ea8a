"""The scoring model's rules as the real bank applies them, hand-worked (issue 24, "A headline a board can rely on").

Each test is a case the domain review or the real-statements test found misleading, scored with the
built-in bank: what a board reads now. The rules themselves are property-tested in test_properties.py.
"""

from __future__ import annotations

from typing import Any

import pytest

from scorecard.council_register import load_placed
from scorecard.engine import Bank, load_assessment, score_assessment
from tests.helpers import make_assessment

S52 = "Modern Slavery Act 2015, section 52: duty to notify the Home Office of potential victims (England and Wales)"


def best(question) -> Any:
    if question.type == "multi":
        return [o.id for o in question.options if o.score > 0]
    return max(question.options, key=lambda o: o.score).id


def worst(question) -> Any:
    return [] if question.type == "multi" else min(question.options, key=lambda o: o.score).id


DOCUMENTED = {"reference": "Procedure, version 3", "date": "2026-01-15", "strength": "documented"}


def documented(bank: Bank) -> dict[str, dict[str, str]]:
    """Documented, in-date evidence for every legal duty and essential control: each counts as met only with it."""
    return {
        q.id: dict(DOCUMENTED)
        for q in bank.questions.values()
        if q.essential is not None or q.gate is not None or any(v.gate is not None for v in q.variants.values())
    }


def scored(bank: Bank, council_type: str, changes: dict[str, Any], date: str = "2026-04-01", **extra) -> dict:
    """Every question the council is asked answered best (context: the middle option), then ``changes``; every duty
    and essential control with documented evidence unless ``evidence`` is given."""
    ctype = bank.council_types[council_type]
    answers = {}
    for question in bank.asked_of(ctype.nation, ctype.functions):
        answers[question.id] = question.options[1].id if question.kind == "context" else best(question)
    answers.update(changes)
    extra.setdefault("evidence", documented(bank))
    data = make_assessment(bank, council_type, answers, assessment_date=date, **extra)
    return score_assessment(bank, load_assessment(data, bank))


def theme(result: dict, theme_id: str) -> dict:
    return next(t for t in result["themes"] if t["id"] == theme_id)


def test_the_reviewers_district_that_cannot_refer_a_victim_is_not_mature(real_bank):
    """Domain review 2, M1: no NRM route, no training, no case conference, no records, but "yes" to the two
    safeguarding duties scored 91.7, "Mature practice". Now both missing controls and the contradicted duty
    hold safeguarding at Basic, and the overall follows."""
    result = scored(
        real_bank,
        "district",
        {"SAF-01": "none", "SAF-05": ["none"], "SAF-10": "none", "SAF-14": "no_records", "SAF-03": "yes"},
    )
    safeguarding = theme(result, "safeguarding")
    assert safeguarding["uncapped_tier"] == "early" and safeguarding["tier"] == "basic"
    assert safeguarding["caps"] == ["duty_contradicted", "essential_not_met"]
    assert [g["status"] for g in safeguarding["gates"] if g["question"] == "SAF-03"] == ["contradicted"]
    assert {e["question"]: e["status"] for e in safeguarding["essentials"]} == {
        "SAF-01": "not_met",
        "SAF-10": "not_met",
    }
    assert [c["id"] for c in result["contradictions"]] == [
        "no-referral-route-but-every-victim-notified",
        "no-records-but-every-victim-notified",
    ]
    overall = result["overall"]
    assert overall["tier_from_score"] == "mature" and overall["tier"] == "basic"
    assert overall["weakest"]["theme"] == "safeguarding"
    # the answers that hold it there come first: the essential controls, and the records that would show the duty
    first = [(a["part"], a["question"]) for a in result["actions"][:3]]
    assert first == [("not_met", "SAF-01"), ("not_met", "SAF-14"), ("not_met", "SAF-10")]
    assert result["actions"][0]["gates"] == [S52] and result["actions"][0]["essential"]


def test_a_county_with_weak_survivor_support_is_held_by_it(real_bank):
    """M1: a county whose survivors theme sat at 21 read "Mature" overall. The weakest theme now holds it."""
    ctype = real_bank.council_types["county"]
    weak = {
        q.id: worst(q)
        for q in real_bank.asked_of(ctype.nation, ctype.functions)
        if q.theme == "survivors" and q.kind != "context" and q.id != "SUR-11"  # the care-needs duty met
    }
    result = scored(real_bank, "county", weak)
    survivors = theme(result, "survivors")
    assert survivors["tier"] == "basic" and survivors["caps"] == []
    overall = result["overall"]
    assert overall["tier_from_score"] in ("substantial", "mature") and overall["tier"] == "early"
    assert overall["caps"] == ["weakest_link"] and overall["weakest"]["theme"] == "survivors"
    assert overall["weakest_note"] == "Weakest theme: Supporting survivors and their recovery (Basic first steps)"


def test_a_duty_not_met_holds_the_theme_and_the_overall_at_basic(real_bank):
    """M6: failing the s52 duty left safeguarding at "Early progress" with every other answer at its best."""
    result = scored(real_bank, "district", {"SAF-03": "no"})
    safeguarding = theme(result, "safeguarding")
    assert safeguarding["tier"] == "basic" and safeguarding["tier_note"] == "Legal duty not met"
    assert result["overall"]["tier"] == "basic"
    assert (result["actions"][0]["part"], result["actions"][0]["question"]) == ("not_met", "SAF-03")


def test_none_known_is_not_low_exposure_without_a_dated_source(real_bank):
    """M4: "no cases known" lowered exposure and so residual risk. Without a dated source it is medium."""
    unsourced = scored(real_bank, "unitary", {"SPC-20": "none_known"})
    entry = next(q for q in theme(unsourced, "spoc")["questions"] if q["id"] == "SPC-20")
    assert entry["exposure"] == "medium" and "National Referral Mechanism statistics" in entry["exposure_note"]
    dated = {
        "SPC-20": {
            "link": "https://www.gov.uk/government/collections/national-referral-mechanism-statistics",
            "date": "2026-07-31",
        }
    }
    sourced = scored(real_bank, "unitary", {"SPC-20": "none_known"}, evidence=dated)
    entry = next(q for q in theme(sourced, "spoc")["questions"] if q["id"] == "SPC-20")
    assert entry["exposure"] == "low" and "exposure_note" not in entry


def test_every_context_question_lets_the_council_say_it_does_not_know(real_bank):
    """Not knowing is not safe: every local context question offers "We do not know", counted as high exposure,
    except a fact the council can look up (DIS-43: whether the area has a port, an airport or an international station)."""
    lookups = {"DIS-43"}
    for question in real_bank.questions.values():
        if question.kind != "context" or question.id in lookups:
            continue
        unknown = [
            o for o in question.options if o.label.startswith("We do not know") or o.id in ("not_known", "not_measured")
        ]
        assert unknown and all(o.exposure == "high" for o in unknown), question.id


def test_not_applicable_is_offered_only_where_the_council_may_have_no_such_case(real_bank):
    """M5: N/A for PRO-15 scored more than doing one more step, and HOU-09's N/A hid exploitation in homes that
    need no licence; HOU-13's N/A was for councils that are not two-tier, who are no longer asked it."""
    for qid in ("PRO-15", "HOU-15", "HOU-13"):
        assert not real_bank.questions[qid].allow_na, qid
    assert real_bank.replaced_by["HOU-09"] == "HOU-15"


def test_two_tier_questions_are_asked_of_counties_and_districts_only(real_bank, real_compiled):
    """HOU-13 ("In your two-tier area ...") was asked of unitary, metropolitan and London councils and counted 0
    when blank. Every question's requires and nations are checked against the councils of the register: each
    is asked of some real council, and a two-tier question only of county and district councils (CTY, NMD)."""
    _, placed = load_placed(real_compiled)
    assert not placed.problems
    kinds: dict[str, set[str]] = {}
    for council in placed.councils:
        ctype = real_bank.council_types[council.type]
        for question in real_bank.asked_of(ctype.nation, ctype.functions):
            kinds.setdefault(question.id, set()).add(council.entry.kind)
    for question in real_bank.questions.values():
        assert kinds.get(question.id), f"{question.id} is asked of no council in the register"
        if "two-tier" in question.text.lower():
            assert "two_tier" in question.requires and kinds[question.id] == {"CTY", "NMD"}, question.id
    assert "HOU-13" not in {q.id for q in real_bank.asked_of("england", real_bank.council_types["unitary"].functions)}


def test_a_file_dated_before_the_procurement_act_is_not_told_it_failed_it(real_bank):
    """Real statements dated 2022-2024 were told the Procurement Act 2023 duty (from 24 February 2025) was not met."""
    result = scored(real_bank, "unitary", {"PRO-16": "not_checked"}, date="2024-05-01")
    gate = next(g for g in theme(result, "procurement")["gates"] if g["question"] == "PRO-16")
    assert gate == {**gate, "status": "not_in_force", "in_force_from": "2025-02-24"}
    assert theme(result, "procurement")["caps"] == []
    assert not [a for a in result["actions"] if a["part"] == "not_met" and a["question"] == "PRO-16"]
    (duty,) = [d for d in result["duties_by_date"] if d["question"] == "PRO-16"]
    assert duty["status"] == "not_yet_in_force" and "in force from 24 February 2025" in duty["message"]


def test_the_statement_theme_is_split_and_old_answers_carry_over(real_bank):
    """M3: 82 % of one theme hung on a voluntary statement and its residual risk followed the statement.
    Own operations and workforce is now a theme of its own, risk-rated; the statement weighs half."""
    old = {"STA-16": ["pay_checked"], "STA-18": "recruitment_only", "STA-19": "covered_staff", "STA-21": "most",
           "STA-01": "yes", "STA-03": "irregular", "STA-04": "top_level"}  # fmt: skip
    data = make_assessment(real_bank, "unitary", old, bank_version="2026.3")
    assessment = load_assessment(data, real_bank)
    assert assessment.carried_over == {
        "STA-16": "OPS-01",
        "STA-18": "OPS-03",
        "STA-19": "OPS-04",
        "STA-21": "OPS-20",
        "STA-03": "STA-22",
        "STA-04": "STA-23",
    }
    result = score_assessment(real_bank, assessment)
    operations, statement = theme(result, "operations"), theme(result, "statement")
    assert operations["risk_rated"] and operations["exposure"] == "high"
    assert not statement["risk_rated"] and statement["risk"] is None
    weights = {t.id: t.weight for t in real_bank.themes}
    assert weights["statement"] < weights["operations"] <= weights["safeguarding"] == weights["survivors"]
    assert all(t.weight_reason for t in real_bank.themes)


def test_a_thin_theme_counts_for_the_share_of_it_that_applies(real_bank):
    """M7: a county's housing theme is two questions, yet counted for an eighth of the overall; it is also not
    risk-rated, which the result now says."""
    result = scored(real_bank, "county", {})
    housing = theme(result, "housing")
    assert housing["overall_weight"] < 0.3 and not housing["risk_rated"]
    assert "housing" in result["overall"]["not_risk_rated"]
    assert theme(scored(real_bank, "unitary", {}), "housing")["overall_weight"] == 1.0


def test_the_essential_controls_the_review_named_are_marked_with_reason_and_source(real_bank):
    essential = {q.id: q.essential for q in real_bank.questions.values() if q.essential}
    assert {"SAF-01", "SAF-15", "SAF-10", "SUR-01"} <= set(essential)
    for qid, control in essential.items():
        assert control.reason and control.source.count("http") >= 1, qid
        question = real_bank.questions[qid]
        assert worst(question) not in control.met, qid


@pytest.mark.parametrize(
    "qid, option",
    [
        ("SPC-15", "written_confirmed"),
        ("SPC-15", "not_known"),
        ("STA-22", "every_year"),
        ("STA-23", "members"),
        ("DIS-17", "named_priority"),
    ],
)
def test_options_no_longer_put_words_in_the_councils_mouth(real_bank, qid, option):
    """The real-statements test found no true answer for what statements commonly say (SPC-10, STA-03, STA-04,
    DIS-04); each reworded question offers one, and a "not known"."""
    question = real_bank.questions[qid]
    assert option in question.option_scores
    assert "not_known" in question.option_scores and question.option_scores["not_known"] == 0


def test_the_board_report_names_the_weakest_theme_the_controls_and_the_contradictions(real_bank):
    """What a board reads for the reviewer's district: the weakest theme beside the overall, the essential controls
    not in place, and both contradicted answers with the reason, worded by the engine for the page and the CLI."""
    from scorecard.engine.board import board_report

    data = {"SAF-01": "none", "SAF-10": "none", "SAF-14": "no_records", "SAF-03": "yes"}
    ctype = real_bank.council_types["district"]
    answers = {
        q.id: q.options[1].id if q.kind == "context" else best(q)
        for q in real_bank.asked_of(ctype.nation, ctype.functions)
    }
    data_file = make_assessment(real_bank, "district", {**answers, **data}, evidence=documented(real_bank))
    assessment = load_assessment(data_file, real_bank)
    report = board_report(real_bank, assessment, score_assessment(real_bank, assessment))
    assert report["headline"]["tier"] == "Basic first steps"
    assert (
        report["headline"]["weakest"]
        == "Weakest theme: Identifying, referring and safeguarding victims (Basic first steps)"
    )
    safeguarding = next(t for t in report["themes"] if t["id"] == "safeguarding")
    assert safeguarding["tier_note"] == "Legal duty contradicted by another answer; Essential control not in place"
    assert [(e["question"], e["status"]) for e in report["essentials"]] == [
        ("SAF-01", "not in place"),
        ("SAF-10", "not in place"),
    ]
    assert [g["status"] for g in report["gates"] if g["question"] == "SAF-03"] == ["contradicted by another answer"]
    assert report["contradictions"].startswith("SAF-01 and SAF-03; SAF-14 and SAF-03. Each pair is explained")
    assert [c.split(":")[0] for c in report["annex_contradictions"]] == ["SAF-01 and SAF-03", "SAF-14 and SAF-03"]
    assert report["actions"][0]["part"] == "Legal duties and essential controls not met"


def test_validate_lists_register_entries_to_check_again(real_compiled):
    """The legal-status register's stale and unverified entries are listed by `scorecard validate` (the bank stays
    valid): a year after an entry was last checked it appears, and an unverified date always does."""
    from scorecard.cli.commands import legal_status_report

    checked = max(e["last_checked"] for e in real_compiled["legal_status"]["duties"])
    year, month, day = checked.split("-")
    now = legal_status_report(real_compiled, checked)
    later = legal_status_report(real_compiled, f"{int(year) + 2}-{month}-{day}")
    assert not any("last checked more than" in line for line in now)
    assert any("last checked more than 365 days ago" in line for line in later)
    assert sum(line.startswith("  ") for line in later) > sum(line.startswith("  ") for line in now)
    assert any("not verified" in line for line in now)  # SW(S)A s12A (SUR-11, Scotland)


def test_an_action_that_would_start_a_contradiction_says_the_tier_it_would_reach(real_bank):
    """Answering SAF-03 'every potential victim notified' beside SAF-14 'no records' makes the duty contradicted: the
    action's tier after is the capped tier the engine then gives, not the tier its score alone would reach (found
    by the action-gain property on a fresh clone's CI profile)."""
    bank = real_bank
    before = scored(bank, "district", {"SAF-03": "no", "SAF-14": "no_records"})
    action = next(a for a in before["actions"] if a["question"] == "SAF-03")
    after = theme(scored(bank, "district", {"SAF-03": "yes", "SAF-14": "no_records"}), "safeguarding")
    assert "duty_contradicted" in after["caps"] and after["tier"] == "basic"
    assert action["tier_after"] == after["tier"]
