#!/usr/bin/env python3
"""Browser start-up benchmark: the built site in Debian's headless Chromium, against a bare Pyodide floor.

    python3 bench/browser_start.py [--runs 5] [--changes 120] [--no-build] [--questions DIR] [--port N]

Serves _build/bench/site with scorecard.sitegen.serve.make_server on 127.0.0.1 (port 0, in a thread) and
builds the site into it for that address (Material's instant navigation needs the site_url's port to
match), or with --no-build reuses that build on the port it was built for. Writes a bare Pyodide
floor page into the served folder (_bench/floor.html + floor-worker.mjs). Then, in a fresh Chromium
context per run (empty cache, service workers blocked), measures:

  form usable        navigation start -> an answer clicked on the first theme page is saved
                     in localStorage (and the page has painted)             target <= 300 ms
                     compared with a BARE FORM FLOOR (_bench/form-floor.html: one question
                     saved on change by an inline script, nothing else), same run
  first live score   navigation start -> [data-sc="theme-score"] shows a number, a council type
                     and answers already in localStorage; compared with the BARE PYODIDE FLOOR
                     (_bench/floor.html: the same self-hosted pyodide.mjs in a module worker
                     running 1+1), measured in the same run                target <= floor + 400 ms
  re-score latency   change event -> live score panel DOM update, >= 120 answer changes
                                                                  target median <= 10, p95 <= 30 ms
  warm navigation    nav link click -> the second theme's score shows (instant navigation),
                     with no new request for pyodide.asm.wasm               target <= 100 ms
  bytes              first visit (service worker allowed, including its precache) and a repeat
                     visit in the same context once the service worker is active; target: the
                     Pyodide runtime and the engine are not fetched from the network again.

Bytes are counted by the server (bytes written to the socket for each response: headers and
body separately), so requests from the page, the Web Worker and the service worker all count.
Always exits 0: a missed target is a figure, not a failure.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    STORAGE_KEY,
    Hit,
    add_questions_option,
    human_bytes,
    median,
    percentile,
    print_header,
    seeded_assessment,
    serve_and_build,
    verdict,
)

TARGET_FORM_MS = 300
TARGET_FLOOR_GAP_MS = 400
TARGET_RESCORE_MEDIAN_MS = 10
TARGET_RESCORE_P95_MS = 30
TARGET_WARM_NAV_MS = 100
TIMEOUT_MS = 90_000

FLOOR_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare Pyodide floor</title></head>
<body><p>Bare Pyodide floor: <output id="out">loading</output></p>
<script>
// The least any page can do: start the same self-hosted Pyodide in a module worker and run 1+1.
// With ?snapshot, the least a restored start can do (see FLOOR_WORKER).
window.__floor = { workerCreated: performance.now() };
const worker = new Worker("floor-worker.mjs" + location.search, { type: "module" });
worker.onmessage = (event) => {
  if (event.data.kept) return void (window.__floor.kept = true);
  window.__floor.done = performance.now();
  window.__floor.worker = event.data;
  document.getElementById("out").textContent = String(event.data.value);
};
worker.onerror = (event) => { window.__floor.error = String(event.message || "worker error"); };
</script></body></html>
"""

# The least any page can do to be usable: one question, saved on change as site/early.js saves
# answers (the same storage key), and nothing else: no style sheet, no module, no engine. Its
# first paint and saved click are what this machine and browser cost before the site adds anything.
FORM_FLOOR_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare form floor</title>
<script>
document.addEventListener("change", (event) => {
  const fieldset = event.target.closest("fieldset");
  localStorage.setItem(__KEY__, JSON.stringify({ answers: { [fieldset.dataset.question]: event.target.value } }));
});
</script></head>
<body><h1>Bare form floor</h1>
<form data-sc="theme-form"><fieldset class="sc-question" data-question="FLOOR-01">
<legend>Does the council have a designated lead for modern slavery?</legend>
<label><input type="radio" name="FLOOR-01" value="yes"> Yes</label>
<label><input type="radio" name="FLOOR-01" value="no"> No</label>
</fieldset></form></body></html>
"""

# Pyodide as npm ships it: the site's runtime files, with Pyodide's own full standard library and
# lock file (the site ships neither as they are), copied beside the page by write_floor.
# With ?snapshot: Pyodide's own memory snapshot and nothing else (no packing, no overlap, no engine):
# a first visit starts Pyodide, runs 1+1 and keeps a snapshot in the Cache API; a later visit
# restores it. Its repeat visit is what any restored start of this Pyodide costs on this machine.
FLOOR_WORKER = """import { loadPyodide } from "../assets/pyodide/pyodide.mjs";
const started = performance.now();
const snapshot = new URL(import.meta.url).searchParams.has("snapshot");
const store = snapshot ? await caches.open("bench-floor-snapshot") : null;
const key = new URL("floor-snapshot", import.meta.url).href;
const kept = store && (await store.match(key));
const restore = kept ? { _loadSnapshot: new Uint8Array(await kept.arrayBuffer()) } : snapshot ? { _makeSnapshot: true } : {};
const pyodide = await loadPyodide({ indexURL: new URL("../assets/pyodide/", import.meta.url).href,
                                    stdLibURL: new URL("python_stdlib.zip", import.meta.url).href,
                                    lockFileURL: new URL("pyodide-lock.json", import.meta.url).href, ...restore });
