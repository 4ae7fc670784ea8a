"""Outcome indicators in an assessment file: the counts a council records beside its answers.

    "indicators": {"IND-01": {"from": "2025-04-01", "to": "2026-03-31",
                              "counts": {"needed": 12, "same_day": 9}, "note": "..."}}

Each entry gives the period its counts cover and some or all of the indicator's counts (whole
numbers from 0); a count that is part of another (``within`` in questions/indicators.yaml) can
never be larger than it. An entry for an indicator the bank does not know is kept as it is and
not used, as the yearly cycle keeps entries for unknown questions (cycle.py): one stale id never
blocks the rest of the file. Last year's figures travel in ``previous.indicators`` (next_year.py).

Indicators are never scored: the result lists them, each count with its share of the count it is
part of and last year's figure, for the results page, the board report and the comparison.

Run-time code: standard library only.
"""

from __future__ import annotations

import re
from typing import Any

from .bank import Bank, Indicator
from .cycle import MAX_NOTE, Cycle, copy_json, is_iso_date
from .messages import Message, kind_of

INDICATOR_ID = re.compile(r"^IND-[0-9]{2,3}$")
FIELDS = ("counts", "from", "note", "to")
MAX_COUNT = 10_000_000


def read_indicators(
    raw: Any, bank: Bank, problems: list[Message], section: str = "indicators"
) -> dict[str, dict[str, Any]]:
    """Check a file's indicator entries (``section`` names where they are, for the messages)."""
    if not isinstance(raw, dict):
        problems.append(Message("section_not_an_object", {"section": section, "kind": kind_of(raw)}))
        return {}
    kept: dict[str, dict[str, Any]] = {}
    for iid, entry in raw.items():
        if not INDICATOR_ID.fullmatch(iid):
            problems.append(Message("indicator_key_bad", {"section": section, "key": iid[:40]}))
            continue
        before = len(problems)
        _check_entry(entry, iid, bank.indicators.get(iid), section, problems)
        if len(problems) == before:
            kept[iid] = copy_json(entry)
    return kept


def _check_entry(entry: Any, iid: str, indicator: Indicator | None, section: str, problems: list[Message]) -> None:
    where = {"section": section, "indicator": iid}
    if not isinstance(entry, dict) or set(entry) - set(FIELDS) or not {"from", "to", "counts"} <= set(entry):
        problems.append(Message("indicator_bad_shape", {**where, "fields": list(FIELDS)}))
        return
    if not (is_iso_date(entry["from"]) and is_iso_date(entry["to"])):
        problems.append(Message("indicator_period_bad", where))
    elif entry["from"] > entry["to"]:
        problems.append(Message("indicator_period_backwards", {**where, "start": entry["from"], "end": entry["to"]}))
    if "note" in entry and not (isinstance(entry["note"], str) and len(entry["note"]) <= MAX_NOTE):
        problems.append(Message("indicator_note_bad", {**where, "limit": MAX_NOTE}))
    counts = entry["counts"]
    if not isinstance(counts, dict):
        problems.append(Message("indicator_counts_not_an_object", {**where, "kind": kind_of(counts)}))
        return
    for count_id, value in counts.items():
        if type(value) is not int or not 0 <= value <= MAX_COUNT:  # true is an int in Python: refused here
            problems.append(Message("indicator_count_bad", {**where, "count": str(count_id)[:40], "limit": MAX_COUNT}))
    if indicator is None:
        return  # not in this bank: kept as it is, not used
    known = [c.id for c in indicator.counts]
    for count_id in counts:
        if count_id not in known:
            problems.append(
                Message("indicator_count_unknown", {**where, "count": str(count_id)[:40], "choices": known})
            )
    for count in indicator.counts:
        part, whole = counts.get(count.id), counts.get(count.within)
        if type(part) is int and type(whole) is int and part > whole:
            problems.append(
                Message(
                    "indicator_count_exceeds",
                    {**where, "count": count.id, "whole": count.within, "part_value": part, "whole_value": whole},
                )
            )


def indicator_results(bank: Bank, cycle: Cycle, nation: str, functions: frozenset[str]) -> list[dict[str, Any]]:
    """Every indicator shown to this council, bank order, with this year's and last year's figures."""
    now = cycle.indicators
    before = (cycle.previous or {}).get("indicators") or {}
    return [
        _entry(i, now.get(i.id), before.get(i.id), bank, nation)
        for i in bank.indicators.values()
        if i.shown_to(nation, functions)
    ]


def _entry(
    indicator: Indicator, now: dict[str, Any] | None, before: dict[str, Any] | None, bank: Bank, nation: str
) -> dict[str, Any]:
    values = (now or {}).get("counts", {})
    was = _whole_numbers((before or {}).get("counts"))
    return {
        "id": indicator.id,
        "title": indicator.title,
        "theme": indicator.theme,
        "outcome": bank.outcomes.get(indicator.outcome, ""),
        "duty": indicator.duty_in(nation),
        "guidance": indicator.guidance[0],
        "period": _period(now),
        "previous_period": _period(before),
        "note": (now or {}).get("note", ""),
        "counts": [
            {
                "id": c.id,
                "label": c.label,
                "within": c.within,
                "value": values.get(c.id),
                "share": share(values.get(c.id), values.get(c.within)),
                "previous": was.get(c.id),
                "previous_share": share(was.get(c.id), was.get(c.within)),
            }
            for c in indicator.counts
        ],
    }


def share(part: int | None, whole: int | None) -> float | None:
    """The part as a percentage of the whole, one decimal; None when either is missing or the whole is 0."""
    if part is None or not whole:
        return None
    return round(100 * part / whole, 1)


def _period(entry: dict[str, Any] | None) -> dict[str, str] | None:
    if not entry or not (is_iso_date(entry.get("from")) and is_iso_date(entry.get("to"))):
        return None
    return {"from": entry["from"], "to": entry["to"]}


def _whole_numbers(counts: Any) -> dict[str, int]:
    """Last year's counts that are whole numbers (last year's file was checked by last year's bank)."""
    if not isinstance(counts, dict):
        return {}
    return {k: v for k, v in counts.items() if type(v) is int and v >= 0}
