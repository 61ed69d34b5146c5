"""A meeting's status from its sentences' words and its date against the dateline.

Cancelled and postponed are what the text says. Otherwise the date decides where the
article is dated: a meeting that ended before the dateline was held; one under way on
the dateline ("انطلقت اليوم", "تنطلق اليوم", "تستضيف ... اليوم") is held; one after it
is scheduled (announced when only its month is known). An undated article relies on
its verbs: held words without future words mean held.
"""

from __future__ import annotations

import datetime as dt

from ..model import DateValue

def status(words: set[str], date: DateValue | None, published: dt.date | None, moved: bool) -> str:
    """``words``: the status cues found (cancelled, postponed, held, scheduled, announced, started, future)."""
    if "cancelled" in words:
        return "cancelled"
    if "postponed" in words and not moved:
        return "postponed"
    start = date.start() if date and date.year else None
    if start is not None and published is not None:
        if start <= published:
            return "held"
        return "scheduled" if date.precision == "day" and not ("announced" in words and "scheduled" not in words) else "announced"
    if ("held" in words or "started" in words) and "future" not in words:
        return "held"
    if date is not None and date.precision == "day":
        return "scheduled"
    return "announced"
