"""The bank in Welsh on the Welsh pages: a translated question reads in Welsh (lang cy), one not yet translated in
English marked lang="en", and the Welsh pages' engine (its own bank file, bank-cy.json) scores the same answers
exactly as the English pages' does.

The site is built from a copy of the real banks with a few strings translated by `scorecard translations import`
(a small translation written here, not the translators' drafts).
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
from babel.messages.pofile import read_po, write_po

from scorecard.engine import Bank, load_assessment, score_assessment
from tests.helpers import ROOT, run_cli, without_translations

from .conftest import new_page, serve_build, start_assessment, wait_for_scores

WELSH = {
    "theme title": "Arweinydd dynodedig (SPOC), partneriaeth ac arweinyddiaeth",
    "SPC-01 text": "A oes gan y cyngor un pwynt cyswllt (SPOC) wedi'i enwi ar gyfer caethwasiaeth fodern?",
    "SPC-02 text": "Ai rôl bwrpasol yw rôl yr arweinydd, neu a yw wedi'i hychwanegu at ei ddyletswyddau eraill?",
    "SPC-02 options.dedicated": "Rôl bwrpasol (neu dîm) ar gyfer caethwasiaeth fodern a chamfanteisio",
}
UNTRANSLATED = "Which of these does the lead's role cover?"  # SPC-03's text


@pytest.fixture(scope="module")
def welsh_site(tmp_path_factory):
    """A site built from the real banks, their own Welsh left out and WELSH imported as drafts: (url, site folder)."""
    work = tmp_path_factory.mktemp("welsh-bank")
    shutil.copytree(ROOT / "questions", work / "questions")
    shutil.copytree(ROOT / "guidance", work / "guidance")
    questions = work / "questions"
    for theme in questions.glob("*.yaml"):  # the banks' own Welsh left out: only WELSH is translated
        theme.write_text(without_translations(theme.read_text(encoding="utf-8")), encoding="utf-8")
    exported = run_cli("--questions", str(questions), "translations", "export", "--lang", "cy", "po", cwd=work)
    assert exported.returncode == 0, exported.stderr
    po = work / "po" / "spoc.cy.po"
    with po.open("rb") as handle:
        catalogue = read_po(handle)
    for message in catalogue:
        if message.context in WELSH:
            message.string = WELSH[message.context]
            message.flags = {"fuzzy"}
    with po.open("wb") as handle:
        write_po(handle, catalogue, width=0)
    imported = run_cli("--questions", str(questions), "translations", "import", str(po), cwd=work)
    assert "4 written" in imported.stdout and imported.returncode == 0, imported.stdout + imported.stderr
    server, url, site = serve_build(work / "out", questions, work / "guidance")
    yield url, site
    server.shutdown()
    server.server_close()


def effective_lang(locator) -> str:
    return locator.evaluate("el => el.closest('[lang]').lang")


def test_a_translated_question_reads_in_welsh_and_an_untranslated_one_in_english(contexts, welsh_site):
    url, _site = welsh_site
    page = new_page(contexts(url))
    start_assessment(page, url, council_type="wales_principal", name="City of Cardiff Council")
    page.goto(url + "cy/themes/spoc.html")
    wait_for_scores(page)
    heading = page.locator("h1")
    assert heading.inner_text().startswith(WELSH["theme title"]) and effective_lang(heading) == "cy"
    spc01 = page.locator("fieldset[data-question='SPC-01'] legend [data-wording='base']")
    assert spc01.is_visible() and spc01.inner_text() == WELSH["SPC-01 text"] and effective_lang(spc01) == "cy"
    page.locator("#SPC-01-yes").check()
    wait_for_scores(page)
    option = page.locator("label[for='SPC-02-dedicated']")
    assert option.is_visible() and option.inner_text() == WELSH["SPC-02 options.dedicated"]
    assert effective_lang(option) == "cy"
    english_option = page.locator("label[for='SPC-02-added_no_time']")  # this option is not translated
    assert english_option.inner_text() == "Added to other duties, with no time set aside"
    assert effective_lang(english_option) == "en"
    spc03 = page.locator("fieldset[data-question='SPC-03'] legend [data-wording='base']")
    assert spc03.inner_text() == UNTRANSLATED and effective_lang(spc03) == "en"
    # the English page is unchanged
    page.goto(url + "themes/spoc.html")
    assert "Does the council have a named single point of contact" in page.locator("article").inner_text()


def scores_shown(page) -> list[str]:
    """Each row's score in the results' summary table (every theme, then the overall one)."""
    return page.locator("table[data-sc='summary-table'] tbody tr").evaluate_all(
        "rows => rows.map((row) => row.querySelector('td').textContent)"
    )


def test_answers_made_on_a_welsh_page_score_as_on_the_english_page(contexts, welsh_site):
    """The Welsh pages' engine loads the Welsh bank: its results name the theme in Welsh, with the same scores."""
    url, _site = welsh_site
    page = new_page(contexts(url))
    start_assessment(page, url, council_type="wales_principal", name="City of Cardiff Council")
    page.goto(url + "cy/themes/spoc.html")
    wait_for_scores(page)
    page.locator("#SPC-01-yes").check()
    wait_for_scores(page)
    page.locator("#SPC-02-dedicated").check()
    wait_for_scores(page)
    page.goto(url + "cy/results.html")
    welsh_row = page.locator("table[data-sc='summary-table'] tbody tr").first
    welsh_row.locator("th a", has_text=WELSH["theme title"]).wait_for(timeout=120_000)
    welsh = scores_shown(page)
    page.locator(".md-select a[hreflang='en']").dispatch_event("click")
    page.wait_for_url(re.compile(r".*/(?<!cy/)results\.html$"))
    english_row = page.locator("table[data-sc='summary-table'] tbody tr").first
    english_row.locator("th a", has_text="Designated lead (SPOC), partnership and leadership").wait_for(timeout=120_000)
    english = scores_shown(page)
    assert welsh == english and welsh[0] not in ("", "–")


def test_the_welsh_bank_scores_every_example_council_as_the_english_one(welsh_site):
    """The same files scored with the site's two bank files give the same scores, tiers, risks and actions."""
    _url, site = welsh_site
    english = Bank.from_dict(json.loads((site / "assets" / "bank.json").read_text(encoding="utf-8")))
    welsh = Bank.from_dict(json.loads((site / "assets" / "bank-cy.json").read_text(encoding="utf-8")))
    assert welsh.questions["SPC-01"].text == WELSH["SPC-01 text"]

    def scores(bank: Bank, data: dict) -> list:
        result = score_assessment(bank, load_assessment(data, bank))
        themes = [(t["id"], t["score"], t["tier"], t["risk"], t["evidenced_score"]) for t in result["themes"]]
        return [
            themes,
            result["overall"]["score"],
            result["overall"]["tier"],
            [a["question"] for a in result["actions"]],
        ]

    examples = sorted((site / "assets" / "examples").glob("*.json"))
    examples = [p for p in examples if p.name != "index.json"]
    assert examples
    for path in examples:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert scores(english, data) == scores(welsh, data), path.name
