"""The service worker's static routes (offline.cache_routes): the browser takes a file straight from
the site's cache only when it is precached; any other address still goes to the service worker."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from scorecard.sitegen.offline import cache_routes


def matches(route: str, path: str) -> bool:
    """URLPattern's pathname syntax, as far as cache_routes needs it: "\\" escapes, "*" is anything."""
    pattern = "".join(".*" if part == "*" else re.escape(part[-1]) for part in re.findall(r"\\.|\*|.", route, re.S))
    return re.fullmatch(pattern, path, re.S) is not None


def test_each_precached_file_is_routed_by_its_own_name():
    assert cache_routes(["index.html", "themes/a.html", "a(b)*.html", "c:d/e+f?.js"]) == [
        "index.html",
        "themes/a.html",
        "a\\(b\\)\\*.html",
        "c\\:d/e\\+f\\?.js",
    ]


NAMES = st.sampled_from(["a", "b", "index.html", "x.js", "a*b", "c:d", "(e)", "f+g?", "h{i}", "j\\k", "*"])
PATHS = st.lists(NAMES, min_size=1, max_size=4).map("/".join)


@given(served=st.sets(PATHS, min_size=1, max_size=25), data=st.data())
def test_routes_match_exactly_the_precached_files(served, data):
    precached = sorted(data.draw(st.sets(st.sampled_from(sorted(served)))))
    routes = cache_routes(precached)
    for path in served | {"", "themes/missing.html"}:
        assert any(matches(route, path) for route in routes) == (path in precached), (path, routes)
