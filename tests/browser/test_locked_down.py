"""A council laptop's locked-down browser (issue 30): the JIT off (so no WebAssembly), site data
blocked (localStorage throws), service workers blocked, the Cache API removed. Each is said at the
top of the page as it opens, no answer is lost, and the assessment can be exported.
Run on the small test bank (tests/fixtures/mini).
"""

from __future__ import annotations

import json

import pytest

from .conftest import (
    CHROMIUM,
    CHROMIUM_ARGS,
    ENGINE_TIMEOUT,
    STORAGE_KEY,
    check_context,
    give_council_by_hand,
    new_context,
    new_page,
    saved,
)

# When each notice first appeared, and when the page's modules had run (DOMContentLoaded), in page time.
SEEN = """new MutationObserver(() => {
  const seen = (window.__seen ||= {});
  for (const node of document.querySelectorAll('[data-sc="browser-check"] > [data-sc]'))
    if (!(node.dataset.sc in seen)) seen[node.dataset.sc] = performance.now();
}).observe(document, { childList: true, subtree: true });"""
THROWING_STORAGE = """Object.defineProperty(window, "localStorage", { configurable: true,
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });"""
NO_CACHE_API = "delete window.caches;"
STARTED_AGAIN = f"() => Object.keys(JSON.parse(localStorage.getItem('{STORAGE_KEY}')).answers).length === 0"


@pytest.fixture(scope="module")
def jitless(browser):
    """Chromium with the JavaScript JIT off, as Edge's enhanced security mode and the JIT policies run
    pages: WebAssembly is not defined."""
    launched = browser.browser_type.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--js-flags=--jitless"])
    yield launched
    launched.close()


def open_page(context):
    page = new_page(context)
    page.add_init_script(SEEN)
    return page


def said_as_the_page_opened(page, notice: str) -> None:
    """The notice is on the page by the time its modules have run, not after the engine has tried to start."""
    page.wait_for_selector(f'[data-sc="{notice}"]', timeout=10_000)
    appeared = page.evaluate(f"window.__seen['{notice}']")
    loaded = page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
    assert 0 < loaded and appeared <= loaded, (appeared, loaded)


def answer(page, base_url: str, navigate: str = "goto") -> None:
    """A council, an answer, a note and evidence on the first theme."""
    if navigate == "goto":
        page.goto(base_url + "index.html")
    give_council_by_hand(page)
    page.select_option("#sc-council-type", "unitary")
    page.fill("#sc-council-name", "Example Locked Down Council")
    if navigate == "goto":
        page.goto(base_url + "themes/alpha.html")
    else:  # instant navigation: the same document, so answers held in memory go with it
        page.click('[data-sc="theme-list"] a[href$="themes/alpha.html"]')
        page.wait_for_selector('[data-sc="theme-form"][data-theme="alpha"]')
    page.check("#ALP-01-yes")
    page.locator("#q-ALP-02 details.sc-note summary").click()
    page.fill("#note-ALP-02", "Training log, November.")
    page.fill("#evidence-ALP-02", "https://example.gov.uk/training-log")


GIVEN = {"answers": {"ALP-01": "yes"}, "notes": {"ALP-02": "Training log, November."}}


def assert_given(data: dict) -> None:
    assert data["council"]["name"] == "Example Locked Down Council" and data["council"]["type"] == "unitary"
    assert data["answers"] == GIVEN["answers"] and data["notes"] == GIVEN["notes"]
    assert data["evidence"]["ALP-02"] == {"link": "https://example.gov.uk/training-log"}


def export(page, tmp_path, base_url: str, navigate: str = "goto") -> dict:
    if navigate == "goto":
        page.goto(base_url + "results.html")
    else:
        page.click('a.md-nav__link[href$="results.html"]')
    page.wait_for_selector('[data-sc="results-page"]')
    with page.expect_download() as download:
        page.click('[data-sc="export-json"]')
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    return json.loads(path.read_text())


