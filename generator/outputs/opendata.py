"""Open data: every record as JSON, and the JSON Schemas that validate it.

``data/events.json`` is a JSON array of the records, the same content and order as
the YAML files under content/events/ (by start date, then id). The file as published
validates against ``data/events.schema.json`` (an array of records); each item
against ``data/event.schema.json``, a byte-for-byte copy of the project's schema.
"""

from __future__ import annotations

import json

from .. import record
from . import urls


def events_json(records) -> bytes:
    return (json.dumps(list(records), ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


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


def files(records) -> dict[str, bytes]:
    one = record.SCHEMA_PATH.read_bytes()
    many = json.dumps(array_schema(json.loads(one)), ensure_ascii=False, indent=2) + "\n"
    return {urls.EVENTS_JSON: events_json(records), urls.SCHEMA_JSON: one, urls.EVENTS_SCHEMA_JSON: many.encode("utf-8")}
