"""Loading the YAML question banks, checking them, and compiling them into one JSON bank.

Every problem is collected (not just the first) and located as path:line: question id, so a
maintainer can fix a whole file in one pass. The compiled bank is what the run-time engine
and the browser read; it has every default filled in so the engine needs no YAML.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema

from .. import bundled
from ..safe_files import FileTooLarge, UnreadableFile, read_regular_file
from .defaults import YES_NO_DEFAULT
from .guidance_anchors import anchors
from .guidance_translations import check_guidance_translations, is_translation
from .indicators import INDICATORS_FILE, check_indicators, compile_indicators
from .problems import Problem
from .statement_summary import STATEMENT_SUMMARY_FILE, check_statement_summary, compile_statement_summary
from .translations import FILE_STRINGS, check_translations, without_translations
from .yaml_source import MAX_BYTES, YamlSource, YamlSourceError, load_yaml

SCORING_FILE = "scoring.yaml"
LEGAL_STATUS_FILE = "legal_status.yaml"
NO_QUESTION = "-"
MAX_GUIDANCE_BYTES = 5_000_000
NO_LINE_BREAK = "$(?!\\n)"  # how the schemas end a pattern: Python's `$` alone also matches before a final "\n"
LONGEST_CYCLE_SHOWN = 10
# Words for the project's own working papers, which an officer cannot look up or cite: the source documents it was
# built from ("seed 003"), its brief and its reviews. Write the document's own citation (title, publisher, date,
# address); keep notes for maintainers in YAML comments.
INTERNAL_WORDS = re.compile(r"\bseeds?\b|\bdomain brief\b|\bcontent review\b", re.IGNORECASE)
# Keys whose values are identifiers or links, not words an officer reads.
NOT_WORDING = {
    "id",
    "prefix",
    "guidance",
    "requires",
    "nations",
    "replaces",
    "depends_on",
    "met",
    "type",
    "kind",
    "exposure_for",
    "register_types",
    "functions",
    "themes",
    "removed_in",
    "bank_version",
    "from",  # a translation's fingerprint of its English (translations.py)
}


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


def load_bank(
    questions_dir: Path | None = None, guidance_dir: Path | None = None
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Read and check the banks. Returns (compiled bank, []) or (None, problems)."""
    questions_dir = Path(questions_dir or default_questions_dir())
    guidance_dir = Path(guidance_dir or default_guidance_dir(questions_dir))
    check = BankCheck(questions_dir)
    scoring_path = questions_dir / SCORING_FILE
    scoring = _read(scoring_path, check)
    if scoring is None or not _schema_ok(scoring, scoring_path, "scoring", check):
        return None, sorted(check.problems)
    _check_scoring(scoring, scoring_path, check)

    themes: list[tuple[Path, YamlSource]] = []
    listed = scoring.data["themes"]
    for index, theme_id in enumerate(listed):
        path = questions_dir / f"{theme_id}.yaml"
        if not path.exists():
            check.add(
                scoring_path,
                scoring.line_of(["themes", index]),
                f"theme {theme_id!r} is listed but {path.name} does not exist",
            )
            continue
        source = _read(path, check)
        if source is not None and _schema_ok(source, path, "theme", check):
            themes.append((path, source))
    for path in sorted(questions_dir.glob("*.y*ml")):
        if (
            path.name not in (SCORING_FILE, INDICATORS_FILE, LEGAL_STATUS_FILE, STATEMENT_SUMMARY_FILE)
            and path.stem not in listed
        ):
            check.add(path, 1, f"{path.name} is not listed under themes in {SCORING_FILE}, so it would be ignored")
    for theme_id in scoring.data["theme_weights"]:
        if theme_id not in listed:
            check.add(
                scoring_path,
                scoring.line_of(["theme_weights", theme_id]),
                f"theme_weights names {theme_id!r}, which is not a theme",
            )
    for theme_id in listed:
        if theme_id not in scoring.data["theme_weights"]:
            check.add(
                scoring_path,
                scoring.line_of(["theme_weights"]),
                f"theme_weights: give {theme_id!r} a weight and the reason for it",
            )
    register_path = questions_dir / LEGAL_STATUS_FILE
    register = _read(register_path, check) if register_path.exists() else None
    if register is not None and not _schema_ok(register, register_path, "legal_status", check):
        register = None

    pages = _guidance_pages(guidance_dir, check) if guidance_dir.is_dir() else {}
    _check_internal_words([(scoring_path, scoring), *themes], guidance_dir, check)
    tier_ids = [t["id"] for t in scoring.data["tiers"]]
    _check_themes(themes, pages, tier_ids, check)
    _check_references(themes, scoring.data, check)
    _check_ids(themes, scoring, scoring_path, check)
    _check_dependencies(themes, scoring.data, check)
    _check_rules(themes, scoring, scoring_path, check)
    register_dates = _check_register(themes, scoring.data, register, register_path, check)
    indicators = _read_indicators(questions_dir, scoring.data, pages, check)
    summary = _read_statement_summary(questions_dir, themes, check)
    # translations of strings that do not exist are errors; missing or stale ones are warnings (translation_warnings)
    others = [(scoring_path, scoring)] + ([(register_path, register)] if register else [])
    others += [
        (questions_dir / name, source)
        for name, source in ((INDICATORS_FILE, indicators), (STATEMENT_SUMMARY_FILE, summary))
        if source
    ]
    check.problems += check_translations([*themes, *others], check.rel)[0]
    check.problems += check_guidance_translations(guidance_dir, check.rel)[0]
    if check.problems:
        return None, sorted(check.problems)
    compiled = _compile(scoring.data, themes, register.data if register else None, register_dates)
    compiled["indicators"] = compile_indicators(
        indicators.data if indicators else None, [n["id"] for n in scoring.data["nations"]]
    )
    compiled["statement_summary"] = compile_statement_summary(summary.data if summary else None)
    return compiled, []


