"""The site's search builds its index once the engine has started, or at once when the officer goes to search.

Material's search worker builds a lunr index of every page as soon as a page loads; ours
(assets/javascripts/workers/search-after-engine.js) holds the index back so that the two do not
share the processor while the engine starts. Both ways of releasing it are tested here, with
Material's real search answering a real query.
"""

from __future__ import annotations

from .conftest import ENGINE_TIMEOUT, new_page, poll, wait_for_engine

META = ".md-search-result__meta"
NOT_BUILT = "Initializing search"

# When the engine settled, and when Material's search said its index was built, on the page's clock.
WATCH = """
window.__search = { engine: null, built: null };
new MutationObserver(() => {
  const html = document.documentElement;
  if (window.__search.engine === null && ["ready", "failed"].includes(html.dataset.engine)) window.__search.engine = performance.now();
  const meta = document.querySelector(".md-search-result__meta");
  if (window.__search.built === null && meta && meta.textContent.trim() && !meta.textContent.includes("Initializing")) window.__search.built = performance.now();
}).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
"""


def search_for(page, query: str) -> list[str]:
    page.click("[data-md-component='search-query']")
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    return page.eval_on_selector_all(".md-search-result__item a", "links => links.map((a) => a.href)")


def test_the_index_waits_for_the_engine_then_search_works(context, base_url):
    context.add_init_script(WATCH)
    page = new_page(context)
    page.goto(base_url + "themes/housing.html")
    wait_for_engine(page)
    times = poll(page, "window.__search.built !== null && window.__search")
    assert times["engine"] is not None and times["built"] >= times["engine"], times
    links = search_for(page, "cuckooing")
    assert any("housing" in link for link in links), links


def test_searching_before_the_engine_has_started_builds_the_index_at_once(context, base_url):
    held = []
    context.route(
        "**/pyodide.asm.wasm", lambda route: held.append(route)
    )  # the engine cannot start until this is let go
    page = new_page(context)
    page.goto(base_url + "themes/housing.html")
    poll(page, "document.querySelector('.md-search-result__meta') !== null")
    page.wait_for_timeout(1500)
    assert NOT_BUILT in page.text_content(META), "the index was built while the engine was starting"
    links = search_for(page, "cuckooing")
    assert any("housing" in link for link in links), links
    assert page.evaluate("document.documentElement.dataset.engine") == "loading"
    assert held, "the engine's runtime was never asked for"
    for route in held:
        route.continue_()
    page.wait_for_selector("html[data-engine='ready']", state="attached", timeout=ENGINE_TIMEOUT)
