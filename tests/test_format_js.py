"""The site writes figures exactly as the command line does: site/assets/js/format.js against
scorecard/engine/wording.py, run on the same values (every score and statistic the engine can
give, the halfway cases where JavaScript and Python round differently, and random doubles).
And no JavaScript holds a rule the engine owns."""

from __future__ import annotations

import datetime
import json
import random
import re
import shutil
import subprocess
from fractions import Fraction
from pathlib import Path

import pytest

from scorecard.engine import wording

ROOT = Path(__file__).resolve().parents[1]
FORMAT_JS = ROOT / "site" / "assets" / "js" / "format.js"
RUN = """
const format = await import(process.argv[1]);
const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = {};
for (const [name, values] of Object.entries(cases)) out[name] = values.map((v) => format[name](v));
process.stdout.write(JSON.stringify(out));
"""


def values() -> dict[str, list[float]]:
    rng = random.Random(2026)
    # Scores and statistics are rounded to 4 places (engine.compare), 0 to 100; gaps and changes -100 to 100.
    four_places = [round(k / 10_000, 4) for k in range(0, 1_000_001, 37)]
    halves = [float(Fraction(k, 8)) for k in range(0, 801)] + [float(Fraction(k, 16)) for k in range(0, 1601, 3)]
    doubles = [rng.uniform(0, 100) for _ in range(5_000)]
    figures = four_places + halves + doubles + [0.015, 1.005, 54.65, 54.625, 39.225]
    signed = figures + [-v for v in figures] + [-0.0]
    # Coverage is answered / asked, rounded to 4 places.
    fractions = sorted(
        {round(a / b, 4) for b in range(1, 201) for a in range(0, b + 1)} | {float(Fraction(k, 8)) for k in range(9)}
    )
    return {"num": figures + [-v for v in figures[:5000]], "score": figures, "gap": signed, "pct": fractions}


def test_format_js_writes_every_figure_as_the_engine_does():
    if shutil.which("node") is None:
        pytest.fail("Node.js is needed (it is installed with the site's front-end packages)")
    cases = values()
    done = subprocess.run(
        ["node", "--input-type=commonjs", "-e", f"(async () => {{ {RUN} }})()", FORMAT_JS.as_uri()],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    written = json.loads(done.stdout)
    for name, inputs in cases.items():
        python = getattr(wording, name)
        mismatches = [(v, js, python(v)) for v, js in zip(inputs, written[name], strict=True) if js != python(v)]
        assert mismatches == [], f"{name}: {len(mismatches)} differ, e.g. {mismatches[:5]}"


def test_no_javascript_reads_a_rule_the_engine_owns():
    """Which questions are asked, weights and thresholds live in the bank and the engine only."""
    rule = re.compile(r"depends_on|answer_in|min_score|weight|applies_to|dependsOn|answerIn|appliesTo|min_coverage")
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted((ROOT / "site").rglob("*"))
        if path.suffix in (".js", ".mjs")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if rule.search(line)
    ]
    assert found == []


DATES_RUN = """
const { longDate } = await import(process.argv[1]);
const dates = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(dates.map(longDate)));
"""


def test_format_js_writes_every_date_as_the_engine_does():
    """Every day of eight years (leap days among them), and texts that are not dates, which both return as they are."""
    first = datetime.date(2023, 1, 1)
    dates = [(first + datetime.timedelta(days=n)).isoformat() for n in range(366 * 8)]
    dates += ["0001-01-01", "9999-12-31", "2026-02-29", "2026-13-01", "2026-04-31", "0000-01-01", "", "soon"]
    dates += ["2026-01-05T10:00", "2026-01-05 ", "1 May 2026", "2026/01/05", "26-01-05"]
    done = subprocess.run(
        ["node", "--input-type=commonjs", "-e", f"(async () => {{ {DATES_RUN} }})()", FORMAT_JS.as_uri()],
        input=json.dumps(dates),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    written = json.loads(done.stdout)
    mismatches = [
        (d, js, wording.long_date(d)) for d, js in zip(dates, written, strict=True) if js != wording.long_date(d)
    ]
    assert mismatches == [], f"{len(mismatches)} differ, e.g. {mismatches[:5]}"
