"""Who runs this copy of the site: the owner's contact details and the accessibility statement's facts.

Read from ``extra:`` in mkdocs.yml (``owner``, ``accessibility``), or from a file given with
``scorecard build --about FILE`` (the same keys), and checked, so the Accessibility and Contact
pages and the footer never show a half-typed date or an unknown compliance status. Blank
values are allowed: the pages then say plainly what the deploying organisation has not filled in.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import yaml

from .errors import BuildError

OWNER_FIELDS = {"name": "", "team": "", "email": "", "phone": "", "address": "", "contact_url": "", "response_days": 10}
ACCESSIBILITY_FIELDS = {
    "compliance": "partially",
    "prepared": "",
    "reviewed": "",
    "tested": "",
    "tested_by": "",
    "known_issues": [],
}
COMPLIANCE = ("fully", "partially", "not")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def read_about(mkdocs_yml: Path, override: Path | None = None) -> dict[str, Any]:
    """The owner and accessibility facts, defaults filled in; BuildError names every bad value."""
    extra = _load(mkdocs_yml).get("extra") or {}
    source = str(mkdocs_yml)
    if override is not None:
        extra, source = _load(override), str(override)
    owner = {**OWNER_FIELDS, **(extra.get("owner") or {})}
    accessibility = {**ACCESSIBILITY_FIELDS, **(extra.get("accessibility") or {})}
    problems = [
        f"owner.{k}: not a setting (expected one of {', '.join(OWNER_FIELDS)})" for k in owner if k not in OWNER_FIELDS
    ]
    problems += [
        f"accessibility.{k}: not a setting (expected one of {', '.join(ACCESSIBILITY_FIELDS)})"
        for k in accessibility
        if k not in ACCESSIBILITY_FIELDS
    ]
    for key in ("name", "team", "email", "phone", "address", "contact_url"):
        if not isinstance(owner[key], str):
            problems.append(f"owner.{key} must be text (put it in quotes)")
    if isinstance(owner["email"], str) and owner["email"] and not EMAIL.fullmatch(owner["email"]):
        problems.append(f"owner.email {owner['email']!r} is not an email address")
    if (
        isinstance(owner["contact_url"], str)
        and owner["contact_url"]
        and not owner["contact_url"].startswith(("https://", "http://"))
    ):
        problems.append(f"owner.contact_url {owner['contact_url']!r} must start https:// or http://")
    if (
        not isinstance(owner["response_days"], int)
        or isinstance(owner["response_days"], bool)
        or owner["response_days"] < 1
    ):
        problems.append("owner.response_days must be a whole number of working days")
    if accessibility["compliance"] not in COMPLIANCE:
        problems.append(f"accessibility.compliance must be one of {', '.join(COMPLIANCE)}")
    for key in ("prepared", "reviewed", "tested"):
        value = accessibility[key]
        if value and not _is_date(value):
            problems.append(f"accessibility.{key} {value!r} must be a date written YYYY-MM-DD (in quotes)")
    issues = accessibility["known_issues"]
    if not isinstance(issues, list) or not all(isinstance(i, str) and i.strip() for i in issues):
        problems.append("accessibility.known_issues must be a list of sentences")
    if problems:
        raise BuildError(
            f"{source}: the site's owner and accessibility settings:\n" + "\n".join(f"  - {p}" for p in problems)
        )
    return {
        "owner": owner,
        "accessibility": accessibility,
        "filled_in": bool(owner["name"] and (owner["email"] or owner["phone"] or owner["contact_url"])),
    }


def _load(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except OSError as error:
        raise BuildError(f"{path}: cannot read the file: {error.strerror}") from None
    except yaml.YAMLError as error:
        raise BuildError(f"{path}: not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise BuildError(f"{path}: expected settings (owner:, accessibility:), not {type(data).__name__}")
    return data


def _is_date(value: Any) -> bool:
    if isinstance(value, datetime.date):
        return False  # unquoted in YAML: ask for quotes, so the file reads the same everywhere
    try:
        return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)) and bool(datetime.date.fromisoformat(value))
    except (TypeError, ValueError):
        return False
