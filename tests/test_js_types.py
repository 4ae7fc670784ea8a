"""The types the site's JavaScript is checked against (npm run check: tsc --checkJs, in the lint stage):
site/types/engine.d.ts is what scorecard/sitegen/js_types.py writes from the JSON Schemas now, and the
operations site/types/engine-api.d.ts types are the ones the browser's engine has (scorecard/browser.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from scorecard.browser import BrowserApi
from scorecard.sitegen import js_types

ROOT = Path(__file__).resolve().parents[1]
TYPES = ROOT / "site" / "types"


def test_the_engine_types_are_written_from_the_schemas_as_they_are_now():
    written = js_types.declarations(ROOT / "scorecard" / "schemas")
    assert (TYPES / "engine.d.ts").read_text(encoding="utf-8") == written, (
        "site/types/engine.d.ts is out of date: run python3 -m scorecard.sitegen.js_types"
    )


def test_the_types_follow_the_schemas():
    """Spot checks of the translation: required and optional members, enumerations, references, nullable
    types, and a flag's two shapes (since_last_year: available or not)."""
    text = js_types.declarations(ROOT / "scorecard" / "schemas")
    assert "interface Result {\n  council: Result.Council;\n" in text
    assert 'status: "met" | "met_not_evidenced" | "not_met" | "not_evidenced" | "not_applicable";' in text
    assert "  type Score = number | null;\n" in text
    assert (
        "    available: true;\n    problems?: string[];" in text
        and "    available: false;\n    problems: string[];" in text
    )
    assert "  notes?: { [key: string]: string };\n" in text  # assessment.schema.json: optional


def test_the_typed_operations_are_the_engines(real_compiled):
    declared = (TYPES / "engine-api.d.ts").read_text(encoding="utf-8")
    body = declared[
        declared.index("interface EngineOps {") : declared.index("\n}\n", declared.index("interface EngineOps {"))
    ]
    typed = set(re.findall(r"^  (\w+): \{", body, re.M))
    assert typed == set(BrowserApi(json.dumps(real_compiled)).ops)
