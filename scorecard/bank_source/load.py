"""Loading the YAML question banks, checking them, and compiling them into one JSON bank.

Every problem is collected (not just the first) and located as path:line: question id, so a
maintainer can fix a whole file in one pass. The compiled bank is what the run-time engine
and the browser read; it has every default filled in so the engine needs no YAML.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema

from .. import bundled
from .guidance_anchors import anchors
from .problems import Problem
from .yaml_source import YamlSource, YamlSourceError, load_yaml

SCORING_FILE = "scoring.yaml"
COUNCIL_TYPES = ["county", "district", "unitary", "metropolitan", "london"]
YES_NO_DEFAULT = [{"id": "yes", "label": "Yes", "score": 1}, {"id": "no", "label": "No", "score": 0}]
NO_QUESTION = "-"


def default_questions_dir() -> Path:
    """The built-in banks: questions/ at the top of the checkout, or shipped with the package."""
    return bundled.questions_dir()


def default_guidance_dir(questions_dir: Path) -> Path:
    return bundled.guidance_dir(questions_dir)


def schema(name: str) -> dict[str, Any]:
    return json.loads(resources.files("scorecard.schemas").joinpath(f"{name}.schema.json").read_text(encoding="utf-8"))


@dataclass
class BankCheck:
    """Collects problems while a bank is read, with the file each one belongs to."""

    questions_dir: Path
    problems: list[Problem] = field(default_factory=list)

    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(Path.cwd()))
        except ValueError:
            return str(path)

    def add(self, path: Path, line: int, message: str, question: str = NO_QUESTION) -> None:
        self.problems.append(Problem(self.rel(path), line, question, message))


def load_bank(questions_dir: Path | None = None, guidance_dir: Path | None = None) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Read and check the banks. Returns (compiled bank, []) or (None, problems)."""
    questions_dir = Path(questions_dir or default_questions_dir())
    guidance_dir = Path(guidance_dir or default_guidance_dir(questions_dir))
    check = BankCheck(questions_dir)
    scoring_path = questions_dir / SCORING_FILE
    scoring = _read(scoring_path, check)
    if scoring is None or not _schema_ok(scoring, scoring_path, "scoring", check):
        return None, sorted(check.problems)
    _check_bands(scoring, scoring_path, check)

    themes: list[tuple[Path, YamlSource]] = []
    listed = scoring.data["themes"]
    for index, theme_id in enumerate(listed):
        path = questions_dir / f"{theme_id}.yaml"
        if not path.exists():
            check.add(scoring_path, scoring.line_of(["themes", index]), f"theme {theme_id!r} is listed but {path.name} does not exist")
            continue
        source = _read(path, check)
        if source is not None and _schema_ok(source, path, "theme", check):
            themes.append((path, source))
    for path in sorted(questions_dir.glob("*.y*ml")):
        if path.name != SCORING_FILE and path.stem not in listed:
            check.add(path, 1, f"{path.name} is not listed under themes in {SCORING_FILE}, so it would be ignored")
    for theme_id in scoring.data.get("theme_weights", {}):
        if theme_id not in listed:
            check.add(scoring_path, scoring.line_of(["theme_weights", theme_id]), f"theme_weights names {theme_id!r}, which is not a theme")

    pages = _guidance_pages(guidance_dir, check) if guidance_dir.is_dir() else {}
    tier_ids = [t["id"] for t in scoring.data["tiers"]]
    _check_themes(themes, pages, tier_ids, check)
    _check_ids(themes, scoring, scoring_path, check)
    _check_dependencies(themes, check)
    if check.problems:
        return None, sorted(check.problems)
    return _compile(scoring.data, themes), []


def _guidance_pages(guidance_dir: Path, check: BankCheck) -> dict[str, set[str]]:
    """Anchors of each guidance page; a page that is not UTF-8 is reported, not a crash."""
    pages = {}
    for page in sorted(guidance_dir.glob("*.md")):
        try:
            raw = page.read_bytes()
            raw.decode("utf-8")
        except UnicodeDecodeError as error:
            check.add(page, _bad_byte_line(error), f"file is not UTF-8 text ({error.reason})")
        except OSError as error:
            check.add(page, 1, f"cannot read file: {error.strerror}")
            raw = b""
        # the readable headings still count, so the page's links are not reported a second time
        pages[page.name] = anchors(raw.decode("utf-8", "replace"))
    return pages