const loaded = performance.now();
const value = pyodide.runPython("1+1");
postMessage({ value, how: kept ? "restored" : "started", loadPyodideMs: loaded - started, runMs: performance.now() - loaded });
if (store && !kept) {
  await store.put(key, new Response(pyodide.makeMemorySnapshot()));
  postMessage({ kept: true });
}
"""

# Runs at document start in every page of a product context.
INSTRUMENT = """(() => {
  if (window.__bench) return;
  const cfg = __CFG__;
  const KEY = __KEY__;
  const B = window.__bench = { fcp: null, formUsable: null, formProbe: null, probeClicks: 0,
                               firstScore: null, engineReady: null, mounted: null };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === "first-contentful-paint" && B.fcp === null) B.fcp = e.startTime;
    }).observe({ type: "paint", buffered: true });
  } catch (e) { /* no paint timing */ }
  const isNumber = (t) => /^\\s*\\d+(\\.\\d+)?\\s*$/.test(t || "");
  const check = () => {
    if (B.firstScore === null) {
      const n = document.querySelector('[data-sc="theme-score"]');
      if (n && isNumber(n.textContent)) B.firstScore = performance.now();
    }
    if (B.engineReady === null && document.documentElement && document.documentElement.dataset.engine === "ready")
      B.engineReady = performance.now();
  };
  // Watched from the end of parsing only: an observer of the whole document while the parser inserts the page's
  // thousand elements ran its callback after every parsed chunk (10-90 ms of the main thread at 4x in traces),
  // a cost that grows with the page and that no officer's browser pays. Nothing it waits for can come sooner:
  // the score and the engine's state are written by the modules, which run once the page is parsed.
  const watch = () => {
    B.mounted = performance.now();  // the page parsed (DOM interactive), each question shown as saved
    check();
    new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true,
                                                   attributes: true, attributeFilter: ["data-engine"] });
  };
  if (document.readyState === "loading") document.addEventListener("readystatechange", watch, { once: true });
  else watch();
  if (!cfg.probe || !/\\/themes\\/|\\/form-floor\\.html$/.test(location.pathname)) return;
  // Form usable: like an officer clicking as soon as they can, every ~4 ms (a timer's floor)
  // click an unchecked option of the first shown question; usable once the answer is saved.
  const probe = () => {
    if (B.formUsable !== null) return;
    const form = document.querySelector('[data-sc="theme-form"]');
    if (form) {
      for (const fieldset of form.querySelectorAll("fieldset.sc-question")) {
        if (fieldset.hidden) continue;
        const input = [...fieldset.querySelectorAll('input[type="radio"]')].find((i) => !i.checked && i.value !== "n/a");
        if (!input) continue;
        const stored = () => {
          try { const s = JSON.parse(localStorage.getItem(KEY) || "null"); return s && s.answers ? s.answers[fieldset.dataset.question] : undefined; }
          catch (e) { return undefined; }
        };
        if (stored() === input.value) { input.checked = true; continue; }  // the page has not shown the saved answer yet
        input.click();
        B.probeClicks += 1;
        if (stored() === input.value) {
          B.formUsable = performance.now();
          B.formProbe = { question: fieldset.dataset.question, value: input.value };
          return;
        }
        break;
      }
    }
    setTimeout(probe, 1);
  };
  probe();
})();"""

# In the page, after the engine is ready: change answers, time change event -> score panel update.
RESCORE_JS = """async ({ changes, gapMs }) => {
  const form = document.querySelector('[data-sc="theme-form"]');
  const panel = document.querySelector('[data-sc="live-score"]');
  let changeAt = null, waiter = null;
  form.addEventListener("change", () => { changeAt = performance.now(); }, { capture: true });
  const observer = new MutationObserver(() => {
    if (waiter && changeAt !== null) { const w = waiter; waiter = null; w(performance.now()); }
  });
  observer.observe(panel, { childList: true, subtree: true, characterData: true });
  const samples = [], timeouts = [];
  for (let i = 0; i < changes; i++) {
    const shown = [...form.querySelectorAll("fieldset.sc-question")].filter((f) => !f.hidden);
    const fieldset = shown[i % shown.length];
    const inputs = [...fieldset.querySelectorAll("input[type=radio], input[type=checkbox]")].filter((x) => x.value !== "n/a");  // not the evidence fields
    let input;
    if (fieldset.dataset.type === "multi") input = inputs[Math.floor(i / shown.length) % inputs.length];
    else input = inputs.find((x) => !x.checked) || inputs[0];
    changeAt = null;
    const updated = new Promise((resolve) => {
      waiter = resolve;
      setTimeout(() => { if (waiter === resolve) { waiter = null; resolve(null); } }, 5000);
    });
    input.click();
    const at = await updated;
    if (at === null || changeAt === null) timeouts.push(fieldset.dataset.question);
    else samples.push(at - changeAt);
    await new Promise((r) => setTimeout(r, gapMs));
  }
  observer.disconnect();
  return { samples, timeouts };
}"""

# The engine alone: postMessage -> Pyodide live score (a theme page's) -> reply, through the site's own engine client.
ROUND_TRIP_JS = """async ({ calls }) => {
  const engine = await import(new URL("/assets/js/engine.js", location.href).href);
  const saved = JSON.parse(localStorage.getItem(__KEY__));
  const assessment = { ...saved, council: { ...saved.council, name: saved.council.name || "Your council" } };
  if (!assessment.council.region) delete assessment.council.region;
  if (!assessment.council.ons_code) delete assessment.council.ons_code;
  const samples = [];
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    const reply = await engine.call("live_score", assessment);  // what a theme page asks on every change
    samples.push(performance.now() - t0);
    if (!reply.ok) return { error: reply.problems };
  }
  return { samples };
}"""

# Start a warm navigation: record the click time, then click the sidebar link to the second theme.
# With instant navigation this document lives on and fills window.__warm; after a full page load
# the new document's window.__bench (the init script) times the new page instead.
WARM_NAV_JS = """({ themeId }) => {
  const link = [...document.querySelectorAll("a.md-nav__link")].find((a) => a.pathname.endsWith(`/themes/${themeId}.html`));
  if (!link) return { error: `no navigation link to themes/${themeId}.html` };
  const warm = window.__warm = { clicked: null, formAt: null, scoreAt: null, origin: performance.timeOrigin };
  sessionStorage.setItem("bench.warm", JSON.stringify({ clickedAbs: null }));
  const observer = new MutationObserver(() => {
    if (warm.formAt === null && document.querySelector(`[data-sc="theme-form"][data-theme="${themeId}"]`)) warm.formAt = performance.now();
    const n = document.querySelector(`[data-sc="live-score"][data-theme="${themeId}"] [data-sc="theme-score"]`);
    if (n && /^\\s*\\d+(\\.\\d+)?\\s*$/.test(n.textContent)) { warm.scoreAt = performance.now(); observer.disconnect(); }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  setTimeout(() => {
    warm.clicked = performance.now();
    sessionStorage.setItem("bench.warm", JSON.stringify({ clickedAbs: performance.timeOrigin + warm.clicked }));
    link.click();
  }, 0);
  return { ok: true };
}"""

WARM_DONE_JS = """(themeId) => {
  if (!location.pathname.endsWith(`/themes/${themeId}.html`)) return false;
  if (window.__warm) return window.__warm.scoreAt !== null;
  return Boolean(window.__bench && window.__bench.firstScore !== null);
}"""

WARM_RESULT_JS = """() => {
  if (window.__warm) return { kind: "instant", total: window.__warm.scoreAt - window.__warm.clicked,
                              form: window.__warm.formAt === null ? null : window.__warm.formAt - window.__warm.clicked };
  const saved = JSON.parse(sessionStorage.getItem("bench.warm") || "{}");
  const scoreAbs = performance.timeOrigin + window.__bench.firstScore;
  return { kind: "full page load", total: scoreAbs - saved.clickedAbs, form: null };
}"""

TIMELINE_JS = """() => ({
  origin: performance.timeOrigin,
  nav: performance.getEntriesByType("navigation").map((e) => e.toJSON())[0] || null,
  res: performance.getEntriesByType("resource").map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd }))
})"""

WORKER_TIMELINE_JS = """() => ({
  origin: performance.timeOrigin,
  res: performance.getEntriesByType("resource").map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd }))
})"""


# --------------------------------------------------------------------------- helpers


def worker_timeline(page, name_part: str, page_origin: float) -> dict:
    """Resource timings inside the page's worker whose URL contains name_part, in page time."""
    for worker in page.workers:
        if name_part in worker.url:
            data = worker.evaluate(WORKER_TIMELINE_JS)
            offset = data["origin"] - page_origin
            events = {"worker created": offset}
            for entry in data["res"]:
                short = entry["name"].split("?")[0].rsplit("/", 1)[-1]
                events[f"{short} received"] = offset + entry["end"]
            return events
    return {}


