"""Nothing an officer types is lost (issue 13, browser side): two tabs, saved data filled or
corrupted by script, answers the bank does not know, importing over saved answers, and files
with the same name on the Compare page. Run on the small test bank (tests/fixtures/mini).
"""

from __future__ import annotations

import json

from .conftest import STORAGE_KEY, new_page, poll, saved, start_assessment, wait_for_engine

ASIDE = "scorecard.unreadable."


def record(answers: dict, notes: dict | None = None, **extra) -> dict:
    data = {
        "format": "scorecard-assessment",
        "format_version": 1,
        "council": {"name": "Example Stored Council", "type": "unitary"},
        "assessment_date": "2026-11-01",
        "bank_version": "2000.1",
        "answers": answers,
        "notes": notes or {},
    }
    data.update(extra)
    return data


def store(page, url: str, text: str) -> None:
    """Put text in the site's saved-assessment slot, as a hand edit or a cut-short write would."""
    page.goto(url + "privacy.html")
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [STORAGE_KEY, text])


def checked(page, selector: str, state: bool = True) -> None:
    page.wait_for_function(
        "([s, state]) => document.querySelector(s)?.checked === state", arg=[selector, state], timeout=10_000
    )


def add_note(page, qid: str, text: str) -> None:
    details = page.locator(f"#q-{qid} details.sc-note")
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    page.fill(f"#note-{qid}", text)


def test_two_tabs_keep_each_others_answers_notes_and_council_details(contexts, mini_url):
    context = contexts(mini_url)
    a, b = new_page(context), new_page(context)
    start_assessment(a, mini_url, council_type="unitary", name="Example Two Tab Council")
    a.goto(mini_url + "themes/alpha.html")
    b.goto(mini_url + "themes/alpha.html")  # both pages hold the assessment as it was

    a.check("#ALP-01-yes")
    b.check("#ALP-02-some")
    add_note(b, "ALP-02", "From the training log.")
    a.goto(mini_url + "index.html")
    a.fill("#sc-council-region", "Example Region")
    b.check("#ALP-04-no")
    data = saved(b)
    assert data["answers"] == {"ALP-01": "yes", "ALP-02": "some", "ALP-04": "no"}
    assert data["notes"] == {"ALP-02": "From the training log."}
    assert data["council"] == {"name": "Example Two Tab Council", "type": "unitary", "region": "Example Region"}
    assert {"ALP-01", "ALP-02", "ALP-04", "notes.ALP-02", "council.name", "council.type", "council.region"} <= set(
        data["provenance"]
    )
    checked(b, "#ALP-01-yes")  # the other tab's answer appears without a reload

    # Clearing an answer in one tab is not undone by the other tab's next write
    b.click('[data-sc="clear"][data-question="ALP-01"]')
    a.goto(mini_url + "themes/beta.html")
    a.check("#BET-01-yes")
    data = saved(a)
    assert "ALP-01" not in data["answers"] and data["answers"]["BET-01"] == "yes"
    assert data["provenance"]["ALP-01"]["at"] > data["provenance"]["ALP-02"]["at"]  # when it was cleared


def test_start_again_in_one_tab_is_not_undone_by_another(contexts, mini_url):
    context = contexts(mini_url)
    a, b = new_page(context), new_page(context)
    start_assessment(a, mini_url, council_type="unitary")
    a.goto(mini_url + "themes/alpha.html")
    a.check("#ALP-01-yes")
    add_note(a, "ALP-01", "A note the officer means to delete.")
    b.goto(mini_url + "themes/alpha.html")
    checked(b, "#ALP-01-yes")

    a.goto(mini_url + "results.html")
    wait_for_engine(a)
    a.click('[data-sc="start-again"]')
    a.click('dialog[open] button[value="confirm"]')
    checked(b, "#ALP-01-yes", False)  # the other tab follows
    assert b.input_value("#note-ALP-01") == ""
    b.check("#ALP-02-none")  # a click after the fresh start is kept; nothing from before comes back
    data = saved(b)
    assert data["answers"] == {"ALP-02": "none"} and data["notes"] == {}