def _read_indicators(questions_dir: Path, scoring: dict[str, Any], pages: dict[str, set[str]], check: BankCheck):
    """questions/indicators.yaml, read and checked, or None when the bank has none (or it has problems, all reported)."""
    path = questions_dir / INDICATORS_FILE
    if not path.exists():
        return None
    source = _read(path, check)
    if source is None or not _schema_ok(source, path, "indicators", check):
        return None
    check_indicators(source, path, scoring, pages, check)
    return source


def _read_statement_summary(questions_dir: Path, themes: list[tuple[Path, YamlSource]], check: BankCheck):
    """questions/statement_summary.yaml, read and checked, or None when the bank has none (or it has problems, all reported)."""
    path = questions_dir / STATEMENT_SUMMARY_FILE
    if not path.exists():
        return None
    source = _read(path, check)
    if source is None or not _schema_ok(source, path, "statement_summary", check):
        return None
    _check_internal_words([(path, source)], questions_dir / "-", check)  # officer-facing text: no working papers
    check_statement_summary(source, path, themes, check)
    return source


def read_themes(questions_dir: Path) -> list[tuple[Path, YamlSource]]:
    """The theme files of a bank that load_bank has passed, read again with their line numbers (and translations)."""
    check = BankCheck(questions_dir)
    scoring = _read(questions_dir / SCORING_FILE, check)
    themes = []
    for theme_id in scoring.data["themes"] if scoring else []:
        source = _read(questions_dir / f"{theme_id}.yaml", check)
        if source is not None:
            themes.append((questions_dir / f"{theme_id}.yaml", source))
    return themes


def read_translated_files(questions_dir: Path) -> list[tuple[Path, YamlSource]]:
    """The bank's other files with strings to translate (translations.FILE_STRINGS) that exist, read again."""
    check = BankCheck(questions_dir)
    found = [(questions_dir / name, _read(questions_dir / name, check)) for name in FILE_STRINGS]
    return [(path, source) for path, source in found if source is not None]


def translation_sources(questions_dir: Path) -> dict[str, dict[str, Any]]:
    """What translations.localise reads: theme id -> its file's data, and each other file's name -> its data."""
    sources = {source.data["theme"]["id"]: source.data for _path, source in read_themes(questions_dir)}
    return sources | {path.name: source.data for path, source in read_translated_files(questions_dir)}


def translation_warnings(
    questions_dir: Path | None = None,
) -> tuple[list[Problem], dict[str, dict[str, int]], dict[str, dict[str, int]]]:
    """Strings of a (valid) bank, and guidance pages, with no translation or a stale one, per language:
    (warnings, counts of strings, counts of pages)."""
    questions_dir = Path(questions_dir or default_questions_dir())
    check = BankCheck(questions_dir)
    files = [*read_themes(questions_dir), *read_translated_files(questions_dir)]
    _errors, warnings, counts = check_translations(files, check.rel)
    _errors, page_warnings, page_counts = check_guidance_translations(default_guidance_dir(questions_dir), check.rel)
    return sorted(warnings + page_warnings), counts, page_counts


def _guidance_pages(guidance_dir: Path, check: BankCheck) -> dict[str, set[str]]:
    """Anchors of each guidance page; a page that is not UTF-8 is reported, not a crash."""
    pages = {}
    for page in sorted(p for p in guidance_dir.glob("*.md") if not is_translation(p)):
        try:
            raw = read_regular_file(page, MAX_GUIDANCE_BYTES)
            raw.decode("utf-8")
        except UnicodeDecodeError as error:
            check.add(page, _bad_byte_line(error), f"file is not UTF-8 text ({error.reason})")
        except FileTooLarge:
            check.add(page, 1, f"file is larger than {MAX_GUIDANCE_BYTES // 1_000_000} MB; split the page")
            raw = b""
        except UnreadableFile as error:
            check.add(page, 1, f"cannot read file: {error.reason}")
            raw = b""
        # the readable headings still count, so the page's links are not reported a second time
        pages[page.name] = anchors(raw.decode("utf-8", "replace"))
    return pages


def _question_line(source: YamlSource, qi: int) -> Callable[..., int]:
    """The line of a key path under question number ``qi`` of a theme file."""
    return lambda *rest: source.line_of(["questions", qi, *rest])


def _check_internal_words(sources: list[tuple[Path, YamlSource]], guidance_dir: Path, check: BankCheck) -> None:
    """Refuse the project's working-paper words in anything an officer reads: every text of the banks (questions,
    options, help, sources, gates, variants, themes, tiers) and every guidance page and template."""
    for path, source in sources:
        pending: list[tuple[list[Any], Any]] = [([], source.data)]
        while pending:
            where, value = pending.pop()
            if isinstance(value, dict):
                pending += [([*where, key], item) for key, item in value.items() if key not in NOT_WORDING]
            elif isinstance(value, list):
                pending += [([*where, index], item) for index, item in enumerate(value)]
            elif isinstance(value, str) and (found := INTERNAL_WORDS.search(value)):
                check.add(
                    path,
                    source.line_of(where),
                    f"{_field_name(where)}: {found.group(0)!r} names one of this "
                    "project's working papers, which an officer cannot cite; cite the document itself (title, "
                    "publisher, date, address) and keep notes for maintainers in a YAML comment",
                    _question_at(source.data, where),
                )
    if not guidance_dir.is_dir():
        return
    for page in sorted(guidance_dir.rglob("*.md")):
        try:
            text = read_regular_file(page, MAX_GUIDANCE_BYTES).decode("utf-8")
        except (UnicodeDecodeError, FileTooLarge, UnreadableFile):
            continue  # reported with the page's anchors (pages at the top) or not a page the site shows
        for number, line in enumerate(text.splitlines(), start=1):
            if found := INTERNAL_WORDS.search(line):
                check.add(
                    page,
                    number,
                    f"{found.group(0)!r} names one of this project's working papers, which an "
                    "officer cannot cite; cite the document itself (title, publisher, date, address)",
                )