def page_events(timeline: dict) -> dict:
    nav = timeline["nav"] or {}
    events = {"HTML received": nav.get("responseEnd"), "DOMContentLoaded": nav.get("domContentLoadedEventEnd")}
    app_modules = [e["end"] for e in timeline["res"] if "/assets/app.js" in e["name"] or "/assets/js/" in e["name"]]
    if app_modules:
        events["app.js module graph received"] = max(app_modules)
    for entry in timeline["res"]:
        if "bundle." in entry["name"] and entry["name"].endswith(".min.js"):
            events["Material bundle.js received"] = entry["end"]
    return {k: v for k, v in events.items() if v is not None}


def new_context(browser, service_workers: str, storage: dict | None = None):
    return browser.new_context(
        viewport={"width": 1280, "height": 900}, service_workers=service_workers, storage_state=storage
    )


def storage_for(base_url: str, assessment: dict) -> dict:
    return {
        "cookies": [],
        "origins": [
            {"origin": base_url.rstrip("/"), "localStorage": [{"name": STORAGE_KEY, "value": json.dumps(assessment)}]}
        ],
    }


def instrument(probe: bool) -> str:
    return INSTRUMENT.replace("__CFG__", json.dumps({"probe": probe})).replace("__KEY__", json.dumps(STORAGE_KEY))


