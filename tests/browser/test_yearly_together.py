"""The yearly cycle done together, as a council would, in three browsers (issue 15).

A lead assigns three themes to two colleagues and sends them the assessment; each answers their
themes in their own browser and exports them; the lead merges both files (choosing one
conflict), sets owners and due dates on the top actions, signs off and prints the board report
to PDF. Next year starts from it: answers carried over for review, and a change shows up as a
change since last year. The PDF's pages are turned into PNG images (kept in the test's folder).
"""

from __future__ import annotations

import datetime
import json
import re
import shutil
import subprocess

import pytest

from .conftest import check_context, give_council_by_hand, new_context, new_page, shown_question, wait_for_scores

STORAGE_KEY = "scorecard.assessment.v1"
SLOW = 180_000  # ms: each browser starts its own engine; a busy shared machine can take a minute
COUNCIL = "Example Testvale District Council"


def saved(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))


def go(page, base_url, path) -> None:
    """Follow a link within the site (Material's instant navigation keeps the engine running)."""
    url = base_url + path
    page.evaluate(
        "u => { const a = document.createElement('a'); a.href = u; document.body.append(a); a.click(); a.remove(); }",
        url,
    )
    page.wait_for_url(url, timeout=30_000)
    page.wait_for_load_state()


def results(page, base_url) -> None:
    go(page, base_url, "results.html")
    page.wait_for_selector('[data-sc="summary-table"]', timeout=SLOW)


def theme_page(page, base_url, theme) -> None:
    go(page, base_url, f"themes/{theme}.html")
    page.wait_for_selector("html[data-engine='ready']", state="attached", timeout=SLOW)
    page.wait_for_selector('[data-sc="live-score"] .sc-live__number', timeout=SLOW)


def answer(page, index: int, option: int) -> str:
    fieldset = shown_question(page, index, timeout=SLOW)
    fieldset.locator("input").nth(option).check()
    # The engine then decides which follow-ups show: the next press waits, or the questions could
    # move under it (a flake seen under load: the click landed on another question).
    wait_for_scores(page, SLOW)
    return fieldset.get_attribute("data-question")


