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
    """Regex alternation of folded words, longest first, so the pattern is the same every
    run and a phrase wins over the word it starts with ("أمس الأول" over "أمس"; a
    single word would win anyway, every pattern ending at a word boundary)."""
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
    weekday_end: int | None = None  # "يومي الأحد والاثنين": the last weekday of the span
    context_day: int | None = None  # "يوم 6 من الشهر نفسه": a day of a month the context gives
    context_month: str | None = None  # same (the month just mentioned) | current (the dateline's)
    tense: str | None = None  # future | past | current, from "المقبل", "الماضي", "الجاري" after the date
    month_only: bool = False  # "الشهر المقبل": the month the context gives, no day
    same_day: bool = False  # "في اليوم نفسه": the day the context gives
    pre: str | None = None  # what opens a range: "من", "بين", "يومي", "ايام" (folded)
    joint: tuple[int, int] | None = None  # the word "to" that joins a range ("19 إلى 20"), where it stands

    def halves(self, folded: str) -> tuple["Found", "Found"]:
        """A range joined by "إلى" as two days: where a meeting is moved ("من الخميس 19 إلى
        الجمعة 20"), the first is the day it leaves and the second the day it goes to."""
        v = self.value
        to, after = self.joint
        # A year given on one end was given to both (_values); "المقبل" after it is said of both.
        end_year = v.end_year if v.end_year is not None else v.year
        first = Found(self.start, to, folded[self.start:to].strip(), DateValue(v.year, v.month, v.day), tense=self.tense)
        last = Found(after, self.end, folded[after:self.end].strip(), DateValue(end_year, v.end_month or v.month, v.end_day), tense=self.tense)
        return first, last


TO_WORDS = frozenset(fold(w) for w in ("إلى", "حتى", "لغاية", "ولغاية"))