def wait_bench(page, expression: str) -> None:
    page.wait_for_function(f"() => window.__bench && ({expression})", timeout=TIMEOUT_MS)


def instrumented_context(browser, service_workers: str, storage: dict, probe: bool):
    context = new_context(browser, service_workers, storage)
    context.add_init_script(instrument(probe=probe))
    return context


def visit(context, served, url: str, until: str):
    """Open url in a new page and wait for the bench condition; returns the page and the server's mark before it."""
    page = context.new_page()
    mark = served.mark()
    page.goto(url)
    wait_bench(page, until)
    return page, mark


def hits_matching(hits: list[Hit], part: str) -> list[Hit]:
    return [h for h in hits if part in h.path]


# --------------------------------------------------------------------------- one run


def run_floor(browser, base_url: str) -> dict:
    context = new_context(browser, "block")
    try:
        page = context.new_page()
        page.goto(base_url + "_bench/floor.html")
        page.wait_for_function(
            "() => window.__floor && (window.__floor.done || window.__floor.error)", timeout=TIMEOUT_MS
        )
        floor = page.evaluate("window.__floor")
        if floor.get("error") or floor["worker"]["value"] != 2:
            raise RuntimeError(f"the floor page failed: {floor}")
        timeline = page.evaluate(TIMELINE_JS)
        events = page_events(timeline)
        events.update(worker_timeline(page, "floor-worker", timeline["origin"]))
        events["1+1 result in the page"] = floor["done"]
        return {"done": floor["done"], "loadPyodideMs": floor["worker"]["loadPyodideMs"], "events": events}
    finally:
        context.close()


def run_form_floor(browser, base_url: str) -> float:
    """Form usable on the bare form floor page, measured as on the site (the same probe)."""
    context = instrumented_context(browser, "block", None, probe=True)
    try:
        page = context.new_page()
        page.goto(base_url + "_bench/form-floor.html")
        wait_bench(page, "window.__bench.formUsable !== null && window.__bench.fcp !== null")
        bench = page.evaluate("window.__bench")
        return max(bench["formUsable"], bench["fcp"])
    finally:
        context.close()


