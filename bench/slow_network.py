#!/usr/bin/env python3
"""A council network: a first visit at 10 Mbit/s and a repeat visit, beside the bare Pyodide floor.

    python3 bench/slow_network.py [--runs 5] [--mbit 10] [--latency 40] [--no-build] [--questions DIR]
                                  [--port N] [--json FILE]

Serves and builds the site as browser_start.py does (_build/bench/site, scorecard.sitegen.serve.make_server,
so the precompressed .br/.gz copies are sent to Chromium, which asks for them), and writes the same
bare Pyodide floor page (_bench/floor.html: the site's Pyodide runtime with Pyodide's own full
standard library, in a module worker, running 1+1).

Each run starts Chromium with a new, empty profile on disk (as an officer's browser: a disk HTTP cache
and Cache API, service workers allowed), throttles the page and its worker with CDP
Network.emulateNetworkConditions (10 Mbit/s down and up, 40 ms latency), and measures, for the site,
the floor and the snapshot floor in turn (which goes first rotates):

  first visit    navigation start -> first live score on a theme page (a council type and answers
                 already stored); for the floor, -> 1+1                      target <= 6 s (site)
  bytes          every byte the server wrote during the first visit, body and headers, until the
                 service worker has precached the site and the engine has kept its snapshot
                                                                             target <= 4.5 MB (site)
  repeat visit   a new page in the same profile, the site's service worker stopped first (as when an
                 officer comes back another day): navigation -> first live score, and how the engine
                 started ("restored" from its snapshot, or "started"); for the floor, -> 1+1 with
                 Pyodide in the HTTP cache                    target <= 1 s and below the floor's own
                                                              repeat visit in the same run (paired)
  snapshot floor the bare floor again, but its first visit keeps Pyodide's own memory snapshot (after
                 1+1) in the Cache API and its repeat visit restores it: navigation -> 1+1, and
                 loadPyodide's time inside the worker. What any restored start of this Pyodide
                 costs on this machine, with no page, engine or bank around it (no target).

Figures are medians over runs. The machine's load moves them: the script prints it before and after.
Always exits 0: a missed target is a figure, not a failure.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    add_slow_visit_options,
    human_bytes,
    load_line,
    median,
    print_header,
    seeded_assessment,
    serve_and_build,
    verdict,
)
from browser_start import STORAGE_KEY, TIMEOUT_MS, fmt, instrument, settle, write_floor  # noqa: E402

TARGET_FIRST_MS = 6000
TARGET_BYTES = 4_500_000
TARGET_REPEAT_MS = 1000

SNAPSHOT_KEPT_JS = """async () => {
  if (!navigator.serviceWorker.controller) return false;
  const store = await caches.open("scorecard-engine");
  return (await store.keys()).some((r) => r.url.includes("/engine/snapshot?v="));
}"""
ENGINE_STATUS_JS = "() => import(new URL('/assets/js/engine.js', location.href).href).then((m) => m.engineStatus())"


def throttle(context, page, mbit: float, latency_ms: float) -> None:
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    rate = mbit * 1_000_000 / 8
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": latency_ms, "downloadThroughput": rate, "uploadThroughput": rate},
    )


def poll(page, script: str, timeout_s: float = 90.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if page.evaluate(script):
            return True
        page.wait_for_timeout(250)
    return False


def profile(playwright, folder: Path, storage: dict | None):
    context = playwright.chromium.launch_persistent_context(
        str(folder), executable_path=CHROMIUM, args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 900}
    )
    if storage:  # answers saved before the visit, as browser_start.py does
        context.add_init_script(
            f"if (!localStorage.getItem({json.dumps(STORAGE_KEY)})) localStorage.setItem({json.dumps(STORAGE_KEY)}, "
            f"{json.dumps(json.dumps(storage))});"
        )
    context.add_init_script(instrument(probe=False))
    return context


def stop_service_workers(context, page) -> None:
    """As when an officer comes back another day: the browser has stopped the site's service worker,
    so a repeat visit finds it stopped (a page that needs it waits for it to start)."""
    cdp = context.new_cdp_session(page)
    cdp.send("ServiceWorker.enable")
    cdp.send("ServiceWorker.stopAllWorkers")


def visit(context, served, url: str, args, until: str):
    page = context.new_page()
    throttle(context, page, args.mbit, args.latency)
    mark = served.mark()
    page.goto(url)
    page.wait_for_function(until, timeout=TIMEOUT_MS)
    return page, mark


def run_site(playwright, served, theme_url: str, assessment: dict, args, folder: Path) -> dict:
    context = profile(playwright, folder, assessment)
    try:
        page, mark = visit(
            context, served, theme_url, args, "() => window.__bench && window.__bench.firstScore !== null"
        )
        first = page.evaluate("window.__bench.firstScore")
        first_status = page.evaluate(ENGINE_STATUS_JS)
        kept = poll(page, SNAPSHOT_KEPT_JS)
        settle(served)
        first_hits = served.since(mark)
        stop_service_workers(context, page)
        page.close()
        page, mark = visit(
            context, served, theme_url, args, "() => window.__bench && window.__bench.firstScore !== null"
        )
        repeat = page.evaluate("window.__bench.firstScore")
        repeat_status = page.evaluate(ENGINE_STATUS_JS)
        settle(served, quiet_s=0.5)
        repeat_hits = served.since(mark)
        return {
            "first": first,
            "firstHow": first_status.get("how"),
            "snapshotKept": kept,
            "firstBytes": sum(h.total for h in first_hits),
            "firstBody": sum(h.body_bytes for h in first_hits),
            "firstResponses": len(first_hits),
            "repeat": repeat,
            "repeatHow": repeat_status.get("how"),
            "repeatEngineMs": repeat_status.get("startMs"),
            "repeatBytes": sum(h.total for h in repeat_hits),
            "repeatResponses": len(repeat_hits),
            "largest": sorted(((h.body_bytes, h.path) for h in first_hits), reverse=True)[:6],
        }
    finally:
        context.close()


def run_floor(playwright, served, args, folder: Path, snapshot: bool = False) -> dict:
    """The bare Pyodide floor's first and repeat visits; with snapshot, its repeat visit restores
    Pyodide's own memory snapshot, kept by the first visit."""
    context = profile(playwright, folder, None)
    url = served.base_url + "_bench/floor.html" + ("?snapshot" if snapshot else "")
    try:
        until = "() => window.__floor && (window.__floor.done || window.__floor.error)"
        page, mark = visit(context, served, url, args, until)
        first = page.evaluate("window.__floor")
        if snapshot and not poll(page, "() => window.__floor.kept === true"):
            raise RuntimeError("the floor kept no snapshot")
        settle(served, quiet_s=0.5)
        first_hits = served.since(mark)
        page.close()
        page, mark = visit(context, served, url, args, until)
        repeat = page.evaluate("window.__floor")
        settle(served, quiet_s=0.5)
        repeat_hits = served.since(mark)
        for value in (first, repeat):
            if value.get("error") or value["worker"]["value"] != 2:
                raise RuntimeError(f"the floor page failed: {value}")
        if snapshot and repeat["worker"]["how"] != "restored":
            raise RuntimeError("the floor's repeat visit did not restore its snapshot")
        return {
            "first": first["done"],
            "repeat": repeat["done"],
            "repeatPyodideMs": repeat["worker"]["loadPyodideMs"],
            "firstBytes": sum(h.total for h in first_hits),
            "repeatBytes": sum(h.total for h in repeat_hits),
        }
    finally:
        context.close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs, each a site and a floor profile (default 5)")
    add_slow_visit_options(parser)
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    try:
        served, site, site_note, notes = serve_and_build(args.questions, args.no_build, args.site, args.port)
    except SystemExit as error:
        print(error, file=sys.stderr)
        return 2
    write_floor(site)

    from scorecard.engine import Bank

    bank = Bank.from_dict(json.loads((site / "assets" / "bank.json").read_text(encoding="utf-8")))
    council_type = args.council_type if args.council_type in bank.council_types else sorted(bank.council_types)[0]
    assessment = seeded_assessment(bank, council_type)
    theme_url = served.base_url + f"themes/{bank.themes[0].id}.html"
    sites, floors, snapshot_floors, errors = [], [], [], []
    profiles = Path(tempfile.mkdtemp(prefix="scorecard-bench-"))
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            version = browser.version
            browser.close()
            print_header(
                "Scorecard benchmark: a council network (bench/slow_network.py)",
                f"{version} (headless, {CHROMIUM}, a new profile on disk per run)",
            )
            print(site_note)
            for note in notes:
                print(note)
            print(
                f"network : {args.mbit:g} Mbit/s down and up, {args.latency:g} ms latency "
                "(CDP Network.emulateNetworkConditions on each page; it applies to the page's worker too)"
            )
            print(
                f"visit   : themes/{bank.themes[0].id}.html as a {council_type} council with "
                f"{len(assessment['answers'])} answers stored; bank version {bank.version}"
            )
            print()
            for run in range(args.runs):
                kinds = ["floor", "site", "snapshot floor"]
                for kind in kinds[run % 3 :] + kinds[: run % 3]:
                    folder = profiles / f"{kind}-{run}"
                    try:
                        if kind == "site":
                            sites.append(
                                {**run_site(playwright, served, theme_url, assessment, args, folder), "run": run}
                            )
                        elif kind == "floor":
                            floors.append({**run_floor(playwright, served, args, folder), "run": run})
                        else:
                            snapshot_floors.append(
                                {**run_floor(playwright, served, args, folder, snapshot=True), "run": run}
                            )
                    except Exception as error:  # a benchmark reports, it does not stop
                        errors.append(f"run {run + 1} {kind}: {type(error).__name__}: {error}")
                    finally:
                        shutil.rmtree(folder, ignore_errors=True)
                s = sites[-1] if sites and sites[-1]["run"] == run else None
                f = floors[-1] if floors and floors[-1]["run"] == run else None
                r = snapshot_floors[-1] if snapshot_floors and snapshot_floors[-1]["run"] == run else None
                print(
                    f"  run {run + 1}: site first {fmt(s and s['first'])}, repeat {fmt(s and s['repeat'])} "
                    f"({s and s['repeatHow']}); floor first {fmt(f and f['first'])}, repeat {fmt(f and f['repeat'])}; "
                    f"floor restored {fmt(r and r['repeat'])}; load {load_line()}"
                )
    finally:
        served.close()
        shutil.rmtree(profiles, ignore_errors=True)
    report(sites, floors, snapshot_floors, errors)
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {"sites": sites, "floors": floors, "snapshotFloors": snapshot_floors, "errors": errors}, indent=1
            ),
            encoding="utf-8",
        )
    return 0


