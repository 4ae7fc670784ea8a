"""The board report as a standalone HTML page (`scorecard report`): a one-page summary and an annex.

The content comes from the engine (scorecard/engine/board.py); this only lays it out, with the
same markup and stylesheet the site's Board report page uses, and prints to A4.
"""

from __future__ import annotations

from typing import Any

from .html import TEMPLATES, render

STYLESHEET = TEMPLATES / "board.css"  # inlined in the page here, copied into the site by the build


def board_html(report: dict[str, Any]) -> str:
    return render("board.html.j2", r=report)
