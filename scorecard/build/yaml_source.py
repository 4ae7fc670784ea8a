"""YAML loading that remembers where each value came from, so errors can name a line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

import yaml

MAX_BYTES = 1_000_000


class BankLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe loading with YAML 1.2 booleans: only true/false are booleans.

    YAML 1.1 reads yes, no, on and off as booleans, so `answer_in: [yes]` would silently
    become [True]; in question banks they are option ids.
    """


BankLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
BankLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
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


def _child(node: yaml.Node, step: Any) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == step:
                return value
    elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        return node.value[step]
    return None


def load_yaml(text: str) -> YamlSource:
    """Parse one YAML document, refusing anchors/aliases and oversized or over-deep files."""
    if len(text) > MAX_BYTES:
        raise YamlSourceError(1, f"file is larger than {MAX_BYTES // 1000} kB; split it or remove the bulk")
    try:
        for token in yaml.scan(text, Loader=SafeLoader):
            if isinstance(token, (yaml.AliasToken, yaml.AnchorToken)):
                raise YamlSourceError(token.start_mark.line + 1, "YAML anchors and aliases (& and *) are not allowed in question banks; write the value out")
        loader = SafeLoader(text)
        try:
            root = loader.get_single_node()
            if root is None:
                raise YamlSourceError(1, "file is empty")
            data = loader.construct_document(root)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlSourceError(line, f"YAML syntax error: {error.problem or error.context}") from None
    except yaml.YAMLError as error:
        raise YamlSourceError(1, f"YAML error: {error}") from None
    except RecursionError:
        raise YamlSourceError(1, "file is nested too deeply to be a question bank") from None
    return YamlSource(data, root)
