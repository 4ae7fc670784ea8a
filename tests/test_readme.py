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
