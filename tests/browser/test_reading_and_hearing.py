"""A question can be read, hit and heard (issue 25, findings F19 and F24).

Measured in the browser on a real council's theme page: body text and hints at least 16 px, questions and answers
19 px, radios and checkboxes 40 px; each question's legend holds a heading; the legal duty shown is part of the
question's accessible description (and only its nation's); an answer makes the page announce the changed score and
tier in one short sentence, not the whole panel.
"""

from __future__ import annotations

from .conftest import ENGINE_TIMEOUT, render_every_question
from .test_council_picker import follow, pick

SIZES = """() => {
  const px = (e) => parseFloat(getComputedStyle(e).fontSize);
  const shown = (sel) => [...document.querySelectorAll(sel)].filter((e) => e.checkVisibility());
  const smallest = (sel) => Math.min(...shown(sel).map(px));
  const boxes = shown("fieldset.sc-question .sc-option input").map((i) => i.getBoundingClientRect());
  return {
    hint: smallest(".sc-theme-page .sc-hint, .sc-help, .sc-guidance, .sc-sources summary, .sc-note summary, .sc-badge"),
    fields: smallest(".sc-note label, .sc-evidence label, .sc-note textarea, .sc-evidence input"),
    question: smallest("fieldset.sc-question legend .sc-question__title"),
    answer: smallest("fieldset.sc-question .sc-option label"),
    box: Math.min(...boxes.map((r) => Math.min(r.width, r.height))),
  };
}"""


def test_text_and_targets_are_big_enough(page, base_url):
    render_every_question(page)
    pick(page, base_url, "Tunbridge", "Tunbridge Wells Borough Council")
    follow(page, base_url, "themes/licensing.html")
    page.wait_for_selector('[data-sc="theme-score"]', timeout=ENGINE_TIMEOUT)
    for details in page.locator("details.sc-note").all():
        details.evaluate("d => d.open = true")
    sizes = page.evaluate(SIZES)
    assert sizes["hint"] >= 16 and sizes["fields"] >= 16, sizes
    assert sizes["question"] >= 19 and sizes["answer"] >= 19, sizes
    assert sizes["box"] >= 40, sizes


def description(page, selector: str) -> str:
    """The accessible description Chromium computes for an element (what a screen reader reads after its name)."""
    page.locator(selector).scroll_into_view_if_needed()  # laid out (content-visibility) and so in the tree now
    page.wait_for_timeout(300)
    session = page.context.new_cdp_session(page)
    root = session.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    tree = session.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})["nodes"]
    session.detach()
    return " ".join(tree[0].get("description", {}).get("value", "").split())


def test_each_question_has_a_heading_and_its_own_duty_in_its_description(page, base_url):
    pick(page, base_url, "Cardiff", "City of Cardiff Council")
    follow(page, base_url, "themes/safeguarding.html")
    page.wait_for_selector('[data-sc="theme-score"]', timeout=ENGINE_TIMEOUT)
    page.wait_for_function("() => !document.querySelector('#q-SAF-07 [data-wording=wales]').hidden")
    headings = page.eval_on_selector_all(
        "fieldset.sc-question", "fs => fs.filter(f => !f.querySelector('legend h2, legend h3')).map(f => f.id)"
    )
    assert headings == []
    said = description(page, "#q-SAF-07")
    assert "Legal duty: Social Services and Well-being (Wales) Act 2014" in said, said
    assert "Care Act 2014" not in said and "Scotland" not in said, said
    said = description(page, "#q-SAF-01")  # an essential control: its label, then its help
    assert said.startswith("Essential control:") and page.locator("#help-SAF-01").inner_text()[:40] in said, said
    plain = page.evaluate(  # a question shown with no label: its help alone
        "() => [...document.querySelectorAll('fieldset.sc-question:not([hidden])')].find(f => !f.querySelector('.sc-badges')).id"
    )
    assert description(page, f"#{plain}").startswith(page.locator(f"#{plain} .sc-help").inner_text()[:40])


def test_an_answer_announces_the_new_score_only(page, base_url):
    pick(page, base_url, "Tunbridge", "Tunbridge Wells Borough Council")
    follow(page, base_url, "themes/licensing.html")
    page.wait_for_selector('[data-sc="theme-score"]', timeout=ENGINE_TIMEOUT)
    live = page.eval_on_selector_all(
        ".sc-theme-page [aria-live], .sc-theme-page [role=status], .sc-theme-page [role=alert]",
        "es => es.map(e => e.dataset.sc)",
    )
    assert set(live) <= {"live-announce", "engine-status"}, live
    page.locator("fieldset.sc-question:not(.sc-question--context):visible input").first.check()
    page.wait_for_function("() => document.querySelector('[data-sc=live-announce]').textContent !== ''")
    said = page.locator('[data-sc="live-announce"]').text_content()
    score = page.locator('[data-sc="theme-score"]').inner_text()
    assert said.startswith(f"Score {score} out of 100, ") and len(said) < 80, said


def test_source_addresses_are_links(page, base_url):
    """F17: a source's web address can be followed (it was plain text)."""
    pick(page, base_url, "Tunbridge", "Tunbridge Wells Borough Council")
    follow(page, base_url, "themes/spoc.html")
    page.wait_for_selector('[data-sc="theme-page"][data-theme="spoc"]')
    sources = page.locator(".sc-sources li").filter(has_text="https://")
    assert sources.count()
    link = sources.first.locator("a")
    assert link.get_attribute("href").startswith("https://") and link.inner_text() in sources.first.inner_text()