class DateFinder:
    def __init__(self, numbers: dict, months: dict | None = None, weekdays: dict | None = None):
        # The names are the lexicon's (read from CLDR when it is made), or CLDR's here.
        months = months or month_names()
        self.months = months
        self.weekdays = weekdays or weekday_names()
        self.ordinals = {fold(w): int(n) for n, ws in numbers["ordinals"].items() for w in ws}
        self.cardinals = {fold(w): int(n) for n, ws in numbers["cardinals"].items() for w in ws}
        self.relative = {fold(w): int(n) for n, ws in numbers["relative_days"].items() for w in ws}
        month = rf"(?:شهر\s+)?(?P<{{g}}>{_alt(months)})(?:\s*[/(\-]\s*(?:{_alt(months)})\s*\)?)?"
        wd = rf"(?:(?:يوم\s+)?(?:{_alt(self.weekdays)})\s+)?"  # "الجمعة 6 والسبت 7 شباط"
        # "الـ15 من مارس": a day number may take the article (its tatweel is folded away).
        day = rf"(?:{wd}(?:ال)?(?P<{{g}}d>\d{{{{1,2}}}})|(?P<{{g}}o>{_alt(self.ordinals)})(?:\s+من)?)"
        year = r"(?:\s*,?\s*(?:(?:من\s+)?(?:عام|سنة|العام)\s+)?(?P<{g}>\d{{4}})(?:\s*م)?)?"
        sep = rf"\s*(?P<{{g}}>-|{_alt(['إلى', 'حتى', 'و', 'ولغاية', 'لغاية'])})\s*"
        d1, d2 = day.format(g="a"), day.format(g="b")
        m1, m2 = month.format(g="m1"), month.format(g="m2")
        y1, y2 = year.format(g="y1"), year.format(g="y2")
        s1 = sep.format(g="sep")
        tail = rf"(?:\s+(?P<tense>{_alt(['المقبل', 'القادم', 'الماضي', 'المنصرم', 'الفائت', 'الجاري', 'الحالي'])}))?"
        # Longest forms first: a cross-month range, a same-month range, one day, a month.
        self.patterns = [
            ("range2", re.compile(rf"(?<!\w)(?P<pre>من|بين|يومي|ايام)?\s*{d1}\s+(?:من\s+)?{m1}{y1}{s1}{d2}\s+(?:من\s+)?{m2}{y2}{tail}(?!\w)")),
            ("range", re.compile(rf"(?<!\w)(?P<pre>من|بين|يومي|ايام)?\s*{d1}{s1}{d2}\s+(?:من\s+)?{m2}{y2}{tail}(?!\w)")),
            ("day", re.compile(rf"(?<!\w)(?:و(?=\d))?{d1}\s+(?:من\s+)?{m1}{y1}{tail}(?!\w)")),
            ("month", re.compile(rf"{PREFIX}(?:{_alt(['في', 'خلال', 'مطلع', 'أوائل', 'أواخر', 'منتصف', 'نهاية', 'بداية'])})\s+{m1}{y1}{tail}(?!\w)")),
        ]
        # "يوم 6 من الشهر نفسه", "في 22 من الشهر الجاري": the month comes from the context.
        self.context_rx = re.compile(
            rf"(?<!\w)(?:يوم\s+|في\s+)?(?:(?:ال)?(?P<ad>\d{{1,2}})|(?P<ao>{_alt(self.ordinals)}))\s+(?:من\s+)?(?:الشهر|هذا الشهر)\s*(?P<which>{_alt(['نفسه', 'ذاته', 'الجاري', 'الحالي', 'المقبل', 'القادم'])})(?!\w)"
        )
        # "10/3/2026", "10-03-2026", "2026/03/10": a day in figures, day first as Arabic
        # outlets write it, or the year first; a year of four figures, or it is no date.
        self.numeric_rx = re.compile(
            r"(?<![\w/.\-])(?:(?P<d>\d{1,2})\s*(?P<s>[/\-.])\s*(?P<m>\d{1,2})\s*(?P=s)\s*(?P<y>\d{4})|(?P<y2>\d{4})\s*(?P<s2>[/\-])\s*(?P<m2>\d{1,2})\s*(?P=s2)\s*(?P<d2>\d{1,2}))(?![\w/.\-]*\d)"
        )
        # "مطلع الشهر المقبل": a month, and only a month.
        self.next_month_rx = re.compile(
            rf"{PREFIX}(?:{_alt(['في', 'خلال', 'مطلع', 'أوائل', 'أواخر', 'منتصف', 'نهاية', 'بداية'])})\s+الشهر\s+(?P<which>{_alt(['المقبل', 'القادم'])})(?!\w)"
        )
        # "في اليوم نفسه", "في نفس اليوم", "ذات اليوم": the day last given, never today.
        self.same_day_rx = re.compile(r"(?<!\w)[وف]?(?:في\s+)?(?:(?:ال)?يوم\s+(?:نفسه|ذاته)|(?:نفس|ذات)\s+اليوم)(?!\w)")
        # "يومي الأحد والاثنين المقبلين": a span of two weekdays.
        self.weekday_span_rx = re.compile(
            rf"(?<!\w)(?:يومي|ايام)\s+(?P<wd1>{_alt(self.weekdays)})\s+(?:و|الي|حتي)\s*(?P<wd2>{_alt(self.weekdays)})(?:\s+(?P<dir>{_alt(['المقبلين', 'القادمين', 'الماضيين', 'المقبل', 'القادم', 'الماضي'])}))?(?!\w)"
        )
        # "على مدى يومين", "تستمر ثلاثة أيام": how long the meeting lasts.
        self.duration_rx = re.compile(
            rf"(?<!\w)[و]?(?:{_alt(['على مدى', 'على مدار', 'لمدة', 'تستمر', 'يستمر', 'تمتد', 'يمتد', 'تستغرق', 'يستغرق'])})\s+(?:(?P<n>\d+|{_alt(self.cardinals)})\s+)?(?P<unit>{_alt(['يومين', 'أيام', 'يوما', 'يوم'])})(?!\w)"
        )
        # "وتستمر حتى الجمعة", "تتواصل أعماله إلى يوم الخميس": the last day, as a weekday.
        self.until_rx = re.compile(
            rf"(?<!\w)[و]?(?:{_alt(['تستمر', 'يستمر', 'تتواصل', 'يتواصل', 'تمتد', 'يمتد', 'تختتم', 'يختتم'])})(?:\s+\S+){{0,2}}?\s+(?:حتي|الي|لغاية)\s+(?:يوم\s+)?(?P<wd>{_alt(self.weekdays)})(?!\w)"
        )
        self.bare_ok = {fold(w) for w in ("السبت", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة")}  # الأحد/الاثنين are also words
        self.weekday_rx = re.compile(
            rf"{PREFIX}(?:(?P<yawm>يوم)\s+)?(?P<wd>{_alt(self.weekdays)})(?:\s+(?P<dir>{_alt(['المقبل', 'القادم', 'الماضي', 'المنصرم', 'الفائت', 'المقبلة'])}))?(?!\w)"
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

        for m in self.weekday_span_rx.finditer(folded):
            direction = ("last" if m.group("dir").startswith("الماضي") else "next") if m.group("dir") else None
            taken.append((m.start(), m.end()))
            found.append(Found(m.start(), m.end(), m.group(0).strip(), None, weekday=self.weekdays[m.group("wd1")], weekday_end=self.weekdays[m.group("wd2")], direction=direction))
        for name, rx in self.patterns:
            for m in rx.finditer(folded):
                values = self._values(name, m)
                if not free(m.start(), m.end()) or values is None or not all(_plausible(v) for v in values):
                    continue
                taken.append((m.start(), m.end()))
                tense = {"المقبل": "future", "القادم": "future", "الماضي": "past", "المنصرم": "past", "الفاءت": "past", "الجاري": "current", "الحالي": "current"}.get(m.group("tense"))
                pre = m.group("pre") if name.startswith("range") else None
                # Only a range joined by a word "to" can be a move from one day to another.
                joint = m.span("sep") if name.startswith("range") and fold(m.group("sep")) in TO_WORDS else None
                for value in values:
                    found.append(Found(m.start(), m.end(), m.group(0).strip(), value, tense=tense, pre=pre, joint=joint if value.end_day else None))
        for m in self.numeric_rx.finditer(folded):
            y, mo, d = (m.group("y"), m.group("m"), m.group("d")) if m.group("y") else (m.group("y2"), m.group("m2"), m.group("d2"))
            value = DateValue(int(y), int(mo), int(d))
            if free(m.start(), m.end()) and 1 <= value.month <= 12 and _plausible(value):
                taken.append((m.start(), m.end()))
                found.append(Found(m.start(), m.end(), m.group(0).strip(), value))
        for m in self.context_rx.finditer(folded):
            if free(m.start(), m.end()):
                day = int(m.group("ad")) if m.group("ad") else self.ordinals[m.group("ao")]
                which = "same" if m.group("which") in ("نفسه", "ذاته") else "next" if m.group("which") in ("المقبل", "القادم") else "current"
                if 1 <= day <= 31:
                    taken.append((m.start(), m.end()))
                    found.append(Found(m.start(), m.end(), m.group(0).strip(), None, context_day=day, context_month=which))
        for m in self.same_day_rx.finditer(folded):
            if free(m.start(), m.end()):
                taken.append((m.start(), m.end()))
                found.append(Found(m.start(), m.end(), m.group(0).strip(), None, same_day=True))
        for m in self.next_month_rx.finditer(folded):
            if free(m.start(), m.end()):
                taken.append((m.start(), m.end()))
                found.append(Found(m.start(), m.end(), m.group(0).strip(), None, context_month="next", month_only=True))
        for m in self.weekday_rx.finditer(folded):
            if not free(m.start(), m.end()):
                continue
            # A bare weekday name counts where it stands apart ("، السبت،", at the end) or
            # after a time of day; "الأحد" and "الاثنين" are also plain words, so they need that.
            if not (m.group("yawm") or m.group("dir")) and not self._bare_weekday(folded, m):
                continue
            # "الفاءت" is "الفائت" folded.
            direction = {"الماضي": "last", "المنصرم": "last", "الفاءت": "last"}.get(m.group("dir"), "next" if m.group("dir") else None)
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
            count = (int(n) if n.isdigit() else self.cardinals[n]) if n else (2 if unit in ("يومين", "اسبوعين") else 1)
            days = count * (7 if "سبوع" in unit else 1)
            if m.group("dir") == "قبل":
                days = -days
            taken.append((m.start(), m.end()))
            found.append(Found(m.start(), m.end(), m.group(0).strip(), None, relative_days=days, relative_to_meeting=True))
        return _fuse(sorted(found, key=lambda f: (f.start, f.end)), folded)

    def _values(self, name: str, m) -> list[DateValue] | None:
        """The date(s) one match stands for: two for a list ("في 5 و9 مارس", "25 آذار و22 نيسان").
        None: the match is not of this form (another pattern reads it)."""
        month = self.months[m.group("m1") if name != "range" else m.group("m2")]
        year = m.group("y1") if name in ("day", "month", "range2") else m.group("y2")
        year = int(year) if year else None
        if name == "month":
            return [DateValue(year, month, None)]
        if name == "day":
            return [DateValue(year, month, self._day(m, "a"))]
        a, b = self._day(m, "a"), self._day(m, "b")
        joined_by_and = fold(m.group("sep")) == "و"
        if name == "range":
            if joined_by_and and m.group("ao") and m.group("bo") and a < 10 and b % 10 == 0:
                return None  # "التاسع والعشرين": one ordinal, not a range (read as a day)
            if joined_by_and and not m.group("pre") and b != a + 1:
                return [DateValue(year, month, a), DateValue(year, month, b)]  # "في 5 و9 مارس": two days
            return [DateValue(year, month, a, end_day=b)]
        # "من 30 ديسمبر إلى 2 يناير 2026": a year given on one end only fixes the
        # other, one year apart when the range crosses the new year.
        end_month = self.months[m.group("m2")]
        end_year = int(m.group("y2")) if m.group("y2") else None
        crosses = end_month < month
        if year is None and end_year is not None:
            year = end_year - crosses
        elif end_year is None and year is not None:
            end_year = year + crosses
        if joined_by_and and not m.group("pre"):
            # "في 25 آذار و22 نيسان": two dates, each its own meeting.
            return [DateValue(year, month, a), DateValue(end_year, end_month, b)]
        return [DateValue(year, month, a, end_day=b, end_month=end_month, end_year=end_year)]

    def _bare_weekday(self, folded: str, m) -> bool:
        """A bare weekday counts where it stands apart ("، السبت،"), at the end of a clause,
        after a time of day or "اليوم", or right after a place ("في كييف السبت"). "الأحد"
        and "الاثنين" are also plain words ("the one", "the two"): only apart or after a time."""
        before = folded[: m.start()].rstrip()
        after = folded[m.end():].lstrip()
        apart = (not before or before[-1] in "،,(-/") and (not after or after[0] in "،,.)-/؟:")
        if apart or re.search(r"(?:^|\s)[وف]?(?:اليوم|مساء|صباح|ظهر|فجر|ليلة|غدا|امس)$", before):
            return True
        if DAY_FOLLOWS.match(after) and MEETING_BEFORE.search(before):
            return True
        if PURPOSE_FOLLOWS.match(after) and MEETING_BEFORE.search(before) and not AFTER_PLACE.search(before):
            return True
        if m.group("wd") not in self.bare_ok:
            return False
        clause_end = not after or after[0] in "،,.؟:;"
        after_place = bool(AFTER_PLACE.search(before))
        # "ستستضيف الدوحة الخميس جولة ...": these names are only days; after a verb of
        # meeting or hosting and who meets, one is the day whatever follows.
        return clause_end or after_place or bool(MEETING_BEFORE.search(before))

    def until(self, folded: str) -> list[int]:
        """The weekday (Monday 0) each "تستمر حتى الجمعة"-like phrase ends on."""
        return [self.weekdays[m.group("wd")] for m in self.until_rx.finditer(folded)]

    def durations(self, folded: str) -> list[tuple[int, int, int]]:
        """(start, end, days) of each "على مدى يومين"-like phrase."""
        out = []
        for m in self.duration_rx.finditer(folded):
            unit, n = m.group("unit"), m.group("n")
            days = (int(n) if n.isdigit() else self.cardinals[n]) if n else (2 if unit == "يومين" else 1)
            if 1 <= days <= 31:
                out.append((m.start(), m.end(), days))
        return out


# Where a day stands: "يلتقي الوزيران الأحد في الرياض", "اجتمع الوزيران الاثنين بالقاهرة":
# right after a verb or noun of meeting (and at most three words of who meets), and
# before a place, "في", "مع" or the end of the clause. "الأحد عشر", "الاثنين من الوزراء",
# "مصير الاثنين المعتقلين" and "في كييف الأحد لبحث" ("the one") stand elsewhere.
MEETING_BEFORE = re.compile(
    r"(?:^|\s)[وف]?(?:"
    r"(?:[يتن]|س[يتن]|ل[يت])?(?:لتقي|لتقيان|جتمع|جتمعان|زور|ستقبل|ستضيف|حتضن|عقد|نعقد|صل|توجه|بدا|نطلق|ختتم|نتقل)(?:ان|ون)?"
    r"|التقي|التقيا|التقوا|اجتمع|اجتمعا|اجتمعوا|زار|استقبل|استضاف|استضافت|احتضن|احتضنت|عقد|عقدت|انعقد|انعقدت|وصل|وصلت|توجه|بدات|بدا|انطلقت|اختتمت|انتقل"
    r"|(?:ال)?(?:اجتماع|لقاء|قمة|قمت|محادثات|مباحثات|زيارة|زيارت|مؤتمر|جلسة|جلست)(?:ات|ا|ه|ها|هم|هما)?)"  # "لقاؤهما الأحد"
    r"(?:\s+\S+){0,3}$"
)
DAY_FOLLOWS = re.compile(r"(?:$|[،,.؛;:)]|(?:في|الي|داخل|مع)(?!\w)|ب\w{3,})")
# "يجتمع الوزراء الاثنين لبحث ...": a purpose follows a day that stands right after who
# meets; after a place ("في كييف الأحد لبحث") it may be "the one".
PURPOSE_FOLLOWS = re.compile(r"(?:بشان|حول|ل(?:بحث|مناقشة|اجراء|التباحث|التشاور|توقيع|تنسيق|متابعة))(?!\w)")
AFTER_PLACE = re.compile(r"(?:^|\s)[وف]?(?:في|الي|داخل)\s+\S+(?:\s+\S+)?$|(?:^|\s)ب\S{3,}$")


# The Hijri months (folded): "الخميس 27 رمضان 1447 هـ الموافق 16 مارس" names one day twice.
HIJRI_MONTHS = ("محرم", "صفر", "ربيع الاول", "ربيع الاخر", "ربيع الثاني", "جمادي الاولي", "جمادي الاخرة", "جمادي الاخره", "جمادي الثانية",
                "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذي القعدة", "ذو الحجة", "ذي الحجة")
HIJRI = rf"\d{{1,2}}\s+(?:من\s+)?(?:شهر\s+)?(?:{'|'.join(HIJRI_MONTHS)})(?:\s+\d{{4}})?\s*(?:ه|هجري|للهجرة)?\s*[،,]?"
GLUE = re.compile(rf"^\s*[،,]?\s*(?:{HIJRI}\s*)?(?:\(|الموافق|الموافق\s+ل)?\s*$")


def _fuse(found: list[Found], folded: str) -> list[Found]:
    """One expression for "يوم الخميس 19 فيفري", "اليوم الخميس (11 أيلول)", "يوم غدا الأحد".

    A weekday or relative word right before an absolute date names the same day: the
    absolute date stands for both. A weekday right after a relative word ("غدا الأحد")
    repeats it: the relative word stands for both.
    """
    out: list[Found] = []
    for f in found:
        if out:
            prev = out[-1]
            gap = folded[prev.end:f.start]
            if prev.value is None and prev.context_day is None and f.value is not None and GLUE.match(gap):
                out[-1] = Found(prev.start, f.end, folded[prev.start:f.end].strip(), f.value, tense=f.tense)
                continue
            if prev.relative_days is not None and not prev.relative_to_meeting and f.weekday is not None and f.weekday_end is None and not gap.strip():
                out[-1] = Found(prev.start, f.end, folded[prev.start:f.end].strip(), None, relative_days=prev.relative_days)
                continue
        out.append(f)
    return out


def _plausible(v: DateValue) -> bool:
    """A real calendar date, and a range that ends on or after its start."""
    if v.day == 0:
        return False
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


def resolve(found: Found, anchor: dt.date | None, last_meeting: dt.date | None, past: bool, future: bool = False, context: dt.date | None = None) -> DateValue | None:
    """A concrete date for a found expression, or None when it cannot be anchored.

    ``anchor`` is the dateline; ``last_meeting`` the start of the meeting just
    mentioned ("بعد يومين"); ``context`` the last date the article gave ("الشهر نفسه").
    """
    tense = found.tense if found.tense in ("future", "past") else "past" if past and not future else "future" if future and not past else None
    if found.value is not None:
        if found.value.year is None and anchor is not None:
            if found.tense == "current":
                return found.value.with_year(anchor.year) if _valid(found.value, anchor.year) else None
            return infer_year(found.value, anchor, tense)
        return found.value
    if found.same_day:
        return DateValue(context.year, context.month, context.day) if context else None
    if found.month_only and anchor is not None:
        year, month = anchor.year + (anchor.month == 12), anchor.month % 12 + 1
        return DateValue(year, month, None)
    if found.context_day is not None:
        base = context if found.context_month == "same" and context else anchor
        if base is None:
            return None
        year, month = base.year, base.month
        if found.context_month == "next":
            year, month = year + (month == 12), month % 12 + 1
        value = DateValue(year, month, found.context_day)
        return value if _valid(value, year) else None
    if found.relative_days is not None:
        base = last_meeting if (found.relative_to_meeting and last_meeting) else anchor
        if base is None:
            return None
        d = base + dt.timedelta(days=found.relative_days)
        return DateValue(d.year, d.month, d.day)
    if found.weekday is not None and anchor is not None:
        back = -((anchor.weekday() - found.weekday) % 7 or (7 if found.direction else 0))
        ahead = (found.weekday - anchor.weekday()) % 7 or (7 if found.direction else 0)
        if found.direction == "last" or (found.direction is None and tense == "past"):
            delta = back
        elif found.direction == "next" or tense == "future":
            delta = ahead
        else:
            delta = min((back, ahead), key=abs)  # no tense to go by: the nearer of the two (never a tie: they are 7 apart, or both 0)
        d = anchor + dt.timedelta(days=delta)
        if found.weekday_end is not None:
            e = d + dt.timedelta(days=(found.weekday_end - found.weekday) % 7)
            return DateValue(d.year, d.month, d.day, end_day=e.day, end_month=e.month if e.month != d.month else None)  # the end's year follows
        return DateValue(d.year, d.month, d.day)
    return None
