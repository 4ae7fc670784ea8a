"""A per-user cache for slow, repeatable build steps (brotli at its best setting, the stdlib trace).

Entries are named by a hash of everything that went into them, so a stale entry is never
used, and builds in different folders (tests, benchmarks, worktrees) share the work. Without
a writable cache folder the steps simply run every time.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def cache_dir() -> Path | None:
    """$SCORECARD_CACHE_DIR, else $XDG_CACHE_HOME/scorecard, else ~/.cache/scorecard; None if unusable."""
    explicit = os.environ.get("SCORECARD_CACHE_DIR")
    base = (
        Path(explicit) if explicit else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "scorecard"
    )
    try:
        base.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return base if os.access(base, os.W_OK) else None


def digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def read(kind: str, key: str) -> bytes | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return (folder / kind / key).read_bytes()
    except OSError:
        return None


def write(kind: str, key: str, data: bytes) -> None:
    """Write atomically (two builds at once must not see half a file); failures are ignored."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        (folder / kind).mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder / kind, prefix=".tmp-")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, folder / kind / key)
    except OSError:
        pass
