"""The example region of the comparison tests: five councils on the mini bank, worked by hand.

Theme scores come from the engine (tests/test_scoring.py works them by hand); the comments work
out each council's scores, from which the tests work the medians, quartiles and gaps.
"""

from __future__ import annotations

import json

from ..helpers import make_assessment

FULL = {"ALP-01": "yes", "ALP-02": "some", "ALP-03": ["front", "suppliers"], "ALP-04": "no"}  # alpha 52.0
ALL_BEST = {"ALP-01": "yes", "ALP-02": "all", "ALP-03": ["front", "managers", "suppliers"], "ALP-04": "yes"}


def council(bank, name, council_type, answers, date="2026-04-01", ons="", version=None, region="Test Region"):
    data = make_assessment(bank, council_type, answers)
    data["council"] = {"name": name, "type": council_type, "region": region}
    if ons:
        data["council"]["ons_code"] = ons
    data["assessment_date"] = date
    if version:
        data["bank_version"] = version
    return data


def as_files(region):
    return [(name, json.dumps(data)) for name, data in region]


def part(row, theme_id):
    return next(t for t in row["themes"] if t["id"] == theme_id)


def by_name(result):
    return {row["council"]["name"]: row for row in result["rows"]}
