"""The language the engine writes its words in: gettext, the standard library's way, chosen at the edge.

The engine's English sentences (wording.py, glossary.py, board.py, csv_export.py) are marked ``_("...")``,
``N_("...")`` (a name kept in a table, translated where it is used) or ``counted(n, "%(count)s answer",
"%(count)s answers")``, which ``pybabel extract`` (babel.cfg) reads into the catalogue beside the site's
strings (scorecard/i18n/locales/). Whoever calls the engine says which language to write in, for as long as
a ``with speaking(words):`` block lasts: the command line hands it scorecard.i18n's Translator for ``--lang``;
the browser's worker (scorecard/browser.py) a catalogue compiled into the wheel. Without one the engine writes
English, byte for byte as the sources say it.

Only words change with the language: every score, tier, id and count is the same in every language (the
engine computes them before it words them, and never from its words).

Run-time code: standard library only.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Protocol


class Words(Protocol):
    """What the engine asks of a language: a gettext.NullTranslations, GNUTranslations or scorecard.i18n's
    Translator all have these."""

    def gettext(self, message: str, /) -> str: ...

    def ngettext(self, singular: str, plural: str, n: int, /) -> str: ...


ENGLISH: Words = gettext.NullTranslations()  # the sources' own words
_current: ContextVar[Words] = ContextVar("scorecard_words", default=ENGLISH)


@contextmanager
def speaking(words: Words | None) -> Iterator[None]:
    """Write the engine's words with ``words`` (English when None) inside the block."""
    token = _current.set(words or ENGLISH)
    try:
        yield
    finally:
        _current.reset(token)


def _(message: str) -> str:
    """The message in the current language."""
    return _current.get().gettext(message)


def N_(message: str) -> str:  # noqa: N802 (gettext's own name for it)
    """Marks a message for the catalogue where it is kept (a table of names); ``_`` translates it where it is used."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for the number n, in the current language (its placeholders still to fill)."""
    return _current.get().ngettext(singular, plural, n)


def counted(n: int, singular: str, plural: str) -> str:
    """A number with its noun in the current language's plural form: counted(3, "%(count)s answer", "%(count)s
    answers") -> "3 answers" ("3 ateb" in Welsh, which writes the singular after a number)."""
    return _current.get().ngettext(singular, plural, n) % {"count": n}