def run_product(browser, served, theme_url: str, second_theme: str, storage: dict, args) -> dict:
    context = instrumented_context(browser, "block", storage, probe=True)
    try:
        page, mark = visit(
            context, served, theme_url, "window.__bench.firstScore !== null && window.__bench.formUsable !== null"
        )
        bench = page.evaluate("window.__bench")
        first_visit = served.since(mark)
        timeline = page.evaluate(TIMELINE_JS)
        events = page_events(timeline)
        events.update(worker_timeline(page, "worker.mjs", timeline["origin"]))
        events["form usable (answer saved)"] = bench["formUsable"]
        if bench["mounted"] is not None:
            events["page parsed, questions shown as saved"] = bench["mounted"]
        events["engine ready (data-engine)"] = bench["engineReady"]
        events["first live score in the DOM"] = bench["firstScore"]
        out = {
            "fcp": bench["fcp"],
            "formSaved": bench["formUsable"],
            "formUsable": max(bench["formUsable"], bench["fcp"] or 0),
            "probeClicks": bench["probeClicks"],
            "firstScore": bench["firstScore"],
            "engineReady": bench["engineReady"],
            "events": events,
            "firstVisitBytes": sum(h.body_bytes for h in first_visit),
            "firstVisitResponses": len(first_visit),
        }
        rescore = page.evaluate(RESCORE_JS, {"changes": args.changes, "gapMs": 5})
        out["rescore"] = rescore["samples"]
        out["rescoreTimeouts"] = rescore["timeouts"]
        rt = page.evaluate(ROUND_TRIP_JS.replace("__KEY__", json.dumps(STORAGE_KEY)), {"calls": args.changes})
        if "error" in rt:
            raise RuntimeError(f"engine round trip failed: {rt['error']}")
        out["roundTrip"] = rt["samples"]
        wasm_before = len(hits_matching(served.since(mark), "pyodide.asm.wasm"))
        worker_before = len(hits_matching(served.since(mark), "worker.mjs"))
        nav_mark = served.mark()
        started = page.evaluate(WARM_NAV_JS, {"themeId": second_theme})
        if "error" in started:
            raise RuntimeError(started["error"])
        page.wait_for_function(WARM_DONE_JS, arg=second_theme, timeout=TIMEOUT_MS)
        nav = page.evaluate(WARM_RESULT_JS)
        page.wait_for_timeout(300)  # let any late request (a restarted worker) reach the server
        during = served.since(nav_mark)
        out["warmNav"] = nav["total"]
        out["warmNavForm"] = nav["form"]
        out["warmNavKind"] = nav["kind"]
        out["warmNavRequests"] = [f"{h.path} ({h.status})" for h in during]
        out["warmNavWasm"] = len(hits_matching(during, "pyodide.asm.wasm"))
        out["warmNavWorker"] = len(hits_matching(during, "worker.mjs"))
        out["wasmFirstLoad"] = wasm_before
        out["workerFirstLoad"] = worker_before
        return out
    finally:
        context.close()


# --------------------------------------------------------------------------- bytes

GROUPS = [
    ("Pyodide runtime (assets/pyodide/)", "/assets/pyodide/"),
    ("engine (wheel, bank.json, worker.mjs)", ("/assets/engine/", "/assets/bank.json", "/assets/worker.mjs")),
    ("site JS (app.js, js/*.js)", ("/assets/app.js", "/assets/js/")),
    (
        "Material theme + search (assets/javascripts, stylesheets, search/)",
        ("/assets/javascripts/", "/assets/stylesheets/", "/search/"),
    ),
    ("chart.js (assets/vendor/)", "/assets/vendor/"),
    ("pages (*.html, sitemap)", (".html", "/sitemap", "/")),
]


def group_of(path: str) -> str:
    for name, parts in GROUPS:
        parts = (parts,) if isinstance(parts, str) else parts
        if name.startswith("pages"):
            if path.endswith((".html", "/")) or "/sitemap" in path:
                return name
            continue
        if any(p in path for p in parts):
            return name
    return "other (css, images, sw.js, ...)"


def by_group(hits: list[Hit]) -> dict[str, tuple[int, int, int]]:
    groups: dict[str, list[int]] = {}
    for hit in hits:
        g = groups.setdefault(group_of(hit.path), [0, 0, 0])
        g[0] += 1
        g[1] += hit.body_bytes
        g[2] += hit.total
    return {k: tuple(v) for k, v in groups.items()}


def run_bytes(browser, served, theme_url: str, storage: dict) -> dict:
    context = instrumented_context(browser, "allow", storage, probe=False)
    try:
        page, mark = visit(context, served, theme_url, "window.__bench.firstScore !== null")
        first_score = page.evaluate("window.__bench.firstScore")
        page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=TIMEOUT_MS)
        settle(served)
        first = served.since(mark)
        page.close()

        page, mark = visit(context, served, theme_url, "window.__bench.firstScore !== null")
        repeat_score = page.evaluate("window.__bench.firstScore")
        controlled = page.evaluate("navigator.serviceWorker.controller !== null")
        settle(served)
        repeat = served.since(mark)
        return {
            "first": first,
            "firstScore": first_score,
            "repeat": repeat,
            "repeatScore": repeat_score,
            "controlled": controlled,
        }
    finally:
        context.close()


