"""Merging: mentions from every article into one event per meeting.

Mentions of the same kind on the same day with compatible places are one meeting.
A mention whose date has no year (an article without a dateline) joins the meeting
of the same kind on the same day and month that a dated source gives; a mention of
no known kind joins the one meeting on its date. What cannot be placed is reported.
Where sources disagree the event keeps every reading (``conflicts``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from dataclasses import dataclass

from .errors import Problem
from .model import DateValue, Evidence, Mention, Participant, Ref, Statement


@dataclass(frozen=True)
class Reading:
    value: object
    seeds: tuple[str, ...]


@dataclass(frozen=True)
class Event:
    kind: Ref
    format: str | None  # the meeting's format, from the most telling source
    date: DateValue
    previous: DateValue | None  # the dates it was moved from, where a source says
    city: Ref | None
    country: str | None  # ISO code
    status: str
    series: Ref | None
    host: Ref | None
    participants: tuple[Participant, ...]
    participant_count: tuple[int, str] | None
    attendance: str | None
    topics: tuple[Ref, ...]
    statements: tuple[Statement, ...]
    sources: tuple[tuple[str, dt.date | None, str], ...]  # seed, published, status it reports
    evidence: dict  # field -> tuple[Evidence, ...]
    conflicts: tuple[tuple[str, tuple[Reading, ...], object, str], ...]  # field, readings, shown, why
    side: bool = False  # held on another meeting's sidelines (every member says so)


def _sort_key(m: Mention):
    return (m.seed, m.order)


# A meeting that ended more than this long before the article's dateline is history the
# article recalls ("the last summit, in November 2022"), not news: reported, not recorded.
BACKGROUND = dt.timedelta(days=365)


def _background(m: Mention) -> bool:
    return bool(m.published and m.date and m.date.year and m.date.end() < m.published - BACKGROUND)


def merge(mentions: list[Mention]) -> tuple[list[Event], list[Problem]]:
    groups, notices = group(mentions)
    return [event(g) for g in groups], notices


def event(members: list[Mention]) -> Event:
    """The event one group of mentions (as ``group`` gives it) makes."""
    return _event(sorted(members, key=_sort_key))


def group(mentions: list[Mention]) -> tuple[list[list[Mention]], list[Problem]]:
    """The mentions of each meeting, in the order of the events ``merge`` makes of them,
    and the notices. An event depends on its group's mentions alone: a caller may keep
    it by them."""
    notices: list[Problem] = []
    for m in sorted((m for m in mentions if _background(m)), key=_sort_key):
        ev = m.evidence.get("date") or m.evidence.get("kind")
        notices.append(Problem(f"seeds/{m.seed}", f"sentence {ev[0].sentence}" if ev else "", f"a meeting ({m.kind.id if m.kind else 'unknown kind'}) on {m.date_text!r}, over a year before the article: named in passing; not recorded"))
    mentions = [m for m in mentions if not _background(m)]
    groups: list[list[Mention]] = []
    # Groups indexed by what must agree: kind, day (or month) and precision. A month-only
    # mention ("في مارس") is not the same meeting as one on a day of that month.
    by_day: dict[tuple, list[list[Mention]]] = {}
    dated = sorted((m for m in mentions if m.kind and m.date and m.date.year), key=lambda m: (m.date.start(), m.kind.id, _sort_key(m)))
    for m in dated:
        key = (m.date.start(), m.date.precision)
        fits = [g for g in by_day.get(key, []) if _fits(g, m)]
        if fits:
            fits[0].append(m)
        else:
            groups.append([m])
            by_day.setdefault(key, []).append(groups[-1])
    by_month_day: dict[tuple, list[list[Mention]]] = {}
    for g in groups:
        if g[0].date.precision == "day":
            by_month_day.setdefault((g[0].date.month, g[0].date.day), []).append(g)
    for m in sorted((m for m in mentions if m.kind and m.date and m.date.year is None), key=_sort_key):
        fits = [g for g in by_month_day.get((m.date.month, m.date.day), []) if _fits(g, m)]
        if len(fits) == 1:
            fits[0].append(m)
        else:
            ev = m.evidence.get("date") or m.evidence.get("kind")
            place = f"sentence {ev[0].sentence}" if ev else ""
            why = "several" if fits else "no other"
            notices.append(Problem(f"seeds/{m.seed}", place, f"the date {m.date_text!r} has no year and the article no dateline, and {why} source dates this meeting ({m.kind.id}); not recorded"))
    for m in sorted((m for m in mentions if m.several), key=_sort_key):
        ev = m.evidence["kind"][0]
        notices.append(Problem(f"seeds/{m.seed}", f"sentence {ev.sentence}", "speaks of dated meetings together («اجتماعات», «سلسلة») and singles none out; not recorded"))
    for m in sorted((m for m in mentions if m.kind and m.date is None), key=_sort_key):
        ev = m.evidence.get("kind")
        place = f"sentence {ev[0].sentence}" if ev else ""
        notices.append(Problem(f"seeds/{m.seed}", place, f"a meeting ({m.kind.id}) with no date; not recorded"))
    by_start: dict = {}
    for g in groups:
        if g[0].date.precision == "day":
            by_start.setdefault(g[0].date.start(), []).append(g)
    for m in sorted((m for m in mentions if m.kind is None and m.date and m.date.year and m.date.precision == "day"), key=_sort_key):
        fits = [g for g in by_start.get(m.date.start(), []) if _fits(g, m)]
        if len(fits) == 1:
            fits[0].append(m)
    return groups, notices


def _fits(group: list[Mention], m: Mention) -> bool:
    """A mention joins a group only if its place agrees with every member's."""
    return all(_compatible(other, m) for other in group)


