"""How scoring works and Legal duties in the page's language: on Welsh pages the Welsh bank's texts, the worked
examples worded in Welsh, each nation's own law; a bank text left in English marked lang="en" by itself."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

import pytest
from markupsafe import escape

from scorecard import bundled
from scorecard.engine import Bank
from scorecard.sitegen.i18n_site import localised_banks
from scorecard.sitegen.pages import render_pages
from tests.helpers import ROOT
from tests.test_about import compile_bank


@pytest.fixture(scope="module")
def banks() -> tuple[dict, dict]:
    compiled = compile_bank(ROOT / "questions")
    return compiled, localised_banks(compiled, ROOT / "questions")


@pytest.fixture(scope="module")
def pages(tmp_path_factory, banks) -> dict[str, str]:
    compiled, localised = banks
    docs = tmp_path_factory.mktemp("docs")
    templates = bundled.site_sources() / "templates"
    render_pages(Bank.from_dict(compiled), compiled, docs, templates, "engine.whl", 0, localised=localised)
    return {
        name: (docs / name).read_text(encoding="utf-8")
        for name in ("how-scoring-works.md", "how-scoring-works.cy.md", "legal-duties.md", "legal-duties.cy.md")
    }


def pairs(english: Any, welsh: Any) -> list[tuple[str, str]]:
    """(English, Welsh) of every string the Welsh bank words differently, found by walking the two banks together."""
    if isinstance(english, dict):
        return [pair for key in english for pair in pairs(english[key], welsh[key])]
    if isinstance(english, list):
        return [pair for a, b in zip(english, welsh, strict=True) for pair in pairs(a, b)]
    return [(english, welsh)] if isinstance(english, str) and english != welsh else []


def outside_english(page: str) -> str:
    """A page's text without what it marks as English (lang="en", which may nest)."""
    while True:
        shorter = re.sub(r'<(span|td|p)[^>]* lang="en"[^>]*>(?:(?!<\1\b).)*?</\1>', " ", page, flags=re.S)
        if shorter == page:
            return unescape(page)
        page = shorter


@pytest.mark.parametrize("page", ["how-scoring-works", "legal-duties"])
def test_a_welsh_page_shows_the_welsh_bank(pages, banks, page):
    compiled, localised = banks
    welsh, english = pages[f"{page}.cy.md"], pages[f"{page}.md"]
    translated = [(en, cy) for en, cy in pairs(compiled, localised["cy"].compiled) if len(en) >= 12]
    # shown whole (not a phrase inside a longer text), as a cell, a quotation or a sentence
    shown = [(en, cy) for en, cy in translated if re.search(rf'[>"*]{re.escape(escape(en))}[<".:*]', english)]
    assert len(shown) > (40 if page == "how-scoring-works" else 10)
    left = [en for en, _cy in shown if en in outside_english(welsh)]
    assert not left, left[:5]
    assert [cy for _en, cy in shown if cy not in unescape(welsh)] == []
    assert 'lang="en"' not in english


def test_the_worked_examples_are_worded_in_welsh(pages):
    welsh = outside_english(pages["how-scoring-works.cy.md"])
    for english in ("Not answered yet", "Not enough answered to rate", "Held at", "so this assessment is not marked"):
        assert english not in welsh
    assert "Heb ei ateb eto" in welsh and "Dim digon wedi'i ateb i raddio" in welsh
    assert "awdurdod unedol (Lloegr)" in welsh and "unitary authority (England)" in pages["how-scoring-works.md"]
    assert "pedair lefel canllaw'r LGA" in welsh  # the engine's note on the tiers


def test_legal_duties_by_nation_are_each_nations_own_law_in_welsh(pages, banks):
    compiled, localised = banks
    duties = localised["cy"].compiled["legal_status"]["duties"]
    nations = {n["id"]: n["name"] for n in localised["cy"].compiled["nations"]}
    page = pages["legal-duties.cy.md"]
    sections = dict(re.findall(r'<section class="sc-nation-duties" data-nation="(\w+)".*?>(.*?)</section>', page, re.S))
    assert sections.keys() == nations.keys()
    for nation, section in sections.items():
        assert f">{nations[nation]}</h2>" in section
        rows = re.findall(r'<tr data-question="([A-Z]+-\d+)"><td>\1</td><td>(.*?)</td>', section)
        own = [d for d in duties if d["nation"] == nation]
        assert [(q, unescape(duty)) for q, duty in rows] == [(d["question"], d["duty"]) for d in own], nation
