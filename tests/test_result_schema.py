"""The contracts: real results and comparisons match scorecard/schemas/{result,comparison}.schema.json,
and the schemas match the TypedDicts in scorecard/engine/result.py and engine/comparison/shapes.py.

The site, the exports and `scorecard score --format json` ("for other tools") all read this
shape; the inputs include blank and missing optional fields, every council type, nothing and
everything answered, and an assessment from an older bank (carried-over and retired answers).
"""

from __future__ import annotations

import json
import random
import typing

import jsonschema
import pytest

from scorecard.bank_source.load import schema
from scorecard.engine import Bank, load_assessment, score_assessment
from scorecard.engine import result as shapes
from scorecard.engine.comparison import compare_files
from scorecard.engine.comparison import shapes as comparison_shapes
from scorecard.testing import random_assessment
from tests.helpers import MINI, ROOT, compile_bank, make_assessment, run_cli

RESULT_SCHEMA = schema("result")
VALIDATOR = jsonschema.Draft202012Validator(
    RESULT_SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def check(result) -> None:
    errors = sorted(VALIDATOR.iter_errors(json.loads(json.dumps(result))), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:5])


def test_the_schema_is_a_valid_schema():
    jsonschema.Draft202012Validator.check_schema(RESULT_SCHEMA)


@pytest.mark.parametrize("folder", [MINI / "questions", ROOT / "questions"], ids=["mini", "built-in"])
def test_real_results_match_the_schema(folder):
    bank = Bank.from_dict(compile_bank(folder))
    rng = random.Random(20261201)
    for council_type in bank.council_types:
        for rate in (0.0, 0.6, 1.0) if council_type == next(iter(bank.council_types)) else (0.6,):
            data = random_assessment(bank, rng, council_type, answer_rate=rate, name="")
            data["council"].pop("name")  # the name may be missing, not only blank
            check(score_assessment(bank, load_assessment(data, bank)))


def test_a_result_with_carried_over_and_retired_answers_matches_the_schema():
    v1 = Bank.from_dict(compile_bank(MINI / "questions"))
    v2 = Bank.from_dict(compile_bank(ROOT / "tests" / "fixtures" / "mini_v2" / "questions"))
    old = make_assessment(
        v1, "unitary", {"ALP-01": "yes", "ALP-04": "no", "BET-02": "yearly"}, region="", ons_code="E06000001"
    )
    result = score_assessment(v2, load_assessment(old, v2))
    assert result["changes"]["carried_over"] and result["changes"]["retired"]
    check(result)


def test_what_the_cli_prints_matches_the_schema(tmp_path):
    assert run_cli("template", "--council-type", "district", "-o", "t.json", cwd=tmp_path).returncode == 0
    scored = run_cli("score", "t.json", "--format", "json", cwd=tmp_path)
    assert scored.returncode == 0, scored.stderr
    check(json.loads(scored.stdout))


def test_a_result_that_breaks_the_contract_is_caught(mini_bank):
    """The check above can fail: a missing figure, an unknown status and an extra key are each refused."""
    result = json.loads(
        json.dumps(score_assessment(mini_bank, load_assessment(make_assessment(mini_bank, "county", {}), mini_bank)))
    )
    for spoil in (
        lambda r: r["overall"].pop("score"),
        lambda r: r["themes"][0]["questions"][0].update(status="maybe"),
        lambda r: r.update(extra=1),
    ):
        spoilt = json.loads(json.dumps(result))
        spoil(spoilt)
        assert list(VALIDATOR.iter_errors(spoilt))


# Each TypedDict and the part of the schema that describes the same object.
PAIRS = [(shapes.Result, RESULT_SCHEMA)] + [
    (getattr(shapes, name), RESULT_SCHEMA["$defs"][key])
    for name, key in [
        ("CouncilSummary", "council"),
        ("Overall", "overall"),
        ("Gate", "gate"),
        ("QuestionEntry", "question"),
        ("ThemeResult", "theme"),
        ("CarriedOver", "carried_over"),
        ("RetiredAnswer", "retired_answer"),
        ("SetAside", "set_aside"),
        ("Changes", "changes"),
        ("Action", "action"),
        ("Unanswered", "unanswered"),
        ("ResultLabels", "labels"),
        ("EvidenceShare", "evidence_share"),
        ("Planned", "planned"),
        ("PlanFields", "plan_fields"),
        ("PlanEntry", "plan_entry"),
        ("SignOff", "sign_off"),
        ("ScoreChange", "score_change"),
        ("ThemeChange", "theme_change"),
        ("QuestionChange", "question_change"),
        ("LastYearSetAside", "last_year_set_aside"),
        ("SinceLastYear", "since_last_year"),
        ("ReviewEntry", "review_entry"),
    ]
]


