"""The site in Welsh: every page has a Welsh twin marked lang="cy", axe-clean, honest about its draft status, and a
language switch that keeps the officer's page and answers and is remembered."""

from __future__ import annotations

import datetime
import functools
import html
import json
import re

from playwright.sync_api import expect

from .conftest import (
    ENGINE_TIMEOUT,
    check_context,
    new_context,
    new_page,
    start_assessment,
    wait_for_engine,
    wait_for_scores,
)
from .test_accessibility import violations


def test_every_page_has_a_welsh_twin_marked_cy(built_site):
    english = sorted(p.relative_to(built_site) for p in built_site.rglob("*.html") if "cy" not in p.parts)
    english = [p for p in english if p.name != "404.html"]
    missing, wrong = [], []
    for page in english:
        welsh = built_site / "cy" / page
        if not welsh.exists():
            missing.append(str(page))
        elif '<html lang="cy"' not in welsh.read_text(encoding="utf-8"):
            wrong.append(str(page))
    assert not missing and not wrong, f"no Welsh page: {missing}; not lang=cy: {wrong}"


def test_a_welsh_page_says_its_translation_is_not_yet_reviewed_in_both_languages(built_site):
    """Every Welsh string is a draft: each Welsh page says so, in Welsh and (marked lang=en) in English."""
    for name in ("index.html", "privacy.html", "themes/spoc.html"):
        text = html.unescape((built_site / "cy" / name).read_text(encoding="utf-8"))
        assert "Nid yw cyfieithiad y dudalen hon wedi'i adolygu eto." in text, name
        assert '<span lang="en">Welsh translation not yet reviewed.</span>' in text, name
        assert re.search(r'href="(\.\./)*contact\.html">Rhoi gwybod am gamgymeriad', text), name
    assert "translation-status" not in (built_site / "privacy.html").read_text(encoding="utf-8")


def test_the_english_not_found_page_stays_english(built_site):
    """MkDocs writes 404.html at the site's top on each language's build: the English one is kept (i18n_hooks.py)."""
    assert '<html lang="en"' in (built_site / "404.html").read_text(encoding="utf-8")


def test_welsh_pages_have_no_axe_violations(page, base_url):
    """A Welsh council's officer's pages in Welsh. (test_accessibility.py checks every page, the Welsh ones too, for a
    unitary authority; a Welsh council's theme page fails axe in English as well: SPC-20's sources summary and the
    next-theme button, reported to the lead.)"""
    start_assessment(page, base_url, council_type="wales_principal", name="Cyngor Caerdydd")
    found = {}
    pages = ("cy/index.html", "cy/results.html", "cy/check.html", "cy/how-scoring-works.html", "cy/legal-duties.html")
    for path in (*pages, "cy/privacy.html", "cy/browsers.html", "cy/guidance/spoc.html"):
        page.goto(base_url + path)
        if "results" in path:
            wait_for_engine(page)
        if problems := violations(page):
            found[path] = problems
    assert found == {}


def test_the_language_switch_keeps_the_page_and_the_answers_and_is_remembered(page, base_url):
    start_assessment(page, base_url, council_type="wales_principal", name="City of Cardiff Council")
    page.goto(base_url + "themes/spoc.html")
    first = page.locator("fieldset.sc-question:visible input").first
    first.check()
    answer = first.get_attribute("id")
    page.locator(".md-select a[hreflang='cy']").dispatch_event("click")
    page.wait_for_url("**/cy/themes/spoc.html")
    assert page.locator("html").get_attribute("lang") == "cy"
    assert page.locator(f"#{answer}").is_checked()  # the same answer, on the Welsh page
    assert "Eich sgôr ar gyfer y thema hon" in page.locator("article").inner_text()
    page.goto(base_url + "results.html")  # an English address: the remembered language's page instead
    page.wait_for_url("**/cy/results.html")
    page.locator(".md-select a[hreflang='en']").dispatch_event("click")
    page.wait_for_url(re.compile(r".*/(?<!cy/)results\.html$"))
    assert page.locator("html").get_attribute("lang") == "en"


