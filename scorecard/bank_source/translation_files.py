"""The banks' translations as gettext PO files, for translators' tools (Poedit, Weblate), and back.

``export_po`` writes one PO file per theme file (``<theme>.<lang>.po``): one entry per string an officer reads
(translations.py ``theme_strings`` and ``question_strings``), its ``msgctxt`` where the string is
(``"SAF-03 options.partly"``, ``"theme title"``), its ``msgid`` the current English and its ``msgstr`` the
translation the bank has, ``#, fuzzy`` where that is a draft. A translation whose English has changed since it
was written (stale) is not offered as the translation: its msgstr is empty and the earlier text is in a comment.

``import_po`` writes each filled ``msgstr`` into its theme file as ``translations: <lang>: <key>: {text, from,
status}``: ``from`` the fingerprint of the current English, ``status`` draft where the entry is fuzzy, reviewed
where it is not. An entry whose msgid is no longer the bank's English is refused (listed, not written). The theme
files are edited by hand, with comments: only the ``translations:`` block of a question (or of the theme) that
changes is written, as text, and every other line is kept as it is; the file is read again and must hold
exactly the data expected, or nothing is written.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .load import read_themes
from .translations import STATUSES, fingerprint, question_strings, theme_strings
from .yaml_source import SafeLoader, YamlSource, YamlSourceError, load_yaml

THEME_CONTEXT = "theme"
PROJECT = "Scorecard question bank"
# The PO header's creation date is left out: an export of an unchanged bank is then the same file, byte for byte,
# and a catalogue kept under version control (or in Weblate) does not change on every export.
CREATION_DATE_LINE = b'"POT-Creation-Date: '


def po_name(theme_file: Path, lang: str) -> str:
    return f"{theme_file.stem}.{lang}.po"


def _entries(source: YamlSource) -> Iterator[tuple[str, str, dict[str, Any], str, str, list[str]]]:
    """(owner id or "-", context, owner's data, key, English, comments for the translator) of every string."""
    theme = source.data["theme"]
    for key, english, _ in theme_strings(theme):
        yield "-", f"{THEME_CONTEXT} {key}", theme, key, english, [f"theme {theme['id']}: {key}"]
    for question in source.data["questions"]:
        for key, english, _ in question_strings(question):
            notes = [f"{question['id']}: {key}"]
            if key != "text":
                notes.append(f"question: {question['text']}")
            if key.startswith("variants."):
                notes.append(f"only shown to councils in {key.split('.')[1]}")
            yield question["id"], f"{question['id']} {key}", question, key, str(english), notes


def catalogue_bytes(source: YamlSource, lang: str) -> bytes:
    """One theme file's strings as a PO file in ``lang``, with the translations the file has."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    catalogue = Catalog(locale=lang, project=PROJECT, fuzzy=False)
    for _owner, context, data, key, english, notes in _entries(source):
        entry = ((data.get("translations") or {}).get(lang) or {}).get(key) or {}
        text, flags, comments = "", [], []
        if entry.get("text") and entry.get("from") == fingerprint(english):
            text = entry["text"]
            flags = ["fuzzy"] if entry.get("status", "draft") != "reviewed" else []
        elif entry.get("text"):
            comments = [f"Earlier translation, of English that has since changed: {entry['text']}"]
        catalogue.add(english, text, context=context, auto_comments=notes, user_comments=comments, flags=flags)
    out = io.BytesIO()
    write_po(out, catalogue, width=0, omit_header=False)
    return b"".join(
        line for line in out.getvalue().splitlines(keepends=True) if not line.startswith(CREATION_DATE_LINE)
    )


def export_po(questions_dir: Path, lang: str, out_dir: Path) -> list[tuple[Path, int, int]]:
    """Write ``<theme>.<lang>.po`` for every theme file into out_dir: [(file written, strings, translated)]."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for path, source in read_themes(questions_dir):
        target = out_dir / po_name(path, lang)
        data = catalogue_bytes(source, lang)
        target.write_bytes(data)
        entries = list(_entries(source))
        done = sum(
            1
            for _o, _c, owner, key, english, _n in entries
            if (((owner.get("translations") or {}).get(lang) or {}).get(key) or {}).get("from") == fingerprint(english)
        )
        written.append((target, len(entries), done))
    return written


@dataclass
class ImportReport:
    """What importing one PO file did: counts, and each entry refused with where and why."""

    po_file: Path
    theme_file: Path
    written: int = 0
    unchanged: int = 0
    empty: int = 0
    refused: list[str] = field(default_factory=list)


class ImportRefused(Exception):
    """The whole PO file cannot be imported (unreadable, no such theme, a language the interface lacks)."""


def read_po_file(po_file: Path, lang: str | None):
    from babel.core import UnknownLocaleError
    from babel.messages.pofile import PoFileError, read_po

    try:
        with po_file.open("rb") as handle:
            return read_po(handle, locale=lang, abort_invalid=True)
    except (OSError, PoFileError, UnicodeDecodeError, ValueError, UnknownLocaleError) as error:
        raise ImportRefused(f"{po_file}: cannot read it as a PO file: {error}") from None


def import_po(
    questions_dir: Path, po_file: Path, languages: list[str], lang: str | None = None, rel: Callable = str
) -> ImportReport:
    """Write the translations of one PO file into its theme file (named by the PO file: spoc.cy.po -> spoc.yaml)."""
    theme_id, _, rest = po_file.name.partition(".")
    catalogue = read_po_file(po_file, lang)
    lang = lang or (str(catalogue.locale) if catalogue.locale else rest.removesuffix(".po"))
    if lang not in languages:
        raise ImportRefused(f"{po_file}: {lang!r} is not a language of the interface ({', '.join(languages)})")
    themes = {path.stem: (path, source) for path, source in read_themes(questions_dir)}
    if theme_id not in themes:
        raise ImportRefused(
            f"{po_file}: no theme {theme_id!r} in {questions_dir} (a PO file is named after its theme file: "
            f"{', '.join(po_name(Path(t + '.yaml'), lang) for t in themes)})"
        )
    path, source = themes[theme_id]
    report = ImportReport(po_file, path)
    strings = {context: (owner, data, key, english) for owner, context, data, key, english, _ in _entries(source)}
    # the translations block each owner ("-" for the theme, else the question's id) will have, where it changes
    changed: dict[str, dict[str, Any]] = {}
    for message in catalogue:
        if not message.id or isinstance(message.id, tuple):
            continue
        text = message.string if isinstance(message.string, str) else ""
        if not text.strip():
            report.empty += 1
            continue
        at = f"{rel(po_file)}:{message.lineno}: {message.context}"
        if message.context not in strings:
            report.refused.append(f"{at}: not a string of {path.name} (its msgctxt must be kept as exported)")
            continue
        owner, data, key, english = strings[message.context]
        if message.id != english:
            report.refused.append(
                f"{at}: its English (msgid) is not the bank's any more; export again and translate the new English: "
                f"{json.dumps(english, ensure_ascii=False)}"
            )
            continue
        entry = {"text": text, "from": fingerprint(english), "status": STATUSES[0 if message.fuzzy else 1]}
        block = changed.get(owner) or _copy_translations(data)
        if (block.get(lang) or {}).get(key) == entry:
            report.unchanged += 1
            continue
        block.setdefault(lang, {})[key] = entry
        changed[owner] = block
        report.written += 1
    if changed:
        _write(path, source, changed)
    return report


def _copy_translations(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {lang: dict(entries or {}) for lang, entries in (data.get("translations") or {}).items()}


def _write(path: Path, source: YamlSource, changed: dict[str, dict[str, Any]]) -> None:
    """Replace (or add) the translations block of each changed owner, as text; check the result reads as expected."""
    text = path.read_text(encoding="utf-8")
    theme_node = _child(source.root, "theme")
    questions = _child(source.root, "questions")
    assert isinstance(questions, yaml.SequenceNode) and isinstance(theme_node, yaml.MappingNode)
    nodes = {"-": (theme_node, source.data["theme"])}
    for node, data in zip(questions.value, source.data["questions"], strict=True):
        nodes[data["id"]] = (node, data)
    edits = []  # (start, end, new text), applied from the end so earlier offsets stay right
    expected = json.loads(json.dumps(source.data))
    for owner, block in changed.items():
        node, data = nodes[owner]
        edits.append(_block_edit(text, node, block))
        target = expected["theme"] if owner == "-" else next(q for q in expected["questions"] if q["id"] == owner)
        target["translations"] = block
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    try:
        written = load_yaml(text)
    except YamlSourceError as error:
        raise ImportRefused(
            f"{path}: writing the translations would break the file (line {error.line}: {error})"
        ) from None
    if json.loads(json.dumps(written.data)) != expected:
        raise ImportRefused(f"{path}: the translations could not be written without changing something else")
    path.write_text(text, encoding="utf-8")


def _block_edit(text: str, node: yaml.MappingNode, block: dict[str, dict[str, Any]]) -> tuple[int, int, str]:
    """(start, end, text) that puts the owner's translations block in place: over its old one, or after its last line."""
    indent = node.value[0][0].start_mark.column
    rendered = _render(block, indent)
    for key, value in node.value:
        if key.value == "translations":
            start = text.rindex("\n", 0, key.start_mark.index) + 1
            return start, _line_end(text, _content_end(text, value)), rendered
    end = _line_end(text, _content_end(text, node))
    return end, end, rendered if text[:end].endswith("\n") else "\n" + rendered


def _render(block: dict[str, dict[str, Any]], indent: int) -> str:
    pad = " " * indent
    lines = [f"{pad}translations:"]
    for lang, entries in block.items():
        lines.append(f"{pad}  {lang}:")
        for key, entry in entries.items():
            fields = ", ".join(f"{name}: {_scalar(value)}" for name, value in entry.items())
            lines.append(f"{pad}    {key}: {{{fields}}}")
    return "\n".join(lines) + "\n"


def _scalar(value: Any) -> str:
    """A YAML scalar: a JSON string is a YAML double-quoted one; a fingerprint or a status is written plain."""
    text = str(value)
    if text.isalnum() and text.isascii() and yaml.load(text, Loader=SafeLoader) == text:
        return text
    return json.dumps(text, ensure_ascii=False)


def _content_end(text: str, node: yaml.Node) -> int:
    """The offset just after the last character of a node's own content (not the blank lines or comments after it)."""
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    end = node.end_mark.index
    while end > 0 and text[end - 1] in " \t\r\n":
        end -= 1
    return end


def _line_end(text: str, offset: int) -> int:
    """The offset after the end of the line holding ``offset - 1`` (after its line break)."""
    newline = text.find("\n", offset)
    return len(text) if newline < 0 else newline + 1


def _child(node: yaml.Node, key: str) -> yaml.Node | None:
    for k, v in node.value if isinstance(node, yaml.MappingNode) else ():
        if k.value == key:
            return v
    return None
