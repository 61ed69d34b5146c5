"""Calendar, feeds and open data generated from the records (issue 5).

``render_outputs`` returns ``{path under content/pages: bytes}``:

- ``calendar/<lang>/<id>.ics`` and ``calendar/<lang>/all.ics`` (``ics``)
- ``feeds/atom-<lang>.xml`` (``atom``)
- ``data/events.json``, ``data/events.schema.json`` (the file) and ``data/event.schema.json`` (one record) (``opendata``)

``meeting_jsonld`` gives the schema.org Event JSON-LD for one meeting page (``jsonld``).
Every byte comes from the records: the same records give the same files.
"""

from __future__ import annotations

from . import atom, ics, opendata
from .jsonld import meeting_jsonld

__all__ = ["render_outputs", "meeting_jsonld"]


def render_outputs(records, lex, site) -> dict[str, bytes]:
    records = list(records)
    return {**ics.files(records, lex, site), **atom.files(records, lex, site), **opendata.files(records)}
