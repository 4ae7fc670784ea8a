"""How the engine starts in the browser (site/assets/worker.mjs, assets/js/engine.js).

A repeat visit restores the engine from a memory snapshot kept in the browser: it must score
exactly as a freshly started one; a new version of the site must never restore an old snapshot;
a snapshot that cannot be restored must give a normal start, unnoticed. A first visit must fetch
nothing twice, in the compressed encoding the server offers, while the page says how far the
engine's loading has got and the form stays usable.
"""

from __future__ import annotations

import functools
import json
import random
import re
import shutil
import threading

import pytest

from scorecard.browser import BrowserApi
from scorecard.sitegen.build import Layout, build_site
from scorecard.sitegen.serve import SiteHandler, make_server
from scorecard.testing import random_assessment

from ..helpers import MINI
from .conftest import give_council_by_hand, poll, serve_build, wait_for_engine

STORAGE_KEY = "scorecard.assessment.v1"
ENGINE_JS = "new URL('/assets/js/engine.js', location.href).href"
CALLS_JS = f"""async (calls) => {{
  const engine = await import({ENGINE_JS});
  const replies = [];
  for (const [op, payload] of calls) {{
    const {{ id, type, ...reply }} = await engine.call(op, payload);
    replies.push(reply);
  }}
  return replies;
}}"""
STATUS_JS = f"() => import({ENGINE_JS}).then((m) => m.engineStatus())"
SNAPSHOTS_JS = """async () => {
  const store = await caches.open("scorecard-engine");
  return (await store.keys()).map((r) => r.url).filter((url) => url.includes("/engine/snapshot?v="));
}"""
STORE_KEYS_JS = "async () => (await (await caches.open('scorecard-engine')).keys()).map((r) => r.url)"


def engine_calls(bank) -> list:
    """Every operation the pages use, on assessments for every council type."""
    rng = random.Random(20261201)
    files = [
        random_assessment(bank, rng, t, answer_rate=rate) for t in sorted(bank.council_types) for rate in (0.9, 0.4)
    ]
    calls = [["score", a] for a in files]
    calls += [
        ["import", {"text": json.dumps(files[1])}],
        ["actions_csv", {"assessment": files[2]}],
        ["compare", {"files": [{"name": f"{i}.json", "text": json.dumps(a)} for i, a in enumerate(files)]}],
    ]
    return calls


def engine_version(site) -> str:
    return re.search(r'"version": "([0-9a-f]+)"', (site / "assets" / "worker.mjs").read_text()).group(1)


def test_restored_engine_scores_as_a_fresh_one(context, base_url, real_compiled, real_bank):
    calls = engine_calls(real_bank)
    theme = real_bank.themes[0].id
    page = context.new_page()
    page.goto(base_url + f"themes/{theme}.html")
    wait_for_engine(page)
    assert page.evaluate(STATUS_JS)["how"] == "started"
    fresh = page.evaluate(CALLS_JS, calls)
    kept = poll(page, SNAPSHOTS_JS)
    assert len(kept) == 1
    page.close()

    for _visit in range(2):  # restored twice: a restored engine does not spoil the snapshot
        page = context.new_page()
        page.goto(base_url + f"themes/{theme}.html")
        wait_for_engine(page)
        status = page.evaluate(STATUS_JS)
        assert status["how"] == "restored", status
        assert page.evaluate(CALLS_JS, calls) == fresh
        page.close()

    api = BrowserApi(json.dumps(real_compiled))  # and both are the engine the command line runs
    cpython = [json.loads(api.call(op, json.dumps(payload))) for op, payload in calls]
    assert [r["ok"] for r in fresh] == [True] * len(calls)
    assert [r.get("result") for r in fresh] == [r.get("result") for r in cpython]


