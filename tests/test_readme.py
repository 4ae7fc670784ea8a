"""The README's example assessment file is a real, scorable file."""

from __future__ import annotations

import json
import re
from pathlib import Path

from scorecard.engine import load_assessment, score_assessment

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_example_scores(real_bank):
    block = re.search(r"```json\n(.*?)```", README.read_text(), re.S).group(1)
    data = json.loads(block)
    data["bank_version"] = real_bank.version
    result = score_assessment(real_bank, load_assessment(data, real_bank))
    scored = {t["id"] for t in result["themes"] if t["score"] is not None}
    assert {"spoc", "procurement", "housing"} <= scored
    # themes with no answers yet: no overall figure, never an average of what happens to be answered
    assert result["overall"]["score"] is None and result["overall"]["themes_not_started"]


def layout_rows() -> list[str]:
    """The first column of the README's Layout table: one path per row."""
    table = README.read_text().split("## Layout", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([^`]+)` \|", table, re.M)


def test_the_layout_table_matches_the_tree():
    root = README.parent
    paths = layout_rows()
    assert all((root / path).exists() for path in paths), [p for p in paths if not (root / p).exists()]
    package = root / "scorecard"
    parts = {
        f"scorecard/{p.name}/" if p.is_dir() else f"scorecard/{p.name}"
        for p in package.iterdir()
        if p.name not in ("__init__.py", "__main__.py", "__pycache__", "_data")
    }
    assert parts <= set(paths), f"not in the README's Layout table: {sorted(parts - set(paths))}"
