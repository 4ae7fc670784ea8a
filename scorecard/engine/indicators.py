"""Outcome indicators in an assessment file: the counts a council records beside its answers.

    "indicators": {"IND-01": {"from": "2025-04-01", "to": "2026-03-31",
                              "counts": {"needed": 12, "same_day": 9}, "note": "..."}}

Each entry gives the period its counts cover and some or all of the indicator's counts (whole
numbers from 0); a count that is part of another (``within`` in questions/indicators.yaml) can
never be larger than it. An entry that breaks these rules is set aside, as the yearly cycle sets
aside an evidence entry with a bad date (cycle.py): kept in the file as it was, not used, and the
result says why beside the indicator, so the figures an officer typed are never lost and one typo
never stops the rest of the file being scored. An entry for an indicator the bank does not know is
kept as it is and not used. Last year's figures travel in ``previous.indicators`` (next_year.py).

Indicators are never scored: the result lists them, each count with its share of the count it is
part of, last year's figure and the change since, worded here for the results page, the board
report and the command line, and the period a new entry would cover (``suggested_period``).

Run-time code: standard library only.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from .bank import Bank, Indicator
from .cycle import MAX_NOTE, Cycle, SetAside, copy_json, is_iso_date
from .language import _, ngettext
from .messages import Message, kind_of
from .wording import long_date

INDICATOR_ID = re.compile(r"^IND-[0-9]{2,3}$")
FIELDS = ("counts", "from", "note", "to")
MAX_COUNT = 10_000_000


def read_indicators(
    raw: Any, bank: Bank, problems: list[Message], aside: SetAside, section: str = "indicators"
) -> dict[str, dict[str, Any]]:
    """Check a file's indicator entries (``section`` names where they are, for the messages): a section that is
    not an object, or a key that is not an indicator id, refuses the file (``problems``); an entry that breaks
    the rules is set aside (``aside``, keyed "indicators.IND-01") with why."""
    if not isinstance(raw, dict):
        problems.append(Message("section_not_an_object", {"section": section, "kind": kind_of(raw)}))
        return {}
    kept: dict[str, dict[str, Any]] = {}
    for iid, entry in raw.items():
        if not INDICATOR_ID.fullmatch(iid):
            problems.append(Message("indicator_key_bad", {"section": section, "key": iid[:40]}))
            continue
        why: list[Message] = []
        _check_entry(entry, iid, bank.indicators.get(iid), section, why)
        if why:
            aside[f"{section}.{iid}"] = (copy_json(entry), why)
        else:
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


def indicator_results(
    bank: Bank, cycle: Cycle, nation: str, functions: frozenset[str], assessment_date: str
) -> list[dict[str, Any]]:
    """Every indicator shown to this council, bank order, with this year's and last year's figures, the change
    between them, and why this year's entry is set aside if it is."""
    now = cycle.indicators
    before = (cycle.previous or {}).get("indicators") or {}
    return [
        _entry(i, now.get(i.id), before.get(i.id), bank, nation, assessment_date, cycle.set_aside)
        for i in bank.indicators.values()
        if i.shown_to(nation, functions)
    ]


def _entry(
    indicator: Indicator,
    now: dict[str, Any] | None,
    before: dict[str, Any] | None,
    bank: Bank,
    nation: str,
    assessment_date: str,
    aside: SetAside,
) -> dict[str, Any]:
    values = (now or {}).get("counts", {})
    was = _whole_numbers((before or {}).get("counts"))
    counts = []
    for c in indicator.counts:
        value, previous = values.get(c.id), was.get(c.id)
        entry = {
            "id": c.id,
            "label": c.label,
            "within": c.within,
            "value": value,
            "share": share(value, values.get(c.within)),
            "previous": previous,
            "previous_share": share(previous, was.get(c.within)),
            "change": None if value is None or previous is None else value - previous,
        }
        entry["text"] = _figure_text(value, entry["share"], values.get(c.within))
        entry["trend"] = _trend_text(entry)
        counts.append(entry)
    set_aside = aside.get(f"indicators.{indicator.id}")
    return {
        "id": indicator.id,
        "title": indicator.title,
        "help": indicator.variants.get(nation, {}).get("help", indicator.help),
        "theme": indicator.theme,
        "outcome": bank.outcomes.get(indicator.outcome, ""),
        "duty": indicator.duty_in(nation),
        "guidance": indicator.guidance[0],
        "period": _period(now),
        "previous_period": _period(before),
        "suggested_period": suggested_period(_period(before), assessment_date),
        "period_text": _period_text(_period(now)),
        "previous_period_text": _period_text(_period(before)),
        "note": (now or {}).get("note", ""),
        "recorded": sum(1 for c in counts if c["value"] is not None),
        "problems": [m.text for m in set_aside[1]] if set_aside else [],
        "counts": counts,
    }


