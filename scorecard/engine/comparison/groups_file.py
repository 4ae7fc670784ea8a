"""Groups a coordinator defines: a CSV of register codes (a partnership, a police force area, a region).

    group,code
    Kent and Medway partnership,TUN
    Kent and Medway partnership,E07000105
    Sussex partnership,BRI

``code`` is a council's register code (TUN) or GSS code (E07000116); ``group`` names the group, and
a file without a ``group`` column is one group, named after the file. Other columns are read past,
so the list ``scorecard similar CODE --format csv`` writes (a council and its similar councils, with
their figures) is a groups file as it stands: delete or add rows to override the list.

Run-time code: standard library only (csv is imported here, on first use, not as the engine starts).
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from ..assessment import ONS_CODE, REGISTER_CODE, AssessmentError
from ..language import _
from ..messages import Message

MAX_GROUPS = 200


def read_groups_csv(text: str, name: str) -> list[dict[str, Any]]:
    """The groups a CSV defines, in the order they first appear: [{"id", "title", "kind", "codes"}].

    ``name`` is the file's name: the title of its one group when it has no ``group`` column. Raises
    AssessmentError naming every line that cannot be read; nothing is half read.
    """
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise AssessmentError([Message("groups_file_empty", {"file": name})])
    header = [cell.strip().casefold() for cell in rows[0]]
    if "code" not in header:
        raise AssessmentError([Message("groups_file_no_code", {"file": name})])
    at_code, at_group = header.index("code"), header.index("group") if "group" in header else None
    groups: dict[str, list[str]] = {}
    problems = []
    for line, row in enumerate(rows[1:], start=2):
        code = row[at_code].strip().upper() if at_code < len(row) else ""
        title = " ".join(row[at_group].split()) if at_group is not None and at_group < len(row) else ""
        if not (REGISTER_CODE.fullmatch(code) or ONS_CODE.fullmatch(code)):
            problems.append(Message("groups_file_code_bad", {"file": name, "line": line, "value": code[:40]}))
            continue
        members = groups.setdefault(title or _title_of(name), [])
        if code not in members:
            members.append(code)
    if problems:
        raise AssessmentError(problems)
    if len(groups) > MAX_GROUPS:
        raise AssessmentError([Message("groups_file_too_many", {"file": name, "limit": MAX_GROUPS})])
    return [
        {"id": f"custom/{index}", "title": title, "kind": "custom", "codes": codes}
        for index, (title, codes) in enumerate(groups.items(), start=1)
    ]


def _title_of(name: str) -> str:
    """A file's name as a group's title: 'kent-partnership.csv' -> 'kent-partnership'."""
    base = re.split(r"[\\/]", name)[-1]
    return base[: -len(".csv")] if base.casefold().endswith(".csv") else base or _("Group")
