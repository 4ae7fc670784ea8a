"""The UK council register shipped in data/: read, mapped to the bank's council types, used by `template --council`.

The real register file and the real bank, never a sample: a newer register release or a change
to the bank's council types is checked here (see data/README.md).
"""

from __future__ import annotations

import collections
import csv
import json

import pytest

from scorecard.cli import commands as cli
from scorecard.council_register import NOT_COUNCILS, NotFound, bank_types, find_council, load_placed, load_register
from scorecard.engine import Bank, load_assessment, score_assessment

from .helpers import ROOT, run_cli

# data/README.md: principal councils by nation and register type, in register release 1.7.3.
PER_NATION = {"england": 317, "wales": 22, "scotland": 32, "northern_ireland": 11}
PER_TYPE = {
    "county": 21,
    "district": 164,
    "unitary": 63,
    "metropolitan": 36,
    "london_borough": 32,
    "city_of_london": 1,
    "wales_principal": 22,
    "scotland_council": 32,
    "ni_district": 11,
}


@pytest.fixture(scope="module")
def placed(real_compiled):
    return load_placed(real_compiled)


def test_every_current_council_maps_to_exactly_one_council_type(placed):
    register, mapping = placed
    assert mapping.problems == []
    current = [e for e in register.entries.values() if e.current]
    mapped = {c.entry.code for c in mapping.councils}
    skipped = {e.code: why for e, why in mapping.skipped}
    assert len(mapped) == len(mapping.councils)  # no council twice
    assert mapped | set(skipped) == {e.code for e in current} and not mapped & set(skipped)
    assert {register.entries[code].kind for code in skipped} == set(NOT_COUNCILS)  # only COMB and SRA left out
    assert all(why for why in skipped.values())


def test_counts_per_nation_and_type_match_the_readme(placed):
    _, mapping = placed
    assert collections.Counter(c.nation for c in mapping.councils) == PER_NATION
    assert collections.Counter(c.type for c in mapping.councils) == PER_TYPE
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    assert "England 317" in readme and "Wales 22, Scotland 32, Northern Ireland 11" in readme


def test_a_council_type_nation_always_matches_the_register(placed, real_bank):
    _, mapping = placed
    names = dict(real_bank.nations)
    for council in mapping.councils:
        assert real_bank.council_types[council.type].nation == council.nation
        assert names[council.nation] == council.entry.nation


def test_the_two_bad_alternative_names_are_repaired():
    register = load_register()
    assert "Sir Ynys M\u00f4n" in register.entries["AGY"].alt_names
    assert "City and County of Swansea" in register.entries["SWA"].alt_names
    assert len([r for r in register.repaired if "alternative name" in r]) == 2
    for entry in register.entries.values():
        for name in entry.alt_names:
            assert "\ufffd" not in name and "\u00ef\u00bf" not in name and "\u00ef\u00be" not in name, (
                entry.code,
                name,
            )


def test_county_councils_are_in_their_districts_region():
    """Release 1.7.3 puts Derbyshire in the West Midlands and Lincolnshire in Yorkshire and The Humber; ONS and
    every one of their own districts in the register place both in the East Midlands (data/README.md)."""
    register = load_register()
    assert register.entries["DBY"].region == register.entries["LIN"].region == "East Midlands"
    assert sorted(r for r in register.repaired if "region" in r) == [
        "DBY: region 'West Midlands' repaired to 'East Midlands'",
        "LIN: region 'Yorkshire and The Humber' repaired to 'East Midlands'",
    ]
    districts: dict[str, set[str]] = collections.defaultdict(set)
    for entry in register.entries.values():
        if entry.current and entry.county:
            districts[entry.county].add(entry.region)
    wrong = {
        code: (register.entries[code].region, regions)
        for code, regions in districts.items()
        if regions != {register.entries[code].region}
    }
    assert wrong == {}, f"county councils whose region is not their districts': {wrong}"


