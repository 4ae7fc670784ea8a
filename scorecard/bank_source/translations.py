"""The banks' own words in the interface's other languages: one bank, each string's translations beside it.

A theme (``theme: translations:``) and a question (``translations:``) may carry, per language code of
``scorecard/i18n/languages.json``, a translation of each string an officer reads, keyed by where the
English is::

    translations:
      cy:
        text: {text: "A oes gan y cyngor ...?", from: 3f2a9c1e, status: draft}
        options.yes: {text: "Oes", from: 85a2c7b1, status: reviewed}
        variants.wales.gate.law: {text: "...", from: 0c9d41aa, status: draft}

``from`` is ``fingerprint()`` of the English the translation was written from: when the English
changes, the translation is *stale* and ``scorecard validate`` says so at its line. ``status`` is
``draft`` until a speaker of the language has reviewed it. Answers stay option ids, so a translation
never changes a score. Document titles in ``sources`` are cited as published, and are not translated.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..i18n import translated_languages
from .defaults import YES_NO_DEFAULT
from .problems import Problem
from .yaml_source import YamlSource

STATUSES = ("draft", "reviewed")
THEME_FIELDS = ("title", "summary")
# an essential control's name and why it holds its theme (theme pages, How scoring works); its source is cited as published
ESSENTIAL_FIELDS = ("control", "reason")


def fingerprint(english: str) -> str:
    """The first 8 hex digits of the English text's SHA-256: what a translation records it was written from."""
    return hashlib.sha256(english.encode("utf-8")).hexdigest()[:8]


def question_strings(question: dict[str, Any]) -> Iterator[tuple[str, str, list[Any]]]:
    """(key, English, YAML path relative to the question) of every string of a question an officer reads."""
    yield "text", question["text"], ["text"]
    yield "help", question["help"], ["help"]
    if question.get("options"):
        for index, option in enumerate(question["options"]):
            yield f"options.{option['id']}", option["label"], ["options", index, "label"]
    elif question.get("type") == "yes_no":  # the default options: their English is the bank's, not the question's
        for option in YES_NO_DEFAULT:
            yield f"options.{option['id']}", option["label"], ["type"]
    if question.get("gate"):
        yield "gate.law", question["gate"]["law"], ["gate", "law"]
    for field in ESSENTIAL_FIELDS if question.get("essential") else ():
        yield f"essential.{field}", question["essential"][field], ["essential", field]
    for nation, variant in (question.get("variants") or {}).items():
        for field in ("text", "help"):
            if field in variant:
                yield f"variants.{nation}.{field}", variant[field], ["variants", nation, field]
        if variant.get("gate"):
            yield f"variants.{nation}.gate.law", variant["gate"]["law"], ["variants", nation, "gate", "law"]


def theme_strings(theme: dict[str, Any]) -> Iterator[tuple[str, str, list[Any]]]:
    for field in THEME_FIELDS:
        yield field, theme[field], [field]


# (key, English, YAML path within its owner) of each string of a theme, a question or another file's entry
Strings = Iterator[tuple[str, str, list[Any]]] | list[tuple[str, str, list[Any]]]


def check_translations(
    files: list[tuple[Path, YamlSource]], rel=str, languages: list[str] | None = None
) -> tuple[list[Problem], list[Problem], dict[str, dict[str, int]]]:
    """(errors, warnings, counts) for the translations in the theme files and the other bank files (FILE_STRINGS).

    Errors: a translation of a string that does not exist, an unknown language, a bad status. Warnings:
    a string with no translation (missing) or one whose English changed since it was written (stale).
    counts[lang] = {"strings", "missing", "stale", "draft"} over every file.
    """
    languages = translated_languages() if languages is None else languages
    errors: list[Problem] = []
    warnings: list[Problem] = []
    counts = {lang: {"strings": 0, "missing": 0, "stale": 0, "draft": 0} for lang in languages}
    for path, source in files:
        owners: list[tuple[str, list[Any], dict[str, Any], Strings]]
        if path.name in FILE_STRINGS:  # scoring.yaml and the other files beside the themes
            owners = list(file_entries(path.name, source.data))
        else:
            owners = [("-", ["theme"], source.data["theme"], theme_strings(source.data["theme"]))]
            owners += [
                (q["id"], ["questions", index], q, question_strings(q))
                for index, q in enumerate(source.data["questions"])
            ]
        for owner_id, base, data, found in owners:
            noun = "entry" if path.name in FILE_STRINGS else "theme" if owner_id == "-" else "question"
            strings = list(found)
            known = {key for key, _, _ in strings}
            given = data.get("translations") or {}
            for lang, entries in given.items():
                where = [*base, "translations", lang]
                if lang not in languages:
                    errors.append(
                        Problem(
                            rel(path),
                            source.key_line([*base, "translations"], lang),
                            owner_id,
                            f"translations: {lang!r} is not a language of the interface ({', '.join(languages)})",
                        )
                    )
                    continue
                for key in entries:
                    if key not in known:
                        errors.append(
                            Problem(
                                rel(path),
                                source.key_line(where, key),
                                owner_id,
                                f"translations.{lang}: {key!r} is not a string of this "
                                f"{noun} (one of: {', '.join(sorted(known))})",
                            )
                        )
            for lang in languages:
                entries = given.get(lang) or {}
                missing = []
                for key, english, at in strings:
                    counts[lang]["strings"] += 1
                    entry = entries.get(key)
                    if entry is None:
                        missing.append(key)
                        counts[lang]["missing"] += 1
                        continue
                    line = source.line_of([*base, "translations", lang, key])
                    if entry.get("status", "draft") not in STATUSES:
                        errors.append(
                            Problem(
                                rel(path),
                                line,
                                owner_id,
                                f"translations.{lang}.{key}: status must be one of {', '.join(STATUSES)}",
                            )
                        )
                    if entry.get("status", "draft") == "draft":
                        counts[lang]["draft"] += 1
                    if entry.get("from") != fingerprint(english):
                        counts[lang]["stale"] += 1
                        warnings.append(
                            Problem(
                                rel(path),
                                line,
                                owner_id,
                                f"translations.{lang}.{key} is stale: the English (line "
                                f"{source.line_of([*base, *at])}) changed since it was translated (from: "
                                f"{entry.get('from')!r}, now {fingerprint(english)}); update the translation, "
                                "then its from:",
                            )
                        )
                if missing:
                    warnings.append(
                        Problem(
                            rel(path), source.line_of(base), owner_id, f"no {lang} translation of {', '.join(missing)}"
                        )
                    )
    return errors, warnings, counts