@pytest.mark.parametrize("typed, part", PAIRS, ids=[typed.__name__ for typed, _ in PAIRS])
def test_the_typed_dicts_and_the_schema_name_the_same_keys(typed, part):
    assert set(typing.get_type_hints(typed)) == set(part["properties"])
    # keys the TypedDict requires are required by the schema too; the schema also requires the
    # ones only a detailed result has (questions, actions, unanswered, labels)
    assert typed.__required_keys__ <= set(part["required"])


# --- the comparison ---------------------------------------------------------------------------

COMPARISON_SCHEMA = schema("comparison")
COMPARISON = jsonschema.Draft202012Validator(
    COMPARISON_SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def test_a_real_comparison_matches_the_schema(real_bank):
    jsonschema.Draft202012Validator.check_schema(COMPARISON_SCHEMA)
    files = [(path.name, path.read_bytes()) for path in sorted((ROOT / "examples" / "region").glob("*.json"))]
    blank = random_assessment(real_bank, random.Random(1), "wales_principal", answer_rate=0.0, name="")
    files += [("bad.json", b"{"), ("blank.json", json.dumps(blank).encode()), ("again.json", files[0][1])]
    for options in ({}, {"shareable": True}, {"group_by": "none", "shareable": True, "min_group": 20}):
        comparison = json.loads(json.dumps(compare_files(real_bank, files, **options)))
        assert comparison["trends"] and comparison["skipped"] and comparison["like_with_like"]["same_day_duplicates"]
        errors = list(COMPARISON.iter_errors(comparison))
        assert not errors, "\n".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:5])
    assert comparison["shareable"]["hidden"] and comparison["like_with_like"]["functions_differ"]


COMPARISON_PAIRS = [(comparison_shapes.Comparison, COMPARISON_SCHEMA)] + [
    (
        getattr(comparison_shapes, name) if hasattr(comparison_shapes, name) else getattr(shapes, name),
        COMPARISON_SCHEMA["$defs"][key],
    )
    for name, key in [
        ("ThemeColumn", "theme_column"),
        ("Labels", "labels"),
        ("Counts", "counts"),
        ("CouncilSummary", "council"),
        ("RowFigures", "row_figures"),
        ("RowTheme", "row_theme"),
        ("Row", "row"),
        ("Stat", "stat"),
        ("Stats", "stats"),
        ("BankVersionCount", "bank_version_count"),
        ("TypeCount", "type_count"),
        ("AskedDiffers", "asked_differs"),
        ("ProvisionalCouncil", "provisional_council"),
        ("SameDayDuplicate", "same_day_duplicate"),
        ("RegionCount", "region_count"),
        ("LikeWithLike", "like_with_like"),
        ("Point", "point"),
        ("Series", "series"),
        ("ThemeSeries", "theme_series"),
        ("AnswerChange", "answer_change"),
        ("AnswerChanges", "answer_changes"),
        ("Trend", "trend"),
        ("ProblemDetail", "problem_detail"),
        ("Skipped", "skipped"),
        ("Group", "group"),
        ("HiddenFigures", "hidden_figures"),
        ("Shareable", "shareable"),
        ("FunctionsDiffer", "functions_differ"),
        ("KnownByName", "known_by_name"),
    ]
]


@pytest.mark.parametrize("typed, part", COMPARISON_PAIRS, ids=[typed.__name__ for typed, _ in COMPARISON_PAIRS])
def test_the_comparison_typed_dicts_and_schema_name_the_same_keys(typed, part):
    assert set(typing.get_type_hints(typed)) == set(part["properties"]) == set(part["required"])
