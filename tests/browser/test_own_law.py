"""Only the council's own law is on screen and read out (issue 25, findings F01 and F02).

For a real council of each nation, every question shown on every theme page with a variant is read as the officer
sees it (computed visibility, not the `hidden` attribute): its wording, its help and its "Legal duty" label are its
own nation's, as the engine applies them (bank.json: a variant's gate, or none, replaces the base one). And nothing
on any page that carries `hidden` is drawn.
"""

from __future__ import annotations

import json

import pytest

from .conftest import ENGINE_TIMEOUT, poll
from .test_council_picker import bank, follow, pick

COUNCILS = {  # a council of each nation, from the register, of a type that runs the functions with variants
    "england": ("Medw", "Medway Council"),
    "wales": ("Cardiff", "City of Cardiff Council"),
    "scotland": ("Glasgow", "Glasgow City Council"),
    "northern_ireland": ("Belfast", "Belfast City Council"),
}

SCORES_NOW = "async () => (await import(new URL('/assets/js/scores.js', location.href).href)).latestScores().result"

# What each shown question looks like: the text drawn in its legend and help, and every "Legal duty" label drawn (an
# essential control's label, the same colour, is no law's and the same in every nation).
SHOWN = """() => [...document.querySelectorAll("fieldset.sc-question")].filter((f) => f.checkVisibility()).map((f) => ({
  id: f.dataset.question,
  legend: [...f.querySelectorAll("legend [data-wording]")].filter((e) => e.checkVisibility()).map((e) => e.textContent),
  help: [...f.querySelectorAll(".sc-help [data-wording]")].filter((e) => e.checkVisibility()).map((e) => e.textContent),
  duties: [...f.querySelectorAll(".sc-badge--gate:not([data-sc=essential])")].filter((e) => e.checkVisibility()).map((e) => e.textContent.trim()),
}))"""

# Elements that carry `hidden` yet are drawn (a stylesheet's display overriding it; Material's "Back to top" button
# keeps its box while hidden, but is transparent and not visible).
DRAWN_THOUGH_HIDDEN = """() => [...document.querySelectorAll("[hidden]")]
  .filter((e) => e.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
  .map((e) => e.outerHTML.slice(0, 160))"""


def own(question: dict, nation: str, part: str):
    """The question's text, help or gate as the engine applies it for a nation (a variant replaces the base)."""
    variant = question.get("variants", {}).get(nation, {})
    return variant[part] if part in variant else question.get(part)


def wait_for_theme_scored(page, council_type: str, theme: str) -> None:
    """Until the page shows the engine's result for this council (its statuses and variants applied)."""
    poll(
        page,
        f"""async () => {{ const r = await ({SCORES_NOW})();
            return r && r.council.type === {json.dumps(council_type)} && r.themes.some((t) => t.id === {json.dumps(theme)})
              && document.querySelector('[data-sc="theme-page"][data-theme={json.dumps(theme)}]')
              && document.querySelector('[data-sc="theme-score"], [data-sc="live-score"] p:not(:first-child)'); }}""",
        timeout=ENGINE_TIMEOUT / 1000,
    )


@pytest.mark.parametrize("nation", list(COUNCILS))
def test_each_nation_sees_only_its_own_law(page, base_url, built_site, nation):
    compiled = bank(built_site)
    typed, name = COUNCILS[nation]
    pick(page, base_url, typed, name)
    council_type = json.loads(page.evaluate("localStorage.getItem('scorecard.assessment.v1')"))["council"]["type"]
    themes = [t for t in compiled["themes"] if any(q.get("variants") or q.get("gate") for q in t["questions"])]
    duties_seen = 0
    for theme in themes:
        follow(page, base_url, f"themes/{theme['id']}.html")
        wait_for_theme_scored(page, council_type, theme["id"])
        questions = {q["id"]: q for q in theme["questions"]}
        for shown in page.evaluate(SHOWN):
            q = questions[shown["id"]]
            where = f"{name}, {q['id']}"
            assert [" ".join(t.split()) for t in shown["legend"]] == [" ".join(own(q, nation, "text").split())], where
            assert [" ".join(t.split()) for t in shown["help"]] == [" ".join(own(q, nation, "help").split())], where
            gate = own(q, nation, "gate")
            assert shown["duties"] == ([f"Legal duty: {gate['law']}"] if gate else []), where
            duties_seen += bool(gate)
        assert page.evaluate(DRAWN_THOUGH_HIDDEN) == [], theme["id"]
    if nation != "northern_ireland":
        assert duties_seen, f"{name}: no legal duty was shown, so none was checked"


def test_nothing_hidden_is_drawn_on_any_page(page, base_url):
    """The `hidden` attribute is never overridden by a stylesheet (a button, a badge, a panel), on every page."""
    page.goto(base_url + "index.html")
    page.locator("input#sc-council-pick").wait_for()  # the picker is ready: no council chosen yet
    assert page.evaluate(DRAWN_THOUGH_HIDDEN) == []
    pick(page, base_url, "Tunbridge", "Tunbridge Wells Borough Council")
    assert page.evaluate(DRAWN_THOUGH_HIDDEN) == []
    for path in ("results.html", "report.html", "compare.html", "how-scoring-works.html", "themes/licensing.html"):
        follow(page, base_url, path)
        poll(page, f"async () => Boolean(await ({SCORES_NOW})())", timeout=ENGINE_TIMEOUT / 1000)
        assert page.evaluate(DRAWN_THOUGH_HIDDEN) == [], path


def test_own_law_from_the_first_paint_before_the_engine(page, base_url, built_site):
    """Before the modules and the engine (a first visit's 3 s, or a slow council laptop), each question is already
    shown in its nation's wording, with its nation's duty: the early script knows the nation from the council type."""
    compiled = bank(built_site)
    pick(page, base_url, *COUNCILS["wales"])
    held = []
    page.route("**/assets/app.js", lambda route: held.append(route))  # no modules, so no engine result
    page.goto(base_url + "themes/safeguarding.html", wait_until="commit")
    page.wait_for_selector("#q-SAF-07", state="attached")
    assert not page.evaluate("document.documentElement.dataset.engine")
    questions = {q["id"]: q for t in compiled["themes"] for q in t["questions"]}
    shown = {s["id"]: s for s in page.evaluate(SHOWN)}
    for qid in ("SAF-03", "SAF-04", "SAF-07"):
        gate = own(questions[qid], "wales", "gate")
        assert shown[qid]["duties"] == ([f"Legal duty: {gate['law']}"] if gate else []), qid
    for route in held:
        route.continue_()
