"""The "Legal duties as at DATE" page and the duties on "How scoring works" (issue 27), as officers see them.

Both are built from questions/legal_status.yaml, grouped by nation. Before a council is chosen every
nation shows under its own heading; once the engine knows the council's nation (Gwynedd: Wales) only
that nation's duties are visible, and "Show every nation" shows the rest again, still grouped.
"""

from __future__ import annotations

from .conftest import ENGINE_TIMEOUT
from .test_indicators_page import council_file

NATIONS = ["england", "wales", "scotland", "northern_ireland"]


def visible_nations(page, group: str = '[data-sc="by-nation"]') -> list[str]:
    return [s.get_attribute("data-nation") for s in page.locator(f"{group} [data-nation]").all() if s.is_visible()]


def test_each_nation_sees_its_own_duties_and_can_show_every_nation(page, base_url):
    page.goto(base_url + "legal-duties.html")
    heading = page.locator("h1").inner_text().rstrip("¶").strip()
    assert heading.startswith("Legal duties as at ") and heading[len("Legal duties as at ") :][0].isdigit()
    assert visible_nations(page) == NATIONS  # no council yet: every nation, each under its heading
    assert page.locator('[data-nation="wales"] h2').inner_text() == "Wales"

    data = council_file("GWN", "Gwynedd Council", "wales_principal", "Wales", "W06000002")
    page.evaluate("d => localStorage.setItem('scorecard.assessment.v1', JSON.stringify(d))", data)
    page.reload()
    toggle = page.locator('[data-sc="by-nation-toggle"]')
    toggle.wait_for(timeout=ENGINE_TIMEOUT)
    assert visible_nations(page) == ["wales"]
    text = page.locator("article").inner_text()
    assert "Social Services and Well-being (Wales) Act 2014" in text
    assert "Care Act 2014" not in text and "(Scotland)" not in text  # England's and Scotland's law: not shown
    assert page.locator('[data-nation="england"] tr[data-question="SAF-07"]').is_visible() is False
    assert page.locator('[data-nation="wales"] tr[data-question="SAF-07"]').is_visible()
    toggle.click()
    assert visible_nations(page) == NATIONS
    page.locator('[data-sc="by-nation-toggle"]').click()
    assert visible_nations(page) == ["wales"]

    page.goto(base_url + "how-scoring-works.html")
    page.locator('[data-sc="by-nation-toggle"]').wait_for(timeout=ENGINE_TIMEOUT)
    assert visible_nations(page) == ["wales"]
    link = page.locator("article").get_by_role("link", name=heading)
    assert link.is_visible() and link.get_attribute("href").endswith("legal-duties.html")