def test_a_tab_given_answers_from_a_newer_version_says_so_and_moves_nothing(mini_page, mini_url):
    page = mini_page
    newer = record({"ALP-01": "yes", "ALP-99": "yes"}, bank_version="2000.9")
    store(mini_page, mini_url, json.dumps(newer))
    page.goto(mini_url + "themes/alpha.html")
    page.wait_for_selector('[data-sc="newer-version"]')
    wait_for_engine(page)
    page.wait_for_selector('[data-sc="theme-score"]')
    page.check("#ALP-02-some")
    data = saved(page)
    assert data["answers"] == {"ALP-01": "yes", "ALP-99": "yes", "ALP-02": "some"}  # its new question is not set aside
    assert data["bank_version"] == "2000.9"


def unreadable_copies(page) -> list[dict]:
    return page.evaluate(
        f"Object.keys(localStorage).filter(k => k.startsWith('{ASIDE}')).sort().map(k => JSON.parse(localStorage.getItem(k)))"
    )


def test_unreadable_saved_data_is_kept_aside_and_can_be_downloaded(mini_page, mini_url):
    page = mini_page
    for text, problem in [
        ('{"format": "scorecard-assessment", "format_version": 1, "answers": {"ALP-01": "ye', "not valid JSON"),
        (json.dumps(record({"ALP-01": {"chosen": "yes"}})), "its answers are not in the form"),
    ]:
        store(mini_page, mini_url, text)
        page.goto(mini_url + "themes/alpha.html")
        notice = page.wait_for_selector('[data-sc="unreadable-notice"]')
        assert problem in notice.inner_text()
        (copy,) = unreadable_copies(page)
        assert copy["text"] == text and problem in copy["problem"]

        # The officer carries on: new answers are saved, the kept copy is untouched
        page.select_option('[data-sc="council-type"]', "district")
        page.check("#ALP-01-no")
        assert saved(page)["answers"] == {"ALP-01": "no"}
        page.reload()
        assert [c["text"] for c in unreadable_copies(page)] == [text]
        with page.expect_download() as download:
            page.click('[data-sc="download-unreadable"]')
        assert open(download.value.path(), encoding="utf-8").read() == text

        page.once("dialog", lambda dialog: dialog.accept())
        page.click('[data-sc="discard-unreadable"]')
        page.wait_for_selector('[data-sc="unreadable-notice"]', state="detached")
        assert unreadable_copies(page) == []


def test_answers_the_bank_does_not_know_are_set_aside_reported_exported_and_removable(mini_page, mini_url, tmp_path):
    page = mini_page
    store(
        mini_page,
        mini_url,
        json.dumps(
            record({"ALP-01": "yes", "ALP-02": "most", "ALP-77": "no"}, notes={"ALP-77": "Asked in a newer bank."})
        ),
    )
    page.goto(mini_url + "results.html")
    wait_for_engine(page)
    page.wait_for_selector('[data-sc="summary-table"]')  # the rest is scored
    notice = page.wait_for_selector('[data-sc="set-aside"]')
    text = notice.inner_text()
    assert "Your answer to ALP-02 (most) is not one of its options" in text and "Answer ALP-02 again" in text
    assert "ALP-77 (no) is not a question in question bank 2000.1" in text
    poll(page, f"JSON.parse(localStorage.getItem('{STORAGE_KEY}')).retired_answers?.['ALP-77'] === 'no'")

    with page.expect_download() as download:
        page.click('[data-sc="export-json"]')
    exported = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert exported["retired_answers"] == {"ALP-02": "most", "ALP-77": "no"}
    assert exported["notes"] == {"ALP-77": "Asked in a newer bank."} and exported["answers"] == {"ALP-01": "yes"}

    page.click('[data-sc="discard-set-aside"][data-question="ALP-77"]')
    page.wait_for_selector('[data-sc="set-aside"] li[data-question="ALP-77"]', state="detached")
    data = saved(page)
    assert data["retired_answers"] == {"ALP-02": "most"} and data["notes"] == {}

    # Answering the question again: the new answer counts, the old one stays reported until removed
    page.click('[data-sc="set-aside"] a[href$="#q-ALP-02"]')
    page.wait_for_selector('[data-sc="theme-form"][data-theme="alpha"]')
    page.check("#ALP-02-all")
    assert saved(page)["answers"]["ALP-02"] == "all"


