"""The site in every language of the interface: page files per language, the i18n plugin's config, the notices.

The pages of the default language are written as ``page.md``; those of another language as
``page.CODE.md`` beside them, which mkdocs-static-i18n (suffix structure) builds under ``/CODE/``,
with Material's own translation of its chrome (``theme.language``) and a language switch
(``extra.alternate``) that links each page to the same page in the other language. A page written
with a draft (fuzzy) catalogue entry, or with bank text not yet in its language, says so at its
top, in its own language and in the default one, with a link to report a fix.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from ..bank_source.guidance_translations import english_pages, read_translation
from ..bank_source.load import translation_sources
from ..bank_source.translations import ThemeStatus, localise
from ..engine.wording import iso_day, long_date
from ..i18n import Language, Translator, catalogue_json, default_language, languages, translated_languages, translator
from .template_downloads import translated_template_downloads

_ = str  # marks a string for extraction (babel.cfg); translated where it is used, with the page's Translator

# The footer's and the head's words (site/overrides/): MkDocs renders those templates, so they are given
# their words, already translated, in each language's config.extra.words.
CHROME = {
    "accessibility": _("Accessibility statement"),
    "contact": _("Contact"),
    "privacy": _("Privacy"),
    "about_site": _("About this site"),
    "run_by": _("Run by %(name)s."),
    "no_owner": _("The organisation running this copy of the site has not yet given its name."),
    "bank_version": _("Question bank %(version)s."),
    "made_with": _("Made with"),
}

# The navigation's section and page titles (the pages' own titles come from their front matter).
NAV = {
    "Home": _("Home"),
    "Self-assessment": _("Self-assessment"),
    "Results": _("Results"),
    "Check your answers and sign off": _("Check your answers and sign off"),
    "Board report": _("Board report"),
    "Review an assessment": _("Review an assessment"),
    "Compare councils": _("Compare councils"),
    "Guidance": _("Guidance"),
    "How scoring works": _("How scoring works"),
    "Legal duties": _("Legal duties"),
    "Browsers and settings": _("Browsers and settings"),
    "Privacy": _("Privacy"),
    "Accessibility": _("Accessibility"),
    "Contact": _("Contact"),
}

SITE_NAME = _("Modern slavery risk scorecard")
NOT_REVIEWED = _("This page's translation has not yet been reviewed.")
NOT_TRANSLATED = _("Parts of this page are not yet translated: they are shown in English.")
NOT_TRANSLATED_PAGE = _("This page is not yet translated: it is shown in English.")
REPORT_FIX = _("Report a mistake or suggest a better word")
NOT_REVIEWED_DEFAULT = "{language} translation not yet reviewed."


@dataclass(frozen=True)
class BankInLanguage:
    """The compiled bank with its words in one language (translations.py ``localise``): the English left in it
    (missing or stale translations, shown marked lang="en"), and each theme's ``ThemeStatus``."""

    compiled: dict[str, Any]
    untranslated: set[str]
    themes: dict[str, ThemeStatus]

    def lang_of(self, page_lang: str) -> Callable[[str], Markup]:
        """` lang="en"` for a bank text left in English on a page in ``page_lang``; nothing for a translated one."""
        return lambda text: lang_attribute(page_lang, default_language()) if text in self.untranslated else Markup("")

    def has_drafts(self, theme_id: str | None = None) -> bool:
        """Whether a page shows a translation not yet reviewed: a theme's page its theme's, another page any."""
        chosen = [self.themes[theme_id]] if theme_id else self.themes.values()
        return any(status.drafts for status in chosen)


def localised_banks(compiled: dict[str, Any], questions: Path) -> dict[str, BankInLanguage]:
    """The bank in every language but the default one, from the theme files' translations."""
    sources = translation_sources(questions)
    banks = {}
    for code in translated_languages():
        themes: dict[str, ThemeStatus] = {}
        localised, untranslated = localise(compiled, sources, code, themes)
        banks[code] = BankInLanguage(localised, untranslated, themes)
    return banks


def page_file(path: str, code: str) -> str:
    """Where a page of a language is written: index.md, or index.cy.md (mkdocs-static-i18n's suffix structure)."""
    if code == default_language():
        return path
    stem, _dot, suffix = path.rpartition(".")
    return f"{stem}.{code}.{suffix}"


