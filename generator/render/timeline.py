"""The timeline: meetings grouped by month, each month with a calendar grid.

The home page shows a bounded window: the months from a little before the sources'
date (the newest article's dateline) onwards, so both the latest meetings and the
ones announced ahead, capped at a number of meetings, so the page stays small however
many meetings the records hold. Every month has its own archive page; a year's page
lists its months with their calendars. The window
depends on the data only, never on the build clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import datefmt, urls, views

HOME_MONTHS = 3  # the home page starts this many months back from the sources' date (this month and two before)
HOME_MAX_MEETINGS = 60  # ...and shows no more meetings than this (at least one month is always shown)
HOME_AROUND = 6  # meetings in "coming up" and in "just happened" at the top of the home page


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    records: tuple  # in date order
    total: int | None = None  # set when ``records`` is only part of the month (the home page)

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def months(records) -> list[Month]:
    """Every month that has a meeting starting in it, oldest first."""
    groups: dict[tuple[int, int], list] = {}
    for rec in records:
        start = datefmt.parse(rec["date"]["start"])
        groups.setdefault((start.year, start.month), []).append(rec)
    return [Month(y, m, tuple(sorted(recs, key=lambda r: (r["date"]["start"], r["id"])))) for (y, m), recs in sorted(groups.items())]


def home_window(all_months: list[Month], as_of: dt.date | None) -> list[Month]:
    """The home page's months: from HOME_MONTHS - 1 months before ``as_of`` on, oldest
    first, whole months while they hold at most HOME_MAX_MEETINGS meetings (always at
    least one month; when every meeting is older, the latest month)."""
    if not all_months:
        return []
    if as_of is None:
        as_of = dt.date(all_months[-1].year, all_months[-1].month, 1)
    y, m = as_of.year, as_of.month - (HOME_MONTHS - 1)
    while m < 1:
        y, m = y - 1, m + 12
    candidates = [month for month in all_months if (month.year, month.month) >= (y, m)] or all_months[-1:]
    chosen: list[Month] = []
    total = 0
    for month in candidates:
        if chosen and total + len(month.records) > HOME_MAX_MEETINGS:
            break
        chosen.append(month)
        total += len(month.records)
    if len(chosen) == 1 and total > HOME_MAX_MEETINGS:
        chosen = [nearest(chosen[0], as_of)]
    return chosen


def nearest(month: Month, as_of: dt.date) -> Month:
    """Part of a month too large for the home page: the HOME_MAX_MEETINGS meetings
    nearest the sources' date, whole days only, in date order (its page has them all)."""
    by_day: dict[str, list] = {}
    for rec in month.records:
        by_day.setdefault(rec["date"]["start"], []).append(rec)
    days = sorted(by_day, key=lambda d: (abs((datefmt.parse(d) - as_of).days), d))
    kept: list[str] = []
    count = 0
    for day in days:
        if kept and count + len(by_day[day]) > HOME_MAX_MEETINGS:
            break
        kept.append(day)
        count += len(by_day[day])
    records = tuple(r for r in month.records if r["date"]["start"] in set(kept))
    return Month(month.year, month.month, records, total=len(month.records))


def years(all_months: list[Month]) -> list[int]:
    return sorted({m.year for m in all_months})


def month_view(ctx: views.Ctx, month: Month, on_page: set[str], entry=views.entry) -> dict:
    """One month: its meetings by day, the ones dated only by month, and its calendar.

    ``on_page`` holds the month keys (or, for part of a month, the ISO days) shown on
    the same page, so a calendar day links to the day's entry here or else to the
    month's page that lists it. ``entry(ctx, rec)``: each meeting's line, as the
    template's ``entry`` takes it or already made (markup).
    """
    lang = ctx.lang
    days: dict[str, list] = {}
    month_only = []
    for rec in month.records:
        if rec["date"]["precision"] == "month":
            month_only.append(entry(ctx, rec))
            continue
        days.setdefault(rec["date"]["start"], []).append(entry(ctx, rec))
    return {
        **month_summary(ctx, month, on_page),
        "days": [{"iso": iso, "anchor": f"d-{iso}", "label": datefmt.day(datefmt.parse(iso), lang), "meetings": entries} for iso, entries in days.items()],
        "month_only": month_only,
    }


def month_summary(ctx: views.Ctx, month: Month, on_page: set[str]) -> dict:
    """A month as a year's page shows it: its name, count and calendar, none of its
    entries (``month_view`` adds them; making them for every meeting of a year, only to
    leave them out, cost more than the rest of the page)."""
    lang = ctx.lang
    return {
        "key": month.key,
        "href": ctx.link.to(urls.month_page(month.year, month.month)),
        "label": datefmt.month(month.year, month.month, lang),
        "count": ctx.t.count("meetings", month.total or len(month.records)),
        "partial": ctx.t.count("showing", len(month.records), total=month.total) if month.total else None,
        "month_only_label": ctx.t("calendar.month_only", month=datefmt.month(month.year, month.month, lang)),
        "grid": grid(ctx, month, on_page),
    }


def _cover(records, year: int, month_no: int) -> dict[dt.date, list[str]]:
    """Calendar day -> start days (ISO) of the day-precise meetings that cover it."""
    first = dt.date(year, month_no, 1)
    last = dt.date(year + (month_no == 12), month_no % 12 + 1, 1) - dt.timedelta(days=1)
    out: dict[dt.date, list[str]] = {}
    for rec in records:
        if rec["date"]["precision"] != "day":
            continue
        start, end = datefmt.parse(rec["date"]["start"]), datefmt.parse(rec["date"]["end"])
        day = max(start, first)
        while day <= min(end, last):
            out.setdefault(day, []).append(rec["date"]["start"])
            day += dt.timedelta(days=1)
    return out


def grid(ctx: views.Ctx, month: Month, on_page: set[str]) -> dict:
    lang = ctx.lang
    covering = _cover(ctx.index.spanning.get(month.key, ()), month.year, month.month)
    weeks = []
    for week in datefmt.month_grid(month.year, month.month, lang):
        row = []
        for day in week:
            if day is None:
                row.append(None)
                continue
            starts = covering.get(day, [])
            cell = {"day": day.day, "iso": day.isoformat(), "label": datefmt.day(day, lang), "href": None, "count": None}
            if starts:
                start = min(starts)
                anchor = f"d-{start}"
                if start[:7] in on_page or start in on_page:  # its month, or that day, is listed here
                    cell["href"] = f"#{anchor}"
                else:
                    cell["href"] = ctx.link.to(urls.month_page(int(start[:4]), int(start[5:7])), anchor)
                cell["count"] = ctx.t.count("meetings", len(starts))
            row.append(cell)
        weeks.append(row)
    return {
        "caption": ctx.t("calendar.caption", month=datefmt.month(month.year, month.month, lang)),
        "weekdays": datefmt.weekdays(lang),
        "weeks": weeks,
    }


def around(records, as_of: dt.date | None) -> tuple[list, list]:
    """The home page's "coming up" (the next HOME_AROUND meetings starting on or after
    the sources' date, soonest first) and "just happened" (the last HOME_AROUND that
    ended before it, latest first). The sources' date, not the clock: the same data
    gives the same page."""
    if as_of is None:
        return [], []
    key = lambda r: (r["date"]["start"], r["id"])  # noqa: E731
    ahead = sorted((r for r in records if datefmt.parse(r["date"]["start"]) >= as_of), key=key)
    behind = sorted((r for r in records if datefmt.parse(r["date"]["end"]) < as_of), key=key, reverse=True)
    return ahead[:HOME_AROUND], behind[:HOME_AROUND]