def test_many_set_aside_answers_are_listed_in_part_and_removed_at_once(mini_page, mini_url):
    """Issue 26, F16: 150 answers a newer bank gave. The page lists a hundred; one button, once confirmed, removes
    every one of them and their notes, and keeps the answers the bank knows."""
    page = mini_page
    unknown = {f"ALP-{n}": "no" for n in range(100, 250)}
    store(page, mini_url, json.dumps(record({"ALP-01": "yes", **unknown}, notes={"ALP-200": "From a newer bank."})))
    page.goto(mini_url + "results.html")
    wait_for_engine(page)
    notice = page.wait_for_selector('[data-sc="set-aside"]')
    assert len(notice.query_selector_all("li[data-question]")) == 100
    button = page.locator('[data-sc="discard-all-set-aside"]')
    assert button.is_visible() and button.inner_text() == "Remove all 150 set-aside answers"
    page.once("dialog", lambda dialog: dialog.dismiss())
    button.click()
    assert len(saved(page).get("retired_answers", {})) == 150  # not confirmed: nothing removed
    page.once("dialog", lambda dialog: dialog.accept())
    button.click()
    page.wait_for_selector('[data-sc="set-aside"]', state="detached")
    data = saved(page)
    assert data["answers"] == {"ALP-01": "yes"} and data["notes"] == {} and not data.get("retired_answers")


def write_file(tmp_path, name: str, data: dict):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_import_replaces_with_undo_or_merges_after_asking(mini_page, mini_url, tmp_path):
    page = mini_page
    start_assessment(mini_page, mini_url, council_type="unitary", name="Example Here Council")
    page.goto(mini_url + "themes/alpha.html")
    page.check("#ALP-01-yes")
    page.check("#ALP-02-some")
    add_note(page, "ALP-01", "Ours.")
    ours = saved(page)
    theirs = record(
        {"ALP-01": "no", "ALP-04": "yes"},
        notes={"ALP-04": "Theirs."},
        council={"name": "Example File Council", "type": "unitary"},
        provenance={"ALP-04": {"at": "2026-10-01T09:00:00.000Z", "by": "B. Colleague"}},
    )
    path = write_file(tmp_path, "colleague.json", theirs)
    page.goto(mini_url + "results.html")
    wait_for_engine(page)
    page.wait_for_selector('[data-sc="summary-table"]')

    # Cancelling changes nothing
    page.set_input_files('[data-sc="import"]', str(path))
    dialog = page.wait_for_selector('[data-sc="import-dialog"][open]')
    assert "This browser holds 2 answers and 1 note for Example Here Council" in dialog.inner_text()
    page.click('[data-sc="import-dialog"] button[value="cancel"]')
    assert saved(page) == ours

    # Replace: told what will change, then undone. Merge is offered first, as replacing would drop ALP-02 (F10).
    page.set_input_files('[data-sc="import"]', str(path))
    page.wait_for_selector('[data-sc="import-dialog"][open] [data-sc="import-effect"]')
    assert page.is_checked("#sc-import-merge")
    page.check("#sc-import-replace")
    effect = page.wait_for_selector(
        '[data-sc="import-dialog"][open] [data-sc="import-effect"] >> text=Replacing'
    ).inner_text()
    assert effect.startswith(
        "Replacing: 2 answers saved here will change or go (1 answered differently in the file, 1 not answered in it), 1 answer will be added"
    )
    page.click('[data-sc="import-confirm"]')
    page.wait_for_selector('[data-sc="undo-import"]')
    assert saved(page)["answers"] == {"ALP-01": "no", "ALP-04": "yes"}
    assert saved(page)["council"]["name"] == "Example File Council"
    page.click('[data-sc="undo-import"]')
    page.wait_for_selector('[data-sc="message"] >> text=Import undone')
    back = saved(page)
    assert (back["answers"], back["notes"], back["council"]) == (ours["answers"], ours["notes"], ours["council"])

    # Merge: the conflicting answer is listed and the officer chooses; the rest combines
    page.set_input_files('[data-sc="import"]', str(path))
    page.wait_for_selector('[data-sc="import-dialog"][open]')
    page.check("#sc-import-merge")
    effect = page.wait_for_selector('[data-sc="import-effect"]').inner_text()
    assert effect.startswith(
        "Merging: 1 answer added from the file, 1 kept that only this browser has, 0 the same in both, and 1 answer that differ"
    )
    conflicts = page.eval_on_selector_all(
        '[data-sc="conflict"]', "els => els.map(e => e.dataset.group + ':' + e.dataset.key)"
    )
    assert conflicts == ["answer:ALP-01", "council:name"]
    page.check('[data-sc="conflict"][data-key="ALP-01"] input[value="file"]')
    # the file names another council (issue 26, F6): merged only once the officer says so
    assert "Example File Council" in page.inner_text('[data-sc="import-other-council"]')
    page.check("#sc-import-other-council")
    page.click('[data-sc="import-confirm"]')
    page.wait_for_selector('[data-sc="message"] >> text=Merged colleague.json')
    merged = saved(page)
    assert merged["answers"] == {"ALP-01": "no", "ALP-02": "some", "ALP-04": "yes"}
    assert merged["notes"] == {"ALP-01": "Ours.", "ALP-04": "Theirs."}
    assert merged["council"]["name"] == "Example Here Council"
    assert merged["provenance"]["ALP-04"] == {"at": "2026-10-01T09:00:00.000Z", "by": "B. Colleague"}


