"""A coordinator's walk through benchmarking, in the built site: a council makes its contribution on the results
page; the coordinator loads 20 contributions of real councils (invented answers) on the Compare page, chooses
similar councils, reads the chosen council's position in words, switches to coverage, and exports open figures.

SCORECARD_SCREENSHOTS=DIR keeps screenshots of each step.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random

import pytest

from scorecard.council_register import load_placed
from scorecard.engine import Bank, operations
from scorecard.testing import random_assessment

from ..helpers import ROOT, compile_bank
from .conftest import wait_for_engine
from .test_accessibility import violations

SLOW = 120_000
# Tunbridge Wells, its ten similar councils (scorecard similar TUN) and eight other councils of Kent (Medway a unitary)
SIMILAR = ["DOV", "SEV", "EST", "WLA", "HIN", "RUS", "SHE", "WYR", "WAE", "RUG"]
KENT = ["MAI", "ASH", "CAN", "TON", "GRA", "SWL", "DAR", "MDW"]
HALF_DONE = "MAI"  # Maidstone answers a third of its questions: themes with a score but no tier (not rated)


def shot(page, name: str, selector: str | None = None) -> None:
    folder = os.environ.get("SCORECARD_SCREENSHOTS")
    if folder:
        target = page.locator(selector).first if selector else page
        target.screenshot(path=f"{folder}/benchmark-{name}.png")


@pytest.fixture(scope="module")
def contributions(tmp_path_factory):
    """20 contributions: Tunbridge Wells in 2025 and 2026 (with its targets), its similar councils and Kent's."""
    compiled = compile_bank(ROOT / "questions")
    bank = Bank.from_dict(compiled)
    by_code = {c.entry.code: c for c in load_placed(compiled)[1].councils}
    folder = tmp_path_factory.mktemp("contributions")
    rng = random.Random(2026)
    for code in ["TUN", *SIMILAR, *KENT]:
        council = by_code[code]
        rate = rng.choice([0.9, 1.0, 1.0])
        data = random_assessment(
            bank, rng, council.type, answer_rate=0.3 if code == HALF_DONE else rate, name=council.entry.name
        )
        data["council"] = council.assessment_council()
        data["assessment_date"] = f"2025-11-{rng.randint(1, 28):02d}"
        data["sign_off"] = {"name": "A. Lead", "role": "Modern slavery lead", "date": data["assessment_date"]}
        contracts = rng.randint(4, 40)
        data["indicators"] = {  # outcome indicators, carried by every contribution
            "IND-05": {"from": "2024-04-01", "to": "2025-03-31",
                       "counts": {"high_risk_contracts": contracts, "checked": rng.randint(0, contracts)}}
        }  # fmt: skip
        include = []
        if code == "TUN":
            data["targets"] = {"spoc": "substantial", "procurement": "mature"}
            include = ["targets"]
            before = random_assessment(bank, rng, council.type, answer_rate=1.0, name=council.entry.name)
            before.update(council=data["council"], assessment_date="2024-11-05", sign_off=data["sign_off"])
            made = operations.contribute(bank, {"assessment": before})["contribution"]
            (folder / "TUN-2024.json").write_text(json.dumps(made), encoding="utf-8")
        made = operations.contribute(bank, {"assessment": data, "include": include})["contribution"]
        (folder / f"{code}.json").write_text(json.dumps(made), encoding="utf-8")
    return sorted(folder.glob("*.json"))


def test_a_council_makes_its_contribution_on_the_results_page(page, base_url, tmp_path, real_bank):
    data = random_assessment(
        real_bank, random.Random(7), "district", answer_rate=1.0, name="Tunbridge Wells Borough Council"
    )
    data["council"].update(code="TUN", ons_code="E07000116", region="South East")
    data["notes"] = {qid: "Kept in the lead's file, not for the coordinator" for qid in list(data["answers"])[:3]}
    (tmp_path / "mine.json").write_text(json.dumps(data), encoding="utf-8")
    page.goto(base_url + "results.html")
    wait_for_engine(page)
    page.set_input_files("#sc-import", str(tmp_path / "mine.json"))
    page.wait_for_function(
        "() => document.querySelector('[data-sc=\"message\"]').textContent.includes('Imported')", timeout=SLOW
    )
    page.wait_for_selector('[data-sc="contribute"]', timeout=SLOW)
    assert page.locator('[data-sc="contribute"]').is_disabled()
    assert "Sign off the assessment first" in page.locator('[data-sc="contribute-why"]').inner_text()
    page.click('[data-sc="check-answers-link"]')  # sign-off is on the way through Check your answers
    page.wait_for_selector('[data-sc="check-answers"][data-ready]', timeout=SLOW)
    page.fill("#sc-signoff-role", "Modern slavery lead")
    page.fill("#sc-signoff-name", "Alex Morgan")
    page.click('[data-sc="sign-off"]')
    page.wait_for_selector('[data-sc="signed-off"]', timeout=SLOW)
    page.goto(base_url + "results.html")
    page.wait_for_selector('[data-sc="contribute"]:not([disabled])', timeout=SLOW)
    page.select_option("#sc-target-procurement", "mature")
    page.check("#sc-include-targets")
    shot(page, "1-results-contribution", '[data-sc="benchmark-area"]')
    with page.expect_download() as download:
        page.click('[data-sc="contribute"]')
    made = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert download.value.suggested_filename.endswith(f"-contribution-{made['assessment_date']}.json")
    assert made["format"] == "scorecard-contribution" and made["included"] == ["targets"]
    assert made["targets"] == {"procurement": "mature"}
    text = json.dumps(made)
    assert "Alex Morgan" not in text and "not for the coordinator" not in text and "answers" not in made


