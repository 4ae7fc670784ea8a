"""Which link targets a guidance page offers: its file name and heading anchors."""

from __future__ import annotations

import re

from markdown.extensions.toc import slugify

HEADING = re.compile(r"^#{1,6}\s+(?P<text>.*?)(?:\s*\{#(?P<id>[\w-]+)[^}]*\})?\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")


def anchors(markdown_text: str) -> set[str]:
    """Heading ids as MkDocs makes them: explicit {#id} or the slug of the heading text."""
    return {anchor for _line, _level, anchor in headings(markdown_text)}


def headings(markdown_text: str) -> list[tuple[int, int, str]]:
    """(line, level, id) of each heading, in order, outside fenced code."""
    found, in_fence = [], False
    for number, line in enumerate(markdown_text.splitlines(), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        match = None if in_fence else HEADING.match(line)
        if match:
            found.append((number, len(line) - len(line.lstrip("#")), match["id"] or slugify(match["text"], "-")))
    return found
