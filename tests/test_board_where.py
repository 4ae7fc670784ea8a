"""The board report's opening line (engine/board.py ``_where``): the council's type, nation and region, each said
once, in the report's language, for every current council of the UK council register."""

from __future__ import annotations

import pytest

from scorecard.bank_source.load import translation_sources
from scorecard.bank_source.translations import localise
from scorecard.council_register import load_placed
from scorecard.engine import Bank, load_assessment, score_assessment
from scorecard.engine.board import board_report
from scorecard.engine.language import speaking
from scorecard.i18n import translator
from tests.helpers import ROOT

# The register's regions, as it writes them (England's nine, and the three nations it gives as their own region).
REGISTER_REGIONS = {
    "North East",
    "North West",
    "Yorkshire and The Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
    "Wales",
    "Scotland",
    "Northern Ireland",
}


@pytest.fixture(scope="module")
def banks(real_compiled) -> dict[str, Bank]:
    welsh, _untranslated = localise(real_compiled, translation_sources(ROOT / "questions"), "cy")
    return {"en": Bank.from_dict(real_compiled), "cy": Bank.from_dict(welsh)}


def opening_line(bank: Bank, lang: str, council: dict) -> str:
    data = {
        "format": "scorecard-assessment",
        "format_version": 1,
        "council": council,
        "assessment_date": "2026-12-01",
        "bank_version": bank.version,
        "answers": {},
    }
    with speaking(translator(lang)):
        assessment = load_assessment(data, bank)
        return board_report(bank, assessment, score_assessment(bank, assessment))["subtitle"]


@pytest.fixture(scope="module")
def lines(real_compiled, banks) -> dict[str, dict[str, str]]:
    """Each current council's opening line in English and in Welsh, by register code."""
    _register, placed = load_placed(real_compiled)
    return {
        c.entry.code: {lang: opening_line(bank, lang, c.assessment_council()) for lang, bank in banks.items()}
        for c in placed.councils
    }


def test_the_register_has_the_regions_named(real_compiled):
    _register, placed = load_placed(real_compiled)
    assert {c.entry.region for c in placed.councils} - {""} == REGISTER_REGIONS


@pytest.mark.parametrize(
    "code,english,welsh",
    [
        ("AGY", "Welsh county or county borough council, Wales", "Cyngor sir neu gyngor bwrdeistref sirol yng Nghymru"),
        ("TUN", "District council, England, South East", "Cyngor dosbarth, De-ddwyrain Lloegr"),
        ("NFK", "County council, East of England", "Cyngor sir, Dwyrain Lloegr"),
        (
            "LND",
            "City of London Corporation, England",
            "City of London Corporation (Corfforaeth Dinas Llundain), Lloegr",
        ),
        ("CMD", "London borough, England", "Bwrdeistref yn Llundain, Lloegr"),
        ("EDH", "Scottish council, Scotland", "Cyngor yn yr Alban"),
        ("BFS", "Northern Ireland district council", "Cyngor dosbarth yng Ngogledd Iwerddon"),
        (
            "LDS",
            "Metropolitan borough, England, Yorkshire and The Humber",
            "Bwrdeistref fetropolitan, Lloegr, Swydd Efrog a'r Humber",
        ),
    ],
)
def test_the_opening_line_in_each_language(lines, code, english, welsh):
    assert lines[code] == {"en": english, "cy": welsh}


def test_a_welsh_line_names_every_place_in_welsh_and_each_once(lines):
    """No register region left in English, and no part said again by another (Lloegr in "De-ddwyrain Lloegr", Cymru
    in "yng Nghymru"), for every current council."""
    for code, line in lines.items():
        parts = line["cy"].split(", ")
        english_left = {region for region in REGISTER_REGIONS if region in parts}
        assert not english_left, (code, line["cy"])
        assert not [(a, b) for a in parts for b in parts if a != b and a.casefold() in b.casefold()], (code, line)
        assert "Cymru" not in parts or "Nghymru" not in line["cy"], (code, line["cy"])


def test_a_region_typed_by_hand_is_kept_as_typed(banks):
    council = {"name": "Testshire", "type": "district", "region": "Wessex"}
    assert opening_line(banks["cy"], "cy", council) == "Cyngor dosbarth, Lloegr, Wessex"
    assert opening_line(banks["en"], "en", council) == "District council, England, Wessex"
