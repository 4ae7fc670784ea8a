"""MkDocs hooks for the site in more than one language (loaded by the build's config: ``hooks:``).

mkdocs-static-i18n builds each language after the default one into the same site folder, and MkDocs
writes the theme's ``404.html`` at the folder's top on every build: the last language's would replace
the default one's, so a visitor on an English address got a Welsh "page not found". The default
language's is kept aside after its build and put back after each other language's.

MkDocs loads this file by its path, not as part of the package, so it imports nothing of the package:
the default language's code is in the config (``extra.default_lang``, written by build.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

NOT_FOUND = "404.html"
KEPT = ".404.default.html"  # removed by the build (build.py) once MkDocs has finished


def on_post_build(config: Any, **_kwargs: Any) -> None:
    """Keep the default language's 404 page; put it back after another language's build."""
    site = Path(config["site_dir"])
    page, kept = site / NOT_FOUND, site / KEPT
    if not page.exists():
        return
    if config["theme"]["language"] == config["extra"]["default_lang"]:
        shutil.copy2(page, kept)
    elif kept.exists():
        shutil.copy2(kept, page)
