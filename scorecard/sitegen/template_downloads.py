"""The guidance's templates as documents a council can edit: Word (.docx) and OpenDocument (.odt).

An officer adapts a template in their own word processor, not in a web page, so each page under
guidance/templates/ gets both files beside it and a download line under its title. Pandoc
(the pypandoc_binary wheel, which carries its own pandoc) converts the Markdown; links between
the guidance's pages become absolute addresses of this site, because a downloaded document has
no site around it. Conversions are cached by content (build_cache), so a rebuild costs nothing.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from urllib.parse import urljoin

from ..bank_source.guidance_translations import is_translation
from . import build_cache
from .errors import BuildError

_ = str  # marks a string for extraction (babel.cfg); translated where it is used, with the page's Translator

FORMATS = {"docx": _("Word document"), "odt": _("OpenDocument text")}
DOWNLOAD_LINE = _("Download this template to edit it: %(links)s.")
OR = _("or")
# [text](target) where the target is a page of this site (no scheme, no leading slash).
RELATIVE_LINK = re.compile(r"\]\((?![a-z][a-z0-9+.-]*:|/|#)([^)\s]+?)\.md(#[^)\s]*)?\)")


def add_template_downloads(guidance: Path, site_url: str) -> list[Path]:
    """Write NAME.docx and NAME.odt beside every guidance/templates/NAME.md and link them from it."""
    folder = guidance / "templates"
    written = []
    for page in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        if is_translation(page):
            continue  # a language's page: its own documents are written with it (translated_template_downloads)
        source = page.read_text(encoding="utf-8")
        page_url = urljoin(site_url, f"guidance/templates/{page.stem}.html")
        text, documents = with_documents(page, source, page_url, "en-GB", str)
        page.write_text(text, encoding="utf-8")
        written += documents
    return written


def translated_template_downloads(page: Path, markdown: str, site_url: str, code: str, gettext) -> str:
    """A language's own template (guidance/templates/NAME.CODE.md): its NAME.CODE.docx and NAME.CODE.odt written
    beside it (mkdocs-static-i18n serves them as /CODE/guidance/templates/NAME.docx), and its text with the download
    line, in the language, after its title."""
    stem = Path(page.stem).stem
    page_url = urljoin(site_url, f"{code}/guidance/templates/{stem}.html")
    return with_documents(page, markdown, page_url, code, gettext)[0]


def with_documents(page: Path, markdown: str, page_url: str, lang: str, gettext) -> tuple[str, list[Path]]:
    """Write the page's Word and OpenDocument copies beside it; return its text with the download line, and them."""
    stem = Path(page.stem).stem  # NAME of NAME.md or NAME.CODE.md: the address the site serves the documents at
    document_text = absolute_links(markdown, page_url)
    sizes, written = {}, []
    for extension in FORMATS:
        target = page.with_suffix(f".{extension}")
        target.write_bytes(convert(document_text, extension, lang))
        sizes[extension] = target.stat().st_size
        written.append(target)
    return with_download_line(markdown, stem, sizes, gettext), written


def absolute_links(markdown: str, page_url: str) -> str:
    """Links to other pages of the guidance, made absolute (use_directory_urls is off: NAME.html)."""
    return RELATIVE_LINK.sub(lambda m: f"]({urljoin(page_url, m.group(1) + '.html')}{m.group(2) or ''})", markdown)


def with_download_line(markdown: str, stem: str, sizes: dict[str, int], gettext=str) -> str:
    """The page with a download line, in the page's language (``gettext``), after its title (a level-1 heading)."""
    title, _newline, rest = markdown.partition("\n")
    if not title.startswith("# "):
        raise BuildError(f"guidance/templates/{stem}.md must start with a level-1 heading (# Title)")
    links = f" {gettext(OR)} ".join(
        f'[{gettext(name)} (.{ext}, {round(sizes[ext] / 1024)} KB)]({stem}.{ext}){{download="{stem}.{ext}"}}'
        for ext, name in FORMATS.items()
    )
    return f"{title}\n\n{gettext(DOWNLOAD_LINE) % {'links': links}}\n{{.sc-downloads}}\n{rest}"


def convert(markdown: str, extension: str, lang: str = "en-GB") -> bytes:
    """Pandoc's conversion, from the cache when the same text was converted by the same pandoc before."""
    try:
        import pypandoc
    except ImportError:
        raise BuildError(
            "building the site needs pypandoc_binary (for the templates' Word and OpenDocument "
            "copies), which is not installed: pip install 'scorecard[site]'"
        ) from None
    key = build_cache.digest(markdown, extension, lang, str(pypandoc.get_pandoc_version()))
    cached = build_cache.read("template-documents", key)
    if cached is not None:
        return cached
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"template.{extension}"
        pypandoc.convert_text(
            markdown, extension, format="markdown", outputfile=str(out), extra_args=[f"--metadata=lang:{lang}"]
        )
        data = out.read_bytes()
    build_cache.write("template-documents", key, data)
    return data
