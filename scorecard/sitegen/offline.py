"""The service worker that makes the built site work offline after the first visit."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

SKIP = {"sw.js", "sitemap.xml.gz"}
# The templates' Word and OpenDocument copies are downloads an officer asks for: fetched then,
# not with every first visit (about 120 kB that brotli cannot shrink).
ON_DEMAND = (".docx", ".odt")
# Material ships lunr's files for every search language; an English-only site loads none of them.
SEARCH_LANGUAGES = "assets/javascripts/lunr/"


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
    """Write site/sw.js precaching every file; its version is a hash of their contents.

    The engine's own files (engine_files.py) are kept by the engine's worker as it downloads
    them; the service worker only fills in those it does not find there.
    """
    skip = unused(site) | set(engine["files"])
    files = sorted(p for p in site.rglob("*") if p.is_file() and p.name not in SKIP and not p.name.endswith((".map", *ON_DEMAND))
                   and p.relative_to(site).as_posix() not in skip)
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(site).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    version = digest.hexdigest()[:16]
    urls = ["./"] + [path.relative_to(site).as_posix() for path in files]
    engine_keys = {path: file["key"] for path, file in engine["files"].items()}
    text = (template.read_text(encoding="utf-8").replace("__VERSION__", version).replace("__FILES__", json.dumps(urls))
            .replace("__ENGINE_FILES__", json.dumps(engine_keys, sort_keys=True)))
    (site / "sw.js").write_text(text, encoding="utf-8")
    return version
