"""Picking a council from the UK council register, as a new officer would (issue 12).

The real built site, the real register and the real bank: "Highland" gives a Scottish council
and Scotland's wording on the theme pages; "Belfast" gives a Northern Ireland council with no
adult social care questions; correcting the functions is saved only when they differ from the
type's defaults, and the results say so.
"""

from __future__ import annotations

import json

from .conftest import render_every_question, wait_for_engine
from .test_accessibility import violations

STORAGE_KEY = "scorecard.assessment.v1"
ATTRIBUTION = "mySociety, UK local authority names and codes, CC BY 4.0"
SHOTS = None  # set SCORECARD_SCREENSHOTS=DIR to keep screenshots of the journey


def saved(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") or "{}")


def pick(page, base_url, typed: str, name: str) -> None:
    """Type into the council search field and choose the suggestion, as an officer does."""
    page.goto(base_url + "index.html")
    field = page.locator("input#sc-council-pick")  # the autocomplete's input takes the <select>'s id
    field.wait_for()
    field.fill(typed)
    page.locator(".autocomplete__option", has_text=name).first.click()
    page.wait_for_function(
        "code => (JSON.parse(localStorage.getItem('scorecard.assessment.v1') || '{}').council || {}).code === code",
        arg=page.eval_on_selector(f'select[data-sc="council-pick"] option:text-is("{name}")', "o => o.value"),
    )
    page.locator(".autocomplete__menu").wait_for(state="hidden")  # the suggestions close once one is chosen


def bank(built_site) -> dict:
    return json.loads((built_site / "assets" / "bank.json").read_text(encoding="utf-8"))


def shot(page, name: str) -> None:
    import os

    folder = os.environ.get("SCORECARD_SCREENSHOTS")
    if folder:
        page.screenshot(path=f"{folder}/{name}.png", full_page=False)


def follow(page, base_url: str, path: str) -> None:
    """Go to a page of the site by its link, as an officer does: instant navigation keeps the engine running."""
    url = base_url + path
    page.evaluate("url => [...document.querySelectorAll('a')].find(a => a.href === url).click()", url)
    page.wait_for_url(url)


def engine_decided(page, theme: str) -> None:
    """Wait until the theme page shows the engine's statuses for the saved council (not the build's defaults)."""
    wait_for_engine(page)
    page.wait_for_selector('[data-sc="theme-score"], [data-sc="live-score"] p', timeout=60_000)


def test_highland_is_a_scottish_council_with_scottish_wording(page, base_url, built_site):
    render_every_question(page)  # the help text is read as shown, on every question
    pick(page, base_url, "Highl", "The Highland Council")
    council = saved(page)["council"]
    assert council == {
        "name": "The Highland Council",
        "type": "scotland_council",
        "region": "Scotland",
        "ons_code": "S12000017",
        "code": "HLD",
    }  # no functions: the type's defaults
    picked = page.locator('[data-sc="council-picked"]').inner_text()
    assert "Scottish council in Scotland" in picked and "S12000017" in picked and "HLD" in picked
    assert page.locator('[data-sc="council-manual"]').is_hidden()
    assert ATTRIBUTION in page.locator('[data-sc="register-attribution"]').inner_text()
    boxes = {b.get_attribute("value"): b.is_checked() for b in page.locator('[data-sc="council-function"]').all()}
    defaults = next(t for t in bank(built_site)["council_types"] if t["id"] == "scotland_council")["functions"]
    assert {f for f, ticked in boxes.items() if ticked} == set(defaults)
    shot(page, "highland-home")
    assert violations(page) == []  # the picked council, the functions and the search field: WCAG 2.2 AA

    # a theme with Scottish variants: each shows Scotland's wording, not England's
    compiled = bank(built_site)
    theme = next(
        t
        for t in compiled["themes"]
        if any("scotland" in q.get("variants", {}) and "help" in q["variants"]["scotland"] for q in t["questions"])
    )
    follow(page, base_url, f"themes/{theme['id']}.html")
    engine_decided(page, theme["id"])
    assert "The Highland Council" in page.locator('[data-sc="council-bar-name"]').inner_text()
    checked = 0
    for q in theme["questions"]:
        variant = q.get("variants", {}).get("scotland", {})
        fieldset = page.locator(f"#q-{q['id']}")
        if "help" not in variant or variant["help"] == q["help"] or fieldset.is_hidden():
            continue
        page.wait_for_function(
            "id => !document.querySelector(`#help-${id} [data-wording='scotland']`).hidden", arg=q["id"]
        )
        help_text = fieldset.locator(".sc-help").inner_text()
        assert " ".join(variant["help"].split()) in " ".join(help_text.split()), q["id"]
        assert " ".join(q["help"].split()) not in " ".join(help_text.split()), q["id"]
        checked += 1
    assert checked, "a question with Scotland's own help text was shown"
    shot(page, "highland-theme")


def test_belfast_is_an_ni_council_with_no_adult_social_care(page, base_url, built_site):
    pick(page, base_url, "Belf", "Belfast City Council")
    council = saved(page)["council"]
    assert (council["type"], council["code"], council["ons_code"]) == ("ni_district", "BFS", "N09000003")
    shot(page, "belfast-home")
    compiled = bank(built_site)
    care = {
        q["id"]: t["id"]
        for t in compiled["themes"]
        for q in t["questions"]
        if "adult_social_care" in q.get("requires", [])
    }
    assert care
    for theme in sorted(set(care.values())):
        follow(page, base_url, f"themes/{theme}.html")
        engine_decided(page, theme)
        page.wait_for_function(
            "() => document.querySelector('.sc-hidden-note') && document.querySelector('.sc-hidden-note').textContent !== ''"
        )
        for qid, in_theme in care.items():
            if in_theme == theme:
                assert page.locator(f"#q-{qid}").is_hidden(), qid
        assert page.locator("fieldset.sc-question:visible").count() > 0
    shot(page, "belfast-theme")

    # The officer records that the council runs adult social care after all: saved, asked, and said on the results
    follow(page, base_url, "index.html")
    page.locator("#sc-function-adult_social_care").check()
    assert saved(page)["council"]["functions"] == [
        "adult_social_care",
        "hmo_licensing",
        "sex_establishment_licensing",
        "environmental_health",
        "planning",
    ]
    follow(page, base_url, "results.html")
    wait_for_engine(page)
    notice = page.locator('[data-sc="functions-changed"]')
    notice.wait_for(timeout=60_000)
    assert "also runs adult social care" in notice.inner_text()
    shot(page, "belfast-results-functions")
    follow(page, base_url, "index.html")
    page.locator("#sc-function-adult_social_care").uncheck()
    assert "functions" not in saved(page)["council"]  # the type's defaults again: nothing saved


def test_not_listed_keeps_the_manual_choice(page, base_url):
    pick(page, base_url, "Tunbridge", "Tunbridge Wells Borough Council")
    assert saved(page)["council"]["type"] == "district"
    page.locator('[data-sc="council-not-listed"]').click()
    council = saved(page)["council"]
    assert "code" not in council and council["name"] == "" and council["type"] == "district"
    manual = page.locator('[data-sc="council-manual"]')
    assert manual.is_visible()
    page.select_option("#sc-council-type", "unitary")
    page.fill("#sc-council-name", "A New Unitary Council")
    council = saved(page)["council"]
    assert (council["name"], council["type"]) == ("A New Unitary Council", "unitary") and "code" not in council


def test_the_plain_select_works_without_the_search_field(context, base_url):
    """If the autocomplete script cannot load, the <select> of councils is still the picker."""
    page = context.new_page()
    page.route("**/vendor/accessible-autocomplete.min.js", lambda route: route.fulfill(status=404, body=""))
    page.goto(base_url + "index.html")
    page.select_option('select[data-sc="council-pick"]', "CRF")
    council = saved(page)["council"]
    assert (council["name"], council["type"], council["code"]) == ("City of Cardiff Council", "wales_principal", "CRF")
    context.recorder.errors.clear()  # the refused script is the point of this test


def test_the_register_is_credited_on_the_privacy_page(page, base_url):
    page.goto(base_url + "privacy.html")
    assert ATTRIBUTION in page.locator("article").inner_text()