def _bad_byte_line(error: UnicodeDecodeError) -> int:
    """The line of the first byte that is not UTF-8, so an editor can jump to it."""
    return error.object[: error.start].count(b"\n") + 1


def _read(path: Path, check: BankCheck) -> YamlSource | None:
    """A regular file of at most MAX_BYTES, its size checked before it is read (a named pipe would wait for ever)."""
    try:
        text = read_regular_file(path, MAX_BYTES).decode("utf-8")
    except UnicodeDecodeError as error:
        check.add(path, _bad_byte_line(error), f"file is not UTF-8 text ({error.reason})")
        return None
    except FileTooLarge:
        check.add(path, 1, f"file is larger than {MAX_BYTES // 1000} kB; split it or remove the bulk")
        return None
    except UnreadableFile as error:
        check.add(path, 1, f"cannot read file: {error.reason}")
        return None
    try:
        return load_yaml(text)
    except YamlSourceError as error:
        check.add(path, error.line, str(error))
        return None


def _schema_ok(source: YamlSource, path: Path, name: str, check: BankCheck) -> bool:
    not_finite = _not_finite(source, path, check)
    validator = jsonschema.Draft202012Validator(schema(name))
    errors = sorted(validator.iter_errors(source.data), key=lambda e: list(map(str, e.absolute_path)))
    errors = [e for e in errors if not _is_not_finite(e.instance)]  # reported just now, once
    for error in errors:
        where = list(error.absolute_path)
        check.add(path, _schema_line(source, error), _schema_message(error), _question_at(source.data, where))
    return not errors and not not_finite


def _not_finite(source: YamlSource, path: Path, check: BankCheck) -> bool:
    """Report every .nan and .inf (or number too large to hold): jsonschema's minimum and maximum
    let NaN through, since every comparison with it is false, and JSON has no such numbers."""
    found = False
    pending: list[tuple[list[Any], Any]] = [([], source.data)]
    while pending:
        where, value = pending.pop()
        if isinstance(value, dict):
            pending += [([*where, key], item) for key, item in value.items()]
        elif isinstance(value, list):
            pending += [([*where, index], item) for index, item in enumerate(value)]
        elif _is_not_finite(value):
            found = True
            what = "not a number (.nan)" if math.isnan(value) else "infinite (.inf, or a number too large to hold)"
            check.add(
                path,
                source.line_of(where),
                f"{_field_name(where)}: {what}; give a finite number",
                _question_at(source.data, where),
            )
    return found


def _is_not_finite(value: Any) -> bool:
    return isinstance(value, float) and not math.isfinite(value)


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
    if error.validator == "type" and error.validator_value == "string" and isinstance(error.instance, dict):
        return (
            f"{field_name}: expected text, but a ': ' inside it made YAML read a mapping; put the whole text in quotes"
        )
    if error.validator == "additionalProperties":
        return f"{field_name}: {error.message} (check the spelling against questions/README.md)"
    if error.validator == "type":
        # jsonschema's message repeats the whole value, which may be the whole file
        return f"{field_name}: expected {_kind_name(error.validator_value)}, not {_kind_of(error.instance)}"
    if error.validator == "pattern" and isinstance(error.instance, str):
        if error.instance.endswith("\n") and len(error.instance) <= 80:
            return f"{field_name}: {error.instance!r} ends with a line break (a | block, or \\n inside quotes, adds one); remove it"
        return f"{field_name}: {error.instance[:80]!r} does not match {error.validator_value.replace(NO_LINE_BREAK, '$')!r}"
    return f"{field_name}: {error.message}"


SCHEMA_KINDS = {
    "object": "a mapping (key: value lines)",
    "array": "a list",
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "null": "nothing",
}


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
    kinds: dict[type, str] = {dict: "a mapping", list: "a list"}
    return kinds.get(type(value), f"a {type(value).__name__} ({value})")


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
        # an id the schema refuses may hold a line break: it must not break the problem's line
        return qid if isinstance(qid, str) and qid.isprintable() and len(qid) <= 40 else f"question #{path[1] + 1}"
    return NO_QUESTION


