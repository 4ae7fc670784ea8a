"""Issue 26, F27: an officer can export the assessment without who changed each answer and when, for a file
going outside the team; by default the export keeps them (colleagues' files merge by them)."""

from __future__ import annotations

import json

from .conftest import wait_for_engine
from .test_nothing_lost import record, saved, store


def test_the_export_can_leave_out_names_and_times(mini_page, mini_url):
    page = mini_page
    names = {"ALP-01": {"at": "2026-11-01T09:00:00.000Z", "by": "Jo Smith"}}
    store(page, mini_url, json.dumps(record({"ALP-01": "yes"}, provenance=names, assignments={"alpha": "Priya Buyer"})))
    page.goto(mini_url + "results.html")
    wait_for_engine(page)
    page.wait_for_selector('[data-sc="summary-table"]')

    with page.expect_download() as download:
        page.click('[data-sc="export-json"]')
    whole = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert whole["provenance"]["ALP-01"]["by"] == "Jo Smith" and whole["assignments"] == {"alpha": "Priya Buyer"}

    box = page.get_by_label("Leave out who changed each answer, and when")
    assert box.is_visible()
    box.check()
    with page.expect_download() as download:
        page.click('[data-sc="export-json"]')
    text = open(download.value.path(), encoding="utf-8").read()
    shared = json.loads(text)
    assert "provenance" not in shared and "assignments" not in shared
    assert "Jo Smith" not in text and "Priya Buyer" not in text
    assert shared["answers"] == {"ALP-01": "yes"}
    assert saved(page)["provenance"]["ALP-01"]["by"] == "Jo Smith"  # what is kept in the browser is unchanged
