"""Finding and resolving dates in Arabic text.

Month and weekday names come from CLDR (Babel) for every Arabic locale, so the
Levantine and Iraqi (كانون الثاني), Egyptian and Gulf (يناير) and Maghrebi (جانفي,
يناير, ينير) names are all known without a hand-written table. Ordinal day words and
relative-day words come from the lexicon's numbers file.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from babel.dates import get_day_names, get_month_names
from babel.localedata import locale_identifiers

from .model import DateValue
from .textnorm import PREFIX, fold


@functools.lru_cache(maxsize=1)
def month_names() -> dict[str, int]:
    """Folded Arabic month name -> month number, over every Arabic CLDR locale."""
    names: dict[str, int] = {}
    for loc in sorted(i for i in locale_identifiers() if i == "ar" or i.startswith("ar_")):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names("wide", context=context, locale=loc).items():
                names[fold(name)] = number
    return names


@functools.lru_cache(maxsize=1)
def weekday_names() -> dict[str, int]:
    """Folded Arabic weekday name -> Python weekday (Monday 0)."""
    names: dict[str, int] = {}
    for loc in sorted(i for i in locale_identifiers() if i == "ar" or i.startswith("ar_")):
        for number, name in get_day_names("wide", locale=loc).items():
            names[fold(name)] = number
    return names


def _alt(words) -> str:
    """Regex alternation of folded words, longest first (so "يومين" beats "يوم")."""
    return "|".join(re.escape(w) for w in sorted({fold(w) for w in words}, key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class Found:
    """A date expression found in a folded sentence, before or after resolution."""

    start: int
    end: int
    text: str
    value: DateValue | None  # None: relative, resolved later
    weekday: int | None = None
    relative_days: int | None = None  # days after the anchor (today/tomorrow/after N days)
    relative_to_meeting: bool = False  # "بعد يومين": from the meeting just mentioned
    direction: str | None = None  # next | last for weekdays


class DateFinder:
    def __init__(self, numbers: dict):
        months = month_names()
        self.months = months
        self.weekdays = weekday_names()
        self.ordinals = {fold(w): int(n) for n, ws in numbers["ordinals"].items() for w in ws}
        self.cardinals = {fold(w): int(n) for n, ws in numbers["cardinals"].items() for w in ws}
        self.relative = {fold(w): int(n) for n, ws in numbers["relative_days"].items() for w in ws}
        month = rf"(?:شهر\s+)?(?P<{{g}}>{_alt(months)})(?:\s*[/(\-]\s*(?:{_alt(months)})\s*\)?)?"
        day = rf"(?:(?P<{{g}}d>\d{{{{1,2}}}})|(?P<{{g}}o>{_alt(self.ordinals)})(?:\s+من)?)"
        year = r"(?:\s*,?\s*(?:(?:من\s+)?(?:عام|سنة|العام)\s+)?(?P<{g}>\d{{4}})(?:\s*م)?)?"
        sep = rf"\s*(?:-|{_alt(['إلى', 'حتى', 'و', 'ولغاية', 'لغاية'])})\s*"
        d1, d2 = day.format(g="a"), day.format(g="b")
        m1, m2 = month.format(g="m1"), month.format(g="m2")
        y1, y2 = year.format(g="y1"), year.format(g="y2")
        # Longest forms first: a cross-month range, a same-month range, one day, a month.
        self.patterns = [
            ("range2", re.compile(rf"(?<!\w)(?:من|بين)?\s*{d1}\s+{m1}{y1}{sep}{d2}\s+{m2}{y2}(?!\w)")),
            ("range", re.compile(rf"(?<!\w)(?:من|بين)?\s*{d1}{sep}{d2}\s+{m2}{y2}(?!\w)")),
            ("day", re.compile(rf"(?<!\w){d1}\s+(?:من\s+)?{m1}{y1}(?!\w)")),
            ("month", re.compile(rf"{PREFIX}(?:{_alt(['في', 'خلال', 'مطلع', 'أوائل', 'أواخر', 'منتصف', 'نهاية', 'بداية'])})\s+{m1}{y1}(?!\w)")),
        ]
        self.weekday_rx = re.compile(
            rf"{PREFIX}(?:(?P<yawm>يوم)\s+)?(?P<wd>{_alt(self.weekdays)})(?:\s+(?P<dir>{_alt(['المقبل', 'القادم', 'الماضي', 'المنصرم', 'المقبلة'])}))?(?!\w)"
        )
        self.relative_rx = re.compile(rf"{PREFIX}(?P<rel>{_alt(self.relative)})(?!\w)")
        self.after_rx = re.compile(
            rf"(?<!\w)[وف]?(?P<dir>بعد|قبل)\s+(?:(?P<n>\d+|{_alt(self.cardinals)})\s+)?(?P<unit>{_alt(['يومين', 'أيام', 'يوما', 'يوم', 'أسبوعين', 'أسبوع'])})(?!\w)"
        )

    def _day(self, m, g) -> int:
        return int(m.group(f"{g}d")) if m.group(f"{g}d") else self.ordinals[m.group(f"{g}o")]

    def find(self, folded: str) -> list[Found]:
        """Every date expression in a folded sentence, left to right, not overlapping."""
        found: list[Found] = []
        taken: list[tuple[int, int]] = []

        def free(a, b):
            return all(b <= x or a >= y for x, y in taken)

        for name, rx in self.patterns:
            for m in rx.finditer(folded):
                if not free(m.start(), m.end()):
                    continue
                month = self.months[m.group("m1") if name != "range" else m.group("m2")]
                year = m.group("y1") if name in ("day", "month", "range2") else m.group("y2")
                year = int(year) if year else None
                if name == "month":
                    value = DateValue(year, month, None)
                elif name == "day":
                    value = DateValue(year, month, self._day(m, "a"))
                elif name == "range":
                    value = DateValue(year, month, self._day(m, "a"), end_day=self._day(m, "b"))
                else:
                    # "من 30 ديسمبر إلى 2 يناير 2026": a year given on one end only fixes the
                    # other, one year apart when the range crosses the new year.
                    end_month = self.months[m.group("m2")]
                    end_year = int(m.group("y2")) if m.group("y2") else None
                    crosses = end_month < month
                    if year is None and end_year is not None:
                        year = end_year - crosses
                    elif end_year is None and year is not None:
                        end_year = year + crosses
                    value = DateValue(year, month, self._day(m, "a"), end_day=self._day(m, "b"), end_month=end_month, end_year=end_year)
                if not _plausible(value):
                    continue
                taken.append((m.start(), m.end()))
                found.append(Found(m.start(), m.end(), m.group(0).strip(), value))
        for m in self.weekday_rx.finditer(folded):
            # A bare weekday name is too ambiguous; "يوم السبت" or "السبت المقبل" is a date.
            if not (m.group("yawm") or m.group("dir")) or not free(m.start(), m.end()):
                continue
            direction = {"الماضي": "last", "المنصرم": "last"}.get(m.group("dir") or "", "next" if m.group("dir") else None)
            taken.append((m.start(), m.end()))
            found.append(Found(m.start(), m.end(), m.group(0).strip(), None, weekday=self.weekdays[m.group("wd")], direction=direction))
        for m in self.relative_rx.finditer(folded):
            if free(m.start(), m.end()):
                taken.append((m.start(), m.end()))
                found.append(Found(m.start(), m.end(), m.group(0).strip(), None, relative_days=self.relative[m.group("rel")]))
        for m in self.after_rx.finditer(folded):
            if not free(m.start(), m.end()):
                continue
            unit = m.group("unit")  # folded: يومين, ايام, اسبوع, ...
            n = m.group("n")
            count = int(n) if n and n.isdigit() else self.cardinals.get(n, 1) if n else (2 if unit in ("يومين", "اسبوعين") else 1)
            days = count * (7 if "سبوع" in unit else 1)
            if m.group("dir") == "قبل":
                days = -days
            taken.append((m.start(), m.end()))
            found.append(Found(m.start(), m.end(), m.group(0).strip(), None, relative_days=days, relative_to_meeting=True))
        return sorted(found, key=lambda f: f.start)


def _plausible(v: DateValue) -> bool:
    """A real calendar date, and a range that ends on or after its start."""
    try:
        probe = v if v.year is not None else v.with_year(2000)  # 2000: a leap year, so 29 February passes
        return probe.end() >= probe.start()
    except ValueError:
        return False


def infer_year(value: DateValue, anchor: dt.date, tense: str | None = None) -> DateValue | None:
    """The year that puts the date nearest the article's dateline.

    ``tense`` ("future" or "past", from the sentence's verbs) narrows the choice to
    dates on or after, or on or before, the dateline when one of them fits.
    """
    years = [y for y in (anchor.year - 1, anchor.year, anchor.year + 1) if _valid(value, y)]
    if not years:  # e.g. 29 February with no leap year near the dateline
        return None
    if tense == "future":
        years = [y for y in years if value.with_year(y).end() >= anchor] or years
    elif tense == "past":
        years = [y for y in years if value.with_year(y).start() <= anchor] or years
    best = min(years, key=lambda y: (abs((value.with_year(y).start() - anchor).days), y))
    return value.with_year(best)


def _valid(value: DateValue, year: int) -> bool:
    try:
        value.with_year(year).start()
        value.with_year(year).end()
        return True
    except ValueError:
        return False


def resolve(found: Found, anchor: dt.date | None, last_meeting: dt.date | None, past: bool, future: bool = False) -> DateValue | None:
    """A concrete date for a found expression, or None when it cannot be anchored."""
    if found.value is not None:
        if found.value.year is None and anchor is not None:
            return infer_year(found.value, anchor, "past" if past and not future else "future" if future and not past else None)
        return found.value
    if found.relative_days is not None:
        base = last_meeting if (found.relative_to_meeting and last_meeting) else anchor
        if base is None:
            return None
        d = base + dt.timedelta(days=found.relative_days)
        return DateValue(d.year, d.month, d.day)
    if found.weekday is not None and anchor is not None:
        if found.direction == "last" or (found.direction is None and past):
            delta = -((anchor.weekday() - found.weekday) % 7 or (7 if found.direction else 0))
        else:
            delta = (found.weekday - anchor.weekday()) % 7 or (7 if found.direction else 0)
        d = anchor + dt.timedelta(days=delta)
        return DateValue(d.year, d.month, d.day)
    return None
