"""Material's search worker, run by ours so that the search index is built after the engine has started.

Material builds its lunr index of every page in a worker as soon as a page loads: most of a second
of processor time on a two-core laptop, while Pyodide starts on the same cores (bench/README.md).
site/search-after-engine.js runs Material's worker unchanged and holds the index back until the
page says the engine has settled and the officer has paused, or the officer goes to search. It is
written beside Material's worker as ``after-engine.<Material's file name>``, the name the pages ask for
(site/overrides/main.html), and from which it finds Material's worker: one file, no query string,
so the page and the service worker's precache fetch the same URL, once.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .errors import BuildError

WORKERS = Path("assets") / "javascripts" / "workers"
PREFIX = "after-engine."  # also in site/search-after-engine.js and site/overrides/main.html


def add_search_after_engine(site: Path, source: Path) -> Path:
    """Write our worker beside Material's search worker in the built site; returns its path."""
    material = sorted((site / WORKERS).glob("search.*.min.js"))
    if len(material) != 1:
        raise BuildError(f"expected one Material search worker in {site / WORKERS}, found {[p.name for p in material]}")
    ours = material[0].with_name(PREFIX + material[0].name)
    shutil.copy2(source, ours)
    return ours
