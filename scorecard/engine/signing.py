"""A sign-off anyone can check: a SHA-256 digest over what is signed, and what changed since.

At sign-off the digest of the assessment's *signed form* is stored in the sign-off
(``sign_off.digest``), with one digest per part (``sign_off.parts``) so that a check can say which
part changed. The signed form is the file as the engine writes it (``Assessment.to_dict``), less
what is not signed: the record of who changed what when (``provenance``), who answers which
theme (``assignments``), the format's own name and version, and the digests themselves. Answers
that are cleared (null) and blank notes are left out, as they say nothing.

The canonical text of a part is its JSON with keys sorted, no spaces, non-ASCII characters as
they are, UTF-8 encoded: ``json.dumps(value, sort_keys=True, separators=(",", ":"),
ensure_ascii=False)``. The digest of the whole is over the object of every part, in the same form.

What it proves: that the signed parts of the file are, byte for byte in that form, what they
were when the digest was stored. What it does not prove: who signed (anyone can edit a file and
store a new digest: it is not a signature), nor that the answers are true.

Run-time code: standard library only.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from .language import N_, _

if TYPE_CHECKING:
    from .assessment import Assessment

UNSIGNED = ("format", "format_version", "provenance", "assignments")
NO_PARTS = "(the file holds no digest per part)"  # what changed, when a sign-off has no digest of each part
PART_NAMES = {  # in English, written in the current language (_) where used
    "council": N_("council details"),
    "assessment_date": N_("assessment date"),
    "bank_version": N_("question bank version"),
    "answers": N_("answers"),
    "retired_answers": N_("answers to retired questions"),
    "notes": N_("notes"),
    "evidence": N_("evidence"),
    "action_plan": N_("action plan"),
    "indicators": N_("outcome indicators"),
    "previous": N_("last year's answers"),
    "review": N_("answers still to review"),
    "review_marks": N_("peer review marks"),
    "sign_off": N_("sign-off"),
    NO_PARTS: N_("(the file holds no digest per part)"),
}


def canonical(value: Any) -> bytes:
    """The canonical UTF-8 JSON of a value: sorted keys, no spaces, characters as they are."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode()


def digest_of(value: Any) -> str:
    return "sha256:" + hashlib.sha256(canonical(value)).hexdigest()


def signed_form(assessment: Assessment) -> dict[str, Any]:
    """Every signed part of the assessment, by name (the sign-off without its digests)."""
    data = assessment.to_dict()
    form = {key: value for key, value in data.items() if key not in UNSIGNED}
    form["answers"] = {q: v for q, v in form["answers"].items() if v is not None}
    form["notes"] = {q: n for q, n in form["notes"].items() if isinstance(n, str) and n.strip()}
    if isinstance(form.get("sign_off"), dict):
        form["sign_off"] = {k: v for k, v in form["sign_off"].items() if k not in ("digest", "parts")}
    return form


def sign(assessment: Assessment) -> dict[str, Any]:
    """The assessment's sign-off with its digests, as it is to be stored (the assessment must be signed off)."""
    sign_off = assessment.cycle.sign_off
    if not sign_off:
        raise ValueError("the assessment is not signed off: give a name, a role and a date first")
    form = signed_form(assessment)
    return {
        **{k: v for k, v in sign_off.items() if k not in ("digest", "parts")},
        "digest": digest_of(form),
        "parts": {part: digest_of(value) for part, value in sorted(form.items())},
    }


def check(assessment: Assessment) -> dict[str, Any]:
    """Whether the file still matches its sign-off's digest, and if not, which parts and (from the record of
    changes) which entries changed since: {"signed", "digest", "matches", "changed", "entries", "message"}."""
    sign_off = assessment.cycle.sign_off
    stored = (sign_off or {}).get("digest")
    if not sign_off or not stored:
        message = (
            _("Not signed off.") if not sign_off else _("Signed off without a digest, so there is nothing to check.")
        )
        return {
            "signed": bool(sign_off),
            "digest": "",
            "matches": None,
            "changed": [],
            "entries": [],
            "message": message,
        }
    form = signed_form(assessment)
    matches = digest_of(form) == stored
    parts = sign_off.get("parts") or {}
    changed = [
        part
        for part in sorted(set(form) | set(parts))
        if part not in form or parts.get(part) != digest_of(form[part])  # a part added, removed or changed
    ]
    if matches:
        changed = []
    elif not parts:
        changed = [NO_PARTS]
    since = (assessment.provenance.get("sign_off") or {}).get("at", "")
    entries = (
        sorted(
            (
                _("%(key)s (changed %(at)s, by %(name)s)") % {"key": key, "at": entry["at"], "name": entry["by"]}
                if entry.get("by")
                else _("%(key)s (changed %(at)s)") % {"key": key, "at": entry["at"]}
            )
            for key, entry in assessment.provenance.items()
            if key not in ("sign_off", "assessment") and since and entry.get("at", "") > since
        )
        if not matches
        else []
    )
    if matches:
        message = _("Unchanged since sign-off: the file matches its sign-off digest (%(digest)s).") % {"digest": stored}
    else:
        named = ", ".join(_(PART_NAMES[p]) if p in PART_NAMES else p for p in changed)
        message = _("Changed since sign-off: %(parts)s.") % {"parts": named}
        if entries:
            message += " " + _("Changed after the sign-off was recorded: %(entries)s.") % {
                "entries": ", ".join(entries)
            }
    return {
        "signed": True,
        "digest": stored,
        "matches": matches,
        "changed": changed,
        "entries": entries,
        "message": message,
    }
