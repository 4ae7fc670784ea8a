"""Outcome indicators beside maturity (issue 27): the bank's definitions, the file's figures, the result.

questions/indicators.yaml defines counts a council records with their period, each tied to an
outcome of the Modern Slavery Core Outcome Set or to a duty (checked by scorecard validate against
schemas/indicators.schema.json and the rest of the bank); the engine checks a file's figures
(engine/indicators.py), lists them in the result with each count's share of the count it is
part of and last year's figure, carries them into next year's ``previous`` and through a merge,
and never scores them.
"""

from __future__ import annotations

import copy
import datetime
import json
import random
import shutil

import jsonschema
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from scorecard.bank_source.load import load_bank, schema
from scorecard.engine import AssessmentError, Bank, load_assessment, score_assessment
from scorecard.engine.merge import merge_assessments
from scorecard.engine.next_year import next_year
from scorecard.testing import random_assessment
from tests.helpers import ROOT, make_assessment

PERIOD = {"from": "2025-04-01", "to": "2026-03-31"}


def figures(**counts) -> dict:
    return {**PERIOD, "counts": counts}


def scored(bank: Bank, council_type: str, answers=None, **sections) -> dict:
    data = make_assessment(bank, council_type, answers or {}, **sections)
    return score_assessment(bank, load_assessment(data, bank))


def entry(result: dict, iid: str) -> dict:
    return next(i for i in result["indicators"] if i["id"] == iid)


def problems_of(bank: Bank, indicators) -> list[str]:
    with pytest.raises(AssessmentError) as refused:
        load_assessment(make_assessment(bank, "unitary", {}, indicators=indicators), bank)
    return refused.value.problems


# ------------------------------------------------------------------ the bank's definitions


def test_the_bank_has_five_to_eight_indicators_each_tied_to_an_outcome_or_a_duty(real_bank):
    indicators = real_bank.indicators
    assert 5 <= len(indicators) <= 8
    for indicator in indicators.values():
        assert indicator.outcome in real_bank.outcomes or indicator.duty, indicator.id
        assert indicator.theme in {t.id for t in real_bank.themes}
    titles = " ".join(i.title.lower() for i in indicators.values())
    for wanted in ("safe accommodation", "duty to notify", "missing", "again", "high-risk contracts", "trained"):
        assert wanted in titles, wanted
    # the duty to notify is England and Wales law: only their councils are shown it
    notify = indicators["IND-02"]
    assert notify.nations == {"england", "wales"} and "section 52" in notify.duty


def broken_bank(tmp_path, edit) -> list[str]:
    """The real bank with indicators.yaml edited: the problems scorecard validate reports."""
    questions = tmp_path / "questions"
    shutil.copytree(ROOT / "questions", questions)
    path = questions / "indicators.yaml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    compiled, problems = load_bank(questions, ROOT / "guidance")
    assert compiled is None
    return [str(p) for p in problems]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda t: t.replace("outcome: secure_housing\n    requires", "outcome: shelter\n    requires", 1),
            "'shelter'",
        ),
        (lambda t: t.replace("within: needed", "within: same_day", 1), "must name another count"),
        (lambda t: t.replace("theme: procurement", "theme: buying", 1), "'buying'"),
        (
            lambda t: t.replace("guidance: [survivors.md#safe-accommodation]", "guidance: [survivors.md#nowhere]", 1),
            "broken guidance link",
        ),
        (lambda t: t.replace("  - id: IND-02", "  - id: IND-01", 1), "duplicate indicator id"),
        (lambda t: t.replace("    outcome: corporate_responsibility\n", "", 1), "IND-05"),  # neither outcome nor duty
    ],
    ids=["unknown-outcome", "within-itself", "unknown-theme", "broken-link", "duplicate-id", "no-outcome-or-duty"],
)
def test_validate_refuses_a_broken_indicator_and_says_where(tmp_path, edit, message):
    problems = broken_bank(tmp_path, edit)
    assert any("indicators.yaml:" in p and message in p for p in problems), problems


def test_a_bank_without_indicators_yaml_has_none(mini_bank):
    assert mini_bank.indicators == {} and mini_bank.outcomes == {}


# ------------------------------------------------------------------ the file's figures