def _check_scoring(scoring: YamlSource, path: Path, check: BankCheck) -> None:
    """Ids unique and known, tiers rising, and a risk matrix that is complete and never inverts."""
    data = scoring.data
    at = scoring.line_of
    for key in ("nations", "functions", "council_types", "tiers", "exposure_levels", "risk_levels"):
        ids = [item["id"] for item in data[key]]
        for i, item_id in enumerate(ids):
            if item_id in ids[:i]:
                check.add(path, at([key, i, "id"]), f"{key}: duplicate id {item_id!r}")
    tiers = data["tiers"]
    if tiers[0]["min_score"] != 0:
        check.add(path, at(["tiers", 0, "min_score"]), "tiers: the first tier must start at min_score 0")
    for i in range(1, len(tiers)):
        if not tiers[i]["min_score"] > tiers[i - 1]["min_score"]:
            check.add(path, at(["tiers", i, "min_score"]), "tiers: min_score must rise from one tier to the next")
    nations = {n["id"] for n in data["nations"]}
    functions = {f["id"] for f in data["functions"]}
    type_ids = {c["id"] for c in data["council_types"]}
    replaced: dict[str, str] = {}
    for i, ctype in enumerate(data["council_types"]):
        if ctype["nation"] not in nations:
            check.add(
                path,
                at(["council_types", i, "nation"]),
                f"council type {ctype['id']!r}: nation {ctype['nation']!r} is not one of: {', '.join(sorted(nations))}",
            )
        for fi, function in enumerate(ctype["functions"]):
            if function not in functions:
                check.add(
                    path,
                    at(["council_types", i, "functions", fi]),
                    f"council type {ctype['id']!r}: {function!r} is not one of the functions",
                )
        for ri, old in enumerate(ctype.get("replaces", [])):
            if old in type_ids or old in replaced:
                check.add(
                    path,
                    at(["council_types", i, "replaces", ri]),
                    f"council type {ctype['id']!r} replaces {old!r}, which is a current type or already replaced",
                )
            replaced[old] = ctype["id"]
    tier_ids = [t["id"] for t in tiers]
    for rule in ("duty_not_met", "essential_not_met", "evidence"):
        cap = data["rules"][rule]["cap"]
        if cap not in tier_ids:
            check.add(
                path, at(["rules", rule, "cap"]), f"rules.{rule}.cap {cap!r} is not a tier: {', '.join(tier_ids)}"
            )
    _check_evidence_rule(data["rules"]["evidence"], tier_ids, path, at, check)
    if data["rules"]["weakest_link"]["tiers_above"] >= len(tier_ids):
        check.add(
            path,
            at(["rules", "weakest_link", "tiers_above"]),
            f"rules.weakest_link.tiers_above must be less than the number of tiers ({len(tier_ids)})",
        )
    exposure_ids = [e["id"] for e in data["exposure_levels"]]
    risk_ids = [r["id"] for r in data["risk_levels"]]
    matrix = data["risk_matrix"]
    for exposure in matrix:
        if exposure not in exposure_ids:
            check.add(path, at(["risk_matrix", exposure]), f"risk_matrix: {exposure!r} is not an exposure level")
    for exposure in exposure_ids:
        row = matrix.get(exposure)
        if row is None:
            check.add(path, at(["risk_matrix"]), f"risk_matrix has no row for exposure {exposure!r}")
            continue
        for tier in tier_ids:
            if row.get(tier) not in risk_ids:
                check.add(
                    path,
                    at(["risk_matrix", exposure]),
                    f"risk_matrix[{exposure}][{tier}] must be one of the risk levels: {', '.join(risk_ids)}",
                )
        for extra in set(row) - set(tier_ids):
            check.add(path, at(["risk_matrix", exposure, extra]), f"risk_matrix[{exposure}]: {extra!r} is not a tier")
    if check.problems:
        return
    rank = {r: i for i, r in enumerate(risk_ids)}
    for e, exposure in enumerate(exposure_ids):
        for t, tier in enumerate(tier_ids):
            here = rank[matrix[exposure][tier]]
            if t and here > rank[matrix[exposure][tier_ids[t - 1]]]:
                check.add(
                    path,
                    at(["risk_matrix", exposure, tier]),
                    f"risk_matrix: a higher tier ({tier}) cannot mean more risk than {tier_ids[t - 1]} at {exposure} exposure",
                )
            if e and here < rank[matrix[exposure_ids[e - 1]][tier]]:
                check.add(
                    path,
                    at(["risk_matrix", exposure, tier]),
                    f"risk_matrix: more exposure ({exposure}) cannot mean less risk than {exposure_ids[e - 1]} at tier {tier}",
                )


def _check_themes(themes, pages: dict[str, set[str]], tier_ids: list[str], check: BankCheck) -> None:
    for path, source in themes:
        theme = source.data["theme"]
        if theme["id"] != path.stem:
            check.add(
                path,
                source.line_of(["theme", "id"]),
                f"theme id {theme['id']!r} must match the file name {path.stem!r}",
            )
        page = theme["guidance"].partition("#")[0]
        if page not in pages:
            check.add(path, source.line_of(["theme", "guidance"]), f"guidance page guidance/{page} does not exist")
        else:
            for tier in tier_ids:
                if f"tier-{tier}" not in pages[page]:
                    check.add(
                        path,
                        source.line_of(["theme", "guidance"]),
                        f"guidance/{page} has no section with id tier-{tier}",
                    )
        for qi, q in enumerate(source.data["questions"]):
            at = _question_line(source, qi)
            if not q["id"].startswith(theme["prefix"] + "-"):
                check.add(path, at("id"), f"id must start with this theme's prefix {theme['prefix']}-", q["id"])
            _check_options(q, at, path, check)
            for li, link in enumerate(q["guidance"]):
                page_name, _, anchor = link.partition("#")
                if page_name not in pages:
                    check.add(
                        path,
                        at("guidance", li),
                        f"broken guidance link {link!r}: guidance/{page_name} does not exist",
                        q["id"],
                    )
                elif anchor and anchor not in pages[page_name]:
                    check.add(
                        path,
                        at("guidance", li),
                        f"broken guidance link {link!r}: no heading with id {anchor!r} on that page",
                        q["id"],
                    )


