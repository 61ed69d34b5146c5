"""Where things live: output paths under content/pages, page URLs and stable ids.

The paths are a contract with the page renderer, which links to them.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

LANGS = ("ar", "en")
FOLDERS = ("calendar", "feeds", "data")  # under content/pages: the files here that are not pages
EVENTS_JSON = "data/events.json"
SCHEMA_JSON = "data/event.schema.json"  # one record
EVENTS_SCHEMA_JSON = "data/events.schema.json"  # events.json as published: an array of records


def ics_path(lang: str, rec_id: str) -> str:
    return f"calendar/{lang}/{rec_id}.ics"


def all_ics_path(lang: str) -> str:
    return f"calendar/{lang}/all.ics"


def year_ics_path(lang: str, year: str) -> str:
    return f"calendar/{lang}/year/{year}.ics"


def year_events_json(year: str) -> str:
    return f"data/events-{year}.json"


def feed_path(lang: str) -> str:
    return f"feeds/atom-{lang}.xml"


SUBSETS = ("country", "series")  # the narrower feeds and calendars: per country, per series


def subset_key(rec: dict, facet: str) -> str | None:
    """The value a record has for a narrower feed: its country code (lower case) or series id."""
    if facet == "country":
        code = (rec["place"]["country"] or {}).get("code")
        return code.lower() if code else None
    return rec.get("series") or None


def subset_feed_path(lang: str, facet: str, value: str) -> str:
    return f"feeds/{facet}/{value}-{lang}.xml"


def subset_ics_path(lang: str, facet: str, value: str) -> str:
    return f"calendar/{lang}/{facet}/{value}.ics"


def host(site) -> str:
    return urlsplit(site.url).hostname or "localhost"


def _prefix(lang: str) -> str:
    return "" if lang == "ar" else f"{lang}/"


def home_url(site, lang: str) -> str:
    """The timeline: ``{site.url}`` in Arabic, ``{site.url}en/`` in English."""
    return site.url + _prefix(lang)


def page_url(site, rec_id: str, lang: str) -> str:
    return f"{site.url}{_prefix(lang)}meetings/{rec_id}/"


def file_url(site, path: str) -> str:
    return site.url + path


def _id_date(rec: dict) -> str:
    """The date part of the record id (YYYY-MM-DD or YYYY-MM): fixed for the record's life."""
    m = re.match(r"[0-9]{4}-[0-9]{2}(-[0-9]{2})?(?=-)", rec["id"])
    return m.group(0) if m else rec["date"]["start"][:4]


def entry_tag(site, rec: dict, lang: str) -> str:
    """RFC 4151 tag URI for a meeting in one language, e.g.
    ``tag:briefing.example.org,2026-01-03:en/meetings/2026-01-03-leaders-france``."""
    path = urlsplit(site.url).path.lstrip("/")
    return f"tag:{host(site)},{_id_date(rec)}:{path}{_prefix(lang)}meetings/{rec['id']}"


def uid(site, rec: dict, lang: str) -> str:
    """iCalendar UID: the record id, the language, the site host. One per language, so
    importing both the Arabic and the English file never makes one overwrite the other."""
    return f"{rec['id']}.{lang}@{host(site)}"
