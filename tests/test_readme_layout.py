"""The README's layout table matches the tree: every folder and package module is described, and
every path the table names exists (issue 29: a newcomer reads the table to find their way)."""

from __future__ import annotations

import re
import subprocess

from .helpers import ROOT


def layout_paths() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("\n## Layout", 1)[1].split("\n## ", 1)[0]
    return [m.group(1) for m in re.finditer(r"(?m)^\| `([^`]+)` \|", table)]


def tracked() -> list[str]:
    out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return out.splitlines()


def test_every_path_the_layout_names_exists():
    missing = [p for p in layout_paths() if not (ROOT / p).exists()]
    assert missing == []


def test_every_folder_and_package_module_is_in_the_layout():
    named = {p.rstrip("/") for p in layout_paths()}
    files = tracked()
    folders = {f.split("/")[0] for f in files if "/" in f}
    package = {
        "scorecard/" + f.split("/")[1]
        for f in files
        if f.startswith("scorecard/") and f.split("/")[1] not in ("__init__.py", "__main__.py")
    }
    described = {p for p in folders | package if p not in named and not any(n.startswith(p + "/") for n in named)}
    assert sorted(described) == []
