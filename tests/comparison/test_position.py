"""A council's position in its group in words: hand-worked on the mini bank (scores from tests/comparison/region.py)."""

from __future__ import annotations

from scorecard.engine.comparison import compare_files

from .region import ALL_BEST, FULL, as_files, council


def coded(bank, name, answers, code, **extra):
    data = council(bank, name, "district", answers, **extra)
    data["council"]["code"] = code
    return data


def region(bank):
    # alpha: Aville 52.0, Beeford 100.0, Cedarfield 60.0 (2+2+0+2 of 10); Elmford not rated (1 of 3 answered,
    # 20% of the weight: a score without a tier), not counted
    sixty = {"ALP-01": "yes", "ALP-02": "some", "ALP-03": ["none"], "ALP-04": "yes"}
    return as_files(
        [
            ("a.json", coded(bank, "Aville District Council", FULL, "AVI", date="2026-04-01")),
            ("b.json", coded(bank, "Beeford District Council", ALL_BEST, "BEE")),
            ("c.json", coded(bank, "Cedarfield District Council", sixty, "CED")),
            ("e.json", coded(bank, "Elmford District Council", {"ALP-01": "no"}, "ELM")),
        ]
    )


def test_a_councils_position_is_said_in_words(mini_bank):
    result = compare_files(mini_bank, region(mini_bank), focus="avi")
    focus = result["focus"]
    assert (focus["council"], focus["group_title"]) == ("Aville District Council", "England: District council")
    overall, alpha, beta = focus["figures"]
    # 52, 60, 100: median 60; quartiles (QUARTILE.INC) at positions 0.5 and 1.5: 56 and 80
    assert (alpha["median"], alpha["lower_quartile"], alpha["upper_quartile"]) == (60.0, 56.0, 80.0)
    assert (alpha["band"], alpha["higher"], alpha["n"]) == ("below_lower_quartile", 2, 3)
    assert alpha["words"] == (
        "Alpha theme: 52.0 (Early progress), 8.0 below the group's median of 60.0, below the lower quartile, in "
        "the bottom quarter; 2 of the 3 councils counted score higher."
    )
    assert beta["words"] == "Beta theme: not asked of this council."
    assert overall["id"] == "overall" and overall["band"] == "below_lower_quartile"


def test_the_top_council_and_one_not_rated(mini_bank):
    top = compare_files(mini_bank, region(mini_bank), focus="BEE")["focus"]["figures"][1]
    assert top["band"] == "above_upper_quartile" and top["higher"] == 0
    assert top["words"].endswith(
        "above the upper quartile, in the top quarter; none of the 3 councils counted score higher."
    )
    half = compare_files(mini_bank, region(mini_bank), focus="ELM")["focus"]["figures"][1]
    assert not half["counted"] and half["band"] is None and half["tier"] is None
    assert half["words"] == (
        "Alpha theme: 0.0 (not rated). Not enough answered to rate: 1 of 3 questions answered (20% of the theme's "
        "weight; a tier needs 50%). Left out of the group's figures until it is rated."
    )
    assert compare_files(mini_bank, region(mini_bank), focus="XYZ")["focus"] is None
    assert compare_files(mini_bank, region(mini_bank))["focus"] is None


def test_a_provisional_council_that_is_rated_is_counted_and_flagged(mini_bank):
    # Dunham answers three of alpha's four questions, all at best: 80.0, rated Substantial, provisional; with
    # Aville 52.0, Beeford 100.0 and Cedarfield 60.0 it is counted: median 70.0, quartiles 58.0 and 85.0
    dunham = {"ALP-01": "yes", "ALP-02": "all", "ALP-03": ["front", "managers", "suppliers"]}
    files = region(mini_bank) + as_files([("d.json", coded(mini_bank, "Dunham District Council", dunham, "DUN"))])
    alpha = compare_files(mini_bank, files, focus="DUN")["focus"]["figures"][1]
    assert (alpha["counted"], alpha["provisional"], alpha["n"], alpha["median"]) == (True, True, 4, 70.0)
    assert alpha["words"] == (
        "Alpha theme: 80.0 (Substantial progress, provisional), 10.0 above the group's median of 70.0, between the "
        "median and the upper quartile; 1 of the 4 councils counted scores higher."
    )


def test_in_a_report_for_sharing_a_hidden_figure_hides_the_councils_own_score_too(mini_bank):
    # four councils, fewer than 5: the group's figures are hidden, and so is Aville's own score of them (issue 26)
    alpha = compare_files(mini_bank, region(mini_bank), focus="AVI", shareable=True)["focus"]["figures"][1]
    assert (alpha["score"], alpha["score_hidden"], alpha["hidden"], alpha["median"]) == (None, True, True, None)
    assert alpha["words"] == (
        "Alpha theme: Early progress; its score and the group's figures are hidden in a report for sharing (too few "
        "councils counted)."
    )
