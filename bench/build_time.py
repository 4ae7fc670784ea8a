#!/usr/bin/env python3
"""Build-time benchmark: `scorecard build` of the full site from a clean state.

    python3 bench/build_time.py [--runs 3] [--questions DIR]

1. Runs `python -m scorecard [--questions DIR] build` RUNS times, removing _build/ before each
   run (a clean state), and reports the median and min wall time. Target <= 15 s.
2. Breaks the time down: builds RUNS more times in this process with every function that
   scorecard.sitegen.build.build_site calls (load_bank, copy_runtime,
   render_pages, run_mkdocs, add_policy, write_service_worker, ...) and shutil.copytree
   wrapped in a timer. What the CLI spends outside build_site is Python start-up and imports.

3. With --cold-cache, one more CLI build with an empty build cache (SCORECARD_CACHE_DIR): brotli at
   quality 11 and the standard-library trace in Pyodide then run for real, as on a new machine or
   after a Pyodide upgrade. The runs above reuse the per-user cache (~/.cache/scorecard), whose
   entries are named by a hash of their inputs.

NOTE: this deletes _build/ (as a clean build must), including _build/site that
`scorecard serve --no-build` would serve and the browser benchmarks' _build/bench.
Always exits 0: a missed target is a figure, not a failure.
"""

from __future__ import annotations

import argparse
import functools
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, add_questions_option, announce_bank, median, print_header, verdict  # noqa: E402

import scorecard.sitegen.build as site_module  # noqa: E402

TARGET_S = 15.0
BUILD_DIR = ROOT / "_build"
LABELS = {
    "load_bank": "bank load (YAML, schemas, checks)",
    "copy_runtime": "copy runtime (Pyodide, Chart.js)",
    "copy_examples": "copy example assessments",
    "render_pages": "render pages (Jinja2)",
    "write_config": "write mkdocs config",
    "run_mkdocs": "mkdocs build --strict (subprocess)",
    "add_policy": "CSP meta tags",
    "write_service_worker": "service worker (hash every file)",
    "prepare_engine": "engine wheel, compiled, and trimmed stdlib (Pyodide trace; cached) + manifest",
    "precompress": "precompressed .br/.gz copies (cached)",
    "shutil.copytree": "copy site assets and guidance (copytree)",
    "shutil.rmtree": "remove old docs (rmtree)",
}


def clean() -> None:
    shutil.rmtree(BUILD_DIR, ignore_errors=True)


def cli_runs(choice, runs: int, env: dict | None = None) -> list[float]:
    command = [sys.executable, "-m", "scorecard"]
    if choice.questions.resolve() != (ROOT / "questions").resolve():
        command += ["--questions", str(choice.questions)]
    command.append("build")
    print(f"1. {' '.join(command)}  (cwd {ROOT}, _build/ removed before each run)")
    times = []
    for run in range(runs):
        clean()
        started = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)
        elapsed = time.perf_counter() - started
        if done.returncode != 0:
            print(f"   run {run + 1}: FAILED (exit {done.returncode}):\n{done.stderr.strip()[-2000:]}")
            continue
        times.append(elapsed)
        print(f"   run {run + 1}: {elapsed:6.2f} s")
    return times


