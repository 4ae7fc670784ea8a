"""The board report as a standalone HTML page (`scorecard report`): a one-page summary and an annex.

The content comes from the engine (scorecard/engine/board.py), words and all; this only lays it out,
with the same markup and stylesheet the site's Board report page uses, and prints to A4. A bilingual
report (`--lang cy,en`, as Welsh councils' board papers are) is the report in each language, one
after the other, each part marked with its language (lang=) and starting on a new page.
"""

from __future__ import annotations

from typing import Any

from .html import TEMPLATES, render

STYLESHEET = TEMPLATES / "board.css"  # inlined in the page here, copied into the site by the build


def board_html(report: dict[str, Any], lang: str = "en") -> str:
    """The page of one report, written in ``lang``."""
    return bilingual_board_html([(lang, report)])


def bilingual_board_html(reports: list[tuple[str, dict[str, Any]]]) -> str:
    """The page of the same report in one or more languages: [(language code, report)], the first the page's own."""
    return render("board.html.j2", reports=reports)