def settle(served, quiet_s: float = 0.8, limit_s: float = 30.0) -> None:
    """Wait until the server has seen no request for quiet_s seconds."""
    start = time.monotonic()
    while time.monotonic() - start < limit_s:
        last = served.hits[-1].at if served.hits else 0
        if time.monotonic() - last >= quiet_s:
            return
        time.sleep(0.1)


# --------------------------------------------------------------------------- main


def write_floor(site: Path) -> None:
    import shutil

    folder = site / "_bench"
    folder.mkdir(exist_ok=True)
    (folder / "floor.html").write_text(FLOOR_HTML, encoding="utf-8")
    (folder / "floor-worker.mjs").write_text(FLOOR_WORKER, encoding="utf-8")
    (folder / "form-floor.html").write_text(
        FORM_FLOOR_HTML.replace("__KEY__", json.dumps(STORAGE_KEY)), encoding="utf-8"
    )
    for name in ("python_stdlib.zip", "pyodide-lock.json"):  # the site ships neither as npm has them
        shutil.copy2(ROOT / "node_modules" / "pyodide" / name, folder / name)


def fmt(ms) -> str:
    return "n/a" if ms is None or ms != ms else f"{ms:,.0f} ms" if ms >= 100 else f"{ms:.1f} ms"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--runs",
        type=int,
        default=9,
        help="fresh-context runs (default 9: on 2 shared cores the median of 5 moves by 100 ms)",
    )
    parser.add_argument("--changes", type=int, default=120, help="answer changes per run for re-score latency (>= 120)")
    parser.add_argument(
        "--no-build",
        action="store_true",
        help="serve this benchmark's last build (_build/bench/site) as it is, on the port it was built for when free",
    )
    add_questions_option(parser)
    parser.add_argument("--site", metavar="DIR", help="serve this built site folder (implies --no-build)")
    parser.add_argument(
        "--council-type", default="unitary", help="council type stored before the visit (default unitary)"
    )
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default 0: any free port)")
    parser.add_argument("--skip-bytes", action="store_true", help="do not measure first/repeat visit bytes")
    parser.add_argument("--json", metavar="FILE", help="also write the raw figures as JSON")
    args = parser.parse_args(argv)
    args.changes = max(args.changes, 1)

    from playwright.sync_api import sync_playwright

    try:
        served, site, site_note, notes = serve_and_build(args.questions, args.no_build, args.site, args.port)
    except SystemExit as error:
        print(error, file=sys.stderr)
        return 2
    write_floor(site)

    from scorecard.engine import Bank

    compiled = json.loads((site / "assets" / "bank.json").read_text(encoding="utf-8"))
    bank = Bank.from_dict(compiled)
    if len(bank.themes) < 2:
        served.close()
        print("error: the bank needs two themes for the warm navigation figure", file=sys.stderr)
        return 2
    council_type = args.council_type if args.council_type in bank.council_types else sorted(bank.council_types)[0]
    assessment = seeded_assessment(bank, council_type)
    first_theme, second_theme = bank.themes[0].id, bank.themes[1].id

    theme_url = served.base_url + f"themes/{first_theme}.html"
    storage = storage_for(served.base_url, assessment)
    floors, products, errors = [], [], []
    bytes_result = None
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                print_header(
                    "Scorecard benchmark: browser start-up (bench/browser_start.py)",
                    f"{browser.version} (headless, {CHROMIUM}, flags: {' '.join(CHROMIUM_ARGS)})",
                )
                print(site_note)
                for note in notes:
                    print(note)
                print(
                    f"bank    : version {bank.version}, {len(bank.themes)} themes, {len(bank.questions)} questions; "
                    f"visit to themes/{first_theme}.html as a {council_type} council with "
                    f"{len(assessment['answers'])} answers stored"
                )
                print(f"served  : {served.base_url} (scorecard.sitegen.serve.make_server, thread)")
                print(
                    f"runs    : {args.runs} (fresh context each, empty cache, service workers blocked); "
                    f"{args.changes} answer changes per run"
                )
                print()
                for run in range(args.runs):
                    order = ["floor", "product"] if run % 2 == 0 else ["product", "floor"]
                    for kind in order:
                        try:
                            if kind == "floor":
                                floors.append(
                                    {
                                        **run_floor(browser, served.base_url),
                                        "run": run,
                                        "formFloor": run_form_floor(browser, served.base_url),
                                    }
                                )
                            else:
                                products.append(
                                    {**run_product(browser, served, theme_url, second_theme, storage, args), "run": run}
                                )
                        except Exception as error:  # a benchmark reports, it does not stop
                            errors.append(f"run {run + 1} {kind}: {type(error).__name__}: {error}")
                    f, p = (floors[-1] if floors else None), (products[-1] if products else None)
                    print(
                        f"  run {run + 1}: floor {fmt(f and f['done'])}, first score {fmt(p and p['firstScore'])}, "
                        f"form usable {fmt(p and p['formUsable'])} (bare form {fmt(f and f['formFloor'])}), warm nav {fmt(p and p['warmNav'])} "
                        f"({p and p['warmNavKind']})"
                    )
                if not args.skip_bytes:
                    try:
                        bytes_result = run_bytes(browser, served, theme_url, storage)
                    except Exception as error:
                        errors.append(f"bytes: {type(error).__name__}: {error}")
            finally:
                browser.close()
    finally:
        served.close()

    report(floors, products, bytes_result, errors, args)
    if args.json:
        raw = {"floors": floors, "products": products, "errors": errors}
        if bytes_result:
            raw["bytes"] = {k: ([h.__dict__ for h in v] if isinstance(v, list) else v) for k, v in bytes_result.items()}
        Path(args.json).write_text(json.dumps(raw, indent=1), encoding="utf-8")
    return 0


