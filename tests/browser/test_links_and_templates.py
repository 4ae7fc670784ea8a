"""Every link inside the built site resolves (page and heading), and the guidance's templates
download as documents an officer can edit in a word processor."""

from __future__ import annotations

import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from tests.browser.conftest import new_page
from tests.helpers import ROOT

TEMPLATES = [
    "inspection-prompt",
    "model-contract-clauses",
    "nrm-duty-to-notify-flowchart",
    "spoc-remit",
    "statement-outline",
]


class Links(HTMLParser):
    """The ids a page defines and the links it makes (a href, link href, img/script src)."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if attrs.get("name") and tag == "a":
            self.ids.add(attrs["name"])
        target = attrs.get("href") if tag in ("a", "link") else attrs.get("src") if tag in ("img", "script") else None
        if target:
            self.links.append(target)


def parse(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def test_every_link_in_the_built_site_finds_its_page_and_heading(built_site, base_url):
    pages = {p: parse(p) for p in built_site.rglob("*.html") if "_bench" not in p.parts}
    broken = []
    for page, links in pages.items():
        page_url = base_url + page.relative_to(built_site).as_posix()
        for link in links.links:
            url = urljoin(page_url, link)
            if not url.startswith(base_url):
                continue  # other hosts are links for the officer to follow, never loaded (test_every_page)
            parts = urlsplit(url)
            target = built_site / unquote(parts.path[len(urlsplit(base_url).path) :])
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(built_site)}: {link} (no such file)")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in pages[target].ids:
                broken.append(f"{page.relative_to(built_site)}: {link} (no such heading)")
    assert len(pages) > 20 and broken == []


def test_each_guidance_template_downloads_as_word_and_opendocument(built_site, base_url):
    for name in TEMPLATES:
        page = (built_site / "guidance" / "templates" / f"{name}.html").read_text(encoding="utf-8")
        title = (ROOT / "guidance" / "templates" / f"{name}.md").read_text(encoding="utf-8").split("\n")[0][2:]
        for extension, body_part, link in (
            ("docx", "word/document.xml", r'Target="([^"]+)" TargetMode="External"'),
            ("odt", "content.xml", r'xlink:href="([^"]+)"'),
        ):
            assert f'download="{name}.{extension}" href="{name}.{extension}"' in page
            with zipfile.ZipFile(built_site / "guidance" / "templates" / f"{name}.{extension}") as document:
                body = document.read(body_part).decode("utf-8")
                rels = document.read("word/_rels/document.xml.rels").decode("utf-8") if extension == "docx" else body
            assert title.split("'")[0] in body  # (pandoc makes straight quotes curly)
            targets = re.findall(link, rels)
            # a downloaded document has no site around it: its links to the guidance are the site's addresses
            assert any(t.startswith(base_url + "guidance/") for t in targets), (name, extension)
            assert [t for t in targets if not t.startswith(("https://", base_url))] == [], (name, extension)


def test_an_officer_goes_from_the_guidance_to_a_template_and_downloads_it(context, base_url):
    page = new_page(context)
    page.goto(base_url + "guidance/spoc.html")
    page.get_by_role("link", name="a designated lead's (SPOC) remit").first.click()
    page.wait_for_url("**/guidance/templates/spoc-remit.html")
    with page.expect_download() as download:
        page.get_by_role("link", name="Word document (.docx", exact=False).click()
    saved = Path(download.value.path())
    assert download.value.suggested_filename == "spoc-remit.docx"
    with zipfile.ZipFile(saved) as document:
        body = document.read("word/document.xml").decode("utf-8")
    assert "Designated lead (single point of contact) for modern slavery" in body


def test_the_guidance_and_templates_are_kept_when_first_read_not_fetched_on_every_first_visit(built_site):
    service_worker = (built_site / "sw.js").read_text(encoding="utf-8")
    precached = json.loads(re.search(r"const FILES = (\[.*?\]);", service_worker).group(1))
    on_first_use = json.loads(re.search(r"const ON_FIRST_USE = (\[.*?\]);", service_worker).group(1))
    assert "themes/spoc.html" in precached and "index.html" in precached and "./" not in precached
    assert [f for f in precached if f.startswith(("guidance/", "cy/guidance/")) or f.endswith((".docx", ".odt"))] == []
    assert "cy/guidance/" in on_first_use  # the Welsh guidance too, kept as it is read
    assert "guidance/" in on_first_use
