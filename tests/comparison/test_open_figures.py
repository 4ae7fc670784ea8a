"""Open figures: group medians, quartiles and tier counts that hide small groups and cannot be differenced.

The property tests play the attacker: they generate a release and a second one that differs by one council,
then try to recover every hidden figure, and every single council's tier, by adding and subtracting the
published ones (exact linear algebra over the councils, written here independently of disclosure.py's).
Hand-worked cases show that the attacks are real: without the complementary suppression they succeed.
"""

from __future__ import annotations

import csv
import io
import json
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from scorecard.engine import operations
from scorecard.engine.comparison.disclosure import COMPLEMENTARY, PRIMARY, Cell, choose_published
from scorecard.engine.comparison.open_figures import TOTAL, earlier_sets, one_place, open_figures, shares
from scorecard.engine.csv_export import dictionary_csv, open_figures_csv

from . import region as mini_region

TIERS = {"basic": "Basic first steps", "early": "Early progress", "substantial": "Substantial", "mature": "Mature"}
CUTS = [(85, "mature"), (65, "substantial"), (40, "early"), (0, "basic")]
MIN = 5


def tier_of(score: float) -> str:
    return next(t for cut, t in CUTS if score >= cut)


def part(score: float | None, provisional: bool = False, rated: bool = True) -> dict:
    """A council's figure; not ``rated``: a score without a tier (too little answered), always provisional."""
    tier = tier_of(score) if score is not None and rated else None
    return {"score": score, "tier": tier, "provisional": provisional or (score is not None and not rated)}


def comparison(councils: dict[str, tuple[str, dict, dict]], groups: list[str]) -> dict:
    """A comparison as compare() shapes it, cut down to what open figures read: {key: (group, overall, alpha)}."""
    return {
        "bank_version": "2026.3",
        "labels": {"tiers": TIERS},
        "themes": [{"id": "alpha", "title": "Alpha"}],
        "groups": [
            {"id": g, "title": g.title(), "kind": "custom", "councils": sum(1 for v in councils.values() if v[0] == g)}
            for g in groups
            if any(v[0] == g for v in councils.values())
        ],
        "rows": [
            {"key": key, "group": group, "overall": overall, "themes": [{"id": "alpha", **alpha}]}
            for key, (group, overall, alpha) in sorted(councils.items())
        ],
    }


# --- the attacker ------------------------------------------------------------------------------------------


def derivable(published: list[frozenset[str]], target: frozenset[str]) -> bool:
    """Whether target's indicator is a linear combination of the published sets' (exact, over every council)."""
    universe = sorted(set().union(target, *published))
    basis: list[list[Fraction]] = []
    pivots: list[int] = []
    for members in published:
        row = [Fraction(int(c in members)) for c in universe]
        for pivot, base in zip(pivots, basis, strict=True):
            if row[pivot]:
                row = [a - row[pivot] * b for a, b in zip(row, base, strict=True)]
        lead = next((i for i, v in enumerate(row) if v), None)
        if lead is not None:
            pivots.append(lead)
            basis.append([v / row[lead] for v in row])
    row = [Fraction(int(c in target)) for c in universe]
    for pivot, base in zip(pivots, basis, strict=True):
        if row[pivot]:
            row = [a - row[pivot] * b for a, b in zip(row, base, strict=True)]
    return not any(row)


def attack(releases: list[dict]) -> list[str]:
    """Everything the published figures of these releases give away: hidden figures and single councils."""
    found = []
    for figure in ("overall", "alpha"):
        cells = [c for r in releases for c in r["figures"] if c["figure"] == figure]
        published = [frozenset(c["councils"]) for c in cells if c["published"] and c["councils"]]
        for cell in cells:
            if not cell["published"] and derivable(published, frozenset(cell["councils"])):
                found.append(f"{figure}: hidden {cell['group']} ({len(cell['councils'])} councils)")
        for council in sorted(set().union(*published) if published else ()):
            if derivable(published, frozenset([council])):
                found.append(f"{figure}: council {council}")
        for a in published:  # and the plain differences, to show the attack as a person would try it
            for b in published:
                if b < a and len(a - b) < MIN:
                    found.append(f"{figure}: {sorted(a - b)} by subtracting one group from another")
    return found


# --- random releases ---------------------------------------------------------------------------------------


