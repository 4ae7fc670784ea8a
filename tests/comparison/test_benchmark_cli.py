"""The coordinator's commands: `scorecard similar`, `scorecard contribute`, and compare's --similar-to,
--similar-list, --groups and --open-data (with --previous), on real councils of the register with invented
answers."""

from __future__ import annotations

import csv
import io
import json
import random
import shutil

import pytest

from scorecard.council_register import load_placed
from scorecard.engine import Bank, operations
from scorecard.testing import random_assessment

from ..helpers import ROOT, compile_bank, run_cli

# Tunbridge Wells, its ten similar councils, and nine other councils of Kent
CODES = ["TUN", "DOV", "SEV", "EST", "WLA", "HIN", "RUS", "SHE", "WYR", "WAE", "RUG",
         "MAI", "ASH", "CAN", "TON", "GRA", "SWL", "DAR", "THA", "MDW"]  # fmt: skip


@pytest.fixture(scope="module")
def region(tmp_path_factory):
    """A signed-off assessment of each council (invented answers), in a folder."""
    compiled = compile_bank(ROOT / "questions")
    bank = Bank.from_dict(compiled)
    by_code = {c.entry.code: c for c in load_placed(compiled)[1].councils}
    folder = tmp_path_factory.mktemp("region")
    rng = random.Random(31)
    for code in CODES:
        council = by_code[code]
        data = random_assessment(bank, rng, council.type, answer_rate=1.0, name=council.entry.name)
        data["council"] = council.assessment_council()
        data["sign_off"] = {"name": "A. Lead", "role": "Modern slavery lead", "date": "2025-11-01"}
        (folder / f"{code}.json").write_text(json.dumps(data), encoding="utf-8")
    return folder


def test_similar_lists_the_nearest_councils_with_their_figures_and_why(tmp_path):
    ran = run_cli("similar", "TUN", cwd=tmp_path)
    assert ran.returncode == 0
    lines = ran.stdout.splitlines()
    assert lines[0].startswith("Tunbridge Wells Borough Council (TUN): population 118,939 (2020), area 331.0 km2")
    assert "the 10 nearest of 163 other councils in England" in ran.stdout.replace("\n", " ")
    assert lines[-10].split()[:3] == ["1", "DOV", "Dover"] and lines[-1].split()[:2] == ["10", "RUG"]
    listed = list(csv.DictReader(io.StringIO(run_cli("similar", "E07000116", "--format", "csv", cwd=tmp_path).stdout)))
    assert [r["code"] for r in listed] == ["TUN", "DOV", "SEV", "EST", "WLA", "HIN", "RUS", "SHE", "WYR", "WAE", "RUG"]
    assert (
        listed[0]["distance"] == "0.0" and listed[1]["group"] == "Tunbridge Wells Borough Council and similar councils"
    )
    wrong = run_cli("similar", "XYZ", cwd=tmp_path)
    assert wrong.returncode == 2 and "'XYZ' is not a current council" in wrong.stderr


