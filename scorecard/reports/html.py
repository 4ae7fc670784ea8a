"""The HTML reports' one Jinja2 set-up: the templates beside this module, every value escaped."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

TEMPLATES = Path(__file__).resolve().parent / "templates"


def render(template: str, filters: dict[str, Callable[..., str]] | None = None, **context: Any) -> str:
    import jinja2  # here, not at the top: only the HTML pages need it (text output starts faster)

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(filters or {})
    return env.get_template(template).render(**context)
