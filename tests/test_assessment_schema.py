"""The documented schemas: the assessment schema agrees with what the engine accepts; patterns are anchored."""

from __future__ import annotations

import json
import random
import re

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scorecard.bank_source.load import schema
from scorecard.engine import blank_assessment, load_assessment
from scorecard.testing import random_assessment
from tests.helpers import ROOT


def test_generated_and_blank_assessments_match_the_schema(mini_bank):
    validator = jsonschema.Draft202012Validator(schema("assessment"))
    rng = random.Random(7)
    files = [random_assessment(mini_bank, rng) for _ in range(40)]
    files.append(blank_assessment(mini_bank, "district", name="Blankshire"))
    for data in files:
        validator.validate(data)
        assessment = load_assessment(data, mini_bank)
        assert json.loads(json.dumps(assessment.to_dict())) == {**data, "notes": data["notes"]}


def _patterns(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                yield value
            else:
                yield from _patterns(value)
    elif isinstance(node, list):
        for item in node:
            yield from _patterns(item)


SCHEMAS = sorted(
    path.name.removesuffix(".schema.json") for path in (ROOT / "scorecard" / "schemas").glob("*.schema.json")
)
PATTERNS = sorted({p for name in SCHEMAS for p in _patterns(schema(name)) if "$" in p})  # those anchored at the end


@pytest.mark.parametrize("pattern", PATTERNS)
@settings(max_examples=20)
@given(data=st.data())
def test_no_schema_pattern_lets_a_line_break_follow_a_value(pattern, data):
    """jsonschema uses Python's re.search, where `$` also matches before a final line break (issue 13).

    Any value the pattern accepts must be refused with a line break after it, as JavaScript's `$` does.
    """
    value = data.draw(st.from_regex(pattern.replace("$(?!\\n)", "$"), fullmatch=True))
    assert re.search(pattern, value)
    assert not re.search(pattern, value + "\n")
