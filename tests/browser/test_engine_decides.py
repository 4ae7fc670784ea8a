"""The engine decides, the page renders (issue 10, browser side).

- Which questions a page shows comes from the engine's result, not from the page's own reading
  of the bank: a follow-up written before its parent, and one whose parent is in another theme,
  appear when the engine asks them (tests/fixtures/follow_ups, a bank `scorecard validate` accepts).
- site/early/store.js is the only writer of the saved assessment: a council type chosen before the
  app's modules have run is saved, and not reset when they run.
- Figures read the same on the site as in the command line's reports.
"""

from __future__ import annotations

import json
import re

import pytest

from scorecard.engine.comparison import compare_files
from scorecard.engine.wording import num

from ..helpers import ROOT
from .conftest import give_council_by_hand, new_page, serve_build, start_assessment, wait_for_engine

FOLLOW_UPS = ROOT / "tests" / "fixtures" / "follow_ups"
STORAGE_KEY = "scorecard.assessment.v1"


@pytest.fixture(scope="module")
def follow_ups_url(tmp_path_factory):
    server, url, _ = serve_build(
        tmp_path_factory.mktemp("follow-ups"), FOLLOW_UPS / "questions", FOLLOW_UPS / "guidance"
    )
    yield url
    server.shutdown()
    server.server_close()


def shown(page) -> list[str]:
    return page.eval_on_selector_all("fieldset.sc-question:not([hidden])", "els => els.map(e => e.dataset.question)")


def engine_statuses(page, theme: str) -> dict[str, str]:
    """Each question's status in the engine's latest result for this page's assessment."""
    return page.evaluate(
        """async theme => {
            const { latestScores } = await import(new URL('assets/js/scores.js', document.baseURI.replace(/themes\\/.*$/, '')).href);
            return Object.fromEntries(latestScores().result.themes.find(t => t.id === theme).questions.map(q => [q.id, q.status]));
        }""",
        theme,
    )


def wait_for_shown(page, expected: list[str]) -> None:
    page.wait_for_function(
        "expected => JSON.stringify([...document.querySelectorAll('fieldset.sc-question:not([hidden])')].map(e => e.dataset.question)) === JSON.stringify(expected)",
        arg=expected,
        timeout=10_000,
    )


def assert_shown_as_counted(page, theme: str) -> None:
    counted = [
        qid
        for qid, status in engine_statuses(page, theme).items()
        if status not in ("not_asked", "not_for_council_type")
    ]
    assert shown(page) == counted


def test_follow_ups_are_shown_when_the_engine_asks_them(contexts, follow_ups_url):
    page = new_page(contexts(follow_ups_url))
    start_assessment(page, follow_ups_url, council_type="district", name="Example Follow-up District Council")
    page.goto(follow_ups_url + "themes/first.html")
    wait_for_engine(page)
    wait_for_shown(page, ["FST-02", "FST-03"])  # FST-01 not yet opened; FST-04 not asked of districts
    assert_shown_as_counted(page, "first")

    # The follow-up written before its question appears when that question opens it
    page.locator("#FST-02-yes").check()
    wait_for_shown(page, ["FST-01", "FST-02", "FST-03"])
    assert_shown_as_counted(page, "first")
    page.locator("#FST-01-no").check()

    # The follow-up in the other theme appears on its own page (reached by a link: instant navigation)
    page.click('.sc-next a[href$="second.html"]')
    page.wait_for_selector('[data-sc="theme-form"][data-theme="second"]')
    wait_for_shown(page, ["SND-01", "SND-02"])
    assert_shown_as_counted(page, "second")
    page.locator("#SND-02-yes").check()
    page.wait_for_function("document.querySelector('[data-sc=\"theme-coverage\"]')?.textContent.startsWith('1 of 2')")

    # ... and on a fresh load of that page
    page.reload()
    wait_for_engine(page)
    wait_for_shown(page, ["SND-01", "SND-02"])
    assert page.locator("#SND-02-yes").is_checked()

    # Closing the question hides both follow-ups again; their answers are kept, not counted
    page.goto(follow_ups_url + "themes/first.html")
    wait_for_engine(page)
    page.locator("#FST-02-no").check()
    wait_for_shown(page, ["FST-02", "FST-03"])
    page.goto(follow_ups_url + "themes/second.html")
    wait_for_engine(page)
    wait_for_shown(page, ["SND-01"])
    saved = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert saved["answers"] == {"FST-02": "no", "FST-01": "no", "SND-02": "yes"}


