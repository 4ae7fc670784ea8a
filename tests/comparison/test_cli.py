"""`scorecard compare` on the command line, and the example region it ships."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re

import pytest

from scorecard.cli import main

from ..helpers import MINI, ROOT

MINI_QUESTIONS = str(MINI / "questions")
REGION = ROOT / "examples" / "region"


# --- the command line ---------------------------------------------------------------------------


@pytest.fixture
def region_dir(tmp_path, region):
    folder = tmp_path / "region"
    folder.mkdir()
    for name, data in region:
        (folder / name).write_text(json.dumps(data, indent=2), encoding="utf-8")
    return folder


def run(capsys, *args):
    code = main(["--questions", MINI_QUESTIONS, "compare", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def run_all(capsys, *args):
    """The whole region as one group, as the hand-worked figures above."""
    code = main(["--questions", MINI_QUESTIONS, "compare", "--group-by", "none", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_text(capsys, region_dir):
    code, out, err = run_all(capsys, *sorted(region_dir.glob("*.json")))
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "Regional comparison: 5 council(s), 6 assessment(s), scored with question bank 2000.1."
    row = next(line for line in lines if line.startswith("Aville District Council"))
    assert row.split() == ["Aville", "District", "Council", "district", "2026-04-01", "52.0", "E", "52.0", "E", "n/a"]
    assert re.search(r"^Median\s+68\.1\s+56\.0\s+50\.0$", out, re.M)
    # Elmford's scores have no tier (too little answered): "?" and left out of the medians
    assert re.search(r"^Elmford District Council\s+district\s+2026-04-01\s+0\.0 \?\s+0\.0 \?\s+n/a$", out, re.M)
    assert "What is missing before each council can be rated:" in out and "Not enough answered to rate: 1 of 3" in out
    assert "Progress over time:" in out and "24.0 B -> 52.0 E  (+28.0)" in out


def test_cli_folder_argument_is_its_json_files(capsys, region_dir):
    code, out, _ = run(capsys, region_dir)
    assert code == 0 and "5 council(s), 6 assessment(s)" in out


def test_cli_csv(capsys, region_dir):
    code, out, _ = run_all(capsys, region_dir, "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["Council"] for r in rows] == [
        "Aville District Council",
        "Beeford District Council",
        "Cedarshire County Council",
        "Dunmere Council",
        "Elmford District Council",
    ]
    aville = rows[0]
    assert {k: aville[k] for k in ["Council type", "Assessment date", "Bank version", "Assessments"]} == {
        "Council type": "District council",
        "Assessment date": "2026-04-01",
        "Bank version": "2000.1",
        "Assessments": "2",
    }
    assert [
        aville[f"Alpha theme {c}"]
        for c in ["score", "tier", "risk", "coverage (%)", "provisional", "gap to group median"]
    ] == ["52.0", "Early progress", "not rated", "100.0", "no", "-4.0"]
    assert aville["Beta theme score"] == "" and aville["Beta theme tier"] == "not asked"
    assert rows[-1]["Alpha theme provisional"] == "yes" and rows[-1]["Alpha theme coverage (%)"] == "33.3"


def test_cli_json_to_a_file(capsys, region_dir, tmp_path, mini_bank, region):
    out_file = tmp_path / "out.json"
    code, out, _ = run_all(capsys, *sorted(region_dir.glob("*.json")), "--format", "json", "-o", out_file)
    assert code == 0 and out == ""
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert data["format"] == "scorecard-comparison" and data["groups"][0]["stats"]["themes"][0]["median"] == 56.0
    assert len(data["rows"]) == 5 and len(data["trends"]) == 1


def test_cli_html(capsys, region_dir, tmp_path):
    out_file = tmp_path / "region.html"
    code, _, _ = run_all(capsys, region_dir, "--format", "html", "-o", out_file)
    assert code == 0
    page = out_file.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<table id="group-1" class="heatmap"' in page
    assert not re.search(r"(https?:)?//[a-z0-9]", page, re.I)  # no external address of any kind
    assert "<script" not in page and "<link" not in page and "@import" not in page and "url(" not in page
    heatmap = page[page.index('<table id="group-1"') : page.index("</table>")]
    # the tier is written in every coloured cell, never shown by colour alone
    cells = re.findall(r'<td class="cell tier(\d)[^"]*">(.*?)</td>', heatmap)
    assert len(cells) == 2 * 4 + 2  # overall and alpha for four councils (Elmford's are not rated), beta for two
    assert heatmap.count('<span class="tier">not rated</span>') == 2  # Elmford's overall and alpha
    names = ["Basic first steps", "Early progress", "Substantial progress", "Mature practice"]
    assert all(names[int(index)] in content for index, content in cells)
    assert "Group median" in heatmap and "56.0" in heatmap
    assert "provisional" in heatmap and "not asked of this council type" in heatmap
    assert "Progress over time" in page and "Comparing like with like" in page


def test_cli_skips_bad_files_with_their_reason(capsys, region_dir, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"format": "scorecard-assessment", "format_version": 1, "council": {"name": "X", "type": "parish"}}',
        encoding="utf-8",
    )
    code, out, err = run(capsys, region_dir, bad, tmp_path / "missing.json")
    assert code == 3
    assert f"{bad}: skipped: council.type 'parish' is not one of" in err
    assert f"{tmp_path / 'missing.json'}: skipped: cannot read the file" in err
    assert "5 council(s), 6 assessment(s)" in out  # the rest were compared
    assert "Skipped files (2):" in out and "council.type 'parish'" in out


def test_cli_nothing_comparable_exits_2(capsys, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    code, _, err = run(capsys, bad)
    assert code == 2 and "bad.json: skipped: the file must contain a JSON object" in err
    assert "none of the files could be compared" in err


# --- the example region ---------------------------------------------------------------------------


def load_make_region():
    spec = importlib.util.spec_from_file_location("make_region", ROOT / "examples" / "make_region.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_example_generator_is_deterministic_and_valid(real_compiled, real_bank):
    make_region = load_make_region()
    people = make_region.identities(real_compiled)
    first, second = make_region.build(real_bank, people), make_region.build(real_bank, people)
    assert first == second and 12 <= len(first) <= 16
    assert first == {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(REGION.glob("*.json"))}, (
        "examples/region/ is out of date: run python3 examples/make_region.py"
    )


def test_example_region_is_real_councils_with_invented_answers(capsys, real_compiled):
    """Real identities from the register, every file saying its answers are invented; compared by code."""
    from scorecard.council_register import load_placed

    register, placed = load_placed(real_compiled)
    known = {c.entry.code: c for c in placed.councils}
    files = sorted(REGION.glob("*.json"))
    assert 12 <= len(files) <= 16
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert path.name.startswith("invented-")
        first_note = next(iter(data["notes"].values()))
        assert (
            first_note.startswith("INVENTED EXAMPLE: every answer") and "says nothing about that council" in first_note
        )
        code = data["council"].get("code")
        if code:  # from the register, as `scorecard template --council` writes it (an earlier file may be renamed)
            expected = known[code].assessment_council()
            assert {k: v for k, v in data["council"].items() if k not in ("name", "functions")} == {
                k: v for k, v in expected.items() if k != "name"
            }
    readme = (ROOT / "examples" / "README.md").read_text(encoding="utf-8")
    assert "**The answers are invented: these are not these councils' results.**" in readme

    assert main(["compare", *map(str, files)]) == 0, capsys.readouterr().err
    capsys.readouterr()
    assert main(["compare", *map(str, files), "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    rows = result["rows"]
    assert len(rows) == 12 and {r["council"]["region"] for r in rows} == {"South East"}
    assert [g["id"] for g in result["groups"]] == ["england/county", "england/district", "england/unitary"]
    assert all(stats["n"] >= 2 for g in result["groups"] for stats in g["stats"]["themes"] if g["councils"] >= 3)
    assert result["like_with_like"]["provisional"], "one half-finished assessment"
    assert 2 <= len(result["trends"]) <= 3
    assert any(not v["current"] for v in result["like_with_like"]["bank_versions"]), "one older bank version"
    # a renamed file: "Tunbridge Wells BC" (2025) and "Tunbridge Wells Borough Council" (2026) are one council by its code
    tunbridge = next(t for t in result["trends"] if t["key"] == "code:TUN")
    assert (
        tunbridge["dates"] == ["2025-03-14", "2026-03-10"] and tunbridge["council"] == "Tunbridge Wells Borough Council"
    )
    assert [f.rsplit("/", 1)[-1] for f in tunbridge["files"]] == [
        "invented-tunbridge-wells-borough-council-2025.json",
        "invented-tunbridge-wells-borough-council-2026.json",
    ]
    assert [c["council"] for c in result["like_with_like"]["functions_differ"]] == ["Canterbury City Council"]
    assert [c["council"] for c in result["like_with_like"]["identified_by_name"]] == ["Dover District Council"]
    # shared: the district group (7 councils) keeps its figures; counties (2) and unitaries (3) lose theirs
    assert main(["compare", *map(str, files), "--format", "json", "--shareable"]) == 0
    shared = json.loads(capsys.readouterr().out)
    assert [h["group"] for h in shared["shareable"]["hidden"]] == ["england/county", "england/unitary"]
