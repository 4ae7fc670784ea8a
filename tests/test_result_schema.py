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
from tests.helpers import (
    MINI,
    RESULT_SCHEMA,
    RESULT_VALIDATOR,
    ROOT,
    check_result,
    compile_bank,
    make_assessment,
    run_cli,
)


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
            check_result(score_assessment(bank, load_assessment(data, bank)))


def test_a_result_with_carried_over_and_retired_answers_matches_the_schema():
    v1 = Bank.from_dict(compile_bank(MINI / "questions"))
    v2 = Bank.from_dict(compile_bank(ROOT / "tests" / "fixtures" / "mini_v2" / "questions"))
    old = make_assessment(
        v1, "unitary", {"ALP-01": "yes", "ALP-04": "no", "BET-02": "yearly"}, region="", ons_code="E06000001"
    )
    result = score_assessment(v2, load_assessment(old, v2))
    assert result["changes"]["carried_over"] and result["changes"]["retired"]
    check_result(result)


def test_what_the_cli_prints_matches_the_schema(tmp_path):
    assert run_cli("template", "--council-type", "district", "-o", "t.json", cwd=tmp_path).returncode == 0
    scored = run_cli("score", "t.json", "--format", "json", cwd=tmp_path)
    assert scored.returncode == 0, scored.stderr
    check_result(json.loads(scored.stdout))


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
        assert list(RESULT_VALIDATOR.iter_errors(spoilt))


def typed_dict_in(hint) -> type | None:
    """The TypedDict a field holds: itself, or inside a list, a dict's values or ``| None``."""
    if typing.is_typeddict(hint):
        return hint
    return next(filter(None, map(typed_dict_in, typing.get_args(hint))), None)


def object_part(part: dict, schema: dict) -> dict:
    """The object a part of the schema describes: through $ref, an array's items, a dict's values or a choice
    with null."""
    while "properties" not in part:
        if "$ref" in part:
            part = schema["$defs"][part["$ref"].rsplit("/", 1)[-1]]
        elif "items" in part:
            part = part["items"]
        elif isinstance(part.get("additionalProperties"), dict):
            part = part["additionalProperties"]
        else:
            (part,) = [p for p in part.get("anyOf", part.get("oneOf", [])) if p.get("type") != "null"]
    return part


def pairs(typed: type, part: dict, schema: dict) -> dict[type, dict]:
    """Each TypedDict reachable from ``typed`` and the part of the schema that describes the same object, found by
    walking the two together, so that no TypedDict is left out by hand (ContextNeeded once was)."""
    found = {typed: part}
    for key, hint in typing.get_type_hints(typed).items():
        inner = typed_dict_in(hint)
        if inner is not None and key in part["properties"]:  # a key the schema lacks fails the test below
            found |= pairs(inner, object_part(part["properties"][key], schema), schema)
    return found


def fields(typed: type) -> set[tuple[str, object]]:
    return set(typing.get_type_hints(typed).items())


def defined_in(module) -> set[type]:
    return {t for t in vars(module).values() if typing.is_typeddict(t) and t.__module__ == module.__name__}


PAIRS = list(pairs(shapes.Result, RESULT_SCHEMA, RESULT_SCHEMA).items())


def test_every_typed_dict_of_the_result_is_checked_against_the_schema():
    """Each TypedDict in result.py is reached from Result, or is a base whose fields are checked through one."""
    reached = {typed for typed, _ in PAIRS}
    bases = {t for t in defined_in(shapes) if any(fields(t) <= fields(r) for r in reached)}
    assert defined_in(shapes) <= reached | bases, defined_in(shapes) - reached - bases
    assert shapes.ContextNeeded in reached


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


COMPARISON_PAIRS = list(pairs(comparison_shapes.Comparison, COMPARISON_SCHEMA, COMPARISON_SCHEMA).items())


def test_every_typed_dict_of_the_comparison_is_checked_against_the_schema():
    reached = {typed for typed, _ in COMPARISON_PAIRS}
    bases = {t for t in defined_in(comparison_shapes) if any(fields(t) <= fields(r) for r in reached)}
    assert defined_in(comparison_shapes) <= reached | bases, defined_in(comparison_shapes) - reached - bases


@pytest.mark.parametrize("typed, part", COMPARISON_PAIRS, ids=[typed.__name__ for typed, _ in COMPARISON_PAIRS])
def test_the_comparison_typed_dicts_and_schema_name_the_same_keys(typed, part):
    assert set(typing.get_type_hints(typed)) == set(part["properties"]) == set(part["required"])