def test_a_council_type_chosen_before_the_app_modules_have_loaded_is_saved(page, base_url):
    held = []
    page.route("**/assets/app.js", lambda route: held.append(route))
    page.goto(base_url + "index.html", wait_until="commit")  # "load" would wait for app.js
    page.wait_for_selector("#sc-council-type", state="attached")
    assert not page.evaluate("document.documentElement.dataset.engine")  # set by app.js: it has not run
    give_council_by_hand(page)
    page.select_option("#sc-council-type", "district")
    page.fill("#sc-council-name", "Example Early District Council")
    saved = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert saved["council"]["type"] == "district"
    assert saved["council"]["name"] == "Example Early District Council"
    for route in held:
        route.continue_()
    page.wait_for_function("() => document.documentElement.dataset.engine")
    assert page.locator("#sc-council-type").input_value() == "district"  # not reset by the modules
    assert page.locator("#sc-council-name").input_value() == "Example Early District Council"
    wait_for_engine(page)
    page.wait_for_selector('[data-sc="theme-progress"]:not(:empty)')
    saved = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert saved["council"]["type"] == "district"


def test_the_compare_page_writes_figures_as_the_command_line_does(page, base_url, real_bank):
    examples = sorted((ROOT / "examples" / "region").glob("*.json"))
    comparison = compare_files(real_bank, [(p.name, p.read_text(encoding="utf-8")) for p in examples])
    page.goto(base_url + "compare.html")
    wait_for_engine(page)
    page.click('[data-sc="compare-example"]')
    page.wait_for_selector('[data-sc="heatmap"] tfoot')
    written = []
    for group in comparison["groups"]:
        stats = [group["stats"]["overall"], *group["stats"]["themes"]]

        def row(label: str, group: dict = group) -> list[str]:
            return page.locator(
                f'[data-sc="compare-group"][data-group="{group["id"]}"] tfoot tr:has(th:text-is("{label}")) td'
            ).all_inner_texts()

        def cli(s, text):  # as the page writes a group's cell: hidden (shareable), none counted, or the figure
            return "hidden" if s["hidden"] else text if s["n"] else "–"

        assert row("Group median") == [cli(s, num(s["median"])) for s in stats]
        assert row("Middle half (quartiles)") == [
            cli(s, f"{num(s['lower_quartile'])} – {num(s['upper_quartile'])}") for s in stats
        ]
        written += [num(s[k]) for s in stats if s["n"] for k in ("median", "lower_quartile", "upper_quartile")]
    assert any(re.fullmatch(r"\d+\.\d\d", text) for text in written)  # the example has two-decimal figures


def test_the_risk_line_names_the_context_question_asked_on_another_page(page, base_url, real_bank):
    """Disruption's exposure rests on licensing's premises question too: the page says which, and where."""
    from ..helpers import make_assessment

    data = make_assessment(
        real_bank, "wales_principal", {"DIS-01": "about_average", "DIS-43": "minor_hub", "SAF-52": "one"}
    )
    page.goto(base_url + "index.html")
    page.evaluate("([key, d]) => localStorage.setItem(key, JSON.stringify(d))", [STORAGE_KEY, data])
    page.goto(base_url + "themes/disruption.html")
    wait_for_engine(page)
    panel = page.locator('[data-sc="live-details"]')
    panel.get_by_text("Risk not rated").wait_for(timeout=60_000)
    assert (
        "Risk not rated: answer the local context question LIC-22 (Licensing and regulatory services)"
        in panel.inner_text()
    )
