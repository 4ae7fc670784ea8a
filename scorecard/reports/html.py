"""The HTML reports' one Jinja2 set-up: the templates beside this module, every value escaped, their words in the
engine's language."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..engine.language import _, ngettext

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
        extensions=["jinja2.ext.i18n"],
    )
    # a template's words ({{ _("...") }}, babel.cfg) in the language the engine writes in (engine/language.py)
    env.install_gettext_callables(gettext=_, ngettext=ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(filters or {})
    return env.get_template(template).render(**context)
