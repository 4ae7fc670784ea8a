"""Guidance pages and templates in the interface's other languages: ``page.CODE.md`` beside ``page.md``.

The same file naming as the site's generated pages (mkdocs-static-i18n's suffix structure, sitegen/i18n_site.py
``page_file``). A translated page starts with front matter saying what it was written from and how far it is
checked, as a bank translation does (translations.py)::

    ---
    translation:
      from: 3f2a9c1e   # fingerprint() of the English page's whole text
      status: draft    # or reviewed, once a speaker of the language has checked it
    ---

It keeps the English page's heading ids (``## Pennawd {#same-id}``, Markdown's attr_list), so the banks' links
to a heading land on the same heading in either language. The site shows it on the language's pages while it is
current; a stale one (the English changed since it was written) or a missing one gives way to the English, marked
as English, under a notice. ``scorecard validate`` reports missing and stale pages at file:line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..i18n import translated_languages
from .guidance_anchors import anchors, headings
from .problems import Problem
from .translations import STATUSES, fingerprint

FRONT_MATTER = re.compile(r"\A---\n(?P<yaml>.*?\n)---\n", re.DOTALL)
NO_PAGE = "-"


@dataclass(frozen=True)
class GuidanceTranslation:
    """One English guidance page's translation into one language, as found on disk."""

    english: Path
    page: Path  # where the translation is (or would be)
    lang: str
    state: str  # "missing", "stale", "current" or "broken" (front matter unreadable: see problems)
    status: str  # "draft" or "reviewed" ("" when missing or broken)
    from_line: int  # the line of its ``from:`` (1 when there is none)
    body: str  # the translated page after its front matter ("" when missing or broken)
    written_from: str = ""  # the fingerprint its from: records
    problems: tuple[tuple[int, str], ...] = ()  # (line, message) of what is wrong with the file itself


def translation_path(english: Path, lang: str) -> Path:
    """guidance/spoc.md -> guidance/spoc.cy.md."""
    return english.with_name(f"{english.stem}.{lang}{english.suffix}")


def is_translation(page: Path) -> bool:
    """Whether a Markdown file is a language's page (name.CODE.md for a language of the interface)."""
    return Path(page.stem).suffix.lstrip(".") in translated_languages()


def english_pages(guidance: Path) -> list[Path]:
    """The guidance's English pages and templates (every .md that is not a language's page)."""
    return sorted(page for page in guidance.rglob("*.md") if not is_translation(page))


def read_translation(english: Path, lang: str) -> GuidanceTranslation:
    """The translation of an English page into ``lang``: its state, status and text."""
    page = translation_path(english, lang)
    if not page.exists():
        return GuidanceTranslation(english, page, lang, "missing", "", 1, "")
    try:
        text = page.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError) as error:
        return GuidanceTranslation(
            english, page, lang, "broken", "", 1, "", problems=((1, f"cannot read it: {error}"),)
        )
    found = FRONT_MATTER.match(text)
    meta = None
    if found:
        try:
            meta = yaml.safe_load(found["yaml"])
        except yaml.YAMLError:
            meta = None
    entry = meta.get("translation") if isinstance(meta, dict) else None
    if not isinstance(entry, dict) or not found:
        message = (
            "a translated page starts with front matter: ---, translation: {from: FINGERPRINT, status: draft}, ---"
            f" (FINGERPRINT of {english.name} now: {fingerprint(english.read_text(encoding='utf-8'))})"
        )
        return GuidanceTranslation(english, page, lang, "broken", "", 1, "", problems=((1, message),))
    head = found["yaml"].splitlines()
    from_line = 1 + next((n for n, line in enumerate(head, 1) if line.strip().startswith("from:")), 0)
    status_line = 1 + next((n for n, line in enumerate(head, 1) if line.strip().startswith("status:")), 0)
    problems = []
    status = entry.get("status")
    if status not in STATUSES:
        problems.append((status_line, f"translation.status must be one of {', '.join(STATUSES)} (is {status!r})"))
        status = "draft"
    body = text[found.end() :]
    english_text = english.read_text(encoding="utf-8")
    current = str(entry.get("from")) == fingerprint(english_text)
    if current:
        problems += _lost_headings(english, english_text, body, 1 + len(head) + 2)
    return GuidanceTranslation(
        english,
        page,
        lang,
        "current" if current else "stale",
        status,
        from_line,
        body,
        str(entry.get("from")),
        tuple(problems),
    )


def _lost_headings(english: Path, english_text: str, body: str, body_line: int) -> list[tuple[int, str]]:
    """(line, message) for each heading id of the English (its title's apart: links go to the page) that the
    translation does not keep, at the translation's heading in the same place (its body's first line if none)."""
    kept = anchors(body)
    theirs = [line for line, level, _id in headings(body) if level > 1]
    problems = []
    for index, (_line, _level, anchor) in enumerate(h for h in headings(english_text) if h[1] > 1):
        if anchor not in kept:
            line = body_line - 1 + theirs[index] if index < len(theirs) else body_line
            problems.append(
                (
                    line,
                    f"keeps no heading with the id {anchor!r} of {english.name}; the banks and other pages link to "
                    f"its headings: end the translated heading with {{#{anchor}}}, as the English does",
                )
            )
    return problems


def check_guidance_translations(
    guidance: Path, rel: Callable[[Path], str] = str, languages: list[str] | None = None
) -> tuple[list[Problem], list[Problem], dict[str, dict[str, int]]]:
    """(errors, warnings, counts) for the guidance's translated pages, as check_translations has for the banks.

    Errors: a translated page whose front matter or status cannot be read, or that drops a heading id of its
    English; a language's page with no English page. Warnings: an English page with no translation (missing) or
    one whose English changed since (stale). counts[lang] = {"pages", "missing", "stale", "draft"}.
    """
    languages = translated_languages() if languages is None else languages
    errors: list[Problem] = []
    warnings: list[Problem] = []
    counts = {lang: {"pages": 0, "missing": 0, "stale": 0, "draft": 0} for lang in languages}
    if not guidance.is_dir():
        return errors, warnings, counts
    pages = english_pages(guidance)
    for page in sorted(set(guidance.rglob("*.md")) - set(pages)):
        english = page.with_name(Path(page.stem).stem + page.suffix)
        if not english.exists():
            errors.append(Problem(rel(page), 1, NO_PAGE, f"a translation of {english.name}, which does not exist"))
    for english in pages:
        try:
            english.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue  # reported with the English pages' anchors (load.py)
        for lang in languages:
            found = read_translation(english, lang)
            counts[lang]["pages"] += 1
            errors += [Problem(rel(found.page), line, NO_PAGE, message) for line, message in found.problems]
            if found.state == "missing":
                counts[lang]["missing"] += 1
                warnings.append(Problem(rel(english), 1, NO_PAGE, f"no {lang} translation ({rel(found.page)})"))
            elif found.state == "stale":
                counts[lang]["stale"] += 1
                now = fingerprint(english.read_text(encoding="utf-8"))
                warnings.append(
                    Problem(
                        rel(found.page),
                        found.from_line,
                        NO_PAGE,
                        f"translation is stale: {english.name} changed since it was translated "
                        f"(from: {found.written_from!r}, now {now}); update the translation, then its from:",
                    )
                )
            if found.status == "draft":
                counts[lang]["draft"] += 1
    return errors, warnings, counts
