"""Evidence you can stand behind (issue 28): each item's strength, stale evidence, and duties and essential controls
that count as met only with documented, in-date evidence. Hand-worked on the measure bank (tests/fixtures/measure:
LED-01 an essential control, LED-04 a legal duty in England, both answered best in BEST) and the built-in bank.
"""

from __future__ import annotations

import json

import pytest

from scorecard.engine import Bank, load_assessment, score_assessment
from scorecard.engine.evidence import read_evidence
from scorecard.engine.merge import merge_assessments
from scorecard.engine.next_year import next_year
from tests.helpers import ROOT, compile_bank, make_assessment

BEST = {"LED-01": "yes", "LED-02": "dedicated", "LED-03": ["adults", "children"], "LED-04": "yes"}
DOCUMENTED = {"reference": "Notification procedure v3", "date": "2025-06-01", "strength": "documented"}


@pytest.fixture(scope="module")
def bank() -> Bank:
    return Bank.from_dict(compile_bank(ROOT / "tests" / "fixtures" / "measure" / "questions"))


def lead(bank, evidence, date="2026-04-01"):
    data = make_assessment(bank, "unitary", dict(BEST), evidence=evidence, assessment_date=date)
    return score_assessment(bank, load_assessment(data, bank))["themes"][0]


def entry(theme, qid):
    return next(q for q in theme["questions"] if q["id"] == qid)


@pytest.mark.parametrize(
    ("item", "claimed", "strength", "counts"),
    [
        ({"reference": "Policy"}, "asserted", "asserted", False),  # a file from before strengths, undated
        ({"link": "https://example.org/p", "date": "2026-01-01"}, "documented", "documented", True),  # dated
        ({"strength": "asserted"}, "asserted", "asserted", False),
        ({"strength": "documented", "reference": "Policy"}, "documented", "asserted", False),  # no date
        ({"strength": "tested", "reference": "Audit", "date": "2026-01-01"}, "tested", "documented", True),  # no result
        ({"strength": "tested", "date": "2026-01-01", "result": "9 of 10 cases referred"}, "tested", "tested", True),
        ({"strength": "independently_verified", "date": "2026-01-01"}, "independently_verified", "asserted", False),
        (
            {"strength": "independently_verified", "reference": "Audit", "date": "2026-01-01", "reviewer": "A. Peer"},
            "independently_verified",
            "independently_verified",
            True,
        ),
    ],
)
def test_an_item_counts_as_the_strongest_strength_it_shows(bank, item, claimed, strength, counts):
    read = read_evidence(bank, item, "2026-04-01")
    assert (read["claimed"], read["strength"], read["counts"], read["stale"]) == (claimed, strength, counts, False)
    assert bool(read["note"]) == (claimed != strength)


def test_evidence_older_than_the_limit_at_the_assessment_date_is_stale(bank):
    item = {"reference": "Procedure", "date": "2023-03-31", "strength": "documented"}  # 1097 days before
    assert read_evidence(bank, item, "2026-03-30")["stale"] is False  # 1095 days: the limit itself is in date
    read = read_evidence(bank, item, "2026-04-01")
    assert read["stale"] and not read["counts"] and read["strength"] == "documented"
    assert read["note"] == "Dated 2023-03-31, more than 3 years before the assessment date: stale."


def test_a_duty_with_asserted_only_evidence_caps_its_theme_and_says_why_on_the_question(bank):
    theme = lead(bank, {"LED-01": DOCUMENTED, "LED-04": {"strength": "asserted"}})
    assert (theme["score"], theme["uncapped_tier"], theme["tier"]) == (100.0, "mature", "early")
    assert theme["caps"] == ["not_evidenced"]
    assert theme["tier_note"] == "Met, not evidenced"
    assert theme["gates"][0]["status"] == "met_not_evidenced"
    assert entry(theme, "LED-04")["evidence_note"] == (
        "Met, not evidenced: a legal duty counts as met only with documented evidence or better, dated within 3 "
        "years of the assessment date; until then it holds this theme at Early progress. The evidence recorded is "
        "asserted."
    )


def test_documented_in_date_evidence_lifts_the_cap(bank):
    theme = lead(bank, {"LED-01": DOCUMENTED, "LED-04": DOCUMENTED})
    assert (theme["tier"], theme["caps"], theme["gates"][0]["status"]) == ("mature", [], "met")
    assert "evidence_note" not in entry(theme, "LED-04")


def test_stale_evidence_and_an_essential_control_without_evidence_cap_too(bank):
    stale = dict(DOCUMENTED, date="2020-01-01")
    theme = lead(bank, {"LED-01": DOCUMENTED, "LED-04": stale})
    assert (theme["tier"], theme["gates"][0]["status"]) == ("early", "met_not_evidenced")
    assert (
        "Dated 2020-01-01, more than 3 years before the assessment date: stale."
        in entry(theme, "LED-04")["evidence_note"]
    )
    theme = lead(bank, {"LED-04": DOCUMENTED})  # the essential control LED-01 met, no evidence at all
    assert theme["essentials"][0]["status"] == "met_not_evidenced" and theme["tier"] == "early"
    assert entry(theme, "LED-01")["evidence_note"].endswith("No evidence is recorded.")


