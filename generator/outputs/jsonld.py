"""schema.org ``Event`` JSON-LD for a meeting page, safe to put inside <script>.

- ``eventStatus``: announced, scheduled and held → EventScheduled (schema.org has no
  "held"; EventScheduled means the event takes or took place as planned, so a held
  meeting keeps it); postponed → EventPostponed; cancelled → EventCancelled.
  EventMovedOnline is not used: the record says how a meeting is attended, not that
  it moved online. EventRescheduled is not used: records keep no earlier date.
- ``eventAttendanceMode``: in_person → Offline, online → Online, mixed (in person
  plus online) → Mixed; left out when no source says.
- ``location``: a Place (name, PostalAddress with locality and country code) when a
  source names a place, plus a VirtualLocation for online and mixed meetings; left
  out when neither is known (nothing is invented).
- Dates: ISO dates; month precision gives ``YYYY-MM`` (ISO 8601 reduced precision),
  never an invented day.
- ``organizer``: the host where a source names one (Person when the lexicon knows it
  as a person, otherwise Organization); ``attendee`` likewise for participants;
  ``superEvent`` an EventSeries for the series.
- One line of JSON; ``<``, ``>``, ``&`` (and U+2028/2029) are written as ``\\u003c``
  etc., so article text can never close the script element.
"""

from __future__ import annotations

import json

from . import labels, urls

SCHEMA = "https://schema.org/"
STATUS = {"announced": "EventScheduled", "scheduled": "EventScheduled", "held": "EventScheduled", "postponed": "EventPostponed", "cancelled": "EventCancelled"}
MODE = {"in_person": "OfflineEventAttendanceMode", "online": "OnlineEventAttendanceMode", "mixed": "MixedEventAttendanceMode"}
_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _agent(named: dict, lang: str, lex) -> dict:
    person = lex is not None and named["id"] in lex.by_id("people")
    return {"@type": "Person" if person else "Organization", "name": named[lang]}


def _date(rec: dict, key: str) -> str:
    value = rec["date"][key]
    return value[:7] if rec["date"]["precision"] == "month" else value


def _location(rec: dict, lang: str) -> list[dict]:
    out = []
    where = labels.place(rec, lang)
    if where:
        address = {"@type": "PostalAddress"}
        if rec["place"]["city"]:
            address["addressLocality"] = rec["place"]["city"][lang]
        if rec["place"]["country"]:
            address["addressCountry"] = rec["place"]["country"]["code"]
        out.append({"@type": "Place", "name": where, "address": address})
    if rec.get("attendance") in ("online", "mixed"):
        out.append({"@type": "VirtualLocation", "name": labels.word(lang, "online")})
    return out


def event(rec: dict, lang: str, site, lex=None) -> dict:
    doc = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": rec["title"][lang] or rec["title"]["ar"],
        "url": urls.page_url(site, rec["id"], lang),
        "inLanguage": lang,
        "startDate": _date(rec, "start"),
        "endDate": _date(rec, "end"),
        "eventStatus": SCHEMA + STATUS[rec["status"]],
    }
    if rec.get("attendance") in MODE:
        doc["eventAttendanceMode"] = SCHEMA + MODE[rec["attendance"]]
    location = _location(rec, lang)
    if location:
        doc["location"] = location[0] if len(location) == 1 else location
    if rec.get("host"):
        doc["organizer"] = _agent(rec["host"], lang, lex)
    if rec.get("participants"):
        doc["attendee"] = [_agent(p, lang, lex) for p in rec["participants"]]
    series = lex.by_id("series").get(rec.get("series") or "") if lex is not None else None
    if series is not None:
        doc["superEvent"] = {"@type": "EventSeries", "name": getattr(series.ref, lang)}
    return doc


def dumps(doc: dict) -> str:
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    return "".join(_ESCAPES.get(ch, ch) for ch in text)


def meeting_jsonld(rec: dict, lang: str, site, lex) -> str:
    return dumps(event(rec, lang, site, lex))
