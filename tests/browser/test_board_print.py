"""The board report prints to A4: a one-page summary, then the annex; nothing cut off at the edge.
The site's Board report page says exactly what `scorecard report` says.

Printed with Chromium's page.pdf, split into pages with poppler's pdftotext and pdftoppm.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess

import pytest

from scorecard.engine import load_assessment, score_assessment
from scorecard.engine.board import board_report
from scorecard.reports.board import board_html
from scorecard.testing import yearly_example

from .conftest import wait_for_engine

A4_CONTENT_PX = round((210 - 24) / 25.4 * 96)  # A4 less the 12 mm side margins of board.css, in CSS pixels


def example(real_bank):
    return yearly_example(real_bank, random.Random(11))


def pdf_pages(pdf) -> list[str]:
    if not shutil.which("pdftotext"):
        pytest.fail("poppler-utils is not installed: run scripts/setup --browser")
    count = int(
        re.search(
            r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        ).group(1)
    )
    return [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, count + 1)
    ]


def words(text: str) -> str:
    return " ".join(text.split())


def test_the_cli_report_prints_a_one_page_summary_then_the_annex(browser, tmp_path, real_bank):
    data = example(real_bank)
    assessment = load_assessment(data, real_bank)
    report = board_report(real_bank, assessment, score_assessment(real_bank, assessment))
    page_file = tmp_path / "report.html"
    page_file.write_text(board_html(report), encoding="utf-8")
    page = browser.new_page()
    page.goto(page_file.as_uri())
    page.emulate_media(media="print")
    page.set_viewport_size({"width": A4_CONTENT_PX, "height": 1000})
    # nothing wider than the paper: no table, bar or link runs past the right margin
    assert page.evaluate("document.documentElement.scrollWidth") <= A4_CONTENT_PX
    bars = page.eval_on_selector_all(".sc-board__bar", "els => els.map(e => e.getBoundingClientRect().right)")
    assert len(bars) == sum(1 for t in report["themes"] if t["state"] == "scored") > 0 and max(bars) <= A4_CONTENT_PX
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True, print_background=True)
    page.close()
    pages = pdf_pages(pdf)
    first = words(pages[0])
    for text in (
        "Summary",
        "Scores by theme",
        "Top actions",
        report["sign_off"],
        report["evidence"],
        report["since"]["summary"],
    ):
        assert words(text) in first, text
    assert "Annex" not in first  # the summary is one page; the annex starts on the next
    assert words(pages[1]).startswith("Annex: every answer, note and piece of evidence")
    annex = words(" ".join(pages[1:]))
    for theme in report["annex"]:
        for row in theme["questions"]:
            assert row["id"] in annex
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / "page")], check=True)
    assert len(list(tmp_path.glob("page-*.png"))) == len(pages)


def test_the_site_page_says_what_the_cli_report_says(page, browser, base_url, real_bank, tmp_path):
    data = example(real_bank)
    page.goto(base_url + "index.html")
    page.evaluate("d => localStorage.setItem('scorecard.assessment.v1', JSON.stringify(d))", data)
    page.goto(base_url + "report.html")
    wait_for_engine(page)
    page.wait_for_selector('[data-sc="board"][data-ready="true"]', timeout=60_000)
    site_text = words(page.inner_text('[data-sc="board"]'))

    assessment = load_assessment(json.loads(json.dumps(data)), real_bank)
    cli_file = tmp_path / "report.html"
    cli_file.write_text(
        board_html(board_report(real_bank, assessment, score_assessment(real_bank, assessment))), encoding="utf-8"
    )
    other = browser.new_page()  # a file: page, outside the site's recorded context
    other.goto(cli_file.as_uri())
    cli_text = words(other.inner_text("main"))
    other.close()
    assert site_text == cli_text

    pdf = tmp_path / "site.pdf"
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True, print_background=True)
    pages = pdf_pages(pdf)
    assert "Signed off by Alex Morgan" in words(pages[0]) and "Annex" not in pages[0]
    assert "Print the board report" not in " ".join(pages)