def _check_options(q: dict[str, Any], at, path: Path, check: BankCheck) -> None:
    options = q.get("options")
    if q["type"] == "yes_no":
        if options is not None and sorted(o["id"] for o in options) != ["no", "yes"]:
            check.add(path, at("options"), "a yes_no question's options must be exactly 'yes' and 'no'", q["id"])
        options = options or YES_NO_DEFAULT
    if options is None:
        return  # the theme schema requires options of every other type: reported there
    ids = [o["id"] for o in options]
    for oi, option_id in enumerate(ids):
        if option_id in ids[:oi]:
            check.add(path, at("options", oi, "id"), f"duplicate option id {option_id!r}", q["id"])
    for oi, option in enumerate(options):
        if not option.get("exclusive"):
            continue
        if q["type"] != "multi":
            check.add(
                path,
                at("options", oi, "exclusive"),
                "only a multi question's options can be exclusive (given on their own)",
                q["id"],
            )
        elif option.get("score", 0) != 0:
            check.add(
                path,
                at("options", oi, "score"),
                f"option {option['id']!r} is exclusive (given on its own, like 'None of these'), so it must score 0",
                q["id"],
            )
    if q.get("kind") == "context":
        _check_context(q, options, at, path, check)
        return
    if "weight" not in q:
        check.add(path, at("id"), "weight: a question needs a weight (only context questions have none)", q["id"])
    for oi, option in enumerate(options):
        for key in ("exposure", "without_dated_evidence"):
            if key in option:
                check.add(
                    path,
                    at("options", oi, key),
                    f"{key}: only context questions (kind: context) give options an exposure",
                    q["id"],
                )
        if "score" not in option:
            check.add(path, at("options", oi), f"option {option['id']!r} needs a score (0 to 1)", q["id"])
    scores = [o.get("score", 0) for o in options]
    if q["type"] == "multi":
        if sum(scores) <= 0:
            check.add(path, at("options"), "a multi question needs at least one option scoring above 0", q["id"])
    elif max(scores) != 1:
        best = scores.index(max(scores))  # point at the option to raise, not the start of the list
        check.add(
            path,
            at("options", best, "score"),
            f"the best option must score 1 (the highest here is {max(scores)})",
            q["id"],
        )
    checked = [(gate_at, gate, "gate", "meets the duty") for gate_at, gate in _gates(q)]
    if q.get("essential"):
        checked.append((("essential",), q["essential"], "essential", "has the control in place"))
    for where, rule, name, meaning in checked:
        if q["type"] == "multi":
            check.add(path, at(*where), f"{name}: must be on a yes_no or single question", q["id"])
            continue
        if q.get("depends_on"):
            check.add(
                path,
                at(*where),
                f"{name}: must be on a question without depends_on: a theme waits for its legal duties and essential "
                "controls to be answered, and a follow-up waits for its question",
                q["id"],
            )
        by_id = {o["id"]: o.get("score", 0) for o in options}
        for mi, option_id in enumerate(rule["met"]):
            if option_id not in by_id:
                check.add(
                    path, at(*where, "met", mi), f"{name}: {option_id!r} is not one of this question's options", q["id"]
                )
        met = [by_id[o] for o in rule["met"] if o in by_id]
        if met and any(score >= min(met) and option_id not in rule["met"] for option_id, score in by_id.items()):
            check.add(
                path,
                at(*where, "met"),
                f"{name}: every option scoring at least as much as one that {meaning} must be listed in met too",
                q["id"],
            )


def _gates(q: dict[str, Any]):
    """The question's gate and each nation's own, with where they are written."""
    if q.get("gate"):
        yield ("gate",), q["gate"]
    for nation, variant in q.get("variants", {}).items():
        if variant.get("gate"):
            yield ("variants", nation, "gate"), variant["gate"]


def _check_context(q: dict[str, Any], options: list[dict[str, Any]], at, path: Path, check: BankCheck) -> None:
    """Context questions describe exposure: one choice, each option an exposure level, never scored."""
    if q["type"] != "single":
        check.add(path, at("type"), "a context question must be type single", q["id"])
    for key in ("weight", "gate", "depends_on"):
        if key in q:
            check.add(path, at(key), f"{key}: context questions are not scored, so they have no {key}", q["id"])
    if any(v.get("gate") for v in q.get("variants", {}).values()):
        check.add(path, at("variants"), "context questions have no gate", q["id"])
    if "essential" in q:
        check.add(path, at("essential"), "essential: context questions are not scored, so they are no control", q["id"])
    for oi, option in enumerate(options):
        if "score" in option:
            check.add(
                path,
                at("options", oi, "score"),
                "context questions are not scored: give each option an exposure instead",
                q["id"],
            )
        if "exposure" not in option:
            check.add(path, at("options", oi), f"option {option['id']!r} needs an exposure level", q["id"])


