"""TypeScript declarations of the engine's files and replies, written from their JSON Schemas, so the site's
JavaScript is type-checked against what the engine really returns (`npm run check`: tsc --checkJs).

    python3 -m scorecard.sitegen.js_types      # writes site/types/engine.d.ts

tests/test_js_types.py fails while the file is not what this module writes from the schemas now. Each schema
becomes an interface named after it, with its definitions ($defs) in a namespace of the same name:
result.schema.json gives `Result` and `Result.Theme`, `Result.Action`... Only the shapes are kept (types,
required properties, enumerations, constants, descriptions as comments); formats, patterns, bounds and
conditional requirements (if/then) are the schema's own checks, left to it.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Collection
from pathlib import Path
from typing import Any

from .. import bundled

SCHEMAS = {
    "Result": "result.schema.json",
    "Comparison": "comparison.schema.json",
    "AssessmentFile": "assessment.schema.json",
    "Contribution": "contribution.schema.json",
    "ReviewFile": "review.schema.json",
}
SHAPES = {"type", "$ref", "const", "enum", "properties"}
TARGET = Path("types") / "engine.d.ts"  # under site/
HEADER = """\
// The engine's files and replies as TypeScript types, for type-checking the site's JavaScript (npm run check).
// Written from scorecard/schemas/*.schema.json by `python3 -m scorecard.sitegen.js_types`: do not edit by hand
// (tests/test_js_types.py fails when it is not current). See scorecard/sitegen/js_types.py.
"""


def pascal(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.replace("-", "_").split("_"))


class Writer:
    """Writes one schema's types; `namespace` qualifies references to its definitions."""

    def __init__(self, namespace: str):
        self.namespace = namespace

    def type_of(self, schema: Any, indent: str) -> str:
        if schema is True or schema == {}:
            return "unknown"
        if "$ref" in schema:
            return f"{self.namespace}.{pascal(schema['$ref'].rsplit('/', 1)[1])}"
        if "const" in schema:
            return json.dumps(schema["const"])
        if "enum" in schema:
            return " | ".join(json.dumps(value) for value in schema["enum"])
        for key in ("oneOf", "anyOf"):
            if any(SHAPES & option.keys() for option in schema.get(key, [])):  # not only "one of these is required"
                return " | ".join(dict.fromkeys(self.type_of(option, indent) for option in schema[key]))
        kinds = schema.get("type")
        if kinds is None:
            return self.object_type(schema, indent) if "properties" in schema else "unknown"
        if isinstance(kinds, list):
            return " | ".join(self.one_type({**schema, "type": kind}, indent) for kind in kinds)
        return self.one_type(schema, indent)

    def one_type(self, schema: dict[str, Any], indent: str) -> str:
        kind = schema["type"]
        if kind == "array":
            item = self.type_of(schema.get("items", True), indent)
            return f"({item})[]" if " " in item else f"{item}[]"
        if kind == "object":
            return self.object_type(schema, indent)
        return {"string": "string", "integer": "number", "number": "number", "boolean": "boolean", "null": "null"}[kind]

    def object_type(self, schema: dict[str, Any], indent: str) -> str:
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties", not properties)
        if not properties:
            return f"{{ [key: string]: {self.type_of(extra, indent)} }}"
        switch = boolean_switch(schema)
        if switch:  # if a flag is true, then these are required, else those: one type for each
            flag, then, otherwise = switch
            return " | ".join(
                "{\n" + self.members(schema, indent + "  ", required, {flag: value}) + indent + "}"
                for value, required in ((True, then), (False, otherwise))
            )
        return "{\n" + self.members(schema, indent + "  ") + indent + "}"

    def members(
        self, schema: dict[str, Any], indent: str, also: Collection[str] = (), fixed: dict[str, Any] | None = None
    ) -> str:
        required = set(schema.get("required", [])) | set(also)
        lines = []
        for name, prop in schema.get("properties", {}).items():
            lines.append(comment(prop.get("description", ""), indent))
            fixed_here = fixed or {}
            optional = "" if name in required or name in fixed_here else "?"
            key = name if name.isidentifier() else json.dumps(name)
            kind = json.dumps(fixed_here[name]) if name in fixed_here else self.type_of(prop, indent)
            lines.append(f"{indent}{key}{optional}: {kind};\n")
        return "".join(lines)


def boolean_switch(schema: dict[str, Any]) -> tuple[str, list[str], list[str]] | None:
    """A schema's "if FLAG is true then these are required, else those", when it is one (the flag a boolean)."""
    condition = schema.get("if", {}).get("properties", {})
    if len(condition) != 1 or "then" not in schema:
        return None
    ((flag, test),) = condition.items()
    if test.get("const") is not True or schema["properties"].get(flag, {}).get("type") != "boolean":
        return None
    return flag, schema["then"].get("required", []), schema.get("else", {}).get("required", [])


def comment(text: str, indent: str) -> str:
    if not text:
        return ""
    return f"{indent}/** {text.replace('*/', '* /')} */\n"


def declarations(schemas: Path) -> str:
    """The whole declaration file: for each schema, its interface, and its definitions in a namespace."""
    parts = [HEADER]
    for namespace, filename in SCHEMAS.items():
        schema = json.loads((schemas / filename).read_text(encoding="utf-8"))
        writer = Writer(namespace)
        parts.append(f"\n// {filename}\n")
        parts.append(comment(schema.get("description", ""), ""))
        if schema.get("type") == "object" and "properties" in schema:
            parts.append(f"interface {namespace} {{\n{writer.members(schema, '  ')}}}\n")
        else:
            parts.append(f"type {namespace} = {writer.type_of(schema, '')};\n")
        definitions = schema.get("$defs", {})
        if definitions:
            parts.append(f"declare namespace {namespace} {{\n")
            for name, definition in definitions.items():
                parts.append(comment(definition.get("description", ""), "  "))
                parts.append(f"  type {pascal(name)} = {writer.type_of(definition, '  ')};\n")
            parts.append("}\n")
    return "".join(parts)


def main() -> int:
    target = bundled.site_sources() / TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(declarations(Path(__file__).resolve().parents[1] / "schemas"), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
