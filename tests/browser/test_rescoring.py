"""The engine is asked for a new score only when something the result depends on changes (issue 29): an answer, a
council detail, a plan's status, a note, evidence or a plan given or taken away. Typing on in a note, an evidence
text or an action's owner, due date or progress note does not ask again: it asked for a full score on every
keystroke, on the results page the whole result with its action list. Counted at the worker: each message the
page sends it."""

from __future__ import annotations

from .conftest import ENGINE_TIMEOUT, shown_question, start_assessment, wait_for_engine

# Count every operation the page sends the engine from now on (the worker lives for the whole visit).
COUNT = """() => {
  const worker = window.scorecard.worker;
  if (!worker.sent) {
    worker.sent = [];
    const send = worker.postMessage.bind(worker);
    worker.postMessage = (message, ...rest) => { worker.sent.push(message.op); return send(message, ...rest); };
  }
  worker.sent.length = 0;
}"""
SCORED = "() => window.scorecard.worker.sent.filter((op) => op === 'score' || op === 'live_score').length"


def scored_after(page, action) -> int:
    """How many scores the page asked for while `action` ran (and a moment after, for anything it set off)."""
    page.evaluate(COUNT)
    action()
    page.wait_for_timeout(300)
    return page.evaluate(SCORED)


def test_typing_a_note_or_evidence_on_a_theme_page_does_not_score_again(page, base_url):
    start_assessment(page, base_url, council_type="unitary")
    page.locator('[data-sc="theme-list"] a').first.click()
    wait_for_engine(page)
    first = page.locator("fieldset.sc-question:visible").first
    qid = first.get_attribute("data-question")
    assert scored_after(page, lambda: first.locator("input").first.check()) == 1, "an answer is scored"
    first.locator("details.sc-note summary").click()
    note = page.locator(f"#note-{qid}")
    # The first letter gives the question a note (the engine reports notes of questions it does not know); the rest
    # only change its text.
    assert scored_after(page, lambda: note.press_sequentially("A")) == 1
    assert scored_after(page, lambda: note.press_sequentially("greed at cabinet, 12 May")) == 0
    evidence = page.locator(f"#evidence-{qid}")
    assert scored_after(page, lambda: evidence.press_sequentially("h")) == 1  # evidence given: counted in the result
    assert scored_after(page, lambda: evidence.press_sequentially("ttps://example.org/minutes")) == 0
    # An evidence item's date changes what it counts for (dated "none known" sources; evidence goes stale after
    # scoring.yaml's limit): each date given scores once.
    assert scored_after(page, lambda: page.fill(f"#evidence-date-{qid}", "2026-05-12")) == 1
    assert scored_after(page, lambda: page.fill(f"#evidence-date-{qid}", "2026-05-13")) == 1
    assert scored_after(page, lambda: evidence.fill("")) == 1  # evidence taken away
    saved = page.evaluate("() => window.scorecard.store.getAssessment()")
    assert saved["notes"][qid] == "Agreed at cabinet, 12 May"
    second = shown_question(page, 1)
    assert scored_after(page, lambda: second.locator("input").first.check()) == 1


def test_typing_an_actions_owner_on_the_results_page_does_not_ask_for_the_result_again(page, base_url):
    start_assessment(page, base_url, council_type="unitary")
    page.locator('[data-sc="theme-list"] a').first.click()
    wait_for_engine(page)
    for i in range(3):
        shown_question(page, i).locator("input").first.check()
    page.goto(base_url + "results.html")
    wait_for_engine(page)
    page.wait_for_selector('[data-sc="actions-table"] tbody tr', timeout=ENGINE_TIMEOUT)
    box = page.locator('[data-sc="plan"]').first
    box.locator("summary").click()
    owner = box.locator('[data-plan="owner"]')
    assert scored_after(page, lambda: owner.press_sequentially("H")) == 1  # a plan begun: it counts as planned
    assert scored_after(page, lambda: owner.press_sequentially("ead of Procurement")) == 0
    assert scored_after(page, lambda: box.locator('[data-plan="due"]').fill("2027-03-31")) == 0
    assert scored_after(page, lambda: box.locator('[data-plan="note"]').press_sequentially("Tender drafted")) == 0
    # What the page shows of the plan comes from what is saved, so it is right without a new result.
    assert "owner Head of Procurement" in box.locator('[data-sc="plan-summary"]').inner_text()
    assert scored_after(page, lambda: box.locator('[data-plan="status"]').select_option("in_progress")) == 1
    summary = page.locator('[data-sc="plan"]').first.locator('[data-sc="plan-summary"]')
    assert summary.inner_text().startswith("In progress, owner Head of Procurement, due 31 March 2027")