def _check_references(themes, scoring: dict[str, Any], check: BankCheck) -> None:
    """Functions, nations, exposure levels and themes named in questions exist in scoring.yaml."""
    functions = {f["id"] for f in scoring["functions"]}
    nations = {n["id"] for n in scoring["nations"]}
    exposure = {e["id"] for e in scoring["exposure_levels"]}
    exposure_rank = {e["id"]: i for i, e in enumerate(scoring["exposure_levels"])}
    theme_ids = set(scoring["themes"])
    for path, source in themes:
        for qi, q in enumerate(source.data["questions"]):
            at = _question_line(source, qi)
            for i, function in enumerate(q.get("requires", [])):
                if function not in functions:
                    check.add(
                        path,
                        at("requires", i),
                        f"requires {function!r}, which is not one of the functions in {SCORING_FILE}: {', '.join(sorted(functions))}",
                        q["id"],
                    )
            for i, nation in enumerate(q.get("nations", [])):
                if nation not in nations:
                    check.add(
                        path,
                        at("nations", i),
                        f"{nation!r} is not one of the nations: {', '.join(sorted(nations))}",
                        q["id"],
                    )
            for nation in q.get("variants", {}):
                if nation not in nations:
                    check.add(
                        path,
                        source.key_line(["questions", qi, "variants"], nation),
                        f"variants: {nation!r} is not one of the nations",
                        q["id"],
                    )
                elif "nations" in q and nation not in q["nations"]:
                    check.add(
                        path,
                        source.key_line(["questions", qi, "variants"], nation),
                        f"variants: {nation} councils are never asked this question (see nations)",
                        q["id"],
                    )
            for i, option in enumerate(q.get("options") or []):
                if "exposure" in option and option["exposure"] not in exposure:
                    check.add(
                        path,
                        at("options", i, "exposure"),
                        f"exposure {option['exposure']!r} is not one of: {', '.join(sorted(exposure))}",
                        q["id"],
                    )
                unevidenced = option.get("without_dated_evidence")
                if unevidenced and "exposure" in option and option["exposure"] in exposure:
                    if unevidenced["exposure"] not in exposure:
                        check.add(
                            path,
                            at("options", i, "without_dated_evidence", "exposure"),
                            f"exposure {unevidenced['exposure']!r} is not one of: {', '.join(sorted(exposure))}",
                            q["id"],
                        )
                    elif exposure_rank[unevidenced["exposure"]] <= exposure_rank[option["exposure"]]:
                        check.add(
                            path,
                            at("options", i, "without_dated_evidence", "exposure"),
                            "without_dated_evidence: the exposure without a dated source must be higher than the "
                            f"answer's own ({option['exposure']})",
                            q["id"],
                        )
            for i, theme_id in enumerate(q.get("exposure_for", [])):
                if q.get("kind") != "context":
                    check.add(path, at("exposure_for"), "only context questions feed a theme's exposure", q["id"])
                    break
                if theme_id not in theme_ids:
                    check.add(
                        path, at("exposure_for", i), f"exposure_for names {theme_id!r}, which is not a theme", q["id"]
                    )


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
            check.add(
                scoring_path,
                scoring.line_of(["retired", ri, "id"]),
                f"{retired['id']} is retired but is still a current question",
                retired["id"],
            )
        elif retired["id"] in replaced:
            check.add(
                scoring_path,
                scoring.line_of(["retired", ri, "id"]),
                f"{retired['id']} is retired but also replaced by {replaced[retired['id']]}; choose one",
                retired["id"],
            )


def _check_dependencies(themes, scoring: dict[str, Any], check: BankCheck) -> None:
    """Parents exist, are asked of every council their follow-ups are, and a better answer never closes a follow-up."""
    all_nations = [n["id"] for n in scoring["nations"]]
    where: dict[str, tuple[Path, YamlSource, int]] = {}
    for path, source in themes:
        for qi, q in enumerate(source.data["questions"]):
            where.setdefault(q["id"], (path, source, qi))
    questions = {qid: src.data["questions"][qi] for qid, (_, src, qi) in where.items()}
    for qid, (path, source, qi) in where.items():
        q = questions[qid]
        dep = q.get("depends_on")
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
        if parent["type"] == "multi" or parent.get("kind") == "context":
            # the engine compares one answer with answer_in; a multi answer is a list of options
            check.add(
                path,
                line,
                f"depends on {dep['question']}, a {'context' if parent.get('kind') == 'context' else 'multi'} question; a question can only depend on a scored yes_no or single question",
                qid,
            )
            continue
        parent_options = {o["id"]: o.get("score", 0) for o in parent.get("options") or YES_NO_DEFAULT}
        for ai, option in enumerate(dep["answer_in"]):
            if option not in parent_options:
                check.add(
                    path,
                    source.line_of(["questions", qi, "depends_on", "answer_in", ai]),
                    f"depends on {dep['question']} answering {option!r}, which is not one of its options ({', '.join(sorted(parent_options))})",
                    qid,
                )
        opening = [parent_options[o] for o in dep["answer_in"] if o in parent_options]
        better_closing = sorted(
            o for o, score in parent_options.items() if opening and score >= min(opening) and o not in dep["answer_in"]
        )
        if better_closing:
            check.add(
                path,
                source.line_of(["questions", qi, "depends_on", "answer_in"]),
                f"answer_in must include every answer scoring at least as much as one it lists, or a better answer would close this question: add {', '.join(better_closing)}",
                qid,
            )
        never_nations = sorted(set(q.get("nations", all_nations)) - set(parent.get("nations", all_nations)))
        if never_nations:
            check.add(
                path,
                line,
                f"asked in {', '.join(never_nations)} but depends on {dep['question']}, which is never asked there",
                qid,
            )
        missing = sorted(set(parent.get("requires", [])) - set(q.get("requires", [])))
        if missing:
            check.add(
                path,
                line,
                f"depends on {dep['question']}, which requires {', '.join(missing)}: require it here too, or the follow-up is asked of councils never asked its question",
                qid,
            )
    parent_of = {qid: (q.get("depends_on") or {}).get("question") for qid, q in questions.items()}
    for cycle in find_cycles(parent_of):
        path, source, qi = where[cycle[0]]
        check.add(
            path,
            source.line_of(["questions", qi, "depends_on"]),
            "circular dependency: " + cycle_description(cycle),
            cycle[0],
        )


def _question_map(themes) -> dict[str, tuple[Path, YamlSource, int]]:
    """Each question id -> its file, source and index (the first, should an id repeat: reported elsewhere)."""
    where: dict[str, tuple[Path, YamlSource, int]] = {}
    for path, source in themes:
        for qi, q in enumerate(source.data["questions"]):
            where.setdefault(q["id"], (path, source, qi))
    return where


def _option_scores(q: dict[str, Any]) -> dict[str, float]:
    return {o["id"]: o.get("score", 0) for o in q.get("options") or YES_NO_DEFAULT}


def _nation_gates(q: dict[str, Any], all_nations: list[str]) -> dict[str, dict[str, Any]]:
    """Nation -> the statutory gate councils there are asked (a variant's own, or the question's), where there is one."""
    gates = {}
    for nation in q.get("nations", all_nations):
        variant = q.get("variants", {}).get(nation, {})
        gate = variant["gate"] if "gate" in variant else q.get("gate")
        if gate:
            gates[nation] = gate
    return gates


