"""The service worker's static routes (offline.cache_routes): the browser takes a file straight from
the site's cache only when it is precached, so a route never sends a request to the network that the
service worker would have answered from its cache."""

from __future__ import annotations

import re

from hypothesis import given, strategies as st

from scorecard.sitegen.offline import cache_routes


def matches(route: str, path: str) -> bool:
    """URLPattern's pathname syntax, as far as cache_routes writes it: "\\" escapes, "*" is anything."""
    pattern = "".join(".*" if part == "*" else re.escape(part[-1]) for part in re.findall(r"\\.|\*|.", route, re.S))
    return re.fullmatch(pattern, path, re.S) is not None


def test_a_wholly_precached_folder_is_one_route_and_other_files_are_named():
    served = {"index.html", "themes/a.html", "themes/b.html", "assets/js/x.js", "assets/js/deep/y.js",
              "assets/stylesheets/main.css", "assets/stylesheets/main.css.map", "guidance/g.html",
              "assets/pyodide/pyodide.mjs", "assets/pyodide/pyodide.asm.wasm", "a(b)*.html"}
    precached = ["index.html", "themes/a.html", "themes/b.html", "assets/js/x.js", "assets/js/deep/y.js",
                 "assets/stylesheets/main.css", "assets/pyodide/pyodide.mjs", "a(b)*.html"]
    assert cache_routes(precached, served) == [
        "a\\(b\\)\\*.html", "assets/js/*", "assets/pyodide/pyodide.mjs", "assets/stylesheets/main.css",
        "index.html", "themes/*"]


NAMES = st.sampled_from(["a", "b", "index.html", "x.js", "a*b", "c:d", "(e)", "f+g?", "h{i}", "j\\k"])
PATHS = st.lists(NAMES, min_size=1, max_size=4).map("/".join)


@given(served=st.sets(PATHS, min_size=1, max_size=25), data=st.data())
def test_routes_match_exactly_the_precached_files(served, data):
    files = {path for path in served if not any(other.startswith(path + "/") for other in served)}  # a file is no folder
    precached = sorted(data.draw(st.sets(st.sampled_from(sorted(files)))))
    routes = cache_routes(precached, files)
    for path in files:
        assert any(matches(route, path) for route in routes) == (path in precached), (path, routes)
    assert not any(matches(route, "") for route in routes)  # the site's address itself is left to the worker
