"""Script and event-handler payloads in a question bank or an imported file are shown as
text and never run."""

from __future__ import annotations

import json
import shutil

import pytest

from ..helpers import MINI
from .conftest import ENGINE_TIMEOUT, give_council_by_hand, serve_build, wait_for_engine

SCRIPT = "<script>window.__pwned = 'script'</script>"
IMG = '<img src="x" onerror="window.__pwned = \'img\'">'
LINK = '<a href="javascript:window.__pwned=1" onclick="window.__pwned=\'click\'">click</a>'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(MINI / "questions", root / "questions")
    shutil.copytree(MINI / "guidance", root / "guidance")
    alpha = root / "questions" / "alpha.yaml"
    text = alpha.read_text()
    text = text.replace("text: Is there a named lead for this?", f"text: {json.dumps('Is there a lead? ' + SCRIPT)}")
    text = text.replace("help: A yes or no question.", f"help: {json.dumps('Help ' + IMG)}")
    text = text.replace(
        "{id: some, label: Some staff, score: 0.5}", f"{{id: some, label: {json.dumps('Some ' + LINK)}, score: 0.5}}"
    )
    alpha.write_text(text)
    server, url, _ = serve_build(root / "out", root / "questions", root / "guidance")
    yield url
    server.shutdown()
    server.server_close()


def pwned(page):
    return page.evaluate("window.__pwned || null")


def test_bank_payloads_are_text(browser, hostile_site):
    context = browser.new_context()
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(hostile_site + "index.html")
    give_council_by_hand(page)
    page.select_option("#sc-council-type", "district")
    page.goto(hostile_site + "themes/alpha.html")
    legend = page.locator("#q-ALP-01 legend").inner_text()
    assert SCRIPT in legend
    assert IMG in page.locator("#help-ALP-01").inner_text()
    page.locator('label[for="ALP-02-some"]').click()
    wait_for_engine(page)
    page.goto(hostile_site + "results.html")
    page.wait_for_selector('[data-sc="actions-table"] tbody tr', timeout=ENGINE_TIMEOUT)
    assert LINK in "\n".join(page.locator('[data-sc="actions-table"]').all_inner_texts())
    page.locator('[data-sc="actions-table"]', has_text=LINK).first.hover()
    assert pwned(page) is None and dialogs == []
    context.close()


def test_imported_payloads_are_text(browser, hostile_site, tmp_path):
    context = browser.new_context()
    page = context.new_page()
    page.goto(hostile_site + "results.html")
    wait_for_engine(page)
    data = {
        "format": "scorecard-assessment",
        "format_version": 1,
        "council": {"name": "Evil " + SCRIPT, "type": "london", "region": IMG},
        "assessment_date": "2026-05-01",
        "bank_version": "2000.1",
        "answers": {"ALP-01": "yes", "ALP-02": "some"},
        "notes": {"ALP-01": "Note " + IMG + SCRIPT},
    }
    path = tmp_path / "evil.json"
    path.write_text(json.dumps(data))
    page.set_input_files('[data-sc="import"]', str(path))
    page.wait_for_selector('[data-sc="summary-table"]', timeout=ENGINE_TIMEOUT)
    assert SCRIPT in page.locator('[data-sc="results-council"]').inner_text()
    assert SCRIPT in page.locator('[data-sc="message"]').inner_text()
    page.goto(hostile_site + "themes/alpha.html")
    assert page.locator("#note-ALP-01").input_value() == data["notes"]["ALP-01"]
    assert pwned(page) is None
    context.close()