def wait_saved(page, test, timeout=10_000) -> dict:
    """Wait until the saved assessment passes `test` (saving is immediate; scoring follows)."""
    for _ in range(timeout // 100):
        data = saved(page)
        if test(data):
            return data
        page.wait_for_timeout(100)
    raise AssertionError(f"not saved as expected: {json.dumps(data)[:400]}")


def set_my_name(page, base_url, name) -> None:
    """Asked up front, on the home page: each answer given from then on records who gave it."""
    go(page, base_url, "index.html")
    page.fill("#sc-my-name", name)


def export(page, button_selector, path) -> dict:
    with page.expect_download() as download:
        page.click(button_selector)
    download.value.save_as(path)
    return json.loads(path.read_text(encoding="utf-8"))


def contributor(browser, base_url, lead_file, name, work, folder):
    """A colleague: opens the lead's file in their own browser, answers their themes, exports them."""
    context = new_context(browser, base_url)
    page = new_page(context)
    page.goto(base_url + "results.html")
    page.set_input_files("#sc-import", str(lead_file))
    page.wait_for_function(
        "() => document.querySelector('[data-sc=\"message\"]').textContent.includes('Imported')", timeout=SLOW
    )
    set_my_name(page, base_url, name)
    answered = {}
    for theme, picks in work.items():
        theme_page(page, base_url, theme)
        for index, option in picks:
            qid = answer(page, index, option)
            answered[qid] = saved(page)["answers"][qid]
    results(page, base_url)
    page.select_option('[data-sc="export-who"]', name)
    exported = export(page, '[data-sc="export-themes"]', folder / f"{name.split()[0].lower()}.json")
    return context, answered, exported


def test_a_year_done_together_in_three_browsers(browser, base_url, tmp_path):
    if not shutil.which("pdftoppm"):
        pytest.fail("poppler-utils is not installed: run scripts/setup --browser")
    lead_context = new_context(browser, base_url)
    lead = new_page(lead_context)

    # --- the lead: the council, their name, who answers which theme, a first answer or two ---------
    lead.goto(base_url + "index.html")
    give_council_by_hand(lead)
    lead.select_option("#sc-council-type", "district")
    lead.fill("#sc-council-name", COUNCIL)
    set_my_name(lead, base_url, "Ann Lead")
    results(lead, base_url)
    for theme, who in (("procurement", "Priya Buyer"), ("licensing", "Priya Buyer"), ("housing", "Harry Holmes")):
        lead.fill(f"#sc-assign-{theme}", who)
    wait_saved(lead, lambda d: len(d.get("assignments", {})) == 3)
    theme_page(lead, base_url, "spoc")
    spoc = [answer(lead, i, 0) for i in range(3)]
    lead_spoc = {q: saved(lead)["answers"][q] for q in spoc}
    theme_page(lead, base_url, "procurement")
    contested = answer(lead, 0, 0)  # Priya will answer this one differently
    lead_answer = saved(lead)["answers"][contested]
    assert saved(lead)["provenance"][contested]["by"] == "Ann Lead"
    results(lead, base_url)
    lead_file = tmp_path / "lead.json"
    with lead.expect_download() as download:
        lead.click('[data-sc="export-json"]')
    download.value.save_as(lead_file)

    # --- two colleagues, each in their own browser ----------------------------------------------
    priya_context, priya_answers, priya_file = contributor(
        browser,
        base_url,
        lead_file,
        "Priya Buyer",
        {"procurement": [(0, 1), (1, 0), (2, 0)], "licensing": [(0, 0), (1, 1)]},
        tmp_path,
    )
    harry_context, harry_answers, harry_file = contributor(
        browser, base_url, lead_file, "Harry Holmes", {"housing": [(0, 0), (1, 0), (2, 1)]}, tmp_path
    )
    assert priya_answers[contested] != lead_answer
    procurement_or_licensing = {q for q in priya_file["answers"]}
    assert procurement_or_licensing == set(priya_answers)  # her file holds her themes only
    assert set(harry_file["answers"]) == set(harry_answers)
    assert {priya_file["provenance"][q]["by"] for q in priya_answers} == {"Priya Buyer"}

    # --- a colleague's file through the toolbar's import is recognised: merge is offered first ---
    lead.set_input_files("#sc-import", str(tmp_path / "harry.json"))
    dialog = lead.locator('[data-sc="import-dialog"]')
    dialog.wait_for(timeout=SLOW)
    assert lead.is_checked("#sc-import-merge") and not lead.is_checked("#sc-import-replace")
    assert "This is Harry Holmes's file" in dialog.locator('[data-sc="import-contributor"]').inner_text()
    dialog.locator('button[value="cancel"]').click()
    lead.locator('[data-sc="message"] [data-sc="done"]').wait_for()
    assert "harry.json was not imported" in lead.inner_text('[data-sc="message"]')

    # --- the lead merges both files; the one conflict starts on the assignee's answer ------------
    lead.set_input_files("#sc-merge-files", [str(tmp_path / "priya.json"), str(tmp_path / "harry.json")])
    conflict = lead.locator('[data-sc="merge-conflict"]')
    conflict.first.wait_for(timeout=SLOW)
    assert conflict.count() == 1
    offered = {
        f.get_attribute("data-file"): f.locator("label").all_inner_texts() for f in lead.locator("[data-file]").all()
    }
    assert offered == {
        "priya.json": ["Procurement and supply chains", "Licensing and regulatory services"],
        "harry.json": ["Housing and homelessness"],
    }  # each file's own themes only
    legend = conflict.locator("legend").inner_text()
    assert legend.startswith(f"{contested} answer") and "(assigned to Priya Buyer)" in legend
    labels = conflict.locator("label").all_inner_texts()
    assert any(label.startswith("Ann Lead:") and "this browser" in label for label in labels)
    assert any(label.startswith("Priya Buyer:") and "priya.json" in label for label in labels)
    assert conflict.locator('input[value="priya.json"]').is_checked()  # assigned to her: her answer to start with
    lead.click('[data-sc="merge-apply"]')
    merged = wait_saved(lead, lambda d: set(harry_answers) <= set(d["answers"]))
    assert merged["answers"][contested] == priya_answers[contested]
    assert {q: merged["answers"][q] for q in spoc} == lead_spoc  # the lead's own answers stay
    assert all(merged["answers"][q] == v for q, v in {**priya_answers, **harry_answers}.items())
    assert merged["provenance"][contested]["by"] == "Priya Buyer"
    assert lead.locator('[data-sc="merge-message"]').inner_text().startswith("Merged 2 files")
    assert lead.evaluate("document.activeElement.dataset.sc") == "done"  # the focus goes to what happened

    # --- owners and due dates on the top two actions; sign-off ----------------------------------
    results(lead, base_url)
    plans = lead.locator('[data-sc="plan"]')
    owners = [("Head of Procurement", "2027-03-31", "in_progress"), ("Licensing Manager", "2027-06-30", "not_started")]
    planned = []
    for i, (owner, due, status) in enumerate(owners):
        box = plans.nth(i)
        planned.append(box.get_attribute("data-question"))
        box.locator("summary").click()
        box.locator('[data-plan="owner"]').fill(owner)
        box.locator('[data-plan="due"]').fill(due)
        box.locator('[data-plan="status"]').select_option(status)
    plan = wait_saved(
        lead, lambda d: len(d.get("action_plan", {})) == 2 and d["action_plan"].get(planned[1], {}).get("due")
    )["action_plan"]
    assert plan[planned[0]] == {"status": "in_progress", "owner": "Head of Procurement", "due": "2027-03-31"}
    lead.click('[data-sc="check-answers-link"]')  # the way to sign-off: Check your answers
    lead.wait_for_selector('[data-sc="check-answers"][data-ready]', timeout=SLOW)
    assert lead.input_value("#sc-signoff-name") == "Ann Lead"
    lead.fill("#sc-signoff-role", "Modern slavery lead")
    lead.click('[data-sc="sign-off"]')
    sign_off = wait_saved(lead, lambda d: "sign_off" in d)["sign_off"]
    assert (sign_off["name"], sign_off["role"]) == ("Ann Lead", "Modern slavery lead")

    # --- the board report, printed to PDF ---------------------------------------------------------
    go(lead, base_url, "report.html")
    lead.wait_for_selector('[data-sc="board"][data-ready="true"]', timeout=SLOW)
    pdf = tmp_path / "board-report.pdf"
    lead.pdf(path=str(pdf), format="A4", prefer_css_page_size=True, print_background=True)
    pages = pdf_pages(pdf)
    first = " ".join(pages[0].split())
    assert f"{COUNCIL}" in first and "Signed off by Ann Lead, Modern slavery lead" in first
    assert "Head of Procurement" in first and "31 March 2027" in first and "Annex" not in first
    annex = " ".join(" ".join(pages[1:]).split())
    assert annex.startswith("Annex: every answer, note and piece of evidence")
    assert "Priya Buyer" in annex and "Harry Holmes" in annex and "Ann Lead" in annex  # who answered
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / "board-page")], check=True)
    assert len(list(tmp_path.glob("board-page-*.png"))) == len(pages)

    # --- next year starts from this one ---------------------------------------------------------
    # A year on: the saved assessment is dated a year ago (the site refuses to start next year on the day
    # this one was last changed, which would leave two years with the same date).
    year_ago = (datetime.date.today() - datetime.timedelta(days=365)).isoformat()
    lead.evaluate(
        """([key, day]) => { const d = JSON.parse(localStorage.getItem(key)); d.assessment_date = day;
        localStorage.setItem(key, JSON.stringify(d)); }""",
        [STORAGE_KEY, year_ago],
    )
    lead.reload()
    results(lead, base_url)
    with lead.expect_download() as download:
        lead.click('[data-sc="start-next-year"]')
    download.value.save_as(tmp_path / "last-year.json")
    this_year = wait_saved(lead, lambda d: "previous" in d)
    assert this_year["previous"]["answers"] == merged["answers"] and "sign_off" not in this_year
    assert set(this_year["review"]) == set(merged["answers"])
    assert set(this_year.get("action_plan", {})) == set(planned)  # not done: carried into this year
    lead.wait_for_selector('[data-sc="review-list"]', timeout=SLOW)
    review_before = len(this_year["review"])
    assert f"{review_before} answer(s) carried from last year to review" in lead.inner_text('[data-sc="review-list"]')
    # a changed answer and a confirmed one
    theme_page(lead, base_url, "housing")
    changed = answer(lead, 0, 1)
    theme_page(lead, base_url, "spoc")
    lead.locator(f'[data-sc="review"][data-question="{spoc[1]}"] [data-sc="confirm-review"]').click()
    wait_saved(lead, lambda d: spoc[1] not in d["review"])
    results(lead, base_url)
    lead.wait_for_selector('[data-sc="since"] [data-sc="since-table"]', timeout=SLOW)
    since = lead.inner_text('[data-sc="since"]')
    assert "Changes since last year" in since and "1 answer(s) changed since last year" in since
    lead.locator('[data-sc="since"] details summary').click()
    assert changed in lead.inner_text('[data-sc="since"] details')
    # the changed answer and the confirmed one no longer wait for review
    assert f"{review_before - 2} answer(s) carried from last year to review" in lead.inner_text(
        '[data-sc="review-list"]'
    )
    lead.locator('[data-sc="since"]').screenshot(path=str(tmp_path / "next-year-changes.png"))

    for context in (lead_context, priya_context, harry_context):
        check_context(context)


def pdf_pages(pdf) -> list[str]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    return [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, count + 1)
    ]