@st.composite
def releases(draw):
    """A region of councils in up to 5 groups, and the same region with one council more or one fewer."""
    groups = [f"g{i}" for i in range(draw(st.integers(1, 5)))]
    size = draw(st.integers(1, 30))
    scores = st.one_of(st.none(), st.floats(0, 100).map(lambda x: round(x, 1)))
    councils = {}
    for n in range(size + 1):  # about a quarter provisional, an eighth not rated
        councils[f"code:C{n:02d}"] = (
            draw(st.sampled_from(groups)),
            *(
                part(draw(scores), draw(st.booleans()) and draw(st.booleans()), not draw(st.integers(0, 7)) == 0)
                for _ in range(2)
            ),
        )
    extra = f"code:C{size:02d}"
    first = {k: v for k, v in councils.items() if k != extra}
    second = dict(councils) if draw(st.booleans()) else {k: v for k, v in first.items() if k != min(first)}
    return comparison(first, groups), comparison(second, groups)


@given(releases())
def test_no_hidden_figure_or_council_can_be_derived_from_one_release(pair):
    first, _ = pair
    assert attack([open_figures(first, MIN)]) == []


@given(releases())
def test_no_hidden_figure_or_council_can_be_derived_from_two_releases_a_council_apart(pair):
    first, second = pair
    release = open_figures(first, MIN)
    again = open_figures(second, MIN, earlier=[release])
    assert attack([release, again]) == []


@given(releases())
def test_published_totals_agree_with_their_parts(pair):
    release = open_figures(pair[0], MIN)
    for figure in ("overall", "alpha"):
        cells = [c for c in release["figures"] if c["figure"] == figure]
        groups = [c for c in cells if c["group"] != TOTAL]
        for total in (c for c in cells if c["group"] == TOTAL):
            assert total["councils_counted"] == sum(c["councils_counted"] for c in groups)
            assert total["not_rated_left_out"] == sum(c["not_rated_left_out"] for c in groups)
            if total["published"] and all(c["published"] for c in groups):
                for tier in TIERS:
                    assert total["tiers"][tier]["councils"] == sum(c["tiers"][tier]["councils"] for c in groups)
        for cell in cells:
            if cell["published"] and cell["councils_counted"]:
                assert sum(t["councils"] for t in cell["tiers"].values()) == cell["councils_counted"]
                assert 0 <= cell["provisional_counted"] <= cell["councils_counted"]
                assert sum(t["percent"] for t in cell["tiers"].values()) == 100
            if not cell["published"]:
                assert cell["median"] is None and all(t["councils"] is None for t in cell["tiers"].values())
                assert cell["provisional_counted"] is None
            else:
                assert cell["councils_counted"] == 0 or cell["councils_counted"] >= MIN


# --- by hand: the attacks are real, and what stops them ---------------------------------------------------------


def region(sizes: dict[str, int], start: int = 0) -> dict[str, tuple[str, dict, dict]]:
    councils, n = {}, start
    for group, size in sizes.items():
        for _ in range(size):
            score = (n * 37) % 100
            councils[f"code:C{n:02d}"] = (group, part(float(score)), part(float(100 - score)))
            n += 1
    return councils


def test_a_small_group_is_hidden_and_so_is_the_total_that_would_give_it_away():
    councils = region({"north": 6, "south": 7, "west": 2})
    release = open_figures(comparison(councils, ["north", "south", "west"]), MIN)
    why = {(c["group"], c["figure"]): c["hidden_because"] for c in release["figures"]}
    assert why[("west", "overall")] == PRIMARY and why[("total", "overall")] == COMPLEMENTARY
    assert why[("north", "overall")] == why[("south", "overall")] == ""
    # the attack the total would have allowed: total minus the published groups is the hidden group
    naive = {c["group"]: frozenset(c["councils"]) for c in release["figures"] if c["figure"] == "overall"}
    assert derivable([naive["north"], naive["south"], naive["total"]], naive["west"])


def test_a_group_one_council_larger_than_last_time_is_hidden():
    before = region({"north": 6})
    release = open_figures(comparison(before, ["north"]), MIN)
    after = {**before, "code:C99": ("north", part(71.0), part(20.0))}
    naive = open_figures(comparison(after, ["north"]), MIN)
    checked = open_figures(comparison(after, ["north"]), MIN, earlier=[release])
    assert all(c["published"] for c in naive["figures"])  # on its own it would be published...
    assert attack([release, naive])  # ...and, beside the earlier release, would give away C99's tier
    assert not any(c["published"] for c in checked["figures"])
    assert {c["hidden_because"] for c in checked["figures"]} == {COMPLEMENTARY}
    # the median alone gives the new council's score away: 6 scores, then 7
    old = next(c for c in release["figures"] if c["figure"] == "overall")
    new = next(c for c in naive["figures"] if c["figure"] == "overall")
    assert (old["median"], new["median"]) != (None, None)