def report(sites: list[dict], floors: list[dict], snapshot_floors: list[dict], errors: list[str]) -> None:
    print()
    if errors:
        print("ERRORS (these runs are left out of the figures):")
        for error in errors:
            print("  " + error)
        print()
    floor_by_run = {f["run"]: f for f in floors}
    paired = [s["repeat"] - floor_by_run[s["run"]]["repeat"] for s in sites if s["run"] in floor_by_run]
    rows = [
        (
            "first visit: first score (site)",
            fmt(median([s["first"] for s in sites])),
            f"<= {TARGET_FIRST_MS / 1000:g} s",
            verdict(median([s["first"] for s in sites]), TARGET_FIRST_MS),
        ),
        ("first visit: 1+1 (bare Pyodide floor)", fmt(median([f["first"] for f in floors])), "", ""),
        (
            "first visit: bytes on the wire (site)",
            f"{median([s['firstBytes'] for s in sites]) / 1e6:.2f} MB",
            f"<= {TARGET_BYTES / 1e6:g} MB",
            verdict(median([s["firstBytes"] for s in sites]), TARGET_BYTES),
        ),
        ("first visit: bytes on the wire (floor)", f"{median([f['firstBytes'] for f in floors]) / 1e6:.2f} MB", "", ""),
        (
            "repeat visit: first score (site)",
            fmt(median([s["repeat"] for s in sites])),
            f"<= {TARGET_REPEAT_MS} ms",
            verdict(median([s["repeat"] for s in sites]), TARGET_REPEAT_MS),
        ),
        ("repeat visit: 1+1 (bare Pyodide floor, HTTP cache)", fmt(median([f["repeat"] for f in floors])), "", ""),
        (
            "repeat visit: site - floor, per run",
            fmt(median(paired)),
            "< 0 ms",
            "PASS" if paired and median(paired) < 0 else "MISS",
        ),
        (
            "repeat visit: 1+1 (bare Pyodide restoring its own snapshot)",
            fmt(median([r["repeat"] for r in snapshot_floors])),
            "",
            "",
        ),
        (
            "  of which loadPyodide inside its worker",
            fmt(median([r["repeatPyodideMs"] for r in snapshot_floors])),
            "",
            "",
        ),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'figure (median over runs)':<{width}}  {'value':>10}  {'target':<12} verdict")
    print("-" * (width + 40))
    for name, value, target, status in rows:
        print(f"{name:<{width}}  {value:>10}  {target:<12} {status}")
    if sites:
        hows = [s["repeatHow"] for s in sites]
        print(
            f"\n  repeat visits restored from the snapshot: {hows.count('restored')} of {len(hows)}; "
            f"engine start inside the worker {fmt(median([s['repeatEngineMs'] for s in sites if s['repeatEngineMs']]))} "
            f"(median); snapshot kept after the first visit: {sum(s['snapshotKept'] for s in sites)} of {len(sites)}"
        )
        print(
            f"  first visit: {median([s['firstResponses'] for s in sites]):.0f} responses, "
            f"{human_bytes(median([s['firstBody'] for s in sites]))} of bodies; largest (last run): "
            + ", ".join(f"{p} {human_bytes(b)}" for b, p in sites[-1]["largest"])
        )
        print(
            f"  repeat visit: {median([s['repeatResponses'] for s in sites]):.0f} responses, "
            f"{human_bytes(median([s['repeatBytes'] for s in sites]))} (median); floor's repeat visit "
            f"{human_bytes(median([f['repeatBytes'] for f in floors]))}"
        )
    print(f"  load at the end: {load_line()}")


if __name__ == "__main__":
    sys.exit(main())