def report(floors, products, bytes_result, errors, args) -> None:
    print()
    if errors:
        print("ERRORS (these runs are left out of the figures):")
        for e in errors:
            print("  " + e)
        print()
    rows = []

    def row(name, values, target_text, target, use="median", extra=""):
        values = [v for v in values if v is not None]
        med, low = median(values), (min(values) if values else float("nan"))
        value = med if use == "median" else percentile(values, 95)
        status = verdict(value, target) if target is not None else ""
        rows.append((name, fmt(med), fmt(low), target_text, status, extra))

    form = [p["formUsable"] for p in products]
    row("form usable (answer saved, painted)", form, f"<= {TARGET_FORM_MS} ms", TARGET_FORM_MS)
    form_floor = [f["formFloor"] for f in floors]
    row(
        "  bare form floor (one question, nothing else)",
        form_floor,
        "",
        None,
        extra=f"site - floor {fmt(median(form) - median(form_floor))}" if form and form_floor else "",
    )
    floor_done = [f["done"] for f in floors]
    first = [p["firstScore"] for p in products]
    row("bare Pyodide floor (1+1 in a worker)", floor_done, "", None)
    row("first live score", first, "", None)
    # Floor and product alternate within each run, so the paired per-run difference cancels drift
    # in the machine's load; the difference of the medians is printed beside it.
    floor_by_run = {f["run"]: f["done"] for f in floors}
    paired = [p["firstScore"] - floor_by_run[p["run"]] for p in products if p["run"] in floor_by_run]
    gap = median(paired)
    rows.append(
        (
            "first score - floor, per run (median / min)",
            fmt(gap),
            fmt(min(paired) if paired else None),
            f"<= {TARGET_FLOOR_GAP_MS} ms",
            verdict(gap, TARGET_FLOOR_GAP_MS),
            f"difference of medians {fmt(median(first) - median(floor_done))}; ratio first/floor "
            f"{median(first) / median(floor_done):.2f}x"
            if floor_done and first
            else "",
        )
    )
    rescore = [s for p in products for s in p["rescore"]]
    rows.append(
        (
            "re-score: change -> score DOM, median",
            fmt(median(rescore)),
            fmt(min(rescore) if rescore else None),
            f"<= {TARGET_RESCORE_MEDIAN_MS} ms",
            verdict(median(rescore), TARGET_RESCORE_MEDIAN_MS),
            f"{len(rescore)} changes",
        )
    )
    rows.append(
        (
            "re-score: change -> score DOM, p95",
            fmt(percentile(rescore, 95)),
            "",
            f"<= {TARGET_RESCORE_P95_MS} ms",
            verdict(percentile(rescore, 95), TARGET_RESCORE_P95_MS),
            f"max {fmt(max(rescore) if rescore else None)}",
        )
    )
    rt = [s for p in products for s in p["roundTrip"]]
    rows.append(
        (
            "  of which engine round trip (median/p95)",
            fmt(median(rt)),
            fmt(percentile(rt, 95)),
            "",
            "",
            "postMessage -> Pyodide score -> reply",
        )
    )
    warm = [p["warmNav"] for p in products]
    wasm_refetch = sum(p["warmNavWasm"] for p in products)
    row(
        "warm navigation: click -> score",
        warm,
        f"<= {TARGET_WARM_NAV_MS} ms",
        TARGET_WARM_NAV_MS,
        extra=f"new page DOM at {fmt(median([p['warmNavForm'] for p in products if p['warmNavForm'] is not None]))}",
    )
    kinds = sorted({p["warmNavKind"] for p in products})
    rows[-1] = rows[-1][:5] + (f"{'/'.join(kinds)}; " + rows[-1][5],)
    rows.append(
        (
            "warm navigation: pyodide.asm.wasm re-fetched",
            str(wasm_refetch),
            "",
            "0 requests",
            "PASS" if wasm_refetch == 0 and products else "MISS",
            f"worker.mjs re-fetched {sum(p['warmNavWorker'] for p in products)}x",
        )
    )

    width = max(len(r[0]) for r in rows)
    print(f"{'figure':<{width}}  {'median':>9}  {'min':>9}  {'target':<14} verdict")
    print("-" * (width + 50))
    for name, med, low, target, status, extra in rows:
        print(f"{name:<{width}}  {med:>9}  {low:>9}  {target:<14} {status:<5} {extra}")

    if products:
        print("\nStart-up timeline, median over runs (ms after navigation start):")
        timeline("first theme page", [p["events"] for p in products])
    if floors:
        timeline("bare Pyodide floor", [f["events"] for f in floors])
        print(
            f"  floor: loadPyodide() inside the worker took {fmt(median([f['loadPyodideMs'] for f in floors]))} (median)"
        )
    if products:
        print(
            f"  form probe: {median([p['probeClicks'] for p in products]):.0f} click(s) before the first saved "
            f"answer (median); FCP {fmt(median([p['fcp'] for p in products if p['fcp'] is not None]))}"
        )
        timeouts = sum(len(p["rescoreTimeouts"]) for p in products)
        if timeouts:
            print(f"  re-score: {timeouts} change(s) gave no score update within 5 s")
        print(f"  warm navigation requests (last run): {', '.join(products[-1]['warmNavRequests']) or 'none'}")

    if bytes_result:
        report_bytes(bytes_result, products)


