"""Dates that stand for "when this changed", taken from the record, never the clock.

A record's sources carry the datelines of the articles that mention it. The newest
dateline is when the record last had news; the oldest is when it was first reported.
A record whose sources all lack a dateline falls back to the meeting's first day.
"""

from __future__ import annotations

import datetime as dt


def _published(rec: dict) -> list[dt.date]:
    return sorted(dt.date.fromisoformat(s["published"]) for s in rec["sources"] if s.get("published"))


def start(rec: dict) -> dt.date:
    return dt.date.fromisoformat(rec["date"]["start"])


def end(rec: dict) -> dt.date:
    """Inclusive last day (for month precision: the month's last day)."""
    return dt.date.fromisoformat(rec["date"]["end"])


def updated(rec: dict) -> dt.date:
    dates = _published(rec)
    return dates[-1] if dates else start(rec)


def published(rec: dict) -> dt.date:
    dates = _published(rec)
    return dates[0] if dates else start(rec)


def utc_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def rfc3339(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
