"""Comparison reports: numbers as the CLI and the site write them, HTML escaping, CSV formula guards, text on one line."""

from __future__ import annotations

import csv
import io
import json

import pytest

from scorecard.engine import load_assessment
from scorecard.engine.comparison import compare, compare_files
from scorecard.engine.csv_export import comparison_csv
from scorecard.engine.wording import gap, num
from scorecard.reports.comparison import comparison_html, comparison_text

from .region import FULL, council

# --- rendering --------------------------------------------------------------------------------


def test_number_formats():
    assert [num(52.0), num(52.35), num(47.325), num(None)] == ["52.0", "52.35", "47.33", "-"]
    assert [gap(4.0), gap(-22.7), gap(0.0), gap(-0.0001), gap(None)] == ["+4.0", "-22.7", "0.0", "0.0", "-"]


def test_html_escapes_everything_from_the_files(mini_bank):
    nasty = '<script>alert("x")</script> & Co'
    files = [
        ("<b>evil</b>.json", json.dumps(council(mini_bank, nasty, "district", FULL, region="<i>R</i>"))),
        ("bad<script>.json", "{"),
    ]
    page = comparison_html(compare_files(mini_bank, files))
    assert "<script" not in page and "<b>evil" not in page and "<i>R" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co" in page
    assert "bad&lt;script&gt;.json" in page


def test_csv_guards_against_formulas(mini_bank):
    files = [("a.json", json.dumps(council(mini_bank, '=HYPERLINK("x")', "district", FULL, region="+region")))]
    (row,) = csv.DictReader(io.StringIO(comparison_csv(compare_files(mini_bank, files))))
    assert row["Council"] == '\'=HYPERLINK("x")' and row["Region"] == "'+region"


def test_text_output_keeps_names_and_file_names_on_one_line(mini_bank):
    from dataclasses import replace

    forged = "Aville\nMedian  100.0  100.0  100.0"
    first = load_assessment(council(mini_bank, "x", "district", FULL, date="2025-04-01"), mini_bank)
    first = replace(first, council=replace(first.council, name=forged))
    second = replace(first, assessment_date="2026-04-01")
    result = compare(
        mini_bank,
        [("a.json", first), ("b.json", second)],
        skipped=[{"file": "bad\nMedian 0.0.json", "reason": "x", "problems": ["x"]}],
    )
    text = comparison_text(result)
    assert result["trends"] and "Progress over time:" in text
    assert not any(line.lstrip().startswith("Median ") and "100.0  100.0" in line for line in text.splitlines())
    assert not any(line.startswith("Median 0.0") for line in text.splitlines())
    assert "Aville\ufffdMedian  100.0  100.0  100.0: 2025-04-01 -> 2026-04-01" in text


@pytest.mark.parametrize(
    "cell",
    [
        '\x00=HYPERLINK("http://example.invalid")',
        "\x01+1",
        "\x7f-1",
        "\x85@SUM(A1)",
        " =1+1",
        "\u200b=1+1",
        "\ufeff=1+1",
        "\u202e=1+1",
        "\t=1",
        "\r=1",
        "=1",
        "+1",
        "-1",
        "@x",
    ],
)
def test_csv_guards_formulas_behind_invisible_characters(cell):
    from scorecard.engine.csv_export import spreadsheet_safe

    assert spreadsheet_safe(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Testshire", "1-2", "", "Ynys Môn", "A = B"])
def test_csv_leaves_plain_text_alone(cell):
    from scorecard.engine.csv_export import spreadsheet_safe

    assert spreadsheet_safe(cell) == cell


def test_csv_guards_a_formula_in_a_files_bank_version(mini_bank):
    """The bank version is free text in the file: a formula is guarded; a NUL before one (which used to reach the
    CSV unguarded) makes the version name no bank, and the file is skipped (issue 26)."""
    files = [("a.json", json.dumps(council(mini_bank, "Aville", "district", FULL, version='=HYPERLINK("x")')))]
    (row,) = csv.DictReader(io.StringIO(comparison_csv(compare_files(mini_bank, files))))
    assert row["Bank version"] == '\'=HYPERLINK("x")'
    files = [("b.json", json.dumps(council(mini_bank, "Aville", "district", FULL, version='\u0000=HYPERLINK("x")')))]
    assert compare_files(mini_bank, files)["skipped"][0]["file"] == "b.json"
