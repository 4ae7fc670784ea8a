"""Precompressed copies (.br and .gz) of the built site's large files.

Static hosts serve them in place of the file when the browser accepts the encoding (nginx
`gzip_static` and `brotli_static`, most CDNs), and so does `scorecard serve`. Compressing is
done once, at the strongest settings: the Pyodide runtime (9.6 MB of WebAssembly) is the
largest download, and brotli at quality 11 takes it to 2.7 MB. That takes about a minute for the
WebAssembly (two windows are tried), so results are kept in the build cache (build_cache) by content hash.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from . import build_cache

MIN_BYTES = 1024  # smaller files gain too little for a second request path
MIN_SAVING = 0.10  # keep a copy only if it is at least 10 % smaller (not for images)
ENCODINGS = {"br": ".br", "gzip": ".gz"}  # Content-Encoding -> file suffix, in order of preference
# (the engine wheel is a stored zip, so it is compressed here; .docx and .odt are deflated zips)
ALREADY_COMPRESSED = {".br", ".gz", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".docx", ".odt"}


# Brotli's window: the largest a browser takes is 24 (16 MiB), but a larger window is not always
# smaller. Pyodide's WebAssembly (9.6 MB) is 46 kB smaller with a 2 MiB window (21) than with 24;
# the other files are the same or smaller with 24. Large files are tried both ways (once: cached).
WINDOWS = (24, 21)
TRY_WINDOWS_FROM = 1 << 20


def brotli_bytes(data: bytes) -> bytes:
    import brotli

    windows = WINDOWS if len(data) >= TRY_WINDOWS_FROM else WINDOWS[:1]
    return min((brotli.compress(data, quality=11, lgwin=window) for window in windows), key=len)


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


COMPRESSORS = {".br": brotli_bytes, ".gz": gzip_bytes}


def compressed(data: bytes, suffix: str) -> bytes:
    key = build_cache.digest(data, suffix, "v2") + suffix  # v2: brotli tries WINDOWS
    cached = build_cache.read("compressed", key)
    if cached is None:
        cached = COMPRESSORS[suffix](data)
        build_cache.write("compressed", key, cached)
    return cached


def candidates(site: Path) -> list[Path]:
    return sorted(
        p
        for p in site.rglob("*")
        if p.is_file() and p.suffix.lower() not in ALREADY_COMPRESSED and p.stat().st_size >= MIN_BYTES
    )


def precompress(site: Path) -> dict[str, int]:
    """Write file.br and file.gz beside each candidate; returns the bytes of each set (for the log)."""
    totals = {"files": 0, "identity": 0, ".br": 0, ".gz": 0}
    for path in candidates(site):
        data = path.read_bytes()
        totals["files"] += 1
        totals["identity"] += len(data)
        for suffix in COMPRESSORS:
            packed = compressed(data, suffix)
            if len(packed) <= len(data) * (1 - MIN_SAVING):
                path.with_name(path.name + suffix).write_bytes(packed)
                totals[suffix] += len(packed)
            else:
                totals[suffix] += len(data)
    return totals
