#!/usr/bin/env python3
"""A council laptop: the site on a 4x slower CPU and a 10 Mbit/s network, against floors slowed the same way.

    python3 bench/slow_laptop.py [--runs 3] [--rate 4] [--mbit 10] [--latency 40] [--changes 120]
                                 [--no-build] [--site DIR] [--port N] [--json FILE] [--questions DIR]

Serves and builds the site as bench/browser_start.py does (or reuses its build with --no-build) and
writes the same floor pages beside it. Every page below is slowed the same way, in a fresh context
(empty cache, service workers blocked):

  CPU      the page's main thread by DevTools' CPU throttling (CDP Emulation.setCPUThrottlingRate,
           rate 4), and every worker's thread (the engine's module worker, Material's search worker,
           the floor's worker) to a quarter of a core by the kernel's CPU bandwidth control: CDP's
           throttling does not reach workers in this Chromium (see bench/_cpu_throttle.py). A check
           at the start times a busy loop on the main thread and in a worker, with and without it.
  network  CDP Network.emulateNetworkConditions on the page (it applies to its workers too):
           10 Mbit/s down and up, 40 ms latency.

and measures, each run alternating the order:

  first live score   navigation start -> the first theme page's score shows a number (a council
                     type and answers stored), against the BARE PYODIDE FLOOR (_bench/floor.html:
                     the same Pyodide in a module worker running 1+1)  target: within 15 % of it
  re-score p95       change event -> score panel update, --changes answer changes per run
                                                                        target: p95 under 100 ms
  change after a pause   the same for one change made 1.53 s after the engine's last reply, when
                     it has just begun to keep itself for the next visit (it packs its snapshot
                     once no message has come for 1.5 s: assets/worker.mjs), as an officer who
                     reads the first score and then answers             target: under 100 ms
  form usable        navigation start -> a clicked answer saved (and the page painted), against
                     the BARE FORM FLOOR (_bench/form-floor.html)       target: within 2x of it

Ratios are per run (site over the floor measured beside it), then the median over runs.
Always exits 0: a missed target is a figure, not a failure.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    STORAGE_KEY,
    add_slow_visit_options,
    load_line,
    median,
    percentile,
    print_header,
    seeded_assessment,
    serve_and_build,
)
from _cpu_throttle import WorkerThrottle, cpu_check, throttle_page, write_cpu_check  # noqa: E402
from browser_start import (  # noqa: E402
    RESCORE_JS,
    ROUND_TRIP_JS,
    TIMELINE_JS,
    TIMEOUT_MS,
    fmt,
    instrumented_context,
    new_context,
    page_events,
    storage_for,
    timeline,
    wait_bench,
    worker_timeline,
    write_floor,
)

TARGET_FIRST_RATIO = 1.15
TARGET_RESCORE_P95_MS = 100
TARGET_FORM_RATIO = 2.0
SLOW_TIMEOUT_MS = 4 * TIMEOUT_MS
QUIET_MS = 1530  # assets/worker.mjs keeps its snapshot once no message has come for 1500 ms

# Ask the engine once (as ROUND_TRIP_JS does), so its last message is known, then wait QUIET_MS: the engine
# has just begun to keep its snapshot when the next change is made (RESCORE_JS, one change).
QUIET_JS = """async (quietMs) => {
  const engine = await import(new URL("/assets/js/engine.js", location.href).href);
  const saved = JSON.parse(localStorage.getItem(__KEY__));
  const assessment = { ...saved, council: { ...saved.council, name: saved.council.name || "Your council" } };
  if (!assessment.council.region) delete assessment.council.region;
  if (!assessment.council.ons_code) delete assessment.council.ons_code;
  const reply = await engine.call("live_score", assessment);
  if (!reply.ok) return { error: reply.problems };
  const replied = performance.now();
  await new Promise((r) => setTimeout(r, quietMs));
  return { quiet: performance.now() - replied };
}"""


def slow_page(context, args):
    """A new page whose main thread and network are slowed (its workers are slowed by WorkerThrottle)."""
    page = context.new_page()
    page.set_default_timeout(SLOW_TIMEOUT_MS)
    throttle_page(context, page, args.rate)
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    rate = args.mbit * 1_000_000 / 8
    session.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": args.latency, "downloadThroughput": rate, "uploadThroughput": rate},
    )
    return page


def run_pyodide_floor(browser, base_url: str, args) -> dict:
    context = new_context(browser, "block")
    try:
        page = slow_page(context, args)
        page.goto(base_url + "_bench/floor.html")
        page.wait_for_function("() => window.__floor && (window.__floor.done || window.__floor.error)")
        floor = page.evaluate("window.__floor")
        if floor.get("error") or floor["worker"]["value"] != 2:
            raise RuntimeError(f"the floor page failed: {floor}")
        data = page.evaluate(TIMELINE_JS)
        events = page_events(data)
        events.update(worker_timeline(page, "floor-worker", data["origin"]))
        events["1+1 result in the page"] = floor["done"]
        return {"done": floor["done"], "loadPyodideMs": floor["worker"]["loadPyodideMs"], "events": events}
    finally:
        context.close()


def run_form_floor(browser, base_url: str, args) -> float:
    context = instrumented_context(browser, "block", None, probe=True)
    try:
        page = slow_page(context, args)
        page.goto(base_url + "_bench/form-floor.html")
        wait_bench(page, "window.__bench.formUsable !== null && window.__bench.fcp !== null")
        bench = page.evaluate("window.__bench")
        return max(bench["formUsable"], bench["fcp"])
    finally:
        context.close()


def run_site(browser, theme_url: str, storage: dict, args) -> dict:
    context = instrumented_context(browser, "block", storage, probe=True)
    try:
        page = slow_page(context, args)
        page.goto(theme_url)
        page.wait_for_function(
            "() => window.__bench && window.__bench.firstScore !== null && window.__bench.formUsable !== null",
            timeout=SLOW_TIMEOUT_MS,
        )
        bench = page.evaluate("window.__bench")
        data = page.evaluate(TIMELINE_JS)
        events = page_events(data)
        events.update(worker_timeline(page, "worker.mjs", data["origin"]))
        events["form usable (answer saved)"] = bench["formUsable"]
        if bench["mounted"] is not None:
            events["page parsed, questions shown as saved"] = bench["mounted"]
        events["engine ready (data-engine)"] = bench["engineReady"]
        events["first live score in the DOM"] = bench["firstScore"]
        quiet = page.evaluate(QUIET_JS.replace("__KEY__", json.dumps(STORAGE_KEY)), QUIET_MS)
        if "error" in quiet:
            raise RuntimeError(f"engine call failed: {quiet['error']}")
        after_pause = page.evaluate(RESCORE_JS, {"changes": 1, "gapMs": 5})
        rescore = page.evaluate(RESCORE_JS, {"changes": args.changes, "gapMs": 5})
        round_trip = page.evaluate(ROUND_TRIP_JS.replace("__KEY__", json.dumps(STORAGE_KEY)), {"calls": args.changes})
        if "error" in round_trip:
            raise RuntimeError(f"engine round trip failed: {round_trip['error']}")
        return {
            "firstScore": bench["firstScore"],
            "formUsable": max(bench["formUsable"], bench["fcp"] or 0),
            "fcp": bench["fcp"],
            "events": events,
            "rescore": rescore["samples"],
            "rescoreTimeouts": rescore["timeouts"] + after_pause["timeouts"],
            "afterPause": after_pause["samples"][0] if after_pause["samples"] else None,
            "quietFor": quiet["quiet"],
            "roundTrip": round_trip["samples"],
        }
    finally:
        context.close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs, each a site, a Pyodide floor and a form floor")
    parser.add_argument("--rate", type=float, default=4.0, help="CPU slow-down (default 4)")
    parser.add_argument("--changes", type=int, default=120, help="answer changes per run for the re-score figure")
    add_slow_visit_options(parser)
    args = parser.parse_args(argv)
    args.changes = max(args.changes, 1)

    from playwright.sync_api import sync_playwright

    try:
        served, site, site_note, notes = serve_and_build(args.questions, args.no_build, args.site, args.port)
    except SystemExit as error:
        print(error, file=sys.stderr)
        return 2
    write_floor(site)
    check_url = served.base_url + write_cpu_check(site)

    from scorecard.engine import Bank

    bank = Bank.from_dict(json.loads((site / "assets" / "bank.json").read_text(encoding="utf-8")))
    council_type = args.council_type if args.council_type in bank.council_types else sorted(bank.council_types)[0]
    assessment = seeded_assessment(bank, council_type)
    theme_url = served.base_url + f"themes/{bank.themes[0].id}.html"
    storage = storage_for(served.base_url, assessment)
    workers = WorkerThrottle(args.rate)
    unthrottled = workers.start()
    sites, floors, forms, errors = [], [], [], []
    check: dict = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                print_header(
                    "Scorecard benchmark: a council laptop (bench/slow_laptop.py)",
                    f"{browser.version} (headless, {CHROMIUM})",
                )
                print(site_note)
                for note in notes:
                    print(note)
                print(
                    f"visit   : themes/{bank.themes[0].id}.html as a {council_type} council with "
                    f"{len(assessment['answers'])} answers stored; bank version {bank.version}"
                )
                print(
                    f"network : {args.mbit:g} Mbit/s down and up, {args.latency:g} ms latency "
                    "(CDP Network.emulateNetworkConditions on each page)"
                )
                print(f"CPU     : {args.rate:g}x slower: main thread by CDP Emulation.setCPUThrottlingRate; ", end="")
                print(
                    f"WORKERS NOT THROTTLED ({unthrottled})"
                    if unthrottled
                    else f"worker threads by cgroup v1 CPU bandwidth ({100 / args.rate:g} % of a core each)"
                )
                check = cpu_check(browser, check_url, args.rate, None if unthrottled else workers)
                print(
                    "check   : busy loop, median of 3: "
                    f"main thread {fmt(check['main'])} -> {fmt(check['main throttled'])} "
                    f"({check['main throttled'] / check['main']:.1f}x), "
                    f"worker {fmt(check['worker'])} -> {fmt(check['worker throttled'])} "
                    f"({check['worker throttled'] / check['worker']:.1f}x)"
                )
                print()
                kinds = ["pyodide floor", "site", "form floor"]
                for run in range(args.runs):
                    for kind in kinds[run % 3 :] + kinds[: run % 3]:
                        try:
                            if kind == "site":
                                sites.append({**run_site(browser, theme_url, storage, args), "run": run})
                            elif kind == "pyodide floor":
                                floors.append({**run_pyodide_floor(browser, served.base_url, args), "run": run})
                            else:
                                forms.append({"formFloor": run_form_floor(browser, served.base_url, args), "run": run})
                        except Exception as error:  # a benchmark reports, it does not stop
                            errors.append(f"run {run + 1} {kind}: {type(error).__name__}: {error}")
                    s = next((x for x in sites if x["run"] == run), None)
                    f = next((x for x in floors if x["run"] == run), None)
                    g = next((x for x in forms if x["run"] == run), None)
                    print(
                        f"  run {run + 1}: first score {fmt(s and s['firstScore'])} (Pyodide floor "
                        f"{fmt(f and f['done'])}); form usable {fmt(s and s['formUsable'])} (form floor "
                        f"{fmt(g and g['formFloor'])}); re-score p95 {fmt(s and percentile(s['rescore'], 95))}, "
                        f"after a pause {fmt(s and s['afterPause'])}; "
                        f"load {load_line()}"
                    )
            finally:
                browser.close()
    finally:
        served.close()
        workers.close()
    report(sites, floors, forms, errors, bool(unthrottled))
    if args.json:
        raw = {"check": check, "sites": sites, "floors": floors, "forms": forms, "errors": errors}
        Path(args.json).write_text(json.dumps(raw, indent=1), encoding="utf-8")
    return 0


def per_run_ratios(sites: list[dict], floors: dict[int, float], key: str) -> list[float]:
    return [s[key] / floors[s["run"]] for s in sites if s["run"] in floors and floors[s["run"]]]


def report(sites, floors, forms, errors, workers_unthrottled: bool) -> None:
    print()
    if errors:
        print("ERRORS (these runs are left out of the figures):")
        for error in errors:
            print("  " + error)
        print()
    first = [s["firstScore"] for s in sites]
    floor_done = {f["run"]: f["done"] for f in floors}
    first_ratio = median(per_run_ratios(sites, floor_done, "firstScore"))
    form = [s["formUsable"] for s in sites]
    form_floor = {g["run"]: g["formFloor"] for g in forms}
    form_ratio = median(per_run_ratios(sites, form_floor, "formUsable"))
    rescore = [x for s in sites for x in s["rescore"]]
    paused = [s["afterPause"] for s in sites if s["afterPause"] is not None]
    round_trip = [x for s in sites for x in s["roundTrip"]]

    def status(ok: bool) -> str:
        return "PASS" if ok else "MISS"

    rows = [
        ("first live score", fmt(median(first)), "", ""),
        ("  bare Pyodide floor (1+1 in a worker)", fmt(median(list(floor_done.values()))), "", ""),
        (
            "  first score / floor, per run",
            f"{first_ratio:.2f}x",
            f"<= {TARGET_FIRST_RATIO:.2f}x",
            status(first_ratio <= TARGET_FIRST_RATIO),
        ),
        ("re-score: change -> score DOM, median", fmt(median(rescore)), "", ""),
        (
            "re-score: change -> score DOM, p95",
            fmt(percentile(rescore, 95)),
            f"< {TARGET_RESCORE_P95_MS} ms",
            status(percentile(rescore, 95) < TARGET_RESCORE_P95_MS),
        ),
        (
            "re-score as the engine starts keeping itself, worst",
            fmt(max(paused) if paused else None),
            f"< {TARGET_RESCORE_P95_MS} ms",
            status(bool(paused) and max(paused) < TARGET_RESCORE_P95_MS),
        ),
        (
            "  engine round trip, median / p95",
            f"{fmt(median(round_trip))} / {fmt(percentile(round_trip, 95))}",
            "",
            "",
        ),
        ("form usable (answer saved, painted)", fmt(median(form)), "", ""),
        ("  bare form floor (one question, nothing else)", fmt(median(list(form_floor.values()))), "", ""),
        (
            "  form usable / form floor, per run",
            f"{form_ratio:.2f}x",
            f"<= {TARGET_FORM_RATIO:.1f}x",
            status(form_ratio <= TARGET_FORM_RATIO),
        ),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'figure (median over runs)':<{width}}  {'value':>16}  {'target':<10} verdict")
    print("-" * (width + 40))
    for name, value, target, verdict in rows:
        print(f"{name:<{width}}  {value:>16}  {target:<10} {verdict}")
    if workers_unthrottled:
        print("\n  NOTE: the workers ran at full speed: these are not a slow laptop's figures.")
    timeouts = sum(len(s["rescoreTimeouts"]) for s in sites)
    print(f"\n  re-score: {len(rescore)} changes timed, {timeouts} gave no score update within 5 s")
    if sites:
        print("\nStart-up timeline, median over runs (ms after navigation start):")
        timeline("first theme page", [s["events"] for s in sites])
    if floors:
        timeline("bare Pyodide floor", [f["events"] for f in floors])
        print(f"  floor: loadPyodide() inside its worker {fmt(median([f['loadPyodideMs'] for f in floors]))} (median)")
    print(f"  load at the end: {load_line()}")


if __name__ == "__main__":
    sys.exit(main())