def test_figures_are_read_kept_and_written_back_exactly(real_bank):
    data = make_assessment(
        real_bank, "unitary", {}, indicators={"IND-01": {**figures(needed=12, same_day=9), "note": "Q1-Q4"}}
    )
    jsonschema.Draft202012Validator(schema("assessment")).validate(data)
    assessment = load_assessment(data, real_bank)
    assert assessment.to_dict() == data


@pytest.mark.parametrize(
    ("figures_given", "wanted"),
    [
        (figures(needed=3, same_day=5), "same_day (5) cannot be more than needed (3)"),
        (figures(needed=-1), "needed must be a whole number from 0"),
        (figures(needed=True), "needed must be a whole number from 0"),
        (figures(needed=2.5), "needed must be a whole number from 0"),
        (figures(housed=2), "'housed' is not one of its counts: needed, same_day"),
        ({"from": "2026-03-31", "to": "2025-04-01", "counts": {}}, "ends (2025-04-01) before it starts"),
        ({"from": "2025-02-30", "to": "2026-03-31", "counts": {}}, "from and to must be dates"),
        ({"counts": {"needed": 1}}, "must be an object with from, to and counts"),
        ({**figures(needed=1), "colour": "red"}, "must be an object with from, to and counts"),
        ({**PERIOD, "counts": [1, 2]}, "counts must be an object"),
    ],
)
def test_bad_figures_are_set_aside_kept_and_the_reason_shown_beside_the_indicator(real_bank, figures_given, wanted):
    """A typo in one indicator never stops the file being scored, and what was typed is never lost: the entry is
    kept in the file as it was, not used, and the result says why beside the indicator and in the set-aside list."""
    data = make_assessment(real_bank, "district", {}, indicators={"IND-01": figures_given})
    assessment = load_assessment(data, real_bank)
    assert assessment.to_dict()["indicators"] == {"IND-01": figures_given}
    result = score_assessment(real_bank, assessment)
    housing = entry(result, "IND-01")
    assert any(wanted in p for p in housing["problems"]), housing["problems"]
    assert housing["recorded"] == 0 and all(c["value"] is None for c in housing["counts"])
    aside = next(e for e in result["changes"]["entries_set_aside"] if e["key"] == "indicators.IND-01")
    assert (
        aside["message"].startswith("The entry for outcome indicator IND-01 is set aside")
        and wanted in aside["message"]
    )


@pytest.mark.parametrize(
    ("indicators", "wanted"),
    [
        ({"Housing": figures(needed=1)}, "'Housing' is not an indicator id"),
        ([], "indicators must be an object"),
    ],
)
def test_a_section_that_is_not_indicators_is_refused_with_the_reason(real_bank, indicators, wanted):
    problems = problems_of(real_bank, indicators)
    assert any(wanted in p for p in problems), problems


def test_an_indicator_the_bank_does_not_know_is_kept_and_not_used(real_bank):
    data = make_assessment(real_bank, "unitary", {}, indicators={"IND-99": figures(anything=3)})
    assessment = load_assessment(data, real_bank)
    assert assessment.to_dict()["indicators"] == {"IND-99": figures(anything=3)}
    assert all(i["id"] != "IND-99" for i in score_assessment(real_bank, assessment)["indicators"])


# ------------------------------------------------------------------ the result


def test_the_result_lists_the_indicators_shown_with_shares(real_bank):
    result = scored(
        real_bank, "unitary", indicators={"IND-05": figures(high_risk_contracts=8, checked=6, findings=3, remedied=2)}
    )
    contracts = entry(result, "IND-05")
    assert contracts["period"] == PERIOD and contracts["outcome"] == "Corporate responsibility and finance"
    shares = {c["id"]: (c["value"], c["share"]) for c in contracts["counts"]}
    assert shares == {
        "high_risk_contracts": (8, None),
        "checked": (6, 75.0),
        "findings": (3, 50.0),
        "remedied": (2, 66.7),
    }
    blank = entry(result, "IND-01")  # not given: listed with no figures, so the page can ask for them
    assert blank["period"] is None and all(c["value"] is None and c["share"] is None for c in blank["counts"])
    assert entry(result, "IND-02")["duty"].startswith("Modern Slavery Act 2015, section 52")