def test_a_coordinator_compares_similar_councils_and_publishes_open_figures(page, base_url, contributions):
    assert len(contributions) == 20
    page.goto(base_url + "compare.html")
    wait_for_engine(page)
    page.set_input_files("#sc-compare-files", [str(p) for p in contributions])
    page.wait_for_selector('[data-sc="compare-group"]', timeout=SLOW)
    status = page.locator('[data-sc="compare-message"]').inner_text()
    assert "20 assessment(s) of 19 council(s) compared (20 benchmark contribution(s), 0 whole file(s))" in status
    assert page.locator('[data-sc="key"] li').count() == 7  # four tiers, provisional, not rated, grey
    # a contribution's theme with a score but no tier is shown as not rated, with why, and left out of the figures
    half_done = page.locator('[data-sc="heatmap"] tbody tr', has_text="Maidstone")
    assert "Not rated" in half_done.locator(".sc-cell__tier").all_inner_texts()
    assert "Not enough answered to rate" in half_done.inner_text()
    assert "not rated, left out" in page.locator('[data-sc="compare-group"]', has=half_done).inner_text()
    shot(page, "2-loaded")

    # similar councils: Tunbridge Wells and the ten councils most like it
    page.select_option('[data-sc="focus"]', "TUN")
    page.wait_for_selector('[data-sc="position"]', timeout=SLOW)
    page.select_option('[data-sc="group-by"]', "similar")
    page.wait_for_selector('[data-sc="similar-table"]', timeout=SLOW)
    listed = page.locator('[data-sc="similar-table"] tbody tr').evaluate_all("rows => rows.map((r) => r.dataset.code)")
    assert listed == ["TUN", *SIMILAR]
    assert "the 10 nearest of 163 other councils in England" in page.locator('[data-sc="similar"]').inner_text()
    page.wait_for_function("() => document.querySelectorAll('[data-sc=\"compare-group\"]').length === 1")
    group = page.locator('[data-sc="compare-group"] h2').inner_text()
    assert group == "Tunbridge Wells Borough Council and similar councils (11 councils)"
    chosen = page.locator("tr.sc-row--focus")
    assert chosen.count() == 1 and "The council chosen" in chosen.inner_text()
    words = page.locator('[data-sc="position"] li').all_inner_texts()
    assert words[0].startswith("Overall: ") and any("the group's median" in w or "provisional" in w for w in words)
    assert any("Its own target: Mature practice" in w for w in words)  # procurement, sent with the contribution
    notes = page.locator('[data-sc="like-with-like"]').inner_text()
    assert "8 councils in the files are in none of the groups given" in notes
    shot(page, "3-similar", '[data-sc="similar"]')
    shot(page, "4-position", '[data-sc="position"]')
    shot(page, "4-key-and-heatmap", '[data-sc="compare-group"]')
    indicator = page.locator('[data-sc="indicator-table"][data-indicator="IND-05"]')
    assert indicator.locator("tbody tr").count() == 11 and "%)" in indicator.inner_text()
    shot(page, "4-indicators", '[data-sc="indicators"]')
    assert violations(page) == []  # the similar councils, the position, the key, the heatmap, the indicators
    trend = page.locator('[data-sc="trend"]').first.inner_text()
    assert "Tunbridge Wells" in trend and "Mature practice" in trend

    # the coverage view
    page.select_option('[data-sc="view"]', "coverage")
    page.wait_for_selector("td[data-coverage]")
    assert "Coverage all answered" in page.locator('[data-sc="key"]').inner_text()
    assert page.locator("td[data-coverage]").first.inner_text().split("\n")[0].endswith("%")
    shot(page, "5-coverage", '[data-sc="compare-heatmap"]')
    assert violations(page) == []
    page.select_option('[data-sc="view"]', "scores")

    # open figures of the groups shown (by nation and type, all 19 councils)
    page.select_option('[data-sc="group-by"]', "type")
    page.wait_for_function(
        "() => document.querySelector('[data-sc=\"compare-group\"] h2').textContent.startsWith('England: District')"
    )
    page.click('[data-sc="open-make"]')
    page.wait_for_selector('[data-sc="open-summary"]', timeout=SLOW)
    summary = page.locator('[data-sc="open-summary"]').inner_text()
    assert "group figures can be published" in summary
    shot(page, "6-open-figures", '[data-sc="open-data"]')
    assert violations(page) == []
    with page.expect_download() as download:
        page.click('[data-sc="open-download"][data-file="open-figures.csv"]')
    rows = list(csv.DictReader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    assert {r["group"] for r in rows} == {
        "England: District council",
        "England: Unitary authority (England)",
        "All groups",
    }
    medway = [r for r in rows if r["group_id"] == "england/unitary"]  # Medway alone: never published
    assert medway and all(r["published"] == "no" or r["councils_counted"] == "0" for r in medway)
    with page.expect_download() as download:
        page.click('[data-sc="open-download"][data-file="open-figures-README.txt"]')
    assert "Licence: Creative Commons Attribution 4.0" in open(download.value.path(), encoding="utf-8").read()
