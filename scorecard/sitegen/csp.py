"""A Content-Security-Policy <meta> tag in every built page.

The policy allows only the site's own origin, plus the WebAssembly compilation Pyodide
needs. Material for MkDocs puts a few small inline scripts in each page; rather than allow
inline script in general, the build allows exactly those scripts by their SHA-256 hash.
A <meta> tag works on any static host, with no server configuration.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?![^>]*\bsrc=)[^>]*)>(?P<body>.*?)</script>", re.S)
DATA_TYPES = ("application/json", "application/ld+json")
CHARSET = re.compile(r'<meta charset="utf-8">', re.I)


def policy(script_hashes: list[str]) -> str:
    hashes = " ".join(f"'sha256-{h}'" for h in script_hashes)
    return (
        "default-src 'self'; "
        f"script-src 'self' 'wasm-unsafe-eval' {hashes}; "
        "worker-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
    )


# A worker's own policy comes from the response that delivers its script, not from the page's <meta> tag: a host
# sends it with every script (browsers apply a script's policy only when the script starts a worker). The engine's
# worker loads Pyodide and its files from the site, and compiles WebAssembly.
WORKER_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; object-src 'none'; base-uri 'self'"
)


def inline_script_hashes(html: str) -> set[str]:
    hashes = set()
    for match in INLINE_SCRIPT.finditer(html):
        if any(t in match["attrs"] for t in DATA_TYPES):
            continue
        digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
        hashes.add(base64.b64encode(digest).decode("ascii"))
    return hashes


def add_policy(site: Path) -> int:
    """Insert the policy into every HTML page; one policy for all (instant navigation keeps the first)."""
    pages = sorted(site.rglob("*.html"))
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    hashes = sorted(set().union(*(inline_script_hashes(t) for t in texts.values())))
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
    for page, text in texts.items():
        if not CHARSET.search(text):
            raise ValueError(f"{page}: no <meta charset> to put the policy after")
        page.write_text(CHARSET.sub(lambda m: m.group(0) + "\n    " + tag, text, count=1), encoding="utf-8")
    return len(pages)
