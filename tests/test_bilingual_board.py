"""A bilingual board report has each part's bank text (theme titles, questions, tiers) in that part's language: the
command line's `report --lang cy,en`, and the browser's engine (scorecard/browser.py), which holds its page's bank and
reads another language's once it is added."""

from __future__ import annotations

import json
import re

import pytest

from scorecard.bank_source.load import translation_sources
from scorecard.bank_source.translations import localise
from scorecard.browser import BrowserApi
from tests.helpers import ROOT, run_cli

ANGLESEY = ROOT / "tests" / "data" / "real_councils" / "anglesey.json"  # a Welsh council's own file


@pytest.fixture(scope="module")
def banks(real_compiled) -> dict[str, dict]:
    welsh, _untranslated = localise(real_compiled, translation_sources(ROOT / "questions"), "cy")
    return {"en": real_compiled, "cy": welsh}


def titles(compiled: dict) -> list[str]:
    return [theme["title"] for theme in compiled["themes"]]


def test_the_banks_title_their_themes_differently(banks):
    assert not set(titles(banks["en"])) & set(titles(banks["cy"]))


@pytest.mark.parametrize("page", ["cy", "en"])
def test_the_browsers_engine_reports_in_another_language_with_that_languages_bank(banks, page):
    other = "en" if page == "cy" else "cy"
    api = BrowserApi(json.dumps(banks[page]))
    data = ANGLESEY.read_text(encoding="utf-8")

    def report(lang: str) -> dict:
        reply = json.loads(api.call("board_report", data, lang))
        assert reply["ok"], reply
        return reply["report"]

    assert [t["title"] for t in report(page)["themes"]] == titles(banks[page])
    api.add_bank(other, json.dumps(banks[other]))
    both = {lang: report(lang) for lang in (page, other)}
    for lang, made in both.items():
        assert [t["title"] for t in made["themes"]] == titles(banks[lang]), lang
        assert [theme["title"] for theme in made["annex"]] == titles(banks[lang]), lang
    # the same answers, the same scores and tiers' places, in either part
    assert [t["score"] for t in both["en"]["themes"]] == [t["score"] for t in both["cy"]["themes"]]


def test_a_bank_that_is_not_the_same_bank_is_refused(banks):
    api = BrowserApi(json.dumps(banks["cy"]))
    with pytest.raises(ValueError, match="not this bank"):
        api.add_bank("en", json.dumps({**banks["en"], "bank_version": "1999.1"}))


@pytest.mark.parametrize("langs", [("cy", "en"), ("en", "cy")])
def test_the_command_lines_bilingual_report_has_each_parts_bank(tmp_path, banks, langs):
    ran = run_cli("report", str(ANGLESEY), "--lang", ",".join(langs), cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    parts = re.split(r'<div class="sc-board__language" lang="(\w+)">', ran.stdout)[1:]
    assert parts[::2] == list(langs)
    for lang, part in zip(parts[::2], parts[1::2], strict=True):
        shown = re.findall(r'<tr data-theme="[\w-]+"><th scope="row">([^<]*)</th>', part)
        assert [t.replace("&#39;", "'") for t in shown] == titles(banks[lang]), lang