def test_the_council_picker_lists_welsh_names_on_welsh_pages(built_site):
    welsh = (built_site / "cy" / "index.html").read_text(encoding="utf-8")
    english = (built_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<option value="CRF"[^>]*>Caerdydd \(City of Cardiff Council\)</option>', welsh)
    assert re.search(r'<option value="CRF"[^>]*>City of Cardiff Council</option>', english)


def test_the_picked_councils_region_is_in_the_pages_language(page, base_url):
    """The home page names the region of the council picked (the register's, in English) in the page's language."""
    page.goto(base_url + "cy/index.html")
    field = page.locator("input#sc-council-pick")
    field.fill("Kent County")
    page.locator(".autocomplete__option", has_text="Kent County Council").first.click()
    picked = page.locator('[data-sc="council-picked-text"]')
    expect(picked).to_contain_text("rhanbarth De-ddwyrain Lloegr")
    expect(picked).not_to_contain_text("South East")


def test_the_words_the_javascript_writes_are_welsh_on_a_welsh_page(page, base_url):
    """The banner every page shows once there are answers (js/saving.js) comes from the same catalogue as the page."""
    start_assessment(page, base_url, council_type="wales_principal", name="City of Cardiff Council")
    page.goto(base_url + "cy/themes/spoc.html")
    page.locator("fieldset.sc-question:visible input").first.check()
    expect(page.locator('[data-sc="saving"]')).to_contain_text("Heb ei allforio eto: mae eich atebion wedi'u cadw")
    expect(page.locator('[data-sc="export-copy"]')).to_have_text("Allforio copi")
    page.goto(base_url + "themes/spoc.html")  # the same answers on the English page: the English words
    expect(page.locator('[data-sc="saving"]')).to_contain_text("Not exported yet: your answers are saved")
    expect(page.locator('[data-sc="export-copy"]')).to_have_text("Export a copy")


def test_check_your_answers_is_welsh_on_a_welsh_page(page, base_url):
    """js/check.js writes its words, a plural among them, from the catalogue; the English page keeps its own."""
    start_assessment(page, base_url, council_type="wales_principal", name="City of Cardiff Council")
    page.goto(base_url + "cy/themes/spoc.html")
    page.locator("fieldset.sc-question:visible input").first.check()
    page.goto(base_url + "cy/check.html")
    page.wait_for_selector('[data-sc="check-answers"][data-ready]', timeout=120_000)
    expect(page.locator('[data-sc="sign-off"]')).to_have_text("Llofnodi asesiad anghyflawn")
    expect(page.locator('[data-sc="incomplete"]')).to_contain_text("cwestiwn wedi'u hateb eto")
    expect(page.locator('label[for="sc-signoff-role"]')).to_have_text("Eich rôl")
    page.goto(base_url + "check.html")
    page.wait_for_selector('[data-sc="check-answers"][data-ready]', timeout=120_000)
    expect(page.locator('[data-sc="sign-off"]')).to_have_text("Sign off an incomplete assessment")
    expect(page.locator('[data-sc="incomplete"]')).to_contain_text("questions are not answered yet")


def test_the_legal_duties_page_names_the_councils_nation_in_welsh(page, base_url):
    """js/nations.js shows a Welsh council only its own nation's duties, and says so in Welsh."""
    start_assessment(page, base_url, council_type="wales_principal", name="City of Cardiff Council")
    page.goto(base_url + "cy/legal-duties.html")
    status = page.locator('[data-sc="by-nation-status"]').first
    expect(status).to_contain_text("Dyletswyddau cenedl eich cyngor: Cymru.", timeout=120_000)  # the bank's Welsh name
    expect(page.locator('[data-sc="by-nation-toggle"]').first).to_have_text("Dangos pob cenedl")


# --- no English interface words on a Welsh officer's pages ------------------------------------------------------------

# The text a person sees or hears in the page's content and any open dialog, each text node and each label given as an
# attribute, leaving out what is marked lang="en" (the bank's text the build already marks) and code.
VISIBLE_TEXT = """
() => {
  const roots = [...document.querySelectorAll("article, dialog[open]")];
  const skip = '[lang="en"], script, style, template, code, [hidden], dialog:not([open])';
  const out = [];
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      if (text && !node.parentElement.closest(skip)) out.push(text);
    }
    for (const el of root.querySelectorAll("[aria-label], [title], [placeholder]")) {
      if (el.closest(skip)) continue;
      for (const name of ["aria-label", "title", "placeholder"]) if (el.getAttribute(name)) out.push(el.getAttribute(name));
    }
  }
  return out;
}
"""

WORD = re.compile(r"[^\W\d_]+")
# Read as code, not words: a command line, and a file's name.
CODE = re.compile(r"\bscorecard(?: [a-z][a-z-]*)+(?: --[a-z-]+(?: [A-Z]+)?)*|[\w.-]+\.(?:json|csv|txt)\b")
# Welsh words spelt as English ones ("Siart bar", "geiriadur data", "y person"), and the proper names the site cites.
LOANWORDS = {"bar", "data", "person"}
PROPER_NAMES = ("mySociety", "Creative Commons Attribution 4.0 International")


def _vocabularies() -> tuple[set[str], set[str]]:
    """The words only English uses and the words only Welsh uses, in the catalogue (the site's JavaScript, its pages
    and the engine's words alike): a word of an English message that no Welsh translation uses, and the other way
    round. A word a translation keeps from its own English (a file's field name, "answers: SPC-01: ...") is not
    Welsh for this, so it cannot hide the same English word elsewhere on a Welsh page."""
    from scorecard.i18n import read_catalogue

    messages = [
        m for m in read_catalogue("cy") if m.id and all(m.string if isinstance(m.string, tuple) else [m.string])
    ]

    def words(texts) -> set[str]:
        parts = [part for text in texts for part in ([text] if isinstance(text, str) else text)]
        return {w.lower() for part in parts for w in WORD.findall(re.sub(r"%\(\w+\)s|\{[^}]*\}", " ", part))}

    english = words(m.id for m in messages)
    welsh = set().union(*(words([m.string]) - words([m.id]) for m in messages)) | LOANWORDS
    return english - welsh, welsh - english


@functools.cache
def _welsh_bank_strings() -> tuple[str, ...]:
    """Every string of the Welsh bank that is a translation (it differs from the English bank's string in the same
    place: ids and English left in it are not): the bank's Welsh keeps some proper names in English ("Modern Slavery
    Victim Care Contract", "Home Office Immigration Enforcement"), which its own tests check, so the page's words are
    looked at once they are taken out."""
    from scorecard.sitegen.i18n_site import localised_banks
    from tests.helpers import ROOT, compile_bank

    english = compile_bank(ROOT / "questions")
    welsh = localised_banks(english, ROOT / "questions")["cy"].compiled
    found: set[str] = set()

    def walk(was, now) -> None:
        if isinstance(now, str):
            if now != was and len(now) > 1:
                found.add(now)
        elif isinstance(now, dict) and isinstance(was, dict):
            for key, value in now.items():
                walk(was.get(key), value)
        elif isinstance(now, list) and isinstance(was, list) and len(now) == len(was):
            for before, after in zip(was, now, strict=True):
                walk(before, after)

    walk(english, welsh)
    return tuple(found)


def english_left(page, also: tuple[str, ...] = ()) -> list[str]:
    """Text on the page, outside lang="en", that still has a word only the English interface uses (the site's words
    and the engine's alike), once the Welsh bank's strings and ``also`` (what the officer typed: names, notes, file
    names) are taken out."""
    texts = page.evaluate(VISIBLE_TEXT)
    known = sorted(
        {w for w in (*also, *PROPER_NAMES) if len(w) > 1} | set(_welsh_bank_strings()), key=len, reverse=True
    )
    # whole words only, the longest first: taking "Ie" out of "Gadael" would leave a fragment to be read as a word
    taken_out = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, known)) + r")(?!\w)")
    english_only, _ = _vocabularies()
    left = []
    for text in texts:
        rest = CODE.sub(" ", taken_out.sub(" ", text))
        if any(w.lower() in english_only for w in WORD.findall(rest) if not w.isupper()):  # acronyms: any language
            left.append(text)
    return left


