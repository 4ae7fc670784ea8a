"""Every byte kept through the yearly cycle, in the browser (issue 26, reliability review 2): two tabs and a file
from a fast clock, a merge with another council's file, Import -> Merge of a file carrying evidence and a plan,
next year started twice, a five-digit year in a date field, and Start again on a shared computer.
Run on the small test bank (tests/fixtures/mini).
"""

from __future__ import annotations

import datetime
import json

from .conftest import new_page, poll, saved, start_assessment, wait_for_engine
from .test_nothing_lost import checked, record, write_file

ENGINE = 120_000


def results_page(page, url) -> None:
    page.goto(url + "results.html")
    wait_for_engine(page)
    page.wait_for_selector('[data-sc="summary-table"]', timeout=ENGINE)


def import_file(page, path) -> None:
    page.set_input_files('[data-sc="import"]', str(path))
    page.wait_for_selector('[data-sc="import-dialog"][open]', timeout=ENGINE)


def test_two_tabs_keep_a_change_made_after_importing_a_file_from_a_fast_clock(contexts, mini_url, tmp_path):
    """F4: a file whose ALP-01 was changed "20 hours from now" (a colleague's clock) was sticky: with two tabs
    open, the officer's later click was undone, and stayed undone until the clock caught up."""
    context = contexts(mini_url)
    a, b = new_page(context), new_page(context)
    ahead = (datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=20)).isoformat().replace("+00:00", "Z")
    fast = record({"ALP-01": "no"}, provenance={"ALP-01": {"at": ahead, "by": "Colleague"}})
    start_assessment(a, mini_url, council_type="unitary", name="Example Stored Council")
    results_page(a, mini_url)
    import_file(a, write_file(tmp_path, "fast-clock.json", fast))
    a.click('[data-sc="import-confirm"]')  # replace what this browser holds
    a.wait_for_selector('[data-sc="message"] >> text=Imported fast-clock.json', timeout=ENGINE)
    kept = saved(a)["provenance"]["ALP-01"]
    assert kept["by"] == "Colleague" and kept["at"] < ahead  # taken as now when the engine read the file

    a.goto(mini_url + "themes/alpha.html")
    b.goto(mini_url + "themes/alpha.html")
    checked(b, "#ALP-01-no")
    a.check("#ALP-01-yes")
    checked(b, "#ALP-01-yes")  # the other tab follows the click
    b.check("#ALP-02-some")  # and its own next save keeps it
    checked(a, "#ALP-01-yes")
    assert saved(a)["answers"] == {"ALP-01": "yes", "ALP-02": "some"}


def test_a_merge_with_another_councils_file_takes_nothing_until_the_lead_says_so(mini_page, mini_url, tmp_path):
    """F6: Tunbridge Wells' file merged into Kent's like a colleague's: with the defaults, its answers filled the
    lead's blanks, and nothing said it was another council's."""
    page = mini_page
    start_assessment(page, mini_url, council_type="unitary", name="Example Lead Council")
    page.goto(mini_url + "themes/alpha.html")
    page.check("#ALP-01-yes")
    other = record(
        {"ALP-01": "no", "ALP-02": "all", "BET-01": "yes"},
        council={"name": "Example Neighbouring Council", "type": "unitary", "code": "ENC"},
    )
    results_page(page, mini_url)
    page.set_input_files("#sc-merge-files", str(write_file(tmp_path, "neighbour.json", other)))
    refusal = page.wait_for_selector('[data-sc="merge-message"] [data-sc="error-summary"]', timeout=ENGINE).inner_text()
    assert "neighbour.json is the assessment of Example Neighbouring Council" in refusal
    assert "not of Example Lead Council" in refusal and "Nothing has changed" in refusal
    assert page.locator('[data-sc="merge-apply"]').count() == 0
    assert saved(page)["answers"] == {"ALP-01": "yes"}

    page.click('[data-sc="merge-other-council"] input')  # the lead says to merge it all the same: checked again
    page.wait_for_selector('[data-sc="merge-apply"]', timeout=ENGINE)
    page.click('[data-sc="merge-apply"]')
    page.wait_for_selector('[data-sc="merge-message"] >> text=Merged 1 file', timeout=ENGINE)
    merged = saved(page)
    assert merged["answers"] == {"ALP-01": "yes", "ALP-02": "all", "BET-01": "yes"}  # "This browser" kept ALP-01
    assert merged["council"]["name"] == "Example Lead Council"