@pytest.fixture
def two_versions(tmp_path):
    """A served site whose files the test replaces with a newer bank version's build."""

    def bank(version: str):
        root = tmp_path / f"bank-{version}"
        shutil.copytree(MINI / "questions", root / "questions")
        shutil.copytree(MINI / "guidance", root / "guidance")
        scoring = root / "questions" / "scoring.yaml"
        scoring.write_text(scoring.read_text().replace('bank_version: "2000.1"', f'bank_version: "{version}"'))
        return root

    first = bank("2000.1")
    server, url, served = serve_build(tmp_path / "served", first / "questions", first / "guidance")

    def publish(version: str):
        root = bank(version)
        site = build_site(
            Layout(root / "questions", root / "guidance", root / "out"), log=lambda *_: None, site_url=url
        )
        shutil.rmtree(served)
        shutil.copytree(site, served)

    yield url, served, publish
    server.shutdown()
    server.server_close()


SCORE_JS = f"""async () => {{
  const engine = await import({ENGINE_JS});
  // the "template" operation is gone (the page never used it): the blank file the site starts from
  const assessment = {{ format: "scorecard-assessment", format_version: 1, council: {{ name: "", type: "unitary" }},
    assessment_date: "2026-04-01", bank_version: document.querySelector('meta[name="scorecard-bank-version"]').content,
    answers: {{ "ALP-01": "yes" }}, notes: {{}} }};
  return engine.call("score", assessment);
}}"""


def score_reply(page):
    """An answer scored by the engine the page started: its result names the bank it holds."""
    reply = page.evaluate(SCORE_JS)
    assert reply["ok"], reply
    return reply


def test_new_version_never_restores_an_old_snapshot(browser, two_versions):
    url, served, publish = two_versions
    # Service workers blocked: the new version's pages come straight from the server, so the
    # page at once asks for the new engine (the service worker's own updates are test_offline's).
    context = browser.new_context(service_workers="block", bypass_csp=True)
    page = context.new_page()
    page.goto(url + "themes/alpha.html")
    wait_for_engine(page)
    old_snapshot = poll(page, SNAPSHOTS_JS)
    old_keys = page.evaluate(STORE_KEYS_JS)
    assert score_reply(page)["result"]["bank_version"] == "2000.1"

    publish("2000.2")
    page.goto(url + "themes/alpha.html")
    wait_for_engine(page)
    assert page.evaluate(STATUS_JS)["how"] == "started"
    assert score_reply(page)["result"]["bank_version"] == "2000.2"
    new_snapshot = poll(
        page,
        "async (old) => { const now = await (" + SNAPSHOTS_JS + ")(); "
        "return now.length === 1 && now[0] !== old[0] ? now : false; }",
        old_snapshot,
    )
    assert engine_version(served) in new_snapshot[0]
    keys = page.evaluate(STORE_KEYS_JS)  # what the old version left is gone; the unchanged runtime stays
    assert not any("/assets/bank.json" in key for key in set(old_keys) & set(keys))
    assert any("/pyodide.asm.wasm?v=" in key for key in set(old_keys) & set(keys))

    page.goto(url + "themes/alpha.html")
    wait_for_engine(page)
    assert page.evaluate(STATUS_JS)["how"] == "restored"
    assert score_reply(page)["result"]["bank_version"] == "2000.2"
    context.close()


PLANT_JS = """async ([from, to, kind]) => {
  const store = await caches.open("scorecard-engine");
  const copies = await caches.open("test-copies"); // the old snapshot is forgotten by the first start after this
  if (!(await copies.match("real"))) await copies.put("real", await store.match(from));
  const real = await (await copies.match("real")).blob();
  const body = { old: real, garbage: new Blob([new Uint8Array(4096).fill(7)]), cut: real.slice(0, real.size - 5000) }[kind];
  await store.put(to, new Response(body));
  return true;
}"""