def instrumented_runs(choice, runs: int) -> tuple[list[float], dict[str, list[float]]]:
    """Build in-process with build_site's callees timed; returns totals and per-phase times."""
    phases: dict[str, list[float]] = defaultdict(list)
    current: dict[str, float] = defaultdict(float)
    depth = [0]

    def timer(name, function):
        @functools.wraps(function)
        def wrapped(*args, **kwargs):
            depth[0] += 1
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                depth[0] -= 1
                if depth[0] == 0:  # count only the outermost call (copytree recurses)
                    current[name] += time.perf_counter() - started

        return wrapped

    originals = {}
    for name in site_module.build_site.__code__.co_names:
        value = getattr(site_module, name, None)
        if callable(value) and getattr(value, "__module__", "").startswith("scorecard") and not isinstance(value, type):
            originals[name] = value
            setattr(site_module, name, timer(name, value))
    shutil_originals = {n: getattr(shutil, n) for n in ("copytree", "rmtree")}
    for name, value in shutil_originals.items():
        setattr(shutil, name, timer(f"shutil.{name}", value))
    layout = site_module.Layout(questions=choice.questions, guidance=choice.guidance, out=BUILD_DIR)
    totals = []
    try:
        for _ in range(runs):
            shutil_originals["rmtree"](BUILD_DIR, ignore_errors=True)
            current.clear()
            started = time.perf_counter()
            site_module.build_site(layout, log=lambda *_: None)
            totals.append(time.perf_counter() - started)
            for name, seconds in current.items():
                phases[name].append(seconds)
    finally:
        for name, value in originals.items():
            setattr(site_module, name, value)
        for name, value in shutil_originals.items():
            setattr(shutil, name, value)
    return totals, phases


def subprocess_floor(module_args: list[str]) -> float:
    """Wall time of a do-nothing run of a Python module (start-up and imports)."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", *module_args], capture_output=True, cwd=ROOT)
    return time.perf_counter() - started


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="clean builds for each part (default 3)")
    parser.add_argument("--cold-cache", action="store_true", help="also time one build with an empty build cache")
    add_questions_option(parser)
    args = parser.parse_args(argv)

    print_header("Scorecard benchmark: build time (bench/build_time.py)")
    choice = announce_bank(args.questions)
    try:
        import material
        import mkdocs

        print(f"tools   : mkdocs {mkdocs.__version__}, mkdocs-material {getattr(material, '__version__', '?')}")
    except Exception:
        pass
    print()

    cli = cli_runs(choice, args.runs)
    print("\n2. in-process build_site with its steps timed")
    totals, phases = instrumented_runs(choice, args.runs)
    pip_floor = median([subprocess_floor(["pip", "--version"]) for _ in range(2)])
    mkdocs_floor = median([subprocess_floor(["mkdocs", "--version"]) for _ in range(2)])
    clean_state = "_build/ is left with the last in-process build (default site_url)"
    cold = None
    if args.cold_cache:
        import os
        import tempfile

        print("\n3. one CLI build with an empty build cache")
        with tempfile.TemporaryDirectory() as empty:
            cold = cli_runs(choice, 1, env={**os.environ, "SCORECARD_CACHE_DIR": empty})

    print()
    if cli:
        print(
            f"scorecard build, clean state: median {median(cli):.2f} s, min {min(cli):.2f} s over {len(cli)} runs   "
            f"target <= {TARGET_S:.0f} s   {verdict(median(cli), TARGET_S)}"
        )
    else:
        print("scorecard build: every run failed   MISS")
    if cold:
        print(
            f"scorecard build, clean state and an empty build cache: {cold[0]:.2f} s (brotli and the stdlib "
            "trace run for real; once per machine and Pyodide version)"
        )
    total = median(totals)
    print(
        f"in-process build_site: median {total:.2f} s; the CLI's extra {median(cli) - total:+.2f} s is Python "
        "start-up and imports"
        if cli
        else f"in-process build_site: median {total:.2f} s"
    )
    print(f"\n{'step (median over runs)':<46} {'seconds':>8} {'share':>7}")
    print("-" * 64)
    accounted = 0.0
    for name, values in sorted(phases.items(), key=lambda kv: -median(kv[1])):
        seconds = median(values)
        accounted += seconds
        print(f"{LABELS.get(name, name):<46} {seconds:8.2f} {seconds / total:7.0%}")
    other = total - accounted
    print(f"{'other (Bank.from_dict, bank.json, logging)':<46} {other:8.2f} {other / total:7.0%}")
    print("-" * 64)
    print(f"{'total':<46} {total:8.2f} {1:7.0%}")
    print(
        f"\nfor scale: `python -m pip --version` takes {pip_floor:.2f} s and `python -m mkdocs --version` "
        f"{mkdocs_floor:.2f} s on this machine (interpreter start-up and imports inside those steps)"
    )
    print(f"({clean_state})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
