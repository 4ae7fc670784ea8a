"""After the first visit the scorecard works with the network off; a new site version
replaces the cached one without losing saved answers."""

from __future__ import annotations

import json
import shutil
from urllib.parse import urljoin

import pytest

from scorecard.sitegen.build import Layout, build_site

from ..helpers import MINI
from .conftest import ENGINE_TIMEOUT, give_council_by_hand, poll, serve_build, wait_for_engine

ANSWER_KEY = "scorecard.assessment.v1"


def wait_for_offline_cache(page):
    """Wait until this page is controlled and the whole site is cached: the pages in the service
    worker's cache, Pyodide in the engine's store (kept under a hash of each file)."""
    return poll(
        page,
        """async () => {
        if (!navigator.serviceWorker.controller) return false;
        const keys = await caches.keys();
        const site = keys.filter((key) => key.startsWith('scorecard-site-'));
        if (site.length !== 1 || !(await (await caches.open(site[0])).match('/index.html'))) return false;
        const store = await caches.open('scorecard-engine');
        return (await store.match('/assets/pyodide/pyodide.asm.wasm', { ignoreSearch: true })) ? site : false;
    }""",
    )


def test_works_offline_after_first_visit(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + "index.html")
    give_council_by_hand(page)
    page.select_option("#sc-council-type", "metropolitan")
    wait_for_offline_cache(page)
    page.goto(base_url + "guidance/spoc.html")  # guidance is kept when first read, not fetched ahead

    context.set_offline(True)
    page.goto(base_url + "guidance/spoc.html")
    assert "Designated lead" in page.locator("h1").inner_text()
    page.goto(base_url + "guidance/housing.html")  # never read: the site's own "not found" page, not a browser error
    assert page.locator("h1").count() and "404" in page.title() + page.locator("h1").inner_text()
    page.goto(base_url)  # the site's address is its home page
    page.wait_for_selector('[data-sc="theme-list"]')
    page.goto(base_url + "index.html")
    page.locator('[data-sc="theme-list"] a').first.click()
    page.wait_for_selector('[data-sc="theme-form"]')
    page.locator("fieldset.sc-question:visible input").first.check()
    wait_for_engine(page)
    # poll, not wait_for_function: its later checks run eval, which the site's CSP refuses in this context
    poll(page, "/[0-9]/.test(document.querySelector('[data-sc=\"theme-score\"]')?.textContent || '')")
    page.goto(base_url + "results.html")
    page.wait_for_selector('[data-sc="summary-table"]', timeout=ENGINE_TIMEOUT)
    context.close()


def test_pages_come_from_the_cache_without_waiting_for_the_service_worker(browser, base_url):
    """Chromium's static routing: once the site is cached, a page and its files come straight from the
    cache even when the browser has stopped the service worker; any other address (a page that does not
    exist, one with a query such as a search result's highlight) is still the service worker's, offline too."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + "index.html")
    wait_for_offline_cache(page)
    theme = urljoin(page.url, page.locator('[data-sc="theme-list"] a').first.get_attribute("href"))
    cdp = context.new_cdp_session(page)
    cdp.send("ServiceWorker.enable")
    cdp.send("ServiceWorker.stopAllWorkers")

    page.goto(theme)
    wait_for_engine(page)
    served = page.evaluate("""() => [performance.getEntriesByType("navigation")[0],
        ...performance.getEntriesByType("resource").filter((entry) => entry.name.endsWith("/assets/app.js"))]
        .map((entry) => entry.workerMatchedSourceType)""")
    assert served == ["cache", "cache"]

    context.set_offline(True)
    page.goto(urljoin(theme, "no-such-theme.html"))  # not in the cache: the worker's "not found" page
    assert page.locator("h1").count() and "404" in page.title() + page.locator("h1").inner_text()
    page.goto(theme + "?h=slavery")
    wait_for_engine(page)
    assert page.evaluate('performance.getEntriesByType("navigation")[0].workerMatchedSourceType') != "cache"
    assert page.locator('[data-sc="theme-form"]').count() == 1
    context.close()


@pytest.fixture
def swappable_site(tmp_path):
    """A served site whose files the test can replace with a newer version's build."""

    def bank(version: str):
        root = tmp_path / f"bank-{version}"
        shutil.copytree(MINI / "questions", root / "questions")
        shutil.copytree(MINI / "guidance", root / "guidance")
        scoring = root / "questions" / "scoring.yaml"
        scoring.write_text(scoring.read_text().replace('bank_version: "2000.1"', f'bank_version: "{version}"'))
        return root

    first = bank("2000.1")
    server, url, served = serve_build(tmp_path / "served", first / "questions", first / "guidance")

    def publish(version: str):
        root = bank(version)
        site = build_site(
            Layout(root / "questions", root / "guidance", root / "out"), log=lambda *_: None, site_url=url
        )
        shutil.rmtree(served)
        shutil.copytree(site, served)

    yield url, publish
    server.shutdown()
    server.server_close()


def test_new_version_replaces_cache_and_keeps_answers(browser, swappable_site):
    url, publish = swappable_site
    context = browser.new_context()
    page = context.new_page()
    page.goto(url + "index.html")
    give_council_by_hand(page)
    page.select_option("#sc-council-type", "london_borough")
    page.goto(url + "themes/alpha.html")
    page.locator("#ALP-01-yes").check()
    old_keys = wait_for_offline_cache(page)
    saved = page.evaluate(f"localStorage.getItem('{ANSWER_KEY}')")

    publish("2000.2")
    page.goto(url + "index.html")  # the page asks the service worker to look for an update
    poll(
        page,
        """async old => {
        const site = (await caches.keys()).filter((key) => key.startsWith('scorecard-site-'));
        return site.length === 1 && site[0] !== old[0];
    }""",
        old_keys,
    )
    page.reload()
    assert page.locator('meta[name="scorecard-bank-version"]').get_attribute("content") == "2000.2"
    assert json.loads(page.evaluate(f"localStorage.getItem('{ANSWER_KEY}')"))["answers"] == json.loads(saved)["answers"]
    page.goto(url + "themes/alpha.html")
    wait_for_engine(page)
    assert page.locator("#ALP-01-yes").is_checked()
    context.close()