def _check_rules(themes, scoring: YamlSource, path: Path, check: BankCheck) -> None:
    """Contradictions name real questions and options, the weaker answers of one against the better of the other."""
    where = _question_map(themes)
    all_nations = [n["id"] for n in scoring.data["nations"]]
    seen: set[str] = set()
    for ci, rule in enumerate(scoring.data.get("contradictions", [])):
        at = lambda *rest, ci=ci: scoring.line_of(["contradictions", ci, *rest])  # noqa: E731
        if rule["id"] in seen:
            check.add(path, at("id"), f"contradictions: duplicate id {rule['id']!r}")
        seen.add(rule["id"])
        sides = {}
        for side in ("when", "claims"):
            qid = rule[side]["question"]
            if qid not in where:
                check.add(path, at(side, "question"), f"contradictions: {qid} is not a question in the bank")
                continue
            q = where[qid][1].data["questions"][where[qid][2]]
            if q["type"] == "multi" or q.get("kind") == "context":
                check.add(
                    path, at(side, "question"), f"contradictions: {qid} must be a scored yes_no or single question"
                )
                continue
            scores = _option_scores(q)
            unknown = [o for o in rule[side]["answer_in"] if o not in scores]
            if unknown:
                check.add(
                    path,
                    at(side, "answer_in"),
                    f"contradictions: {unknown[0]!r} is not one of {qid}'s options ({', '.join(scores)})",
                )
                continue
            listed = [scores[o] for o in rule[side]["answer_in"]]
            if side == "when":  # the weaker answers: a worse one contradicts the claim as much
                missing = sorted(
                    o for o, sc in scores.items() if sc <= max(listed) and o not in rule[side]["answer_in"]
                )
                closure = "every option scoring at most as much as one listed (a worse answer)"
            else:  # the better answers: a better one claims as much
                missing = sorted(
                    o for o, sc in scores.items() if sc >= min(listed) and o not in rule[side]["answer_in"]
                )
                closure = "every option scoring at least as much as one listed (a better answer)"
            if missing:
                check.add(
                    path, at(side, "answer_in"), f"contradictions: {side} must list {closure}: add {', '.join(missing)}"
                )
            sides[side] = q
        if len(sides) < 2:
            continue
        when, claims = sides["when"], sides["claims"]
        if when["id"] == claims["id"]:
            check.add(path, at("claims", "question"), "contradictions: a question cannot contradict itself")
            continue
        if not set(when.get("nations", all_nations)) & set(claims.get("nations", all_nations)):
            check.add(
                path, at(), f"contradictions: {when['id']} and {claims['id']} are never asked of the same council"
            )
        gates = _nation_gates(claims, all_nations)
        if gates and when.get("depends_on"):
            check.add(
                path,
                at("when", "question"),
                f"contradictions: {claims['id']} is a legal duty, so the theme waits for {when['id']} to be answered; "
                "it must be a question without depends_on",
            )
        for nation, gate in gates.items():
            short = sorted(set(gate["met"]) - set(rule["claims"]["answer_in"]))
            if short:
                check.add(
                    path,
                    at("claims", "answer_in"),
                    f"contradictions: {claims['id']} is a legal duty in {nation}: every answer meeting it must be "
                    f"listed in claims (add {', '.join(short)}), or meeting it another way would escape the check",
                )


def _check_register(
    themes, scoring: dict[str, Any], register: YamlSource | None, path: Path, check: BankCheck
) -> dict[tuple[str, str], str]:
    """Every statutory gate has its dated entry in the legal-status register, and every entry a gate.

    Returns (question, nation) -> the date the duty came into force there.
    """
    from datetime import date

    all_nations = [n["id"] for n in scoring["nations"]]
    where = _question_map(themes)
    needed = {}
    for qid, (qpath, source, qi) in where.items():
        q = source.data["questions"][qi]
        for nation in _nation_gates(q, all_nations):
            gate_path = ["variants", nation, "gate"] if "gate" in q.get("variants", {}).get(nation, {}) else ["gate"]
            needed[(qid, nation)] = (qpath, source.line_of(["questions", qi, *gate_path]))
    dates: dict[tuple[str, str], str] = {}
    entries = register.data["duties"] if register else []
    for ei, entry in enumerate(entries):
        assert register is not None  # the entries are its own
        at = lambda *rest, ei=ei, register=register: register.line_of(["duties", ei, *rest])  # noqa: E731
        key = (entry["question"], entry["nation"])
        for field_name in ("in_force_from", "last_checked"):
            try:
                if entry[field_name] is not None:
                    date.fromisoformat(entry[field_name])
            except ValueError:
                check.add(path, at(field_name), f"{field_name}: {entry[field_name]!r} is not a date", entry["question"])
        if entry["in_force_from"] is None and not entry.get("note"):
            check.add(
                path,
                at("in_force_from"),
                "in_force_from: null (not verified) needs a note saying why",
                entry["question"],
            )
        if key in dates:
            check.add(path, at(), f"a second entry for this duty in {entry['nation']}: keep one", entry["question"])
        elif key not in needed:
            what = "a question in the bank" if entry["question"] not in where else f"a legal duty in {entry['nation']}"
            check.add(path, at("question"), f"not {what}: no statutory gate to date", entry["question"])
        dates.setdefault(key, entry["in_force_from"])
    for (qid, nation), (qpath, line) in needed.items():
        if (qid, nation) not in dates:
            check.add(
                qpath,
                line,
                f"gate: this legal duty has no entry for {nation} in {LEGAL_STATUS_FILE} (the date it came into force, "
                "its section, source and when it was last checked)",
                qid,
            )
    return dates


