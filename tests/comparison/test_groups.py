"""Coordinators compare like with like: councils known by register code, grouped by nation and type, shared safely.

Hand-worked on the mini bank (tests/fixtures/mini): the scores are the ones tests/comparison/region.py
works out; the medians and gaps here are those of each group.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from scorecard.browser import BrowserApi
from scorecard.cli import main
from scorecard.engine.comparison import compare_files
from scorecard.engine.csv_export import comparison_csv
from scorecard.reports.comparison import comparison_html, comparison_text

from ..helpers import MINI, compile_bank
from .region import ALL_BEST, FULL, as_files, by_name, council, part

MINI_QUESTIONS = str(MINI / "questions")


def coded(bank, name, council_type, answers, code="", ons="", functions=None, **extra):
    data = council(bank, name, council_type, answers, ons=ons, **extra)
    if code:
        data["council"]["code"] = code
    if functions is not None:
        data["council"]["functions"] = functions
    return data


@pytest.fixture
def region(mini_bank):
    """Three districts (one half finished), a county, an English unitary and a Welsh council."""
    b = mini_bank
    return [
        (
            "aville.json",
            coded(b, "Aville District Council", "district", FULL, code="AVI", ons="E07000001"),
        ),  # alpha 52.0
        ("beeford.json", coded(b, "Beeford District Council", "district", ALL_BEST, code="BEE")),  # alpha 100.0
        ("elmford.json", coded(b, "Elmford District Council", "district", {"ALP-01": "no"}, code="ELM")),  # provisional
        (
            "county.json",
            coded(
                b,
                "Cedarshire County Council",
                "county",
                {"ALP-01": "yes", "ALP-02": "none", "BET-01": "yes", "BET-02": "yearly"},
                code="CED",
            ),
        ),
        (
            "unitary.json",
            coded(
                b,
                "Dunmere Council",
                "unitary",
                {
                    "ALP-01": "yes",
                    "ALP-02": "some",
                    "ALP-03": ["none"],
                    "ALP-04": "yes",
                    "BET-01": "no",
                    "BET-02": "never",
                },
                code="DUN",
            ),
        ),
        # the same answers as Dunmere, in Wales: the same functions, another nation's law
        (
            "welsh.json",
            coded(
                b,
                "Cyngor Ffug",
                "welsh",
                {
                    "ALP-01": "yes",
                    "ALP-02": "some",
                    "ALP-03": ["none"],
                    "ALP-04": "yes",
                    "BET-01": "no",
                    "BET-02": "never",
                },
                code="FFG",
            ),
        ),
    ]


# --- groups -------------------------------------------------------------------------------------


def test_councils_are_grouped_by_nation_and_type_by_default(mini_bank, region):
    result = compare_files(mini_bank, as_files(region))
    assert result["group_by"] == "type"
    assert [(g["id"], g["title"], g["councils"]) for g in result["groups"]] == [
        ("england/county", "England: County council", 1),
        ("england/district", "England: District council", 3),
        ("england/unitary", "England: Unitary authority", 1),
        ("wales/welsh", "Wales: Welsh council", 1),
    ]  # the bank's order of nations, then of types
    district = result["groups"][1]["stats"]["themes"][0]
    # alpha of the districts: Aville 52.0, Beeford 100.0; Elmford's score has no tier (too little answered), left out
    assert (district["n"], district["median"], district["not_rated_left_out"]) == (2, 76.0, 1)
    rows = by_name(result)
    assert part(rows["Aville District Council"], "alpha")["gap"] == -24.0
    assert part(rows["Beeford District Council"], "alpha")["gap"] == 24.0
    # a group of one: its median is its own score, its gap 0
    assert part(rows["Dunmere Council"], "alpha")["gap"] == 0.0 and part(rows["Cyngor Ffug"], "alpha")["gap"] == 0.0
    assert rows["Cyngor Ffug"]["group"] == "wales/welsh" and rows["Cyngor Ffug"]["nation_name"] == "Wales"
    assert result["notes"][0].startswith(
        "Councils are compared with councils of the same nation and type: England: "
        "County council (1 council), England: District council (3 councils),"
    )
    # grouped by type, the "differs by council type" note is not needed: each group is asked alike
    assert not any("differs by council type" in n for n in result["notes"])


def test_group_by_none_is_one_group_and_says_so(mini_bank, region):
    result = compare_files(mini_bank, as_files(region), group_by="none")
    assert [g["id"] for g in result["groups"]] == ["all"] and all(r["group"] == "all" for r in result["rows"])
    assert result["notes"][0].startswith("All councils are compared together, whatever their nation and type")
    assert any("differs by council type" in n for n in result["notes"])
    with pytest.raises(ValueError, match="group_by"):
        compare_files(mini_bank, as_files(region), group_by="region")


# --- a report meant to be shared ------------------------------------------------------------------


def test_a_shared_report_hides_figures_of_groups_under_five(mini_bank, region):
    result = compare_files(mini_bank, as_files(region), shareable=True)
    assert result["shareable"]["on"] and result["shareable"]["min_group"] == 5
    for group in result["groups"]:  # no group has 5 councils counted: every median and quartile is hidden
        for stats in [group["stats"]["overall"], *group["stats"]["themes"]]:
            if stats["n"]:
                assert stats["hidden"] and all(
                    stats[f] is None for f in ("median", "lower_quartile", "upper_quartile", "min", "max")
                )
                assert stats["n"] > 0  # the count is still given
    assert all(t["gap"] is None for row in result["rows"] for t in [row["overall"], *row["themes"]])
    aville = part(by_name(result)["Aville District Council"], "alpha")  # its figure hidden: its score too, not its tier
    assert aville["score"] is None and aville["hidden"] and aville["tier"] == "early"
    note = next(n for n in result["notes"] if n.startswith("This report is for sharing"))
    assert "fewer than 5 councils are hidden" in note and "England: District council (overall and 1 theme" in note


def test_min_group_is_configurable(mini_bank, region):
    result = compare_files(mini_bank, as_files(region), shareable=True, min_group=2)
    district = next(g for g in result["groups"] if g["id"] == "england/district")
    alpha = district["stats"]["themes"][0]
    assert not alpha["hidden"] and alpha["median"] == 76.0  # drawn from 2 councils: shown
    county = next(g for g in result["groups"] if g["id"] == "england/county")
    assert county["stats"]["themes"][0]["hidden"] and county["stats"]["themes"][0]["median"] is None
    assert part(by_name(result)["Aville District Council"], "alpha")["gap"] == -24.0
    assert part(by_name(result)["Cedarshire County Council"], "alpha")["gap"] is None
    # the districts' figures are drawn from 2 councils (Elmford is provisional, and beta is not asked of districts)
    assert [h["group"] for h in result["shareable"]["hidden"]] == ["england/county", "england/unitary", "wales/welsh"]
    unshared = compare_files(mini_bank, as_files(region), min_group=2)
    assert not unshared["shareable"]["on"] and unshared["shareable"]["hidden"] == []
    for bad in (0, -1, True, 2.5):
        with pytest.raises(ValueError, match="min_group"):
            compare_files(mini_bank, as_files(region), shareable=True, min_group=bad)


def test_shared_text_html_and_csv_show_the_figures_as_hidden(mini_bank, region):
    result = compare_files(mini_bank, as_files(region), shareable=True)
    text = comparison_text(result)
    assert "For sharing: group figures drawn from fewer than 5 councils are hidden" in " ".join(text.split())
    assert "hidden" in next(line for line in text.splitlines() if line.startswith("Median"))
    page = comparison_html(result)
    assert "hidden (fewer than 5)" in page and "vs median" not in page
    rows = list(csv.DictReader(io.StringIO(comparison_csv(result))))
    assert all(r["Alpha theme gap to group median"] == "" for r in rows)
    assert {r["Comparison group"] for r in rows} == {
        "England: County council",
        "England: District council",
        "England: Unitary authority",
        "Wales: Welsh council",
    }
    assert rows[0]["Council code"] == "AVI" and rows[0]["Nation"] == "England"


def test_cli_shareable_and_min_group(capsys, tmp_path, region):
    for name, data in region:
        (tmp_path / name).write_text(json.dumps(data), encoding="utf-8")
    code = main(
        ["--questions", MINI_QUESTIONS, "compare", str(tmp_path), "--shareable", "--min-group", "2", "--format", "json"]
    )
    result = json.loads(capsys.readouterr().out)
    assert code == 0 and result["shareable"] == {**result["shareable"], "on": True, "min_group": 2}
    assert main(["--questions", MINI_QUESTIONS, "compare", str(tmp_path), "--min-group", "3"]) == 2
    assert "give --shareable too" in capsys.readouterr().err
    assert main(["--questions", MINI_QUESTIONS, "compare", str(tmp_path), "--shareable", "--min-group", "0"]) == 2
    assert "at least 1" in capsys.readouterr().err
    assert main(["--questions", MINI_QUESTIONS, "compare", str(tmp_path), "--group-by", "none"]) == 0
    assert "All councils (6 councils):" in capsys.readouterr().out


def test_the_browser_takes_the_same_options(mini_bank, region):
    api = BrowserApi(json.dumps(compile_bank(MINI / "questions")))
    files = [{"name": name, "text": json.dumps(data)} for name, data in region]
    reply = json.loads(api.call("compare", json.dumps({"files": files, "options": {"shareable": True}})))
    assert reply["ok"] and reply["comparison"]["shareable"]["on"]
    csv_reply = json.loads(api.call("compare_csv", json.dumps({"files": files, "options": {"shareable": True}})))
    assert csv_reply["ok"] and "Alpha theme gap to group median" in csv_reply["csv"]
    bad = json.loads(api.call("compare", json.dumps({"files": files, "options": {"min_group": 0, "colour": "red"}})))
    assert not bad["ok"] and bad["problems"] == [
        "unknown comparison option 'colour'",
        "min_group must be a whole number of councils, at least 1",
    ]


# --- functions -------------------------------------------------------------------------------------


def test_councils_running_other_functions_are_noted(mini_bank):
    files = [
        ("a.json", json.dumps(coded(mini_bank, "A District Council", "district", FULL, code="AAA"))),
        # this district's officers recorded that it runs adult care too (a shared service, say)
        (
            "b.json",
            json.dumps(
                coded(mini_bank, "B District Council", "district", FULL, code="BBB", functions=["licensing", "care"])
            ),
        ),
    ]
    result = compare_files(mini_bank, files)
    assert result["like_with_like"]["functions_differ"] == [
        {
            "key": "code:BBB",
            "council": "B District Council",
            "type": "district",
            "group": "england/district",
            "added": ["Adult care"],
            "removed": [],
        }
    ]
    assert (
        "B District Council runs other functions than a district council usually does (also runs adult care), "
        "as its officers recorded: it was asked other questions than councils of its type, so compare its scores "
        "with care."
    ) in result["notes"]
    row = by_name(result)["B District Council"]
    assert part(row, "beta")["asked"] > 0 and part(by_name(result)["A District Council"], "beta")["asked"] == 0
    assert list(csv.DictReader(io.StringIO(comparison_csv(result))))[1]["Functions changed"] == "added care"


# --- which council: register code, then GSS code, then name ------------------------------------------------


def test_a_renamed_file_with_the_same_code_is_the_same_council(mini_bank):
    files = [
        (
            "tw-2025.json",
            coded(
                mini_bank,
                "Tunbridge Wells Borough Council",
                "district",
                {"ALP-01": "no"},
                code="TUN",
                ons="E07000116",
                date="2025-05-01",
            ),
        ),
        ("tw-2026.json", coded(mini_bank, "Tunbridge Wells BC", "district", FULL, code="TUN", date="2026-05-01")),
        # GSS code only: joins the council whose files give both codes
        (
            "tw-gss.json",
            coded(mini_bank, "Royal Tunbridge Wells", "district", FULL, ons="E07000116", date="2026-06-01"),
        ),
    ]
    result = compare_files(mini_bank, [(n, json.dumps(d)) for n, d in files])
    assert result["counts"]["councils"] == 1 and len(result["rows"]) == 1
    (trend,) = result["trends"]
    assert trend["key"] == "code:TUN" and trend["dates"] == ["2025-05-01", "2026-05-01", "2026-06-01"]
    assert [r["identified_by"] for r in result["earlier"]] == ["code", "code"] and result["rows"][0][
        "identified_by"
    ] == "ons"
    assert not any("known by name" in n for n in result["notes"])


def test_free_text_names_fall_back_with_a_note(mini_bank):
    files = [
        ("coded.json", coded(mini_bank, "Aville District Council", "district", FULL, code="AVI", date="2025-01-01")),
        ("same-name.json", coded(mini_bank, "aville district council.", "district", FULL, date="2026-01-01")),
        ("named.json", coded(mini_bank, "Beeford Council", "district", FULL)),
        ("named-again.json", coded(mini_bank, "Beeford District Council", "district", FULL)),
    ]
    result = compare_files(mini_bank, [(n, json.dumps(d)) for n, d in files])
    # the name-only file joins Aville (the one coded council of that name); Beeford's two spellings stay apart
    assert result["counts"]["councils"] == 3
    notes = "\n".join(result["notes"])
    assert (
        "aville district council. (same-name.json) gives no register or GSS code: it was matched by name to the "
        "council with register code AVI."
    ) in notes
    assert (
        "2 councils give no register or GSS code, so they are known by name only: Beeford Council (named.json) and "
        "Beeford District Council (named-again.json). A file that spells a name differently would count as "
        "another council"
    ) in notes


def test_a_shared_report_lets_no_one_recompute_a_hidden_figure(mini_bank, region, tmp_path):
    """Issue 26, F12: the county group's median was hidden while each county's own score was printed beside
    it (the median of two is their mean); the report also carried the coordinator's file paths and every
    answer each council changed over time. Each council's own score of a hidden figure is now hidden too
    (its tier, a band, is shown), file names are base names, and trends carry no answer-level changes."""
    for name, data in region:
        (tmp_path / name).write_text(json.dumps(data), encoding="utf-8")
    earlier = coded(mini_bank, "Cedarshire County Council", "county", {"ALP-01": "no"}, code="CED", date="2025-04-01")
    (tmp_path / "county-2025.json").write_text(json.dumps(earlier), encoding="utf-8")
    files = [(str(path), path.read_text(encoding="utf-8")) for path in sorted(tmp_path.glob("*.json"))]
    result = compare_files(mini_bank, files, shareable=True, min_group=2)
    county = by_name(result)["Cedarshire County Council"]
    for figure in [county["overall"], *county["themes"]]:
        if figure["tier"] is not None:
            assert figure["score"] is None and figure["hidden"] and figure["gap"] is None
    aville = part(by_name(result)["Aville District Council"], "alpha")
    assert aville["score"] == 52.0 and not aville.get("hidden")  # a figure from enough councils: shown
    assert {row["file"] for row in result["rows"] + result["earlier"]} <= {name for name, _ in region} | {
        "county-2025.json"
    }
    trend = next(t for t in result["trends"] if t["council"] == "Cedarshire County Council")
    assert trend["files"] == ["county-2025.json", "county.json"] and trend["changes"] == []
    assert all(p["score"] is None for p in trend["overall"]["points"]) and trend["overall"]["change"] is None
    text, page = comparison_text(result), comparison_html(result)
    assert str(tmp_path) not in text + page + comparison_csv(result) + json.dumps(result)
    rows = {r["Council"]: r for r in csv.DictReader(io.StringIO(comparison_csv(result)))}
    assert rows["Cedarshire County Council"]["Overall score"] == ""
    assert rows["Cedarshire County Council"]["Overall tier"] != ""
    assert any("answers each council changed are left out" in note for note in result["notes"])
    unshared = compare_files(mini_bank, files)
    assert by_name(unshared)["Cedarshire County Council"]["overall"]["score"] is not None
    assert str(tmp_path) in json.dumps(unshared)  # a report kept by the coordinator names the files as given