def test_a_snapshot_that_cannot_be_restored_gives_a_normal_start(browser, two_versions):
    url, served, publish = two_versions
    context = browser.new_context(service_workers="block", bypass_csp=True)
    errors = []
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url + "themes/alpha.html")
    wait_for_engine(page)
    old_snapshot = poll(page, SNAPSHOTS_JS)[0]

    publish("2000.2")
    new_key = old_snapshot.split("?v=")[0] + "?v=" + engine_version(served)
    # An old engine's snapshot under the new version's name (it holds bank 2000.1), bytes that are no
    # snapshot at all, and a snapshot cut short: each is refused, forgotten, and the engine starts as
    # on a first visit.
    for kind in ("old", "garbage", "cut"):
        page.evaluate(PLANT_JS, [old_snapshot, new_key, kind])
        page.goto(url + "themes/alpha.html")
        wait_for_engine(page)
        status = page.evaluate(STATUS_JS)
        assert status["state"] == "ready" and status["how"] == "started"
        assert score_reply(page)["result"]["bank_version"] == "2000.2"
        assert page.locator('[data-sc="engine-status"]').inner_text() == ""
        poll(page, "async (key) => (await (" + SNAPSHOTS_JS + ")()).includes(key)", new_key)  # a good one replaces it
        page.evaluate("async (key) => (await caches.open('scorecard-engine')).delete(key)", new_key)
    assert errors == []
    context.close()


class CountingHandler(SiteHandler):
    """The site's own handler, noting every response: path, status, encoding, body sent or not."""

    def end_headers(self) -> None:
        status = getattr(self, "status_sent", None)
        encoding = self.variant[0] if self.variant and status == 200 else None
        self.server.hits.append((self.path.split("?", 1)[0], status, encoding, self.command))
        super().end_headers()


@pytest.fixture
def counted_site(built_site):
    server = make_server(built_site, port=0, verbose=False)
    server.hits = []
    server.RequestHandlerClass = functools.partial(CountingHandler, directory=str(built_site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", server.hits
    server.shutdown()
    server.server_close()


def test_first_visit_fetches_each_file_once_compressed(browser, counted_site, real_bank):
    url, hits = counted_site
    context = browser.new_context()  # service workers allowed: their precache is part of a first visit
    page = context.new_page()
    page.goto(url + f"themes/{real_bank.themes[0].id}.html")
    wait_for_engine(page)
    poll(
        page,
        "async () => navigator.serviceWorker.controller !== null && ("
        + SNAPSHOTS_JS
        + ")().then((s) => s.length === 1)",
    )
    page.wait_for_timeout(1500)  # the service worker's last requests
    context.close()

    bodies = {}
    for path, status, encoding, method in hits:
        if status == 200 and method == "GET":
            bodies.setdefault(path, []).append(encoding)
    twice = {path: encodings for path, encodings in bodies.items() if len(encodings) > 1}
    assert twice == {}, f"fetched with a body more than once: {twice}"
    for path in (
        "/assets/pyodide/pyodide.asm.wasm",
        "/assets/pyodide/pyodide.asm.mjs",
        "/assets/bank.json",
        "/assets/pyodide/python_stdlib_scorecard.zip",
    ):
        assert bodies[path] == ["br"], path
    assert "/assets/pyodide/python_stdlib.zip" not in bodies  # Pyodide's full library is not shipped,
    assert "/assets/pyodide/pyodide-lock.json" not in bodies  # nor its list of packages


# Every state the loading line and the download bar go through, as a screen reader and a sighted
# officer meet them.
RECORD_STATUS = """(() => {
  const log = window.__engineLog = { texts: [], values: [] };
  const look = () => {
    const text = document.querySelector('[data-sc="engine-status"]');
    const bar = document.querySelector('[data-sc="engine-progress"]');
    if (text && text.textContent !== log.texts[log.texts.length - 1]) log.texts.push(text.textContent);
    if (bar && !bar.hidden && bar.value !== log.values[log.values.length - 1]) log.values.push(bar.value);
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();"""


def test_loading_says_how_far_it_got_and_the_form_stays_usable(browser, base_url, real_bank):
    context = browser.new_context(service_workers="block", bypass_csp=True)
    context.add_init_script(RECORD_STATUS)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")  # a slow council network, so the download takes a few seconds
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 40, "downloadThroughput": 12_500_000 / 8, "uploadThroughput": 12_500_000 / 8},
    )
    # The slow network and a busy machine can hold the load event past 30 s (seen at load 25): the form is
    # there once the document is parsed, which is what this test is about.
    page.goto(base_url + "index.html", wait_until="domcontentloaded", timeout=60_000)
    give_council_by_hand(page)
    page.select_option("#sc-council-type", "unitary")
    page.goto(base_url + f"themes/{real_bank.themes[0].id}.html", wait_until="domcontentloaded", timeout=60_000)
    page.wait_for_selector('[data-sc="engine-progress"]:not([hidden])', timeout=30_000)
    status = page.locator('[data-sc="engine-status"]')
    assert status.get_attribute("role") == "status"
    assert "step 1 of 2" in status.inner_text()
    fieldset = page.locator("fieldset.sc-question:visible").first
    fieldset.locator("input").first.check()  # while the engine downloads
    question = fieldset.get_attribute("data-question")
    assert question in json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))["answers"]
    wait_for_engine(page)
    page.wait_for_function("() => /[0-9]/.test(document.querySelector('[data-sc=\"theme-score\"]')?.textContent || '')")
    log = page.evaluate("window.__engineLog")
    context.close()

    texts = [t for t in log["texts"] if t]
    assert texts == [
        "Loading the scoring engine, step 1 of 2: downloading it.",
        "Loading the scoring engine, step 2 of 2: starting it.",
    ], log["texts"]
    assert log["texts"][-1] == ""  # cleared once the engine is ready: the score speaks for itself
    values = log["values"]
    assert len(values) >= 3 and values == sorted(values), values  # the bar moves forward, in steps


