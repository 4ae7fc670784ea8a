"""Review by a peer, by file, in three browsers (issue 28): the lead exports the assessment; a reviewer from another
council opens it on the Review an assessment page in their own browser, agrees with one answer and verifies its
evidence, challenges two (one with a proposed answer), signs and downloads the review, and their own saved
assessment is untouched; the lead imports the review, accepts one challenge and leaves one open, prints the board
report (the open challenge in its annex), then rejects the other with a reply. What is checked is what the people
see: the messages, the summary, the board report's printed text."""

from __future__ import annotations

import datetime
import json
import re
import subprocess

from .conftest import check_context, give_council_by_hand, new_context, new_page

STORAGE_KEY = "scorecard.assessment.v1"
SLOW = 180_000  # ms: each browser starts its own engine
ROOT_EXAMPLE = "examples/region/invented-medway-council-2026.json"


def saved(page) -> dict | None:
    text = page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")
    return None if text is None else json.loads(text)


def message(page, selector, words) -> str:
    """Wait until the message area shows ``words``; its visible text."""
    locator = page.locator(selector)
    locator.filter(has_text=words).wait_for(timeout=SLOW)
    return " ".join(locator.inner_text().split())


def pdf_text(page, path) -> str:
    page.pdf(path=str(path), format="A4", prefer_css_page_size=True, print_background=True)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


