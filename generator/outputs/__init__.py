"""Calendar, feeds and open data generated from the records (issue 5).

``render_outputs`` returns ``{path under content/pages: bytes}``:

- ``calendar/<lang>/<id>.ics``, ``calendar/<lang>/all.ics``, ``calendar/<lang>/year/<year>.ics``
  and per country and series (``ics``)
- ``feeds/atom-<lang>.xml`` and per country and series: the latest entries (``atom``)
- ``data/events.json``, ``data/events-<year>.json``, ``data/events.schema.json`` (the file) and ``data/event.schema.json`` (one record) (``opendata``)

``meeting_jsonld`` gives the schema.org Event JSON-LD for one meeting page (``jsonld``).
Every byte comes from the records: the same records give the same files.
"""

from __future__ import annotations

import functools
import hashlib
import json

from ..cache import key
from . import atom, ics, opendata
from . import joined as joined_files
from .jsonld import meeting_jsonld

__all__ = ["render_outputs", "meeting_jsonld"]
# What each record gives on its own, and in which languages ("": one for both).
OWN = (("vevent", ics.urls.LANGS), ("ics", ics.urls.LANGS), ("json", ("",)))


def render_outputs(records, lex, site, cache=None, texts=None, previous=None) -> dict[str, bytes]:
    """``cache`` (a ``generator.cache.Cache``) keeps what each record gives: its
    calendar event and file, its JSON; the files of many records are joined from them.
    ``texts``: each record's compact JSON and its digest, if the caller has made them
    already (``pipeline.Texts``). ``previous(path)``: the bytes the last build wrote to
    ``path`` if the file is still as it left it, else None (``writer.previous``)."""
    records = list(records)
    cached = feed_cached = heads = joined = None
    if cache is not None:
        made: dict[int, str] = {}

        def text(rec: dict) -> str:
            """What a key holds of a record: the SHA-256 of its compact JSON."""
            if texts is not None:
                return texts.digest(rec)
            if id(rec) not in made:  # records live through the whole call: their ids stay theirs
                data = json.dumps(rec, ensure_ascii=False, separators=(",", ":"), default=str)
                made[id(rec)] = hashlib.sha256(data.encode("utf-8")).hexdigest()
            return made[id(rec)]

        # One key per record (its text and the site's name and address: all a record's
        # own outputs are made of); each output's key is it and the output's name. A
        # SHA-256 per record, not per output: this runs for every output of every record
        # in every build.
        bases: dict[int, bytes] = {}
        suffix = {(what, lang): f"{what}:{lang}".encode() for what, langs in OWN for lang in langs}

        def key_of(what: str, rec: dict, lang: str) -> bytes:
            base = bases.get(id(rec))
            if base is None:
                base = bases[id(rec)] = key("record-outputs", site.url, site.name, text(rec))
            return base + suffix[(what, lang)]

        def name(what: str, rec: dict, lang: str) -> str | None:
            """The file's own name, for what is a file on its own (a meeting's calendar)."""
            return f"{what}:{lang}:{rec['id']}" if what == "ics" else None

        # What records give, read from the cache in a few queries (but the files the
        # last build made from the same keys: see Cache.file), and the calendar events
        # (most of the work) the cache does not hold, made on every core: for the
        # records whose own calendar changed, once the first is asked for, and for all
        # the records of a file that is joined in full. A build in which no record
        # changed asks for none (each file of many records is then as the last build
        # left it); one in which a meeting moved asks for that one record's (each file
        # holding it is spliced from the last build's copy: see ``joined``).
        fetched: set[int] = set()

        def wanted(recs):
            for rec in recs:
                for what, langs in OWN:
                    for lang in langs:
                        k, n = key_of(what, rec, lang), name(what, rec, lang)
                        if n is None or not cache.unchanged(n, k):
                            yield k

        def fetch(recs) -> None:
            if len(fetched) == len(records):
                return  # every record's (a build that joins a file in full, or changes most)
            recs = [r for r in recs if id(r) not in fetched]
            if not recs:
                return
            fetched.update(map(id, recs))
            cache.prefetch(wanted(recs))
            cache.warm([(key_of("vevent", rec, lang), functools.partial(ics.event_bytes, rec, lang, lex, site)) for rec in recs for lang in ics.urls.LANGS])

        own = []  # set once: the records whose own calendars changed are fetched

        def cached(what: str, rec: dict, lang: str, make):
            n, k = name(what, rec, lang), key_of(what, rec, lang)
            if n is not None and cache.unchanged(n, k):
                return cache.file(n, k, make)  # a file as the last build made it: nothing to fetch
            if not own:
                own.append(True)
                fetch([r for r in records if any(not cache.unchanged(name("ics", r, lang), key_of("ics", r, lang)) for lang in ics.urls.LANGS)])
            fetch([rec])
            return cache.file(n, k, make) if n else cache.memo_bytes(k, make)

        def joined(path: str, recs: list, frame_of, part):
            # A file of many records is made of their parts alone, in order (and the
            # site's name and address, in a calendar's head and events): its key is
            # theirs. When the last build wrote it from other records, the parts of
            # those it shares with this one are taken from that copy (``previous``:
            # None unless content/ still holds the very file that build wrote), found
            # through the layout that build kept under its key.
            digests = [text(r) for r in recs]
            k = key("joined", path, site.url, site.name, "".join(digests))
            n, context = f"joined:{path}", f"{path}\n{site.url}\n{site.name}"
            shape = key("joined-layout", k)
            cache.keep(shape)

            def make() -> bytes:
                frame = frame_of()
                parts = None
                was = cache.before.get(n)
                if previous is not None and was is not None and was != k:
                    layout = cache.get_value(key("joined-layout", was))
                    old = previous(path) if isinstance(layout, joined_files.Layout) else None
                    if old is not None:
                        parts = joined_files.parts(old, layout, context, frame, digests, lambda i: part(recs[i]))
                if parts is None:
                    fetch(recs)
                    parts = [part(r) for r in recs]
                data = frame.join(parts)
                if cache.enabled:
                    cache.put_value(shape, joined_files.layout(context, frame, digests, parts, len(data)))
                return data

            return cache.joined(n, k, make)

        def feed_cached(entries: list, lang: str, parts: tuple, make) -> bytes:
            # a feed is made of its entries' records alone (plus its path and name)
            return cache.memo_bytes(key("feed", lang, site.url, site.name, repr(parts), *map(text, entries)), make)

        def heads(name: str, lang: str, subscribed: bool, make) -> bytes:
            # a calendar's own properties are made of its name and the site's address alone
            return cache.memo_bytes(key("ics-head", lang, site.url, name, "subscribed" if subscribed else "single"), make)

    return {**ics.files(records, lex, site, cached, heads, joined), **atom.files(records, lex, site, feed_cached), **opendata.files(records, cached, joined)}
