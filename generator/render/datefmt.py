"""Dates for the pages, from CLDR through Babel.

Digits: Western (0-9) in both languages, deliberately. It is CLDR's default
numbering system for ``ar`` (Babel's ``format_date`` follows it), and the source
articles the pages quote write their dates with Western digits, so a date on the
page reads the same as the sentence cited as its evidence.

Weeks start on the day CLDR gives for each page locale (``Locale.first_week_day``);
weekday and month names come from CLDR as well.
"""

from __future__ import annotations

import calendar
import functools
import datetime as dt
from dataclasses import dataclass

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton


def parse(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


@functools.lru_cache(maxsize=16384)
def day(date: dt.date, lang: str) -> str:
    """Weekday and full date: السبت، 3 يناير 2026 / Saturday, January 3, 2026."""
    return format_date(date, "full", locale=lang)


@functools.lru_cache(maxsize=4096)
def month(year: int, month_no: int, lang: str) -> str:
    """Month and year: يناير 2026 / January 2026."""
    return format_skeleton("yMMMM", dt.date(year, month_no, 1), locale=lang)


def meeting_date(date: dict, lang: str) -> str:
    """A record's date as precise as it is: a day, a range of days, or only a month."""
    return _meeting_date(date["start"], date["end"], date["precision"], lang)


@functools.lru_cache(maxsize=16384)
def _meeting_date(start_iso: str, end_iso: str, precision: str, lang: str) -> str:
    start, end = parse(start_iso), parse(end_iso)
    if precision == "month":
        return month(start.year, start.month, lang)
    if start == end:
        return day(start, lang)
    return format_interval(start, end, "yMMMEd", locale=lang)


@dataclass(frozen=True)
class Weekday:
    short: str
    wide: str
    narrow: str


@functools.lru_cache(maxsize=8)
def weekdays(lang: str) -> tuple[Weekday, ...]:
    """Column headings of a month grid, starting on the locale's first day of the week."""
    loc = Locale(lang)
    names = loc.days["stand-alone"]
    first = loc.first_week_day
    return tuple(
        Weekday(names["short"][i], names["wide"][i], names["narrow"][i]) for i in ((first + k) % 7 for k in range(7))
    )


@functools.lru_cache(maxsize=4096)
def month_grid(year: int, month_no: int, lang: str) -> list[list[dt.date | None]]:
    """Weeks of the month as rows of 7 days (None outside the month); Monday = 0 as in Babel."""
    cal = calendar.Calendar(firstweekday=Locale(lang).first_week_day)
    return [[d if d.month == month_no else None for d in week] for week in cal.monthdatescalendar(year, month_no)]