def test_a_peer_review_in_three_browsers(browser, base_url, tmp_path):
    from tests.helpers import ROOT

    data = json.loads((ROOT / ROOT_EXAMPLE).read_text(encoding="utf-8"))
    first, second, third = list(data["answers"])[:3]
    data["evidence"] = {first: {"reference": "Safeguarding policy v3", "date": "2025-09-01", "strength": "documented"}}
    (tmp_path / "medway.json").write_text(json.dumps(data), encoding="utf-8")

    # --- the lead: the council's assessment in their browser, exported for the reviewer -----------------------
    lead_context = new_context(browser, base_url)
    lead = new_page(lead_context)
    lead.goto(base_url + "results.html")
    lead.set_input_files("#sc-import", str(tmp_path / "medway.json"))
    message(lead, '[data-sc="message"]', "Imported")
    lead.wait_for_selector('[data-sc="summary-table"]', timeout=SLOW)
    with lead.expect_download() as download:
        lead.click('[data-sc="export-json"]')
    download.value.save_as(tmp_path / "lead.json")

    # --- the reviewer, in their own browser, with their own council's assessment saved there -------------------
    reviewer_context = new_context(browser, base_url)
    reviewer = new_page(reviewer_context)
    reviewer.goto(base_url + "index.html")
    give_council_by_hand(reviewer)
    reviewer.select_option("#sc-council-type", "county")
    reviewer.fill("#sc-council-name", "Kent County Council")
    own = saved(reviewer)
    assert own["council"]["name"] == "Kent County Council"
    reviewer.goto(base_url + "review.html")
    reviewer.wait_for_selector("html[data-engine='ready']", state="attached", timeout=SLOW)
    reviewer.set_input_files("#sc-review-file", str(tmp_path / "lead.json"))
    opened = message(reviewer, '[data-sc="review-message"]', "Opened lead.json for review")
    assert re.search(r"\d+ answers to mark", opened)
    assert reviewer.locator("h2#reviewing").inner_text() == "Reviewing Medway Council"
    item = {q: reviewer.locator(f'fieldset[data-question="{q}"]') for q in (first, second, third)}
    assert item[first].locator("legend").inner_text().startswith(first)
    assert "Evidence: Safeguarding policy v3; dated 2025-09-01; documented" in item[first].inner_text()
    item[first].get_by_label("Agree", exact=True).check()
    item[first].get_by_label("I saw this evidence: mark it independently verified").check()
    item[second].get_by_label("Challenge", exact=True).check()
    item[second].get_by_label("Comment (why you challenge it, or what you saw)").fill(
        "The audit sampled 5 referrals; <b>all</b> were late."
    )
    proposal = item[second].locator('[data-field="proposed"] option').nth(1 if item[second].locator(
        '[data-field="proposed"] option').first.inner_text() == "No proposed answer" else 0)  # fmt: skip
    proposed_label = proposal.inner_text()
    item[second].locator('[data-field="proposed"]').select_option(label=proposed_label)
    item[third].get_by_label("Challenge", exact=True).check()
    item[third].get_by_label("Comment (why you challenge it, or what you saw)").fill("No record of this was shown.")
    reviewer.fill("#sc-review-name", "Rita Peer")
    reviewer.fill("#sc-review-organisation", "Kent County Council")
    # markup in a comment is refused, in words, and nothing is downloaded
    reviewer.click('[data-sc="sign-review"]')
    refused = message(reviewer, '[data-sc="review-message"]', "The review was not signed")
    assert f"marks.{second}.comment holds markup ('<b>all</b> w')" in refused
    item[second].get_by_label("Comment (why you challenge it, or what you saw)").fill(
        "The audit sampled 5 referrals; all were late."
    )
    with reviewer.expect_download() as download:
        reviewer.click('[data-sc="sign-review"]')
    download.value.save_as(tmp_path / "review.json")
    done = message(reviewer, '[data-sc="review-message"]', "Signed and downloaded")
    assert "1 agreed, 2 challenged, 1 evidence verified" in done
    review = json.loads((tmp_path / "review.json").read_text(encoding="utf-8"))
    assert set(review) == {"format", "format_version", "assessment", "marks", "verified", "sign_off"}
    assert saved(reviewer) == own  # the reviewer's own assessment is as it was
    # the marks survive a reload (kept apart, in this browser)
    reviewer.reload()
    reviewer.locator(f'fieldset[data-question="{third}"]').wait_for(timeout=SLOW)
    assert reviewer.locator(f'fieldset[data-question="{third}"]').get_by_label("Challenge", exact=True).is_checked()
    check_context(reviewer_context)

    # --- the lead imports the review and decides ----------------------------------------------------------------
    lead.set_input_files("#sc-review-import", str(tmp_path / "review.json"))
    imported = message(lead, '[data-sc="peer-review-message"]', "Imported review.json")
    assert "Peer review by Rita Peer, Kent County Council: 1 answer agreed, 2 answers challenged" in imported
    summary = lead.locator('[data-sc="peer-review-summary"]')
    summary.filter(has_text="2 challenges still open").wait_for(timeout=SLOW)
    challenge = lead.locator(f'.sc-challenge[data-question="{second}"]')
    assert "The audit sampled 5 referrals; all were late." in challenge.inner_text()
    challenge.get_by_role("button", name=re.compile("^Accept")).click()
    message(lead, '[data-sc="peer-review-message"]', f"{second}: challenge accepted")
    summary.filter(has_text="1 challenge still open").wait_for(timeout=SLOW)
    after = saved(lead)
    assert after["provenance"][second]["by"] == "Rita Peer, Kent County Council (peer review)"
    assert after["answers"][second] != data["answers"][second]
    assert after["evidence"][first]["strength"] == "independently_verified"

    # --- the board report, printed, with the open challenge in its annex ----------------------------------------
    lead.goto(base_url + "report.html")
    lead.wait_for_selector('[data-sc="board"][data-ready="true"]', timeout=SLOW)
    printed = pdf_text(lead, tmp_path / "board.pdf")
    assert "Peer review by Rita Peer, Kent County Council" in printed
    assert "Peer review challenges" in printed
    assert f"{third}: Rita Peer, Kent County Council challenged the answer" in printed
    assert "No record of this was shown. Open: not yet accepted or rejected." in printed
    assert f"proposing \u201c{proposed_label}\u201d" in printed and "Accepted." in printed
    assert "Independently verified by Rita Peer, Kent County Council" in printed

    # --- then the other challenge is rejected, with the lead's reply ---------------------------------------------
    lead.goto(base_url + "results.html")
    lead.wait_for_selector('[data-sc="summary-table"]', timeout=SLOW)
    open_one = lead.locator(f'.sc-challenge[data-question="{third}"]')
    open_one.get_by_role("button", name="Reject with this reply").click()
    assert "write your reply first" in message(lead, '[data-sc="peer-review-message"]', "write your reply first")
    open_one.get_by_label(f"Your reply to the challenge on {third}").fill("The record was in the March minutes.")
    open_one.get_by_role("button", name="Reject with this reply").click()
    message(lead, '[data-sc="peer-review-message"]', f"{third}: challenge rejected, your reply kept")
    summary.filter(has_text="Every challenge decided (1 accepted, 1 rejected)").wait_for(timeout=SLOW)
    decided = lead.locator(f'li[data-question="{third}"]').inner_text()
    assert decided.endswith("Rejected; the lead's reply: The record was in the March minutes.")
    assert saved(lead)["review_marks"][third]["reply"] == "The record was in the March minutes."
    assert datetime.date.fromisoformat(review["sign_off"]["date"]) <= datetime.date.today()
    check_context(lead_context)