def test_a_duty_not_met_still_holds_lower_than_one_met_without_evidence(bank):
    data = make_assessment(bank, "unitary", dict(BEST, **{"LED-04": "no"}), evidence={"LED-01": DOCUMENTED})
    theme = score_assessment(bank, load_assessment(data, bank))["themes"][0]
    assert (theme["tier"], theme["caps"]) == ("basic", ["duty_not_met"])


def test_the_action_that_evidences_nothing_says_the_tier_the_cap_leaves(bank):
    answers = dict(BEST, **{"LED-02": "some"})  # a gap on a follow-up; the duty met without evidence
    data = make_assessment(bank, "unitary", answers, evidence={"LED-01": DOCUMENTED})
    result = score_assessment(bank, load_assessment(data, bank))
    gap = next(a for a in result["actions"] if a["question"] == "LED-02")
    assert gap["tier_after"] == "early"  # made best, the theme is still held by LED-04's missing evidence


def test_strength_is_kept_and_the_file_is_not_rewritten(bank):
    evidence = {"LED-04": {"reference": "Policy", "date": "2026-01-01"}, "LED-01": dict(DOCUMENTED, result="x")}
    data = make_assessment(bank, "unitary", dict(BEST), evidence=evidence)
    assert load_assessment(data, bank).to_dict()["evidence"] == evidence


def test_next_year_keeps_each_items_date_so_it_becomes_stale_in_time(real_bank):
    item = {"reference": "Notification procedure", "date": "2023-05-01", "strength": "documented"}
    data = make_assessment(real_bank, "district", {"SAF-03": "yes"}, evidence={"SAF-03": item})
    data["assessment_date"] = "2025-05-01"
    assert read_evidence(real_bank, item, "2025-05-01")["counts"]
    later = next_year(load_assessment(data, real_bank), "2026-05-02")
    assert later["evidence"]["SAF-03"] == item and later["previous"]["evidence"]["SAF-03"] == item
    result = score_assessment(real_bank, load_assessment(later, real_bank))
    safeguarding = next(t for t in result["themes"] if t["id"] == "safeguarding")
    assert [g["status"] for g in safeguarding["gates"] if g["question"] == "SAF-03"] == ["met_not_evidenced"]


def test_evidence_merges_question_by_question_with_its_strength(real_bank):
    base = make_assessment(real_bank, "district", {"SAF-03": "yes", "SAF-01": "written"})
    mine = dict(base, evidence={"SAF-03": {"reference": "Procedure", "date": "2026-01-01", "strength": "documented"}})
    theirs = dict(
        base,
        evidence={
            "SAF-03": {"reference": "Procedure", "date": "2026-01-01", "strength": "tested", "result": "All notified"},
            "SAF-01": {"strength": "asserted"},
        },
    )
    merged = merge_assessments(real_bank, [("mine.json", json.dumps(mine)), ("theirs.json", json.dumps(theirs))])
    assert merged["assessment"] is None and [c["key"] for c in merged["conflicts"]] == ["evidence.SAF-03"]
    merged = merge_assessments(
        real_bank,
        [("mine.json", json.dumps(mine)), ("theirs.json", json.dumps(theirs))],
        take={"evidence.SAF-03": "theirs.json"},
    )
    assert merged["assessment"]["evidence"] == theirs["evidence"]


def test_the_board_report_prints_both_scores_and_the_share_of_each_strength(real_bank):
    from scorecard.engine.board import board_report
    from scorecard.reports.board import board_html

    evidence = {"SAF-03": DOCUMENTED, "SAF-01": {"strength": "asserted"}}
    data = make_assessment(real_bank, "district", {"SAF-03": "yes", "SAF-01": "written"}, evidence=evidence)
    assessment = load_assessment(data, real_bank)
    result = score_assessment(real_bank, assessment)
    safeguarding = next(t for t in result["themes"] if t["id"] == "safeguarding")
    report = board_report(real_bank, assessment, result)
    row = next(t for t in report["themes"] if t["id"] == "safeguarding")
    assert (row["score"], row["evidenced"]) == (
        f"{safeguarding['score']:.1f}",
        f"{safeguarding['evidenced_score']:.1f}",
    )
    assert 0 < safeguarding["evidenced_score"] < safeguarding["score"]
    assert "have evidence (asserted 50%, documented 50%); 1 count" in report["evidence"]
    assert row["evidence"] == f"{row['evidenced']} (2 of 2)"
    html = board_html(report)
    assert "Evidenced score" in html and row["evidence"] in html
    # SAF-03 is evidenced; a duty or control met without evidence is named in one line, not one line each
    assert "SAF-03" not in report["not_evidenced"] and not any(g["question"] == "SAF-03" for g in report["gates"])