def _bad_byte_line(error: UnicodeDecodeError) -> int:
    """The line of the first byte that is not UTF-8, so an editor can jump to it."""
    return error.object[: error.start].count(b"\n") + 1


def _read(path: Path, check: BankCheck) -> YamlSource | None:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        check.add(path, _bad_byte_line(error), f"file is not UTF-8 text ({error.reason})")
        return None
    except OSError as error:
        check.add(path, 1, f"cannot read file: {error.strerror}")
        return None
    try:
        return load_yaml(text)
    except YamlSourceError as error:
        check.add(path, error.line, str(error))
        return None


def _schema_ok(source: YamlSource, path: Path, name: str, check: BankCheck) -> bool:
    validator = jsonschema.Draft202012Validator(schema(name))
    errors = sorted(validator.iter_errors(source.data), key=lambda e: list(map(str, e.absolute_path)))
    for error in errors:
        where = list(error.absolute_path)
        check.add(path, _schema_line(source, error), _schema_message(error), _question_at(source.data, where))
    return not errors


def _schema_line(source: YamlSource, error: jsonschema.ValidationError) -> int:
    """The value's line; for an unexpected (often misspelt) key, the line of that key."""
    where = list(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = error.schema.get("properties", {})
        extra = [key for key in error.instance if key not in allowed]
        if extra:
            return source.key_line(where, extra[0])
    return source.line_of(where)


def _schema_message(error: jsonschema.ValidationError) -> str:
    """jsonschema's message, with the field named and oneOf noise made readable."""
    field_name = _field_name(list(error.absolute_path))
    if error.validator == "oneOf" and error.path and error.path[-1] == "applies_to":
        return "applies_to must be 'all' or a list of council types: " + ", ".join(COUNCIL_TYPES)
    if error.validator == "type" and error.validator_value == "string" and isinstance(error.instance, dict):
        return f"{field_name}: expected text, but a ': ' inside it made YAML read a mapping; put the whole text in quotes"
    if error.validator == "additionalProperties":
        return f"{field_name}: {error.message} (check the spelling against questions/README.md)"
    if error.validator == "type":
        # jsonschema's message repeats the whole value, which may be the whole file
        return f"{field_name}: expected {_kind_name(error.validator_value)}, not {_kind_of(error.instance)}"
    return f"{field_name}: {error.message}"


SCHEMA_KINDS = {"object": "a mapping (key: value lines)", "array": "a list", "string": "text",
                "number": "a number", "integer": "a whole number", "boolean": "true or false", "null": "nothing"}


def _kind_name(schema_type: Any) -> str:
    types = schema_type if isinstance(schema_type, list) else [schema_type]
    return " or ".join(SCHEMA_KINDS.get(t, str(t)) for t in types)


def _kind_of(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return "text" if len(value) > 40 else f"the text {value!r}"
    return {dict: "a mapping", list: "a list"}.get(type(value), f"a {type(value).__name__} ({value})")


def _field_name(path: list[Any]) -> str:
    """options[2].score rather than questions.4.options.2.score: the question id is given beside it."""
    original = path
    if len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
        path = path[2:]
    name = ""
    for step in path:
        name += f"[{step}]" if isinstance(step, int) else (f".{step}" if name else str(step))
    return name or ("this question" if path != original else "the file")


def _question_at(data: Any, path: list[Any]) -> str:
    if len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
        try:
            qid = data["questions"][path[1]].get("id")
        except (AttributeError, IndexError, KeyError, TypeError):
            return NO_QUESTION
        return qid if isinstance(qid, str) else f"question #{path[1] + 1}"
    return NO_QUESTION


def _check_bands(scoring: YamlSource, path: Path, check: BankCheck) -> None:
    for key in ("tiers", "risk_bands"):
        bands = scoring.data[key]
        if bands[0]["min_score"] != 0:
            check.add(path, scoring.line_of([key, 0, "min_score"]), f"{key}: the first band must start at min_score 0")
        for i in range(1, len(bands)):
            if bands[i]["min_score"] <= bands[i - 1]["min_score"]:
                check.add(path, scoring.line_of([key, i, "min_score"]), f"{key}: min_score must rise from one band to the next")
        ids = [b["id"] for b in bands]
        for i, band_id in enumerate(ids):
            if band_id in ids[:i]:
                check.add(path, scoring.line_of([key, i, "id"]), f"{key}: duplicate id {band_id!r}")


def _check_themes(themes, pages: dict[str, set[str]], tier_ids: list[str], check: BankCheck) -> None:
    for path, source in themes:
        theme = source.data["theme"]
        if theme["id"] != path.stem:
            check.add(path, source.line_of(["theme", "id"]), f"theme id {theme['id']!r} must match the file name {path.stem!r}")
        page = theme["guidance"].partition("#")[0]
        if page not in pages:
            check.add(path, source.line_of(["theme", "guidance"]), f"guidance page guidance/{page} does not exist")
        else:
            for tier in tier_ids:
                if f"tier-{tier}" not in pages[page]:
                    check.add(path, source.line_of(["theme", "guidance"]), f"guidance/{page} has no section with id tier-{tier}")
        for qi, q in enumerate(source.data["questions"]):
            at = lambda *rest: source.line_of(["questions", qi, *rest])  # noqa: E731
            if not q["id"].startswith(theme["prefix"] + "-"):
                check.add(path, at("id"), f"id must start with this theme's prefix {theme['prefix']}-", q["id"])
            _check_options(q, at, path, check)
            for li, link in enumerate(q["guidance"]):
                page_name, _, anchor = link.partition("#")
                if page_name not in pages:
                    check.add(path, at("guidance", li), f"broken guidance link {link!r}: guidance/{page_name} does not exist", q["id"])
                elif anchor and anchor not in pages[page_name]:
                    check.add(path, at("guidance", li), f"broken guidance link {link!r}: no heading with id {anchor!r} on that page", q["id"])


def _check_options(q: dict[str, Any], at, path: Path, check: BankCheck) -> None:
    options = q.get("options")
    if q["type"] == "yes_no":
        if options is not None and sorted(o["id"] for o in options) != ["no", "yes"]:
            check.add(path, at("options"), "a yes_no question's options must be exactly 'yes' and 'no'", q["id"])
        options = options or YES_NO_DEFAULT
    ids = [o["id"] for o in options]
    for oi, option_id in enumerate(ids):
        if option_id in ids[:oi]:
            check.add(path, at("options", oi, "id"), f"duplicate option id {option_id!r}", q["id"])
    scores = [o["score"] for o in options]
    if q["type"] == "multi":
        if sum(scores) <= 0:
            check.add(path, at("options"), "a multi question needs at least one option scoring above 0", q["id"])
    elif max(scores) != 1:
        best = scores.index(max(scores))  # point at the option to raise, not the start of the list
        check.add(path, at("options", best, "score"), f"the best option must score 1 (the highest here is {max(scores)})", q["id"])


def _check_ids(themes, scoring: YamlSource, scoring_path: Path, check: BankCheck) -> None:
    seen: dict[str, tuple[Path, int]] = {}
    for path, source in themes:
        for qi, q in enumerate(source.data["questions"]):
            line = source.line_of(["questions", qi, "id"])
            if q["id"] in seen:
                first, first_line = seen[q["id"]]
                check.add(path, line, f"duplicate question id (first used at {check.rel(first)}:{first_line})", q["id"])
            else:
                seen[q["id"]] = (path, line)
    replaced: dict[str, str] = {}
    for path, source in themes:
        for qi, q in enumerate(source.data["questions"]):
            for ri, old in enumerate(q.get("replaces", [])):
                line = source.line_of(["questions", qi, "replaces", ri])
                if old in seen:
                    check.add(path, line, f"replaces {old}, which is still a current question", q["id"])
                elif old in replaced:
                    check.add(path, line, f"{old} is already replaced by {replaced[old]}", q["id"])
                replaced.setdefault(old, q["id"])
    for ri, retired in enumerate(scoring.data.get("retired", [])):
        if retired["id"] in seen:
            check.add(scoring_path, scoring.line_of(["retired", ri, "id"]), f"{retired['id']} is retired but is still a current question", retired["id"])
        elif retired["id"] in replaced:
            check.add(scoring_path, scoring.line_of(["retired", ri, "id"]), f"{retired['id']} is retired but also replaced by {replaced[retired['id']]}; choose one", retired["id"])


def _check_dependencies(themes, check: BankCheck) -> None:
    where: dict[str, tuple[Path, YamlSource, int]] = {}
    for path, source in themes:
        for qi, q in enumerate(source.data["questions"]):
            where.setdefault(q["id"], (path, source, qi))
    questions = {qid: src.data["questions"][qi] for qid, (_, src, qi) in where.items()}
    for qid, (path, source, qi) in where.items():
        dep = questions[qid].get("depends_on")
        if not dep:
            continue
        line = source.line_of(["questions", qi, "depends_on", "question"])
        parent = questions.get(dep["question"])
        if parent is None:
            check.add(path, line, f"depends on {dep['question']}, which is not a question in the bank", qid)
            continue
        if dep["question"] == qid:
            check.add(path, line, "a question cannot depend on itself", qid)
            continue
        if parent["type"] == "multi":
            # the engine compares one answer with answer_in; a multi answer is a list of options
            check.add(path, line, f"depends on {dep['question']}, a multi question; a question can only depend on a yes_no or single question", qid)
            continue
        parent_options = {o["id"] for o in parent.get("options") or YES_NO_DEFAULT}
        for ai, option in enumerate(dep["answer_in"]):
            if option not in parent_options:
                check.add(path, source.line_of(["questions", qi, "depends_on", "answer_in", ai]),
                          f"depends on {dep['question']} answering {option!r}, which is not one of its options ({', '.join(sorted(parent_options))})", qid)
        never = sorted(set(_types(questions[qid])) - set(_types(parent)))
        if never:
            check.add(path, line, f"applies to {', '.join(never)} councils but depends on {dep['question']}, which is never asked of them", qid)
    for qid in where:
        chain, current = [qid], questions[qid].get("depends_on")
        while current and current.get("question") in questions:
            nxt = current["question"]
            if nxt == qid:
                path, source, qi = where[qid]
                if len(chain) > 1:
                    check.add(path, source.line_of(["questions", qi, "depends_on"]), "circular dependency: " + " -> ".join(chain + [qid]), qid)
                break
            if nxt in chain:
                break  # a cycle that does not pass through qid; reported from its own members
            chain.append(nxt)
            current = questions[nxt].get("depends_on")


def _types(q: dict[str, Any]) -> list[str]:
    return COUNCIL_TYPES if q["applies_to"] == "all" else q["applies_to"]


def _compile(scoring: dict[str, Any], themes) -> dict[str, Any]:
    by_id = {source.data["theme"]["id"]: source.data for _, source in themes}
    compiled = {key: scoring[key] for key in ("bank_version", "council_types", "tiers", "risk_bands", "min_coverage_for_rating")}
    compiled["theme_weights"] = {t: scoring.get("theme_weights", {}).get(t, 1) for t in scoring["themes"]}
    compiled["retired"] = scoring.get("retired", [])
    compiled["themes"] = []
    for theme_id in scoring["themes"]:
        data = by_id[theme_id]
        theme = {key: data["theme"][key] for key in ("id", "title", "summary", "guidance")}
        theme["questions"] = [
            {
                "id": q["id"],
                "text": q["text"],
                "help": q["help"],
                "type": q["type"],
                "options": q.get("options") or YES_NO_DEFAULT,
                "weight": q["weight"],
                "applies_to": _types(q),
                "allow_na": q.get("allow_na", False),
                "depends_on": q.get("depends_on"),
                "guidance": q["guidance"],
                "sources": q["sources"],
                "replaces": q.get("replaces", []),
            }
            for q in data["questions"]
        ]
        compiled["themes"].append(theme)
    return compiled
