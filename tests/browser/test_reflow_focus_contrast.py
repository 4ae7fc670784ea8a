"""WCAG 2.2 AA checks axe-core does not make: reflow at 320 CSS px (1.4.10) on every page, a
visible focus indicator on every control (2.4.7), text contrast in hover and focus states
(1.4.3), and the question being answered not hidden under the score panel on a phone (2.4.11).

Every page is visited with a full assessment saved (the yearly example: results, actions,
report annex), so the widest content is on screen.
"""

from __future__ import annotations

import random

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from scorecard.testing import yearly_example

from .conftest import SETTLED, render_every_question, wait_for_scores

STORAGE_KEY = "scorecard.assessment.v1"
SLOW = 180_000  # ms: on a busy shared machine Pyodide can take a minute to start
FILLED = '[data-sc="summary-table"], [data-sc="board"][data-ready="true"], [data-sc="live-score"] .sc-live__number'

# In the page: the contrast ratio of an element's text against the background behind it, once any
# colour transition has finished.
CONTRAST = """async el => {
  await Promise.all(el.getAnimations({subtree: false}).map((a) => a.finished.catch(() => null)));  // hover and focus transitions end
  const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return {r, g, b, a}; };
  const lum = ({r, g, b}) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  let node = el, bg = null;
  while (node && node.nodeType === 1) { const c = parse(getComputedStyle(node).backgroundColor); if (c && c.a > 0.5) { bg = c; break; } node = node.parentElement; }
  bg = bg || {r: 255, g: 255, b: 255};
  const fg = parse(getComputedStyle(el).color);
  const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
  return Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
}"""

# In the page: whether an element given the focus (or, for a visually hidden input, its label) shows a focus indicator.
FOCUS_SHOWN = """(el) => {
  if (!el || el === document.body || el === document) return {skip: true};
  const box = el.getBoundingClientRect();
  if (box.width <= 2 || box.height <= 2) {  // a visually hidden file input: its label is what is seen
    const label = el.id && document.querySelector(`label[for="${el.id}"]`);
    if (!label) return {shown: false, what: el.outerHTML.slice(0, 80)};
    el = label;
  }
  const s = getComputedStyle(el);
  const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
  return {shown: outline || s.boxShadow !== "none", what: el.outerHTML.slice(0, 80)};
}"""


@pytest.fixture(scope="module")
def example(real_bank_module):
    return yearly_example(real_bank_module, random.Random(11))


@pytest.fixture(scope="module")
def real_bank_module():
    from scorecard.engine import Bank
    from tests.helpers import ROOT, compile_bank

    return Bank.from_dict(compile_bank(ROOT / "questions"))


def save(page, base_url, data) -> None:
    page.goto(base_url + "index.html")
    page.evaluate("([key, d]) => localStorage.setItem(key, JSON.stringify(d))", [STORAGE_KEY, data])
    page.reload()  # the page's saved copy is read when a page loads


def pages(site):
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html") if p.name != "404.html")


def open_filled(page, url) -> None:
    """Open a page as a link on the site does (Material's instant navigation keeps the engine
    running, so each page scores at once) and wait for its scores, results or report."""
    if page.url.startswith(url.split("/")[0] + "//" + url.split("/")[2]) and "data-engine" in (
        page.evaluate("document.documentElement.outerHTML.slice(0, 300)") or ""
    ):
        # the page left is marked, so the wait below is for the new page's content: Material puts the new address in
        # the history a moment before it swaps the content in (seen: the results page's table still there)
        page.evaluate(
            "u => { document.querySelector('article').dataset.left = 'yes';"
            " const a = document.createElement('a'); a.href = u; document.body.append(a); a.click(); a.remove(); }",
            url,
        )
        page.wait_for_url(url, timeout=30_000)
        page.wait_for_selector("article:not([data-left])", state="attached", timeout=30_000)
        page.wait_for_load_state()
    else:
        page.goto(url)
    if page.locator('[data-sc="results-page"], [data-sc="board-page"], [data-sc="theme-page"]').count():
        page.wait_for_selector("html[data-engine='ready']", state="attached", timeout=SLOW)
        page.wait_for_selector(FILLED, timeout=SLOW)


def test_every_page_reflows_at_320_css_pixels(page, base_url, built_site, example):
    render_every_question(page)
    page.set_viewport_size({"width": 320, "height": 640})
    save(page, base_url, example)
    wide = {}
    for path in pages(built_site):
        open_filled(page, base_url + path)
        width = page.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
        if width > 320:
            culprits = page.evaluate("""() => [...document.querySelectorAll('body *')].filter(e => {
                const r = e.getBoundingClientRect(); return r.right > 321 && r.width > 0 && getComputedStyle(e).position !== 'fixed'; })
                .slice(0, 3).map(e => e.tagName + '.' + e.className)""")
            wide[path] = (width, culprits)
    assert wide == {}


def test_every_control_shows_where_the_focus_is(page, base_url, built_site, example):
    render_every_question(page)
    save(page, base_url, example)
    missing = {}
    for path in pages(built_site):
        open_filled(page, base_url + path)
        page.evaluate("document.activeElement && document.activeElement.blur()")
        seen = set()
        for _ in range(600):
            page.keyboard.press("Tab")
            state = page.evaluate(f"({FOCUS_SHOWN})(document.activeElement)")
            if state.get("skip"):
                continue
            if state["what"] in seen:
                break  # round the page once
            seen.add(state["what"])
            if not state["shown"]:
                missing.setdefault(path, []).append(state["what"])
        assert seen, path
    assert missing == {}


