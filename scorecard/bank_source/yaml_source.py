"""YAML loading that remembers where each value came from, so errors can name a line."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import yaml

MAX_BYTES = 1_000_000
MAX_DEPTH = 32  # a theme file nests 6 deep; anything near this is a mistake, not a bank
TOO_DEEP = f"file is nested more than {MAX_DEPTH} levels deep; a question bank is never this deep"
OPENERS = (
    yaml.BlockMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.FlowSequenceStartToken,
)
CLOSERS = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader where PyYAML has it: faster


class BankLoader(_Loader):
    """Safe loading with YAML 1.2 booleans (only true/false are booleans) and dates kept as text.

    YAML 1.1 reads yes, no, on and off as booleans, so `answer_in: [yes]` would silently
    become [True]; in question banks they are option ids. It also reads 2015-11-01 as a date
    object, which JSON has no place for; the legal-status register's dates stay text
    (YYYY-MM-DD), checked by its schema.
    """


NOT_IMPLICIT = ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
BankLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in NOT_IMPLICIT]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
BankLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
SafeLoader = BankLoader


class YamlSourceError(Exception):
    """The file could not be read as YAML; ``line`` is 1-based."""

    def __init__(self, line: int, message: str):
        self.line = line
        super().__init__(message)


@dataclass
class YamlSource:
    data: Any
    root: yaml.Node

    def line_of(self, path: Iterable[Any]) -> int:
        """1-based line of the value at a JSON path (keys and indexes); the nearest parent if absent."""
        node = self.root
        for step in path:
            child = _child(node, step)
            if child is None:
                break
            node = child
        return node.start_mark.line + 1

    def key_line(self, path: Iterable[Any], key: Any) -> int:
        """1-based line of a key in the mapping at path (for a misspelt or unexpected key)."""
        path = list(path)
        parent = self.root
        for step in path:
            parent = _child(parent, step)
            if parent is None:
                return self.line_of(path)
        for key_node, _ in parent.value if isinstance(parent, yaml.MappingNode) else ():
            if key_node.value == str(key):
                return key_node.start_mark.line + 1
        return self.line_of(path)


def _child(node: yaml.Node, step: Any) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == step:
                return value
    elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        return node.value[step]
    return None


def load_yaml(text: str) -> YamlSource:
    """Parse one YAML document, refusing anchors/aliases, duplicate keys and oversized or over-deep files."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise YamlSourceError(1, f"file is larger than {MAX_BYTES // 1000} kB; split it or remove the bulk")
    try:
        _check_tokens(text)
        loader = SafeLoader(text)
        try:
            root = loader.get_single_node()
            if root is None:
                raise YamlSourceError(1, "file is empty")
            _check_duplicate_keys(root)
            data = loader.construct_document(root)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        raise YamlSourceError(*_syntax_error(error, text)) from None
    except yaml.YAMLError as error:
        raise YamlSourceError(1, f"YAML error: {error}") from None
    except RecursionError:
        raise YamlSourceError(1, "file is nested too deeply to be a question bank") from None
    return YamlSource(data, root)


def _check_tokens(text: str) -> None:
    """Refuse anchors and deep nesting before composing: libyaml's composer recurses in C and can crash."""
    try:
        _check_token_stream(yaml.scan(text, Loader=SafeLoader))
    except yaml.MarkedYAMLError as error:
        # PyYAML 6.0.4 and later stop deep flow nesting in the scanner, which reads ahead of the tokens
        # it has given out; the same mistake gets the same message whichever PyYAML reads it.
        if error.problem_mark is not None and "maximum nesting depth" in (error.problem or ""):
            raise YamlSourceError(error.problem_mark.line + 1, TOO_DEEP) from None
        raise


def _check_token_stream(tokens: Iterable[yaml.Token]) -> None:
    depth = 0
    for token in tokens:
        if isinstance(token, (yaml.AliasToken, yaml.AnchorToken)):
            raise YamlSourceError(
                token.start_mark.line + 1,
                "YAML anchors and aliases (& and *) are not allowed in question banks; write the value out",
            )
        if isinstance(token, OPENERS):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlSourceError(token.start_mark.line + 1, TOO_DEEP)
        elif isinstance(token, CLOSERS):
            depth -= 1


def _check_duplicate_keys(root: yaml.Node) -> None:
    """YAML lets a later key silently replace an earlier one; in a bank that hides a mistake."""
    pending = [root]
    while pending:
        node = pending.pop()
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        raise YamlSourceError(
                            key.start_mark.line + 1,
                            f"duplicate key {key.value!r}: the later value would silently replace the earlier one",
                        )
                    seen.add(key.value)
                pending.append(value)
        elif isinstance(node, yaml.SequenceNode):
            pending.extend(node.value)


def _syntax_error(error: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """Line and message; an error found at the end of the file is placed where the construct began."""
    problem, context = error.problem or error.context, error.context
    mark = error.problem_mark or error.context_mark
    if error.context_mark and (mark is None or mark.index >= len(text.rstrip())):
        mark = error.context_mark
    message = f"YAML syntax error: {problem}"
    if "tab" in (problem or ""):
        message += "; indent with spaces, not tabs"
    elif context and error.problem and error.context_mark:
        message += f" ({context} that starts on line {error.context_mark.line + 1})"
    return (mark.line + 1 if mark else 1), message
