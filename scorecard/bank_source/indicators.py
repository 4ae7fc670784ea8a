"""Reading and checking questions/indicators.yaml: the outcome indicators recorded beside the scores.

The file is optional (a bank without it has no indicators). It is checked against
``schemas/indicators.schema.json`` and then against the rest of the bank: ids unique, each
indicator tied to a listed outcome or to a duty, its theme, functions and nations known, its
guidance links real, and each count's ``within`` naming another count of the same indicator with
no cycle. Every problem is reported as ``path:line: IND-NN: message``, like the themes'.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .yaml_source import YamlSource

INDICATORS_FILE = "indicators.yaml"


def check_indicators(
    source: YamlSource, path: Path, scoring: dict[str, Any], pages: dict[str, set[str]], check
) -> None:
    """Cross-checks beyond the schema; ``check`` is load.BankCheck, which collects the problems."""
    data = source.data
    outcome_ids = [o["id"] for o in data["outcomes"]]
    for i, outcome in enumerate(outcome_ids):
        if outcome in outcome_ids[:i]:
            check.add(path, source.line_of(["outcomes", i, "id"]), f"outcomes: duplicate id {outcome!r}")
    functions = {f["id"] for f in scoring["functions"]}
    nations = {n["id"] for n in scoring["nations"]}
    themes = set(scoring["themes"])
    seen: set[str] = set()
    for ii, indicator in enumerate(data["indicators"]):
        iid = indicator["id"]

        def at(*rest, ii=ii):
            return source.line_of(["indicators", ii, *rest])

        if iid in seen:
            check.add(path, at("id"), "duplicate indicator id", iid)
        seen.add(iid)
        if indicator["theme"] not in themes:
            check.add(
                path, at("theme"), f"theme {indicator['theme']!r} is not one of: {', '.join(sorted(themes))}", iid
            )
        if "outcome" in indicator and indicator["outcome"] not in outcome_ids:
            check.add(
                path, at("outcome"), f"outcome {indicator['outcome']!r} is not one of: {', '.join(outcome_ids)}", iid
            )
        for fi, function in enumerate(indicator.get("requires", [])):
            if function not in functions:
                check.add(path, at("requires", fi), f"requires {function!r}, which is not one of the functions", iid)
        for ni, nation in enumerate(indicator.get("nations", [])):
            if nation not in nations:
                check.add(path, at("nations", ni), f"{nation!r} is not one of the nations", iid)
        for nation in indicator.get("variants", {}):
            if nation not in nations or ("nations" in indicator and nation not in indicator["nations"]):
                check.add(path, at("variants"), f"variants: {nation!r} councils are never shown this indicator", iid)
        for li, link in enumerate(indicator["guidance"]):
            page, _, anchor = link.partition("#")
            if page not in pages or (anchor and anchor not in pages[page]):
                check.add(path, at("guidance", li), f"broken guidance link {link!r}", iid)
        _check_counts(indicator, at, path, check)


def _check_counts(indicator: dict[str, Any], at, path: Path, check) -> None:
    """Count ids unique; ``within`` names another count of the same indicator, and parts never loop."""
    iid = indicator["id"]
    ids = [c["id"] for c in indicator["counts"]]
    for ci, count in enumerate(indicator["counts"]):
        if count["id"] in ids[:ci]:
            check.add(path, at("counts", ci, "id"), f"duplicate count id {count['id']!r}", iid)
        whole = count.get("within")
        if whole is None:
            continue
        if whole == count["id"] or whole not in ids:
            check.add(path, at("counts", ci, "within"), f"within {whole!r} must name another count of {iid}", iid)
    parent = {c["id"]: c.get("within") for c in indicator["counts"]}
    for start in parent:
        walked, current = set(), start
        while current is not None and current in parent:
            if current in walked:
                check.add(path, at("counts"), f"counts: 'within' goes round in a circle from {start!r}", iid)
                return
            walked.add(current)
            current = parent[current]


def compile_indicators(data: dict[str, Any] | None, all_nations: list[str]) -> dict[str, Any]:
    """The compiled form the engine reads: every default filled in (all nations, no functions, no variants)."""
    if data is None:
        return {"outcomes": [], "indicators": []}
    return {
        "outcomes": [{"id": o["id"], "name": o["name"]} for o in data["outcomes"]],
        "indicators": [
            {
                "id": i["id"],
                "title": i["title"],
                "help": i["help"],
                "theme": i["theme"],
                "outcome": i.get("outcome", ""),
                "duty": i.get("duty", ""),
                "requires": i.get("requires", []),
                "nations": i.get("nations", all_nations),
                "counts": [{"id": c["id"], "label": c["label"], "within": c.get("within", "")} for c in i["counts"]],
                "guidance": i["guidance"],
                "sources": i["sources"],
                "variants": i.get("variants", {}),
            }
            for i in data["indicators"]
        ],
    }