@pytest.mark.parametrize("path", ["results.html", "report.html", "compare.html", "themes/spoc.html"])
def test_buttons_keep_their_contrast_on_hover_and_focus(page, base_url, example, path):
    render_every_question(page)
    save(page, base_url, example)
    open_filled(page, base_url + path)
    buttons = page.locator("article button:visible, article .md-button:visible")
    counts = [-1]
    while counts[-1] != buttons.count():  # the engine's statuses show and hide follow-ups' buttons: wait until settled
        counts.append(buttons.count())
        page.wait_for_timeout(500)
    assert counts[-1] > 0
    low, checked = [], 0
    for button in buttons.element_handles():
        if not button.is_visible():
            continue  # hidden or re-drawn by the engine since it was listed (a flake on a slow machine)
        name = button.inner_text().strip()[:40]
        ratios = {"normal": button.evaluate(CONTRAST)}
        try:
            button.hover(timeout=10_000)
        except PlaywrightTimeout:
            if button.is_visible():
                raise
            continue  # hidden by the engine while it was being hovered (seen once in a full run on a slow machine)
        ratios["hover"] = button.evaluate(CONTRAST)
        page.mouse.move(0, 0)
        button.focus()
        ratios["focus"] = button.evaluate(CONTRAST)
        page.evaluate("document.activeElement.blur()")
        low += [f"{name} ({state}: {ratio}:1)" for state, ratio in ratios.items() if ratio < 4.5]
        checked += 1
    assert checked > 0, "every button was hidden before it could be checked"
    assert low == []


def test_the_start_again_dialog_buttons_keep_their_contrast(page, base_url, example):
    save(page, base_url, example)
    open_filled(page, base_url + "results.html")
    page.click('[data-sc="start-again"]')
    danger = page.locator("dialog .sc-danger")
    danger.focus()
    assert danger.evaluate(CONTRAST) >= 4.5
    danger.hover()
    assert danger.evaluate(CONTRAST) >= 4.5
    page.keyboard.press("Escape")


def test_on_a_phone_the_score_panel_does_not_hide_the_question_being_answered(page, base_url, example):
    page.set_viewport_size({"width": 390, "height": 844})
    save(page, base_url, example)
    open_filled(page, base_url + "themes/spoc.html")
    # the engine's latest score decides which follow-ups show: focus only once the questions stop moving
    wait_for_scores(page, SLOW)
    hidden = []
    questions = page.locator("fieldset.sc-question:visible")
    for i in range(min(questions.count(), 10)):
        first = questions.nth(i).locator("input").first
        first.focus()  # as Tab does: the browser scrolls the control into view
        first.evaluate(SETTLED)  # and the questions brought near are laid out, and scroll anchoring has moved the page
        # the question's heading comes into view with the control when both fit below the sticky parts (landing.js);
        # for a question whose hint is taller than that (SPC-08 at 390 px), the control shows, clear of them
        covered = questions.nth(i).evaluate("""f => {
            const legend = f.querySelector('legend').getBoundingClientRect();
            const control = f.querySelector('input').getBoundingClientRect();
            let sticky = document.querySelector('.md-header').getBoundingClientRect().bottom;
            for (const line of document.querySelectorAll('.sc-live-line')) {
                const style = getComputedStyle(line);
                if (style.position === 'sticky') sticky = Math.max(sticky, parseFloat(style.top) + line.offsetHeight);
            }
            if (control.bottom - legend.top > innerHeight - sticky - 8)
                return control.top >= sticky - 1 && control.bottom <= innerHeight ? '' : 'control hidden';
            if (legend.top < 0 || legend.bottom > innerHeight) return 'off screen';
            const x = legend.left + 8, y = legend.top + Math.min(legend.height / 2, 10);
            const top = document.elementFromPoint(x, y);
            return f.querySelector('legend').contains(top) ? '' : (top ? top.className || top.tagName : 'nothing');
        }""")
        if covered:
            hidden.append(f"{questions.nth(i).get_attribute('data-question')}: {covered}")
    assert hidden == []


def test_pressing_an_option_whose_question_starts_above_the_screen_chooses_it(page, base_url, example):
    """Focus moved by the keyboard brings the question's text into view; a press must not scroll.

    SPC-08's hint is long: with its first option near the top of a tall phone's screen, its legend
    is above it. A scroll as the press focuses the option would move it from under the finger, and
    the press would land elsewhere (seen: the option stayed unchosen).
    """
    page.set_viewport_size({"width": 390, "height": 1000})
    save(page, base_url, example)
    open_filled(page, base_url + "themes/spoc.html")
    question = page.locator('fieldset.sc-question[data-question="SPC-08"]')
    option = question.locator("input[name='SPC-08']:not(:checked)").first
    chosen = option.get_attribute("id")
    # scrolled as a finger would see it: the questions brought near are laid out (content-visibility) and the
    # browser's scroll anchoring moves the page to keep what was on screen; the press comes once that has settled
    for _ in range(3):
        option.evaluate("input => window.scrollBy(0, input.getBoundingClientRect().top - 300)")
        option.evaluate(SETTLED)
        if abs(option.evaluate("input => input.getBoundingClientRect().top") - 300) <= 2:
            break
    assert question.locator("legend").evaluate("l => l.getBoundingClientRect().top") < 0, (
        "the legend should start off screen"
    )
    box = option.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert page.locator(f"#{chosen}").is_checked()
