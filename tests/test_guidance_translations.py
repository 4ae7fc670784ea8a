"""Guidance pages in Welsh: page.cy.md beside page.md, shown while current, reported at file:line when missing or
stale, falling back to the English (marked) when stale."""

from __future__ import annotations

import html
import shutil
import zipfile
from pathlib import Path

from scorecard.bank_source.translations import fingerprint
from scorecard.i18n import languages, translator
from scorecard.sitegen.i18n_site import guidance_copies
from tests.helpers import MINI, run_cli

WELSH = """# Canllawiau Alffa

## Sylfaenol {#tier-basic}
### Hyfforddiant {#training}
## Cynnar {#tier-early}
### Adolygu'r polisi {#reviewing-the-policy}
## Sylweddol {#tier-substantial}
## Aeddfed {#tier-mature}
"""


def _bank(tmp_path: Path) -> Path:
    shutil.copytree(MINI, tmp_path / "bank")
    return tmp_path / "bank"


def _welsh_page(guidance: Path, body: str = WELSH, status: str = "draft") -> Path:
    english = (guidance / "alpha.md").read_text(encoding="utf-8")
    page = guidance / "alpha.cy.md"
    page.write_text(
        f"---\ntranslation:\n  from: {fingerprint(english)}\n  status: {status}\n---\n{body}", encoding="utf-8"
    )
    return page


def _change_english(guidance: Path) -> None:
    english = guidance / "alpha.md"
    english.write_text(english.read_text(encoding="utf-8").replace("Training", "Training for staff"), encoding="utf-8")


def test_a_missing_or_stale_welsh_guidance_page_is_reported_at_its_line(tmp_path):
    bank = _bank(tmp_path)
    guidance = bank / "guidance"
    missing = run_cli("validate", str(bank / "questions"), "--translations", "warn", cwd=tmp_path)
    assert missing.returncode == 0, missing.stdout + missing.stderr
    assert "bank/guidance/alpha.md:1: -: no cy translation (bank/guidance/alpha.cy.md)" in missing.stderr, (
        missing.stderr
    )
    assert "Guidance translations (cy): 0 of 2 pages, 0 stale, 0 not yet reviewed" in missing.stderr

    _welsh_page(guidance)
    current = run_cli("validate", str(bank / "questions"), "--translations", "warn", cwd=tmp_path)
    assert "alpha.md:1" not in current.stderr and "alpha.cy.md" not in current.stderr, current.stderr
    assert "Guidance translations (cy): 1 of 2 pages, 0 stale, 1 not yet reviewed" in current.stderr

    _change_english(guidance)
    stale = run_cli("validate", str(bank / "questions"), cwd=tmp_path)
    assert stale.returncode == 0, stale.stdout + stale.stderr  # a warning by default, listed even in the summary
    assert "guidance/alpha.cy.md:3: -: translation is stale: alpha.md changed since it was translated" in stale.stderr
    strict = run_cli("validate", str(bank / "questions"), "--translations", "error", cwd=tmp_path)
    assert strict.returncode == 1


def test_a_welsh_page_that_drops_a_heading_id_the_banks_link_to_is_refused(tmp_path):
    bank = _bank(tmp_path)
    page = _welsh_page(bank / "guidance", WELSH.replace(" {#training}", ""))
    ran = run_cli("validate", str(bank / "questions"), cwd=tmp_path)
    assert ran.returncode == 1
    assert f"{page.relative_to(tmp_path)}:9: -: keeps no heading with the id 'training' of alpha.md" in ran.stdout, (
        ran.stdout
    )


def test_a_bad_status_is_refused_at_its_line(tmp_path):
    bank = _bank(tmp_path)
    _welsh_page(bank / "guidance", status="checked")
    ran = run_cli("validate", str(bank / "questions"), cwd=tmp_path)
    assert ran.returncode == 1
    assert "guidance/alpha.cy.md:4: -: translation.status must be one of draft, reviewed" in ran.stdout, ran.stdout


def _built(tmp_path: Path, source: Path) -> Path:
    """The docs' guidance folder as the build makes it (English copied, then each language's pages)."""
    docs = tmp_path / "docs" / "guidance"
    shutil.copytree(source, docs)
    welsh = next(language for language in languages() if language.code == "cy")
    guidance_copies(source, docs, welsh, translator("cy"), "http://127.0.0.1:8000/")
    return docs / "alpha.cy.md"


def test_a_current_welsh_page_is_shown_and_a_stale_one_falls_back_to_the_english(tmp_path):
    guidance = _bank(tmp_path) / "guidance"
    _welsh_page(guidance)
    shown = _built(tmp_path / "one", guidance).read_text(encoding="utf-8")
    assert "# Canllawiau Alffa" in shown and "translation:" not in shown
    # its heading is under the notice, so it is named by front matter: not by its file name in the Welsh nav
    assert shown.startswith('---\ntitle: "Canllawiau Alffa"\n---\n')
    assert "Nid yw cyfieithiad y dudalen hon wedi'i adolygu eto." in html.unescape(shown)  # a draft says so
    assert 'lang="en"' not in shown.replace('<span lang="en">Welsh translation not yet reviewed.</span>', "")

    _welsh_page(guidance, status="reviewed")
    reviewed = _built(tmp_path / "two", guidance).read_text(encoding="utf-8")
    assert "# Canllawiau Alffa" in reviewed and "translation-status" not in reviewed

    _change_english(guidance)
    fallback = _built(tmp_path / "three", guidance).read_text(encoding="utf-8")
    assert "Canllawiau Alffa" not in fallback
    assert '<div lang="en" markdown="1">' in fallback and "### Training for staff {#training}" in fallback
    assert translator("cy").gettext("This page is not yet translated: it is shown in English.") in fallback


def test_a_welsh_template_has_its_own_welsh_word_and_opendocument_copies(tmp_path):
    """A current Welsh template gets NAME.cy.docx and NAME.cy.odt (served as /cy/.../NAME.docx) in Welsh, marked cy,
    and a Welsh download line linking them; a stale one keeps the English page and its English copies."""
    source = tmp_path / "guidance"
    (source / "templates").mkdir(parents=True)
    english = source / "templates" / "remit.md"
    english.write_text("# Remit\n\n## Duties\n\n- Lead the work.\n", encoding="utf-8")
    (source / "templates" / "remit.cy.md").write_text(
        f"---\ntranslation:\n  from: {fingerprint(english.read_text(encoding='utf-8'))}\n  status: draft\n---\n"
        "# Cylch gwaith\n\n## Dyletswyddau {#duties}\n\n- Arwain y gwaith.\n",
        encoding="utf-8",
    )
    page = _built(tmp_path / "one", source).parent / "templates" / "remit.cy.md"
    text = page.read_text(encoding="utf-8")
    assert "Lawrlwythwch y templed hwn i'w olygu: [Dogfen Word (.docx" in text
    assert '](remit.docx){download="remit.docx"} neu [Testun OpenDocument (.odt' in text
    with zipfile.ZipFile(page.with_name("remit.cy.docx")) as document:
        body = document.read("word/document.xml").decode("utf-8")
        styles = document.read("word/styles.xml").decode("utf-8")
    assert "Arwain y gwaith." in body and "Lead the work" not in body
    assert 'w:val="cy"' in styles
    assert page.with_name("remit.cy.odt").exists()

    english.write_text("# Remit\n\n## Duties\n\n- Lead the work well.\n", encoding="utf-8")
    stale = _built(tmp_path / "two", source).parent / "templates" / "remit.cy.md"
    assert "Lead the work well." in stale.read_text(encoding="utf-8")
    assert not stale.with_name("remit.cy.docx").exists()
