"""The site's Markdown pages (with their HTML forms), generated from the bank through Jinja2."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from .. import bundled
from ..engine import Bank
from ..engine.assessment import ONS_CODE
from ..engine.board import REGIONS
from ..engine.glossary import glossary
from ..engine.language import _ as engine_words
from ..engine.language import speaking
from ..engine.wording import status_names
from ..i18n import default_language, languages, translator
from ..reports.comparison import tier_colours
from .about import read_about
from .i18n_site import (
    BankInLanguage,
    insert_after_front_matter,
    lang_attribute,
    long_date_in,
    page_file,
    status_notice,
)
from .worked_example import worked_example


def render_pages(
    bank: Bank,
    compiled: dict,
    docs: Path,
    templates: Path,
    wheel_name: str,
    example_count: int,
    register: dict | None = None,
    about: dict | None = None,
    localised: dict[str, BankInLanguage] | None = None,
) -> None:
    """Generate the Markdown pages (with HTML forms) from the bank through Jinja2 templates, in every language.

    ``register`` is ``sitegen.councils.site_register``: the councils the home page picker lists;
    ``about`` is ``sitegen.about.read_about``: who runs the site, for the Accessibility and Contact pages.
    The default language's pages are ``page.md``, another language's ``page.CODE.md`` (i18n_site.py).
    ``localised`` is ``i18n_site.localised_banks``: a language's pages show the bank in that language where it is
    translated (theme pages, the home page's and Compare's theme titles), the English left marked lang="en".
    """
    localised = localised or {}
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Markdown heading ids ({#id}) would otherwise open Jinja comments.
        comment_start_string="{##",
        comment_end_string="##}",
        extensions=["jinja2.ext.i18n"],
    )
    env.policies["ext.i18n.trimmed"] = True  # as babel.cfg extracts them: a paragraph's lines joined by spaces
    env.filters["guidance_href"] = guidance_href
    env.filters["quoted"] = quoted
    env.filters["lower_first"] = lower_first
    # which council types are asked a question by default: the engine's rule, applied at build time
    env.filters["council_types_asked"] = lambda q: [
        c.id for c in bank.council_types.values() if q.asked_of(c.nation, c.functions)
    ]
    context = {
        "bank": bank,
        "compiled": compiled,
        "wheel": wheel_name,
        "example_count": example_count,
        "tier_colours": tier_colours(len(bank.tiers)),
        "register": register or {"source": dict.fromkeys(("version", "as_of", "attribution"), ""), "councils": []},
        # each council type's nation: a theme page shows its nation's wording before the engine has said so
        "type_nations": {c.id: c.nation for c in bank.council_types.values()},
        "type_functions": {
            c.id: sorted(c.functions, key=list(bank.functions).index) for c in bank.council_types.values()
        },
        "about": about or read_about(bundled.mkdocs_config()),
        # the languages of the interface: the board report offers itself in each other one too
        "languages": languages(),
        # the legal-status register's date: its latest check (the "Legal duties as at" page)
        "as_at": max((d["last_checked"] for d in bank.legal_status["duties"]), default=""),
        # the ONS code's form, the engine's rule (an HTML pattern is anchored already): the home page refuses others
        "ons_pattern": ONS_CODE.pattern.removeprefix("^").removesuffix("$"),
        "root": "",  # the way back to the site's top folder from the page (a theme page's is "../")
    }
    pages: dict[str, tuple[str, dict[str, Any]]] = {
        # pages whose text is all the interface's (no bank text) have "uses_bank": False
        "index.md": ("index.md.j2", {}),
        "results.md": ("results.md.j2", {}),
        "check.md": ("check.md.j2", {}),
        "report.md": ("report.md.j2", {}),
        "review.md": ("review.md.j2", {}),
        "compare.md": ("compare.md.j2", {}),
        # the rules, worked examples and the legal-status register, in the page's language: each bank text left in
        # English marks itself (marked, lang_of), so the sentences' spans (<span{{ bank_lang }}>) mark nothing
        "how-scoring-works.md": ("how-scoring-works.md.j2", {"bank_lang": Markup("")}),
        "legal-duties.md": ("legal-duties.md.j2", {"bank_lang": Markup("")}),
        "browsers.md": ("browsers.md.j2", {}),  # its sources are cited in English, as published
        "privacy.md": ("privacy.md.j2", {"uses_bank": False}),
        "accessibility.md": ("accessibility.md.j2", {"uses_bank": False}),
        "contact.md": ("contact.md.j2", {"uses_bank": False}),
    }
    # bank text not in the page's language is marked as the default language's (bank_lang for every such text,
    # lang_of(text) for a string the banks can translate: marked only where it is left in English)
    bank_lang = default_language()
    for language in languages():
        local = localised.get(language.code)
        page_bank = Bank.from_dict(local.compiled) if local else bank
        lang_of = local.lang_of(language.code) if local else (lambda _text: Markup(""))
        env.globals["lang_of"] = lang_of
        env.globals["marked"] = marker(lang_of)
        # the same for a Markdown heading or paragraph (attr_list): `# Title { lang="en" }`
        env.globals["attr_of"] = lambda text, lang_of=lang_of: (
            Markup(f" {{ {lang_of(text).strip()} }}") if lang_of(text) else ""
        )
        language_pages = dict(pages)
        for theme in page_bank.themes:
            language_pages[f"themes/{theme.id}.md"] = ("theme.md.j2", {"theme": theme, "root": "../"})
        words = translator(language.code)
        # added to the Environment by jinja2.ext.i18n
        env.install_gettext_callables(words.gettext, words.ngettext, newstyle=True)  # type: ignore[attr-defined]
        env.filters["long_date"] = long_date_in(language.code)
        env.globals["bank_lang"] = lang_attribute(language.code, bank_lang)
        # what the banks never translate (sources and citations, as published)
        env.globals["source_lang"] = lang_attribute(language.code, bank_lang)
        env.globals["page_lang"] = language.code
        env.filters["function_name"] = lambda function_id, names=page_bank.functions: names[function_id]
        with speaking(words):  # the engine's words, in the page's language
            # the action plan's status names, as the engine writes them: the results page keeps the saved plan
            # editable where the browser cannot run the engine
            context["plan_statuses"] = status_names()
            context["glossary"] = glossary(page_bank)
            context["example"] = worked_example(page_bank)  # How scoring works: the engine's own results, worded
            context["tier_names_note"] = page_bank.labels()["tier_names_note"]
            # the register's regions, as the engine words them: the home page's picker names the picked one's
            context["region_names"] = {region: engine_words(region) for region in REGIONS}
        context["risk_names"] = {r.id: r.name for r in page_bank.risk_levels}
        for path, (template, extra) in language_pages.items():
            words.reset()
            target = docs / page_file(path, language.code)
            target.parent.mkdir(parents=True, exist_ok=True)
            text = env.get_template(template).render(
                **{**context, "bank": page_bank, "compiled": local.compiled if local else compiled, **extra}
            )
            uses_bank = extra.get("uses_bank", True)
            notice = status_notice(
                language,
                words,
                draft=bool(words.used_draft)
                or bool(local and uses_bank and local.has_drafts(extra.get("theme") and extra["theme"].id)),
                # whatever the page shows in the default language (sources, essential controls, a string not yet
                # translated) is marked so: the notice says so exactly when the page has such a part
                untranslated=bank_lang != language.code and f'lang="{bank_lang}"' in text,
                depth=path.count("/"),
            )
            target.write_text(insert_after_front_matter(text, notice), encoding="utf-8")


def marker(lang_of: Callable[[str], Markup]) -> Callable[..., Markup]:
    """``marked(text, shown=None, lang=None)``: a bank text as a page shows it, escaped, in a span marked with its
    language where that is not the page's (``lang``: that mark, by default ``lang_of(text)``; ``source_lang`` for a
    citation, which the banks never translate); ``shown`` is what is shown of it (the name in lower case), by default
    the text. A text in the page's language is the text alone."""

    def marked(text: str, shown: str | None = None, lang: Markup | None = None) -> Markup:
        mark = lang_of(text) if lang is None else lang
        value = text if shown is None else shown
        return Markup("<span{}>{}</span>").format(mark, value) if mark else escape(value)

    return marked


def lower_first(text: str) -> str:
    """A name in the middle of a sentence: its first letter in lower case, the rest as written ("unitary authority
    (England)", where ``|lower`` would write "(england)")."""
    return text[:1].lower() + text[1:]


def quoted(text: str) -> Markup:
    """An admonition's title in double quotes, escaped as HTML (tojson would write non-ASCII letters as \\u escapes)."""
    return Markup('"{}"').format(text)


def guidance_href(link: str, depth: int = 1) -> str:
    """A bank guidance link (page.md#anchor) as a URL from a page `depth` folders deep."""
    page, _, anchor = link.partition("#")
    href = "../" * depth + "guidance/" + page.replace(".md", ".html")
    return f"{href}#{anchor}" if anchor else href
