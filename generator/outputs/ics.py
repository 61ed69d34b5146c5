"""iCalendar (RFC 5545) files through the ``icalendar`` library.

One file per meeting and one with every meeting, in each language. Decisions:

- All-day events: ``DTSTART;VALUE=DATE`` is the first day, ``DTEND`` the day after
  the last (RFC 5545 end is exclusive).
- Month precision (the sources name the month, not the day): the event spans the
  whole month, all-day, and the description says the day is not stated. The meeting
  stays in the calendar (a reader still sees it in the right month) and no day is
  invented. Every event is ``TRANSP:TRANSPARENT``: a briefing entry never makes the
  reader busy, so a month-long span blocks nothing.
- ``STATUS``: TENTATIVE until the meeting is reported held (announced and scheduled
  both: the page says "Scheduled", and a briefing cannot confirm a meeting before it
  happens); held → CONFIRMED; cancelled → CANCELLED;
  postponed → TENTATIVE with the summary prefixed "Postponed:" / "مؤجل:" (the date in
  the record no longer holds but the meeting is not called off; CANCELLED would make
  many clients hide it). Cancelled summaries get the same kind of prefix.
- ``UID``: ``<id>.<lang>@<site host>``, from the record id, so it never changes.
- ``DTSTAMP``: midnight UTC of the newest source's dateline (the meeting's first day
  when no source has one), never the clock: the same records give the same bytes.
- Text (summary, location, description, categories) carries ``LANGUAGE=ar|en``; the
  library escapes it.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

from . import labels, stamps, urls
from .joined import Frame

if TYPE_CHECKING:
    import icalendar

STATUS = {"announced": "TENTATIVE", "scheduled": "TENTATIVE", "held": "CONFIRMED", "postponed": "TENTATIVE", "cancelled": "CANCELLED"}
PREFIXED = ("postponed", "cancelled")


def summary(rec: dict, lang: str) -> str:
    title = rec["title"][lang] or rec["title"]["ar"]
    return f"{labels.status(rec, lang)}: {title}" if rec["status"] in PREFIXED else title


def description(rec: dict, lang: str, site) -> str:
    lines = [
        labels.when(rec, lang),
        labels.location(rec, lang) or labels.word(lang, "place_unknown"),
        f"{labels.word(lang, 'status')}: {labels.status(rec, lang)}",
    ]
    if rec.get("host"):
        lines.append(f"{labels.word(lang, 'host')}: {rec['host'][lang]}")
    lines.append(urls.page_url(site, rec["id"], lang))
    return "\n".join(lines)


def event(rec: dict, lang: str, lex, site) -> icalendar.Event:
    import icalendar  # here, as in ``head``: see there

    text = {"LANGUAGE": lang}
    ev = icalendar.Event()
    ev.add("uid", urls.uid(site, rec, lang))
    ev.add("dtstamp", stamps.utc_midnight(stamps.updated(rec)))
    ev.add("dtstart", stamps.start(rec))
    ev.add("dtend", stamps.end(rec) + dt.timedelta(days=1))
    ev.add("summary", summary(rec, lang), parameters=text)
    where = labels.location(rec, lang)
    if where:
        ev.add("location", where, parameters=text)
    ev.add("description", description(rec, lang, site), parameters=text)
    ev.add("url", urls.page_url(site, rec["id"], lang))
    ev.add("categories", [labels.kind(lex, rec["kind"], lang)], parameters=text)
    ev.add("status", STATUS[rec["status"]])
    ev.add("transp", "TRANSPARENT")
    return ev


def frame(name: str, lang: str, site, subscribed: bool = False, heads=None) -> Frame:
    """What a VCALENDAR holds besides its already serialised VEVENTs
    (``event(...).to_ical()``): its own properties first, ``END:VCALENDAR`` last.

    The library writes a calendar as its own properties, then each component's
    lines, then ``END:VCALENDAR``; joining the events' bytes in that place gives the
    same file as adding the components would, without serialising each event once
    per calendar it is in (a meeting is in up to five). ``heads(name, lang,
    subscribed, make)`` may return the properties' bytes made earlier (the build
    cache): a build makes a hundred calendars or more, and making their heads with
    the library was most of what an unchanged record's calendars still cost.
    """
    make = functools.partial(head, name, lang, site, subscribed)
    return Frame(heads(name, lang, subscribed, make) if heads is not None else make(), b"", END)


def calendar(events: list[bytes], name: str, lang: str, site, subscribed: bool = False, heads=None) -> bytes:
    """A VCALENDAR of already serialised VEVENTs (see ``frame``)."""
    return frame(name, lang, site, subscribed, heads).join(events)


END = b"END:VCALENDAR\r\n"


def head(name: str, lang: str, site, subscribed: bool = False) -> bytes:
    """A calendar's own properties: its file up to its first event."""
    # imported here: a build whose every calendar is made of events and heads the cache
    # holds (one that changes an article but no meeting) never loads the library, most
    # of a tenth of that build at 1,000 articles
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", f"-//{urls.host(site)}//Briefing generator//{lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)  # RFC 7986
    cal.add("x-wr-calname", name)
    cal.add("url", urls.home_url(site, lang))
    if subscribed:  # the all-meetings file is meant to be subscribed to
        cal.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", "P1D")
    whole = cal.to_ical()
    assert whole.endswith(END)  # what ``calendar`` relies on
    return whole[: -len(END)]