def test_only_the_indicators_a_council_is_shown_are_listed(real_bank):
    shown = {
        t: {i["id"] for i in scored(real_bank, t)["indicators"]}
        for t in ("county", "district", "scotland_council", "ni_district")
    }
    assert "IND-01" in shown["district"] and "IND-01" not in shown["county"]  # housing authorities
    assert "IND-03" in shown["county"] and "IND-03" not in shown["district"]  # children's services
    assert "IND-02" not in shown["scotland_council"]  # section 52 is England and Wales law
    assert shown["ni_district"] == {"IND-04", "IND-05", "IND-06"}


@settings(max_examples=25)
@given(seed=st.integers(0, 10_000), counts=st.lists(st.integers(0, 50), min_size=4, max_size=4))
def test_indicators_never_change_a_score_tier_or_risk(real_bank, seed, counts):
    """Recorded beside the scores, never scored: any figures leave every theme and the overall result as they were."""
    data = random_assessment(real_bank, random.Random(seed), "unitary", answer_rate=0.7)
    a, b, c, d = sorted(counts, reverse=True)
    with_figures = dict(
        copy.deepcopy(data),
        indicators={
            "IND-05": figures(high_risk_contracts=a, checked=b, findings=c, remedied=d),
            "IND-04": figures(people_referred=a, referred_before=d),
        },
    )
    before = score_assessment(real_bank, load_assessment(data, real_bank))
    after = score_assessment(real_bank, load_assessment(with_figures, real_bank))
    assert after["overall"] == before["overall"] and after["themes"] == before["themes"]
    assert after["actions"] == before["actions"]


def test_next_year_keeps_last_years_figures_for_the_trend_and_starts_empty(real_bank):
    data = make_assessment(real_bank, "unitary", {}, indicators={"IND-01": figures(needed=5, same_day=3)})
    data["assessment_date"] = "2025-05-01"
    this_year = next_year(load_assessment(data, real_bank), "2026-05-01")
    assert "indicators" not in this_year and this_year["previous"]["indicators"] == {
        "IND-01": figures(needed=5, same_day=3)
    }
    this_year["indicators"] = {
        "IND-01": {"from": "2026-04-01", "to": "2027-03-31", "counts": {"needed": 4, "same_day": 4}}
    }
    this_year["assessment_date"] = "2026-05-01"
    housing = entry(score_assessment(real_bank, load_assessment(this_year, real_bank)), "IND-01")
    assert housing["previous_period"] == PERIOD and housing["period"]["from"] == "2026-04-01"
    same_day = next(c for c in housing["counts"] if c["id"] == "same_day")
    assert (same_day["previous"], same_day["previous_share"], same_day["value"], same_day["share"]) == (
        3,
        60.0,
        4,
        100.0,
    )


def test_a_merge_keeps_each_officers_figures_and_lists_a_conflict(real_bank):
    procurement = make_assessment(real_bank, "unitary", {}, indicators={"IND-05": figures(high_risk_contracts=8)})
    housing = make_assessment(real_bank, "unitary", {}, indicators={"IND-01": figures(needed=2)})
    merged = merge_assessments(real_bank, [("procurement", procurement), ("housing", housing)])
    assert set(merged["assessment"]["indicators"]) == {"IND-01", "IND-05"}
    other = copy.deepcopy(housing)
    other["indicators"]["IND-01"]["counts"]["needed"] = 3
    differing = merge_assessments(real_bank, [("housing", housing), ("other", other)])
    conflict = next(c for c in differing["conflicts"] if c["key"] == "indicators.IND-01")
    assert conflict["what"] == "indicator figures" and "needed 3" in conflict["choices"][1]["shown"]


def test_the_result_with_indicators_matches_the_result_schema(real_bank):
    from tests.helpers import check_result as check

    result = scored(
        real_bank, "unitary", indicators={"IND-06": figures(awareness=400, front_line_staff=120, front_line=90)}
    )
    check(json.loads(json.dumps(result)))


def test_the_trend_is_worded_by_the_engine_with_the_change_since_last_year(real_bank):
    data = make_assessment(real_bank, "district", {}, indicators={"IND-01": figures(needed=12, same_day=9)})
    data["previous"] = {
        "answers": {},
        "assessment_date": "2025-05-01",
        "indicators": {"IND-01": figures(needed=10, same_day=6)},
    }
    housing = entry(score_assessment(real_bank, load_assessment(data, real_bank)), "IND-01")
    needed, same_day = housing["counts"]
    assert (needed["text"], needed["change"], needed["trend"]) == ("12", 2, "last year 10: up 2")
    assert same_day["text"] == "9 (75% of 12)"
    assert same_day["trend"] == "last year 6 (60%): up 3; share up 15 points"
    assert housing["period_text"] == "1 April 2025 to 31 March 2026" and housing["recorded"] == 2
    # next year's entry covers the year after last year's period unless the officer says otherwise
    assert housing["suggested_period"] == {"from": "2026-04-01", "to": "2027-03-31"}
    blank = entry(
        score_assessment(real_bank, load_assessment(make_assessment(real_bank, "district", {}), real_bank)), "IND-01"
    )
    assert blank["counts"][0]["trend"] == "no figure last year" and blank["counts"][0]["text"] == "not given"


