"""What a piece of evidence is worth: its strength, whether it is in date, and whether it counts.

Each evidence item may say its strength (scoring.yaml ``rules.evidence.strengths``, weakest first:
asserted, documented, tested, independently verified). A strength counts only with what it needs
(``needs``: a document, its date, a test's result, a reviewer's name); an item short of them counts
as the strongest strength it does show, and says why. An item without a strength (files written
before strengths existed) claims documented when it has a document and a date, asserted otherwise;
the file itself is never rewritten.

An item dated more than ``stale_after_days`` before the assessment date is *stale*. Evidence
*counts* (for a legal duty or an essential control to be met, and for the evidenced score) when
it is at least ``counts_from`` and in date.

Run-time code: standard library only.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypedDict

from .language import N_, _

if TYPE_CHECKING:
    from .bank import Bank

NEED_WORDS = {  # in English, written in the current language (_) where used
    "document": N_("a link or reference"),
    "date": N_("its date"),
    "result": N_("a result"),
    "reviewer": N_("a reviewer"),
}


class Reading(TypedDict):
    """One evidence item read against the rules at an assessment date."""

    claimed: str  # the strength the item says (or the one a file without strengths implies)
    strength: str  # the strength it counts as: ``claimed``, or lower when it lacks what that needs
    short_of: list[str]  # what ``claimed`` needs that the item lacks ("date", "result", ...)
    stale: bool  # dated more than stale_after_days before the assessment date
    counts: bool  # at least counts_from, and not stale
    note: str  # one sentence for the officer when it does not count as claimed, or is stale ("" otherwise)


def _has(entry: Mapping[str, Any], need: str) -> bool:
    if need == "document":
        return bool(entry.get("link") or entry.get("reference"))
    value = entry.get(need)
    return isinstance(value, str) and bool(value.strip())


def read_evidence(bank: Bank, entry: Mapping[str, Any], assessment_date: str) -> Reading:
    """The strength an item counts as at this assessment date, whether it is stale and whether it counts."""
    rule = bank.rules["evidence"]
    strengths = rule["strengths"]
    ids = [s["id"] for s in strengths]
    needs = {s["id"]: s["needs"] for s in strengths}
    said = entry.get("strength")
    if isinstance(said, str) and said in needs:
        claimed = said
    else:  # a file from before strengths: documented when it shows what documented needs
        claimed = ids[1] if all(_has(entry, n) for n in needs[ids[1]]) else ids[0]
    short_of = [n for n in needs[claimed] if not _has(entry, n)]
    strength = claimed
    while any(not _has(entry, n) for n in needs[strength]):
        strength = ids[ids.index(strength) - 1]  # the weakest strength needs nothing: the walk stops there
    stale = False
    date = entry.get("date")
    if isinstance(date, str) and date and assessment_date:
        age = datetime.date.fromisoformat(assessment_date) - datetime.date.fromisoformat(date)
        stale = age.days > int(rule["stale_after_days"])
    counts = ids.index(strength) >= ids.index(rule["counts_from"]) and not stale
    names = {s["id"]: s["name"].lower() for s in strengths}
    note = ""
    if short_of:
        note = _("Marked %(claimed)s but without %(lacking)s, so it counts as %(strength)s.") % {
            "claimed": names[claimed],
            "lacking": (" " + _("and") + " ").join(_(NEED_WORDS[n]) for n in short_of),
            "strength": names[strength],
        }
    if stale:
        years = round(int(rule["stale_after_days"]) / 365.25, 1)
        said = (
            _("Dated %(date)s, more than a year before the assessment date: stale.")
            if years == 1
            else _("Dated %(date)s, more than %(years)s years before the assessment date: stale.")
        ) % {"date": date, "years": f"{years:g}"}
        note = f"{note} {said}".strip()
    return {
        "claimed": claimed,
        "strength": strength,
        "short_of": short_of,
        "stale": stale,
        "counts": counts,
        "note": note,
    }


def evidence_counts(bank: Bank, evidence: Mapping[str, Mapping[str, Any]], qid: str, assessment_date: str) -> bool:
    """Whether a question's evidence is at least ``counts_from`` and in date (no evidence: False)."""
    entry = evidence.get(qid)
    return entry is not None and read_evidence(bank, entry, assessment_date)["counts"]


def not_evidenced_note(bank: Bank, kind: str, entry: Mapping[str, Any] | None, assessment_date: str) -> str:
    """Why a legal duty or an essential control (``kind``) answered as met is "met, not evidenced", and what lifts it."""
    rule = bank.rules["evidence"]
    names = {s["id"]: s["name"].lower() for s in rule["strengths"]}
    years = round(int(rule["stale_after_days"]) / 365.25, 1)
    needed = _(
        "Met, not evidenced: %(kind)s counts as met only with %(strength)s evidence or better, dated within "
        "%(years)s years of the assessment date; until then it holds this theme at %(tier)s."
    ) % {
        "kind": kind,
        "strength": names[rule["counts_from"]],
        "years": f"{years:g}",
        "tier": bank.tiers[bank.ranks["tiers"][rule["cap"]]].name,
    }
    if entry is None:
        return f"{needed} " + _("No evidence is recorded.")
    read = read_evidence(bank, entry, assessment_date)
    said = read["note"] or _("The evidence recorded is %(strength)s.") % {"strength": names[read["strength"]]}
    return f"{needed} {said}"


def strength_names(bank: Bank) -> dict[str, str]:
    """Each strength's display name, weakest first."""
    return {s["id"]: s["name"] for s in bank.rules["evidence"]["strengths"]}