def test_without_webassembly_all_but_the_scores_works(jitless, mini_url, tmp_path):
    context = new_context(jitless, mini_url)
    page = open_page(context)
    page.goto(mini_url + "index.html")
    said_as_the_page_opened(page, "browser-no-engine")
    notice = page.locator('[data-sc="browser-no-engine"]')
    assert "WebAssembly" in notice.inner_text() and "scorecard score" in notice.inner_text()
    assert notice.locator('a[href$="browsers.html"]').count() == 1

    answer(page, mini_url)
    said_as_the_page_opened(page, "browser-no-engine")
    panel = page.locator('[data-sc="live-score"]')
    panel.locator('[data-sc="no-engine"]').wait_for(timeout=10_000)
    assert "cannot be worked out in this browser" in panel.inner_text()
    assert_given(saved(page))

    # The results page: no scores, nothing left loading; export, then import the file back
    data = export(page, tmp_path, mini_url)
    assert_given(data)
    page.locator('[data-sc="results-body"] [data-sc="no-engine"]').wait_for(timeout=10_000)
    page.click('[data-sc="start-again"]')
    page.click('dialog[open] button[value="confirm"]')
    page.wait_for_function(STARTED_AGAIN)
    path = tmp_path / "back.json"
    path.write_text(json.dumps({**data, "action_plan": {"ALP-01": {"status": "in_progress", "owner": "Priya"}}}))
    page.set_input_files('[data-sc="import"]', str(path))
    page.wait_for_selector('[data-sc="undo-import"]')
    assert_given(saved(page))
    # the action plan saved so far stays editable
    page.locator('[data-sc="saved-plan"] [data-sc="plan"][data-question="ALP-01"] summary').click()
    page.fill("#sc-plan-owner-ALP-01", "Harry")
    page.wait_for_function(
        f"() => JSON.parse(localStorage.getItem('{STORAGE_KEY}')).action_plan['ALP-01'].owner === 'Harry'"
    )
    page.wait_for_timeout(1000)
    assert "Loading the scoring engine" not in page.locator("article").inner_text()
    assert page.locator('[data-sc="engine-status"]').inner_text() == ""
    assert not any("pyodide.asm.wasm" in url for url in context.recorder.requests)  # never started
    check_context(context)


def test_with_site_data_blocked_work_goes_on_in_the_tab(browser, mini_url, tmp_path):
    context = new_context(browser, mini_url)
    context.add_init_script(THROWING_STORAGE)
    page = open_page(context)
    page.goto(mini_url + "index.html")
    said_as_the_page_opened(page, "browser-no-storage")
    assert (
        "Not saved on this device: export before you close"
        in page.locator('[data-sc="browser-no-storage"]').inner_text()
    )

    answer(page, mini_url, navigate="click")
    page.wait_for_function(
        "() => /^\\s*\\d/.test(document.querySelector('[data-sc=\"theme-score\"]')?.textContent || '')",
        timeout=ENGINE_TIMEOUT,
    )  # the engine scores what is held in the tab
    assert page.locator('[data-sc="browser-no-storage"]').is_visible()
    assert page.locator(".sc-save-error").count() == 0  # said once, at the top, not as an error on each change
    assert_given(export(page, tmp_path, mini_url, navigate="click"))

    # Leaving the page would lose the answers: the browser asks first
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.accept()))
    page.close(run_before_unload=True)
    page.wait_for_event("close")
    assert asked == ["beforeunload"]
    check_context(context)


def test_with_service_workers_blocked_it_is_said_once(browser, mini_url, tmp_path):
    context = new_context(browser, mini_url, service_workers="block")
    page = open_page(context)
    answer(page, mini_url)
    page.wait_for_selector('[data-sc="browser-no-offline"]', timeout=ENGINE_TIMEOUT)  # once registering has failed
    assert "offline" in page.locator('[data-sc="browser-no-offline"]').inner_text()
    page.wait_for_selector('[data-sc="theme-score"]', timeout=ENGINE_TIMEOUT)
    page.click('a.md-nav__link[href$="themes/beta.html"]')
    page.wait_for_selector('[data-sc="theme-form"][data-theme="beta"]')
    assert page.locator('[data-sc="browser-no-offline"]').count() == 0  # said once a visit
    page.reload()
    assert_given(saved(page))
    assert_given(export(page, tmp_path, mini_url))
    check_context(context)


def test_without_the_cache_api_it_is_said_at_once(browser, mini_url, tmp_path):
    context = new_context(browser, mini_url)
    context.add_init_script(NO_CACHE_API)
    page = open_page(context)
    page.goto(mini_url + "index.html")
    said_as_the_page_opened(page, "browser-no-offline")
    answer(page, mini_url)
    page.wait_for_selector('[data-sc="theme-score"]', timeout=ENGINE_TIMEOUT)
    page.reload()
    assert_given(saved(page))
    assert_given(export(page, tmp_path, mini_url))
    check_context(context)
