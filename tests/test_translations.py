"""The interface's and the banks' translations: complete catalogues, stale bank strings flagged, language-free answers."""

from __future__ import annotations

import re
import shutil
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg

from scorecard.bank_source.load import read_themes, translation_sources, translation_warnings
from scorecard.bank_source.translations import fingerprint, localise, question_strings
from scorecard.council_register import load_register, other_name
from scorecard.engine import Bank, load_assessment, score_assessment
from scorecard.i18n import catalogue_json, read_catalogue, translated_languages, translator
from tests.helpers import MINI, ROOT, compile_bank, make_assessment, run_cli

WELSH_TEXT = "A oes arweinydd wedi'i enwi ar gyfer hyn?"


def marked_strings() -> set[str]:
    """Every interface string marked for translation in the sources, extracted as `pybabel extract` does (babel.cfg)."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords={"_": None}
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


@pytest.mark.parametrize("lang", translated_languages())
def test_every_interface_string_has_a_translation(lang):
    """Every string the templates, the site's build and the engine mark for translation is in the language's
    catalogue with a translation (a draft counts: it is marked as one where it is shown)."""
    catalogue = read_catalogue(lang)
    missing = sorted(
        text for text in marked_strings() if not (catalogue.get(text) and all(_forms(catalogue.get(text).string)))
    )
    assert not missing, (
        f"{len(missing)} strings have no {lang} translation (pybabel update, then translate):\n" + "\n".join(missing)
    )


@pytest.mark.parametrize("lang", translated_languages())
def test_every_bank_string_and_guidance_page_has_a_translation(lang):
    """The real bank: every string an officer reads (the theme files, the default Yes and No of a yes_no question
    that lists no options, scoring.yaml and the other files) and every guidance page and template has a current
    translation (a draft counts: it is marked as one where it is shown)."""
    warnings, counts, page_counts = translation_warnings()
    assert counts[lang]["missing"] == counts[lang]["stale"] == 0, "\n".join(str(w) for w in warnings)
    assert page_counts[lang]["missing"] == page_counts[lang]["stale"] == 0, "\n".join(str(w) for w in warnings)


def test_a_yes_no_questions_default_options_are_its_strings_to_translate():
    """Yes and No, which a yes_no question gets by listing no options, are worded per question (Welsh answers with
    the question's verb: Oes / Nac oes, Ydy / Nac ydy), so they are its strings, and the Welsh bank shows them."""
    sources = translation_sources(ROOT / "questions")
    by_id = {q["id"]: q for theme in sources.values() if "questions" in theme for q in theme["questions"]}
    assert not by_id["SPC-01"].get("options")
    assert dict((k, e) for k, e, _ in question_strings(by_id["SPC-01"]) if k.startswith("options.")) == {
        "options.yes": "Yes",
        "options.no": "No",
    }
    welsh, _status = localise(compile_bank(ROOT / "questions"), sources, "cy")
    spc01 = next(q for t in welsh["themes"] for q in t["questions"] if q["id"] == "SPC-01")
    assert [o["label"] for o in spc01["options"]] == ["Oes", "Nac oes"]


def _forms(string):
    return string if isinstance(string, tuple) else (string,)


def _placeholders(text: str, brace: bool) -> set[str]:
    """A message's %(name)s placeholders and, in a str.format message (the engine's problems), its {name!r:spec}
    fields whole: a translation that changed a conversion or unescaped a {{ would not format as its English does."""
    found = {f"%({name})s" for name in re.findall(r"%\((\w+)\)s", text)}
    if brace:
        try:
            fields = [(name, conversion, spec) for _, name, spec, conversion in string.Formatter().parse(text)]
        except ValueError as error:  # a lone { or }
            return {f"unreadable: {error}"}
        found |= {f"{{{name}!{conversion}:{spec}}}" for name, conversion, spec in fields if name is not None}
    return found


@pytest.mark.parametrize("lang", translated_languages())
def test_a_translation_keeps_its_placeholders(lang):
    """A translation names the same %(name)s placeholders as its English, and a str.format message the same {fields},
    so no value is lost or misplaced."""
    wrong = []
    for message in read_catalogue(lang):
        if not message.id or not all(_forms(message.string)):
            continue
        text = message.id[0] if isinstance(message.id, tuple) else message.id
        brace = "python-brace-format" in message.flags or "{{" in text  # fields, or only escaped braces
        english = _placeholders(text, brace)
        for form in _forms(message.string):
            if _placeholders(form, brace) != english:
                wrong.append(f"{message.id!r} -> {form!r}")
    assert not wrong, "\n".join(wrong)


def test_the_engines_problems_are_read_as_str_format_messages():
    """Babel flags the engine's problems (str.format, {name}) so the placeholder check reads their fields whole."""
    from scorecard.engine.wording import PROBLEMS

    catalogue = read_catalogue("cy")
    braced = [text for text in PROBLEMS.values() if any(name for _, name, _, _ in string.Formatter().parse(text))]
    assert braced and all("python-brace-format" in catalogue.get(text).flags for text in braced)


def test_the_welsh_catalogue_is_read_with_drafts_marked():
    words = translator("cy")
    assert words.gettext("Privacy") != "Privacy"
    assert "Privacy" in words.used_draft or not read_catalogue("cy").get("Privacy").fuzzy
    assert catalogue_json("cy")["plural"].startswith("(n == 0")


def _bank_copy(tmp_path: Path) -> Path:
    bank = tmp_path / "bank"
    shutil.copytree(MINI, bank)
    return bank / "questions"


def _add_welsh(
    theme_file: Path, english: str, welsh: str, key: str = "text", fingerprint_of: str | None = None
) -> None:
    text = theme_file.read_text(encoding="utf-8")
    anchor = "    sources: [Test source one]\n"
    assert anchor in text
    entry = (
        f'    translations:\n      cy:\n        {key}: {{text: "{welsh}", from: {fingerprint(fingerprint_of or english)}, '
        "status: draft}\n"
    )
    theme_file.write_text(text.replace(anchor, anchor + entry, 1), encoding="utf-8")


def test_changing_an_english_bank_string_flags_its_welsh_one_as_stale(tmp_path):
    questions = _bank_copy(tmp_path)
    alpha = questions / "alpha.yaml"
    _add_welsh(alpha, "Is there a named lead for this?", WELSH_TEXT)
    fresh = run_cli("validate", str(questions), "--translations", "error", cwd=tmp_path)
    assert "is stale" not in fresh.stderr, fresh.stderr
    alpha.write_text(
        alpha.read_text(encoding="utf-8").replace("Is there a named lead for this?", "Is there a named lead for it?"),
        encoding="utf-8",
    )
    stale = run_cli("validate", str(questions), cwd=tmp_path)
    assert stale.returncode == 0, stale.stdout + stale.stderr  # a warning by default
    line = next(n for n, text in enumerate(alpha.read_text().splitlines(), 1) if WELSH_TEXT in text)
    assert f"alpha.yaml:{line}: ALP-01: translations.cy.text is stale" in stale.stderr, stale.stderr
    strict = run_cli("validate", str(questions), "--translations", "error", cwd=tmp_path)
    assert strict.returncode == 1 and "is stale" in strict.stderr


def test_missing_translations_are_listed_at_their_question_with_warn(tmp_path):
    questions = _bank_copy(tmp_path)
    ran = run_cli("validate", str(questions), "--translations", "warn", cwd=tmp_path)
    assert ran.returncode == 0
    assert "alpha.yaml:8: ALP-01: no cy translation of text, help" in ran.stderr, ran.stderr
    assert "Translations (cy): 0 of" in ran.stderr


def test_a_translation_of_a_string_that_does_not_exist_is_an_error(tmp_path):
    questions = _bank_copy(tmp_path)
    _add_welsh(questions / "alpha.yaml", "x", "Dim", key="options.maybe")
    ran = run_cli("validate", str(questions), cwd=tmp_path)
    assert ran.returncode == 1
    assert "translations.cy: 'options.maybe' is not a string of this question" in ran.stdout, ran.stdout


def test_a_file_made_in_welsh_scores_and_compares_as_in_english(tmp_path):
    """Answers are option ids: the Welsh bank (strings replaced) scores every answer exactly as the English one."""
    questions = _bank_copy(tmp_path)
    _add_welsh(questions / "alpha.yaml", "Is there a named lead for this?", WELSH_TEXT)
    compiled = compile_bank(questions)
    sources = {source.data["theme"]["id"]: source.data for _, source in read_themes(questions)}
    welsh, untranslated = localise(compiled, sources, "cy")
    english_bank, welsh_bank = Bank.from_dict(compiled), Bank.from_dict(welsh)
    assert welsh_bank.questions["ALP-01"].text == WELSH_TEXT and "Is there a named lead for this?" not in untranslated
    assert "How far has training reached?" in untranslated
    ctype = next(iter(english_bank.council_types))
    for answers in ({}, {"ALP-01": "yes", "ALP-02": "some", "ALP-03": ["front"]}, {"ALP-01": "no", "ALP-02": "n/a"}):
        data = make_assessment(english_bank, ctype, answers)
        english = score_assessment(english_bank, load_assessment(data, english_bank))
        cymraeg = score_assessment(welsh_bank, load_assessment(data, welsh_bank))
        assert [(t["score"], t["tier"], t["risk"]) for t in english["themes"]] == [
            (t["score"], t["tier"], t["risk"]) for t in cymraeg["themes"]
        ]
        assert english["overall"] == cymraeg["overall"]


def test_a_stale_translation_is_not_shown():
    """A translation written from other English is left out (the English is shown, marked), never shown as current."""
    compiled = {"themes": [{"id": "a", "title": "T", "summary": "S", "questions": []}]}
    sources = {
        "a": {
            "theme": {"translations": {"cy": {"title": {"text": "Teitl", "from": fingerprint("Old")}}}},
            "questions": [],
        }
    }
    localised, untranslated = localise(compiled, sources, "cy")
    assert localised["themes"][0]["title"] == "T" and untranslated == {"T", "S"}


def test_welsh_councils_have_their_welsh_names_from_the_register():
    register = load_register()
    assert register.entries["CRF"].other_name == "Caerdydd"
    assert register.entries["AGY"].other_name == "Sir Ynys Môn"  # a repaired alt-name
    assert register.entries["VGL"].other_name == "Bro Morgannwg"
    assert register.entries["TUN"].other_name == ""  # English councils have none
    assert (
        other_name("SIR_CEREDIGION_-_CEREDIGION", ("Ceredigion",), "Ceredigion County Council") == ""
    )  # never made up


@pytest.mark.parametrize("lang", translated_languages())
def test_every_word_the_sites_javascript_writes_is_in_the_pages_catalogue(lang):
    """Every t("...") in site/assets/js/ and in the early script (site/early/; found here by a plain search, not by
    Babel) is in the share of the catalogue a page in the language carries, translated; the share holds nothing else."""
    from scorecard.sitegen.i18n_site import script_messages

    scripts = (ROOT / "site" / "assets" / "js", ROOT / "site" / "early")
    marked = {
        match
        for folder in scripts
        for path in folder.glob("*.js")
        if path.name != "i18n.js"  # which defines t(), and shows it in its comments
        for match in re.findall(r'\btn?\("((?:[^"\\]|\\.)*)"', path.read_text(encoding="utf-8"))
    }
    assert "Export a copy" in marked and "its notes are not text" in marked  # the search finds them
    share = script_messages(lang, *scripts)
    assert share["lang"] == lang
    assert sorted(marked - set(share["messages"])) == []
    assert sorted(set(share["messages"]) - marked) == []
    assert all(text for text in share["messages"].values())


@pytest.mark.parametrize("lang", translated_languages())
def test_a_plural_forms_order_is_the_cldrs_categories_the_javascript_reads(lang):
    """The browser picks a plural message's form by the CLDR's category of the number (Intl.PluralRules) and its
    place in plural_tags: that is the form the catalogue's own Plural-Forms expression picks, for every number."""
    import gettext

    from babel import Locale

    from scorecard.i18n import plural_tags

    form = gettext.c2py(read_catalogue(lang).plural_expr)  # the PO header's expression, as gettext reads it
    rule = Locale.parse(lang).plural_form
    tags = plural_tags(lang)
    for n in range(0, 1001):
        assert tags.index(rule(n)) == form(n), n


def test_a_page_showing_a_bank_draft_counts_it_as_not_yet_reviewed(tmp_path):
    """A theme page says "not yet reviewed" when its own theme shows a bank draft; another page when any theme does."""
    from scorecard.sitegen.i18n_site import localised_banks

    questions = _bank_copy(tmp_path)
    _add_welsh(questions / "alpha.yaml", "Is there a named lead for this?", WELSH_TEXT)
    welsh = localised_banks(compile_bank(questions), questions)["cy"]
    others = [theme for theme in welsh.themes if theme != "alpha"]
    assert others and welsh.has_drafts("alpha") and welsh.has_drafts()
    assert not any(welsh.has_drafts(theme) for theme in others)
    assert welsh.compiled["themes"][0]["questions"][0]["text"] == WELSH_TEXT


def test_lang_of_marks_only_the_english_left_on_a_page():
    """On a Welsh page a translated bank string has no lang of its own (the page's cy); one left in English,
    missing or stale, is marked lang="en"."""
    from scorecard.sitegen.i18n_site import BankInLanguage

    local = BankInLanguage({"themes": []}, {"How far has training reached?"}, {})
    lang_of = local.lang_of("cy")
    assert lang_of("How far has training reached?") == ' lang="en"' and lang_of(WELSH_TEXT) == ""


def test_an_essential_controls_name_and_reason_are_translated_and_its_source_is_not():
    """The red 'Essential control' line of a theme page reads in Welsh on a Welsh page; the source is cited as published."""
    compiled = compile_bank(ROOT / "questions")
    sources = translation_sources(ROOT / "questions")
    welsh, untranslated = localise(compiled, sources, "cy")
    english = {q["id"]: q for t in compiled["themes"] for q in t["questions"] if q.get("essential")}
    assert set(english) == {"SAF-01", "SAF-10", "SAF-15", "SUR-01"}
    for theme in welsh["themes"]:
        for question in theme["questions"]:
            if question["id"] in english:
                essential, was = question["essential"], english[question["id"]]["essential"]
                assert essential["control"] != was["control"] and essential["reason"] != was["reason"]
                assert essential["source"] == was["source"] and essential["met"] == was["met"]
                assert was["control"] not in untranslated