def stale_duties(compiled: dict[str, Any], today: str) -> list[dict[str, Any]]:
    """The legal-status register's entries last checked longer ago than its stale_after_days, oldest first."""
    from datetime import date

    register = compiled.get("legal_status") or {}
    limit = register.get("stale_after_days")
    if not limit:
        return []
    now = date.fromisoformat(today)
    stale = [e for e in register["duties"] if (now - date.fromisoformat(e["last_checked"])).days > limit]
    return sorted(stale, key=lambda e: (e["last_checked"], e["question"], e["nation"]))


def find_cycles(parent_of: dict[str, str | None]) -> list[list[str]]:
    """Each cycle of follow-ups once, as the ids around it, first id repeated at the end.

    Each question's chain of parents is walked once (linear time, no recursion): a walk stops
    at a question an earlier walk has been through.
    """
    cycles = []
    done: set[str] = set()
    for start in parent_of:
        chain: list[str] = []
        on_chain: set[str] = set()
        current: str | None = start
        while current in parent_of and current not in done:
            if current in on_chain:
                cycles.append(chain[chain.index(current) :] + [current])
                break
            chain.append(current)
            on_chain.add(current)
            current = parent_of[current]
        done.update(chain)
    return cycles


def cycle_description(cycle: list[str]) -> str:
    """'A -> B -> A'; a long cycle by its ends and length, not thousands of ids on one line."""
    length = len(cycle) - 1
    if length <= LONGEST_CYCLE_SHOWN:
        return " -> ".join(cycle)
    return " -> ".join(cycle[:3]) + " -> ... -> " + " -> ".join(cycle[-2:]) + f" ({length} questions)"


def _compile(
    scoring: dict[str, Any],
    themes,
    register: dict[str, Any] | None = None,
    dates: dict[tuple[str, str], str] | None = None,
) -> dict[str, Any]:
    by_id = {source.data["theme"]["id"]: source.data for _, source in themes}
    scoring = without_translations(scoring)  # the compiled bank is in one language: localise() gives another
    compiled = {
        key: scoring[key]
        for key in (
            "bank_version",
            "nations",
            "functions",
            "council_types",
            "tiers",
            "rules",
            "exposure_levels",
            "risk_levels",
            "risk_matrix",
        )
    }
    all_nations = [n["id"] for n in scoring["nations"]]
    compiled["theme_weights"] = {t: scoring["theme_weights"][t] for t in scoring["themes"]}
    compiled["contradictions"] = scoring.get("contradictions", [])
    compiled["legal_status"] = without_translations(register) if register else {"stale_after_days": None, "duties": []}
    compiled["retired"] = scoring.get("retired", [])
    compiled["themes"] = []
    for theme_id in scoring["themes"]:
        data = by_id[theme_id]
        theme = {key: data["theme"][key] for key in ("id", "title", "summary", "guidance")}
        theme["questions"] = [_compile_question(q, theme_id, all_nations, dates or {}) for q in data["questions"]]
        compiled["themes"].append(theme)
    return compiled


def _dated_gates(q: dict[str, Any], all_nations: list[str], dates: dict[tuple[str, str], str]) -> tuple[Any, Any]:
    """The question's gate and its variants, each with the date its duty came into force in each nation it applies in."""
    gates = _nation_gates(q, all_nations)
    variants = {}
    for nation, variant in q.get("variants", {}).items():
        variant = dict(variant)
        if variant.get("gate"):
            variant["gate"] = {**variant["gate"], "in_force": {nation: dates[(q["id"], nation)]}}
        variants[nation] = variant
    gate = q.get("gate")
    if gate:
        overridden = {n for n, v in q.get("variants", {}).items() if "gate" in v}
        gate = {
            **gate,
            "in_force": {n: dates[(q["id"], n)] for n in gates if n not in overridden},
        }
    return gate, variants


def _compile_question(
    q: dict[str, Any], theme_id: str, all_nations: list[str], dates: dict[tuple[str, str], str]
) -> dict[str, Any]:
    """Every default filled in, so the engine needs no YAML and no rules of its own about absent keys."""
    gate, variants = _dated_gates(q, all_nations, dates)
    compiled = {
        "id": q["id"],
        "kind": q.get("kind", "maturity"),
        "text": q["text"],
        "help": q["help"],
        "type": q["type"],
        "options": q.get("options") or YES_NO_DEFAULT,
        "weight": q.get("weight", 0),
        "requires": q.get("requires", []),
        "nations": q.get("nations", all_nations),
        "allow_na": q.get("allow_na", False),
        "depends_on": q.get("depends_on"),
        "gate": gate,
        "essential": q.get("essential"),
        "variants": variants,
        "guidance": q["guidance"],
        "sources": q["sources"],
        "replaces": q.get("replaces", []),
    }
    if compiled["kind"] == "context":
        compiled["exposure_for"] = q.get("exposure_for", [theme_id])
    return compiled


EVIDENCE_STRENGTHS = ["asserted", "documented", "tested", "independently_verified"]


def _check_evidence_rule(rule: dict[str, Any], tier_ids: list[str], path: Any, at: Any, check: Any) -> None:
    """rules.evidence: the strengths weakest first, the weakest needing nothing; its cap no lower than a duty's."""
    ids = [s["id"] for s in rule["strengths"]]
    if ids != EVIDENCE_STRENGTHS:
        check.add(
            path,
            at(["rules", "evidence", "strengths"]),
            f"rules.evidence.strengths must be, in order: {', '.join(EVIDENCE_STRENGTHS)}",
        )
    elif rule["strengths"][0]["needs"]:
        check.add(
            path, at(["rules", "evidence", "strengths", 0, "needs"]), "the weakest strength (asserted) needs nothing"
        )
