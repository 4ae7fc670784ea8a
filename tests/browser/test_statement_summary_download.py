"""The statement summary for the registry, downloaded from the results page (issue 27).

A Welsh council from the register (Gwynedd) with some statement answers: the CSV and JSON files
the page downloads are the engine's (engine/statement_summary.py), with the registry's own value
names and, for a Welsh council, the note on the Welsh Code of Practice.
"""

from __future__ import annotations

import csv
import io
import json

from .test_indicators_page import council_file, open_results


def test_the_results_page_downloads_the_summary_for_the_registry(page, base_url, tmp_path):
    data = council_file("GWN", "Gwynedd Council", "wales_principal", "Wales", "W06000002")
    data["answers"] = {"STA-10": ["no_recruitment_fees", "no_child_labour"], "STA-11": ["procurement"]}
    open_results(page, base_url, data)
    button = page.locator('[data-sc="export-registry-csv"]')
    assert button.is_visible() and button.inner_text() == "Statement summary for the registry (CSV)"
    with page.expect_download() as got:
        button.click()
    download = got.value
    assert download.suggested_filename.startswith(
        "scorecard-gwynedd-council-"
    ) and download.suggested_filename.endswith("-statement-summary.csv")
    download.save_as(tmp_path / "s.csv")
    rows = list(csv.reader(io.StringIO((tmp_path / "s.csv").read_text(encoding="utf-8"))))
    values = [(r[0], r[1]) for r in rows]
    assert ("Policies", "RecruitmentFees") in values and ("Policies", "ChildLabour") in values
    assert ("TrainingTargets", "OwnProcurers") in values
    assert any(r[0] == "Welsh Code of Practice" and "twelve commitments" in r[2] for r in rows)

    with page.expect_download() as got:
        page.click('[data-sc="export-registry-json"]')
    got.value.save_as(tmp_path / "s.json")
    summary = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert summary["summary"]["Policies"] == ["RecruitmentFees", "ChildLabour"]
    assert summary["council"] == "Gwynedd Council" and summary["welsh_code"]
