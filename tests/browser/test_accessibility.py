"""WCAG 2.2 AA: axe-core finds no violations, the assessment can be done by keyboard alone,
and live score changes are announced."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import ENGINE_TIMEOUT, render_every_question, start_assessment, wait_for_engine

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}


def violations(page) -> list[str]:
    results = Axe().run(page, options=AXE_OPTIONS)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes, e.g. {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]


def test_no_axe_violations_on_any_page(page, base_url, built_site):
    render_every_question(page)
    start_assessment(page, base_url, council_type="unitary")
    # answer something so results, live scores and action tables are on the pages being checked
    page.goto(base_url + "themes/" + sorted(p.name for p in (built_site / "themes").glob("*.html"))[0])
    page.locator("fieldset.sc-question:visible input").first.check()
    wait_for_engine(page)
    found = {}
    for path in sorted(str(p.relative_to(built_site)) for p in built_site.rglob("*.html")):
        page.goto(base_url + path)
        if path in ("results.html",) or path.startswith("themes/"):
            page.wait_for_selector(
                '[data-sc="summary-table"], [data-sc="theme-score"], [data-sc="live-score"] p', timeout=60_000
            )
        problems = violations(page)
        if problems:
            found[path] = problems
    assert found == {}


def test_live_score_is_announced(page, base_url):
    """The score line is not a live region (it would be read whole on every answer): a status line says the change."""
    start_assessment(page, base_url)
    page.locator('[data-sc="theme-list"] a').first.click()
    assert page.locator('[data-sc="live-score"]').get_attribute("aria-live") is None
    assert page.locator('[data-sc="live-announce"]').get_attribute("role") == "status"


def test_whole_assessment_by_keyboard_alone(page, base_url, built_site):
    page.goto(base_url + "index.html")
    # council type: open "My council is not listed" with Enter, reach the select with Tab, choose with the arrow keys
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.sc") == "council-not-listed":
            page.keyboard.press("Enter")
        if page.evaluate("document.activeElement.id") == "sc-council-type":
            break
    else:
        pytest.fail("the council type select cannot be reached with Tab")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # the second type: district
    assert json.loads(page.evaluate("localStorage.getItem('scorecard.assessment.v1')"))["council"]["type"] == "district"

    themes = [
        f"themes/{t}.html"
        for t in page.eval_on_selector_all('[data-sc="theme-list"] li', "els => els.map(e => e.dataset.theme)")
    ]
    for href in themes:
        page.goto(base_url + href)
        page.wait_for_selector('[data-sc="theme-form"]')
        wait_for_engine(page)  # it shows each follow-up once its parent's answer opens it
        # Tab through the page; answer each question group on arrival (Space on a checkbox,
        # and a radio group gets its first option focused and checked with Space). The engine
        # shows a follow-up once its parent's answer has been scored, which can be after Tab has
        # passed its place: then Tab goes on round the page and through the form again, as an
        # officer would.
        for _ in range(3):
            for _ in range(3000):
                page.keyboard.press("Tab")
                focused = page.evaluate(
                    "(() => { const e = document.activeElement; const f = e.closest('fieldset.sc-question');"
                    " return {tag: e.tagName, type: e.type, q: f && f.dataset.question, next: e.closest('.sc-next') !== null,"
                    " answered: f ? f.querySelectorAll('input:checked').length > 0 : false}; })()"
                )
                if focused["next"]:
                    break
                if focused["tag"] == "INPUT" and not focused["answered"]:
                    page.keyboard.press("Space")
            else:
                pytest.fail(f"{href}: never reached the end of the form by keyboard")
            page.wait_for_timeout(500)  # the engine's reply to the last answers
            unanswered = page.eval_on_selector_all(
                "fieldset.sc-question:not([hidden])",
                "fs => fs.filter(f => !f.querySelector('input:checked')).map(f => f.dataset.question)",
            )
            if not unanswered:
                break
        assert unanswered == [], href

    page.goto(base_url + "results.html")
    wait_for_engine(page)
    page.wait_for_selector('[data-sc="summary-table"]', timeout=ENGINE_TIMEOUT)
    headers = page.locator('[data-sc="summary-table"] thead th').all_inner_texts()
    answered = page.locator(".sc-overall > *").nth(headers.index("Answered")).inner_text()
    assert answered == "100%"
