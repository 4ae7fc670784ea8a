"""`scorecard translations export/import`: the banks' translations as PO files and back, on copies of the real bank.

Import writes only the translations blocks, as text: every other line of the hand-edited theme files is kept, a
string whose English changed since the export is refused, and an export after an import gives the same file.
"""

from __future__ import annotations

import difflib
import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from scorecard.bank_source.translations import fingerprint
from scorecard.bank_source.yaml_source import load_yaml
from tests.helpers import ROOT, run_cli, without_translations

THEME = "spoc"
# (msgctxt, Welsh, fuzzy): a draft and a reviewed string of a question, an option, and the theme's title
WELSH = [
    ("SPC-01 text", "A oes gan y cyngor arweinydd wedi'i enwi?", True),
    ("SPC-02 options.dedicated", 'Rôl bwrpasol: "tîm"', False),
    ("theme title", "Arweinydd dynodedig", True),
]


@pytest.fixture
def bank(tmp_path) -> Path:
    """A copy of the real banks (and the guidance their links are checked against), without their translations."""
    shutil.copytree(ROOT / "questions", tmp_path / "questions")
    shutil.copytree(ROOT / "guidance", tmp_path / "guidance")
    for theme in (tmp_path / "questions").glob("*.yaml"):
        theme.write_text(without_translations(theme.read_text(encoding="utf-8")), encoding="utf-8")
    return tmp_path / "questions"


def test_the_real_banks_translations_go_out_and_come_back_unchanged(tmp_path):
    """The Welsh the banks hold, exported to PO files and imported again: nothing is written, nothing refused."""
    shutil.copytree(ROOT / "questions", tmp_path / "questions")
    shutil.copytree(ROOT / "guidance", tmp_path / "guidance")
    bank = tmp_path / "questions"
    files = export(bank, tmp_path / "po")
    ran = import_(bank, *(tmp_path / "po" / name for name in files))
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert re.findall(r": (\d+) written, \d+ unchanged, (\d+) refused", ran.stdout) == [("0", "0")] * len(files)
    assert {p.name: p.read_bytes() for p in bank.glob("*.yaml")} == {
        p.name: p.read_bytes() for p in (ROOT / "questions").glob("*.yaml")
    }


def export(bank: Path, out: Path) -> dict[str, bytes]:
    ran = run_cli("--questions", str(bank), "translations", "export", "--lang", "cy", str(out), cwd=bank.parent)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.po"))}


def fill(po: Path, entries=WELSH) -> None:
    """What a translator does in Poedit: fill msgstr, leave an entry fuzzy (draft) or not (reviewed)."""
    with po.open("rb") as handle:
        catalogue = read_po(handle)
    for context, welsh, fuzzy in entries:
        message = next(m for m in catalogue if m.context == context)
        message.string = welsh
        message.flags = {"fuzzy"} if fuzzy else set()
    with po.open("wb") as handle:
        write_po(handle, catalogue, width=0, omit_header=False)
    # as the export writes it (no creation date); Poedit would change the header more (its revision date, the translator)
    po.write_text("".join(x for x in po.read_text(encoding="utf-8").splitlines(True) if "POT-Creation-Date" not in x))


def import_(bank: Path, *files: Path):
    return run_cli("--questions", str(bank), "translations", "import", *map(str, files), cwd=bank.parent)


def test_export_import_export_gives_the_same_files(bank, tmp_path):
    first = export(bank, tmp_path / "po")
    assert set(first) == {f"{p.stem}.cy.po" for p in (ROOT / "questions").glob("*.yaml")} - {
        f"{n}.cy.po" for n in ("scoring", "indicators", "legal_status", "statement_summary")
    }
    po = tmp_path / "po" / f"{THEME}.cy.po"
    fill(po)
    filled = po.read_bytes()
    ran = import_(bank, po)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert f"{THEME}.yaml: 3 written, 0 unchanged, 0 refused" in ran.stdout
    again = export(bank, tmp_path / "again")
    assert again[po.name] == filled  # the translations, their drafts and reviews, came back as written
    assert {k: v for k, v in again.items() if k != po.name} == {k: v for k, v in first.items() if k != po.name}
    data = load_yaml((bank / f"{THEME}.yaml").read_text(encoding="utf-8")).data
    spc02 = next(q for q in data["questions"] if q["id"] == "SPC-02")
    assert spc02["translations"]["cy"]["options.dedicated"] == {
        "text": 'Rôl bwrpasol: "tîm"',
        "from": fingerprint("A dedicated role (or a team) for modern slavery and exploitation"),
        "status": "reviewed",
    }
    assert data["theme"]["translations"]["cy"]["title"]["status"] == "draft"
    before = (bank / f"{THEME}.yaml").read_bytes()
    twice = import_(bank, po)  # idempotent: nothing to write the second time
    assert f"{THEME}.yaml: 0 written, 3 unchanged, 0 refused" in twice.stdout, twice.stdout
    assert (bank / f"{THEME}.yaml").read_bytes() == before
    assert run_cli("validate", str(bank), cwd=bank.parent).returncode == 0


