"""Every built page loads in the browser under its Content-Security-Policy, from its own origin only."""

from __future__ import annotations

import pytest

from .conftest import wait_for_engine


def pages(site):
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))


def test_every_page_loads_with_no_violation_and_no_other_host(browser, base_url, built_site):
    context = browser.new_context()  # the site's CSP enforced
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    violations = []
    page.on("console", lambda m: violations.append(m.text) if m.type == "error" else None)
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => console.error('CSP: ' + e.violatedDirective + ' ' + e.blockedURI))"
    )
    visited = pages(built_site)
    assert len(visited) >= 15
    for path in visited:
        page.goto(base_url + path)
        csp = page.locator('meta[http-equiv="Content-Security-Policy"]')
        assert csp.count() == 1, path
        assert "default-src 'self'" in csp.get_attribute("content")
    wait_for_engine(page)  # the engine started under the policy too
    context.close()
    assert violations == []
    assert [u for u in requests if not u.startswith(base_url)] == []
    assert any(u.endswith("pyodide.asm.wasm") for u in requests)


@pytest.mark.parametrize("path", ["index.html", "how-scoring-works.html"])
def test_no_external_urls_are_loaded_by_markup(built_site, path):
    html = (built_site / path).read_text()
    for marker in ("fonts.googleapis", "unpkg.com", "cdn.jsdelivr", "cdnjs"):
        assert marker not in html
