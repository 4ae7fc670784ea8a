"""Browser tests: the real built site, served from 127.0.0.1, in Debian's headless Chromium.

The site is built once per session from the built-in banks into a temporary folder. Every
page a test opens records its requests; any request to another origin fails the test.
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from scorecard.sitegen.build import Layout, build_site
from scorecard.sitegen.serve import make_server

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ENGINE_TIMEOUT = 120_000  # ms; Pyodide starts in about 3 s here, but a minute when many test runs share the machine
HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items):
    """Every test in this folder is a browser test: `-m "not browser"` leaves them all out."""
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)


def serve_build(out: Path, questions: Path, guidance: Path):
    """Start a server on a free port, then build the site for that address into the folder it serves."""
    site = out / "site"
    site.mkdir(parents=True)
    server = make_server(site, port=0, verbose=False)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    build_site(Layout(questions=questions, guidance=guidance, out=out), log=lambda *_: None, site_url=url)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, url, site


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    server, url, site = serve_build(tmp_path_factory.mktemp("site"), ROOT / "questions", ROOT / "guidance")
    yield url, site
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def built_site(served) -> Path:
    return served[1]


@pytest.fixture(scope="session")
def base_url(served) -> str:
    return served[0]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is not installed: run scripts/setup --browser")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Recorder:
    """Requests, console errors and page errors seen by one browser context."""

    def __init__(self, origin: str):
        self.origin = origin.rstrip("/")
        self.requests: list[str] = []
        self.errors: list[str] = []

    def off_origin(self) -> list[str]:
        return [u for u in self.requests if not (u.startswith(self.origin + "/") or u.startswith(("blob:", "data:")))]


def new_context(browser, origin: str, **options):
    """A browser context that records its requests and errors (see check_context)."""
    # Playwright's wait_for_function evaluates strings, which the site's CSP (rightly) forbids;
    # the CSP itself is tested in test_every_page.py with a context that enforces it.
    context = browser.new_context(
        accept_downloads=True, viewport={"width": 1280, "height": 900}, bypass_csp=True, **options
    )
    recorder = Recorder(origin)
    context.on("request", lambda request: recorder.requests.append(request.url))
    context.on("weberror", lambda error: recorder.errors.append(str(error.error)))
    context.recorder = recorder
    return context


def new_page(context):
    """A page whose console errors count as errors of its context."""
    page = context.new_page()
    page.on("console", lambda m: context.recorder.errors.append(m.text) if m.type == "error" else None)
    return page


def check_context(context) -> None:
    """Close a context; fail if any request left the site's origin or a page raised an error."""
    context.close()
    recorder = context.recorder
    assert recorder.off_origin() == [], "requests left the site's origin"
    assert recorder.errors == [], "uncaught errors in the page"


@pytest.fixture
def context(browser, base_url):
    context = new_context(browser, base_url)
    yield context
    check_context(context)


@pytest.fixture
def page(context):
    return new_page(context)


@pytest.fixture
def contexts(browser):
    """Make contexts for any served site: contexts(url); each is checked as `context` is."""
    made = []

    def make(origin: str, **options):
        made.append(new_context(browser, origin, **options))
        return made[-1]

    yield make
    for context in made:
        check_context(context)


def wait_for_engine(page) -> None:
    page.wait_for_selector("html[data-engine='ready']", state="attached", timeout=ENGINE_TIMEOUT)


def wait_for_scores(page, timeout: int = ENGINE_TIMEOUT) -> None:
    """Until the scores shown are for the saved answers (site/assets/js/scores.js): the engine has decided which
    follow-ups show, so the questions stop moving."""
    page.wait_for_selector("html[data-scores='current']", state="attached", timeout=timeout)


def shown_question(page, index: int, *, context: bool = True, timeout: int = ENGINE_TIMEOUT, settled: bool = True):
    """The index-th question shown on a theme page, held by its id. Counted once the engine has decided which
    follow-ups show (before its first result for a page, a follow-up whose parent is unanswered is still shown, and
    then hidden under the test), unless `settled` is False (a test of the form before the engine). `context=False`
    leaves out the context questions."""
    if settled:
        wait_for_scores(page, timeout)
    shown = "fieldset.sc-question:visible" if context else "fieldset.sc-question:not(.sc-question--context):visible"
    qid = page.locator(shown).nth(index).get_attribute("data-question")
    return page.locator(f"fieldset.sc-question[data-question='{qid}']")


# Resolves once an element has stayed put for three animation frames.
SETTLED = """el => new Promise((done) => {
  let last = null, same = 0;
  const step = () => {
    const top = el.getBoundingClientRect().top;
    same = top === last ? same + 1 : 0;
    last = top;
    if (same >= 3) done(); else requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
})"""


def scroll_to_settled(locator) -> None:
    """Scroll an element into view, as an officer does before pressing it, and wait until it stays put: the questions
    brought near are laid out then (content-visibility), and the browser's scroll anchoring moves the page, so a
    press at once can go down on the element and up on another."""
    locator.scroll_into_view_if_needed()
    locator.evaluate(SETTLED)


def render_every_question(page) -> None:
    """Lay out every question on the pages this page opens from now on, as each is once the officer scrolls to it.

    Off screen, a question is not laid out (content-visibility: auto in scorecard.css), so checks that measure the
    page (axe's target sizes, reflow, contrast on hover, text as shown) would measure nothing there. Without its
    containment, too: anything drawn outside a question (which the page would clip) shows as overflow here.
    """
    page.add_init_script("""{  // adopted, not a <style> in the head: Material's instant navigation replaces the head's
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(".sc-question { content-visibility: visible !important; }");
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}""")


def give_council_by_hand(page) -> None:
    """Open "My council is not listed" on the home page (where the register is listed), as an officer does before
    giving a council's name and type by hand."""
    if page.locator('[data-sc="council-not-listed"]').count() and not page.evaluate(
        "document.querySelector('[data-sc=\"council-manual-details\"]').open"
    ):
        page.click('[data-sc="council-not-listed"]')


def start_assessment(page, base_url, council_type="district", name="Example Testvale District Council") -> None:
    page.goto(base_url + "index.html")
    give_council_by_hand(page)
    page.select_option("#sc-council-type", council_type)
    page.fill("#sc-council-name", name)


@pytest.fixture(scope="session")
def mini_url(tmp_path_factory):
    """The site built from the small test bank (tests/fixtures/mini), for tests that set answers by id."""
    mini = ROOT / "tests" / "fixtures" / "mini"
    server, url, _ = serve_build(tmp_path_factory.mktemp("mini-site"), mini / "questions", mini / "guidance")
    yield url
    server.shutdown()
    server.server_close()


STORAGE_KEY = "scorecard.assessment.v1"


def saved(page) -> dict | None:
    """The assessment saved in the page's localStorage."""
    import json

    text = page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")
    return None if text is None else json.loads(text)


def poll(page, script: str, arg=None, timeout: float = 60.0):
    """Evaluate a script until it returns something truthy (wait_for_function does not await promises)."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = page.evaluate(script, arg)
        if value:
            return value
        page.wait_for_timeout(200)
    raise AssertionError(f"timed out waiting for: {script}")


@pytest.fixture
def mini_page(contexts, mini_url):
    """A page in a fresh context for the mini bank's site (checked as `page` is)."""
    return new_page(contexts(mini_url))
