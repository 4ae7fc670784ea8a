"""The Compare page with the example region: groups by nation and type, invented answers said, a shareable export."""

from __future__ import annotations

import csv
import io

from .conftest import wait_for_engine


def test_example_region_is_grouped_labelled_invented_and_exported_for_sharing(page, base_url):
    page.goto(base_url + "compare.html")
    assert "invented answers" in page.locator('[data-sc="dropzone"]').inner_text()
    wait_for_engine(page)
    page.click('[data-sc="compare-example"]')
    page.wait_for_selector('[data-sc="compare-group"]', timeout=60_000)
    notice = page.locator('[data-sc="example-invented"]')
    assert "These are not these councils' results" in notice.inner_text()
    groups = page.locator('[data-sc="compare-group"] h2').all_inner_texts()
    assert groups == [
        "England: County council (2 councils)",
        "England: District council (7 councils)",
        "England: Unitary authority (England) (3 councils)",
    ]
    assert "Kent County Council" in page.locator('[data-sc="compare-group"]').first.inner_text()

    with page.expect_download() as download:
        page.click('[data-sc="compare-csv"]')
    text = open(download.value.path(), encoding="utf-8").read()
    assert download.value.suggested_filename == "scorecard-comparison-example-invented.csv"
    rows = list(csv.DictReader(io.StringIO(text)))
    by_group = {}
    for row in rows:
        by_group.setdefault(row["Comparison group"], []).append(row)
    # shared: the county and unitary groups (2 and 3 councils) lose their gaps; the districts keep theirs
    assert all(r["Overall gap to group median"] == "" for r in by_group["England: County council"])
    assert all(r["Overall gap to group median"] == "" for r in by_group["England: Unitary authority (England)"])
    assert any(r["Overall gap to group median"] != "" for r in by_group["England: District council"])
    assert {r["Council code"] for r in rows} >= {"KEN", "TUN", "MDW"}

    page.select_option('[data-sc="group-by"]', "none")
    page.wait_for_function("() => document.querySelectorAll('[data-sc=\"compare-group\"]').length === 1")
    assert page.locator('[data-sc="compare-group"] h2').inner_text() == "All councils (12 councils)"