@settings(max_examples=40)
@given(day=st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2099, 12, 31)))
@example(day=datetime.date(2026, 3, 31))  # the year's last day: that year has ended
@example(day=datetime.date(2026, 3, 30))
@example(day=datetime.date(2028, 2, 29))
def test_the_suggested_period_is_the_last_financial_year_ended_by_the_assessment_date(day):
    from scorecard.engine.indicators import suggested_period

    period = suggested_period(None, day.isoformat())
    start, end = (datetime.date.fromisoformat(period[k]) for k in ("from", "to"))
    assert (start.month, start.day, end.month, end.day) == (4, 1, 3, 31) and end.year == start.year + 1
    assert end <= day < end.replace(year=end.year + 1)  # ended on or before the day, and the latest that did
    following = suggested_period(period, day.isoformat())
    assert following == {"from": f"{end.year}-04-01", "to": f"{end.year + 1}-03-31"}


# ------------------------------------------------------------------ the board report and the command line


def _with_last_year(bank: Bank) -> dict:
    data = make_assessment(
        bank, "district", {}, indicators={"IND-01": {**figures(needed=12, same_day=9), "note": "From Housing Options"}}
    )
    data["previous"] = {
        "answers": {},
        "assessment_date": "2025-05-01",
        "indicators": {"IND-01": {"from": "2024-04-01", "to": "2025-03-31", "counts": {"needed": 10, "same_day": 6}}},
    }
    return data


def test_the_board_report_and_the_command_line_show_the_figures_with_the_trend(real_bank, tmp_path):
    from scorecard.engine.board import board_report
    from scorecard.reports.board import board_html
    from tests.helpers import run_cli

    data = _with_last_year(real_bank)
    assessment = load_assessment(data, real_bank)
    report = board_report(real_bank, assessment, score_assessment(real_bank, assessment))
    shown = len(score_assessment(real_bank, assessment)["indicators"])
    assert report["indicators_line"].startswith(f"1 of {shown} outcome indicators recorded")
    housing = next(i for i in report["annex_indicators"] if i["id"] == "IND-01")
    assert housing["period"] == "1 April 2025 to 31 March 2026; last year 1 April 2024 to 31 March 2025"
    assert housing["counts"][1] == {
        "label": "Of whom, placed in safe accommodation on the day they were identified",
        "text": "9 (75% of 12)",
        "trend": "last year 6 (60%): up 3; share up 15 points",
    }
    html = board_html(report)
    assert "Outcome indicators (recorded beside the scores, not scored)" in html
    assert "last year 6 (60%): up 3; share up 15 points" in html and "From Housing Options" in html

    (tmp_path / "a.json").write_text(json.dumps(data), encoding="utf-8")
    ran = run_cli("score", "a.json", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert "IND-01 Safe accommodation on the day a victim is identified (1 April 2025 to 31 March 2026)" in ran.stdout
    assert "9 (75% of 12); last year 6 (60%): up 3; share up 15 points" in ran.stdout
    assert "IND-05 High-risk contracts checked, and findings put right: not recorded" in ran.stdout


def test_a_file_as_the_site_saves_it_with_the_time_of_each_indicators_change_is_read(real_bank):
    """The site records when each entry changed (provenance "indicators.IND-01"), as for answers and evidence."""
    data = make_assessment(real_bank, "district", {}, indicators={"IND-01": figures(needed=2)})
    data["provenance"] = {
        "assessment": {"at": "2026-04-01T09:00:00Z"},
        "indicators.IND-01": {"at": "2026-04-01T10:00:00Z"},
    }
    jsonschema.Draft202012Validator(schema("assessment")).validate(data)
    assert set(load_assessment(data, real_bank).to_dict()["provenance"]) == {"assessment", "indicators.IND-01"}