def long_date_in(code: str):
    """2026-12-01 as its language writes it: the engine's long_date in the default language (1 December 2026, as
    format.js writes it too), the CLDR's long form through Babel in another (1 Rhagfyr 2026); a text that is not a
    day (the engine's iso_day) as it is."""
    if code == default_language():
        return long_date

    def long_date_there(iso: str) -> str:
        day = iso_day(iso)
        if day is None:
            return iso
        from babel.dates import format_date

        return format_date(day, "d MMMM y", locale=code)

    return long_date_there


def status_notice(language: Language, words: Translator, draft: bool, untranslated: bool, depth: int) -> str:
    """The notice at the top of a page whose translation is a draft or incomplete ('' when it is neither).

    ``draft``: the page uses a draft translation (a fuzzy catalogue entry, ``words.used_draft``, a guidance page
    whose status is draft, or a bank translation not yet reviewed: ``BankInLanguage.has_drafts``). In the page's
    language and, for a reader who does not read it well, in the default language too.
    """
    if language.default or not (draft or untranslated):
        return ""
    home = "../" * depth
    parts = []
    if draft:
        parts.append(
            f'<strong>{escape(words.gettext(NOT_REVIEWED))}</strong> <span lang="{default_language()}">'
            f"{escape(NOT_REVIEWED_DEFAULT.format(language=language.english_name))}</span>"
        )
    if untranslated:
        parts.append(str(escape(words.gettext(NOT_TRANSLATED))))
    link = f'<a href="{home}contact.html">{escape(words.gettext(REPORT_FIX))}</a>'
    return f'<div class="sc-translation-status" data-sc="translation-status">\n<p>{" ".join(parts)} {link}.</p>\n</div>\n\n'


def insert_after_front_matter(markdown: str, block: str) -> str:
    """Put a block of HTML at the start of a page's body, after its front matter."""
    if not block:
        return markdown
    if markdown.startswith("---\n"):
        end = markdown.index("\n---\n", 4) + len("\n---\n")
        return markdown[:end] + "\n" + block + markdown[end:]
    return block + markdown


def chrome_words(words: Translator) -> dict[str, str]:
    return {key: words.gettext(text) for key, text in CHROME.items()}


# How the site's JavaScript marks its words (site/assets/js/i18n.js; babel.cfg says the same for pybabel extract).
SCRIPT_KEYWORDS: dict[str, Any] = {"t": None, "tn": (1, 2)}


def script_messages(code: str, *scripts: Path) -> dict[str, Any]:
    """The language's catalogue (``catalogue_json``) cut to the messages the site's JavaScript marks, t("..."), in
    the folders ``scripts`` (site/assets/js/, and site/early/ for the early script in every page's head): what a page
    in the language carries for them (site/assets/js/i18n.js, site/early/store.js)."""
    from babel.messages.extract import extract_from_dir

    marked = {
        message if isinstance(message, str) else message[0]
        for folder in scripts
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(folder), [("**.js", "javascript")], keywords=SCRIPT_KEYWORDS
        )
    }
    full = catalogue_json(code)
    return {
        **full,
        "messages": {key: text for key, text in full["messages"].items() if key in marked},
        "draft": [key for key in full["draft"] if key in marked],
    }


def plugin_config(nav_titles: list[str], *scripts: Path) -> dict[str, Any]:
    """mkdocs-static-i18n's config: every language, the default one at the site's root, each with its nav,
    Material's language, the footer's words and the words of the site's JavaScript (the folders ``scripts``)."""
    entries = []
    for language in languages():
        words = translator(language.code)
        entry: dict[str, Any] = {
            "locale": language.code,
            "name": language.name,
            "default": language.default,
            "build": True,
            "theme": {"language": language.code},
            "extra": {"words": chrome_words(words), "lang": language.code},
        }
        if not language.default:
            entry["extra"]["messages"] = script_messages(language.code, *scripts)
            entry["site_name"] = words.gettext(SITE_NAME)
            entry["nav_translations"] = {title: words.gettext(NAV.get(title, title)) for title in nav_titles}
        entries.append(entry)
    return {
        "i18n": {
            "docs_structure": "suffix",
            # Every page is written in every language (sitegen/pages.py), so nothing falls back unseen.
            "fallback_to_default": True,
            "reconfigure_material": True,
            "reconfigure_search": True,
            "languages": entries,
        }
    }


