"""Open data: every record as JSON, and the JSON Schema that validates each one.

``data/events.json`` is a JSON array of the records, the same content and order as
the YAML files under content/events/ (by start date, then id). Each item validates
against ``data/event.schema.json``, a byte-for-byte copy of the project's schema.
"""

from __future__ import annotations

import json

from .. import record
from . import urls


def events_json(records) -> bytes:
    return (json.dumps(list(records), ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


def files(records) -> dict[str, bytes]:
    return {urls.EVENTS_JSON: events_json(records), urls.SCHEMA_JSON: record.SCHEMA_PATH.read_bytes()}
