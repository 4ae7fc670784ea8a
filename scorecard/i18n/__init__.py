"""The interface in more than one language: gettext catalogues read with Babel, at the edge.

The languages are listed in ``languages.json`` beside this module; the first is the one the
sources are written in (English). Each other language has a gettext catalogue,
``locales/CODE/LC_MESSAGES/messages.po``, that translators' tools (Poedit, Weblate) read and
``pybabel extract/update`` (``babel.cfg`` at the top of the checkout) keeps in step with the
sources. A catalogue entry marked ``fuzzy`` is a draft: shown, but every page that uses one
says its translation is not yet reviewed. A reviewer clears the flag.

The run-time engine never imports this: the command line hands the engine a ``Translator``
(engine/language.py ``speaking``), and the site's build compiles the engine's share of each
catalogue into the engine wheel (``engine_catalogue_mo``), which the browser's worker hands the
engine as a standard-library ``gettext.GNUTranslations`` (scorecard/browser.py). Without one the
engine writes English (engine/language.py ``ENGLISH``).
"""

from __future__ import annotations

import copy
import gettext as stdlib_gettext
import io
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
LOCALES = HERE / "locales"
DOMAIN = "messages"
ENGINE = HERE.parent / "engine"
# How the engine marks its words (engine/language.py), as babel.cfg's [python: scorecard/engine/**.py] says for
# `pybabel extract` (tests/test_engine_language.py holds the two the same): the site's build reads the installed
# engine, without babel.cfg.
ENGINE_KEYWORDS: dict[str, Any] = {"_": None, "N_": None, "ngettext": (1, 2), "counted": (2, 3)}


@dataclass(frozen=True)
class Language:
    """One language of the interface: its code (BCP 47, as in <html lang>), its own name and its English name."""

    code: str
    name: str
    english_name: str
    default: bool
    nations: tuple[str, ...] = ()  # the bank's nations whose councils have a name in this language


@cache
def languages() -> tuple[Language, ...]:
    """Every language of the interface, the default (source) language first."""
    data = json.loads((HERE / "languages.json").read_text(encoding="utf-8"))["languages"]
    return tuple(
        Language(
            item["code"],
            item["name"],
            item.get("english_name", item["name"]),
            index == 0,
            tuple(item.get("nations", ())),
        )
        for index, item in enumerate(data)
    )


def default_language() -> str:
    return languages()[0].code


def language_codes() -> list[str]:
    return [language.code for language in languages()]


def translated_languages() -> list[str]:
    """The languages that have a catalogue: every one but the default."""
    return [language.code for language in languages() if not language.default]


def catalogue_path(code: str) -> Path:
    return LOCALES / code / "LC_MESSAGES" / f"{DOMAIN}.po"


class UnknownLanguage(ValueError):
    """A language the interface is not translated into."""


@cache
def read_catalogue(code: str):
    """The language's PO catalogue as a Babel Catalog (read once)."""
    from babel.messages.pofile import read_po  # Babel: only when a language other than the default is used

    if code not in translated_languages():
        raise UnknownLanguage(f"unknown language {code!r}; the interface is in {', '.join(language_codes())}")
    with catalogue_path(code).open("rb") as handle:
        return read_po(handle, locale=code, domain=DOMAIN)


@dataclass
class Translator:
    """gettext for one language, remembering which draft (fuzzy) or missing strings it was asked for.

    ``used_draft`` and ``missing`` say whether what was just written is reviewed: a page that used a
    draft says so (sitegen/i18n_site.py); tests list the missing ones.
    """

    code: str
    _translations: stdlib_gettext.NullTranslations = field(repr=False, default_factory=stdlib_gettext.NullTranslations)
    _draft: frozenset[str] = frozenset()
    _known: frozenset[str] = frozenset()
    used_draft: set[str] = field(default_factory=set)
    missing: set[str] = field(default_factory=set)

    @property
    def is_default(self) -> bool:
        return self.code == default_language()

    def _note(self, msgid: str) -> None:
        if self.is_default:
            return
        if msgid in self._draft:
            self.used_draft.add(msgid)
        elif msgid not in self._known:
            self.missing.add(msgid)

    def gettext(self, message: str) -> str:
        self._note(message)
        return self._translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        self._note(singular)
        return self._translations.ngettext(singular, plural, n)

    def reset(self) -> None:
        """Forget what was used (before writing the next page)."""
        self.used_draft.clear()
        self.missing.clear()