def test_two_groups_that_cover_each_other_but_one_council_are_not_both_published():
    cells = [Cell("big", frozenset("abcdefg")), Cell("less", frozenset("abcdef"))]
    assert choose_published(cells, MIN) == {"less": COMPLEMENTARY}
    assert choose_published([Cell("a", frozenset("abcde")), Cell("b", frozenset("fghij"))], MIN) == {}


def test_figures_are_rounded_as_a_spreadsheet_rounds_and_shares_add_up_to_100():
    assert one_place(54.25) == 54.3 and one_place(54.35) == 54.4 and one_place(None) is None
    assert shares([1, 1, 1]) == [34, 33, 33]
    assert shares([2, 0, 5, 0]) == [29, 0, 71, 0]
    assert shares([0, 0]) == [None, None]
    assert sum(shares([3, 3, 1, 2, 7])) == 100


def test_the_csv_has_the_columns_its_dictionary_describes():
    release = open_figures(comparison(region({"north": 6, "south": 5}), ["north", "south"]), MIN)
    rows = list(csv.DictReader(io.StringIO(open_figures_csv(release))))
    dictionary = list(csv.DictReader(io.StringIO(dictionary_csv(release))))
    assert list(rows[0]) == [d["column"] for d in dictionary]
    assert len(rows) == 6  # north, south and the total, for overall and alpha
    north = rows[0]
    assert (north["group"], north["figure"], north["councils_counted"], north["published"]) == (
        "North",
        "Overall",
        "6",
        "yes",
    )
    assert north["councils"] == " ".join(f"code:C{n:02d}" for n in range(6))
    assert release["licence"].startswith("Creative Commons Attribution 4.0")
    assert earlier_sets([release])["overall"][0] == frozenset(f"code:C{n:02d}" for n in range(6))


def test_provisional_scores_are_counted_and_flagged_and_scores_without_a_tier_left_out():
    # north: six rated councils, two of them provisional, and C06 with a score of 90.0 but no tier (too little
    # answered). Counted: six (scores 0, 11, 37, 48, 74, 85: median 42.5; with C06's 90.0 it would be 48.0); at
    # each tier, six; C06 counted apart
    councils = region({"north": 6})
    for key in ("code:C01", "code:C02"):
        councils[key] = ("north", part(councils[key][1]["score"], provisional=True), councils[key][2])
    councils["code:C06"] = ("north", part(90.0, rated=False), part(20.0))
    release = open_figures(comparison(councils, ["north"]), MIN)
    overall, alpha = release["figures"]
    assert (overall["councils_counted"], overall["provisional_counted"], overall["not_rated_left_out"]) == (6, 2, 1)
    assert "code:C06" not in overall["councils"] and overall["median"] == 42.5
    assert sum(t["councils"] for t in overall["tiers"].values()) == 6
    assert (alpha["councils_counted"], alpha["provisional_counted"], alpha["not_rated_left_out"]) == (7, 0, 0)
    assert any("a score without a tier (not rated" in sentence for sentence in release["method"])
    columns = {d["column"]: d["meaning"] for d in release["dictionary"]}
    assert "provisional ones included" in columns["councils_counted"]
    assert {"provisional_counted", "not_rated_left_out"} <= set(columns)
    row = next(csv.DictReader(io.StringIO(open_figures_csv(release))))
    assert (row["provisional_counted"], row["not_rated_left_out"]) == ("2", "1")


def test_open_figures_count_every_council_of_a_comparison_asked_for_sharing_too(mini_bank):
    """Open figures hide what they must themselves (disclosure.py). A comparison for sharing (issue 26) has already
    blanked the scores of a group of fewer than min_group councils: read from it, those councils would not be
    counted at all, and the totals would leave them out."""
    files = [
        {
            "name": f"{n}.json",
            "text": json.dumps(mini_region.council(mini_bank, f"D{n} District Council", "district", mini_region.FULL)),
        }
        for n in range(6)
    ] + [
        {
            "name": f"u{n}.json",
            "text": json.dumps(mini_region.council(mini_bank, f"U{n} Council", "unitary", mini_region.ALL_BEST)),
        }
        for n in range(2)
    ]
    plain = operations.open_figures(mini_bank, {"files": files})["figures"]
    shared = operations.open_figures(mini_bank, {"files": files, "options": {"shareable": True}})["figures"]
    assert shared["figures"] == plain["figures"]
    counted = {(c["group"], c["figure"]): c["councils_counted"] for c in plain["figures"]}
    assert counted[("england/unitary", "alpha")] == 2 and counted[(TOTAL, "alpha")] == 8
