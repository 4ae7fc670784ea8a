"""What the early script (site/early/, inlined in every page's <head>) writes, in the page's language: the saving
failures, why saved answers could not be read, and the theme page's note on hidden questions. The Welsh is the
catalogue's, as the modules' words are; saved data stays language-free (an English page says it in English)."""

from __future__ import annotations

import json

from scorecard.sitegen.i18n_site import catalogue_json

from .conftest import STORAGE_KEY, wait_for_engine

WELSH = catalogue_json("cy")["messages"]
NOT_SAVED = (
    "Your answers could not be saved in this browser (storage is full or turned off). Export the assessment to keep a "
    "copy."
)
NOT_JSON = "it is not valid JSON (it may have been cut short or edited by hand)"
NOT_ANSWERS = "its answers are not in the form the scorecard writes"
FORMAT_VERSION = "it is in format version %(version)s, which this version of the site cannot read"
HIDDEN = "%(count)s question(s) in this theme do not apply to your council (its nation, or a function it does not run) and are hidden."  # noqa: E501

FILL_STORAGE = """() => {
    let size = 1 << 20, i = 0;
    while (size >= 1) {
        try { localStorage.setItem('filler-' + i++, 'x'.repeat(size)); } catch (e) { size = Math.floor(size / 2); }
    }
}"""


def assessment(**extra) -> dict:
    data = {
        "format": "scorecard-assessment",
        "format_version": 1,
        "council": {"name": "Isle of Anglesey County Council", "type": "wales_principal"},
        "assessment_date": "2026-11-01",
        "bank_version": "2026.1",
        "answers": {},
        "notes": {},
    }
    data.update(extra)
    return data


def test_a_save_that_fails_is_said_in_welsh(page, base_url):
    page.goto(base_url + "cy/privacy.html")
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [STORAGE_KEY, json.dumps(assessment())])
    page.goto(base_url + "cy/themes/spoc.html")
    page.evaluate(FILL_STORAGE)
    page.locator("fieldset.sc-question:visible details.sc-note summary").first.click()
    page.locator("fieldset.sc-question:visible textarea[data-sc='note']").first.fill(
        "Nodyn hirach na'r lle sydd ar ôl. " * 20
    )
    page.wait_for_selector(".sc-save-error")
    assert page.locator(".sc-save-error").inner_text() == WELSH[NOT_SAVED] != NOT_SAVED


def test_saved_answers_that_cannot_be_read_are_said_in_the_pages_language(page, base_url):
    for text, problem in [
        ('{"format": "scorecard-assessment", "format_version": 1, "answers": {"SPC-01": "ye', WELSH[NOT_JSON]),
        (json.dumps(assessment(answers={"SPC-01": {"chosen": "yes"}})), WELSH[NOT_ANSWERS]),
        (json.dumps(assessment(format_version=2)), WELSH[FORMAT_VERSION] % {"version": 2}),
    ]:
        page.goto(base_url + "cy/privacy.html")
        page.evaluate("() => localStorage.clear()")
        page.evaluate("([key, text]) => localStorage.setItem(key, text)", [STORAGE_KEY, text])
        page.goto(base_url + "cy/themes/spoc.html")
        notice = page.wait_for_selector('[data-sc="unreadable-notice"]')
        assert problem in notice.inner_text(), notice.inner_text()
    # the copy kept aside says nothing in any language: the English page says it in English
    page.goto(base_url + "themes/spoc.html")
    notice = page.wait_for_selector('[data-sc="unreadable-notice"]')
    assert "format version 2, which this version of the site cannot read" in notice.inner_text()


def test_the_hidden_questions_note_is_in_welsh(page, base_url):
    page.goto(base_url + "cy/privacy.html")
    page.evaluate(
        "([key, text]) => localStorage.setItem(key, text)",
        [STORAGE_KEY, json.dumps(assessment(council={"name": "Kent County Council", "type": "county"}))],
    )
    page.goto(base_url + "cy/themes/housing.html")
    wait_for_engine(page)
    page.wait_for_function("() => document.querySelector('.sc-hidden-note').textContent !== ''")
    shown = page.locator(".sc-hidden-note").inner_text()
    count = int(next(word for word in shown.split() if word.isdigit()))
    assert count > 1
    form = WELSH[HIDDEN][{0: 0, 1: 1, 2: 2, 3: 3, 6: 4}.get(count, 5)]  # Welsh's six forms (the catalogue's order)
    assert shown == form % {"count": count}