def test_import_then_merge_takes_the_files_evidence_plan_assignments_and_sign_off(mini_page, mini_url, tmp_path):
    """F8: Import -> Merge dropped the file's evidence, action plan, assignments and sign-off without a word (and,
    once targets came, its target tiers)."""
    page = mini_page
    start_assessment(page, mini_url, council_type="unitary", name="Example Here Council")
    page.goto(mini_url + "themes/alpha.html")
    page.check("#ALP-01-yes")
    theirs = record(
        {"ALP-01": "yes", "ALP-02": "some"},
        council={"name": "Example Here Council", "type": "unitary"},
        evidence={"ALP-02": {"reference": "Training log", "date": "2026-05-20"}},
        action_plan={"ALP-01": {"owner": "Head of Legal", "due": "2027-03-31", "status": "in_progress"}},
        assignments={"beta": "Priya Buyer"},
        targets={"alpha": "mature"},
        sign_off={"name": "Ann Lead", "role": "Modern slavery lead", "date": "2026-10-30"},
        previous={"assessment_date": "2025-10-01", "answers": {"ALP-01": "no"}},
    )
    results_page(page, mini_url)
    import_file(page, write_file(tmp_path, "colleague.json", theirs))
    page.check("#sc-import-merge")
    effect = page.wait_for_selector('[data-sc="import-effect"]').inner_text()
    assert (
        "evidence, actions, who answers which theme, target tiers and the sign-off only in the file are added" in effect
    )
    assert "(5 entries besides answers and notes)" in effect
    assert "is not merged" in page.inner_text('[data-sc="import-last-year"]')
    page.click('[data-sc="import-confirm"]')
    page.wait_for_selector('[data-sc="message"] >> text=Merged colleague.json', timeout=ENGINE)
    merged = saved(page)
    for part in ("evidence", "action_plan", "assignments", "targets", "sign_off"):
        assert merged[part] == theirs[part], part
    assert "previous" not in merged
    assert merged["answers"] == {"ALP-01": "yes", "ALP-02": "some"}


def test_next_year_twice_is_refused_and_can_be_asked_for(mini_page, mini_url):
    """F9: a second "Start this year's assessment" replaced last year's record with this morning's copy."""
    page = mini_page
    start_assessment(page, mini_url, council_type="unitary", name="Example Yearly Council")
    page.goto(mini_url + "themes/alpha.html")
    page.check("#ALP-01-yes")
    page.evaluate(  # last year's assessment, made a year ago
        """key => { const d = JSON.parse(localStorage.getItem(key)); d.assessment_date = "2025-06-01";
                   localStorage.setItem(key, JSON.stringify(d)); }""",
        "scorecard.assessment.v1",
    )
    results_page(page, mini_url)
    with page.expect_download():
        page.click('[data-sc="start-next-year"]')
    page.wait_for_selector('[data-sc="next-year-message"] >> text=This year\'s assessment has started', timeout=ENGINE)
    first = saved(page)
    assert first["previous"]["assessment_date"] == "2025-06-01"
    page.click('[data-sc="start-next-year"]')
    refusal = page.wait_for_selector(
        '[data-sc="next-year-message"] [data-sc="error-summary"]', timeout=ENGINE
    ).inner_text()
    assert "was not started" in refusal and "it is this year's assessment already" in refusal
    assert saved(page)["previous"] == first["previous"]  # last year's record is still last year's
    assert page.locator('[data-sc="start-next-year-again"]').count() == 1


def test_a_five_digit_year_in_an_evidence_date_sets_that_entry_aside_and_the_rest_scores(mini_page, mini_url):
    """F11: Chromium's date field keeps 20266-01-05; the whole assessment then could not be scored."""
    page = mini_page
    start_assessment(page, mini_url, council_type="unitary", name="Example Typo Council")
    page.goto(mini_url + "themes/alpha.html")
    page.check("#ALP-01-yes")
    page.evaluate(
        """key => { const d = JSON.parse(localStorage.getItem(key));
                   d.evidence = { "ALP-01": { reference: "Policy", date: "20266-01-05" } };
                   localStorage.setItem(key, JSON.stringify(d)); }""",
        "scorecard.assessment.v1",
    )
    results_page(page, mini_url)
    notice = page.wait_for_selector('[data-sc="entries-set-aside"]', timeout=ENGINE).inner_text()
    assert "The evidence for ALP-01 is set aside" in notice and "date must be a date written YYYY-MM-DD" in notice
    assert page.locator('[data-sc="summary-table"]').count() == 1


def test_start_again_leaves_nothing_of_the_officer_on_a_shared_computer(mini_page, mini_url):
    """F14: "Start again" kept the officer's name (recorded with the next officer's answers) and kept-aside copies."""
    page = mini_page
    start_assessment(page, mini_url, council_type="unitary", name="Example Kent Council")
    results_page(page, mini_url)
    page.fill('[data-sc="my-name"]', "Alice Aardvark (Kent)")
    page.locator('[data-sc="my-name"]').blur()
    poll(page, "() => localStorage.getItem('scorecard.me.v1')")
    page.evaluate("() => localStorage.setItem('scorecard.unreadable.2026-05-01T09:00:00.000Z', '{\"text\": \"{\"}')")
    page.click('[data-sc="start-again"]')
    page.click('dialog[open] button[value="confirm"]')
    page.wait_for_selector('[data-sc="start-again-message"] >> text=Deleted from this browser')
    told = page.inner_text('[data-sc="start-again-message"]')
    assert "your name" in told and "1 copy of saved data that could not be read" in told
    left = page.evaluate("() => Object.keys(localStorage).filter(k => k !== 'scorecard.assessment.v1')")
    assert not [k for k in left if k.startswith(("scorecard.me", "scorecard.unreadable", "scorecard.undo"))]
    start_assessment(page, mini_url, council_type="unitary", name="Example Tunbridge Council")
    page.goto(mini_url + "themes/alpha.html")
    page.check("#ALP-01-yes")
    assert "by" not in saved(page)["provenance"]["ALP-01"]
    assert json.dumps(saved(page)).count("Alice") == 0
