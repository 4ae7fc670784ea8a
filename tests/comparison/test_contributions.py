"""Comparing benchmark contributions: the same figures as comparing the whole files, said to be contributions.

The property: for random regions of the real bank (councils of several types, some assessed twice), comparing
each council's contribution gives every figure both carry exactly as comparing its whole file: each row's
scores, tiers (a score without a tier stays not rated, with the engine's note why), coverage and gaps, every
group's medians and quartiles, every trend, what each council still lacks before it can be rated. Hand-worked
cases: a theme not rated, through the comparison, its open figures and a trend; the targets against a council's
path, and a note where the bank changed what a theme measures.
"""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.engine import Bank, load_assessment, score_assessment
from scorecard.engine.comparison import compare_files
from scorecard.engine.comparison.open_figures import open_figures
from scorecard.engine.contribution import make_contribution
from scorecard.testing import random_assessment

from ..helpers import MINI, Quiet, compile_bank
from .region import ALL_BEST, FULL, council


@pytest.fixture(scope="module")
def bank(real_bank):
    return Quiet(real_bank)


CARRIED = ("score", "tier", "rated", "note", "coverage", "provisional", "gap")
THEME_CARRIED = (*CARRIED, "asked", "answered")
TYPES = ["district", "county", "unitary", "wales_principal", "scotland_council"]


def signed(data: dict) -> dict:
    return {**data, "sign_off": {"name": "A. Lead", "role": "Lead", "date": data["assessment_date"]}}


def contribution_text(bank: Bank, data: dict, include=()) -> str:
    assessment = load_assessment(data, bank)
    return json.dumps(make_contribution(bank, assessment, score_assessment(bank, assessment), list(include)))


def region(bank: Bank, seed: int) -> list[tuple[str, dict]]:
    rng = random.Random(seed)
    files = []
    for n in range(rng.randint(1, 12)):
        data = random_assessment(bank, rng, rng.choice(TYPES), answer_rate=rng.choice([0.3, 0.9, 1.0]), name=f"C{n}")
        data["council"]["code"] = f"C{chr(65 + n // 26)}{chr(65 + n % 26)}"
        data["assessment_date"] = "2024-" + data["assessment_date"][5:]
        if rng.random() < 0.5:  # outcome indicators: every council is shown IND-05
            whole = rng.randint(1, 40)
            data["indicators"] = {"IND-05": {"from": "2023-04-01", "to": "2024-03-31",
                                             "counts": {"high_risk_contracts": whole, "checked": rng.randint(0, whole)}}}  # fmt: skip
        files.append((f"c{n}-a.json", signed(data)))
        if rng.random() < 0.3:  # assessed again, a year on
            again = random_assessment(bank, rng, data["council"]["type"], answer_rate=0.95, name=f"C{n}")
            again["council"] = dict(data["council"])
            again["assessment_date"] = "2025-" + data["assessment_date"][5:]
            files.append((f"c{n}-b.json", signed(again)))
    return files


def figures(comparison: dict) -> dict:
    """Every figure a contribution carries, as a comparison shows it."""
    return {
        "rows": {
            r["key"]: (
                [r["overall"][k] for k in CARRIED],
                [[t[k] for k in THEME_CARRIED] for t in r["themes"]],
                r["group"],
                r["assessment_date"],
                r["indicators"],
                {k: r["evidence"][k] for k in ("answered", "with_evidence", "share")},  # strengths: not carried
            )
            for r in comparison["rows"] + comparison["earlier"]
        },
        "groups": comparison["groups"],
        "trends": [
            (t["key"], t["dates"], t["overall"], [{k: v for k, v in s.items()} for s in t["themes"]])
            for t in comparison["trends"]
        ],
        "group_trends": comparison["group_trends"],
        "coverage": comparison["coverage"],  # what each council lacks before it can be rated
        "provisional": comparison["like_with_like"]["provisional"],
        "counts": {k: comparison["counts"][k] for k in ("files", "assessments", "councils", "skipped")},
    }


@given(seed=st.integers(0, 100_000), share=st.sampled_from([0.0, 0.5, 1.0]))
def test_a_compare_of_contributions_equals_the_compare_of_the_whole_files(seed, share, bank):
    real_bank = bank
    files = region(real_bank, seed)
    rng = random.Random(seed)
    whole = [(name, json.dumps(data)) for name, data in files]
    mixed = [(name, contribution_text(real_bank, data) if rng.random() < share else json.dumps(data))
             for name, data in files]  # fmt: skip
    expected = compare_files(real_bank, whole)
    got = compare_files(real_bank, mixed)
    assert figures(got) == figures(expected)
    assert any(
        i["counts"][1]["share"] is not None for r in got["rows"] + got["earlier"] for i in r["indicators"]
    ) or not any("indicators" in data for _, data in files)
    sent = sum(1 for _, text in mixed if '"scorecard-contribution"' in text)
    assert got["counts"]["contributions"] == sent
    assert [r["source"] for r in got["rows"] + got["earlier"]].count("contribution") == sent
    if sent:
        assert any("benchmark contribution" in note for note in got["notes"])
    for row in got["rows"]:
        if row["source"] == "contribution":  # not carried: residual risk
            assert row["overall"]["risk"] is None


