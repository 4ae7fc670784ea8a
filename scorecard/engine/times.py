"""Provenance times: read as instants, written one way, never later than now.

A file's ``provenance`` says when each answer, note and detail was last changed. The site writes
those times as JavaScript's ``toISOString()`` does (``2026-11-01T10:15:00.000Z``), and compares
them as text; another program may write ``2026-11-01T15:15:00+05:00``, which sorts after a later
time written with ``Z``. So every time is read as an instant and written back in the site's own
form (UTC, milliseconds, ``Z``), where text order is time order.

A time after now cannot be true: a colleague's computer clock set wrong (or to another time zone),
or an edited file. Kept, it would make that change win over every later one until the clock
caught up (two tabs would undo an officer's edits). Such a time, beyond a few minutes' slack for
clocks that differ a little, is taken as now when the file is read, and the officer is told.

Run-time code: standard library only.
"""

from __future__ import annotations

import datetime

UTC = datetime.UTC
CLOCK_SLACK = datetime.timedelta(minutes=10)  # two computers' clocks may differ by this much without a note
FAR_FUTURE = datetime.datetime.max.replace(tzinfo=UTC)
FAR_PAST = datetime.datetime.min.replace(tzinfo=UTC)


def instant(at: str) -> datetime.datetime:
    """A provenance time (already checked to be an ISO date and time with a zone) as an instant in UTC."""
    moment = datetime.datetime.fromisoformat(at.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError:  # year 9999 behind UTC, or year 1 ahead of it
        return FAR_FUTURE if moment.year > 1 else FAR_PAST


def written(moment: datetime.datetime) -> str:
    """An instant as the site writes times: 2026-11-01T10:15:00.000Z."""
    return (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}T{moment.hour:02d}:{moment.minute:02d}:"
        f"{moment.second:02d}.{moment.microsecond // 1000:03d}Z"
    )


def now() -> datetime.datetime:
    return datetime.datetime.now(UTC)


def settled(at: str, today: datetime.datetime) -> tuple[str, bool]:
    """A checked provenance time in the site's form, and whether it was after ``today`` (now) and so taken as now."""
    moment = instant(at)
    if moment > today + CLOCK_SLACK:
        return written(today), True
    return written(moment), False
