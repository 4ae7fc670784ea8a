"""Versions never mix in one visit, and answers carry over to a new version of the questions
(issue 13, browser side). The site is rebuilt between visits from tests/fixtures/mini (bank
2000.1) to tests/fixtures/mini_v2 (2000.2): ALP-01 reworded as ALP-05 (replaces:), BET-02 as
BET-04 without the option "never", ALP-04 retired.
"""

from __future__ import annotations

import shutil

import pytest

from scorecard.sitegen.build import Layout, build_site

from ..helpers import MINI, ROOT
from .conftest import give_council_by_hand, new_page, poll, saved, serve_build, wait_for_engine
from .test_offline import wait_for_offline_cache

MINI_V2 = ROOT / "tests" / "fixtures" / "mini_v2"


@pytest.fixture
def rebuilt_site(tmp_path):
    """The mini bank's site, served; publish(bank folder) rebuilds it in place with another bank."""
    server, url, served = serve_build(tmp_path / "served", MINI / "questions", MINI / "guidance")

    def publish(bank):
        site = build_site(
            Layout(bank / "questions", bank / "guidance", tmp_path / "next"), log=lambda *_: None, site_url=url
        )
        shutil.rmtree(served)
        shutil.copytree(site, served)

    yield url, publish
    server.shutdown()
    server.server_close()


def bank_version(page) -> str:
    return page.locator('meta[name="scorecard-bank-version"]').get_attribute("content")


def answer_first_version(page, url) -> None:
    page.goto(url + "index.html")
    give_council_by_hand(page)
    page.select_option("#sc-council-type", "unitary")
    page.goto(url + "themes/alpha.html")
    page.check("#ALP-01-yes")
    page.goto(url + "themes/beta.html")
    page.check("#BET-02-never")


def test_answers_given_before_the_new_engine_is_ready_do_not_skip_the_carry_over(contexts, rebuilt_site):
    url, publish = rebuilt_site
    page = new_page(contexts(url, service_workers="block"))  # every file from the server: the engine can be held back
    answer_first_version(page, url)
    publish(MINI_V2)

    # The engine's worker script is held back, not Pyodide's WebAssembly: the first visit's engine may already have
    # kept the WebAssembly in its own store (the Cache API, as soon as it arrived), and a new engine reads it from
    # there, so holding the download held nothing and the carry-over could win the race with the answer below.
    held = []
    page.route("**/worker.mjs", lambda route: held.append(route) if held is not None else route.continue_())
    page.goto(url + "themes/alpha.html")
    assert bank_version(page) == "2000.2"
    page.check("#ALP-02-some")  # before the engine can carry anything over
    assert held, "the engine's worker script was not held back"
    assert saved(page)["bank_version"] == "2000.1" and saved(page)["answers"]["ALP-01"] == "yes"
    for route in held:
        route.continue_()
    held = None
    wait_for_engine(page)
    page.wait_for_function("document.querySelector('#ALP-05-yes').checked", timeout=30_000)
    data = saved(page)
    assert data["answers"] == {"ALP-05": "yes", "ALP-02": "some"}
    assert data["retired_answers"] == {"BET-02": "never"}  # "never" is not an option of BET-04: kept aside
    assert (
        data["provenance"]["ALP-05"]["at"] < data["provenance"]["ALP-02"]["at"] < data["provenance"]["ALP-01"]["at"]
    )  # moved, then cleared
    assert data["provenance"]["BET-02"]["at"] < data["provenance"]["ALP-02"]["at"]  # when it was answered

    page.goto(url + "results.html")
    changes = page.wait_for_selector('[data-sc="bank-changes"]').inner_text()
    assert "made against question bank 2000.1; it is scored with version 2000.2" in changes
    assert "BET-02" in changes


def test_a_new_version_taking_over_reloads_before_a_new_page_meets_the_old_engine(contexts, rebuilt_site):
    url, publish = rebuilt_site
    page = new_page(contexts(url))
    answer_first_version(page, url)
    page.goto(url + "themes/alpha.html")
    wait_for_offline_cache(page)
    publish(MINI_V2)
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    page.wait_for_selector('[data-sc="update-ready"]', timeout=120_000)  # the page is in view: it asks
    assert bank_version(page) == "2000.1"

    # The next link followed loads the new version in full, engine and all
    page.click('.sc-next a[href$="beta.html"]')
    page.wait_for_selector('[data-sc="theme-form"][data-theme="beta"]')
    assert bank_version(page) == "2000.2"
    wait_for_engine(page)
    scored = poll(
        page,
        """async () => {
        const { latestScores } = await import(new URL('assets/js/scores.js', document.baseURI.replace(/themes\\/.*$/, '')).href);
        return latestScores().result?.bank_version;
    }""",
    )
    assert scored == "2000.2"
    page.goto(url + "themes/alpha.html")
    page.wait_for_function("document.querySelector('#ALP-05-yes').checked", timeout=30_000)
