"""The board report as a standalone HTML page (`scorecard report`): a one-page summary and an annex.

The content comes from the engine (scorecard/engine/board.py); this only lays it out, with the
same markup and stylesheet the site's Board report page uses, and prints to A4.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

TEMPLATES = Path(__file__).parent / "templates"
STYLESHEET = TEMPLATES / "board.css"


def board_html(report: dict[str, Any]) -> str:
    import jinja2  # here, not at the top: only the HTML page needs it

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env.get_template("board.html.j2").render(r=report)
