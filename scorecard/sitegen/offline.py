"""The service worker that makes the built site work offline after the first visit."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

SKIP = {"sw.js", "sitemap.xml.gz"}


def write_service_worker(site: Path, template: Path) -> str:
    """Write site/sw.js precaching every file; its version is a hash of their contents."""
    files = sorted(p for p in site.rglob("*") if p.is_file() and p.name not in SKIP and not p.name.endswith(".map"))
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(site).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    version = digest.hexdigest()[:16]
    urls = ["./"] + [path.relative_to(site).as_posix() for path in files]
    text = template.read_text(encoding="utf-8").replace("__VERSION__", version).replace("__FILES__", json.dumps(urls))
    (site / "sw.js").write_text(text, encoding="utf-8")
    return version
