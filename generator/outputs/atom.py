"""An Atom 1.0 feed (RFC 4287) of the meetings, one per language, built with xml.etree.

- Entries are newest first: by ``updated`` (the newest source's dateline), then by
  meeting date, latest first, then by id. Feed readers sort by these dates too.
- ``id``: a tag URI (RFC 4151) from the site host, the date in the record id and the
  page path, e.g. ``tag:briefing.example.org,2026-01-03:en/meetings/<id>``; it does
  not change when the record does. The feed's own id is its URL.
- ``published``: the oldest source dateline; ``updated``: the newest; both fall back
  to the meeting's first day when no source has a dateline. The feed's ``updated`` is
  the newest entry's. Never the clock.
- A feed holds the ``LATEST`` newest entries: readers poll it, and a feed of every
  meeting ever reported would grow without bound (the calendars and the open data
  keep the whole record).
- Text goes through XML escaping (ElementTree); characters XML 1.0 forbids are dropped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from . import labels, stamps, urls

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LATEST = 50  # entries per feed
EPOCH = "1970-01-01T00:00:00Z"  # the feed's updated when there is no meeting at all
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

ET.register_namespace("", ATOM)


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: _clean(v) for k, v in attrs.items()})
    if text is not None:
        el.text = _clean(text)
    return el


def order(records) -> list[dict]:
    by_id = sorted(records, key=lambda r: r["id"])
    return sorted(by_id, key=lambda r: (stamps.updated(r), stamps.start(r)), reverse=True)


def summary(rec: dict, lang: str) -> str:
    parts = [labels.when(rec, lang), labels.location(rec, lang) or labels.word(lang, "place_unknown"), labels.status(rec, lang)]
    if rec.get("host"):
        parts.append(f"{labels.word(lang, 'host')}: {rec['host'][lang]}")
    return " · ".join(parts)


def _entry(feed: ET.Element, rec: dict, lang: str, lex, site) -> None:
    entry = _sub(feed, "entry")
    _sub(entry, "id", urls.entry_tag(site, rec, lang))
    _sub(entry, "title", rec["title"][lang] or rec["title"]["ar"], type="text")
    _sub(entry, "link", rel="alternate", type="text/html", href=urls.page_url(site, rec["id"], lang))
    _sub(entry, "link", rel="related", type="text/calendar", href=urls.file_url(site, urls.ics_path(lang, rec["id"])))
    _sub(entry, "published", stamps.rfc3339(stamps.published(rec)))
    _sub(entry, "updated", stamps.rfc3339(stamps.updated(rec)))
    _sub(entry, "category", term=rec["kind"], label=labels.kind(lex, rec["kind"], lang))
    _sub(entry, "summary", summary(rec, lang), type="text")


def feed(records, lang: str, lex, site, path: str | None = None, narrower: str | None = None) -> bytes:
    """The feed of ``records`` at ``path`` (default: every meeting); ``narrower`` names
    the subset (a country, a series) in its title."""
    entries = order(records)[:LATEST]
    root = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: lang})
    self_url = urls.file_url(site, path or urls.feed_path(lang))
    _sub(root, "id", self_url)
    title = f"{site.name} — {labels.word(lang, 'meetings')}" + (f" — {narrower}" if narrower else "")
    _sub(root, "title", title, type="text")
    _sub(root, "subtitle", labels.word(lang, "feed_subtitle"), type="text")
    _sub(root, "link", rel="self", type="application/atom+xml", href=self_url)
    _sub(root, "link", rel="alternate", type="text/html", href=urls.home_url(site, lang))
    _sub(root, "updated", stamps.rfc3339(max(stamps.updated(r) for r in entries)) if entries else EPOCH)
    author = _sub(root, "author")
    _sub(author, "name", site.name)
    _sub(author, "uri", site.url)
    for rec in entries:
        _entry(root, rec, lang, lex, site)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n").encode("utf-8")


def files(records, lex, site, cached=None) -> dict[str, bytes]:
    """Every feed. ``cached(entries, lang, parts, make)`` may return a feed made earlier
    from the same entries (the build cache); by default each is made here."""
    cached = cached or (lambda entries, lang, parts, make: make())
    out = {}
    ordered = order(records)
    # ``order`` is a total order (ids are unique): a subset's order is its place in the
    # whole, so each subset is sorted by a number, not by dates parsed again
    rank = {id(r): i for i, r in enumerate(ordered)}
    latest = ordered[:LATEST]
    for lang in urls.LANGS:
        out[urls.feed_path(lang)] = cached(latest, lang, (), lambda: feed(latest, lang, lex, site))
    for facet, value, subset, names in labels.subsets(records, lex):
        latest = sorted(subset, key=lambda r: rank[id(r)])[:LATEST]
        for lang in urls.LANGS:
            path = urls.subset_feed_path(lang, facet, value)
            out[path] = cached(latest, lang, (path, names[lang]), lambda: feed(latest, lang, lex, site, path, names[lang]))
    return out