def test_contribute_writes_the_figures_only_and_refuses_an_unsigned_assessment(region, tmp_path):
    ran = run_cli("contribute", str(region / "TUN.json"), "-o", "c.json", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert "the council's figures by theme and its outcome indicators, and nothing else" in ran.stderr
    made = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert made["format"] == "scorecard-contribution" and made["included"] == [] and "answers" not in made
    ran = run_cli("contribute", str(region / "TUN.json"), "--include", "answers, targets", cwd=tmp_path)
    assert json.loads(ran.stdout)["included"] == ["answers", "targets"]
    unsigned = json.loads((region / "DOV.json").read_text(encoding="utf-8"))
    del unsigned["sign_off"]
    (tmp_path / "unsigned.json").write_text(json.dumps(unsigned), encoding="utf-8")
    ran = run_cli("contribute", "unsigned.json", "-o", "d.json", cwd=tmp_path)
    assert ran.returncode == 2 and "only a signed-off assessment can be contributed" in ran.stderr
    assert not (tmp_path / "d.json").exists()


@pytest.fixture(scope="module")
def sent_once(region, tmp_path_factory):
    """Each council's contribution (made by the engine: `contribute` itself is tested above), in a folder."""
    bank = Bank.from_dict(compile_bank(ROOT / "questions"))
    folder = tmp_path_factory.mktemp("sent")
    for code in CODES:
        data = json.loads((region / f"{code}.json").read_text(encoding="utf-8"))
        made = operations.contribute(bank, {"assessment": data})["contribution"]
        (folder / f"{code}.json").write_text(json.dumps(made), encoding="utf-8")
    return folder


@pytest.fixture
def sent(sent_once, tmp_path):
    copy = tmp_path / "sent"
    shutil.copytree(sent_once, copy)
    return copy


def test_compare_with_similar_councils_computed_or_chosen(sent, tmp_path):
    ran = run_cli("compare", str(sent), "--similar-to", "TUN", "--format", "json", cwd=tmp_path)
    result = json.loads(ran.stdout)
    assert ran.returncode == 0 and result["counts"]["contributions"] == 11
    assert [g["title"] for g in result["groups"]] == ["Tunbridge Wells Borough Council and similar councils"]
    assert len(result["outside"]) == 9 and "the 10 nearest of 163" in " ".join(result["notes"])
    (tmp_path / "mine.csv").write_text("code\nSEV\nMAI\nTON\n", encoding="utf-8")
    ran = run_cli("compare", str(sent), "--similar-to", "TUN", "--similar-list", "mine.csv", "--format", "json",
                  cwd=tmp_path)  # fmt: skip
    result = json.loads(ran.stdout)
    assert sorted(r["council"]["code"] for r in result["rows"]) == ["MAI", "SEV", "TON", "TUN"]
    assert any("the coordinator's own list" in note and "added MAI and TON" in note for note in result["notes"])


def test_compare_within_a_coordinators_groups(region, tmp_path):
    (tmp_path / "groups.csv").write_text(
        "group,code\n" + "".join(f"Kent,{c}\n" for c in CODES[11:]) + "".join(f"Similar,{c}\n" for c in CODES[:11]),
        encoding="utf-8",
    )
    ran = run_cli("compare", str(region), "--groups", "groups.csv", "--format", "json", cwd=tmp_path)
    result = json.loads(ran.stdout)
    assert [(g["title"], g["councils"]) for g in result["groups"]] == [("Kent", 9), ("Similar", 11)]
    (tmp_path / "twice.csv").write_text("group,code\nA,TUN\nB,TUN\n", encoding="utf-8")
    ran = run_cli("compare", str(region), "--groups", "twice.csv", cwd=tmp_path)
    assert ran.returncode == 2 and "is in more than one group (A, B)" in ran.stderr
    ran = run_cli("compare", str(region), "--previous", "x.json", cwd=tmp_path)
    assert ran.returncode == 2 and "goes with --open-data" in ran.stderr


def test_open_data_is_written_with_its_dictionary_and_licence_and_checked_against_the_last_release(sent, tmp_path):
    (tmp_path / "groups.csv").write_text(
        "group,code\n" + "".join(f"Kent,{c}\n" for c in CODES[11:]) + "".join(f"Similar,{c}\n" for c in CODES[:11]),
        encoding="utf-8",
    )
    ran = run_cli("compare", str(sent), "--groups", "groups.csv", "--open-data", "first", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    assert sorted(p.name for p in (tmp_path / "first").iterdir()) == [
        "README.txt",
        "dictionary.csv",
        "figures.csv",
        "figures.json",
    ]
    readme = (tmp_path / "first" / "README.txt").read_text(encoding="utf-8")
    assert "Licence: Creative Commons Attribution 4.0" in readme
    rows = list(csv.DictReader(io.StringIO((tmp_path / "first" / "figures.csv").read_text(encoding="utf-8"))))
    assert {r["group"] for r in rows} == {"Kent", "Similar", "All groups"} and all(
        r["published"] == "yes" for r in rows
    )
    # the next release has one council fewer: whatever it changes must not be published beside the first
    (sent / "MAI.json").unlink()
    ran = run_cli("compare", str(sent), "--groups", "groups.csv", "--open-data", "second", "--previous",
                  "first/figures.json", cwd=tmp_path)  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    second = json.loads((tmp_path / "second" / "figures.json").read_text(encoding="utf-8"))
    for cell in second["figures"]:
        changed = cell["group"] in ("custom/1", "total")  # Kent, and the total, lost Maidstone
        assert cell["published"] is not changed
        assert cell["hidden_because"] == ("complementary" if changed else "")
    hidden = sum(1 for cell in second["figures"] if not cell["published"])  # Kent's and the total's, every figure
    assert hidden == 2 * len(second["figures"]) // 3
    assert f"{hidden} hidden ({hidden} of them so that other hidden figures cannot be worked out)" in ran.stderr
