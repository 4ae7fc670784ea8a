"""Outcome indicators on the results page and the board report, as an officer sees them (issue 27).

Real councils from the register: Tunbridge Wells (a district in England, a housing authority, so it
is asked about safe accommodation) started from last year's file, and Mid Ulster (Northern Ireland,
no housing or children's functions). The officer types this year's counts; what the page shows is
the engine's reading of them (share, last year's figure, the change), checked by what is visible.
"""

from __future__ import annotations

import json

from .conftest import ENGINE_TIMEOUT, saved

LAST_YEAR = {"from": "2024-04-01", "to": "2025-03-31", "counts": {"needed": 10, "same_day": 6}}


def council_file(code: str, name: str, ctype: str, region: str, ons: str, **extra) -> dict:
    return {
        "format": "scorecard-assessment",
        "format_version": 1,
        "council": {"name": name, "type": ctype, "region": region, "ons_code": ons, "code": code},
        "assessment_date": "2025-11-20",
        "bank_version": "2026.4",
        "answers": {},
        "notes": {},
        **extra,
    }


def open_results(page, base_url, data: dict) -> None:
    page.goto(base_url + "index.html")
    page.evaluate("d => localStorage.setItem('scorecard.assessment.v1', JSON.stringify(d))", data)
    page.goto(base_url + "results.html")
    page.wait_for_selector('[data-sc="summary-table"]', timeout=ENGINE_TIMEOUT)
    page.wait_for_selector('[data-sc="indicator"]', timeout=ENGINE_TIMEOUT)


def row(page, indicator: str, count: str):
    return page.locator(f'[data-indicator="{indicator}"] tr[data-count-row="{count}"]')


def test_an_officer_records_counts_and_sees_the_share_and_the_trend_from_last_year(page, base_url):
    previous = {"answers": {}, "assessment_date": "2024-11-20", "indicators": {"IND-01": LAST_YEAR}}
    open_results(
        page,
        base_url,
        council_file(
            "TUN", "Tunbridge Wells Borough Council", "district", "South East", "E07000116", previous=previous
        ),
    )
    housing = page.locator('[data-indicator="IND-01"]')
    assert housing.is_visible()
    assert housing.locator("legend").inner_text().startswith("IND-01")
    # the period starts where last year's ended, unless the officer says otherwise
    assert (
        page.input_value("#sc-ind-IND-01-from") == "2025-04-01"
        and page.input_value("#sc-ind-IND-01-to") == "2026-03-31"
    )
    assert row(page, "IND-01", "same_day").locator('[data-sc="indicator-trend"]').inner_text() == "last year 6 (60%)"

    page.fill("#sc-ind-IND-01-needed", "12")
    page.fill("#sc-ind-IND-01-same_day", "9")
    page.fill("#sc-ind-IND-01-note", "Housing Options case records")
    trend = row(page, "IND-01", "same_day").locator('[data-sc="indicator-trend"]')
    trend.filter(has_text="share up 15 points").wait_for(timeout=ENGINE_TIMEOUT)
    assert trend.is_visible() and trend.inner_text() == "last year 6 (60%): up 3; share up 15 points"
    assert row(page, "IND-01", "same_day").locator('[data-sc="indicator-read"]').inner_text() == "9 (75% of 12)"
    assert saved(page)["indicators"]["IND-01"] == {
        "from": "2025-04-01",
        "to": "2026-03-31",
        "counts": {"needed": 12, "same_day": 9},
        "note": "Housing Options case records",
    }
    # a district is not a children's services authority: that indicator is not on its page
    assert page.locator('[data-indicator="IND-03"]').count() == 0

    # a slip (more placed the same day than needed housing) is kept as typed and explained, not lost
    page.fill("#sc-ind-IND-01-same_day", "15")
    problems = page.locator('[data-indicator="IND-01"] [data-sc="indicator-problems"]')
    problems.wait_for(timeout=ENGINE_TIMEOUT)
    assert problems.is_visible() and "same_day (15) cannot be more than needed (12)" in problems.inner_text()
    assert saved(page)["indicators"]["IND-01"]["counts"] == {"needed": 12, "same_day": 15}
    page.reload()
    page.wait_for_selector('[data-indicator="IND-01"] [data-sc="indicator-problems"]', timeout=ENGINE_TIMEOUT)
    assert page.input_value("#sc-ind-IND-01-same_day") == "15"
    page.fill("#sc-ind-IND-01-same_day", "9")
    problems.wait_for(state="detached", timeout=ENGINE_TIMEOUT)

    # the board report: the figures with last year's, in the annex (the one-page summary has no room)
    page.goto(base_url + "report.html")
    page.wait_for_selector('[data-sc="board"][data-ready="true"]', timeout=ENGINE_TIMEOUT)
    line = page.locator('[data-sc="board-indicators"]')
    assert line.is_visible() and "1 of 6 outcome indicators recorded" in line.inner_text()
    annex = page.locator('[data-sc="board-indicator-table"] tr[data-indicator="IND-01"]').nth(1)
    assert annex.is_visible() and "last year 6 (60%): up 3; share up 15 points" in annex.inner_text()


def test_a_northern_ireland_council_is_shown_only_the_indicators_for_what_it_does(page, base_url):
    open_results(
        page,
        base_url,
        council_file("MUL", "Mid Ulster District Council", "ni_district", "Northern Ireland", "N09000009"),
    )
    shown = [i.get_attribute("data-indicator") for i in page.locator('[data-sc="indicator"]').all() if i.is_visible()]
    assert shown == ["IND-04", "IND-05", "IND-06"]
    text = page.locator('[data-sc="indicators"]').inner_text()
    assert "section 52" not in text  # England and Wales law: not for a council in Northern Ireland
    assert json.loads(json.dumps(saved(page))).get("indicators") is None
