"""The Board report page in Welsh, and in both languages: the engine's words in the page's language, the same as
`scorecard report --lang` writes, each language's part marked with its lang."""

from __future__ import annotations

import json

from tests.helpers import ROOT, run_cli

from .conftest import poll, wait_for_engine
from .test_offline import wait_for_offline_cache

ANGLESEY = ROOT / "tests" / "data" / "real_councils" / "anglesey.json"  # a Welsh council's own file


def words(text: str) -> str:
    return " ".join(text.split())


def cli_text(browser, tmp_path, *lang: str) -> str:
    """What `scorecard report` writes for Anglesey's file in the languages given, as a browser shows it."""
    ran = run_cli("report", str(ANGLESEY), *(("--lang", ",".join(lang)) if lang else ()), cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    report = tmp_path / f"report-{'-'.join(lang) or 'en'}.html"
    report.write_text(ran.stdout, encoding="utf-8")
    other = browser.new_page()  # a file: page, outside the site's recorded context
    other.goto(report.as_uri())
    text = words(other.inner_text("main"))
    other.close()
    return text


def open_report(page, base_url, path: str) -> None:
    page.goto(base_url + "index.html")
    page.evaluate(
        "d => localStorage.setItem('scorecard.assessment.v1', JSON.stringify(d))", json.loads(ANGLESEY.read_text())
    )
    page.goto(base_url + path)
    wait_for_engine(page)
    page.wait_for_selector('[data-sc="board"][data-ready="true"]', timeout=60_000)


def test_the_welsh_board_page_says_what_the_welsh_cli_report_says(page, browser, base_url, tmp_path):
    open_report(page, base_url, "cy/report.html")
    shown = words(page.inner_text('[data-sc="board"]'))
    assert "Crynodeb" in shown and "Aseswyd 1 Ionawr 2022" in shown and "Summary" not in shown
    assert shown == cli_text(browser, tmp_path, "cy")
    page.goto(base_url + "report.html")  # the same answers on the English page: the English report
    page.wait_for_selector('[data-sc="board"][data-ready="true"]', timeout=60_000)
    assert words(page.inner_text('[data-sc="board"]')) == cli_text(browser, tmp_path)


def theme_titles(part) -> list[str]:
    return part.locator(".sc-board__themes tbody th[scope='row']").all_inner_texts()


def bank_titles(built_site, name: str) -> list[str]:
    return [t["title"] for t in json.loads((built_site / "assets" / name).read_text(encoding="utf-8"))["themes"]]


def test_a_bilingual_board_report_on_a_welsh_page(page, browser, base_url, built_site, tmp_path):
    """ "Add English after it": the Welsh report, then the English, each part marked, each with its own language's
    bank text (theme titles, questions, tiers): what `--lang cy,en` writes."""
    open_report(page, base_url, "cy/report.html")
    page.locator('[data-sc="board-also"][value="en"]').check()
    parts = page.locator('[data-sc="board"] > .sc-board__language')
    parts.nth(1).wait_for()
    assert [parts.nth(i).get_attribute("lang") for i in range(parts.count())] == ["cy", "en"]
    kicker = ".sc-board__kicker"  # (shown in capitals by the stylesheet)
    assert parts.nth(0).locator(kicker).text_content() == "Hunanasesiad caethwasiaeth fodern"
    assert parts.nth(1).locator(kicker).text_content() == "Modern slavery self-assessment"
    # each part says what `scorecard report --lang` says in its language, bank text and all: the page's engine
    # loads the English bank for the English part
    assert theme_titles(parts.nth(0)) == bank_titles(built_site, "bank-cy.json")
    assert theme_titles(parts.nth(1)) == bank_titles(built_site, "bank.json")
    assert words(parts.nth(0).inner_text()) == cli_text(browser, tmp_path, "cy")
    assert words(parts.nth(1).inner_text()) == cli_text(browser, tmp_path, "en")
    ids = page.eval_on_selector_all('[data-sc="board"] [id]', "nodes => nodes.map((n) => n.id)")
    assert len(ids) == len(set(ids)) == 4


def test_a_bilingual_board_report_on_an_english_page(page, browser, base_url, built_site, tmp_path):
    """ "Add Cymraeg after it" on the English page: the Welsh part with the Welsh bank, as `--lang en,cy` writes it."""
    open_report(page, base_url, "report.html")
    page.locator('[data-sc="board-also"][value="cy"]').check()
    parts = page.locator('[data-sc="board"] > .sc-board__language')
    parts.nth(1).wait_for()
    assert [parts.nth(i).get_attribute("lang") for i in range(parts.count())] == ["en", "cy"]
    assert theme_titles(parts.nth(0)) == bank_titles(built_site, "bank.json")
    assert theme_titles(parts.nth(1)) == bank_titles(built_site, "bank-cy.json")
    assert words(parts.nth(1).inner_text()) == cli_text(browser, tmp_path, "cy")


def test_the_other_languages_bank_is_there_offline(browser, base_url, built_site):
    """The English bank a Welsh page's engine loads for its report's English part is one of the files the service
    worker keeps: with the network off, the bilingual report is still each part's own language."""
    context = browser.new_context()
    page = context.new_page()
    open_report(page, base_url, "cy/report.html")
    wait_for_offline_cache(page)
    poll(
        page,
        "async () => Boolean(await (await caches.open('scorecard-engine')).match('/assets/bank.json', {ignoreSearch: true}))",
    )
    context.set_offline(True)
    page.reload()
    wait_for_engine(page)
    page.wait_for_selector('[data-sc="board"][data-ready="true"]', timeout=60_000)
    page.locator('[data-sc="board-also"][value="en"]').check()
    parts = page.locator('[data-sc="board"] > .sc-board__language')
    parts.nth(1).wait_for()
    assert theme_titles(parts.nth(1)) == bank_titles(built_site, "bank.json")
    assert theme_titles(parts.nth(0)) == bank_titles(built_site, "bank-cy.json")
    context.close()
