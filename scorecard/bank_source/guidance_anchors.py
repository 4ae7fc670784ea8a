"""Which link targets a guidance page offers: its file name and heading anchors."""

from __future__ import annotations

import re

from markdown.extensions.toc import slugify

HEADING = re.compile(r"^#{1,6}\s+(?P<text>.*?)(?:\s*\{#(?P<id>[\w-]+)[^}]*\})?\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")


def anchors(markdown_text: str) -> set[str]:
    """Heading ids as MkDocs makes them: explicit {#id} or the slug of the heading text."""
    found, in_fence = set(), False
    for line in markdown_text.splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        match = None if in_fence else HEADING.match(line)
        if match:
            found.add(match["id"] or slugify(match["text"], "-"))
    return found