@dataclass
class ThemeStatus:
    """How far one theme's strings are in a language: the English left (missing or stale), the drafts used."""

    untranslated: set[str] = dataclasses.field(default_factory=set)
    drafts: set[str] = dataclasses.field(default_factory=set)


def localise(
    compiled: dict[str, Any],
    sources: dict[str, dict[str, Any]],
    lang: str,
    status: dict[str, ThemeStatus] | None = None,
) -> tuple[dict[str, Any], set[str]]:
    """The compiled bank with its strings in ``lang`` where the banks have a translation that is not stale.

    ``sources`` maps theme id -> the theme file's data (with its translations), and each other bank file's name
    (FILE_STRINGS: "scoring.yaml" ...) -> its data (a file not given stays English). Returns the bank and the
    English strings left untranslated (a page marks them lang="en"). Ids, weights and rules are untouched,
    so it scores exactly as the English bank does. ``status``, when given, is filled with each theme's
    ``ThemeStatus`` (for a page's "not yet translated" and "not yet reviewed" notices).
    """
    bank = copy.deepcopy(compiled)
    untranslated: set[str] = set()
    status = {} if status is None else status

    def pick(english: str, entries: dict[str, Any], key: str) -> str:
        entry = entries.get(key)
        if entry and entry.get("from") == fingerprint(english) and entry.get("text"):
            if entry.get("status", "draft") != "reviewed":
                here.drafts.add(entry["text"])
            return entry["text"]
        untranslated.add(english)
        here.untranslated.add(english)
        return english

    for theme in bank["themes"]:
        here = status.setdefault(theme["id"], ThemeStatus())
        data = sources[theme["id"]]
        entries = (data["theme"].get("translations") or {}).get(lang) or {}
        for field in THEME_FIELDS:
            theme[field] = pick(theme[field], entries, field)
        by_id = {q["id"]: q for q in data["questions"]}
        for question in theme["questions"]:
            entries = (by_id[question["id"]].get("translations") or {}).get(lang) or {}
            question["text"] = pick(question["text"], entries, "text")
            question["help"] = pick(question["help"], entries, "help")
            question["options"] = [
                {**o, "label": pick(o["label"], entries, f"options.{o['id']}")} for o in question["options"]
            ]
            if question.get("gate"):
                question["gate"] = {**question["gate"], "law": pick(question["gate"]["law"], entries, "gate.law")}
            if question.get("essential"):
                question["essential"] = {
                    **question["essential"],
                    **{f: pick(question["essential"][f], entries, f"essential.{f}") for f in ESSENTIAL_FIELDS},
                }
            for nation, variant in question.get("variants", {}).items():
                for field in ("text", "help"):
                    if field in variant:
                        variant[field] = pick(variant[field], entries, f"variants.{nation}.{field}")
                if variant.get("gate"):
                    variant["gate"] = {
                        **variant["gate"],
                        "law": pick(variant["gate"]["law"], entries, f"variants.{nation}.gate.law"),
                    }
    untranslated |= localise_files(bank, sources, lang)
    return bank, untranslated


