"""The site in Welsh: every page has a Welsh twin marked lang="cy", axe-clean, honest about its draft status, and a
language switch that keeps the officer's page and answers and is remembered."""

from __future__ import annotations

import html
import re

from playwright.sync_api import expect

from .conftest import start_assessment, wait_for_engine
from .test_accessibility import violations


def test_every_page_has_a_welsh_twin_marked_cy(built_site):
    english = sorted(p.relative_to(built_site) for p in built_site.rglob("*.html") if "cy" not in p.parts)
    english = [p for p in english if p.name != "404.html"]
    missing, wrong = [], []
    for page in english:
        welsh = built_site / "cy" / page
        if not welsh.exists():
            missing.append(str(page))
        elif '<html lang="cy"' not in welsh.read_text(encoding="utf-8"):
            wrong.append(str(page))
    assert not missing and not wrong, f"no Welsh page: {missing}; not lang=cy: {wrong}"


def test_a_welsh_page_says_its_translation_is_not_yet_reviewed_in_both_languages(built_site):
    """Every Welsh string is a draft: each Welsh page says so, in Welsh and (marked lang=en) in English."""
    for name in ("index.html", "privacy.html", "themes/spoc.html"):
        text = html.unescape((built_site / "cy" / name).read_text(encoding="utf-8"))
        assert "Nid yw cyfieithiad y dudalen hon wedi'i adolygu eto." in text, name
        assert '<span lang="en">Welsh translation not yet reviewed.</span>' in text, name
        assert re.search(r'href="(\.\./)*contact\.html">Rhoi gwybod am gamgymeriad', text), name
    assert "translation-status" not in (built_site / "privacy.html").read_text(encoding="utf-8")


def test_the_english_not_found_page_stays_english(built_site):
    """MkDocs writes 404.html at the site's top on each language's build: the English one is kept (i18n_hooks.py)."""
    assert '<html lang="en"' in (built_site / "404.html").read_text(encoding="utf-8")


def test_welsh_pages_have_no_axe_violations(page, base_url):
    """A Welsh council's officer's pages in Welsh. (test_accessibility.py checks every page, the Welsh ones too, for a
    unitary authority; a Welsh council's theme page fails axe in English as well: SPC-20's sources summary and the
    next-theme button, reported to the lead.)"""
    start_assessment(page, base_url, council_type="wales_principal", name="Cyngor Caerdydd")
    found = {}
    pages = ("cy/index.html", "cy/results.html", "cy/check.html", "cy/how-scoring-works.html", "cy/legal-duties.html")
    for path in (*pages, "cy/privacy.html", "cy/browsers.html", "cy/guidance/spoc.html"):
        page.goto(base_url + path)
        if "results" in path:
            wait_for_engine(page)
        if problems := violations(page):
            found[path] = problems
    assert found == {}


def test_the_language_switch_keeps_the_page_and_the_answers_and_is_remembered(page, base_url):
    start_assessment(page, base_url, council_type="wales_principal", name="City of Cardiff Council")
    page.goto(base_url + "themes/spoc.html")
    first = page.locator("fieldset.sc-question:visible input").first
    first.check()
    answer = first.get_attribute("id")
    page.locator(".md-select a[hreflang='cy']").dispatch_event("click")
    page.wait_for_url("**/cy/themes/spoc.html")
    assert page.locator("html").get_attribute("lang") == "cy"
    assert page.locator(f"#{answer}").is_checked()  # the same answer, on the Welsh page
    assert "Eich sgôr ar gyfer y thema hon" in page.locator("article").inner_text()
    page.goto(base_url + "results.html")  # an English address: the remembered language's page instead
    page.wait_for_url("**/cy/results.html")
    page.locator(".md-select a[hreflang='en']").dispatch_event("click")
    page.wait_for_url(re.compile(r".*/(?<!cy/)results\.html$"))
    assert page.locator("html").get_attribute("lang") == "en"


def test_the_council_picker_lists_welsh_names_on_welsh_pages(built_site):
    welsh = (built_site / "cy" / "index.html").read_text(encoding="utf-8")
    english = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<option value="CRF"[^>]*>Caerdydd \(City of Cardiff Council\)</option>', welsh)
    assert re.search(r'<option value="CRF"[^>]*>City of Cardiff Council</option>', english)


def test_the_words_the_javascript_writes_are_welsh_on_a_welsh_page(page, base_url):
    """The banner every page shows once there are answers (js/saving.js) comes from the same catalogue as the page."""
    start_assessment(page, base_url, council_type="wales_principal", name="City of Cardiff Council")
    page.goto(base_url + "cy/themes/spoc.html")
    page.locator("fieldset.sc-question:visible input").first.check()
    expect(page.locator('[data-sc="saving"]')).to_contain_text("Heb ei allforio eto: mae eich atebion wedi'u cadw")
    expect(page.locator('[data-sc="export-copy"]')).to_have_text("Allforio copi")
    page.goto(base_url + "themes/spoc.html")  # the same answers on the English page: the English words
    expect(page.locator('[data-sc="saving"]')).to_contain_text("Not exported yet: your answers are saved")
    expect(page.locator('[data-sc="export-copy"]')).to_have_text("Export a copy")


def test_check_your_answers_is_welsh_on_a_welsh_page(page, base_url):
    """js/check.js writes its words, a plural among them, from the catalogue; the English page keeps its own."""
    start_assessment(page, base_url, council_type="wales_principal", name="City of Cardiff Council")
    page.goto(base_url + "cy/themes/spoc.html")
    page.locator("fieldset.sc-question:visible input").first.check()
    page.goto(base_url + "cy/check.html")
    page.wait_for_selector('[data-sc="check-answers"][data-ready]', timeout=120_000)
    expect(page.locator('[data-sc="sign-off"]')).to_have_text("Llofnodi asesiad anghyflawn")
    expect(page.locator('[data-sc="incomplete"]')).to_contain_text("cwestiwn wedi'u hateb eto")
    expect(page.locator('label[for="sc-signoff-role"]')).to_have_text("Eich rôl")
    page.goto(base_url + "check.html")
    page.wait_for_selector('[data-sc="check-answers"][data-ready]', timeout=120_000)
    expect(page.locator('[data-sc="sign-off"]')).to_have_text("Sign off an incomplete assessment")
    expect(page.locator('[data-sc="incomplete"]')).to_contain_text("questions are not answered yet")


def test_the_legal_duties_page_names_the_councils_nation_in_welsh(page, base_url):
    """js/nations.js shows a Welsh council only its own nation's duties, and says so in Welsh."""
    start_assessment(page, base_url, council_type="wales_principal", name="City of Cardiff Council")
    page.goto(base_url + "cy/legal-duties.html")
    status = page.locator('[data-sc="by-nation-status"]').first
    expect(status).to_contain_text("Dyletswyddau cenedl eich cyngor: Wales.", timeout=120_000)
    expect(page.locator('[data-sc="by-nation-toggle"]').first).to_have_text("Dangos pob cenedl")