def test_a_councils_targets_are_shown_against_its_path(mini_bank):
    before = council(mini_bank, "Aville District Council", "district", FULL, date="2025-04-01")
    after = council(mini_bank, "Aville District Council", "district", ALL_BEST, date="2026-04-01")
    after["targets"] = {"alpha": "mature"}
    before["council"]["code"] = after["council"]["code"] = "AVI"
    result = compare_files(mini_bank, [("a.json", json.dumps(before)), ("b.json", json.dumps(after))])
    alpha = result["trends"][0]["themes"][0]
    # alpha: 52.0 (early) then 100.0 (mature): the target is reached
    assert (alpha["target"], alpha["tiers_to_target"]) == ("mature", 0)
    after["answers"] = {**FULL}
    after["targets"] = {"alpha": "mature"}
    result = compare_files(mini_bank, [("a.json", json.dumps(before)), ("b.json", json.dumps(after))])
    alpha = result["trends"][0]["themes"][0]
    assert (alpha["target"], alpha["tiers_to_target"]) == ("mature", 2)  # early, two tiers short of mature
    assert result["trends"][0]["themes"][1]["target"] is None


def test_a_note_says_where_the_bank_changed_what_a_theme_measures():
    compiled = compile_bank(MINI / "questions")
    old = json.loads(json.dumps(compiled))
    old["bank_version"] = "1999.1"
    old["themes"][0]["questions"][0]["weight"] += 1  # alpha measured otherwise in the older bank
    old_bank, bank = Bank.from_dict(old), Bank.from_dict(compiled)
    first = signed(council(old_bank, "Aville District Council", "district", FULL, date="2025-04-01"))
    first["council"]["code"] = "AVI"
    second = signed({**first, "assessment_date": "2026-04-01", "bank_version": bank.version})
    files = [("2025.json", contribution_text(old_bank, first)), ("2026.json", contribution_text(bank, second))]
    result = compare_files(bank, files)
    alpha, beta = result["trends"][0]["themes"]
    assert alpha["measure_changes"] == [
        {"from_date": "2025-04-01", "to_date": "2026-04-01", "from_version": "1999.1", "to_version": bank.version}
    ]
    assert beta["measure_changes"] == []
    assert (
        "Aville District Council: the question bank changed what Alpha theme measures between 1999.1 (2025-04-01) and "
        f"{bank.version} (2026-04-01), so its scores before and after are not like for like." in result["notes"]
    )
    assert result["trends"][0]["changes"][0]["known"] is False  # neither was sent with its answers
    # and for the group: its medians of 2025 and of 2026
    group = result["group_trends"][0]
    assert [y["year"] for y in group["years"]] == ["2025", "2026"]
    assert group["measure_changes"] == [
        {"theme": "alpha", "title": "Alpha theme", "from_year": "2025", "to_year": "2026"}
    ]


def test_a_theme_not_rated_in_a_contribution_is_not_counted_as_a_rated_tier(mini_bank):
    # alpha: Aville 52.0 (early) and Beeford 100.0 (mature), rated; Elmford 0.0 from 1 of 3 questions answered,
    # a score without a tier: shown as not rated, left out of the median (76.0, of the two rated) and of the
    # open figures' tier counts; counted apart as not rated
    aville = signed(council(mini_bank, "Aville District Council", "district", FULL))
    beeford = signed(council(mini_bank, "Beeford District Council", "district", ALL_BEST))
    earlier = signed(council(mini_bank, "Elmford District Council", "district", FULL, date="2025-04-01"))
    elmford = signed(council(mini_bank, "Elmford District Council", "district", {"ALP-01": "no"}))
    for data, code in [(aville, "AVI"), (beeford, "BEE"), (earlier, "ELM"), (elmford, "ELM")]:
        data["council"]["code"] = code
    files = [(f"{n}.json", contribution_text(mini_bank, d)) for n, d in enumerate([aville, beeford, earlier, elmford])]
    result = compare_files(mini_bank, files)
    row = next(r for r in result["rows"] if r["council"]["code"] == "ELM")
    alpha = row["themes"][0]
    assert (row["source"], alpha["score"], alpha["tier"], alpha["rated"]) == ("contribution", 0.0, None, False)
    assert alpha["note"].startswith("Not enough answered to rate: 1 of 3 questions answered")
    stats = result["groups"][0]["stats"]["themes"][0]
    assert (stats["n"], stats["median"], stats["not_rated_left_out"]) == (2, 76.0, 1)
    missing = next(c for c in result["coverage"] if c["council"] == "Elmford District Council")["missing"]
    assert [(m["theme"], m["why"]) for m in missing] == [("alpha", "not_enough_answered")]
    # its trend: rated early in 2025, a score without a tier in 2026; no tier to reach a target with
    points = result["trends"][0]["themes"][0]["points"]
    assert [(p["score"], p["tier"]) for p in points] == [(52.0, "early"), (0.0, None)]
    figures = open_figures(result, min_group=1)
    cell = next(c for c in figures["figures"] if c["figure"] == "alpha")
    assert (cell["councils_counted"], cell["councils"], cell["not_rated_left_out"]) == (2, ["code:AVI", "code:BEE"], 1)
    assert sum(t["councils"] for t in cell["tiers"].values()) == 2
    assert any("left out of every figure" in sentence for sentence in figures["method"])