def lang_attribute(page_lang: str, text_lang: str) -> Markup:
    """` lang="en"` where a text is not in the page's language (screen readers then read it right)."""
    return Markup(f' lang="{escape(text_lang)}"') if text_lang != page_lang else Markup("")


def title_front_matter(text: str) -> str:
    """The page's heading as its title (the nav's too), for a copy with a notice above it: MkDocs takes a title
    from the heading only when the heading comes first, and would otherwise name the page from its file (Spoc)."""
    heading = text.lstrip().partition("\n")[0]
    if not heading.startswith("# "):
        return ""
    return f"---\ntitle: {json.dumps(heading.removeprefix('# ').strip(), ensure_ascii=False)}\n---\n\n"


def guidance_copies(source: Path, guidance: Path, language: Language, words: Translator, site_url: str) -> int:
    """Each guidance page (and template) of ``source`` as the language's page in the docs' ``guidance`` folder: its
    translation (guidance/page.CODE.md) while that is current, under the "not yet reviewed" notice while it is a
    draft, a template with its own Word and OpenDocument copies; otherwise the English text of the docs' page (a
    template's with the English copies), marked lang="en", under a notice in the language.
    Returns how many pages are shown in the language."""
    translated = 0
    for english in english_pages(source):
        relative = english.relative_to(source)
        target = guidance / relative.with_name(page_file(relative.name, language.code))
        depth = len(relative.parts)
        found = read_translation(english, language.code)
        if found.state == "current":
            notice = status_notice(language, words, draft=found.status == "draft", untranslated=False, depth=depth)
            body = found.body
            if relative.parts[0] == "templates":
                body = translated_template_downloads(target, body, site_url, language.code, words.gettext)
            target.write_text(title_front_matter(body) + notice + body, encoding="utf-8")
            translated += 1
            continue
        text = (guidance / relative).read_text(encoding="utf-8")
        notice = (
            f'<div class="sc-translation-status" data-sc="translation-status" markdown="1">\n\n'
            f"{words.gettext(NOT_TRANSLATED_PAGE)}\n\n</div>\n\n"
        )
        target.write_text(
            title_front_matter(text) + notice + f'<div lang="{default_language()}" markdown="1">\n\n{text}\n\n</div>\n',
            encoding="utf-8",
        )
    return translated


PERMANENT_LINK = _("Permanent link")
HEADING_LINK = re.compile(rf'(<a class="headerlink" href="[^"]*") title="{PERMANENT_LINK}"')


def translate_heading_links(site: Path) -> int:
    """Give the heading anchors of each other language's pages (MkDocs' toc extension titles them "Permanent link",
    mkdocs.yml) their title in that language; returns how many pages changed."""
    changed = 0
    for language in languages():
        if language.default:
            continue
        title = str(escape(translator(language.code).gettext(PERMANENT_LINK)))

        def titled(found: re.Match[str], title: str = title) -> str:
            return f'{found.group(1)} title="{title}"'

        for page in (site / language.code).rglob("*.html"):
            text = page.read_text(encoding="utf-8")
            translated = HEADING_LINK.sub(titled, text)
            if translated != text:
                page.write_text(translated, encoding="utf-8")
                changed += 1
    return changed


HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def drop_head_alternates(site: Path) -> int:
    """Take Material's <link rel="alternate" hreflang> tags out of every page's head; returns how many pages changed.

    Material fetches ``sitemap.xml`` beside each such link's address, for switching between language
    roots; mkdocs-static-i18n links each page to its own twin (themes/spoc.html, cy/themes/spoc.html), so
    those fetches would go to folders with no sitemap (404s on every page). The language menu in the
    header keeps its links, and site/assets/js/language.js follows them.
    """
    changed = 0
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        cleaned = HEAD_ALTERNATE.sub("", text)
        if cleaned != text:
            page.write_text(cleaned, encoding="utf-8")
            changed += 1
    return changed
