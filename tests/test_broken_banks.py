"""Data-driven: every broken bank in tests/data/broken_banks.yaml is reported where it is broken.

Each case changes a copy of the mini bank, runs `scorecard validate` as a maintainer would (in
process, through cli.main; tests/test_cli.py runs the real command), and expects exit code 1 with
the problem printed as `path:line: question: message`, never a traceback.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from tests.helpers import MINI, ROOT, Ran, run_cli

CASES = yaml.safe_load((ROOT / "tests" / "data" / "broken_banks.yaml").read_text(encoding="utf-8"))


def validate(folder: Path) -> Ran:
    return run_cli("validate", str(folder / "questions"), cwd=folder)


def apply(folder: Path, change: dict | list) -> None:
    """Apply one operation, or a list of them, to the copied bank."""
    for step in change if isinstance(change, list) else [change]:
        ((operation, spec),) = step.items()
        if operation == "delete":
            target = folder / spec
            assert target.exists(), f"nothing to delete at {spec}"
            target.unlink()
            continue
        target = folder / spec["file"]
        if operation == "replace":
            text = target.read_text(encoding="utf-8")
            assert text.count(spec["old"]) == 1, f"{spec['old']!r} must occur exactly once in {spec['file']}"
            target.write_text(text.replace(spec["old"], spec["new"]), encoding="utf-8")
        elif operation == "append":
            with target.open("a", encoding="utf-8") as handle:
                handle.write(spec["text"])
        elif operation == "reencode":
            target.write_bytes(target.read_text(encoding="utf-8").encode(spec["encoding"]))
        elif operation == "write":
            parts = spec.get("parts") or [{"text": spec["text"]}]
            text = "".join(part["text"] * part.get("times", 1) for part in parts)
            target.write_bytes(text.encode(spec.get("encoding", "utf-8")))
        else:
            raise AssertionError(f"unknown operation {operation!r}")


def copy_mini(tmp_path: Path) -> Path:
    folder = tmp_path / "bank"
    shutil.copytree(MINI, folder)
    return folder


def test_corpus_is_well_formed():
    names = [case["name"] for case in CASES]
    assert len(names) == len(set(names)), "case names must be unique"
    assert len(CASES) >= 34
    for case in CASES:
        assert set(case) == {"name", "change", "expect"}, case["name"]
        assert set(case["expect"]) == {"path", "line", "question", "message"}, case["name"]


def test_the_mini_bank_itself_is_valid(tmp_path):
    result = validate(copy_mini(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("OK: 2 themes, 6 questions, bank version 2000.1")


def test_yes_and_no_need_no_quotes(tmp_path):
    """YAML 1.2, as editors read it: an unquoted yes is the option id, not a boolean."""
    folder = copy_mini(tmp_path)
    apply(
        folder,
        {
            "replace": {
                "file": "questions/alpha.yaml",
                "old": "    type: yes_no\n    weight: 2\n    requires: []\n",
                "new": "    type: yes_no\n    options:\n      - {id: yes, label: Yes we have, score: 1}\n"
                "      - {id: no, label: Not yet, score: 0}\n    weight: 2\n    requires: []\n",
            }
        },
    )
    apply(
        folder,
        {
            "replace": {
                "file": "questions/beta.yaml",
                "old": "    type: single\n",
                "new": "    type: single\n    depends_on: {question: BET-01, answer_in: [yes]}\n",
            }
        },
    )
    result = validate(folder)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_broken_bank_is_reported_where_it_is_broken(tmp_path, case):
    folder = copy_mini(tmp_path)
    apply(folder, case["change"])
    result = validate(folder)
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode == 1, f"exit {result.returncode}\n{output}"
    expect = case["expect"]
    prefix = f"{expect['path']}:{expect['line']}: {expect['question']}: "
    lines = result.stdout.splitlines()
    assert any(line.startswith(prefix) and expect["message"] in line for line in lines), (
        f"expected a line starting {prefix!r} containing {expect['message']!r}; got:\n{result.stdout}"
    )
