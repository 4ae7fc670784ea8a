"""What a sign-off signed: a digest of the assessment's content, so any later change shows.

At sign-off the site (and any tool) stores ``sign_off.digest``: SHA-256 over a canonical form of what is signed (the
council, the answers, notes, evidence and action plan, and the sign-off's own name, role and date). Whoever opens
the file later can compute it again: a different digest means something signed has changed since, however it
changed (an edit, an import, a merge), whatever the times in its provenance say. It proves only that: it is not a
signature, and anyone can sign off again. Run-time code: standard library only.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from .assessment import Assessment
from .wording import long_date

SIGNED_SECTIONS = ("answers", "notes", "evidence", "action_plan")


def signed_content(assessment: Assessment, sign_off: dict[str, str]) -> dict[str, Any]:
    """The canonical form of what a sign-off covers (in the current bank's form: ids moved, set-aside kept)."""
    data = assessment.to_dict()
    content: dict[str, Any] = {"council": data["council"]}
    for section in SIGNED_SECTIONS:
        content[section] = data.get(section, {})
    content["retired_answers"] = data.get("retired_answers", {})
    content["sign_off"] = {key: sign_off[key] for key in ("name", "role", "date")}
    return content


def sign_off_digest(assessment: Assessment, sign_off: dict[str, str]) -> str:
    """ "sha256:..." over the canonical JSON of the signed content (keys sorted, no spaces, UTF-8)."""
    text = json.dumps(signed_content(assessment, sign_off), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def sign(assessment: Assessment, name: str, role: str, date: str) -> dict[str, str]:
    """The sign-off entry to store: who, their role, the date, and the digest of what they signed."""
    entry = {"name": name, "role": role, "date": date}
    return {**entry, "digest": sign_off_digest(assessment, entry)}


def sign_off_state(assessment: Assessment) -> dict[str, Any]:
    """{"signed", "changed", "sentence"}: changed is None for a sign-off recorded without a digest."""
    entry = assessment.cycle.sign_off
    if not entry:
        return {"signed": False, "changed": None, "sentence": "Not yet signed off."}
    said = f"Signed off by {entry['name']}, {entry['role']}, on {long_date(entry['date'])}."
    if "digest" not in entry:
        return {"signed": True, "changed": None, "sentence": said}
    changed = sign_off_digest(assessment, entry) != entry["digest"]
    if changed:
        said += " The answers, notes, evidence or plan have changed since: sign off again once they are checked."
    return {"signed": True, "changed": changed, "sentence": said}
