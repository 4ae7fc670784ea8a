"""A guidance page translated into Welsh (guidance/PAGE.cy.md) is shown in Welsh on /cy/, marked lang="cy", and the
banks' links from a Welsh theme page land on its headings (the translation keeps the English heading ids); a Welsh
template downloads in Welsh."""

from __future__ import annotations

import zipfile
from pathlib import Path

from playwright.sync_api import expect

from .conftest import new_page, scroll_to_settled, start_assessment, wait_for_scores


def test_a_welsh_guidance_page_is_welsh_and_the_banks_links_land_on_its_headings(page, base_url):
    start_assessment(page, base_url, council_type="wales_principal", name="City of Cardiff Council")
    page.goto(base_url + "cy/themes/operations.html")
    wait_for_scores(page)
    link = page.locator('p.sc-guidance a[href$="guidance/operations.html#right-to-work"]:visible').first
    scroll_to_settled(link)
    link.click()
    page.wait_for_url("**/cy/guidance/operations.html#right-to-work")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.locator("h1")).to_contain_text("Gweithrediadau a gweithlu'r cyngor ei hun: canllawiau")
    heading = page.locator("h3#right-to-work")
    expect(heading).to_contain_text("Gwirio hawl i weithio pawb yr ydych yn eu cyflogi")
    expect(heading).to_be_in_viewport()
    # Welsh text, not the English fallback marked lang="en"; a draft says so in both languages
    assert heading.evaluate("h => h.closest('[lang]').getAttribute('lang')") == "cy"
    expect(page.locator('[data-sc="translation-status"]')).to_contain_text("Nid yw cyfieithiad y dudalen hon")
    expect(page.locator('[data-sc="translation-status"]')).not_to_contain_text("This page is not yet translated")


def test_a_welsh_template_downloads_as_a_welsh_word_document(context, base_url):
    """The Welsh statement outline (guidance/templates/statement-outline.cy.md) offers its own Word copy, in Welsh."""
    page = new_page(context)
    page.goto(base_url + "cy/guidance/templates/statement-outline.html")
    expect(page.locator("h1")).to_contain_text("Amlinelliad o ddatganiad caethwasiaeth fodern")
    with page.expect_download() as download:
        page.get_by_role("link", name="Dogfen Word (.docx", exact=False).click()
    assert download.value.suggested_filename == "statement-outline.docx"
    with zipfile.ZipFile(Path(download.value.path())) as document:
        body = document.read("word/document.xml").decode("utf-8")
    assert "Amlinelliad o ddatganiad caethwasiaeth fodern ar gyfer cyngor" in body
    assert "Modern slavery statement outline for a council" not in body
