#!/usr/bin/env python3
"""Bulk scoring benchmark: scoring cost relative to JSON parsing, in CPython (and optionally in the browser).

    python3 bench/bulk_scoring.py [--count 10000] [--repeat 3] [--questions DIR] [--browser [--no-build]]

CPython: generates COUNT assessments with scorecard.testing.random_assessment (fixed seed),
serialises them to JSON strings, then times
  (a) json.loads of every string, and
  (b) json.loads + load_assessment + score_assessment of every string,
and reports assessments/second and (b - a) / a: the scoring cost as a multiple of the parse
cost. Target: (b - a) / a <= 3. (b') is the path a comparison takes: json.loads + load_assessment +
score_assessment(detail=False) (the theme and overall figures, without each question's status). The target
applies to it. On a miss, cProfile shows where (b') and (b) spend their time.
(c), for reference: the whole comparison of the same files (compare_files), what the Compare page and
`scorecard compare` run: each file read as a file is, its figures, then the groups, medians and rows; and the
same for the first 400 files, about the UK's councils (382 current ones in data/uk_local_authorities.csv).

--browser: on the built site, once the engine is ready, times the worker's "compare" operation
(scorecard/browser.py, the Compare page) on 400 of the assessments. Target <= 1 s. If the
operation does not exist, says so and skips it.

Always exits 0: a missed target is a figure, not a failure.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import pstats
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    add_questions_option,
    announce_bank,
    median,
    print_header,
    serve_and_build,
    verdict,
)

from scorecard.bank_source.load import load_bank  # noqa: E402
from scorecard.engine import Bank, load_assessment, score_assessment  # noqa: E402
from scorecard.engine.comparison import compare_files  # noqa: E402
from scorecard.testing import random_assessment  # noqa: E402

TARGET_RATIO = 3.0
TARGET_BROWSER_S = 1.0
BROWSER_COUNT = 400
UK_COUNCILS = 400  # about every council in the UK: a comparison of all of them
SEED = 20261123


def make_texts(bank: Bank, count: int, seed: int = SEED) -> list[str]:
    rng = random.Random(seed)
    return [
        json.dumps(random_assessment(bank, rng, name=f"Example council {i:05d}"), ensure_ascii=False)
        for i in range(count)
    ]


def parse_all(texts: list[str], bank: Bank) -> None:
    loads = json.loads
    for text in texts:
        loads(text)


def score_all(texts: list[str], bank: Bank) -> None:
    loads = json.loads
    for text in texts:
        score_assessment(bank, load_assessment(loads(text), bank))


def figures_all(texts: list[str], bank: Bank) -> None:
    """The bulk path (what a comparison scores): each file checked in full, then its theme and overall figures
    (score_assessment(detail=False))."""
    loads = json.loads
    for text in texts:
        score_assessment(bank, load_assessment(loads(text), bank), detail=False)


def compare_all(texts: list[str], bank: Bank) -> None:
    """The whole comparison the Compare page and `scorecard compare` make of these files (compare_files): reading
    each file as a file is read, its figures, then the groups, medians and rows."""
    compare_files(bank, [(f"assessment-{i:05d}.json", text) for i, text in enumerate(texts)])


def check_all(texts: list[str], bank: Bank) -> None:
    loads = json.loads
    for text in texts:
        load_assessment(loads(text), bank)


def timed(function, texts, bank, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        function(texts, bank)
        times.append(time.perf_counter() - started)
    return times


def profile(texts: list[str], bank: Bank, top: int, function=score_all) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    function(texts, bank)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    out.write("\n--- by cumulative time ---\n")
    stats.sort_stats("cumulative").print_stats(top)
    text = out.getvalue()
    # Shorten the file paths to keep the table readable.
    root = str(Path(__file__).resolve().parents[1]) + "/"
    return text.replace(root, "").replace(str(Path(json.__file__).parent.parent) + "/", "")


def browser_part(args, bank: Bank, texts: list[str]) -> None:
    print(
        f"\nBrowser: the worker's compare operation on {BROWSER_COUNT} assessments (target <= {TARGET_BROWSER_S:.0f} s)"
    )
    from scorecard.browser import BrowserApi

    compiled_json = None
    files = [{"name": f"assessment-{i:03d}.json", "text": t} for i, t in enumerate(texts[:BROWSER_COUNT])]
    try:
        served, site, site_note, notes = serve_and_build(args.questions, args.no_build, args.site)
    except SystemExit as error:
        print(f"  SKIPPED: {error}")
        return
    try:
        compiled_json = (site / "assets" / "bank.json").read_text(encoding="utf-8")
        api = BrowserApi(compiled_json)
        print("  " + site_note.strip())
        for note in notes:
            print("  " + note)
        if "compare" not in api.ops:
            print(
                "  SKIPPED: scorecard/browser.py has no 'compare' operation yet (BrowserApi.ops: "
                f"{', '.join(api.ops)}); the Compare page is not there to measure."
            )
            return
        site_bank = Bank.from_dict(json.loads(compiled_json))
        if site_bank.version != bank.version or set(site_bank.questions) != set(bank.questions):
            rng = random.Random(SEED)
            files = [
                {
                    "name": f"assessment-{i:03d}.json",
                    "text": json.dumps(random_assessment(site_bank, rng, name=f"Example council {i:05d}")),
                }
                for i in range(BROWSER_COUNT)
            ]
            print("  (the built site has another bank: assessments generated for it)")
        payload = {"files": files}
        started = time.perf_counter()
        reply = json.loads(api.call("compare", json.dumps(payload)))
        cpython_s = time.perf_counter() - started
        if not reply.get("ok"):
            print(
                f"  SKIPPED: the compare operation refused the payload {{'files': [{{name, text}}]}}: "
                f"{reply.get('problems')}"
            )
            return
        compared = reply["comparison"].get("counts", {})
        print(f"  CPython, same operation for reference: {cpython_s * 1000:.0f} ms ({compared})")
        run_browser(served, site, payload, cpython_s)
    finally:
        served.close()


COMPARE_JS = """async ({ payload, repeats }) => {
  const engine = await import(new URL("/assets/js/engine.js", location.href).href);
  const times = [];
  let reply = null;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    reply = await engine.call("compare", payload);
    times.push(performance.now() - t0);
    if (!reply.ok) return { error: reply.problems };
  }
  const scoreTimes = [];
  const first = JSON.parse(payload.files[0].text);
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    await engine.call("score", first);
    scoreTimes.push(performance.now() - t0);
  }
  return { times, counts: reply.comparison.counts, scoreTimes };
}"""


def run_browser(served, site: Path, payload: dict, cpython_s: float) -> None:
    from playwright.sync_api import sync_playwright

    page_path = "compare.html" if (site / "compare.html").exists() else "index.html"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            print(f"  chromium {browser.version}; page {page_path}")
            context = browser.new_context(service_workers="block")
            page = context.new_page()
            page.goto(served.base_url + page_path)
            page.wait_for_function("() => document.documentElement.dataset.engine === 'ready'", timeout=120_000)
            result = page.evaluate(COMPARE_JS, {"payload": payload, "repeats": 4})
            context.close()
        finally:
            browser.close()
    if "error" in result:
        print(f"  SKIPPED: the compare operation failed in the browser: {result['error']}")
        return
    first, rest = result["times"][0], result["times"][1:]
    print(
        f"  first compare after the engine is ready: {first:,.0f} ms   target <= {TARGET_BROWSER_S * 1000:,.0f} ms   "
        f"{verdict(first / 1000, TARGET_BROWSER_S)}"
    )
    print(
        f"  later compares (median of {len(rest)}): {median(rest):,.0f} ms; "
        f"{BROWSER_COUNT / (median(rest) / 1000):,.0f} assessments/s; Pyodide/CPython {median(rest) / 1000 / cpython_s:.1f}x"
    )
    print(f"  for reference, one 'score' round trip (median of 50): {median(result['scoreTimes']):.1f} ms")
    print(f"  compared: {result['counts']}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000, help="assessments (default 10000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed repeats of each pass (default 3)")
    add_questions_option(parser)
    parser.add_argument("--profile", action="store_true", help="print the cProfile table even when the target is met")
    parser.add_argument("--top", type=int, default=20, help="functions in the profile table (default 20)")
    parser.add_argument("--browser", action="store_true", help="also time the browser worker's compare operation")
    parser.add_argument("--no-build", action="store_true", help="--browser: reuse the last benchmark build")
    parser.add_argument("--site", metavar="DIR", help="--browser: serve this built site folder")
    args = parser.parse_args(argv)

    print_header("Scorecard benchmark: bulk scoring (bench/bulk_scoring.py)")
    choice = announce_bank(args.questions)
    compiled, problems = load_bank(choice.questions, choice.guidance)
    if problems:
        print("error: the bank has problems:\n" + "\n".join(map(str, problems)), file=sys.stderr)
        return 2
    bank = Bank.from_dict(compiled)

    started = time.perf_counter()
    texts = make_texts(bank, args.count)
    sizes = sorted(len(t) for t in texts)
    answers = median([len(json.loads(t)["answers"]) for t in texts[:1000]])
    print(
        f"data    : {len(texts):,} assessments (seed {SEED}), JSON {sum(sizes) / 1e6:.1f} MB, median "
        f"{sizes[len(sizes) // 2]:,} bytes and {answers:.0f} answers each; generated in "
        f"{time.perf_counter() - started:.1f} s"
    )
    print(f"timing  : best and median of {args.repeat} passes over all assessments (time.perf_counter, gc on)\n")

    parse = timed(parse_all, texts, bank, args.repeat)
    check = timed(check_all, texts, bank, args.repeat)
    full = timed(score_all, texts, bank, args.repeat)
    a, b, c = min(parse), min(full), min(check)
    n = len(texts)
    rows = [
        ("(a) json.loads", a, median(parse)),
        ("    + load_assessment (checking)", c, median(check)),
        ("(b) json.loads + load_assessment + score_assessment", b, median(full)),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'pass':<{width}}  {'best':>9}  {'median':>9}  {'per assessment':>14}  {'assessments/s':>13}")
    for name, best, med in rows:
        print(f"{name:<{width}}  {best:8.3f}s  {med:8.3f}s  {best / n * 1e6:11.1f} us  {n / best:13,.0f}")
    ratio = (b - a) / a
    print(
        f"\nscoring cost relative to parsing, (b - a) / a = {ratio:.1f}x   target <= {TARGET_RATIO:.0f}x   "
        f"{verdict(ratio, TARGET_RATIO)}"
    )
    print(
        f"  of which checking (load_assessment) {(c - a) / a:.1f}x and scoring (score_assessment) {(b - c) / a:.1f}x "
        f"the parse cost"
    )
    sample = load_assessment(json.loads(texts[0]), bank)
    out_size = len(json.dumps(score_assessment(bank, sample), ensure_ascii=False))
    print(
        f"  one result is {out_size:,} bytes of JSON for {len(texts[0]):,} bytes of input "
        f"({out_size / len(texts[0]):.0f}x): themes with every question's status, the action list, unanswered list"
    )
    lean = timed(figures_all, texts, bank, args.repeat)
    lean_ratio = (min(lean) - a) / a
    lean_size = len(json.dumps(score_assessment(bank, sample, detail=False), ensure_ascii=False))
    print(
        f"\n(b') json.loads + load_assessment + score_assessment(detail=False), the comparison path: "
        f"{min(lean) / n * 1e6:.1f} us an assessment, {n / min(lean):,.0f}/s; a {lean_size:,}-byte result"
    )
    print(f"  (b' - a) / a = {lean_ratio:.1f}x   target <= {TARGET_RATIO:.0f}x   {verdict(lean_ratio, TARGET_RATIO)}")
    whole = timed(compare_all, texts, bank, args.repeat)
    print(
        f"(c) the whole comparison of them (compare_files: each file read as a file, then groups, medians and rows), "
        f"for reference: {min(whole) / n * 1e6:.1f} us an assessment; (c - a) / a = {(min(whole) - a) / a:.1f}x"
    )
    if n >= UK_COUNCILS:
        uk = timed(compare_all, texts[:UK_COUNCILS], bank, args.repeat)
        print(
            f"(c) of the first {UK_COUNCILS} files (about every council in the UK): best {min(uk) * 1000:.0f} ms, "
            f"median {median(uk) * 1000:.0f} ms"
        )

    if args.profile or lean_ratio > TARGET_RATIO:
        sample = texts[: min(n, 2000)]
        print(f"\ncProfile of (b') over {len(sample):,} assessments (profiling inflates small calls):")
        print(profile(sample, bank, args.top, figures_all))
        print(f"\ncProfile of (b) over {len(sample):,} assessments (profiling inflates small calls):")
        print(profile(sample, bank, args.top))

    if args.browser:
        browser_part(args, bank, texts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
