"""Coordinators' own groups: a CSV of register codes (a partnership, a police force area), and similar councils.

Hand-worked on the mini bank, with the region of test_groups.py (its scores are worked out there).
"""

from __future__ import annotations

import pytest

from scorecard.engine import AssessmentError
from scorecard.engine.comparison import compare_files
from scorecard.engine.comparison.groups_file import read_groups_csv

from .region import as_files, by_name, part
from .test_groups import region  # noqa: F401  (the fixture)


def test_a_groups_file_names_groups_of_register_or_gss_codes():
    text = "\ufeffGroup,Code,Notes\nKent partnership, tun ,x\nKent partnership,E07000105\n\nSussex,BRI\nKent partnership,TUN\n"
    assert read_groups_csv(text, "partnerships.csv") == [
        {"id": "custom/1", "title": "Kent partnership", "kind": "custom", "codes": ["TUN", "E07000105"]},
        {"id": "custom/2", "title": "Sussex", "kind": "custom", "codes": ["BRI"]},
    ]


def test_a_file_of_codes_alone_is_one_group_named_after_the_file():
    assert read_groups_csv("code\nTUN\nSEV\n", "folder/west-kent.csv") == [
        {"id": "custom/1", "title": "west-kent", "kind": "custom", "codes": ["TUN", "SEV"]}
    ]


def test_a_groups_file_that_cannot_be_read_says_where_and_why():
    with pytest.raises(AssessmentError) as caught:
        read_groups_csv("group,code\nA,TUN\nA,Tunbridge Wells\nA,\n", "g.csv")
    assert caught.value.problems == [
        "g.csv, line 3: 'TUNBRIDGE WELLS' is not a council register code (such as TUN) or GSS code (such as E07000116)",
        "g.csv, line 4: '' is not a council register code (such as TUN) or GSS code (such as E07000116)",
    ]
    with pytest.raises(AssessmentError, match="no code column"):
        read_groups_csv("group,council\nA,TUN\n", "g.csv")
    with pytest.raises(AssessmentError, match="is empty"):
        read_groups_csv("\n \n", "g.csv")


def test_councils_are_compared_within_the_groups_given_and_the_rest_listed(mini_bank, region):  # noqa: F811
    groups = read_groups_csv("group,code\nNorth,AVI\nNorth,BEE\nNorth,E07000099\nNorth,DUN\nWest,FFG\n", "g.csv")
    result = compare_files(mini_bank, as_files(region), group_by="custom", custom=groups)
    assert [(g["id"], g["title"], g["kind"], g["councils"]) for g in result["groups"]] == [
        ("custom/1", "North", "custom", 3),
        ("custom/2", "West", "custom", 1),
    ]
    rows = by_name(result)
    assert set(rows) == {"Aville District Council", "Beeford District Council", "Dunmere Council", "Cyngor Ffug"}
    # North's alpha: Aville 52.0, Beeford 100.0, Dunmere 60.0: median 60.0
    assert result["groups"][0]["stats"]["themes"][0]["median"] == 60.0
    assert part(rows["Aville District Council"], "alpha")["gap"] == -8.0
    assert [o["council"] for o in result["outside"]] == ["Cedarshire County Council", "Elmford District Council"]
    assert len(result["outside"]) == 2 and result["counts"]["councils"] == 4 and result["counts"]["files"] == 6
    assert result["notes"][0].startswith("Councils are compared within the groups given: North (3 councils) and West")
    assert (
        "2 councils in the files are in none of the groups given, so they are left out: Cedarshire County "
        "Council and Elmford District Council." in result["notes"]
    )


def test_a_council_in_two_groups_is_refused(mini_bank, region):  # noqa: F811
    groups = read_groups_csv("group,code\nNorth,AVI\nSouth,E07000001\n", "g.csv")  # Aville's two codes
    with pytest.raises(AssessmentError, match=r"Aville District Council is in more than one group \(North, South\)"):
        compare_files(mini_bank, as_files(region), group_by="custom", custom=groups)


def test_custom_groups_go_with_group_by_custom_only(mini_bank, region):  # noqa: F811
    with pytest.raises(ValueError, match="custom"):
        compare_files(mini_bank, as_files(region), group_by="custom")
    with pytest.raises(ValueError, match="custom"):
        compare_files(mini_bank, as_files(region), custom=[{"id": "x", "title": "x", "kind": "custom", "codes": []}])


def test_a_similar_group_carries_how_it_was_chosen(mini_bank, region):  # noqa: F811
    similar = {
        "id": "similar/AVI",
        "title": "Aville District Council and similar councils",
        "kind": "similar",
        "codes": ["AVI", "BEE", "ELM"],
        "method": ["Councils like Aville District Council (AVI): ..."],
    }
    result = compare_files(mini_bank, as_files(region), group_by="custom", custom=[similar])
    assert result["groups"][0]["kind"] == "similar" and result["groups"][0]["method"] == similar["method"]
    assert similar["method"][0] in result["notes"]
    assert {r["group"] for r in result["rows"]} == {"similar/AVI"}