def _compatible(a: Mention, b: Mention) -> bool:
    # Two levels on one day are two meetings (defence and foreign ministers in Berlin);
    # a format-only kind ("talks", "meeting") may be either.
    if a.kind and b.kind and a.kind != b.kind and not (a.kind_generic or b.kind_generic):
        return False
    if a.city and b.city and a.city != b.city:
        return False
    if a.series and b.series and a.series != b.series:
        return False
    if a.country and b.country and a.country.id != b.country.id:
        return False
    # A meeting held on a summit's sidelines is not the summit, though its day and place
    # are the summit's and its kind may be a bare "meeting" (or the summit's own level).
    if a.side != b.side:
        return False
    return True


def _first(group: list[Mention], get):
    return next((get(m) for m in group if get(m) is not None), None)


@functools.lru_cache(maxsize=1)
def format_order() -> tuple[str, ...]:
    """The formats' ids as lexicon/formats.yml lists them, the more telling first."""
    from . import lexicon  # the lexicon the extraction loaded (lexicon.load remembers it)

    return tuple(f.id for f in lexicon.load().formats)


def _format(group: list[Mention]) -> str | None:
    """The format most sources give; on a tie, the more telling one."""
    counts = Counter(m.format for m in group if m.format)
    order = format_order()
    rank = lambda f: (-counts[f], order.index(f) if f in order else len(order), f)  # noqa: E731
    return min(counts, key=rank) if counts else None


def _published_key(m: Mention):
    # Newest source wins: sources without a dateline count as the oldest.
    return (m.published or dt.date.min, m.seed)


def _event(group: list[Mention]) -> Event:
    # The most specific kind: a level over a format.
    kinded = sorted((m for m in group if m.kind), key=lambda m: m.kind_generic)
    # Dicts as ordered sets: de-duplication stays linear however much evidence a meeting has.
    evidence: dict[str, dict[Evidence, None]] = {}
    for m in group:
        for name, evs in m.evidence.items():
            evidence.setdefault(name, {}).update(dict.fromkeys(evs))
    evidence = {k: tuple(sorted(v, key=lambda e: (e.seed, e.sentence))) for k, v in evidence.items()}
    conflicts = []
    newest_first = sorted(group, key=_published_key, reverse=True)

    def pick(name: str, get, shown_why: str = "the newest source wins"):
        readings: dict = {}
        for m in group:
            value = get(m)
            if value is not None:
                readings.setdefault(value, []).append(m.seed)
        if not readings:
            return None
        if len(readings) == 1:
            return next(iter(readings))
        shown = next(get(m) for m in newest_first if get(m) is not None)
        conflicts.append((name, tuple(Reading(v, tuple(sorted(set(s)))) for v, s in readings.items()), shown, shown_why))
        return shown

    # A range over a single day; a date with a year (every group starts from one) over one without.
    date = max((m.date for m in kinded if m.date.year), key=lambda d: d.end_day is not None)
    # Place and series cannot disagree within a group (``_compatible`` keeps such
    # mentions apart): the first source that names them gives them.
    city = _first(group, lambda m: m.city)
    country = _first(group, lambda m: m.country.id.upper() if m.country else None)
    status = pick("status", lambda m: m.status)
    series = _first(group, lambda m: m.series)
    host = pick("host", lambda m: m.host)
    count = pick("participant_count", lambda m: m.participant_count)
    participants: dict[str, Participant] = {}
    for m in group:
        for p in m.participants:
            known = participants.get(p.ref.id)
            if known is None or (known.mode is None and p.mode):
                participants[p.ref.id] = p
    modes = {p.mode for p in participants.values() if p.mode}
    online_meeting = any(m.online for m in group)
    in_person_cue = any(m.in_person for m in group)
    if "online" in modes or online_meeting:
        attendance = "mixed" if ("in_person" in modes or city or in_person_cue) else "online"
    elif "in_person" in modes or in_person_cue:
        attendance = "in_person"
    else:
        attendance = None
    topics: dict[str, Ref] = {}
    for m in group:
        for t in m.topics:
            topics.setdefault(t.id, t)
    statements: dict[Statement, None] = {}
    for m in group:
        statements.update(dict.fromkeys(m.statements))
    sources = {}
    for m in group:
        sources.setdefault(m.seed, (m.seed, m.published, m.status))
    return Event(
        kind=kinded[0].kind,
        format=_format(group),
        date=date,
        previous=next((m.previous for m in newest_first if m.previous is not None), None),
        city=city,
        country=country,
        status=status,
        series=series,
        host=host,
        participants=tuple(participants.values()),
        participant_count=count,
        attendance=attendance,
        topics=tuple(topics.values()),
        statements=tuple(sorted(statements, key=lambda s: (s.evidence.seed, s.evidence.sentence))),
        sources=tuple(sources[k] for k in sorted(sources)),
        evidence=evidence,
        conflicts=tuple(conflicts),
        side=group[0].side,
    )