# The page's own engine client (the module app.js loaded: the same URL, the same module), a call the worker never
# receives (so it waits, as on a worker that has died), then the worker's error event.
STOP_WHILE_WAITING = """async () => {
  const engine = await import(new URL("/assets/js/engine.js", location.href).href);
  const worker = window.scorecard.worker;
  worker.postMessage = () => {};
  const late = (promise) => Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve("still waiting"), 3000))]);
  const waiting = late(engine.call("score", window.scorecard.store.getAssessment()));
  worker.dispatchEvent(new ErrorEvent("error", { message: "out of memory" }));
  return {
    waiting: await waiting,
    after: await late(engine.call("live_score", window.scorecard.store.getAssessment())),
    status: engine.engineStatus(),
    shown: document.querySelector('[data-sc="live-score"]').textContent,
  };
}"""


def test_calls_waiting_on_a_worker_that_fails_are_answered_with_why(page, base_url):
    """A worker that fails after starting answers nothing more: every call waiting on it, and every later one, is
    answered with a failed reply saying so (each caller shows its problems), and the page says the engine stopped."""
    page.goto(base_url + "index.html")
    give_council_by_hand(page)
    page.select_option("#sc-council-type", "district")
    page.locator('[data-sc="theme-list"] a').first.click()
    wait_for_engine(page)
    out = page.evaluate(STOP_WHILE_WAITING)
    stopped = {
        "ok": False,
        "problems": [
            "The scoring engine stopped (out of memory): reload the page to start it again. "
            "Your answers are still saved on this device"
        ],
        "stopped": True,
    }
    assert out["waiting"] == stopped
    assert out["after"] == stopped
    assert out["status"]["state"] == "failed" and out["status"]["stopped"] is True
    assert "The scoring engine stopped (reload the page to start it again): out of memory." in out["shown"]
    assert (
        page.locator('[data-sc="engine-status"]')
        .first.inner_text()
        .startswith("The scoring engine stopped: out of memory.")
    )