def test_a_newer_release_with_another_bad_name_drops_it(tmp_path):
    """A maintainer's new file: a spoiled alternative name is left out and reported, never shown."""
    with (ROOT / "data" / "uk_local_authorities.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    tunbridge = next(row for row in rows if row["local-authority-code"] == "TUN")
    tunbridge["alt-names"] += ",Royal Tunbridge Wells \u00c3\u00a9"  # é spoiled as UTF-8 read as Latin-1
    with (tmp_path / "uk_local_authorities.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    register = load_register(tmp_path / "uk_local_authorities.csv")
    assert register.entries["TUN"].alt_names == ("Tunbridge Wells",)
    assert any(r.startswith("TUN: alternative name") and "left out" in r for r in register.repaired)
    assert register.meta == {}  # no metadata beside it: the version reads "unknown", nothing breaks
    assert register.version == "unknown"


def test_metadata_carries_version_and_attribution():
    register = load_register()
    assert register.version == "1.7.3"
    assert register.meta["attribution"] == "mySociety, UK local authority names and codes, CC BY 4.0"
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    assert "version 1.7.3" in readme and register.meta["attribution"] in readme and "CC BY 4.0" in readme


def test_ended_councils_name_their_current_successors(placed, real_compiled):
    register, _ = placed
    types = bank_types(real_compiled)
    # Taunton Deane -> Somerset West and Taunton (ended 2023) -> Somerset Council
    assert [e.code for e in register.successors(register.entries["TAU"])] == ["SMT"]
    assert [e.code for e in register.successors(register.entries["CMA"])] == ["CBD", "WAF"]
    for entry in register.entries.values():
        if not entry.current and entry.replaced_by:
            successors = register.successors(entry)
            assert successors and all(s.current for s in successors), entry.code
    with pytest.raises(
        NotFound,
        match=r"Cumbria County Council \(CMA, E10000006\) ended on 2023-04-01 and was replaced by "
        r"Cumberland Council \(CBD, E06000063\) and Westmorland and Furness Council",
    ):
        find_council(register, types, "CMA")
    with pytest.raises(NotFound, match="names no successor"):
        find_council(register, types, "NIR-A")
    with pytest.raises(NotFound, match="combined authority"):
        find_council(register, types, "E47000008")


# --- scorecard template --council ---------------------------------------------------------------


@pytest.fixture
def fast_cli(monkeypatch, real_compiled):
    """The CLI in process with the bank compiled once (about 0.3 s a time otherwise), for 382 councils."""
    monkeypatch.setattr(cli, "_compiled", lambda args: real_compiled)


def test_template_works_for_every_current_council_by_either_code(placed, real_compiled, real_bank):
    """What `template --council CODE` writes (cli.template_for; main() adds argparse and printing, tested below)."""
    _, mapping = placed
    for council in mapping.councils:
        entry = council.entry
        for code in (entry.code, entry.gss):
            data = cli.template_for(real_compiled, real_bank, council=code)
            assert data["council"] == {
                "name": entry.name,
                "type": council.type,
                "region": entry.region,
                "ons_code": entry.gss,
                "code": entry.code,
            }, code
            load_assessment(data, real_bank)  # a file the engine takes


@pytest.mark.parametrize("code", ["ADU", "E07000116", "HLD", "BFS", "W06000015", "LND"])
def test_template_command_writes_the_file(fast_cli, real_bank, tmp_path, code):
    ran = run_cli("template", "--council", code, "-o", "mine.json", cwd=tmp_path)
    assert ran.returncode == 0 and ran.stdout == ran.stderr == ""
    data = json.loads((tmp_path / "mine.json").read_text(encoding="utf-8"))
    assert data == cli.template_for(cli._compiled(None), real_bank, council=code)


def test_template_codes_in_any_case_and_with_name_or_region_given(fast_cli, tmp_path):
    ran = run_cli("template", "--council", " e07000116 ", "--name", "Tunbridge Wells", cwd=tmp_path)
    council = json.loads(ran.stdout)["council"]
    assert ran.returncode == 0 and council["name"] == "Tunbridge Wells" and council["code"] == "TUN"
    assert (
        json.loads(run_cli("template", "--council", "tun", cwd=tmp_path).stdout)["council"]["ons_code"] == "E07000116"
    )


@pytest.mark.parametrize(
    "code, message",
    [
        ("E07999999", "'E07999999' is not a council in the UK council register (mySociety, version 1.7.3)"),
        ("Tunbridge", "Did you mean: TUN (Tunbridge Wells Borough Council, E07000116)?"),
        (
            "ALL",
            "Allerdale Borough Council (ALL, E07000026) ended on 2023-04-01 and was replaced by Cumberland Council "
            "(CBD, E06000063): use --council CBD.",
        ),
        (
            "E07000190",
            "Taunton Deane Borough Council (TAU, E07000190) ended on 2019-03-31 and was replaced by Somerset Council",
        ),
        ("GLA", "is not a council this scorecard assesses: the Greater London Authority"),
    ],
)
def test_template_with_a_code_that_gives_no_council_exits_2(fast_cli, tmp_path, code, message):
    ran = run_cli("template", "--council", code, cwd=tmp_path)
    assert ran.returncode == 2 and ran.stdout == "" and message in ran.stderr, ran.stderr
    assert ran.stderr.startswith("error: ") and "Traceback" not in ran.stderr


def test_council_and_council_type_are_one_or_the_other(fast_cli, tmp_path):
    assert run_cli("template", cwd=tmp_path).returncode == 2
    both = run_cli("template", "--council", "TUN", "--council-type", "district", cwd=tmp_path)
    assert both.returncode == 2 and "not allowed with" in both.stderr
    own = run_cli("template", "--council-type", "unitary", "--name", "A New Council", cwd=tmp_path)
    assert own.returncode == 0 and json.loads(own.stdout)["council"] == {"name": "A New Council", "type": "unitary"}


# --- scoring a template for one council of each kind ------------------------------------------------

KINDS = {  # register code: (bank type, nation)
    "KEN": ("county", "england"),  # Kent County Council
    "TUN": ("district", "england"),  # Tunbridge Wells Borough Council
    "MDW": ("unitary", "england"),  # Medway Council
    "MAN": ("metropolitan", "england"),  # Manchester City Council
    "CMD": ("london_borough", "england"),  # London Borough of Camden
    "LND": ("city_of_london", "england"),  # City of London Corporation
    "CRF": ("wales_principal", "wales"),  # City of Cardiff Council
    "HLD": ("scotland_council", "scotland"),  # The Highland Council
    "BFS": ("ni_district", "northern_ireland"),  # Belfast City Council
}


def asked_for(code: str, bank: Bank, tmp_path) -> tuple[dict, dict[str, dict]]:
    """The result of scoring `template --council CODE` as written, and each question's entry by id."""
    ran = run_cli("template", "--council", code, cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    result = score_assessment(bank, load_assessment(json.loads(ran.stdout), bank))
    entries = {q["id"]: q for theme in result["themes"] for q in theme["questions"]}
    return result, entries


def asked_ids(entries: dict[str, dict]) -> set[str]:
    return {qid for qid, entry in entries.items() if entry["status"] != "not_for_council_type"}


def requiring(bank: Bank, *functions: str) -> set[str]:
    """Questions that need any of these functions."""
    return {q.id for q in bank.questions.values() if q.requires & set(functions)}


def requiring_only(bank: Bank, nation: str, *functions: str) -> set[str]:
    """Questions for this nation that need one or more of these functions and nothing else (all-council ones left out)."""
    return {
        q.id for q in bank.questions.values() if nation in q.nations and q.requires and q.requires <= set(functions)
    }


@pytest.mark.parametrize("code", KINDS)
def test_each_kind_of_council_is_asked_the_questions_for_its_nation_and_functions(fast_cli, real_bank, tmp_path, code):
    council_type, nation = KINDS[code]
    result, entries = asked_for(code, real_bank, tmp_path)
    assert (result["council"]["type"], result["council"]["nation"]) == (council_type, nation)
    assert result["council"]["functions_added"] == [] and result["council"]["functions_removed"] == []
    defaults = real_bank.council_types[council_type].functions
    for question in real_bank.questions.values():
        asked = question.id in asked_ids(entries)
        assert asked == (nation in question.nations and question.requires <= defaults), question.id
        if asked and nation in question.variants:
            assert entries[question.id].get("variant") == nation, question.id  # its own nation's wording
    assert asked_ids(entries), "every council is asked something"


def test_england_county_district_and_single_tier(fast_cli, real_bank, tmp_path):
    county = asked_ids(asked_for("KEN", real_bank, tmp_path)[1])
    district = asked_ids(asked_for("TUN", real_bank, tmp_path)[1])
    unitary = asked_ids(asked_for("MDW", real_bank, tmp_path)[1])
    metropolitan = asked_ids(asked_for("MAN", real_bank, tmp_path)[1])
    care, licensing = (
        requiring(real_bank, "adult_social_care"),
        requiring(real_bank, "taxi_licensing", "alcohol_licensing"),
    )
    housing = requiring(real_bank, "housing_authority")
    assert care and licensing and housing
    # county: care, not licensing or housing; district: the reverse
    assert requiring_only(real_bank, "england", "adult_social_care") <= county and not (licensing | housing) & county
    assert requiring_only(real_bank, "england", "taxi_licensing", "alcohol_licensing", "housing_authority") <= district
    assert not care & district
    two_tier = requiring(real_bank, "two_tier")
    assert two_tier and two_tier <= county & district  # asked of both tiers of a two-tier area ...
    assert county | district <= unitary | two_tier and not two_tier & unitary  # ... and of no single-tier council
    assert unitary == metropolitan  # single tier: all of it


def test_london_is_not_asked_about_taxis(fast_cli, real_bank, tmp_path):
    taxis = requiring(real_bank, "taxi_licensing")
    alcohol = requiring(real_bank, "alcohol_licensing")
    assert taxis and alcohol
    for code in ("CMD", "LND"):  # a London borough and the City: Transport for London licenses taxis
        asked = asked_ids(asked_for(code, real_bank, tmp_path)[1])
        assert not taxis & asked and requiring_only(real_bank, "england", "alcohol_licensing") <= asked, code


def test_wales_scotland_and_northern_ireland(fast_cli, real_bank, tmp_path):
    england_only = {q.id for q in real_bank.questions.values() if q.nations == {"england"}}
    wales = asked_for("CRF", real_bank, tmp_path)
    scotland = asked_for("HLD", real_bank, tmp_path)
    ni = asked_for("BFS", real_bank, tmp_path)
    for _result, entries in (wales, scotland, ni):
        assert not england_only & asked_ids(entries)
    # Scotland: alcohol licensing is for separate Licensing Boards, not the council, by default
    assert not requiring(real_bank, "alcohol_licensing") & asked_ids(scotland[1])
    assert requiring_only(real_bank, "scotland", "adult_social_care") <= asked_ids(scotland[1])
    # Northern Ireland: no social services, public housing, taxi or alcohol licensing, trading standards
    not_ni = requiring(
        real_bank,
        "adult_social_care",
        "childrens_services",
        "housing_authority",
        "taxi_licensing",
        "alcohol_licensing",
        "trading_standards",
    )
    assert not_ni and not not_ni & asked_ids(ni[1])
    assert requiring_only(real_bank, "northern_ireland", "hmo_licensing") <= asked_ids(
        ni[1]
    )  # NI councils do license HMOs
    # each nation reads its own wording where the bank has one (the bank has some for each)
    for nation, (_, entries) in (("wales", wales), ("scotland", scotland)):
        variants = [q.id for q in real_bank.questions.values() if nation in q.variants and q.id in asked_ids(entries)]
        assert variants and all(entries[qid]["variant"] == nation for qid in variants), nation