def test_an_entry_whose_english_changed_is_refused_and_listed(bank, tmp_path):
    export(bank, tmp_path / "po")
    po = tmp_path / "po" / f"{THEME}.cy.po"
    fill(po)
    theme_file = bank / f"{THEME}.yaml"
    old = "A dedicated role (or a team) for modern slavery and exploitation"
    theme_file.write_text(theme_file.read_text(encoding="utf-8").replace(old, old + " work"), encoding="utf-8")
    po.write_text(po.read_text(encoding="utf-8").replace('msgctxt "theme title"', 'msgctxt "theme titel"'))
    ran = import_(bank, po)
    assert ran.returncode == 1
    assert f"{THEME}.yaml: 1 written, 0 unchanged, 2 refused" in ran.stdout, ran.stdout
    assert "theme titel: not a string of spoc.yaml" in ran.stderr, ran.stderr
    line = next(n for n, text in enumerate(po.read_text(encoding="utf-8").splitlines(), 1) if old in text)
    assert re.search(
        rf"refused: .*{THEME}\.cy\.po:{line}: SPC-02 options\.dedicated: its English .* not the bank", ran.stderr
    ), ran.stderr
    assert "Rôl bwrpasol" not in theme_file.read_text(encoding="utf-8")  # not written
    assert "A oes gan y cyngor arweinydd" in theme_file.read_text(encoding="utf-8")  # the others were


def test_every_other_line_of_the_theme_file_is_kept_comments_too(bank, tmp_path):
    export(bank, tmp_path / "po")
    po = tmp_path / "po" / f"{THEME}.cy.po"
    fill(po)
    theme_file = bank / f"{THEME}.yaml"
    before = theme_file.read_text(encoding="utf-8").splitlines()
    assert any(line.lstrip().startswith("#") for line in before)
    import_(bank, po)
    after = theme_file.read_text(encoding="utf-8").splitlines()
    changes = [
        op for op in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes() if op[0] != "equal"
    ]
    assert [op[0] for op in changes] == ["insert"] * 3, changes  # three blocks added, nothing else touched
    inserted = [line for _, _, _, j1, j2 in changes for line in after[j1:j2]]
    assert all(
        line.lstrip().startswith(("translations:", "cy:", "text:", "help:", "title:", "options.")) for line in inserted
    )


def test_problems_elsewhere_keep_pointing_at_their_lines(bank, tmp_path):
    """After an import adds lines, every warning about another question names the line it named before, moved."""

    def warnings() -> list[tuple[str, str, str]]:
        ran = run_cli("validate", str(bank), "--translations", "warn", cwd=bank.parent)
        found = []
        for path, line, qid, message in re.findall(r"warning: (\S+?):(\d+): (\S+): (.*)", ran.stderr):
            if qid not in ("SPC-01", "SPC-02", "-"):
                text = (bank.parent / path).read_text(encoding="utf-8").splitlines()[int(line) - 1]
                found.append((path, text, message))
        return found

    before = warnings()
    assert any(f"{THEME}.yaml" in path for path, _, _ in before)
    export(bank, tmp_path / "po")
    po = tmp_path / "po" / f"{THEME}.cy.po"
    fill(po)
    import_(bank, po)
    assert warnings() == before


def test_a_stale_translation_is_exported_as_untranslated_with_the_earlier_text_as_a_comment(bank, tmp_path):
    export(bank, tmp_path / "po")
    po = tmp_path / "po" / f"{THEME}.cy.po"
    fill(po)
    import_(bank, po)
    theme_file = bank / f"{THEME}.yaml"
    old = "Does the council have a named single point of contact (SPOC), or designated lead, for modern slavery?"
    theme_file.write_text(theme_file.read_text(encoding="utf-8").replace(old, old[:-1] + " now?"), encoding="utf-8")
    export(bank, tmp_path / "again")
    with (tmp_path / "again" / f"{THEME}.cy.po").open("rb") as handle:
        catalogue = read_po(handle)
    message = next(m for m in catalogue if m.context == "SPC-01 text")
    assert message.string == "" and not message.fuzzy
    assert "A oes gan y cyngor arweinydd" in " ".join(message.user_comments)
    ran = import_(bank, tmp_path / "again" / f"{THEME}.cy.po")  # an untouched stale entry stays stale
    assert f"{THEME}.yaml: 0 written, 2 unchanged, 0 refused" in ran.stdout and ran.returncode == 0, ran.stdout
    assert "translations.cy.text is stale" in run_cli("validate", str(bank), cwd=bank.parent).stderr


def test_a_po_file_for_no_theme_or_unreadable_is_refused_whole(bank, tmp_path):
    bad = tmp_path / "nothing.cy.po"
    bad.write_text('msgid ""\nmsgstr ""\n"Language: cy\\n"\n', encoding="utf-8")
    ran = import_(bank, bad)
    assert ran.returncode == 2 and "no theme 'nothing'" in ran.stderr, ran.stderr
    broken = tmp_path / f"{THEME}.cy.po"
    broken.write_text('garbage line\nmsgid "a"\n', encoding="utf-8")
    ran = import_(bank, broken)
    assert ran.returncode == 2 and "cannot read it as a PO file" in ran.stderr, ran.stderr
