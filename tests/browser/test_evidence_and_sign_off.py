"""Evidence you can stand behind, as an officer sees it (issue 28), on the site built from the real bank.

A district says it meets the duty to notify (SAF-03) with no evidence: the question says "Met, not
evidenced" in the engine's words, and so do the results. The officer records a dated procedure as
documented evidence: the note goes, the evidenced score shows beside the score. The lead signs off
(the file keeps the digest), then edits a note: the results and the board report say "changed since
sign-off", and the board report prints the digest.
"""

from __future__ import annotations

import json

from .conftest import ENGINE_TIMEOUT, saved, wait_for_engine

STORAGE_KEY = "scorecard.assessment.v1"


def load(page, base_url, data) -> None:
    page.goto(base_url + "index.html")
    page.evaluate("([key, d]) => localStorage.setItem(key, JSON.stringify(d))", [STORAGE_KEY, data])


def wait_saved(page, test, timeout_ms=20_000) -> dict:
    for _ in range(timeout_ms // 100):
        data = saved(page)
        if data and test(data):
            return data
        page.wait_for_timeout(100)
    raise AssertionError(f"not saved as expected: {json.dumps(saved(page))[:400]}")


def test_a_duty_needs_documented_evidence_and_a_signed_off_file_says_when_it_changed(page, base_url):
    load(
        page,
        base_url,
        {
            "format": "scorecard-assessment",
            "format_version": 1,
            "council": {"name": "Example Testvale District Council", "type": "district"},
            "assessment_date": "2026-04-01",
            "bank_version": "2026.4",
            "answers": {"SAF-01": "written", "SAF-03": "yes"},
            "notes": {},
        },
    )
    page.goto(base_url + "themes/safeguarding.html")
    wait_for_engine(page)
    note = page.locator('[data-sc="evidence-note"][data-question="SAF-03"]')
    note.wait_for(state="visible", timeout=ENGINE_TIMEOUT)
    # visible (above), and its words: the text it holds, since a question off screen is not laid out
    # (content-visibility: auto) and has no innerText until a frame after it is scrolled to
    words = " ".join(note.text_content().split())
    assert words.startswith("Met, not evidenced: a legal duty counts as met only with documented")
    assert words.endswith("No evidence is recorded.")

    page.click("#q-SAF-03 details.sc-note summary")
    page.fill("#evidence-SAF-03", "Notification procedure v3")
    page.fill("#evidence-date-SAF-03", "2026-03-01")
    page.select_option("#evidence-strength-SAF-03", "documented")
    wait_saved(page, lambda d: d["evidence"].get("SAF-03", {}).get("strength") == "documented")
    note.wait_for(state="hidden", timeout=ENGINE_TIMEOUT)
    assert saved(page)["evidence"]["SAF-03"] == {
        "reference": "Notification procedure v3",
        "date": "2026-03-01",
        "strength": "documented",
    }

    page.goto(base_url + "results.html")
    wait_for_engine(page)
    page.wait_for_selector('[data-sc="summary-table"]', timeout=ENGINE_TIMEOUT)
    headers = page.locator('[data-sc="summary-table"] thead th').all_inner_texts()
    assert headers[:3] == ["Theme", "Score", "Evidenced score"]
    row = page.locator('[data-sc="summary-table"] tbody tr', has_text="safeguarding victims")
    cells = row.locator("td").all_inner_texts()
    assert float(cells[1]) < float(cells[0])  # only SAF-03 has evidence that counts
    assert "SAF-03" not in (page.locator('[data-sc="unevidenced"]').all_inner_texts() or [""])[0]

    page.click('[data-sc="check-answers-link"]')  # sign-off is on the way through Check your answers
    page.wait_for_selector('[data-sc="check-answers"][data-ready]', timeout=ENGINE_TIMEOUT)
    page.fill('[data-sc="signoff-name"]', "Ann Lead")
    page.fill('[data-sc="signoff-role"]', "Modern slavery lead")
    page.click('button[data-sc="sign-off"]')
    signed = wait_saved(page, lambda d: bool((d.get("sign_off") or {}).get("digest")))
    digest = signed["sign_off"]["digest"]
    page.goto(base_url + "results.html")
    wait_for_engine(page)
    page.wait_for_selector('[data-sc="sign-off-digest"]', timeout=ENGINE_TIMEOUT)
    assert digest in page.inner_text('[data-sc="sign-off-digest"]')

    page.goto(base_url + "themes/safeguarding.html")
    page.fill("#note-SAF-03", "Added after the board met")
    wait_saved(page, lambda d: d["notes"].get("SAF-03") == "Added after the board met")
    page.goto(base_url + "results.html")
    wait_for_engine(page)
    changed = page.locator('[data-sc="sign-off-changed"]')
    changed.wait_for(state="visible", timeout=ENGINE_TIMEOUT)
    assert "Changed since sign-off: notes." in changed.inner_text()

    page.goto(base_url + "report.html")
    wait_for_engine(page)
    page.wait_for_selector('[data-sc="board"][data-ready="true"]', timeout=ENGINE_TIMEOUT)
    board = page.inner_text('[data-sc="board"]')
    assert digest.removeprefix("sha256:") in board
    assert "Changed since sign-off: notes." in board
    assert "Evidenced score" in board