def translator(code: str | None = None) -> Translator:
    """A Translator for the language (the default language's needs no catalogue and translates nothing)."""
    code = code or default_language()
    if code == default_language():
        return Translator(code)
    from babel.messages.mofile import write_mo

    catalogue = read_catalogue(code)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue, use_fuzzy=True)  # drafts are shown, and marked as drafts where they are used
    compiled.seek(0)
    translated = [m for m in catalogue if m.id and _has_translation(m.string)]
    return Translator(
        code,
        stdlib_gettext.GNUTranslations(compiled),
        frozenset(_msgid(m.id) for m in translated if m.fuzzy),
        frozenset(_msgid(m.id) for m in translated),
    )


def _msgid(message_id: str | tuple[str, ...]) -> str:
    return message_id[0] if isinstance(message_id, tuple) else message_id


def _has_translation(string: str | tuple[str, ...]) -> bool:
    return all(string) if isinstance(string, tuple) else bool(string)


# The CLDR's plural categories in the order Babel numbers a PO file's plural forms (babel.plural.to_gettext).
CLDR_PLURAL_ORDER = ("zero", "one", "two", "few", "many", "other")


def plural_tags(code: str) -> list[str]:
    """The language's CLDR plural categories in the order of its catalogue's forms: form i of a plural message is
    for a number the CLDR puts in category i (what Intl.PluralRules gives the site's JavaScript)."""
    from babel import Locale

    rule = Locale.parse(code).plural_form
    return [tag for tag in CLDR_PLURAL_ORDER if tag in rule.tags or tag == "other"]


def catalogue_json(code: str) -> dict[str, Any]:
    """The catalogue for the browser: {"lang", "plural" (C expression of n), "plural_tags" (plural_tags()),
    "messages": {msgid: msgstr or [forms]}, "draft": [msgids]}. Drafts are included (and listed, so the page can
    say so)."""
    catalogue = read_catalogue(code)
    messages: dict[str, Any] = {}
    draft = []
    for message in catalogue:
        if not message.id or not _has_translation(message.string):
            continue
        key = _msgid(message.id)
        messages[key] = list(message.string) if isinstance(message.string, tuple) else message.string
        if message.fuzzy:
            draft.append(key)
    return {
        "lang": code,
        "plural": catalogue.plural_expr,
        "plural_tags": plural_tags(code),
        "messages": messages,
        "draft": sorted(draft),
    }


def engine_messages(engine: Path = ENGINE) -> set[str]:
    """Every message the engine marks for translation (its msgid; a plural message's singular)."""
    from babel.messages.extract import extract_from_dir

    return {
        message if isinstance(message, str) else message[0]
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(engine), [("**.py", "python")], keywords=ENGINE_KEYWORDS
        )
    }


def engine_catalogue_mo(code: str, engine: Path = ENGINE) -> bytes:
    """The language's catalogue cut to the engine's messages, compiled (.mo, drafts included) for the engine
    wheel: what the browser's worker hands the engine (scorecard/browser.py)."""
    from babel.messages.mofile import write_mo

    catalogue = copy.deepcopy(read_catalogue(code))
    wanted = engine_messages(engine)
    for message in list(catalogue):
        if message.id and _msgid(message.id) not in wanted:
            del catalogue[message.id]
    compiled = io.BytesIO()
    write_mo(compiled, catalogue, use_fuzzy=True)
    return compiled.getvalue()