def test_compare_filters_by_council_not_by_file_name(mini_page, mini_url, tmp_path):
    page = mini_page
    north = write_file(
        tmp_path / "north",
        "assessment.json",
        record({"ALP-01": "yes"}, council={"name": "Example North Council", "type": "unitary", "region": "North"}),
    )
    south = write_file(
        tmp_path / "south",
        "assessment.json",
        record({"ALP-01": "no"}, council={"name": "Example South Council", "type": "unitary", "region": "South"}),
    )
    page.goto(mini_url + "compare.html")
    wait_for_engine(page)
    page.set_input_files('[data-sc="compare-files"]', [str(north), str(south)])
    page.wait_for_selector('[data-sc="heatmap"]')
    assert page.eval_on_selector_all('[data-sc="heatmap"] tbody tr', "els => els.map(e => e.dataset.council)") == [
        "Example North Council",
        "Example South Council",
    ]
    page.select_option('[data-sc="filter-region"]', "North")
    page.wait_for_function("document.querySelectorAll('[data-sc=\"heatmap\"] tbody tr').length === 1")
    assert page.eval_on_selector_all('[data-sc="heatmap"] tbody tr', "els => els.map(e => e.dataset.council)") == [
        "Example North Council"
    ]


FILL_STORAGE = """() => {
    // Fill this site's storage to the last character, as years of other data might.
    let size = 1 << 20, i = 0;
    while (size >= 1) {
        try { localStorage.setItem('filler-' + i++, 'x'.repeat(size)); } catch (e) { size = Math.floor(size / 2); }
    }
}"""


def test_full_storage_is_said_and_unreadable_data_is_never_written_over(mini_page, mini_url):
    page = mini_page
    corrupt = '{"format": "scorecard-assessment", "answers": {"ALP-01": "yes", "ALP-02": "so'
    store(page, mini_url, corrupt)
    page.evaluate(FILL_STORAGE)
    page.goto(mini_url + "themes/alpha.html")
    page.wait_for_selector('[data-sc="unreadable-notice"]')  # no room to keep a copy: offered to download
    page.select_option('[data-sc="council-type"]', "unitary")
    page.check("#ALP-01-no")
    assert "New answers are not being saved" in page.locator(".sc-save-error").inner_text()
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") == corrupt  # never written over
    with page.expect_download() as download:
        page.click('[data-sc="download-unreadable"]')
    assert open(download.value.path(), encoding="utf-8").read() == corrupt
    assert page.is_checked("#ALP-01-no")  # what the officer chose stays on the page


def test_an_answer_that_cannot_be_saved_is_said_at_once(mini_page, mini_url):
    page = mini_page
    start_assessment(page, mini_url, council_type="unitary")
    page.goto(mini_url + "themes/alpha.html")
    page.evaluate(FILL_STORAGE)
    page.locator("#q-ALP-01 details.sc-note summary").click()
    page.fill("#note-ALP-01", "A note longer than the room left. " * 20)
    page.wait_for_selector(".sc-save-error")
    assert "could not be saved in this browser" in page.locator(".sc-save-error").inner_text()
