"""The documented assessment schema agrees with what the engine accepts."""

from __future__ import annotations

import json
import random

import jsonschema

from scorecard.bank_source.load import schema
from scorecard.engine import blank_assessment, load_assessment
from scorecard.testing import random_assessment


def test_generated_and_blank_assessments_match_the_schema(mini_bank):
    validator = jsonschema.Draft202012Validator(schema("assessment"))
    rng = random.Random(7)
    files = [random_assessment(mini_bank, rng) for _ in range(40)]
    files.append(blank_assessment(mini_bank, "district", name="Blankshire"))
    for data in files:
        validator.validate(data)
        assessment = load_assessment(data, mini_bank)
        assert json.loads(json.dumps(assessment.to_dict())) == {**data, "notes": data["notes"]}