def timeline(title: str, runs: list[dict]) -> None:
    names = []
    for events in runs:
        for name in events:
            if name not in names:
                names.append(name)
    values = {n: median([e[n] for e in runs if e.get(n) is not None]) for n in names}
    print(f"  {title}:")
    for name in sorted(names, key=lambda n: values[n]):
        print(f"    {values[name]:8.0f}  {name}")


def report_bytes(result: dict, page_only: list[dict]) -> None:
    first, repeat = result["first"], result["repeat"]
    print("\nBytes from the network (counted by the server: body bytes, with headers in brackets):")
    total_first = sum(h.body_bytes for h in first)
    if page_only:
        print(
            f"  first visit, service worker blocked (the timed runs, up to the first score): "
            f"{median([p['firstVisitResponses'] for p in page_only]):.0f} responses, "
            f"{human_bytes(median([p['firstVisitBytes'] for p in page_only]))} body (median)"
        )
    print(
        f"  first visit, service worker allowed: {len(first)} responses, {human_bytes(total_first)} body "
        f"({human_bytes(sum(h.total for h in first))} with headers); the service worker's precache runs "
        f"alongside the page's own requests (first score at {fmt(result['firstScore'])})"
    )
    for name, (count, body, _total) in sorted(by_group(first).items(), key=lambda kv: -kv[1][1]):
        print(f"    {human_bytes(body):>11} in {count:3d} responses  {name}")
    twice = {}
    for h in first:
        twice[h.path] = twice.get(h.path, 0) + 1
    dup = [p for p, n in twice.items() if n > 1]
    if dup:
        dup_bytes = sum(h.body_bytes for h in first if h.path in dup) - sum(
            max(h.body_bytes for h in first if h.path == p) for p in dup
        )
        print(
            f"    {len(dup)} file(s) fetched twice (page, then service worker precache), {human_bytes(dup_bytes)} "
            f"extra, e.g. {', '.join(sorted(dup, key=lambda p: -max(h.body_bytes for h in first if h.path == p))[:4])}"
        )
    total_repeat = sum(h.body_bytes for h in repeat)
    print(
        f"  repeat visit, same context, service worker active (page controlled: {result['controlled']}): "
        f"{len(repeat)} responses, {human_bytes(total_repeat)} body "
        f"({human_bytes(sum(h.total for h in repeat))} with headers); first score at {fmt(result['repeatScore'])}"
    )
    for h in repeat:
        print(f"    {h.status} {human_bytes(h.body_bytes):>11}  {h.path}")
    runtime = [
        h.path
        for h in repeat
        if "/assets/pyodide/" in h.path
        or "/assets/engine/" in h.path
        or h.path.endswith(("/assets/bank.json", "/assets/worker.mjs"))
    ]
    print(
        f"  repeat visit: Pyodide runtime and engine fetched from the network again: "
        f"{', '.join(runtime) if runtime else 'none'}   target: none   {'PASS' if not runtime else 'MISS'}"
    )


if __name__ == "__main__":
    sys.exit(main())
