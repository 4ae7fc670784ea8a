"""The service worker that makes the built site work offline after the first visit."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..i18n import translated_languages

SKIP = {"sw.js", "sitemap.xml.gz"}
# Kept when first fetched, not fetched ahead: the guidance (pages, templates and their Word and
# OpenDocument copies, about 0.3 MB on the wire) and the example region. A first visit costs the
# assessment, not the reading list; offline, every guidance page read before is still there.
ON_FIRST_USE = ("guidance/", "assets/examples/")
# Material ships lunr's files for every search language; an English-only site loads none of them.
SEARCH_LANGUAGES = "assets/javascripts/lunr/"


def first_use_prefixes() -> tuple[str, ...]:
    """ON_FIRST_USE, and the guidance of each other language's pages (cy/guidance/...): the same rule in every language."""
    return ON_FIRST_USE + tuple(f"{lang}/guidance/" for lang in translated_languages())


def unused(site: Path) -> set[str]:
    """Files no page of this site loads: the search language files, when search is English only."""
    try:
        languages = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["lang"]
    except (OSError, ValueError, KeyError):
        return set()
    if languages != ["en"]:
        return set()
    return {p.relative_to(site).as_posix() for p in (site / SEARCH_LANGUAGES).rglob("*") if p.is_file()}


def write_service_worker(site: Path, template: Path, engine: dict) -> str:
    """Write site/sw.js precaching every file but those kept on first use; its version is a hash of all their contents.

    The engine's own files (engine_files.py) are kept by the engine's worker as it downloads
    them; the service worker only fills in those it does not find there.
    """
    skip = unused(site) | set(engine["files"])
    every = sorted(
        p
        for p in site.rglob("*")
        if p.is_file()
        and p.name not in SKIP
        and not p.name.endswith(".map")
        and p.relative_to(site).as_posix() not in skip
    )
    digest = hashlib.sha256()
    for path in every:  # the version covers the files kept on first use too: a new guidance page is a new version
        digest.update(path.relative_to(site).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    version = digest.hexdigest()[:16]
    on_first_use = first_use_prefixes()
    urls = [
        p.relative_to(site).as_posix() for p in every if not p.relative_to(site).as_posix().startswith(on_first_use)
    ]
    engine_keys = {path: file["key"] for path, file in engine["files"].items()}
    text = (
        template.read_text(encoding="utf-8")
        .replace("__VERSION__", version)
        .replace("__FILES__", json.dumps(urls))
        .replace("__ROUTES__", json.dumps(cache_routes(urls)))
        .replace("__ON_FIRST_USE__", json.dumps(on_first_use))
        .replace("__ENGINE_FILES__", json.dumps(engine_keys, sort_keys=True))
    )
    (site / "sw.js").write_text(text, encoding="utf-8")
    return version


def cache_routes(precached: list[str]) -> list[str]:
    """URL patterns (relative to the site) of the files the browser may take straight from the site's cache.

    The service worker gives them to the browser's static routing (where it has it), so a page and its
    files come from the cache without the worker being started first. Each precached file by its own name,
    nothing more: an address the cache does not hold (a page that does not exist, the site's address
    itself, a file kept on first use) still goes to the worker, which answers it offline too.
    """
    return [_literal(path) for path in precached]


def _literal(path: str) -> str:
    """A path as a URL pattern that matches only itself."""
    return "".join("\\" + c if c in "\\*?+:(){}" else c for c in path)