def event_bytes(rec: dict, lang: str, lex, site) -> bytes:
    """A meeting's calendar event, serialised (what a calendar joins)."""
    return event(rec, lang, lex, site).to_ical()


def files(records, lex, site, cached=None, heads=None, joined=None) -> dict[str, bytes]:
    """Every calendar. ``cached(what, rec, lang, make)`` may return bytes made earlier
    from the same record (the build cache); by default each is made here. ``heads``:
    see ``frame``; used for the calendars of many records (a meeting's own is made
    only when its record changed, and then its head with it). ``joined(path, records,
    frame, part)``: a calendar of many records, ``frame()`` joining ``part(rec)`` of
    each (``generator.outputs.joined``), which the build may leave unmade when none of
    its records changed, or splice from the last build's copy (``Cache.joined``);
    each event is made or read only when a calendar needs it."""
    cached = cached or (lambda what, rec, lang, make: make())
    joined = joined or (lambda path, recs, frame, part: frame().join([part(r) for r in recs]))
    out: dict[str, bytes] = {}
    for lang in urls.LANGS:
        out.update(_language(records, lang, lex, site, cached, heads, joined))
    return out


def _language(records, lang: str, lex, site, cached, heads, joined) -> dict[str, bytes]:
    """One language's calendars (a function of its own: the makers it hands out may run
    after it returns, and each must keep its own language)."""
    made: dict[int, bytes] = {}

    def event_of(rec: dict) -> bytes:
        got = made.get(id(rec))  # records live through the build: their ids stay theirs
        if got is None:
            got = made[id(rec)] = cached("vevent", rec, lang, lambda: event_bytes(rec, lang, lex, site))
        return got

    def whole(name: str):
        return lambda: frame(name, lang, site, subscribed=True, heads=heads)

    out: dict[str, bytes] = {}
    for rec in records:
        out[urls.ics_path(lang, rec["id"])] = cached("ics", rec, lang, lambda rec=rec: calendar([event_of(rec)], f"{site.name} — {summary(rec, lang)}", lang, site))
    name = f"{site.name} — {labels.word(lang, 'meetings')}"
    # the whole calendar to download, and one per year to subscribe to without
    # fetching every meeting ever reported
    path = urls.all_ics_path(lang)
    out[path] = joined(path, records, whole(name), event_of)
    by_year: dict[str, list] = {}
    for rec in records:
        by_year.setdefault(rec["date"]["start"][:4], []).append(rec)
    for year, recs in by_year.items():
        path = urls.year_ics_path(lang, year)
        out[path] = joined(path, recs, whole(f"{name} — {year}"), event_of)
    for facet, value, subset, names in labels.subsets(records, lex):
        path = urls.subset_ics_path(lang, facet, value)
        out[path] = joined(path, subset, whole(f"{name} — {names[lang]}"), event_of)
    return out