# The strings an officer reads in the bank's other files, in one table: file -> (where the file's data sits in the
# compiled bank, [(where its entries are, the fields of each entry an officer reads)]). A step "*" is every item of a
# list (named by its id) or every value of a mapping. An entry carries its translations beside its fields
# (``tiers: - id: basic ... translations: {cy: {name: {...}, description: {...}}}``), keyed by the field's path
# within the entry ("name", "counts.needed.label", "variants.scotland.help"); an optional field absent has none.
# Not translated: document titles and citations (``source``, ``sources``, ``fields_source``), and the registry's own
# field names, values and free-text sentences in statement_summary.yaml, which are what the (English-only) Modern
# Slavery Statement Registry shows and takes.
FILE_STRINGS: dict[str, tuple[tuple[str, ...], tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]] = {
    "scoring.yaml": (
        (),
        (
            (("nations", "*"), ("name", "description")),
            (("functions", "*"), ("name", "description")),
            (("council_types", "*"), ("name", "description")),
            (("theme_weights", "*"), ("reason",)),
            (("rules", "*"), ("reason",)),
            (("rules", "evidence", "strengths", "*"), ("name", "description")),
            (("rules", "actions", "parts", "*"), ("name", "description")),
            (("tiers", "*"), ("name", "description")),
            (("exposure_levels", "*"), ("name", "description")),
            (("risk_levels", "*"), ("name", "description")),
            (("retired", "*"), ("text", "reason")),
            (("contradictions", "*"), ("message",)),
        ),
    ),
    "indicators.yaml": (
        ("indicators",),
        (
            (("outcomes", "*"), ("name",)),
            (("indicators", "*"), ("title", "help", "duty", "counts.*.label", "variants.*.help", "variants.*.duty")),
        ),
    ),
    "legal_status.yaml": (("legal_status",), ((("duties", "*"), ("duty", "section", "note")),)),
    "statement_summary.yaml": (("statement_summary",), (((), ("welsh_code",)), (("fields", "*"), ("note",)))),
}


def _expand(data: Any, steps: tuple[str, ...], at: list[Any]) -> Iterator[tuple[list[Any], list[str], Any]]:
    """(path, names, value) of everything ``steps`` reaches from ``data``: a "*" step over a list names each item by
    its id (or its question and nation, for the legal-status register), over a mapping by its key."""
    if not steps:
        yield at, [], data
        return
    step, rest = steps[0], steps[1:]
    if step != "*":
        if isinstance(data, dict) and step in data:
            for path, names, value in _expand(data[step], rest, [*at, step]):
                yield path, [step, *names], value
        return
    items = enumerate(data) if isinstance(data, list) else data.items() if isinstance(data, dict) else ()
    for key, item in items:
        name = str(key)
        if isinstance(item, dict) and isinstance(key, int):
            name = item.get("id") or ".".join(str(item[k]) for k in ("question", "nation") if k in item) or name
        for path, names, value in _expand(item, rest, [*at, key]):
            yield path, [name, *names], value


def file_entries(
    name: str, data: dict[str, Any]
) -> Iterator[tuple[str, list[Any], dict[str, Any], list[tuple[str, str, list[Any]]]]]:
    """(entry's name, its YAML path, its data, [(key, English, path within the entry)]) of every entry of one of
    the other bank files (FILE_STRINGS) with strings an officer reads."""
    for where, fields in FILE_STRINGS[name][1]:
        for base, names, entry in _expand(data, where, []):
            if not isinstance(entry, dict):
                continue
            strings = [
                (".".join(keys), english, at)
                for field in fields
                for at, keys, english in _expand(entry, tuple(field.split(".")), [])
                if isinstance(english, str) and english
            ]
            yield ".".join(names) or "-", base, entry, strings


def localise_files(bank: dict[str, Any], sources: dict[str, dict[str, Any]], lang: str) -> set[str]:
    """Put ``lang`` into ``bank`` (in place) for the strings of the other bank files given in ``sources`` (keyed by
    file name, e.g. "scoring.yaml"); returns the English left (no translation, or a stale one)."""
    untranslated: set[str] = set()
    for name, data in sources.items():
        if name not in FILE_STRINGS:
            continue
        prefix: list[Any] = list(FILE_STRINGS[name][0])
        for _name, base, entry, strings in file_entries(name, data):
            entries = (entry.get("translations") or {}).get(lang) or {}
            for key, english, at in strings:
                where: list[Any] = [*prefix, *base, *at]  # the string's place in the compiled bank
                parent: Any = bank
                try:
                    for step in where[:-1]:
                        parent = parent[step]
                    shown = parent[where[-1]]
                except (KeyError, IndexError, TypeError):
                    continue  # a file the compiled bank was made without
                if shown != english:
                    continue  # not a string the compiled bank shows as it is in the file
                translation = entries.get(key)
                if translation and translation.get("from") == fingerprint(english) and translation.get("text"):
                    parent[where[-1]] = translation["text"]
                else:
                    untranslated.add(english)
    return untranslated


def without_translations(value: Any) -> Any:
    """A copy of ``value`` without any ``translations`` block: the compiled bank is in one language."""
    if isinstance(value, dict):
        return {key: without_translations(item) for key, item in value.items() if key != "translations"}
    if isinstance(value, list):
        return [without_translations(item) for item in value]
    return value