def suggested_period(previous: dict[str, str] | None, assessment_date: str) -> dict[str, str]:
    """The period a new entry covers unless the officer says otherwise: the year after last year's period, or
    else the last financial year (1 April to 31 March) that ended on or before the assessment date."""
    if previous:
        start = datetime.date.fromisoformat(previous["to"]) + datetime.timedelta(days=1)
        return {"from": start.isoformat(), "to": _year_on(start).isoformat()}
    day = datetime.date.fromisoformat(assessment_date)
    end_year = day.year if day >= datetime.date(day.year, 3, 31) else day.year - 1
    return {"from": f"{end_year - 1}-04-01", "to": f"{end_year}-03-31"}


def _year_on(start: datetime.date) -> datetime.date:
    """The last day of the year that starts on ``start`` (1 April 2026 -> 31 March 2027; 29 February too)."""
    try:
        return start.replace(year=start.year + 1) - datetime.timedelta(days=1)
    except ValueError:  # 29 February
        return datetime.date(start.year + 1, 2, 28)


def _figure_text(value: int | None, part: float | None, whole: int | None) -> str:
    """This year's figure as read: "9 (75% of 12)"; "not given"."""
    if value is None:
        return _("not given")
    if part is None or whole is None:
        return str(value)
    return _("%(value)s (%(share)s of %(whole)s)") % {"value": value, "share": _percent(part), "whole": whole}


def _trend_text(count: dict[str, Any]) -> str:
    """The change since last year, in words: "last year 6 (60%): up 3; share up 15 points"; "" with no figure."""
    if count["previous"] is None:
        return _("no figure last year")
    was = str(count["previous"]) + (
        f" ({_percent(count['previous_share'])})" if count["previous_share"] is not None else ""
    )
    if count["change"] is None:
        return _("last year %(was)s") % {"was": was}
    change = abs(count["change"])
    moved = (
        _("no change")
        if count["change"] == 0
        else _("up %(count)s") % {"count": change}
        if count["change"] > 0
        else _("down %(count)s") % {"count": change}
    )
    words = _("last year %(was)s: %(moved)s") % {"was": was, "moved": moved}
    if count["share"] is not None and count["previous_share"] is not None:
        points = round(count["share"] - count["previous_share"], 1)
        shown = {"points": _number(abs(points))}
        words += "; " + (
            _("share unchanged")
            if points == 0
            else _("share up %(points)s points") % shown
            if points > 0
            else _("share down %(points)s points") % shown
        )
    return words


def _percent(value: float) -> str:
    return f"{_number(value)}%"


def _number(value: float) -> str:
    """75.0 -> "75"; 66.7 -> "66.7"."""
    return str(int(value)) if value == int(value) else str(value)


def _period_text(period: dict[str, str] | None) -> str:
    return (
        _("%(from)s to %(to)s") % {"from": long_date(period["from"]), "to": long_date(period["to"])} if period else ""
    )


def indicators_recorded(entries: list[dict[str, Any]]) -> str:
    """How many of the indicators shown have figures: "3 of 7 outcome indicators recorded"."""
    done = sum(1 for e in entries if e["recorded"])
    return ngettext(
        "%(done)s of %(count)s outcome indicator recorded",
        "%(done)s of %(count)s outcome indicators recorded",
        len(entries),
    ) % {"done": done, "count": len(entries)}


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
