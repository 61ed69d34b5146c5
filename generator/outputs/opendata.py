"""Open data: every record as JSON, and the JSON Schemas that validate it.

``data/events.json`` is a JSON array of the records, the same content and order as
the YAML files under content/events/ (by start date, then id); ``data/events-<year>.json``
holds the meetings that start in that year, so a reader of one year need not fetch them all. The file as published
validates against ``data/events.schema.json`` (an array of records); each item
against ``data/event.schema.json``, a byte-for-byte copy of the project's schema.
"""

from __future__ import annotations

import json

from .. import record
from . import urls
from .joined import Frame


def item_json(rec: dict) -> str:
    """One record as it stands inside events.json's array (indented one level)."""
    return "  " + json.dumps(rec, ensure_ascii=False, indent=2).replace("\n", "\n  ")


# ``json.dumps(records, indent=2)`` around its items
FRAME = Frame(b"[\n", b",\n", b"\n]\n", empty=b"[]\n")


def events_json(records, items=None) -> bytes:
    """The array of ``records``: ``json.dumps(records, indent=2)``, byte for byte, joined
    from each record's ``item_json`` in UTF-8 (``items``: those made earlier, in the same
    order; joined as bytes, so 10,000 cached items are not decoded and encoded again)."""
    return FRAME.join(list(items) if items is not None else [item_json(r).encode("utf-8") for r in records])


def array_schema(one: dict) -> dict:
    """The schema of events.json: an array whose items are records. The record schema
    is inlined (its $defs lifted to the top, where its "#/$defs/..." references
    point), so a validator needs no second file and no network."""
    event = {k: v for k, v in one.items() if k not in ("$schema", "$id", "$defs")}
    return {
        "$schema": one.get("$schema", "https://json-schema.org/draft/2020-12/schema"),
        "$id": "events.schema.json",
        "title": "Meetings (open data)",
        "description": "data/events.json: every meeting record, by start date then id.",
        "type": "array",
        "items": {"$ref": "#/$defs/event"},
        "$defs": {**one.get("$defs", {}), "event": event},
    }


def files(records, cached=None, joined=None) -> dict[str, bytes]:
    """``cached(what, rec, lang, make)`` may return a record's JSON made earlier (the
    build cache); ``joined(path, records, frame, part)``: a file of many records (see
    ``ics.files``)."""
    cached = cached or (lambda what, rec, lang, make: make())
    joined = joined or (lambda path, recs, frame, part: frame().join([part(r) for r in recs]))
    made: dict[int, bytes] = {}

    def item(rec: dict) -> bytes:
        got = made.get(id(rec))  # records live through the build: their ids stay theirs
        if got is None:
            got = made[id(rec)] = cached("json", rec, "", lambda: item_json(rec).encode("utf-8"))
        return got

    def frame() -> Frame:
        return FRAME

    one = record.SCHEMA_PATH.read_bytes()
    many = json.dumps(array_schema(json.loads(one)), ensure_ascii=False, indent=2) + "\n"
    out = {urls.EVENTS_JSON: joined(urls.EVENTS_JSON, records, frame, item), urls.SCHEMA_JSON: one, urls.EVENTS_SCHEMA_JSON: many.encode("utf-8")}
    by_year: dict[str, list] = {}
    for rec in records:
        by_year.setdefault(rec["date"]["start"][:4], []).append(rec)
    for year, recs in by_year.items():
        path = urls.year_events_json(year)
        out[path] = joined(path, recs, frame, item)
    return out
