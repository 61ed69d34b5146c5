"""The model: frozen dataclasses passed between reading, extraction and merging.

Records themselves are plain dicts (see ``record.py``): they are what is written,
validated by the JSON Schema and read back by the renderers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article. ``index`` counts from 1 across the whole article."""

    index: int
    paragraph: int
    text: str


@dataclass(frozen=True)
class Article:
    """A seed article as read from ``seeds/``; its text is kept verbatim."""

    seed: str  # file name under seeds/
    published: dt.date | None  # the dateline (or front-matter date), None if absent
    paragraphs: tuple[tuple[Sentence, ...], ...]
    title: str | None = None
    outlet: str | None = None
    url: str | None = None

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for p in self.paragraphs for s in p)

    @property
    def stem(self) -> str:
        return self.seed.rsplit(".", 1)[0]


@dataclass(frozen=True)
class Evidence:
    """The sentence that supports a field."""

    seed: str
    sentence: int
    text: str


@dataclass(frozen=True)
class DateValue:
    """A resolved (or partly resolved) date.

    ``year`` is None when the article gives no year and has no dateline to infer it
    from; such a date is anchored later by another source about the same meeting.
    """

    year: int | None
    month: int
    day: int | None  # None: precision month
    end_day: int | None = None  # inclusive last day of a range in the same month
    end_month: int | None = None  # a range that crosses a month boundary
    end_year: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day is not None else "month"

    def start(self) -> dt.date | None:
        if self.year is None:
            return None
        return dt.date(self.year, self.month, self.day or 1)

    def end(self) -> dt.date | None:
        if self.year is None:
            return None
        if self.day is None:
            nxt = dt.date(self.year + (self.month == 12), self.month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        if self.end_day is None:
            return self.start()
        end_month = self.end_month or self.month
        end_year = self.end_year or self.year + (end_month < self.month)  # a range across the new year
        return dt.date(end_year, end_month, self.end_day)

    def with_year(self, year: int) -> "DateValue":
        end_year = self.end_year
        if self.end_month is not None and self.end_month < self.month:
            end_year = year + 1
        return DateValue(year, self.month, self.day, self.end_day, self.end_month, end_year)


@dataclass(frozen=True)
class Ref:
    """A lexicon entry found in text: an id and its names in both languages."""

    id: str
    ar: str
    en: str


@dataclass(frozen=True)
class Participant:
    ref: Ref
    mode: str | None  # in_person | online | None (not stated)


@dataclass(frozen=True)
class Statement:
    speaker: Ref
    text: str  # Arabic, verbatim from the article
    direct: bool  # a quotation (True) or reported speech (False)
    evidence: Evidence


@dataclass(frozen=True)
class Mention:
    """One meeting as one article speaks of it, every field with its evidence."""

    seed: str
    published: dt.date | None
    order: int  # position in the article, for stable merging
    kind: Ref | None
    date: DateValue | None
    date_text: str | None  # the words the date was read from
    city: Ref | None = None
    country: Ref | None = None
    status: str | None = None
    series: Ref | None = None
    host: Ref | None = None
    participants: tuple[Participant, ...] = ()
    participant_count: tuple[int, str] | None = None
    topics: tuple[Ref, ...] = ()
    statements: tuple[Statement, ...] = ()
    online: bool = False  # the meeting itself is said to be online
    in_person: bool = False  # the meeting is said to be attended in person
    kind_generic: bool = False  # the kind is a format only (talks, visit): any level's meeting may be the same
    several: bool = False  # a sentence that names dated meetings together, none singled out (reported only)
    side: bool = False  # held on another meeting's sidelines («على هامش القمة»): never that meeting itself
    format: str | None = None  # summit, talks, conference, forum, visit, session, meeting (lexicon/formats.yml)
    previous: DateValue | None = None  # the day it was moved from ("أُجّل من ... إلى ...")
    evidence: dict = field(default_factory=dict, hash=False, compare=False)  # field -> tuple[Evidence]