def welsh_left(page) -> list[str]:
    """On an English page: text with a word only the Welsh interface uses."""
    _, welsh_only = _vocabularies()
    texts = page.evaluate(VISIBLE_TEXT)
    return [text for text in texts if any(w.lower() in welsh_only for w in WORD.findall(text))]


def _answer_some(page, base_url, prefix: str, themes: tuple[str, ...]) -> None:
    for theme in themes:
        page.goto(f"{base_url}{prefix}themes/{theme}.html")
        boxes = page.locator("fieldset.sc-question:visible")
        for i in range(3):
            boxes.nth(i).locator("input").first.check()
        wait_for_scores(page)


def test_a_welsh_officers_year_shows_no_english_interface_words(browser, base_url, built_site, tmp_path):
    """Results (with its action plan, working together, sign-off, targets and next year), import and merge, a peer
    review, the Compare page, the board report and the start of next year, all on Welsh pages: any text the site's own
    JavaScript or the engine writes in English is listed (only what the officer typed is left out: names, a note, file
    names), and axe checks each page as it is then."""
    context = new_context(browser, base_url)
    page = new_page(context)
    name = "Cyngor Caerdydd"
    start_assessment(page, base_url, council_type="wales_principal", name=name)
    _answer_some(page, base_url, "cy/", ("spoc", "procurement"))
    found: dict[str, list[str]] = {}

    axe: dict[str, list[str]] = {}

    def look(where: str, *also: str) -> None:
        if left := english_left(page, (name, *also)):
            found[where] = left
        # The pointer off the page: left where the import dialog's radio was, it hovers over a navigation link
        # once the dialog closes, and axe measures the link's hover colour.
        page.mouse.move(0, 0)
        if problems := violations(page):
            axe[where] = problems

    page.goto(base_url + "cy/results.html")
    page.wait_for_selector('[data-sc="actions-table"]', timeout=ENGINE_TIMEOUT)
    page.locator('[data-sc="plan"] summary').first.click()
    look("results")
    with page.expect_download() as download:
        page.click('[data-sc="export-json"]')
    mine = tmp_path / "mine.json"
    download.value.save_as(mine)
    look("results, exported", download.value.suggested_filename)

    # A colleague's copy (the exported file, with a note); an answer changed here since: import (replace, then merge),
    # and merge colleagues' files, each with a difference to show.
    data = json.loads(mine.read_text(encoding="utf-8"))
    data["notes"] = {sorted(data["answers"])[0]: "Nodyn gan gydweithiwr"}
    colleague = tmp_path / "cydweithiwr.json"
    colleague.write_text(json.dumps(data), encoding="utf-8")
    page.goto(base_url + "cy/themes/spoc.html")
    page.locator("fieldset.sc-question:visible").first.locator("input").nth(1).check()
    wait_for_scores(page)
    page.goto(base_url + "cy/results.html")
    page.wait_for_selector('[data-sc="actions-table"]', timeout=ENGINE_TIMEOUT)
    page.set_input_files("#sc-import", str(colleague))
    page.wait_for_selector('dialog[data-sc="import-dialog"][open] [data-sc="import-effect"]', timeout=ENGINE_TIMEOUT)
    look("import: replace", "cydweithiwr.json")
    page.check("#sc-import-merge")
    look("import: merge", "cydweithiwr.json")
    page.keyboard.press("Escape")
    page.set_input_files("#sc-merge-files", str(colleague))
    page.wait_for_selector('[data-sc="merge-apply"]', timeout=ENGINE_TIMEOUT)
    look("merge colleagues' files", "cydweithiwr.json")

    review = new_page(context)
    review.goto(base_url + "cy/review.html")
    wait_for_engine(review)
    review.set_input_files("#sc-review-file", str(mine))
    review.wait_for_selector("h2#reviewing", timeout=ENGINE_TIMEOUT)
    page, saved_page = review, page
    look("review", mine.name)
    page = saved_page
    review.close()

    page.goto(base_url + "cy/compare.html")
    page.click('[data-sc="compare-example"]')
    page.wait_for_selector('[data-sc="heatmap"]', timeout=ENGINE_TIMEOUT)
    examples = [json.loads(p.read_text(encoding="utf-8")) for p in (built_site / "assets" / "examples").glob("*.json")]
    look(
        "compare",
        *(e["council"]["name"] for e in examples if "council" in e),
        *(e["council"].get("region", "") for e in examples if "council" in e),
    )

    page.goto(base_url + "cy/report.html")
    page.wait_for_selector('[data-sc="board"][data-ready]', timeout=ENGINE_TIMEOUT)
    look("board report")

    # A year on (next year is refused on the day this year's was made): the saved assessment dated a year ago.
    year_ago = (datetime.date.today() - datetime.timedelta(days=365)).isoformat()
    page.evaluate(
        """(day) => { const key = "scorecard.assessment.v1"; const d = JSON.parse(localStorage.getItem(key));
        d.assessment_date = day; localStorage.setItem(key, JSON.stringify(d)); }""",
        year_ago,
    )
    page.goto(base_url + "cy/results.html")
    page.wait_for_selector('[data-sc="actions-table"]', timeout=ENGINE_TIMEOUT)
    with page.expect_download() as download:
        page.click('[data-sc="start-next-year"]')
    page.wait_for_selector('[data-sc="review-list"]', timeout=ENGINE_TIMEOUT)
    look("next year", download.value.suggested_filename)
    check_context(context)
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)
    assert axe == {}


def test_the_english_pages_keep_their_english(page, base_url):
    """The same pages in English: no word only the Welsh interface uses."""
    start_assessment(page, base_url, council_type="wales_principal", name="City of Cardiff Council")
    _answer_some(page, base_url, "", ("spoc",))
    found = {}
    for path, ready in (
        ("results.html", '[data-sc="actions-table"]'),
        ("report.html", '[data-sc="board"][data-ready]'),
    ):
        page.goto(base_url + path)
        page.wait_for_selector(ready, timeout=ENGINE_TIMEOUT)
        if left := welsh_left(page):
            found[path] = left
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)
    assert page.locator("h3", has_text="Top actions").count() == 1
